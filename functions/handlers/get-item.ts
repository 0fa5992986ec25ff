/** GET /v1/items/{sku} — one catalogue item. */
import { getItem } from '../data/registry-repository.ts';
import { httpHandler } from '../http/http-handler.ts';
import { notFound } from '../http/problem.ts';
import { skuParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: skuParams }, async ({ params }) => {
  const item = await getItem(params.sku);
  if (!item) throw notFound(`No catalogue item "${params.sku}".`);
  return { body: item };
});
