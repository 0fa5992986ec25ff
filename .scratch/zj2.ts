import { z } from 'zod/mini';
const item = z.object({ sku: z.string(), n: z.int() }).register(z.globalRegistry, { id: 'Item', description: 'An item' });
const page = z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) }).register(z.globalRegistry, { id: 'ItemPage' });
console.log(JSON.stringify(z.toJSONSchema(page)));
console.log(JSON.stringify(z.toJSONSchema(z.object({ a: page, b: item }))));
const limit = z.optional(z.pipe(z.string().check(z.regex(/^\d{1,3}$/)), z.pipe(z.transform(Number), z.int().check(z.minimum(1), z.maximum(100)))));
console.log(JSON.stringify(z.toJSONSchema(z.strictObject({ limit }), { io: 'output' })));
const bool = z.optional(z.pipe(z.enum(['true','false']), z.transform((v) => v === 'true')));
try { console.log(JSON.stringify(z.toJSONSchema(z.strictObject({ bool }), { io: 'output' }))); } catch (e) { console.log('ERR', (e as Error).message); }
console.log(JSON.stringify(z.toJSONSchema(z.strictObject({ bool }), { io: 'input' })));
const desc = z.string().check(z.describe('the sku'));
console.log(JSON.stringify(z.toJSONSchema(z.object({ desc }))));
console.log(JSON.stringify(z.toJSONSchema(z.object({ d: z.optional(z.int()), e: z._default(z.int(), 3) }), { io: 'input' })));
console.log(JSON.stringify(z.toJSONSchema(z.object({ d: z.optional(z.int()), e: z._default(z.int(), 3) }), { io: 'output' })));
