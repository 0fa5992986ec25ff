/** PUT /v1/homes/{homeId} — create or replace a home: its store, beds and delivery days (administrators only). */
import { putHome, UnknownStoreError } from '../data/registry-repository.ts';
import { httpHandler } from '../http/http-handler.ts';
import { badRequest } from '../http/problem.ts';
import { requireAdmin } from '../http/tenancy.ts';
import { homeInput, homeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: homeParams, body: homeInput }, async ({ params, body, principal }) => {
  requireAdmin(principal);
  try {
    return { body: await putHome(params.homeId, body, new Date().toISOString()) };
  } catch (error) {
    if (!(error instanceof UnknownStoreError)) throw error;
    throw badRequest(`Store "${body.storeId}" does not exist.`, [
      { in: 'body', path: '/storeId', message: `No store "${body.storeId}"; create it first with PUT /v1/stores/${body.storeId}.` },
    ]);
  }
});
