/**
 * The page's API types are generated from the OpenAPI document (bin/web-api-types.ts), committed,
 * and must match a fresh generation: when a schema the page uses changes, this fails until
 * `npm run web:types` is run and the page type-checks against the new contract.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWebApiTypes, WEB_API_TYPES_FILE } from '../../bin/web-api-types.ts';

describe('the page’s generated API types', () => {
  it('are fresh: the committed file is what the OpenAPI document generates today (else run `npm run web:types`)', async () => {
    expect(readFileSync(WEB_API_TYPES_FILE, 'utf8')).toBe(await generateWebApiTypes());
  });
});
