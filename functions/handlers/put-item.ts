/** PUT /v1/items/{sku} — create or replace a catalogue item (administrators only). */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { saveItem } from '../registry/catalogue-items.ts';
import { itemInput, skuParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: skuParams, body: itemInput }, async ({ params, body, principal }) => {
  authorize(principal, 'manage', { kind: 'catalogue' });
  return { body: await saveItem(params.sku, body, new Date()) };
});
