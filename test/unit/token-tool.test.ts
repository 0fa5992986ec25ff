/** `npm run token`: usage on --help, a message (never a stack trace) on bad input, one hour unless --ttl says otherwise. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TTL_SECONDS, parseTokenArgs } from '../../bin/local/token-options.ts';

describe('parseTokenArgs', () => {
  it('defaults to a manager token that lasts one hour', () => {
    expect(parseTokenArgs(['--org', 'home:ty-gwyn'])).toEqual({
      kind: 'ok',
      options: { org: { kind: 'home', id: 'ty-gwyn' }, role: 'manager', ttlSeconds: 3600 },
    });
    expect(DEFAULT_TTL_SECONDS).toBe(3600);
  });

  it('takes --ttl in whole seconds and prefixes short scopes', () => {
    const parsed = parseTokenArgs(['--org', 'admin', '--ttl', '120', '--scope', 'read', '--scope', 'carestock/admin']);
    expect(parsed).toMatchObject({ kind: 'ok', options: { ttlSeconds: 120, scopes: ['carestock/read', 'carestock/admin'] } });
  });

  it('answers help for --help and -h', () => {
    expect(parseTokenArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseTokenArgs(['-h', '--org', 'nonsense'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--org', 'admin', '--ttl', '-5'], /--ttl "-5"/],
    [['--org', 'admin', '--ttl', '1h'], /--ttl "1h"/],
    [['--org', 'admin', '--ttl', '0'], /from 1 to 86400/],
    [['--org', 'admin', '--ttl', '86401'], /from 1 to 86400/],
    [['--org', 'admin', '--ttl', '1.5'], /whole number/],
    [['--org', 'admin', '--role', 'boss'], /--role "boss"/],
    [['--org', 'shop:x'], /--org "shop:x"/],
    [[], /--org is required/],
    [['--org', 'admin', '--colour', 'red'], /--colour/],
  ])('refuses %j with a message', (args, message) => {
    const parsed = parseTokenArgs(args);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toMatch(message);
  });
});

describe('the token command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'carestock-token-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'bin/token.ts', '--data-dir', dataDir, ...args], { encoding: 'utf8' });

  it('--help prints the usage, documenting --ttl, and exits 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run -s token/);
    expect(result.stdout).toMatch(/--ttl SECONDS/);
    expect(result.stderr).toBe('');
  });

  it('a negative --ttl: a message and the usage on stderr, exit 2, no stack trace', () => {
    const result = run('--org', 'admin', '--ttl', '-60');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^token: --ttl "-60" is not a whole number of seconds/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints only a token, which lasts one hour, or --ttl seconds', () => {
    const claims = decodeJwt(execFileSync(process.execPath, ['--import', 'tsx', 'bin/token.ts', '--data-dir', dataDir, '--org', 'store:cardiff-jes'], { encoding: 'utf8' }).trim());
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.org).toBe('store:cardiff-jes');
    const short = decodeJwt(run('--org', 'admin', '--ttl', '90').stdout.trim());
    expect(short.exp! - short.iat!).toBe(90);
  });
});
