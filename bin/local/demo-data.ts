/**
 * Demo data, loaded through the public API (so it passes the same validation as anyone's):
 * a catalogue of PPE lines, two Welsh Joint Equipment Stores, the care homes they serve, a manager
 * and a staff member of each, and three weeks of stock counts (bin/local/demo-counts.ts).
 */
import { seedDemoCounts } from './demo-counts.ts';
import { seedDemoRequests } from './demo-requests.ts';

export interface DemoApi {
  (method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: unknown }>;
}

/**
 * Welsh names (`nameCy`) after the shared glossary (masg/masgiau, maneg/menig, ffedog/ffedogau,
 * gŵn/gynau, fisor/fisorau, hylif diheintio dwylo); written by a non-native speaker, for review.
 */
export const demoCatalogue = [
  { sku: 'MASK-IIR', name: 'Type IIR surgical mask', nameCy: 'Masg llawfeddygol Math IIR', unit: 'mask', packSize: 50 },
  { sku: 'MASK-FFP3', name: 'FFP3 respirator', nameCy: 'Anadlydd FFP3', unit: 'respirator', packSize: 20 },
  { sku: 'GLOVE-NITRILE-M', name: 'Nitrile examination glove, medium', nameCy: 'Maneg archwilio nitril, canolig', unit: 'glove', packSize: 100 },
  { sku: 'APRON', name: 'Disposable plastic apron', nameCy: 'Ffedog blastig untro', unit: 'apron', packSize: 200 },
  { sku: 'GOWN-FR', name: 'Fluid-repellent gown', nameCy: 'Gŵn gwrth-hylif', unit: 'gown', packSize: 10 },
  { sku: 'VISOR', name: 'Full-face visor', nameCy: 'Fisor wyneb llawn', unit: 'visor', packSize: 25 },
  { sku: 'HAND-SANITISER-500ML', name: 'Hand sanitiser, 500 ml', nameCy: 'Hylif diheintio dwylo, 500 ml', unit: 'bottle', packSize: 12 },
];

/**
 * Units one isolating resident uses a day, for outbreak forecasts (PUT /v1/items/{sku}/per-case-usage).
 * FFP3 respirators 1.27, gowns 1.75, visors 0.9, gloves 8.6 (pieces): New Mexico Medical Advisory
 * Team, PPE burn rates per COVID-19 patient per day, April 2020. Type IIR masks 10: Johns Hopkins
 * Center for Health Security, PPE estimates per COVID-19 patient per day, April 2020. Aprons and
 * hand sanitiser: no per-case figure in either source, so none (their forecast stays the estimate).
 */
export const demoPerCaseDailyUsage: Readonly<Record<string, number>> = {
  'MASK-FFP3': 1.27,
  'GOWN-FR': 1.75,
  VISOR: 0.9,
  'GLOVE-NITRILE-M': 8.6,
  'MASK-IIR': 10,
};

/** Cardiff's alerts in both languages (Welsh first), Swansea's in Welsh. */
export const demoStores = [
  { storeId: 'cardiff-jes', name: 'Cardiff Joint Equipment Store', nameCy: 'Storfa Offer ar y Cyd Caerdydd', capacityPerDay: 4, closedDates: ['2026-12-25', '2026-12-26', '2027-01-01'], language: 'both' },
  { storeId: 'swansea-jes', name: 'Swansea Joint Equipment Store', nameCy: 'Storfa Offer ar y Cyd Abertawe', capacityPerDay: 3, closedDates: ['2026-12-25', '2026-12-26', '2027-01-01'], language: 'cy' },
];

/** Awel-y-Môr has no Welsh name on purpose: the page and the exports fall back to its name. */
export const demoHomes = [
  { homeId: 'ty-gwyn', name: 'Tŷ Gwyn Care Home', nameCy: 'Cartref Gofal Tŷ Gwyn', storeId: 'cardiff-jes', beds: 42, deliveryDays: ['MON', 'THU'] },
  { homeId: 'plas-newydd', name: 'Plas Newydd Residential Home', nameCy: 'Cartref Preswyl Plas Newydd', storeId: 'cardiff-jes', beds: 28, deliveryDays: ['TUE', 'FRI'] },
  { homeId: 'llys-hafren', name: 'Llys Hafren Nursing Home', nameCy: 'Cartref Nyrsio Llys Hafren', storeId: 'cardiff-jes', beds: 60, deliveryDays: ['MON', 'WED', 'FRI'] },
  { homeId: 'bryn-haul', name: 'Bryn Haul Care Home', nameCy: 'Cartref Gofal Bryn Haul', storeId: 'swansea-jes', beds: 35, deliveryDays: ['WED'] },
  { homeId: 'glan-y-mor', name: 'Glan-y-Môr Nursing Home', nameCy: 'Cartref Nyrsio Glan-y-Môr', storeId: 'swansea-jes', beds: 50, deliveryDays: ['TUE', 'THU'] },
  { homeId: 'awel-y-mor', name: 'Awel-y-Môr Residential Home', storeId: 'swansea-jes', beds: 22, deliveryDays: ['FRI'] },
];

export interface DemoMember {
  email: string;
  name: string;
  role: 'manager' | 'staff';
  /** admin, store:<id> or home:<id> */
  org: string;
}

/** A manager and a staff member for each demo organisation (and two administrators): who the local sign-in offers. */
export const demoMembers: DemoMember[] = [
  ...[{ org: 'admin', slug: 'admin', what: 'Regional' }, ...demoStores.map((s) => ({ org: `store:${s.storeId}`, slug: s.storeId, what: s.name })), ...demoHomes.map((h) => ({ org: `home:${h.homeId}`, slug: h.homeId, what: h.name }))].flatMap(
    ({ org, slug, what }) =>
      (['manager', 'staff'] as const).map((role) => ({ email: `${role}.${slug}@carestock.example`, name: `${what} ${role === 'manager' ? 'manager' : 'staff member'}`, role, org })),
  ),
];

/** The path that invites a member into `org`. */
const membersPath = (org: string) => {
  const [kind, id] = org.split(':');
  return kind === 'admin' ? '/v1/admin/members' : `/v1/${kind}s/${id}/members`;
};

/** Invites the demo members (again: an invitation repeated answers 200 with the same member). */
export async function seedDemoMembers(api: DemoApi): Promise<number> {
  for (const { org, ...invite } of demoMembers) {
    const response = await api('POST', membersPath(org), invite);
    if (response.status !== 201 && response.status !== 200) throw new Error(`demo data: inviting ${invite.email} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return demoMembers.length;
}

export async function seedDemoData(api: DemoApi, log: (line: string) => void): Promise<void> {
  const put = async (path: string, body: unknown) => {
    const response = await api('PUT', path, body);
    if (response.status !== 200) throw new Error(`demo data: PUT ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  };
  for (const { sku, ...item } of demoCatalogue) await put(`/v1/items/${sku}`, item);
  for (const [sku, perCaseDailyUsage] of Object.entries(demoPerCaseDailyUsage)) await put(`/v1/items/${sku}/per-case-usage`, { perCaseDailyUsage });
  for (const { storeId, ...store } of demoStores) await put(`/v1/stores/${storeId}`, store);
  for (const { homeId, ...home } of demoHomes) await put(`/v1/homes/${homeId}`, home);
  log(`demo data: ${demoCatalogue.length} items, ${demoStores.length} stores, ${demoHomes.length} homes`);
  log(`demo data: ${await seedDemoMembers(api)} members (a manager and a staff member of each store, home and the administrators)`);
  const posts = await seedDemoCounts(api);
  log(posts > 0 ? `demo data: ${posts} stock counts (three weeks of daily counts per home)` : 'demo data: recent stock counts already loaded');
  const requests = await seedDemoRequests(api);
  log(requests > 0 ? `demo data: ${requests} PPE requests (submitted, approved, partially approved, rejected, cancelled)` : 'demo data: requests already loaded');
}
