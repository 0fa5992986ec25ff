/**
 * The problem-type catalogue is told the same everywhere: the OpenAPI document (one schema per
 * type, each listed on the responses of its status) and the guide's table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBLEM_SLUGS, PROBLEM_TYPES, problemTypeUri, type ProblemTypeInfo } from '../../functions/http/problem-types.ts';
import { HttpProblem } from '../../functions/http/problem.ts';
import { buildOpenApi } from '../../functions/openapi/openapi-document.ts';
import { problemSchemaId, problemTypeSchemas } from '../../functions/schemas/problem.ts';

type Json = Record<string, any>;
const { document } = buildOpenApi();
const schemas = document.components as Json;

describe('the problem-type catalogue', () => {
  it('gives every type its own schema in the document, with its type URI and status fixed', () => {
    for (const slug of PROBLEM_SLUGS) {
      const schema = schemas.schemas[problemSchemaId(slug)];
      expect(schema, slug).toBeDefined();
      expect(schema.properties.type.const, slug).toBe(problemTypeUri(slug));
      expect(schema.properties.status.const, slug).toBe(PROBLEM_TYPES[slug].status);
      for (const member of Object.keys((PROBLEM_TYPES[slug] as ProblemTypeInfo).members ?? {})) expect(schema.properties[member], `${slug}.${member}`).toBeDefined();
    }
  });

  it('lists each type on the responses of its status: some operation answers each one', () => {
    const listed = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(collect);
      if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === '$ref' && typeof child === 'string') listed.add(child.split('/').pop()!);
          else collect(child);
        }
      }
    };
    collect(document.paths);
    collect(schemas.responses);
    for (const slug of PROBLEM_SLUGS) expect(listed.has(problemSchemaId(slug)), slug).toBe(true);
  });

  it('builds problems whose type, title and status come from the catalogue', () => {
    const body = new HttpProblem('cap-exceeded', 'Above the cap.', { extensions: { capExceeded: [{ sku: 'MASK-IIR', requested: 9, cap: 6 }] } }).toBody();
    expect(body).toMatchObject({ type: problemTypeUri('cap-exceeded'), title: PROBLEM_TYPES['cap-exceeded'].title, status: 422 });
    expect(problemTypeSchemas['cap-exceeded'].safeParse(body).success).toBe(true);
    expect(problemTypeSchemas['cap-exceeded'].safeParse({ ...body, capExceeded: undefined }).success).toBe(false);
  });

  it('is the table in docs/integrating.md, type by type with its status', () => {
    const guide = readFileSync('docs/integrating.md', 'utf8');
    const section = guide.slice(guide.indexOf('### Problem types'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(rows).toEqual(PROBLEM_SLUGS.map((slug) => [slug, PROBLEM_TYPES[slug].status]));
  });
});
