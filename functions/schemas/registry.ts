/** Catalogue items, stores and homes: what an administrator PUTs and everyone reads. */
import * as z from 'zod/mini';
import { dateInput, distinct, homeId, isoDate, isoInstant, name, nameCy, pageOf, positiveUnits, regionId, sku, storeId, storeLanguage, text, timeZone, weekday } from './common.ts';
import { pageQuery } from '../data/pagination.ts';
import type { OperationFragment } from './operation.ts';

export const itemInput = z.strictObject({
  name,
  /** The item's name in Welsh; absent, the English name is shown in Welsh too. */
  nameCy: z.optional(nameCy),
  unit: text(40, 'unit'),
  packSize: positiveUnits(100_000),
}).register(z.globalRegistry, {
    id: 'ItemInput',
    examples: [{ name: 'Type IIR surgical mask', nameCy: 'Masg llawfeddygol Math IIR', unit: 'mask', packSize: 50 }],
    description: 'A catalogue item as an administrator PUTs it. `nameCy`, optional, is its name in Welsh (shown when the page or an export is in Welsh; absent, the English name).' });
export const item = z
  .object({
    sku,
    ...itemInput.shape,
    /** Units one isolating resident uses a day (PUT …/per-case-usage); absent when not set. */
    perCaseDailyUsage: z.optional(z.number()),
    updatedAt: isoInstant,
  })
  .register(z.globalRegistry, {
    id: 'Item',
    description: 'A catalogue item: one PPE line, counted in whole units of issue. `perCaseDailyUsage`, when set, drives outbreak forecasts.',
  });
export const itemPage = pageOf(item).register(z.globalRegistry, { id: 'ItemPage', description: 'A page of catalogue items; `nextCursor` is null on the last page.' });

export const regionInput = z.strictObject({ name, nameCy: z.optional(nameCy) }).register(z.globalRegistry, {
  id: 'RegionInput',
  examples: [{ name: 'Gwent Regional Partnership Board', nameCy: 'Bwrdd Partneriaeth Rhanbarthol Gwent' }],
  description: 'A region (in Wales, a Regional Partnership Board): a group of stores, read by its commissioners.',
});
export const region = z
  .object({ regionId, ...regionInput.shape, updatedAt: isoInstant })
  .register(z.globalRegistry, { id: 'Region', description: 'A region: the stores that name it in `regionId` are in it.' });
export const regionPage = pageOf(region).register(z.globalRegistry, { id: 'RegionPage', description: 'A page of regions; `nextCursor` is null on the last page.' });

export const storeInput = z.strictObject({
  name,
  nameCy: z.optional(nameCy),
  capacityPerDay: positiveUnits(1000),
  timeZone: z.optional(timeZone),
  closedDates: z.optional(distinct(dateInput, 'closedDates', 366)),
  regionId: z.optional(regionId),
  language: z.optional(storeLanguage),
}).register(z.globalRegistry, {
    id: 'StoreInput',
    examples: [{ name: 'Newport JES', nameCy: 'Storfa Offer ar y Cyd Casnewydd', capacityPerDay: 3, timeZone: 'Europe/London', closedDates: ['2026-12-25'], regionId: 'gwent', language: 'both' }],
    description:
      'A Joint Equipment Store; timeZone defaults to Europe/London. `regionId`, when given, must name a region that exists. ' +
      '`nameCy`: its name in Welsh (optional). `language`: the language of its alerts (`cy`, `en` or `both`, Welsh first); absent, `en`.' });
export const store = z.object({
  storeId,
  name,
  nameCy: z.optional(nameCy),
  capacityPerDay: z.int(),
  timeZone: z.string(),
  closedDates: z.array(isoDate),
  regionId: z.optional(regionId),
  language: storeLanguage,
  updatedAt: isoInstant,
}).register(z.globalRegistry, { id: 'Store', description: 'A Joint Equipment Store, its delivery settings, its region (absent: in none) and the language of its alerts.' });
export const storePage = pageOf(store).register(z.globalRegistry, { id: 'StorePage', description: 'A page of stores; `nextCursor` is null on the last page.' });

export const homeInput = z.strictObject({
  name,
  nameCy: z.optional(nameCy),
  storeId,
  beds: positiveUnits(1000),
  deliveryDays: distinct(weekday, 'deliveryDays', 7),
  localAuthority: z.optional(text(80, 'localAuthority')),
}).register(z.globalRegistry, {
    id: 'HomeInput',
    examples: [{ name: 'Tŷ Newydd Care Home', nameCy: 'Cartref Gofal Tŷ Newydd', storeId: 'newport-jes', beds: 30, deliveryDays: ['MON', 'THU'], localAuthority: 'Newport' }],
    description: 'A care home: the store that serves it, its beds, its rota days, (optionally) its local authority and its name in Welsh (`nameCy`).' });
export const home = z
  .object({ homeId, ...homeInput.shape, updatedAt: isoInstant })
  .register(z.globalRegistry, { id: 'Home', description: 'A care home.' });

export const skuParams = z.strictObject({ sku });
export const storeParams = z.strictObject({ storeId });
export const homeParams = z.strictObject({ homeId });
export const regionParams = z.strictObject({ regionId });

export type ItemInput = z.infer<typeof itemInput>;
export type Item = z.infer<typeof item>;
export type StoreInput = z.infer<typeof storeInput>;
export type Store = z.infer<typeof store>;
export type HomeInput = z.infer<typeof homeInput>;
export type RegionInput = z.infer<typeof regionInput>;
export type Region = z.infer<typeof region>;
export type Home = z.infer<typeof home>;

const putDescription = (what: string) =>
  `Creates the ${what} or replaces it whole: PUT is idempotent by nature, so it takes no Idempotency-Key. ` +
  'Unknown fields are refused (400), not ignored.';

export const operations = {
  'GET /v1/items': {
    description: 'The catalogue, by SKU. Any organisation may read it.',
    query: pageQuery,
    responses: { 200: itemPage },
  },
  'GET /v1/items/{sku}': {
    params: skuParams,
    responses: { 200: item },
    problems: { 404: 'No catalogue item has this SKU.' },
  },
  'PUT /v1/items/{sku}': {
    description: putDescription('catalogue item'),
    params: skuParams,
    body: itemInput,
    responses: { 200: item },
  },
  'GET /v1/stores': {
    description: 'Every store, by id. Administrators only.',
    query: pageQuery,
    responses: { 200: storePage },
  },
  'GET /v1/stores/{storeId}': {
    description: 'A store reads itself; administrators read any store.',
    params: storeParams,
    responses: { 200: store },
    problems: { 404: 'No store has this id.' },
  },
  'PUT /v1/stores/{storeId}': {
    description: `${putDescription('store')} A store that names a region the region must exist first: otherwise 400 at \`/regionId\`.`,
    params: storeParams,
    body: storeInput,
    responses: { 200: store },
  },
  'GET /v1/regions': {
    description: 'Every region, by id. Administrators only (a region reads itself).',
    query: pageQuery,
    responses: { 200: regionPage },
  },
  'GET /v1/regions/{regionId}': {
    description: 'A region reads itself; administrators read any region.',
    params: regionParams,
    responses: { 200: region },
    problems: { 404: 'No region has this id.' },
  },
  'PUT /v1/regions/{regionId}': {
    description: putDescription('region'),
    params: regionParams,
    body: regionInput,
    responses: { 200: region },
  },
  'GET /v1/homes/{homeId}': {
    description: 'A home reads itself, its store reads it, administrators read any home.',
    params: homeParams,
    responses: { 200: home },
    problems: { 404: 'No home has this id.' },
  },
  'PUT /v1/homes/{homeId}': {
    description:
      `${putDescription('home')} The store must exist first: a home that names an unknown store is refused with 400 at \`/storeId\`. ` +
      'Another `storeId` moves the home, in one transaction with its open work: its open requests join the new store\'s queues ' +
      '(a scheduled request goes back to approved, allocations are cleared), its planned deliveries are cancelled and their slots freed, ' +
      'and a delivery already dispatched stays on its way. From then on only the new store reads or acts on anything of the home, its history included.',
    params: homeParams,
    body: homeInput,
    responses: { 200: home },
    problems: {
      409: 'The move needs more writes than one transaction holds (`writes`, `limit`): too much open work. Nothing was changed; finish, reject or cancel some of it, then move the home again. Or the home kept changing while this was written: retry.',
    },
  },
} as const satisfies OperationFragment;
