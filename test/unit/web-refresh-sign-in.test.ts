import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshness, nextRefreshDelay } from '../../web/model/refresh.ts';
import {
  authorizeUrl,
  base64url,
  isExpired,
  needsRefresh,
  parseOrg,
  pkceChallenge,
  randomVerifier,
  readCallback,
  readClaims,
  refreshRequestBody,
  tokenRequestBody,
} from '../../web/model/sign-in.ts';
import { exportPath, filenameFromDisposition } from '../../web/model/download.ts';

describe('auto-refresh', () => {
  it('refreshes every minute and backs off after failures, up to ten minutes', () => {
    expect(nextRefreshDelay(0)).toBe(60_000);
    expect(nextRefreshDelay(1)).toBe(120_000);
    expect(nextRefreshDelay(3)).toBe(480_000);
    expect(nextRefreshDelay(10)).toBe(600_000);
  });

  it('says when the data was fetched, and warns when it is old or a refresh failed', () => {
    const fetched = new Date('2026-11-23T09:14:05Z');
    expect(freshness(fetched, new Date('2026-11-23T09:14:30Z'), 'Europe/London', null)).toEqual({
      text: 'Data fetched at 09:14:05 (just now)',
      stale: false,
    });
    expect(freshness(fetched, new Date('2026-11-23T09:20:00Z'), 'Europe/London', null).stale).toBe(true);
    const failed = freshness(fetched, new Date('2026-11-23T09:15:10Z'), 'Europe/London', 'the network is down');
    expect(failed).toEqual({ text: 'Data fetched at 09:14:05 (1 min ago). The last refresh failed: the network is down', stale: true });
    expect(freshness(null, new Date(), 'Europe/London', null).text).toBe('Loading…');
  });
});

describe('sign-in (authorization code + PKCE)', () => {
  const config = { domain: 'https://carestock.auth.eu-west-2.amazoncognito.com', clientId: 'abc', redirectUri: 'https://d1.cloudfront.net/', scopes: ['openid', 'carestock/read'] };

  it('computes the RFC 7636 S256 challenge (the RFC’s own example)', async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', webcrypto.subtle)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43–128 unreserved characters', () => {
    const verifier = randomVerifier((bytes) => webcrypto.getRandomValues(bytes));
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(base64url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('asks the hosted UI for a code with the challenge, and redeems it with the verifier', () => {
    const url = new URL(authorizeUrl(config, 'st4te', 'ch4llenge'));
    expect(url.origin + url.pathname).toBe('https://carestock.auth.eu-west-2.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'abc',
      redirect_uri: 'https://d1.cloudfront.net/',
      scope: 'openid carestock/read',
      state: 'st4te',
      code_challenge: 'ch4llenge',
      code_challenge_method: 'S256',
    });
    expect(Object.fromEntries(new URLSearchParams(tokenRequestBody(config, 'c0de', 'v3rifier')))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'abc',
      code: 'c0de',
      redirect_uri: 'https://d1.cloudfront.net/',
      code_verifier: 'v3rifier',
    });
  });

  it('refreshes the access token with the refresh token, five minutes before it expires', () => {
    expect(Object.fromEntries(new URLSearchParams(refreshRequestBody(config, 'r3fresh')))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'abc',
      refresh_token: 'r3fresh',
    });
    const claims = { org: null, exp: 1_000_000, scopes: [], name: null };
    expect(needsRefresh(claims, 1_000_000_000 - 6 * 60_000)).toBe(false);
    expect(needsRefresh(claims, 1_000_000_000 - 4 * 60_000)).toBe(true);
  });

  it('accepts a callback only with the state this tab sent', () => {
    expect(readCallback('?code=x&state=s1', 's1')).toEqual({ kind: 'code', code: 'x' });
    expect(readCallback('?code=x&state=s2', 's1').kind).toBe('error');
    expect(readCallback('?code=x&state=s1', null).kind).toBe('error');
    expect(readCallback('?error=access_denied&error_description=No', 's1')).toEqual({ kind: 'error', message: 'No' });
    expect(readCallback('', 's1')).toEqual({ kind: 'none' });
  });

  it('reads the organisation and expiry from an access token', () => {
    const payload = Buffer.from(JSON.stringify({ org: 'store:cardiff-jes', exp: 2_000_000_000, scope: 'carestock/read openid' })).toString('base64url');
    const claims = readClaims(`header.${payload}.signature`);
    expect(claims).toEqual({ org: { kind: 'store', id: 'cardiff-jes' }, exp: 2_000_000_000, scopes: ['carestock/read', 'openid'], name: null });
    expect(isExpired(claims, 2_000_000_000_000 - 30_000)).toBe(true);
    expect(isExpired(claims, 1_900_000_000_000)).toBe(false);
    expect(readClaims('not a token').org).toBeNull();
    expect(parseOrg('home:ty-gwyn')).toEqual({ kind: 'home', id: 'ty-gwyn' });
    expect(parseOrg('home:../x')).toBeNull();
  });
});

describe('the CSV download', () => {
  it('names the file as the server says, safely', () => {
    expect(filenameFromDisposition('attachment; filename="carestock-s1-2026-11-23.csv"', 'x.csv')).toBe('carestock-s1-2026-11-23.csv');
    expect(filenameFromDisposition("attachment; filename=\"a.csv\"; filename*=UTF-8''t%C5%B7-gwyn.csv", 'x.csv')).toBe('tŷ-gwyn.csv');
    expect(filenameFromDisposition('attachment; filename=../../etc/passwd', 'x.csv')).toBe('passwd');
    expect(filenameFromDisposition(null, 'x.csv')).toBe('x.csv');
    expect(filenameFromDisposition('attachment', 'x.csv')).toBe('x.csv');
  });

  it('builds the export path', () => {
    expect(exportPath('cardiff-jes', '2026-11-23')).toBe('/v1/stores/cardiff-jes/export.csv?date=2026-11-23');
  });
});
