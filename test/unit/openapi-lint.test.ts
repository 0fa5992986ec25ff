/**
 * The generated document lints clean — no errors and no warnings — with Redocly's recommended
 * rules as tuned (each with its reason) in redocly.yaml.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/openapi/openapi-document.ts';

const run = promisify(execFile);
const directory = mkdtempSync(join(tmpdir(), 'carestock-openapi-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

describe('OpenAPI lint', () => {
  it('passes redocly lint with no errors and no warnings', async () => {
    const file = join(directory, 'openapi.json');
    writeFileSync(file, JSON.stringify(openApiDocument({ authBaseUrl: 'https://carestock-test.auth.eu-west-2.amazoncognito.com' })));
    const result = await run('npx', ['--no-install', 'redocly', 'lint', file, '--config', 'redocly.yaml', '--format', 'json'], {
      // No network here: no telemetry, no update check.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
    const start = result.stdout.indexOf('{');
    expect(start, `redocly printed no report:\n${result.stdout}\n${result.stderr}`).toBeGreaterThanOrEqual(0);
    const report = JSON.parse(result.stdout.slice(start)) as LintReport;
    const found = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(found).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
