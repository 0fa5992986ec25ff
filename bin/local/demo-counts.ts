/**
 * Three weeks of daily stock counts for the demo homes, posted through the API (JSON, and CSV for
 * one home, as a store's spreadsheet would be), shaped so the worklist shows every status:
 *   ty-gwyn      red     — FFP3 respirators about two days from running out
 *   plas-newydd  amber   — nitrile gloves about five days
 *   glan-y-mor   amber   — aprons at the reorder level (posted as CSV)
 *   llys-hafren, bryn-haul  green
 *   awel-y-mor   unknown — stopped counting six days ago
 * Stock falls by each day's use (seeded noise, so every start shows the same story) and jumps when
 * a delivery came: deliveries are not in the API yet, so a count shows them as unrecorded receipts
 * (adjustments in the history).
 */
import type { DemoApi } from './demo-data.ts';
import { seededRandom } from './seeded-random.ts';

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 21;

/** Units per bed per day. */
const usagePerBed: Record<string, number> = {
  'MASK-IIR': 2,
  'MASK-FFP3': 0.15,
  'GLOVE-NITRILE-M': 8,
  APRON: 4,
  'GOWN-FR': 0.1,
  VISOR: 0.05,
  'HAND-SANITISER-500ML': 0.04,
};

interface DemoHomeStock {
  homeId: string;
  beds: number;
  /** Days of supply at the newest count, per SKU (others: a green default). */
  endDays: Record<string, number>;
  /** The newest count is this many days ago (0 = about an hour ago). */
  silentDays?: number;
  csv?: boolean;
}

export const demoHomeStock: DemoHomeStock[] = [
  { homeId: 'ty-gwyn', beds: 42, endDays: { 'MASK-FFP3': 2, 'GOWN-FR': 9 } },
  { homeId: 'plas-newydd', beds: 28, endDays: { 'GLOVE-NITRILE-M': 5 } },
  { homeId: 'llys-hafren', beds: 60, endDays: {} },
  { homeId: 'bryn-haul', beds: 35, endDays: { VISOR: 11 } },
  { homeId: 'glan-y-mor', beds: 50, endDays: { APRON: 6.5 }, csv: true },
  { homeId: 'awel-y-mor', beds: 22, endDays: {}, silentDays: 6 },
];


/**
 * On hand per day, oldest first, built backwards from the wanted end: each day earlier holds that
 * day's use more, except where that would exceed four weeks' stock — there a delivery came.
 */
function series(usage: number, endDays: number, rand: () => number): number[] {
  const onHand = [Math.round(usage * endDays)];
  for (let day = 1; day < HISTORY_DAYS; day++) {
    let previous = onHand[0]! + Math.round(usage * (0.85 + 0.3 * rand()));
    if (previous > usage * 28) previous -= Math.round(usage * 21);
    onHand.unshift(Math.max(0, previous));
  }
  return onHand;
}

function countsFor(home: DemoHomeStock, seed: number) {
  const rand = seededRandom(seed);
  return Object.entries(usagePerBed).map(([sku, perBed]) => {
    const usage = perBed * home.beds;
    const endDays = home.endDays[sku] ?? 12 + Math.round(rand() * 10);
    return {
      sku,
      onHand: series(usage, endDays, rand),
      reorderLevel: Math.round(usage * 7),
      targetLevel: Math.ceil(usage * 21),
      dailyUsage: Math.round(usage * 100) / 100,
    };
  });
}

const csvBody = (countedAt: string, lines: { sku: string; onHand: number; reorderLevel?: number; targetLevel?: number; dailyUsage?: number }[]) =>
  ['countedAt,sku,onHand,reorderLevel,targetLevel,dailyUsage', ...lines.map((l) => [countedAt, l.sku, l.onHand, l.reorderLevel ?? '', l.targetLevel ?? '', l.dailyUsage ?? ''].join(','))].join('\r\n') + '\r\n';

/** Posts the counts unless recent counts are already there (a persisted DATA_DIR). Returns the number of posts. */
export async function seedDemoCounts(api: DemoApi, now = Date.now()): Promise<number> {
  const existing = await api('GET', '/v1/homes/ty-gwyn/stock');
  const positions = (existing.body as { positions?: { countedAt: string | null }[] } | undefined)?.positions ?? [];
  if (positions.some((p) => p.countedAt !== null && now - Date.parse(p.countedAt) < DAY_MS / 2)) return 0;

  const post = async (path: string, body: unknown, contentType?: string) => {
    const response = await api('POST', path, body, contentType);
    if (response.status !== 200) throw new Error(`demo data: POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  };
  const posts = await Promise.all(
    demoHomeStock.map(async (home, index) => {
      const items = countsFor(home, 2026 + index);
      let sent = 0;
      for (let day = 0; day < HISTORY_DAYS - (home.silentDays ?? 0); day++) {
        const daysAgo = HISTORY_DAYS - 1 - day;
        const countedAt = new Date(now - daysAgo * DAY_MS - 3_600_000).toISOString();
        // Levels and declared usage come with the first count, as a store sets a home up.
        const lines = items.map((item) => ({
          sku: item.sku,
          onHand: item.onHand[day]!,
          ...(day === 0 ? { reorderLevel: item.reorderLevel, targetLevel: item.targetLevel, dailyUsage: item.dailyUsage } : {}),
        }));
        const path = `/v1/homes/${home.homeId}/stock-counts`;
        if (home.csv) await post(path, csvBody(countedAt, lines), 'text/csv');
        else await post(path, { countedAt, lines });
        sent++;
      }
      return sent;
    }),
  );

  // Each store's own shelves: one recent count, about three weeks of what its homes use.
  for (const [storeId, homes] of [['cardiff-jes', ['ty-gwyn', 'plas-newydd', 'llys-hafren']], ['swansea-jes', ['bryn-haul', 'glan-y-mor', 'awel-y-mor']]] as const) {
    const beds = demoHomeStock.filter((h) => (homes as readonly string[]).includes(h.homeId)).reduce((sum, h) => sum + h.beds, 0);
    const lines = Object.entries(usagePerBed).map(([sku, perBed]) => ({
      sku,
      onHand: Math.round(perBed * beds * 20),
      dailyUsage: Math.round(perBed * beds * 100) / 100,
    }));
    await post(`/v1/stores/${storeId}/stock-counts`, { countedAt: new Date(now - 2 * 3_600_000).toISOString(), lines });
  }
  return posts.reduce((a, b) => a + b, 0) + 2;
}
