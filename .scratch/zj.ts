import { z } from 'zod/mini';
import { pageQueryShape } from '../functions/data/pagination.ts';
import { item, itemInput, storeInput, homeInput, skuParams } from '../functions/schemas/registry.ts';
import { pageOf } from '../functions/schemas/common.ts';
const q = z.strictObject(pageQueryShape);
try { console.log(JSON.stringify(z.toJSONSchema(q))); } catch (e) { console.log('ERR', (e as Error).message); }
console.log(JSON.stringify(z.toJSONSchema(q, { io: 'input', unrepresentable: 'any' })));
console.log(JSON.stringify(z.toJSONSchema(storeInput, { io: 'input' })));
console.log(JSON.stringify(z.toJSONSchema(homeInput, { io: 'input' })));
console.log(JSON.stringify(z.toJSONSchema(item)));
console.log(JSON.stringify(z.toJSONSchema(skuParams, {io:'input'})));
const reg = z.registry<{ id: string }>();
reg.add(item, { id: 'Item' });
const page = pageOf(item);
reg.add(page, { id: 'ItemPage' });
console.log(JSON.stringify(z.toJSONSchema(reg, { uri: (id) => `#/components/schemas/${id}` }), null, 1));
