/**
 * A few PPE requests for the demo homes, in various states, made through the API (submitted, then
 * approved, partially approved, rejected or cancelled by the store), and a request cap for Cardiff
 * that Tŷ Gwyn's FFP3 request exceeds. Skipped when the demo homes already have requests (a
 * persisted DATA_DIR).
 */
import type { DemoApi } from './demo-data.ts';

interface DemoRequest {
  homeId: string;
  lines: { sku: string; quantity: number }[];
  note?: string;
  then?: { action: 'approve' | 'reject' | 'cancel'; body?: unknown };
}

const demoRequests: DemoRequest[] = [
  { homeId: 'ty-gwyn', lines: [{ sku: 'MASK-FFP3', quantity: 60 }, { sku: 'GOWN-FR', quantity: 20 }], note: 'Outbreak on the first floor' },
  { homeId: 'plas-newydd', lines: [{ sku: 'GLOVE-NITRILE-M', quantity: 2000 }], then: { action: 'approve', body: { lines: [{ sku: 'GLOVE-NITRILE-M', quantity: 1500 }] } } },
  { homeId: 'llys-hafren', lines: [{ sku: 'APRON', quantity: 1000 }, { sku: 'MASK-IIR', quantity: 800 }], then: { action: 'approve', body: { lines: [{ sku: 'APRON', quantity: 1000 }, { sku: 'MASK-IIR', quantity: 800 }] } } },
  { homeId: 'glan-y-mor', lines: [{ sku: 'APRON', quantity: 800 }], then: { action: 'reject', body: { reason: 'Aprons are on Thursday’s delivery already' } } },
  { homeId: 'bryn-haul', lines: [{ sku: 'VISOR', quantity: 20 }], then: { action: 'cancel' } },
  { homeId: 'awel-y-mor', lines: [{ sku: 'MASK-IIR', quantity: 300 }] },
];

export async function seedDemoRequests(api: DemoApi): Promise<number> {
  const existing = await api('GET', '/v1/homes/ty-gwyn/requests?limit=1');
  if (((existing.body as { items?: unknown[] } | undefined)?.items ?? []).length > 0) return 0;
  const caps = await api('PUT', '/v1/stores/cardiff-jes/request-caps', { capsPerBedPerWeek: { 'MASK-FFP3': 1 } });
  if (caps.status !== 200) throw new Error(`demo data: request caps answered ${caps.status}: ${JSON.stringify(caps.body)}`);
  for (const request of demoRequests) {
    const { then, homeId, ...body } = request;
    const submitted = await api('POST', `/v1/homes/${homeId}/requests`, body);
    if (submitted.status !== 201) throw new Error(`demo data: request for ${homeId} answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
    if (!then) continue;
    const { requestId } = submitted.body as { requestId: string };
    const acted = await api('POST', `/v1/requests/${requestId}/${then.action}`, then.body);
    if (acted.status !== 200) throw new Error(`demo data: ${then.action} ${requestId} answered ${acted.status}: ${JSON.stringify(acted.body)}`);
  }
  return demoRequests.length;
}
