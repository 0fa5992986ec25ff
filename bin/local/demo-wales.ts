/**
 * `npm start -- --wales`: a plausible Wales on top of the default demo. Seven Regional Partnership
 * Boards over the 22 local authorities, one Joint Equipment Store each, and a few hundred care homes
 * with generated Welsh names, loaded through the bulk import routes (CSV, as an administrator's
 * spreadsheet would be); then twelve weeks of weekly counts, oldest first, each week followed by
 * the shortfall job as of that week, so the overview has a trend to show (fewer homes short as the
 * weeks go by). Seeded: the same Wales on every start. Off by default: it takes a minute or two.
 */
import type { DemoApi } from './demo-data.ts';
import { seededRandom } from './seeded-random.ts';

export const walesRegions = [
  { regionId: 'north-wales', name: 'North Wales Regional Partnership Board', nameCy: 'Bwrdd Partneriaeth Rhanbarthol Gogledd Cymru', authorities: ['Isle of Anglesey', 'Gwynedd', 'Conwy', 'Denbighshire', 'Flintshire', 'Wrexham'] },
  { regionId: 'west-wales', name: 'West Wales Regional Partnership Board', nameCy: 'Bwrdd Partneriaeth Rhanbarthol Gorllewin Cymru', authorities: ['Carmarthenshire', 'Ceredigion', 'Pembrokeshire'] },
  { regionId: 'west-glamorgan', name: 'West Glamorgan Regional Partnership Board', nameCy: 'Bwrdd Partneriaeth Rhanbarthol Gorllewin Morgannwg', authorities: ['Swansea', 'Neath Port Talbot'] },
  { regionId: 'cwm-taf-morgannwg', name: 'Cwm Taf Morgannwg Regional Partnership Board', nameCy: 'Bwrdd Partneriaeth Rhanbarthol Cwm Taf Morgannwg', authorities: ['Bridgend', 'Merthyr Tydfil', 'Rhondda Cynon Taf'] },
  { regionId: 'cardiff-and-vale', name: 'Cardiff and Vale Regional Partnership Board', nameCy: 'Bwrdd Partneriaeth Rhanbarthol Caerdydd a’r Fro', authorities: ['Cardiff', 'Vale of Glamorgan'] },
  { regionId: 'gwent', name: 'Gwent Regional Partnership Board', nameCy: 'Bwrdd Partneriaeth Rhanbarthol Gwent', authorities: ['Blaenau Gwent', 'Caerphilly', 'Monmouthshire', 'Newport', 'Torfaen'] },
  { regionId: 'powys', name: 'Powys Regional Partnership Board', nameCy: 'Bwrdd Partneriaeth Rhanbarthol Powys', authorities: ['Powys'] },
];

/** The authorities' Welsh names, for the stores' `nameCy`. */
const authorityCy: Record<string, string> = {
  'Isle of Anglesey': 'Ynys Môn', Gwynedd: 'Gwynedd', Conwy: 'Conwy', Denbighshire: 'Sir Ddinbych', Flintshire: 'Sir y Fflint', Wrexham: 'Wrecsam',
  Carmarthenshire: 'Sir Gaerfyrddin', Ceredigion: 'Ceredigion', Pembrokeshire: 'Sir Benfro', Swansea: 'Abertawe', 'Neath Port Talbot': 'Castell-nedd Port Talbot',
  Bridgend: 'Pen-y-bont ar Ogwr', 'Merthyr Tydfil': 'Merthyr Tudful', 'Rhondda Cynon Taf': 'Rhondda Cynon Taf', Cardiff: 'Caerdydd', 'Vale of Glamorgan': 'Bro Morgannwg',
  'Blaenau Gwent': 'Blaenau Gwent', Caerphilly: 'Caerffili', Monmouthshire: 'Sir Fynwy', Newport: 'Casnewydd', Torfaen: 'Tor-faen', Powys: 'Powys',
};
/** Stores in the Welsh-speaking heartlands send their alerts in Welsh; the rest in both. */
const welshFirst = new Set(['Isle of Anglesey', 'Gwynedd', 'Ceredigion', 'Carmarthenshire']);

/** Homes per authority: roughly in proportion to their care-home places. */
const homesIn: Record<string, number> = {
  Cardiff: 24, Swansea: 22, 'Rhondda Cynon Taf': 20, Powys: 18, Carmarthenshire: 18, Flintshire: 14, Gwynedd: 14, Conwy: 16, Wrexham: 14,
  Denbighshire: 13, Caerphilly: 14, Newport: 12, Pembrokeshire: 14, Bridgend: 12, 'Neath Port Talbot': 12, 'Vale of Glamorgan': 12,
  Monmouthshire: 10, Ceredigion: 9, 'Isle of Anglesey': 9, Torfaen: 8, 'Merthyr Tydfil': 6, 'Blaenau Gwent': 6,
};

const slug = (text: string) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
/** The default demo's two stores keep their ids (and names): the import gives them their regions. */
const storeIdOf = (authority: string) => (authority === 'Cardiff' ? 'cardiff-jes' : authority === 'Swansea' ? 'swansea-jes' : `${slug(authority)}-jes`);
const storeNameOf = (authority: string) => `${authority} Joint Equipment Store`;

const first = ['Tŷ', 'Plas', 'Bryn', 'Llys', 'Cartref', 'Hafan', 'Glan', 'Awel', 'Maes', 'Pen-y', 'Cwrt', 'Nant', 'Bod', 'Gwêl'];
const second = ['Gwyn', 'Hyfryd', 'Teg', 'Derw', "yr Afon", 'y Môr', 'Celyn', 'Aur', 'Heulog', 'Deri', 'Onnen', 'y Bryn', 'Dyfed', 'Menai', 'Tawe', 'Hafren'];
const kinds = ['Care Home', 'Nursing Home', 'Residential Home', 'Care Centre'];
/** The same kinds in Welsh, which put the kind first: Cartref Gofal Tŷ Gwyn. */
const kindsCy: Record<string, string> = { 'Care Home': 'Cartref Gofal', 'Nursing Home': 'Cartref Nyrsio', 'Residential Home': 'Cartref Preswyl', 'Care Centre': 'Canolfan Ofal' };
const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI'];


export interface WalesHome {
  homeId: string;
  name: string;
  nameCy: string;
  storeId: string;
  beds: number;
  deliveryDays: string[];
  localAuthority: string;
}

export function walesHomes(): WalesHome[] {
  const next = seededRandom(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const taken = new Set<string>();
  const homes: WalesHome[] = [];
  for (const { authorities } of walesRegions) {
    for (const authority of authorities) {
      for (let n = 0; n < homesIn[authority]!; n++) {
        let name: string;
        let nameCy: string;
        do {
          const [a, b, kind] = [pick(first), pick(second), pick(kinds)];
          name = `${a} ${b} ${kind}`;
          nameCy = `${kindsCy[kind]} ${a} ${b}`;
        } while (taken.has(`${authority}/${name}`));
        taken.add(`${authority}/${name}`);
        const day = Math.floor(next() * WEEKDAYS.length);
        homes.push({
          homeId: `${slug(name)}-${slug(authority)}`.slice(0, 63).replace(/-$/, ''),
          name,
          nameCy,
          storeId: storeIdOf(authority),
          beds: 12 + Math.floor(next() * 60),
          deliveryDays: next() < 0.5 ? [WEEKDAYS[day]!] : [WEEKDAYS[day]!, WEEKDAYS[(day + 3) % 5]!],
          localAuthority: authority,
        });
      }
    }
  }
  // Names may repeat across authorities, ids may not: the authority is in the id.
  return homes.filter((h, i) => homes.findIndex((o) => o.homeId === h.homeId) === i);
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Units a bed uses a day, per SKU the Wales counts carry. */
const usagePerBed: Record<string, number> = { 'MASK-IIR': 2, 'GLOVE-NITRILE-M': 8, APRON: 4 };
const WEEKS = 12;

export const walesRegionMembers = walesRegions.map((r) => ({ email: `manager.${r.regionId}@carestock.example`, name: `${r.name} commissioner`, role: 'manager' as const, org: `region:${r.regionId}` }));

export async function seedWales(api: DemoApi, log: (line: string) => void): Promise<void> {
  const must = async (method: string, path: string, body: unknown, contentType?: string, ok = [200, 201]) => {
    const response = await api(method, path, body, contentType);
    if (!ok.includes(response.status)) throw new Error(`Wales demo: ${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown>;
  };
  for (const { regionId, name, nameCy } of walesRegions) await must('PUT', `/v1/regions/${regionId}`, { name, nameCy });
  // The default demo's two stores keep their languages (Cardiff both, Swansea Welsh).
  const languageOf = (a: string) => (a === 'Swansea' || welshFirst.has(a) ? 'cy' : 'both');
  const stores = walesRegions.flatMap((r) =>
    r.authorities.map((a) => [storeIdOf(a), storeNameOf(a), `Storfa Offer ar y Cyd ${authorityCy[a]}`, r.regionId, String(2 + (a.length % 4)), 'Europe/London', languageOf(a)]),
  );
  const storesCsv = `storeId,name,nameCy,regionId,capacityPerDay,timeZone,language\n${stores.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
  const storesImported = await must('POST', '/v1/stores/import', storesCsv, 'text/csv');
  const homes = walesHomes();
  const homesCsv = `homeId,name,nameCy,storeId,beds,deliveryDays,localAuthority\n${homes.map((h) => [h.homeId, h.name, h.nameCy, h.storeId, String(h.beds), h.deliveryDays.join(' '), h.localAuthority].map(csvCell).join(',')).join('\n')}\n`;
  const homesImported = await must('POST', '/v1/homes/import', homesCsv, 'text/csv');
  log(`Wales: ${walesRegions.length} regions, ${stores.length} stores (${String(storesImported.message)}), ${homes.length} homes (${String(homesImported.message)})`);
  for (const { org, ...invite } of walesRegionMembers) await must('POST', `/v1/regions/${org.split(':')[1]}/members`, invite);

  // Twelve weekly counts a home, oldest first; each week's shortfall job (and rollup) as of that week.
  const status = await api('GET', `/v1/overview/trend?interval=week&to=${new Date().toISOString().slice(0, 10)}`);
  const already = ((status.body as { points?: { date: string | null }[] } | undefined)?.points ?? []).filter((p) => p.date !== null).length;
  if (already >= WEEKS - 1) return log('Wales: weekly counts already loaded');
  const next = seededRandom(1999);
  const silentFrom = new Map(homes.map((h) => [h.homeId, next() < 0.04 ? Math.floor(next() * 3) : -1]));
  for (let week = WEEKS - 1; week >= 0; week--) {
    const at = new Date(Date.now() - week * 7 * 86_400_000 - 2 * 3_600_000);
    // Things improve week on week: fewer homes short now than twelve weeks ago.
    const shortChance = 0.06 + 0.12 * (week / (WEEKS - 1));
    const counted = homes.filter((h) => !(silentFrom.get(h.homeId)! >= 0 && week <= silentFrom.get(h.homeId)!));
    const queue = [...counted];
    const post = async () => {
      for (let home = queue.shift(); home; home = queue.shift()) {
        const lines = Object.entries(usagePerBed).map(([sku, perBed]) => {
          const usage = perBed * home!.beds;
          const roll = next();
          const days = roll < shortChance / 3 ? 1 + next() * 2 : roll < shortChance ? 3 + next() * 4 : 8 + next() * 20;
          return { sku, onHand: Math.round(usage * days), dailyUsage: usage };
        });
        await must('POST', `/v1/homes/${home!.homeId}/stock-counts`, { countedAt: at.toISOString(), lines });
      }
    };
    await Promise.all(Array.from({ length: 8 }, post));
    await must('POST', '/v1/jobs/shortfall-scan', { asOf: new Date(at.getTime() + 60_000).toISOString() });
    log(`Wales: week ${WEEKS - week} of ${WEEKS}: ${counted.length} homes counted, the job run as of ${at.toISOString().slice(0, 10)}`);
  }
}
