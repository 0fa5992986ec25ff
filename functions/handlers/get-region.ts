/** GET /v1/regions/{regionId} — a region reads itself; administrators read any. */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { readRegion } from '../registry/regions.ts';
import { regionParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: regionParams }, async ({ params, principal }) => {
  authorize(principal, 'read', { kind: 'region', regionId: params.regionId });
  return { body: await readRegion(params.regionId) };
});
