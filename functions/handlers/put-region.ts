/** PUT /v1/regions/{regionId} — create or replace a region (administrators only). */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { saveRegion } from '../registry/regions.ts';
import { regionInput, regionParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: regionParams, body: regionInput }, async ({ params, body, principal }) => {
  authorize(principal, 'manage', { kind: 'region', regionId: params.regionId });
  return { body: await saveRegion(params.regionId, body, new Date()) };
});
