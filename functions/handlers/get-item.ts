/** GET /v1/items/{sku} — one catalogue item. */
import { httpHandler } from '../http/http-handler.ts';
import { readItem } from '../registry/catalogue-items.ts';
import { skuParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: skuParams }, async ({ params }) => ({ body: await readItem(params.sku) }));
