/**
 * Every documented operation, merged from the fragments each schema module exports. Only the
 * OpenAPI generator and the tests import this: it pulls in every resource's schemas, which no
 * handler bundle needs.
 *
 * To document a new resource: export `operations` (an OperationFragment) from its
 * `functions/schemas/<resource>.ts`, import it here and add it to the list below.
 */
import type { OperationFragment, OperationSpec, RouteKey } from './operation.ts';
import { operations as deliveries } from './deliveries.ts';
import { operations as exports } from './export.ts';
import { operations as imports } from './imports.ts';
import { operations as members } from './members.ts';
import { operations as outbreaks } from './outbreaks.ts';
import { operations as overview } from './overview.ts';
import { operations as registry } from './registry.ts';
import { operations as requests } from './requests.ts';
import { operations as shortfalls } from './shortfalls.ts';
import { operations as stock } from './stock.ts';
import { operations as system } from './system.ts';
import { operations as webhooks } from './webhooks.ts';

const fragments: readonly OperationFragment[] = [system, registry, imports, stock, exports, shortfalls, overview, requests, deliveries, members, outbreaks, webhooks];

function merge(list: readonly OperationFragment[]): ReadonlyMap<RouteKey, OperationSpec> {
  const merged = new Map<RouteKey, OperationSpec>();
  for (const fragment of list) {
    for (const [key, operation] of Object.entries(fragment) as [RouteKey, OperationSpec][]) {
      if (merged.has(key)) throw new Error(`Two operation fragments document "${key}"; keep one.`);
      merged.set(key, operation);
    }
  }
  return merged;
}

export const operations = merge(fragments);
