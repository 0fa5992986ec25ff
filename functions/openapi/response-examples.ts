/**
 * An example for every response whose schema has none registered: built from the finished
 * document's JSON Schema (components resolved), with values that read like Carestock's own — ids
 * of the demo data, a SKU, instants in March 2026 — chosen by property name, else by type and
 * format. test/unit/openapi-examples.test.ts checks each against its schema, so none can lie.
 */
type Json = Record<string, unknown>;

const BY_NAME: Record<string, unknown> = {
  sku: 'MASK-IIR',
  homeId: 'ty-gwyn',
  storeId: 'cardiff-jes',
  regionId: 'south-east-wales',
  requestId: 'req_01JD3Z8Q6W2X4Y5Z6A7B8C9D0E',
  deliveryId: 'del_01JD3Z9R7X3Y5Z6A7B8C9D0E1F',
  memberId: 'mem_01JD3ZA1B2C3D4E5F6G7H8J9K0',
  eventId: 'count-3f9c2a',
  email: 'ann.jones@example.org',
  org: 'home:ty-gwyn',
  subject: 'c1f0e3a2-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  name: 'Tŷ Gwyn Care Home',
  nameCy: 'Cartref Gofal Tŷ Gwyn',
  unit: 'mask',
  reason: null,
  note: 'Outbreak on the first floor',
  detail: 'What happened, for a person to read.',
  nextCursor: null,
  timeZone: 'Europe/London',
  openapi: '3.1.0',
  title: 'Carestock API',
  version: '0.1.0',
};

const BY_FORMAT: Record<string, string> = {
  'date-time': '2026-03-10T08:00:00Z',
  date: '2026-03-10',
  email: 'ann.jones@example.org',
  uri: 'https://carestock.example/',
  uuid: 'c1f0e3a2-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
};

export function exampleFor(schema: Json | undefined, components: Record<string, Json>, name?: string, depth = 0): unknown {
  if (!schema || depth > 12) return null;
  if (typeof schema.$ref === 'string') return exampleFor(components[schema.$ref.split('/').pop()!], components, name, depth + 1);
  if (schema.examples && Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const options = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (options) {
    const named = name !== undefined && name in BY_NAME && BY_NAME[name] === null && options.some((o) => o.type === 'null');
    if (named) return null;
    return exampleFor(options.find((o) => o.type !== 'null') ?? options[0], components, name, depth + 1);
  }
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...(schema.allOf as Json[]).map((part) => exampleFor(part, components, name, depth + 1)));
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined);
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const out: Json = {};
      for (const [key, child] of Object.entries(properties)) out[key] = exampleFor(child, components, key, depth + 1);
      if (!schema.properties && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        out['MASK-IIR'] = exampleFor(schema.additionalProperties as Json, components, undefined, depth + 1);
      }
      return out;
    }
    case 'array': {
      const minItems = typeof schema.minItems === 'number' ? schema.minItems : 1;
      return Array.from({ length: Math.max(1, minItems) }, () => exampleFor(schema.items as Json, components, name, depth + 1));
    }
    case 'string': {
      if (name !== undefined && typeof BY_NAME[name] === 'string') return BY_NAME[name];
      if (typeof schema.format === 'string' && BY_FORMAT[schema.format]) return BY_FORMAT[schema.format];
      if (schema.contentMediaType === 'text/csv') return 'countedAt,sku,onHand\n2026-03-10T08:00:00Z,MASK-IIR,1200\n';
      return name ?? 'text';
    }
    case 'integer': {
      const minimum = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const maximum = typeof schema.maximum === 'number' ? schema.maximum : Number.MAX_SAFE_INTEGER;
      return Math.min(Math.max(12, minimum), maximum);
    }
    case 'number': {
      const minimum = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const maximum = typeof schema.maximum === 'number' ? schema.maximum : Number.MAX_VALUE;
      return Math.min(Math.max(2.5, minimum), maximum);
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return name !== undefined && name in BY_NAME ? BY_NAME[name] : null;
  }
}

/** Adds an example to each success response with a schema and none yet. */
export function addResponseExamples(document: Json): void {
  const components = (document.components as Json).schemas as Record<string, Json>;
  for (const methods of Object.values(document.paths as Record<string, Record<string, Json>>)) {
    for (const operation of Object.values(methods)) {
      for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
        if (!status.startsWith('2')) continue;
        for (const media of Object.values((response.content ?? {}) as Record<string, Json>)) {
          if (media.example === undefined && media.examples === undefined && media.schema) media.example = exampleFor(media.schema as Json, components);
        }
      }
    }
  }
}
