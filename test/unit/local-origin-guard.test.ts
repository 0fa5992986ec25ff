/** The local sign-in hands out tokens: only a JSON POST addressed to this machine, from its own pages. */
import { describe, expect, it } from 'vitest';
import { foreignCallerReason } from '../../bin/local/local-origin-guard.ts';

const json = { 'content-type': 'application/json' };

describe('local sign-in guard', () => {
  it.each([
    ['curl on localhost', { ...json, host: 'localhost:3000' }],
    ['the page on 127.0.0.1', { ...json, host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }],
    ['IPv6 loopback', { 'content-type': 'application/json; charset=utf-8', host: '[::1]:3000', origin: 'http://[::1]:3000' }],
  ])('lets %s through', (_name, headers) => {
    expect(foreignCallerReason({ headers })).toBeUndefined();
  });

  it.each([
    ['a text/plain body (a cross-site form)', { 'content-type': 'text/plain', host: 'localhost:3000' }],
    ['no content type', { host: 'localhost:3000' }],
    ['a DNS-rebinding host', { ...json, host: 'evil.example:3000', origin: 'http://evil.example:3000' }],
    ['a host that only starts like localhost', { ...json, host: 'localhost.evil.example' }],
    ['no Host header', { ...json }],
    ['another origin', { ...json, host: '127.0.0.1:3000', origin: 'http://evil.example' }],
    ['another port on this machine', { ...json, host: '127.0.0.1:3000', origin: 'http://127.0.0.1:8080' }],
  ])('refuses %s', (_name, headers) => {
    expect(foreignCallerReason({ headers })).toEqual(expect.any(String));
  });
});
