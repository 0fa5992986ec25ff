/**
 * The overview's reads: the nation or a region on a date, the trend, and the same tables as CSV.
 * Every one reads rollups only (a bounded number of Queries and GetItems, whatever the number of
 * homes), never positions: the shortfall job's rollup step did that once for the day.
 */
import { getRegion } from '../data/registry-repository.ts';
import { getRollup, latestRollupDate, nationAndRegions, NO_REGION, regionAndStores, rollupSeries, type RollupRecord } from '../data/rollup-repository.ts';
import type { RollupScope } from '../data/keys.ts';
import { shortfallDate } from '../domain/assess-shortfalls.ts';
import { addDays } from '../domain/calendar-date.ts';
import { compareWorstFirst } from '../domain/rollup.ts';
import { trendPoints, trendRangeProblem, type TrendInterval } from '../domain/rollup-trend.ts';
import { formatCsv } from '../http/csv-writer.ts';
import { badRequest, notFound } from '../http/problem.ts';
import type { Overview, OverviewRow, Trend, TrendQuery } from '../schemas/overview.ts';
import type { Locale } from '../i18n/locale.ts';
import { message, t } from '../i18n/messages.ts';

/** The date asked for, or the latest rollup of `scope` on or before today. */
async function resolveDate(scope: RollupScope, date: string | undefined, now: Date): Promise<string> {
  if (date !== undefined) return date;
  const latest = await latestRollupDate(scope, shortfallDate(now));
  if (!latest) throw notFound(t('notFound.noRollupYet'));
  return latest;
}

const noRollup = (date: string) => notFound(t('notFound.noRollup', { date }));

function weekBefore(record: RollupRecord | undefined): Overview['weekBefore'] {
  if (!record) return null;
  const { homes, status, short, silent } = record.figures;
  return { date: record.date, homes, status, short, silent };
}

/** The name, and the Welsh name when there is one (the page falls back to the name). */
const namesOf = (r: { name: string; nameCy?: string }) => ({ name: r.name, ...(r.nameCy !== undefined ? { nameCy: r.nameCy } : {}) });

const worstFirst = (rows: OverviewRow[]) => rows.sort((a, b) => compareWorstFirst(a, b));

export async function nationalOverview(date: string | undefined, now: Date): Promise<Overview> {
  const on = await resolveDate({ kind: 'nation' }, date, now);
  const [{ nation, regions }, before] = await Promise.all([nationAndRegions(on), getRollup(addDays(on, -7), { kind: 'nation' })]);
  if (!nation) throw noRollup(on);
  const rows = regions
    .filter((r) => r.scope.kind === 'region' && (r.scope.id !== NO_REGION || r.figures.stores > 0))
    .map((r) => ({ regionId: r.scope.kind === 'region' && r.scope.id !== NO_REGION ? r.scope.id : null, ...namesOf(r), figures: r.figures }));
  return { date: on, asOf: nation.asOf, scope: 'nation', ...namesOf(nation), totals: nation.figures, weekBefore: weekBefore(before), rows: worstFirst(rows) };
}

export async function regionOverview(regionId: string, date: string | undefined, now: Date): Promise<Overview> {
  const region = await getRegion(regionId);
  if (!region) throw notFound(t('notFound.region', { regionId }));
  const scope: RollupScope = { kind: 'region', id: regionId };
  const on = await resolveDate(scope, date, now);
  const [{ region: rollup, stores }, before] = await Promise.all([regionAndStores(on, regionId), getRollup(addDays(on, -7), scope)]);
  if (!rollup) throw noRollup(on);
  const rows = stores.map((s) => ({ regionId, storeId: s.scope.kind === 'store' ? s.scope.id : '', ...namesOf(s), figures: s.figures }));
  return { date: on, asOf: rollup.asOf, scope: 'region', regionId, ...namesOf(region), totals: rollup.figures, weekBefore: weekBefore(before), rows: worstFirst(rows) };
}

/** The trend's range: defaults, then the bounds (400 naming the field past them). */
export function trendRange(query: TrendQuery, now: Date): { from: string; to: string; interval: TrendInterval } {
  const interval = query.interval ?? 'week';
  const to = query.to ?? shortfallDate(now);
  const from = query.from ?? addDays(to, interval === 'week' ? -83 : -29);
  const problem = trendRangeProblem(from, to, interval);
  if (problem) throw badRequest(t('overview.rangeRefused', { reason: problem.message }), [{ in: 'query', path: `/${problem.field}`, message: problem.message }]);
  return { from, to, interval };
}

export async function overviewTrend(query: TrendQuery, now: Date): Promise<Trend> {
  const { from, to, interval } = trendRange(query, now);
  const scope: RollupScope = query.regionId ? { kind: 'region', id: query.regionId } : { kind: 'nation' };
  const series = await rollupSeries(scope, from, to);
  return {
    scope: scope.kind === 'region' ? 'region' : 'nation',
    ...(query.regionId ? { regionId: query.regionId } : {}),
    ...(query.sku ? { sku: query.sku } : {}),
    interval,
    from,
    to,
    points: trendPoints(series.map((r) => ({ date: r.date, figures: r.figures })), from, to, interval, query.sku),
  };
}

export const OVERVIEW_COLUMNS = ['date', 'regionId', 'storeId', 'name', 'stores', 'homes', 'red', 'amber', 'green', 'unknown', 'short', 'silent', 'outbreak'] as const;

/** An overview's table as CSV: its rows worst first, then the total; in Welsh, Welsh headers and names (`nameCy`, else the name). */
export function overviewCsv(overview: Overview, locale: Locale = 'en'): string {
  const line = (row: { regionId?: string | null | undefined; storeId?: string | undefined; name: string; nameCy?: string | undefined; figures: Overview['totals'] }) => {
    const f = row.figures;
    const name = locale === 'cy' ? (row.nameCy ?? row.name) : row.name;
    return [overview.date, row.regionId ?? null, row.storeId ?? null, name, f.stores, f.homes, f.status.red, f.status.amber, f.status.green, f.status.unknown, f.short, f.silent, f.outbreak];
  };
  const total = { regionId: overview.regionId ?? null, name: message(locale, 'csv.total'), figures: overview.totals };
  return formatCsv(
    OVERVIEW_COLUMNS.map((column) => message(locale, `csv.overview.${column}`)),
    [...overview.rows.map(line), line(total)],
  );
}
