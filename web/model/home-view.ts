/**
 * What a home sees of itself: its positions worst first, its requests still in progress, and its
 * deliveries to come.
 */
import type { Delivery, Item, LocationStock, SupplyRequest } from './api-types.ts';
import { describeLines } from './deliveries.ts';
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
}

export interface HomeDeliveryRow {
  deliveryId: string;
  date: string;
  status: string;
  contents: string;
}

export interface HomeView {
  status: StatusPresentation;
  positions: PositionRow[];
  requests: RequestRow[];
  deliveries: HomeDeliveryRow[];
}

function runoutCell(runoutDate: string | null, timeZone: string, today: string): string {
  const runout = formatRunout(runoutDate, timeZone, today);
  if (runout.iso === null) return '—';
  return runout.iso < today ? runout.text : formatDate(runout.iso, today);
}

/** Requests a home still waits on; delivered, cancelled and rejected ones are history. */
const FINISHED_REQUESTS = new Set(['delivered', 'cancelled', 'rejected']);

export function buildHomeView(
  stock: LocationStock | null,
  requests: readonly SupplyRequest[],
  deliveries: readonly Delivery[],
  context: { items: ReadonlyMap<string, Item>; timeZone: string; today: string; thresholds?: Thresholds },
): HomeView {
  const { items, timeZone, today } = context;
  const positions = [...(stock?.positions ?? [])]
    .sort((a, b) => compareStatus(a.status, b.status) || compareDays(a.daysOfSupply, b.daysOfSupply) || a.sku.localeCompare(b.sku))
    .map((p) => ({
      sku: p.sku,
      itemName: items.get(p.sku)?.name ?? p.sku,
      status: presentStatus(p.status, context.thresholds),
      onHandNow: p.countedAt ? `about ${formatQuantity(p.projectedOnHand)}` : '—',
      usage:
        p.usageBasis === 'outbreak' && p.forecastUsage !== undefined
          ? `${formatQuantity(Math.round(p.forecastUsage * 10) / 10)} a day (outbreak forecast; counts show ${formatQuantity(Math.round(p.dailyUsage * 10) / 10)})`
          : p.dailyUsage > 0
            ? `${formatQuantity(Math.round(p.dailyUsage * 10) / 10)} a day`
            : 'none recorded',
      daysText: formatDays(p.daysOfSupply),
      runout: runoutCell(p.runoutDate, timeZone, today),
      lastCount: p.countedAt ? `${formatQuantity(p.onHand)} on ${formatDate(isoDateInZone(p.countedAt, timeZone), today)}` : 'never counted',
      suggestedOrder: p.suggestedOrder > 0 ? formatQuantity(p.suggestedOrder) : '—',
    }));
  const open = requests
    .filter((r) => !FINISHED_REQUESTS.has(r.status))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((r) => ({
      requestId: r.requestId,
      created: formatDate(isoDateInZone(r.createdAt, timeZone), today),
      status: r.status.replace(/-/g, ' '),
      contents: describeLines(r.lines, items),
    }));
  const coming = deliveries
    .filter((d) => d.date >= today && d.status !== 'cancelled' && d.status !== 'delivered')
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({ deliveryId: d.deliveryId, date: formatDate(d.date, today), status: d.status.replace(/-/g, ' '), contents: describeLines(d.lines, items) }));
  return { status: presentStatus(stock?.status, context.thresholds), positions, requests: open, deliveries: coming };
}
