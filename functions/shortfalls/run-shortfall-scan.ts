/**
 * The shortfall job: find → assess → record → alert. Scheduled daily at 07:00 Europe/London and on
 * demand (POST /v1/jobs/shortfall-scan, `npm run job:shortfall`).
 *
 * find    the at-risk index (positions the at-risk rule can flag at asOf, shard by shard), the
 *         last-count index (homes silent longer than staleAfterDays), the catalogue's pack sizes,
 *         the records and the alert ledger already written for the date, and yesterday's records:
 *         Queries in parallel. A short home's store and name come with its positions (their
 *         attribution, written by its counts), a silent home's with the last-count index; only
 *         homes known by neither (positions not rewritten since attribution began, homes resolved
 *         since yesterday, whose names the digest lists) are read, one BatchGet per 100. Every read
 *         is bounded by the at-risk set, never by the table: no Scan.
 * assess  the pure rules of assess-shortfalls.ts, at asOf.
 * record  one record per flagged home per date, a conditional Put (attribute_not_exists): records
 *         already there are kept as they are, so re-runs and retries duplicate nothing.
 * alert   a home's ShortfallDetected event is sent once per date: the alert ledger (one item per
 *         store and date) lists the homes already alerted, and is written only after their events
 *         and their store's digest went out. A crash before that re-sends on the retry (at least
 *         once; events carry a stable id for consumers to drop duplicates), never loses an alert.
 *         Each newly alerted home's `shortfall.flagged` webhook event is written in the ledger's own
 *         transaction (the outbox, issue #21), with an id stable per date and home: delivered once.
 *         A store gets a digest when it has homes not alerted yet, or, once a day, homes resolved.
 *         Digests and events are written in each store's `language` (cy, en, or both, Welsh first;
 *         issue #19): one more BatchGet of the flagged and resolved homes' stores, two attributes each.
 */
import { homeProfiles, homesLastCountedBefore, alertLedgers, putShortfallRecord, recordAlerted, shortfallRecordsOf, type HomeProfile } from '../data/shortfall-repository.ts';
import { catalogue, packSizes, storeLanguages } from '../data/registry-repository.ts';
import { positionsAtRiskBy } from '../data/stock-repository.ts';
import { meterCapacity } from '../data/consumed-capacity.ts';
import { addDays } from '../domain/calendar-date.ts';
import type { StockRules } from '../domain/stock-rules.ts';
import type { ShortfallBody, ShortfallScanSummary } from '../schemas/shortfalls.ts';
import { stockRules } from '../stock/stock-config.ts';
import { alertSinkFromEnv, type AlertSink } from './alert-sink.ts';
import { attributedHomes, flaggedItemsByHome, homesInOutbreak, isSilent, shortfallDate, shortfallRecords, staleBefore, type NamedHome } from '../domain/assess-shortfalls.ts';
import { mapWithConcurrency } from '../concurrency/map-with-concurrency.ts';
import { shortfallEvent, shortfallId, storeDigest, type AlertLanguage } from '../domain/shortfall-digest.ts';
import { webhookEventPut } from '../data/webhook-repository.ts';
import { stableWebhookEvent } from '../webhooks/events.ts';

/** A newly flagged home, for integrators: one per home and date (its id is stable, so a re-run sends it once). */
function shortfallWebhookEvent(record: ShortfallBody, asOf: string, homeName: string) {
  return stableWebhookEvent('shortfall.flagged', shortfallId(record), record.homeId, asOf, {
    storeId: record.storeId,
    homeName,
    date: record.date,
    reasons: record.reasons,
    items: record.items,
  });
}

const WRITES_IN_FLIGHT = 16;
const STORES_IN_FLIGHT = 8;

export interface ShortfallScanOptions {
  /** Where alerts go; by default the one the environment calls for. */
  sink?: AlertSink;
  rules?: StockRules;
}

export async function runShortfallScan(asOf: Date, options: ShortfallScanOptions = {}): Promise<ShortfallScanSummary> {
  const sink = options.sink ?? (await alertSinkFromEnv());
  const { result, capacity } = await meterCapacity(() => scan(asOf, options.rules ?? stockRules, sink));
  return { ...result, consumedCapacity: capacity };
}

async function scan(asOf: Date, rules: StockRules, sink: AlertSink): Promise<Omit<ShortfallScanSummary, 'consumedCapacity'>> {
  const date = shortfallDate(asOf);
  const asOfIso = asOf.toISOString();

  // find
  const [atRisk, staleHomes, items, existing, yesterday, ledgers] = await Promise.all([
    positionsAtRiskBy(asOf),
    homesLastCountedBefore(staleBefore(asOf, rules)),
    catalogue(),
    shortfallRecordsOf(date),
    shortfallRecordsOf(addDays(date, -1)),
    alertLedgers(date),
  ]);

  // assess
  const short = flaggedItemsByHome(atRisk, asOf, rules, packSizes(items));
  const silent = new Set(staleHomes.filter((home) => isSilent(home.lastCountedAt, asOf, rules)).map((home) => home.homeId));
  // Store and name per home: profiles from the last-count index first (read from the home item
  // itself), then the positions' attribution, then the profiles of the rest.
  const profiles = new Map<string, NamedHome>(staleHomes.map((home): [string, HomeProfile] => [home.homeId, home]));
  for (const [homeId, home] of attributedHomes(atRisk)) if (!profiles.has(homeId)) profiles.set(homeId, home);
  // Store ids of short homes, and names of homes resolved since yesterday (for the digests).
  const resolvedCandidates = yesterday.filter((r) => r.reasons.includes('short') && !short.has(r.homeId)).map((r) => r.homeId);
  const unknown = [...short.keys(), ...resolvedCandidates].filter((id) => !profiles.has(id));
  for (const [homeId, profile] of await homeProfiles(unknown)) profiles.set(homeId, profile);
  const records = shortfallRecords(date, short, silent, profiles, homesInOutbreak(atRisk));

  // record
  const present = new Set(existing.map(shortfallId));
  const outcomes = await mapWithConcurrency(records.filter((r) => !present.has(shortfallId(r))), WRITES_IN_FLIGHT, async (record) => ({
    record,
    outcome: await putShortfallRecord(record, asOfIso),
  }));
  const written = outcomes.filter((o) => o.outcome === 'written');
  const today = [...existing, ...outcomes.map((o) => o.record)];

  // alert
  const names = new Map([...profiles].map(([id, p]) => [id, p.name]));
  const namesCy = new Map([...profiles].flatMap(([id, p]): [string, string][] => (p.nameCy !== undefined ? [[id, p.nameCy]] : [])));
  const storeIds = [...new Set([...today, ...yesterday].map((r) => r.storeId))].sort();
  // Each store's digest and events are written in its language (cy, en or both, Welsh first).
  const languages = storeIds.length > 0 ? await storeLanguages(storeIds) : new Map<string, AlertLanguage>();
  const languageOf = (storeId: string): AlertLanguage => languages.get(storeId) ?? 'en';
  const plans = storeIds.flatMap((storeId) => {
    const ledger = ledgers.get(storeId);
    const ofStore = (list: readonly ShortfallBody[]) => list.filter((r) => r.storeId === storeId);
    const pending = ofStore(today).filter((r) => !ledger?.has(r.homeId));
    const digest = storeDigest({ storeId, date, asOf: asOfIso, today: ofStore(today), yesterday: ofStore(yesterday), names, namesCy, newHomes: new Set(pending.map((r) => r.homeId)), language: languageOf(storeId) });
    const send = pending.length > 0 || (ledger === undefined && digest.resolved.length > 0);
    return send ? [{ storeId, pending, digest }] : [];
  });
  const events = plans.flatMap((plan) => plan.pending.map((r) => shortfallEvent(r, asOfIso, names.get(r.homeId) ?? r.homeId, plan.digest.language, namesCy.get(r.homeId))));
  await sink.putEvents(events);
  await mapWithConcurrency(plans, STORES_IN_FLIGHT, async (plan) => {
    await sink.publishDigest(plan.digest);
    // Each newly alerted home's shortfall.flagged webhook event goes in the ledger's own write (the outbox).
    const webhookEvents = plan.pending.map((r) => webhookEventPut(shortfallWebhookEvent(r, asOfIso, names.get(r.homeId) ?? r.homeId)));
    await recordAlerted(date, plan.storeId, plan.pending.map((r) => r.homeId), webhookEvents);
  });

  return {
    date,
    asOf: asOfIso,
    homes: {
      short: records.filter((r) => r.reasons.includes('short') || r.reasons.includes('out')).length,
      silent: records.filter((r) => r.reasons.includes('silent') || r.reasons.includes('never-counted')).length,
      flagged: records.length,
    },
    records: { written: written.length, alreadyPresent: records.length - written.length },
    events: events.length,
    digests: plans.length,
    positionsAtRisk: atRisk.length,
  };
}
