/**
 * A home (or its store) asks for PPE. Two round trips whatever the number of lines:
 * 1. the home's profile ∥ the catalogue (one Query of its index) ∥ the home's positions for
 *    those SKUs (BatchGet) — the profile is skipped when tenancy already read it;
 * 2. one conditional Put of the request (it lands in the home's list and the store's `submitted`
 *    queue through its index attributes).
 * Nothing becomes inbound yet: units are promised only when the store approves.
 */
import { randomUUID } from 'node:crypto';
import { catalogue, getHomeRecord, type HomeRecord } from '../data/registry-repository.ts';
import { createRequest, toRequestView } from '../data/request-repository.ts';
import { getPositionsBatch } from '../data/stock-repository.ts';
import { daysOfSupply } from '../domain/stock-position.ts';
import { badRequest, notFound, type FieldError } from '../http/problem.ts';
import type { RequestSubmission, RequestView } from '../schemas/requests.ts';
import type { Actor } from '../access/principal.ts';
import { t } from '../i18n/messages.ts';

export interface SubmitInput {
  homeId: string;
  submission: RequestSubmission;
  actor: Actor;
  /** The home's profile when tenancy already read it. */
  home?: HomeRecord | undefined;
  now: Date;
}

export async function submitRequest({ homeId, submission, actor, home: known, now }: SubmitInput): Promise<RequestView> {
  const location = { kind: 'home' as const, id: homeId };
  const skus = submission.lines.map((line) => line.sku);
  const [home, items, positions] = await Promise.all([
    known ?? getHomeRecord(homeId),
    catalogue(skus),
    getPositionsBatch(skus.map((sku) => ({ location, sku }))),
  ]);
  if (!home) throw notFound(t('notFound.home', { homeId }));
  const errors: FieldError[] = [];
  submission.lines.forEach((line, index) => {
    if (!items.has(line.sku)) errors.push({ in: 'body', path: `/lines/${index}/sku`, message: t('notFound.itemField', { sku: line.sku }) });
  });
  if (errors.length > 0) throw badRequest(t('request.unknownSkus', { count: errors.length }), errors);

  const bySku = new Map(positions.map((p) => [p.state.sku, p.state]));
  const at = now.toISOString();
  const record = {
    requestId: randomUUID(),
    homeId,
    storeId: home.storeId,
    status: 'submitted' as const,
    lines: submission.lines.map((line) => {
      const position = bySku.get(line.sku);
      const days = position ? daysOfSupply(position, now) : null;
      return { sku: line.sku, quantity: line.quantity, daysOfSupplyAtSubmission: days === null ? null : Math.round(days * 100) / 100 };
    }),
    neededBy: submission.neededBy ?? null,
    note: submission.note ?? null,
    approvedLines: null,
    override: null,
    allocatedLines: null,
    allocatedAt: null,
    createdAt: at,
    updatedAt: at,
    history: [{ action: 'submit' as const, from: null, to: 'submitted' as const, at, actor, reason: null }],
    version: 1,
    deliveryId: null,
  };
  await createRequest(record);
  return toRequestView(record);
}
