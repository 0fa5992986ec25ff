/**
 * What a home sees of itself: its positions worst first, its requests still in progress, and its
 * deliveries to come.
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { Delivery, Item, Line, LocationStock, SupplyRequest } from './api-types.ts';
import { describeLines } from './deliveries.ts';
import { itemName } from './names.ts';
import { formatDate, formatDays, formatQuantity, formatRunout, isoDateInZone } from './format.ts';
import { compareStatus, presentStatus, type StatusPresentation, type Thresholds } from './status.ts';
import { compareDays } from './worklist.ts';

export interface PositionRow {
  sku: string;
  itemName: string;
  status: StatusPresentation;
  /** Projected to now from the last count and usage: what is probably on the shelf. */
  onHandNow: string;
  usage: string;
  daysText: string;
  /** "Wed 25 Nov", "ran out Fri 20 Nov", or "—" when it is not expected to run out. */
  runout: string;
  /** "100 on Mon 23 Nov", or "never counted". */
  lastCount: string;
  suggestedOrder: string;
}

export interface RequestRow {
  requestId: string;
  created: string;
  status: string;
  contents: string;
  lines: readonly Line[];
}

export interface HomeDeliveryRow {
  deliveryId: string;
  date: string;
  status: string;
  contents: string;
  lines: readonly Line[];
}

export interface HomeView {
  status: StatusPresentation;
  positions: PositionRow[];
  requests: RequestRow[];
  deliveries: HomeDeliveryRow[];
}

function runoutCell(runoutDate: string | null, timeZone: string, today: string, m: Translator): string {
  const runout = formatRunout(runoutDate, timeZone, today, m);
  if (runout.iso === null) return '—';
  return runout.iso < today ? runout.text : formatDate(runout.iso, today, m);
}

/** Requests a home still waits on; delivered, cancelled and rejected ones are history. */
const FINISHED_REQUESTS = new Set(['delivered', 'cancelled', 'rejected']);

export function buildHomeView(
  stock: LocationStock | null,
  requests: readonly SupplyRequest[],
  deliveries: readonly Delivery[],
  context: { items: ReadonlyMap<string, Item>; timeZone: string; today: string; thresholds?: Thresholds; m?: Translator },
): HomeView {
  const { items, timeZone, today } = context;
  const m = context.m ?? english;
  const q = (n: number) => formatQuantity(n, m);
  const positions = [...(stock?.positions ?? [])]
    .sort((a, b) => compareStatus(a.status, b.status) || compareDays(a.daysOfSupply, b.daysOfSupply) || a.sku.localeCompare(b.sku))
    .map((p) => ({
      sku: p.sku,
      itemName: itemName(items, p.sku, m),
      status: presentStatus(p.status, context.thresholds, m),
      onHandNow: p.countedAt ? m.t('format.about', { quantity: q(p.projectedOnHand) }) : '—',
      usage:
        p.usageBasis === 'outbreak' && p.forecastUsage !== undefined
          ? m.t('stock.usageOutbreak', { forecast: q(Math.round(p.forecastUsage * 10) / 10), counted: q(Math.round(p.dailyUsage * 10) / 10) })
          : p.dailyUsage > 0
            ? m.t('format.perDay', { quantity: q(Math.round(p.dailyUsage * 10) / 10) })
            : m.t('stock.noUsage'),
      daysText: formatDays(p.daysOfSupply, m),
      runout: runoutCell(p.runoutDate, timeZone, today, m),
      lastCount: p.countedAt ? m.t('count.lastOn', { quantity: q(p.onHand), date: formatDate(isoDateInZone(p.countedAt, timeZone), today, m) }) : m.t('count.never'),
      suggestedOrder: p.suggestedOrder > 0 ? q(p.suggestedOrder) : '—',
    }));
  const open = requests
    .filter((r) => !FINISHED_REQUESTS.has(r.status))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((r) => ({
      requestId: r.requestId,
      created: formatDate(isoDateInZone(r.createdAt, timeZone), today, m),
      status: m.t(`requestStatus.${r.status}`),
      contents: describeLines(r.lines, items, m),
      lines: r.lines,
    }));
  const coming = deliveries
    .filter((d) => d.date >= today && d.status !== 'cancelled' && d.status !== 'delivered')
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({ deliveryId: d.deliveryId, date: formatDate(d.date, today, m), status: m.t(`deliveryStatus.${d.status}`), contents: describeLines(d.lines, items, m), lines: d.lines }));
  return { status: presentStatus(stock?.status, context.thresholds, m), positions, requests: open, deliveries: coming };
}
