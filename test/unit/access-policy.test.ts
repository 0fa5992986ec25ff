/**
 * The access policy as a table: every kind of caller × every kind of resource × every action.
 * The expected answers are written here by hand, one string per caller and resource, one letter per
 * action in the order read, write, decide, manage (y = allowed, n = denied); they are what the README
 * and the issue say each organisation may do, not what the code happens to answer.
 *
 * Fixtures: store s1 serves home h1; store s2 serves home h2; s1 is in region r1, s2 in r2; h9 and
 * the ids "missing" do not exist (a resource that was not found carries no owner).
 */
import { describe, expect, it } from 'vitest';
import { decide, type Action, type Resource } from '../../functions/access/policy.ts';
import { parseOrg, parseRole, type Principal } from '../../functions/access/principal.ts';

const ACTIONS: Action[] = ['read', 'write', 'decide', 'manage'];

const resources = {
  catalogue: { kind: 'catalogue' },
  nation: { kind: 'nation' },
  'region r1': { kind: 'region', regionId: 'r1' },
  'region r2': { kind: 'region', regionId: 'r2' },
  'store s1': { kind: 'store', storeId: 's1', regionId: 'r1' },
  'store s2': { kind: 'store', storeId: 's2', regionId: 'r2' },
  'home h1': { kind: 'home', homeId: 'h1', storeId: 's1', regionId: 'r1' },
  'home h2': { kind: 'home', homeId: 'h2', storeId: 's2', regionId: 'r2' },
  'home h9 (none)': { kind: 'home', homeId: 'h9', storeId: undefined },
  'request of h1': { kind: 'request', requestId: 'r1', homeId: 'h1', storeId: 's1', regionId: 'r1' },
  'request of h2': { kind: 'request', requestId: 'r2', homeId: 'h2', storeId: 's2', regionId: 'r2' },
  'request (none)': { kind: 'request', requestId: 'missing', homeId: undefined, storeId: undefined },
  'delivery of h1': { kind: 'delivery', deliveryId: 'd1', homeId: 'h1', storeId: 's1', regionId: 'r1' },
  'delivery of h2': { kind: 'delivery', deliveryId: 'd2', homeId: 'h2', storeId: 's2', regionId: 'r2' },
  'delivery (none)': { kind: 'delivery', deliveryId: 'missing', homeId: undefined, storeId: undefined },
  // Members are only ever managed (listing them included): read, write and decide are always no.
  'members of admin': { kind: 'members', of: 'admin' },
  'members of s1': { kind: 'members', of: 'store', storeId: 's1' },
  'members of h1': { kind: 'members', of: 'home', homeId: 'h1', storeId: 's1' },
  'members of h2': { kind: 'members', of: 'home', homeId: 'h2', storeId: 's2' },
  'members of r1': { kind: 'members', of: 'region', regionId: 'r1' },
} satisfies Record<string, Resource>;
type ResourceName = keyof typeof resources;

const principal = (org: string, role?: 'manager' | 'staff'): Principal => ({
  subject: 'test',
  org: org === 'anonymous' ? { kind: 'anonymous' } : parseOrg(org)!,
  ...(role ? { role } : {}),
  scopes: new Set(),
});

const everything = (answer: string) => Object.fromEntries(Object.keys(resources).map((name) => [name, answer])) as Record<ResourceName, string>;
const members = (answer: string, ...of: ('admin' | 's1' | 'h1' | 'h2' | 'r1')[]) => Object.fromEntries(of.map((o) => [`members of ${o}`, answer]));
const onlyCatalogue = { ...everything('nnnn'), catalogue: 'ynnn' };

const table: [caller: string, who: Principal, expected: Record<ResourceName, string>][] = [
  ['admin', principal('admin'), { ...everything('yyyy'), ...members('nnny', 'admin', 's1', 'h1', 'h2', 'r1') }],
  ['admin manager', principal('admin', 'manager'), { ...everything('yyyy'), ...members('nnny', 'admin', 's1', 'h1', 'h2', 'r1') }],
  ['admin staff', principal('admin', 'staff'), { ...everything('yyyn'), ...members('nnnn', 'admin', 's1', 'h1', 'h2', 'r1') }],
  [
    'store s1',
    principal('store:s1'),
    {
      ...onlyCatalogue,
      'store s1': 'yyyn',
      'home h1': 'yyyn',
      'request of h1': 'yyyn',
      'delivery of h1': 'yyyn',
      ...members('nnny', 's1', 'h1'),
    },
  ],
  [
    'store s1 staff',
    principal('store:s1', 'staff'),
    { ...onlyCatalogue, 'store s1': 'yyyn', 'home h1': 'yyyn', 'request of h1': 'yyyn', 'delivery of h1': 'yyyn' },
  ],
  ['store s2 (another tenancy)', principal('store:s2'), { ...onlyCatalogue, 'store s2': 'yyyn', 'home h2': 'yyyn', 'request of h2': 'yyyn', 'delivery of h2': 'yyyn', ...members('nnny', 'h2') }],
  ['home h1', principal('home:h1'), { ...onlyCatalogue, 'home h1': 'yynn', 'request of h1': 'yynn', 'delivery of h1': 'yynn', ...members('nnny', 'h1') }],
  ['home h1 manager', principal('home:h1', 'manager'), { ...onlyCatalogue, 'home h1': 'yynn', 'request of h1': 'yynn', 'delivery of h1': 'yynn', ...members('nnny', 'h1') }],
  ['home h1 staff', principal('home:h1', 'staff'), { ...onlyCatalogue, 'home h1': 'yynn', 'request of h1': 'yynn', 'delivery of h1': 'yynn' }],
  ['home h2 (another tenancy)', principal('home:h2'), { ...onlyCatalogue, 'home h2': 'yynn', 'request of h2': 'yynn', 'delivery of h2': 'yynn', ...members('nnny', 'h2') }],
  // A home's own token for a home that does not exist (yet): allowed, and the use case answers 404.
  ['home h9', principal('home:h9'), { ...onlyCatalogue, 'home h9 (none)': 'yynn' }],
  // A region reads its stores, their homes, requests and deliveries, and itself; it writes nothing.
  [
    'region r1',
    principal('region:r1'),
    { ...onlyCatalogue, 'region r1': 'ynnn', 'store s1': 'ynnn', 'home h1': 'ynnn', 'request of h1': 'ynnn', 'delivery of h1': 'ynnn', ...members('nnny', 'r1') },
  ],
  ['region r1 staff', principal('region:r1', 'staff'), { ...onlyCatalogue, 'region r1': 'ynnn', 'store s1': 'ynnn', 'home h1': 'ynnn', 'request of h1': 'ynnn', 'delivery of h1': 'ynnn' }],
  ['region r2 (another region)', principal('region:r2'), { ...onlyCatalogue, 'region r2': 'ynnn', 'store s2': 'ynnn', 'home h2': 'ynnn', 'request of h2': 'ynnn', 'delivery of h2': 'ynnn' }],
  ['anonymous', principal('anonymous'), everything('nnnn')],
];

describe('access policy: caller × resource × action', () => {
  for (const [caller, who, expected] of table) {
    for (const name of Object.keys(resources) as ResourceName[]) {
      it(`${caller} on ${name}: ${expected[name]}`, () => {
        const answers = ACTIONS.map((action) => (decide(who, action, resources[name]).allow ? 'y' : 'n')).join('');
        expect(answers).toBe(expected[name]);
      });
    }
  }
});

describe('access policy: the reasons a caller is given', () => {
  const reason = (who: Principal, action: Action, resource: Resource) => {
    const decision = decide(who, action, resource);
    return decision.allow ? 'allowed' : decision.reason;
  };

  it('names what is outside the caller’s tenancy, the same whether or not it exists', () => {
    const s2 = principal('store:s2');
    expect(reason(s2, 'read', resources['store s1'])).toBe('Your organisation may not access store "s1".');
    expect(reason(s2, 'read', resources['home h1'])).toBe('Your organisation may not access home "h1".');
    expect(reason(s2, 'read', resources['home h9 (none)'])).toBe('Your organisation may not access home "h9".');
    expect(reason(s2, 'read', resources['request of h1'])).toBe('Your organisation may not access request "r1".');
    expect(reason(s2, 'read', resources['request (none)'])).toBe('Your organisation may not access request "missing".');
    expect(reason(s2, 'write', resources['delivery of h1'])).toBe('Your organisation may not access delivery "d1".');
  });

  it('tells a home that deciding is its store’s, even on its own requests and deliveries', () => {
    const h1 = principal('home:h1');
    expect(reason(h1, 'decide', resources['request of h1'])).toBe('A home may not approve or reject requests; its store decides.');
    expect(reason(h1, 'decide', resources['delivery of h1'])).toBe('A home may not dispatch deliveries; its store does.');
  });

  it('keeps managing the registry and the nation an administrator’s, and staff manage nothing', () => {
    expect(reason(principal('store:s1'), 'manage', resources['store s1'])).toBe('Only an administrator may do this.');
    expect(reason(principal('home:h1'), 'manage', resources['home h1'])).toBe('Only an administrator may do this.');
    expect(reason(principal('store:s1'), 'read', resources.nation)).toBe('Only an administrator may do this.');
    expect(reason(principal('home:h1'), 'manage', resources.catalogue)).toBe('Only an administrator may do this.');
    expect(reason(principal('admin', 'staff'), 'manage', resources.catalogue)).toBe('Only a manager may do this; staff may not.');
  });

  it('tells a region it reads and writes nothing, and keeps the nation an administrator’s', () => {
    const r1 = principal('region:r1');
    expect(reason(r1, 'write', resources['home h1'])).toBe('A region reads; it writes, decides and manages nothing.');
    expect(reason(r1, 'read', resources['store s2'])).toBe('Your organisation may not access store "s2".');
    expect(reason(r1, 'read', resources['region r2'])).toBe('Your organisation may not read region "r2".');
    expect(reason(r1, 'read', resources.nation)).toBe('Only an administrator may do this.');
    expect(reason(principal('store:s1'), 'read', resources['region r1'])).toContain('A store may not read region "r1"');
  });
});

describe('roles in tokens', () => {
  it.each([
    ['manager', 'manager'],
    ['staff', 'staff'],
    [undefined, undefined],
    ['', undefined],
    ['admin', null],
    ['Manager', null],
    [7, null],
  ])('reads the role claim %j as %j (null: not a role, the token is refused)', (claim, role) => {
    expect(parseRole(claim)).toBe(role);
  });
});
