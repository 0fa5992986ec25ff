/**
 * The document generates code that reads well: openapi-typescript, as an integrator runs it, makes
 * a named type of every object — no anonymous `{ … }` nested in another schema, none inline in an
 * operation. A new inline z.object() fails here: register it with an id.
 */
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/openapi/openapi-document.ts';

type Json = Record<string, unknown>;
const document = openApiDocument() as Json;

/** Object types with named members nested below a component's own type. */
function anonymousObjectTypes(source: string): string[] {
  const file = ts.createSourceFile('api.ts', source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const components = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'components');
  const schemas = components?.members.find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && m.name.getText() === 'schemas');
  if (!schemas?.type || !ts.isTypeLiteralNode(schemas.type)) throw new Error('no components.schemas in the generated file');
  for (const schema of schemas.type.members) {
    if (!ts.isPropertySignature(schema) || !schema.type) continue;
    const name = schema.name.getText();
    const visit = (node: ts.Node, root: boolean) => {
      if (!root && ts.isTypeLiteralNode(node) && node.members.some(ts.isPropertySignature)) {
        const path: string[] = [];
        for (let n: ts.Node | undefined = node.parent; n && n !== schema; n = n.parent) if (ts.isPropertySignature(n)) path.unshift(n.name.getText());
        found.push(`${name}${path.map((p) => `.${p}`).join('')}: { ${node.members.map((m) => m.name?.getText()).join(', ')} }`);
      }
      // A loose object is `{ …named members } & { [key: string]: unknown }`: both halves are its own type.
      ts.forEachChild(node, (child) => visit(child, root && ts.isIntersectionTypeNode(node)));
    };
    visit(schema.type, true);
  }
  return found;
}

/** Object schemas with properties written inline in an operation (parameters, bodies, responses). */
function inlineObjectsInPaths(node: unknown, where: string, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => inlineObjectsInPaths(n, `${where}/${i}`, found));
  else if (node && typeof node === 'object') {
    const object = node as Json;
    if (object.properties && typeof object.properties === 'object' && Object.keys(object.properties).length > 0) found.push(where);
    for (const [key, child] of Object.entries(object)) if (key !== 'example' && key !== 'examples') inlineObjectsInPaths(child, `${where}/${key}`, found);
  }
  return found;
}

describe('generated client types', () => {
  it('name every object: no anonymous object type in what openapi-typescript generates', async () => {
    const source = astToString(await openapiTS(document as unknown as OpenAPI3, { silent: true }));
    expect(anonymousObjectTypes(source)).toEqual([]);
    expect(inlineObjectsInPaths(document.paths, '#/paths')).toEqual([]);
  });

  it('would name an anonymous object if there were one (a test of the test)', async () => {
    const withInline = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { Outer: { type: 'object', properties: { inner: { type: 'object', properties: { a: { type: 'string' } } }, map: { type: 'object', additionalProperties: { type: 'number' } } } } } },
    };
    const source = astToString(await openapiTS(withInline as unknown as OpenAPI3, { silent: true }));
    expect(anonymousObjectTypes(source)).toEqual(['Outer.inner: { a }']);
  });
});
