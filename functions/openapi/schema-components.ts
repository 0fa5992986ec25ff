/**
 * zod → JSON Schema 2020-12 (OpenAPI 3.1's own dialect) with zod's built-in `toJSONSchema`, and
 * the bookkeeping that turns every schema registered with an id into one `components/schemas`
 * entry referenced by `$ref`.
 *
 * Request parts are converted as zod's input type, responses as its output type. Where one named
 * schema reads differently in the two directions (a default, a transform, a non-strict object),
 * the input form is published as `<id>Input` so neither direction lies.
 */
import * as z from 'zod/mini';

export type Json = Record<string, unknown>;
export type Io = 'input' | 'output';

const COMPONENT_REF = '#/components/schemas/';
/** Stands in for a component ref until every schema has been seen and names are settled. */
const PENDING = 'urn:carestock:pending:';

type Schema = z.ZodMiniType;

export const schemaId = (schema: Schema): string | undefined => z.globalRegistry.get(schema)?.id;
export const schemaDescription = (schema: Schema): string | undefined => z.globalRegistry.get(schema)?.description;
export const schemaExamples = (schema: Schema): readonly unknown[] | undefined => z.globalRegistry.get(schema)?.examples as unknown[] | undefined;

export class SchemaComponents {
  private readonly seen = new Map<string, Partial<Record<Io, Json>>>();
  readonly issues: string[] = [];

  /** JSON Schema for `schema` as seen from `io`; schemas with ids become refs and are collected. */
  convert(schema: Schema, io: Io, where: string): Json {
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: (ctx) => {
        this.issues.push(`${where}: ${ctx.message} at "/${ctx.path.join('/')}" (documented as any value)`);
        return 'any';
      },
    }) as Json;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    for (const [id, def] of Object.entries(defs)) this.collect(id, io, def, where);
    return pendingRefs(json, io) as Json;
  }

  /** A `$ref` for a named schema; an unnamed one is inlined, and noted, since bodies must be components. */
  ref(schema: Schema, io: Io, where: string): Json {
    if (!schemaId(schema)) {
      this.issues.push(`${where}: the schema has no id; register it: .register(z.globalRegistry, { id: 'Name' })`);
    }
    return this.convert(schema, io, where);
  }

  /** A parameter's schema: the value the handler accepts after decoding when JSON Schema can say it, else the raw string. */
  parameter(schema: Schema, where: string): Json {
    try {
      z.toJSONSchema(schema, { io: 'output' });
      return this.convert(schema, 'output', where);
    } catch {
      return this.convert(schema, 'input', where);
    }
  }

  /** Settles component names, rewrites every pending ref in `document`, and returns the components. */
  finish(document: unknown): Record<string, Json> {
    const split = this.splitIds();
    const names = new Map<string, string>();
    const components: Record<string, Json> = {};
    for (const [id, forms] of this.seen) {
      for (const io of ['output', 'input'] as const) {
        const form = forms[io];
        if (!form || (io === 'input' && forms.output && !split.has(id))) {
          if (form) names.set(`${io}:${id}`, id);
          continue;
        }
        const name = io === 'input' && split.has(id) ? `${id}Input` : id;
        if (components[name]) this.issues.push(`components/schemas/${name}: two schemas would share this name; rename one`);
        names.set(`${io}:${id}`, name);
        components[name] = form;
      }
    }
    const resolve = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(resolve);
      if (value === null || typeof value !== 'object') return value;
      const object = value as Json;
      for (const [key, child] of Object.entries(object)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith(PENDING)) {
          const pending = child.slice(PENDING.length);
          const [io, ...rest] = pending.split(':');
          const id = rest.join(':');
          object.$ref = COMPONENT_REF + (names.get(pending) ?? names.get(`${io === 'input' ? 'output' : 'input'}:${id}`) ?? id);
        } else {
          resolve(child);
        }
      }
      return object;
    };
    resolve(document);
    resolve(components);
    return Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Ids whose input and output forms differ, directly or through a schema they refer to. */
  private splitIds(): Set<string> {
    const split = new Set<string>();
    const both = [...this.seen].filter(([, forms]) => forms.input && forms.output);
    for (const [id, forms] of both) if (comparable(forms.input!) !== comparable(forms.output!)) split.add(id);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [id, forms] of both) {
        if (split.has(id)) continue;
        if ([...split].some((other) => JSON.stringify(forms.output).includes(`${PENDING}output:${other}"`))) {
          split.add(id);
          grew = true;
        }
      }
    }
    return split;
  }

  private collect(id: string, io: Io, def: Json, where: string): void {
    const form = pendingRefs(def, io) as Json;
    const forms = this.seen.get(id) ?? {};
    const known = forms[io];
    if (known && comparable(known) !== comparable(form)) {
      this.issues.push(`${where}: the id "${id}" names two different schemas; ids must be unique`);
    }
    forms[io] = form;
    this.seen.set(id, forms);
  }
}

/** Rewrites zod's local `#/$defs/<id>` refs to pending component refs for the given direction. */
function pendingRefs(value: unknown, io: Io): unknown {
  if (Array.isArray(value)) return value.map((v) => pendingRefs(v, io));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) =>
      key === '$ref' && typeof child === 'string' && child.startsWith('#/$defs/')
        ? [key, `${PENDING}${io}:${decodeURIComponent(child.slice('#/$defs/'.length))}`]
        : [key, pendingRefs(child, io)],
    ),
  );
}

/** Two forms of a schema are the same if they differ only in the direction their refs were made from. */
function comparable(json: Json): string {
  return JSON.stringify(json).replaceAll(`${PENDING}input:`, PENDING).replaceAll(`${PENDING}output:`, PENDING);
}
