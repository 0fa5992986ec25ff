/**
 * The daily planning job: every store planned for the configured horizon from its own today (in its
 * time zone) plus a lead time, through the very use case the plan endpoint runs. Stores are planned
 * a few at a time; one store failing does not stop the others, and is reported (the scheduled
 * handler then fails the invocation so the schedule retries: planning again is safe).
 *
 * Configuration (environment): CARESTOCK_PLAN_DAYS — days in the horizon (default 7, 1 to 28);
 * CARESTOCK_PLAN_LEAD_DAYS — days from today to the horizon's first date (default 1: the job runs
 * after the vans are loaded, so it plans from tomorrow; 0 plans today too).
 */
import { mapWithConcurrency } from '../concurrency/map-with-concurrency.ts';
import { listStores } from '../data/registry-repository.ts';
import { addDays } from '../domain/calendar-date.ts';
import { dateInZone } from '../domain/zoned-dates.ts';
import { HttpProblem } from '../http/problem.ts';
import type { Actor } from '../access/principal.ts';
import { MAX_PLAN_DAYS, type DeliveryPlanJobSummary } from '../schemas/deliveries.ts';
import { planStoreDeliveries } from './plan-deliveries.ts';

export interface PlanningHorizon {
  leadDays: number;
  days: number;
}

const STORES_AT_ONCE = 4;
export const JOB_ACTOR: Actor = { subject: 'delivery-plan-job', org: 'admin' };

export function planningHorizonFromEnv(env: Record<string, string | undefined>): PlanningHorizon {
  return {
    days: wholeNumber(env.CARESTOCK_PLAN_DAYS, 7, 1, MAX_PLAN_DAYS, 'CARESTOCK_PLAN_DAYS'),
    leadDays: wholeNumber(env.CARESTOCK_PLAN_LEAD_DAYS, 1, 0, 7, 'CARESTOCK_PLAN_LEAD_DAYS'),
  };
}

function wholeNumber(raw: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

/**
 * The horizon's first date for one store: the lead days after asOf's date in the store's zone, but
 * never before today there. A late or repeated run (asOf yesterday) plans from today, exactly as
 * the store's own plan endpoint refuses a `from` before today: nothing is ever booked in the past.
 */
export function horizonStart(asOf: Date, now: Date, timeZone: string, leadDays: number): string {
  const requested = addDays(dateInZone(asOf, timeZone), leadDays);
  const today = dateInZone(now, timeZone);
  return requested < today ? today : requested;
}

export async function runDeliveryPlanning(
  asOf: Date,
  actor: Actor = JOB_ACTOR,
  horizon = planningHorizonFromEnv(process.env),
  now = new Date(),
): Promise<DeliveryPlanJobSummary> {
  const stores = [];
  let cursor: string | undefined;
  do {
    const page = await listStores({ limit: 100, cursor });
    stores.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const summary: DeliveryPlanJobSummary = { asOf: asOf.toISOString(), stores: [], failed: [] };
  await mapWithConcurrency(stores, STORES_AT_ONCE, async (store) => {
    const from = horizonStart(asOf, now, store.timeZone, horizon.leadDays);
    try {
      // Urgency (run-outs) is projected to now, the instant the bookings are made, whatever asOf says.
      const plan = await planStoreDeliveries({ storeId: store.storeId, from, days: horizon.days, actor, now });
      summary.stores.push({ storeId: store.storeId, from, days: horizon.days, planned: plan.deliveries.length, unplaced: plan.unplaced.length });
    } catch (error) {
      const detail = error instanceof HttpProblem || error instanceof Error ? error.message : String(error);
      summary.failed.push({ storeId: store.storeId, detail });
    }
  });
  summary.stores.sort((a, b) => (a.storeId < b.storeId ? -1 : 1));
  summary.failed.sort((a, b) => (a.storeId < b.storeId ? -1 : 1));
  return summary;
}
