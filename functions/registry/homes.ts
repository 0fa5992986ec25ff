/** The homes' use cases: create or replace a home (its store must exist). */
import { putHome, UnknownStoreError } from '../data/registry-repository.ts';
import { badRequest } from '../http/problem.ts';
import type { Home, HomeInput } from '../schemas/registry.ts';

export async function saveHome(homeId: string, input: HomeInput, now: Date): Promise<Home> {
  try {
    return await putHome(homeId, input, now.toISOString());
  } catch (error) {
    if (!(error instanceof UnknownStoreError)) throw error;
    throw badRequest(`Store "${input.storeId}" does not exist.`, [
      { in: 'body', path: '/storeId', message: `No store "${input.storeId}"; create it first with PUT /v1/stores/${input.storeId}.` },
    ]);
  }
}
