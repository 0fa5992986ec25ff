/** The next days' deliveries, grouped by day, each with what it carries in words. */
import type { Delivery, Item, Line } from './api-types.ts';
import { addDays, formatDate, formatDayRelative, formatQuantity } from './format.ts';

export interface DeliveryRow {
  deliveryId: string;
  homeId: string;
  homeName: string;
  status: string;
  emergency: boolean;
  reason: string | null;
  contents: string;
}

export interface DeliveryDay {
  date: string;
  /** "today", "tomorrow", "Thu 26 Nov" */
  heading: string;
  deliveries: DeliveryRow[];
}

/** "600 Type IIR surgical mask, 200 Disposable plastic apron" */
export function describeLines(lines: readonly Line[], items: ReadonlyMap<string, Item>): string {
  if (lines.length === 0) return 'nothing listed';
  return lines.map((l) => `${formatQuantity(l.quantity)} × ${items.get(l.sku)?.name ?? l.sku}`).join(', ');
}

/** Deliveries from `today` for `days` days (cancelled ones left out), by date then home name. */
export function upcomingDeliveries(
  deliveries: readonly Delivery[],
  homeNames: ReadonlyMap<string, string>,
  items: ReadonlyMap<string, Item>,
  today: string,
  days: number,
): DeliveryDay[] {
  const last = addDays(today, days - 1);
  const byDate = new Map<string, DeliveryRow[]>();
  for (const d of deliveries) {
    if (d.date < today || d.date > last || d.status === 'cancelled') continue;
    const row: DeliveryRow = {
      deliveryId: d.deliveryId,
      homeId: d.homeId,
      homeName: homeNames.get(d.homeId) ?? d.homeId,
      status: d.status,
      emergency: d.emergency === true,
      reason: d.reason ?? null,
      contents: describeLines(d.lines, items),
    };
    byDate.set(d.date, [...(byDate.get(d.date) ?? []), row]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, rows]) => ({
      date,
      heading: headingFor(date, today),
      deliveries: rows.sort((a, b) => Number(b.emergency) - Number(a.emergency) || a.homeName.localeCompare(b.homeName, 'en-GB')),
    }));
}

function headingFor(date: string, today: string): string {
  const relative = formatDayRelative(date, today);
  return relative === 'today' || relative === 'tomorrow' ? `${relative[0]!.toUpperCase()}${relative.slice(1)}, ${formatDate(date, today)}` : relative;
}
