/** PUT /v1/items/{sku} — create or replace a catalogue item (administrators only). */
import { putItem } from '../data/registry-repository.ts';
import { httpHandler } from '../http/http-handler.ts';
import { requireAdmin } from '../http/tenancy.ts';
import { itemInput, skuParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: skuParams, body: itemInput }, async ({ params, body, principal }) => {
  requireAdmin(principal);
  return { body: await putItem(params.sku, body, new Date().toISOString()) };
});
