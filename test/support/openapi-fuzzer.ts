/**
 * A fuzzer driven by the OpenAPI document alone: for every operation it generates path parameters,
 * query strings and bodies from the document's schemas (JSON Schema), valid ones and broken ones,
 * and checks what the document promises: nothing ever answers 5xx, a broken input gets 4xx, a
 * refused write leaves the table as it was, and every status is one the operation documents.
 * Path parameters come from fixture pools by name (`sku`, `storeId`…); a name without a pool is
 * generated from its schema and reported, never skipped.
 */
import fc from 'fast-check';

type Json = Record<string, any>;

export interface FuzzRequest {
  method: string;
  path: string;
  body?: unknown;
  raw?: boolean;
}
export interface FuzzResponse {
  status: number;
}
export interface FuzzOptions {
  document: Json;
  pools: Record<string, readonly string[]>;
  send: (request: FuzzRequest) => Promise<FuzzResponse>;
  /** A digest of the table, compared around refused writes. */
  snapshot: () => Promise<string>;
  casesPerOperation: number;
  seed?: number;
}
export interface FuzzReport {
  cases: number;
  failures: string[];
  /** Operations whose path parameters had no fixture pool: generated from the schema instead. */
  unpooled: string[];
  statuses: Record<string, number>;
}

export async function fuzzDocument(options: FuzzOptions): Promise<FuzzReport> {
  const { document } = options;
  const components = document.components.schemas as Record<string, Json>;
  const resolve = (schema: Json): Json => (schema?.$ref ? resolve(components[String(schema.$ref).split('/').pop()!]!) : schema);
  const report: FuzzReport = { cases: 0, failures: [], unpooled: [], statuses: {} };
  let seed = (options.seed ?? Date.now()) | 0;
  const sample = <T>(arbitrary: fc.Arbitrary<T>): T => fc.sample(arbitrary, { seed: seed++, numRuns: 1 })[0]!;

  const arbitraryOf = (raw: Json, depth = 0): fc.Arbitrary<unknown> => {
    const schema = resolve(raw);
    if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s: Json) => arbitraryOf(s, depth)));
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.const !== undefined) return fc.constant(schema.const);
    switch (schema.type) {
      case 'object': {
        const properties = (schema.properties ?? {}) as Record<string, Json>;
        const required = new Set<string>(schema.required ?? []);
        if (schema.propertyNames && schema.additionalProperties && depth < 3) {
          return fc.dictionary(poolOr(options.pools.sku, arbitraryOf(schema.propertyNames)) as fc.Arbitrary<string>, arbitraryOf(schema.additionalProperties, depth + 1), { maxKeys: 3 });
        }
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, property] of Object.entries(properties)) record[name] = poolOr(options.pools[name], arbitraryOf(property, depth + 1));
        return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
      }
      case 'array': {
        const items = arbitraryOf(schema.items ?? {}, depth + 1);
        const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) };
        if (schema['x-unique-by']) return fc.uniqueArray(items, { ...constraints, selector: (v: any) => v?.[schema['x-unique-by']] });
        return schema.uniqueItems ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(items, constraints);
      }
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
      case 'number':
        return fc.oneof(fc.constant(schema.minimum ?? 0), fc.integer({ min: Math.ceil(schema.minimum ?? 0), max: Math.floor(Math.min(schema.maximum ?? 1e6, 1e6)) }).map((n) => n + 0.25 > (schema.maximum ?? Infinity) ? n : n + 0.25));
      case 'boolean':
        return fc.boolean();
      case 'string': {
        if (schema.pattern && schema.pattern !== '\\S') return fc.stringMatching(new RegExp(schema.pattern));
        if (schema.format === 'date-time') return fc.constant(new Date().toISOString());
        return fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 20, 20) }).filter((s) => /\S/.test(s));
      }
      default:
        return fc.constant(null);
    }
  };
  const poolOr = (pool: readonly string[] | undefined, otherwise: fc.Arbitrary<unknown>) => (pool?.length ? fc.constantFrom(...pool) : otherwise);

  const broken = (valid: unknown): fc.Arbitrary<unknown> =>
    brokenForms(valid).filter((body) => JSON.stringify(body) !== JSON.stringify(valid));
  const brokenForms = (valid: unknown): fc.Arbitrary<unknown> =>
    fc.oneof(
      fc.constant({ ...(valid as Json), unexpectedField: 1 }),
      fc.constant('{"__proto__":{"x":1}}'),
      fc.constant([valid]),
      fc.constant('not json'),
      fc.constant({ ...(valid as Json), ...Object.fromEntries(Object.keys((valid as Json) ?? {}).slice(0, 1).map((k) => [k, { nested: true }])) }),
      fc.constantFrom(1e-300, -1, 'x'.repeat(600), { nested: [] }).map((bad) =>
        Object.fromEntries(Object.keys((valid as Json) ?? {}).map((k, i) => [k, i === 0 ? bad : (valid as Json)[k]])),
      ),
    );

  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
    for (const [method, operation] of Object.entries(methods)) {
      const key = `${method.toUpperCase()} ${path}`;
      const documented = new Set(Object.keys(operation.responses));
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const parameters = new Map<string, Json>((operation.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => [p.name, p.schema]));
      const missing = names.filter((n) => !options.pools[n]?.length);
      if (missing.length) report.unpooled.push(`${key}: no fixture for ${missing.join(', ')} (generated from the schema)`);
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema as Json | undefined;
      const example = operation.requestBody?.content?.['application/json']?.example;
      const write = method !== 'get';

      for (let i = 0; i < options.casesPerOperation; i++) {
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
          const pool = options.pools[name];
          const value = pool?.length ? sample(fc.constantFrom(...pool)) : String(sample(arbitraryOf(parameters.get(name) ?? { type: 'string' })));
          return encodeURIComponent(value);
        });
        const validBody = bodySchema ? (i === 0 && example !== undefined ? example : sample(arbitraryOf(bodySchema))) : undefined;
        const M = method.toUpperCase();
        const hasQuery = (operation.parameters ?? []).some((p: Json) => p.in === 'query' || String(p.$ref ?? '').includes('Page'));
        const breakers: fc.Arbitrary<FuzzRequest>[] = [];
        if (bodySchema) breakers.push(broken(validBody).map((body) => ({ method: M, path: url, body, raw: typeof body === 'string' })));
        else if (write) breakers.push(fc.constant({ method: M, path: url, body: { unexpected: true } }));
        if (names.length) breakers.push(fc.constantFrom('%zz', '%E0%A4%A', 'x'.repeat(300)).map((bad) => ({ method: M, path: url.replace(/\/[^/]+$/, '/' + bad) })));
        if (hasQuery) breakers.push(fc.constantFrom('0999-06-21', '%zz', 'x'.repeat(3000)).map((bad) => ({ method: M, path: `${url}?unknownParameter=${bad}&cursor=${bad}&limit=0` })));
        const invalid = i % 2 === 1 && breakers.length > 0;
        const request: FuzzRequest = invalid
          ? sample(fc.oneof(...breakers))
          : { method: M, path: url, ...(validBody !== undefined ? { body: validBody } : {}) };
        const before = write && invalid ? await options.snapshot() : undefined;
        let response: FuzzResponse;
        try {
          response = await options.send(request);
        } catch (error) {
          report.failures.push(`${key} ${JSON.stringify(request)}: the request failed: ${(error as Error).message}`);
          continue;
        }
        report.cases++;
        const tag = `${key} → ${response.status}`;
        report.statuses[tag] = (report.statuses[tag] ?? 0) + 1;
        const shown = JSON.stringify(request).slice(0, 300);
        if (response.status >= 500) report.failures.push(`${key}: ${response.status} for ${shown}`);
        else if (invalid && response.status < 400) report.failures.push(`${key}: a broken input was accepted (${response.status}): ${shown}`);
        else if (!invalid && !documented.has(String(response.status))) report.failures.push(`${key}: undocumented ${response.status} for ${shown}`);
        if (before !== undefined && response.status >= 400 && (await options.snapshot()) !== before) {
          report.failures.push(`${key}: a refused write (${response.status}) changed the table: ${shown}`);
        }
      }
    }
  }
  return report;
}
