/** PUT /v1/stores/{storeId}/request-caps — the store sets its caps per bed per week, replacing them whole. */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { setRequestCaps } from '../requests/request-caps.ts';
import { storeParams } from '../schemas/registry.ts';
import { requestCapsInput } from '../schemas/requests.ts';

export const handler = httpHandler({ params: storeParams, body: requestCapsInput }, async ({ params, body, principal }) => {
  authorize(principal, 'decide', { kind: 'store', storeId: params.storeId });
  return { body: await setRequestCaps(params.storeId, body, new Date()) };
});
