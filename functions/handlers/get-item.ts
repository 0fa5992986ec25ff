/** GET /v1/items/{sku} — one catalogue item. */
import { authorize } from '../access/authorize.ts';
import { httpHandler } from '../http/http-handler.ts';
import { readItem } from '../registry/catalogue-items.ts';
import { skuParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: skuParams }, async ({ params, principal }) => {
  authorize(principal, 'read', { kind: 'catalogue' });
  return { body: await readItem(params.sku) };
});
