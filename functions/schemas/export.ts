/** The store's stock export (CSV): every home × item, for a commissioner's spreadsheet. */
import * as z from 'zod/mini';
import { dateInput, exportLanguage } from './common.ts';
import { storeParams } from './registry.ts';
import type { OperationFragment } from './operation.ts';

export const exportQuery = z.strictObject({ date: z.optional(dateInput), lang: z.optional(exportLanguage) });

export const stockExportCsv = z.string().register(z.globalRegistry, {
  id: 'StockExportCsv',
  description:
    'UTF-8 CSV with a byte-order mark, CRLF line ends and a header row: date, storeId, homeId, homeName, sku, itemName, unit, ' +
    'status, onHand, projectedOnHand, dailyUsage, daysOfSupply, runoutDate, suggestedOrder, lastCounted. One row per home × ' +
    'catalogue item, homes by name, items by SKU. Dates are ISO (YYYY-MM-DD) in the store’s time zone; an empty cell means ' +
    'no figure (never counted, or no usage so no run-out). Text that a spreadsheet would read as a formula starts with an apostrophe. ' +
    'In Welsh (`?lang=cy`, or `Accept-Language: cy`) the same columns with Welsh headers (dyddiad, idStorfa, idCartref, enwCartref, sku, enwEitem, uned, statws, …), ' +
    'the status as coch, ambr, gwyrdd or anhysbys, and the homes’ and items’ Welsh names (`nameCy`, else the name), homes in Welsh alphabetical order.',
});

export const operations = {
  'GET /v1/stores/{storeId}/export.csv': {
    description:
      'Every home the store serves × every catalogue item, as a spreadsheet opens it: on hand, usage, days of supply, run-out ' +
      'date and status, projected to now (`date` = today, the default) or to the start of a later `date` (up to 28 days ahead), ' +
      'in the store’s time zone. Sent as an attachment (`Content-Disposition`) named `carestock-<storeId>-<date>.csv`. ' +
      'The store itself and administrators may read it. `lang=cy` (or `Accept-Language: cy`) gives it in Welsh; `Content-Language` says which.',
    params: storeParams,
    query: exportQuery,
    localized: true,
    responses: {
      200: {
        schema: stockExportCsv,
        description: 'The CSV file.',
        mediaType: 'text/csv',
        headers: { 'Content-Disposition': '`attachment; filename="carestock-<storeId>-<date>.csv"`', 'Cache-Control': '`no-store`' },
      },
    },
    problems: { 400: 'The date is not a date, is before today or more than 28 days ahead; or `lang` is not `cy` or `en`.', 404: 'No store has this id.' },
  },
} as const satisfies OperationFragment;
