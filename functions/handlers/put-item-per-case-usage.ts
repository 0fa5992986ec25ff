/** PUT /v1/items/{sku}/per-case-usage — an administrator sets the units one isolating resident uses a day. */
import { authorize } from '../access/authorize.ts';
import { httpHandler } from '../http/http-handler.ts';
import { savePerCaseUsage } from '../registry/catalogue-items.ts';
import { perCaseUsageInput } from '../schemas/outbreaks.ts';
import { skuParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: skuParams, body: perCaseUsageInput }, async ({ params, body, principal }) => {
  authorize(principal, 'manage', { kind: 'catalogue' });
  return { body: await savePerCaseUsage(params.sku, body.perCaseDailyUsage, new Date()) };
});
