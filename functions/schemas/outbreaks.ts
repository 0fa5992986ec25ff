/**
 * Declared outbreaks: a home (or its store) says how many residents are isolating, and the forecast
 * of every item with a per-case rate rises at once (domain/forecast.ts). Also the per-case rate of a
 * catalogue item, set by an administrator.
 */
import * as z from 'zod/mini';
import { pageQuery } from '../data/pagination.ts';
import { dateInput, homeId, isoDate, isoInstant, pageOf, rate, sku, text } from './common.ts';
import { homeParams, item, skuParams } from './registry.ts';
import type { OperationFragment } from './operation.ts';
import { t } from '../i18n/messages.ts';

export const MAX_ISOLATING_RESIDENTS = 1000;
export const MAX_PER_CASE_DAILY_USAGE = 10_000;

export const outbreakInput = z
  .strictObject({
    isolatingResidents: z.int().check(z.minimum(1), z.maximum(MAX_ISOLATING_RESIDENTS)),
    startedOn: dateInput,
    expectedEndOn: z.optional(dateInput),
    note: z.optional(text(500, 'note')),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.expectedEndOn !== undefined && value.expectedEndOn < value.startedOn) {
        ctx.issues.push({ code: 'custom', input: value.expectedEndOn, path: ['expectedEndOn'], message: t('field.endBeforeStart') });
      }
    }),
  )
  .register(z.globalRegistry, {
    id: 'OutbreakInput',
    examples: [{ isolatingResidents: 6, startedOn: '2026-03-09', expectedEndOn: '2026-03-23', note: 'COVID-19, east wing isolating' }],
    description:
      'An outbreak as a home or its store declares it: whole residents isolating (1 to 1,000), the date it started, and optionally the ' +
      'date it is expected to end (not before the start) and a note. PUT again while it is open to change the figures: its usage ' +
      'before the outbreak is kept.',
  });

export const outbreakItem = z
  .object({
    sku,
    /** The position's usage estimate when the outbreak was declared (units/day). */
    baselineUsage: z.number(),
    /** isolatingResidents × the item's perCaseDailyUsage (units/day). */
    surgeUsage: z.number(),
  })
  .register(z.globalRegistry, { id: 'OutbreakItem', description: 'One item of an outbreak: the usage before it (units a day, frozen when declared) and the surge it adds.' });

export const outbreak = z
  .object({
    outbreakId: z.string(),
    homeId,
    status: z.enum(['open', 'ended']),
    isolatingResidents: z.int(),
    startedOn: isoDate,
    expectedEndOn: z.nullable(isoDate),
    note: z.nullable(z.string()),
    declaredAt: isoInstant,
    declaredBy: z.string(),
    updatedAt: isoInstant,
    endedAt: z.nullable(isoInstant),
    endedBy: z.nullable(z.string()),
    /** Per item the home holds: the usage before the outbreak and the surge it adds while open. */
    items: z.array(outbreakItem),
  })
  .register(z.globalRegistry, {
    id: 'Outbreak',
    description:
      'A declared outbreak. While open, each item’s forecast usage is max(estimate, baselineUsage + surgeUsage): days of supply, ' +
      'run-out, status, suggested orders, allocation and delivery planning use it, and the positions say `usageBasis: "outbreak"` ' +
      'when the surge is the larger.',
  });
export const outbreakPage = pageOf(outbreak).register(z.globalRegistry, { id: 'OutbreakPage', description: 'A home’s outbreaks, newest first.' });

export const perCaseUsageInput = z
  .strictObject({
    /** Units per isolating resident per day; null clears it. */
    perCaseDailyUsage: z.nullable(rate(MAX_PER_CASE_DAILY_USAGE)),
  })
  .register(z.globalRegistry, {
    id: 'PerCaseUsageInput',
    examples: [{ perCaseDailyUsage: 1.27 }, { perCaseDailyUsage: null }],
    description: 'Units of this item one isolating resident uses a day (0 to 10,000, 6 decimals); null clears it.',
  });

export type OutbreakInput = z.infer<typeof outbreakInput>;
export type Outbreak = z.infer<typeof outbreak>;
export type PerCaseUsageInput = z.infer<typeof perCaseUsageInput>;

const who = 'The home itself, the store that serves it, and administrators.';

export const operations = {
  'PUT /v1/homes/{homeId}/outbreak': {
    description:
      `Declares an outbreak at the home, or changes the open one. At once every position of the home is rewritten with its surge ` +
      `(isolatingResidents × the item’s perCaseDailyUsage) and its usage before the outbreak, so status, the worklist and the next ` +
      `shortfall job see the forecast. ${who}`,
    params: homeParams,
    body: outbreakInput,
    responses: { 200: outbreak },
    problems: {
      404: 'No home has this id (administrators only; others get 403).',
      409: 'The home’s stock or outbreak kept changing while this was written (retried, then refused); nothing was changed.',
    },
  },
  'DELETE /v1/homes/{homeId}/outbreak': {
    description: `Ends the home’s open outbreak: the forecast returns to the estimate at once; the outbreak stays in the home’s history. ${who}`,
    params: homeParams,
    responses: { 200: outbreak },
    problems: {
      404: 'No home has this id, or it has no open outbreak.',
      409: 'The home’s stock or outbreak kept changing while this was written (retried, then refused); nothing was changed.',
    },
  },
  'GET /v1/homes/{homeId}/outbreaks': {
    description: `The home’s outbreaks, open and ended, newest first. ${who}`,
    params: homeParams,
    query: pageQuery,
    responses: { 200: outbreakPage },
    problems: { 404: 'No home has this id (administrators only; others get 403).' },
  },
  'PUT /v1/items/{sku}/per-case-usage': {
    description:
      'Sets how many units of the item one isolating resident uses a day, for outbreak forecasts (administrators only). An open ' +
      'outbreak takes a new rate when it is next PUT. An unknown SKU is 404 and nothing is written.',
    params: skuParams,
    body: perCaseUsageInput,
    responses: { 200: item },
    problems: { 404: 'No catalogue item has this SKU.' },
  },
} as const satisfies OperationFragment;
