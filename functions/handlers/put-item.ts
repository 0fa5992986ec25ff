/** PUT /v1/items/{sku} — create or replace a catalogue item (administrators only). */
import { httpHandler } from '../http/http-handler.ts';
import { requireAdmin } from '../http/tenancy.ts';
import { saveItem } from '../registry/catalogue-items.ts';
import { itemInput, skuParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: skuParams, body: itemInput }, async ({ params, body, principal }) => {
  requireAdmin(principal);
  return { body: await saveItem(params.sku, body, new Date()) };
});
