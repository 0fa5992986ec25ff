/** The next days' deliveries, grouped by day, each with what it carries in words. */
import { english, type Translator } from '../i18n/translate.ts';
import type { Delivery, Item, Line } from './api-types.ts';
import { addDays, daysBetween, formatDate, formatQuantity } from './format.ts';
import { itemName } from './names.ts';

export interface DeliveryRow {
  deliveryId: string;
  homeId: string;
  homeName: string;
  status: string;
  emergency: boolean;
  reason: string | null;
  contents: string;
  /** What `contents` says, as lines: the page marks an English item name inside Welsh. */
  lines: readonly Line[];
}

export interface DeliveryDay {
  date: string;
  /** "today", "tomorrow", "Thu 26 Nov" */
  heading: string;
  deliveries: DeliveryRow[];
}

/** "600 Type IIR surgical mask, 200 Disposable plastic apron" */
export function describeLines(lines: readonly Line[], items: ReadonlyMap<string, Item>, m: Translator = english): string {
  if (lines.length === 0) return m.t('lines.nothing');
  return lines.map((l) => m.t('lines.line', { quantity: formatQuantity(l.quantity, m), name: itemName(items, l.sku, m) })).join(', ');
}

/** Deliveries from `today` for `days` days (cancelled ones left out), by date then home name. */
export function upcomingDeliveries(
  deliveries: readonly Delivery[],
  homeNames: ReadonlyMap<string, string>,
  items: ReadonlyMap<string, Item>,
  today: string,
  days: number,
  m: Translator = english,
): DeliveryDay[] {
  const last = addDays(today, days - 1);
  const byDate = new Map<string, DeliveryRow[]>();
  for (const d of deliveries) {
    if (d.date < today || d.date > last || d.status === 'cancelled') continue;
    const row: DeliveryRow = {
      deliveryId: d.deliveryId,
      homeId: d.homeId,
      homeName: homeNames.get(d.homeId) ?? d.homeId,
      status: m.t(`deliveryStatus.${d.status}`),
      emergency: d.emergency === true,
      reason: d.reason ?? null,
      contents: describeLines(d.lines, items, m),
      lines: d.lines,
    };
    byDate.set(d.date, [...(byDate.get(d.date) ?? []), row]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, rows]) => ({
      date,
      heading: headingFor(date, today, m),
      deliveries: rows.sort((a, b) => Number(b.emergency) - Number(a.emergency) || a.homeName.localeCompare(b.homeName, m.locale)),
    }));
}

function headingFor(date: string, today: string, m: Translator): string {
  const offset = daysBetween(today, date);
  const text = formatDate(date, today, m);
  return offset === 0 ? m.t('deliveries.todayHeading', { date: text }) : offset === 1 ? m.t('deliveries.tomorrowHeading', { date: text }) : text;
}
