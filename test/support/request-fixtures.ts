/** Fixtures for the request tests: submit, transition, and read the table back. */
import type { ApiResponse, TestApi } from './test-api.ts';

export type Line = { sku: string; quantity: number };

export async function submit(api: TestApi, token: string, homeId: string, lines: Line[], headers: Record<string, string> = {}): Promise<ApiResponse> {
  return api.request('POST', `/v1/homes/${homeId}/requests`, { token, body: { lines }, headers });
}

/** Submits and returns the new request id, failing loudly if the API refused. */
export async function submitted(api: TestApi, token: string, homeId: string, lines: Line[]): Promise<string> {
  const response = await submit(api, token, homeId, lines);
  if (response.status !== 201) throw new Error(`submit → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.requestId as string;
}

export function act(api: TestApi, token: string, requestId: string, action: 'approve' | 'reject' | 'cancel', body?: unknown): Promise<ApiResponse> {
  return api.request('POST', `/v1/requests/${requestId}/${action}`, { token, body });
}

/** The raw table items of one entity type. */
export async function itemsOf(api: TestApi, entity: string): Promise<Record<string, any>[]> {
  return (await api.tableItems()).filter((item) => item.entity === entity);
}

/** A home's `inbound` per SKU, as stored on its positions. */
export async function inboundOf(api: TestApi, homeId: string): Promise<Record<string, number>> {
  const positions = (await itemsOf(api, 'StockPosition')).filter((p) => p.PK === `HOME#${homeId}`);
  return Object.fromEntries(positions.map((p) => [p.sku, p.inbound]));
}
