/**
 * The alerts: a store's digest (homes worst first, resolved homes), and the AWS adapter's use of
 * EventBridge (at most 10 entries a PutEvents, failed entries retried alone, a run that cannot
 * deliver fails) and the store digests as ShortfallDigest events on the same bus (no SNS client), against aws-sdk-client-mock.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { AwsAlertSink, PUT_EVENTS_LIMIT } from '../../functions/shortfalls/aws-alert-sink.ts';
import { EVENT_DETAIL_TYPE, EVENT_SOURCE, alertSinkFromEnv } from '../../functions/shortfalls/alert-sink.ts';
import { LocalAlertSink } from '../../functions/shortfalls/local-alert-sink.ts';
import { digestSubject, digestText, shortfallEvent, storeDigest, type ShortfallEvent } from '../../functions/domain/shortfall-digest.ts';
import type { ShortfallBody } from '../../functions/schemas/shortfalls.ts';

const item = (sku: string, status: 'red' | 'amber' | 'unknown', daysOfSupply: number) => ({ sku, reason: 'short' as const, usageBasis: 'estimate' as const, status, daysOfSupply, runoutDate: '2026-03-12T07:00:00.000Z', suggestedOrder: 100 });
const record = (homeId: string, reasons: ShortfallBody['reasons'], items: ShortfallBody['items'] = []): ShortfallBody => ({ date: '2026-03-10', storeId: 's1', homeId, reasons, items });

describe('store digest', () => {
  const today = [
    record('silent-b', ['silent']),
    record('amber', ['short'], [item('APRON', 'amber', 5)]),
    record('red-late', ['short'], [item('MASK', 'red', 2.5)]),
    record('red-early', ['short', 'silent'], [item('MASK', 'red', 0.5), item('APRON', 'amber', 6)]),
    record('silent-a', ['silent']),
  ];
  const yesterday = [record('amber', ['short']), record('recovered', ['short']), record('was-silent', ['silent'])];
  const digest = storeDigest({
    storeId: 's1',
    date: '2026-03-10',
    asOf: '2026-03-10T07:00:00.000Z',
    today,
    yesterday,
    names: new Map([['silent-a', 'Ashgrove'], ['silent-b', 'Beech House'], ['recovered', 'Rowan Court']]),
    newHomes: new Set(['red-early']),
  });

  it('lists homes worst first: red before amber, fewest days first, silent-only homes last by name', () => {
    expect(digest.homes.map((h) => h.homeId)).toEqual(['red-early', 'red-late', 'amber', 'silent-a', 'silent-b']);
    expect(digest.homes[0]).toMatchObject({ status: 'red', fewestDaysOfSupply: 0.5, isNew: true });
    expect(digest.homes[1]!.isNew).toBe(false);
  });

  it('reports homes short yesterday and not today as resolved (not homes that were only silent)', () => {
    expect(digest.resolved).toEqual([{ homeId: 'recovered', name: 'Rowan Court' }]);
  });

  it('has an ASCII one-line subject under 100 characters, and a text naming every home', () => {
    const subject = digestSubject(digest);
    expect(subject).toBe('Carestock 2026-03-10 s1: 3 short, 3 silent, 1 resolved');
    expect(subject).toMatch(/^[\x20-\x7e]{1,99}$/);
    const text = digestText(digest);
    for (const home of [...digest.homes, ...digest.resolved]) expect(text).toContain(home.homeId);
    expect(text.indexOf('red-early')).toBeLessThan(text.indexOf('silent-b'));
  });
});

describe('store digest in the store\'s language (issue #19)', () => {
  const base = {
    storeId: 's1',
    date: '2026-03-10',
    asOf: '2026-03-10T07:00:00.000Z',
    today: [record('red-early', ['short', 'silent'], [item('MASK', 'red', 0.5)]), record('quiet', ['silent'])],
    yesterday: [record('recovered', ['short'])],
    names: new Map([['red-early', 'Cartref Gofal Tŷ Gwyn'], ['quiet', 'Bryn Haul'], ['recovered', 'Rowan Court']]),
    newHomes: new Set(['red-early']),
  };

  it('cy: a Welsh subject (still ASCII, one line) and text: status words, reasons, resolved', () => {
    const digest = storeDigest({ ...base, language: 'cy' });
    const subject = digestSubject(digest);
    expect(subject).toBe('Carestock 2026-03-10 s1: 1 yn brin, 2 wedi tawelu, 1 wedi datrys');
    expect(subject).toMatch(/^[\x20-\x7e]{1,99}$/);
    const text = digestText(digest);
    expect(text).toContain('Prinderau storfa s1 ar 2026-03-10');
    expect(text).toContain('Mae angen sylw ar 2 cartref, y gwaethaf yn gyntaf:');
    expect(text).toContain('- Cartref Gofal Tŷ Gwyn (red-early) [newydd]: yn brin, wedi tawelu');
    expect(text).toContain('MASK: coch, 0.5 diwrnod');
    expect(text).toContain('dim cyfrif stoc diweddar: ffoniwch y cartref');
    expect(text).toContain('Yn brin ddoe, nid heddiw (wedi datrys):');
    expect(text).not.toMatch(/Shortfalls for|needs attention|resolved\)/);
  });

  it('both: Welsh first, then the same in English; en (or no language) is the English alone', () => {
    const both = digestText(storeDigest({ ...base, language: 'both' }));
    const english = digestText(storeDigest(base));
    expect(both.indexOf('Prinderau storfa')).toBe(0);
    expect(both.endsWith(english)).toBe(true);
    expect(both.indexOf('Shortfalls for store s1')).toBeGreaterThan(both.indexOf('Yn brin ddoe'));
    expect(digestText(storeDigest({ ...base, language: 'en' }))).toBe(english);
    expect(digestSubject(storeDigest({ ...base, language: 'both' }))).toBe('Carestock 2026-03-10 s1: 1 yn brin, 2 wedi tawelu, 1 wedi datrys / 1 short, 2 silent, 1 resolved');
  });

  it('a Welsh text names homes by their Welsh names where they have one; the English text by their names', () => {
    const namesCy = new Map([['red-early', 'Cartref Gofal Tŷ Gwyn'], ['recovered', 'Llys Criafol']]);
    const names = new Map([...base.names, ['red-early', 'Ty Gwyn Care Home']]);
    const both = digestText(storeDigest({ ...base, names, namesCy, language: 'both' }));
    const [welsh, english] = both.split('\n\n---\n\n');
    expect(welsh).toContain('- Cartref Gofal Tŷ Gwyn (red-early)');
    expect(welsh).toContain('- Llys Criafol (recovered)');
    expect(welsh).toContain('- Bryn Haul (quiet)');
    expect(english).toContain('- Ty Gwyn Care Home (red-early)');
    expect(english).toContain('- Rowan Court (recovered)');
    expect(shortfallEvent(record('h', ['short']), base.asOf, 'Ty Gwyn Care Home', 'both', 'Cartref Gofal Tŷ Gwyn').text).toBe(
      'Prinder: Cartref Gofal Tŷ Gwyn (h), 2026-03-10: yn brin / Shortfall: Ty Gwyn Care Home (h), 2026-03-10: short',
    );
  });

  it('events carry the store\'s language and a text in it', () => {
    const flagged = record('red-early', ['short', 'outbreak'], [item('MASK', 'red', 0.5)]);
    expect(shortfallEvent(flagged, base.asOf, 'Tŷ Gwyn', 'cy')).toMatchObject({ language: 'cy', text: 'Prinder: Tŷ Gwyn (red-early), 2026-03-10: yn brin, brigiad' });
    expect(shortfallEvent(flagged, base.asOf, 'Tŷ Gwyn', 'both').text).toBe('Prinder: Tŷ Gwyn (red-early), 2026-03-10: yn brin, brigiad / Shortfall: Tŷ Gwyn (red-early), 2026-03-10: short, outbreak');
    expect(shortfallEvent(flagged, base.asOf, 'Tŷ Gwyn')).toMatchObject({ language: 'en', text: 'Shortfall: Tŷ Gwyn (red-early), 2026-03-10: short, outbreak' });
  });
});

describe('AWS alert sink', () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const eventBridge = mockClient(EventBridgeClient);
  const sink = () =>
    new AwsAlertSink({
      eventBusName: 'bus',
      eventBridge: new EventBridgeClient({ region: 'eu-west-2' }),
      pause: async () => {},
    });
  const events = (n: number): ShortfallEvent[] =>
    Array.from({ length: n }, (_, i) => shortfallEvent(record(`home-${String(i).padStart(2, '0')}`, ['short'], [item('MASK', 'red', 1)]), '2026-03-10T07:00:00.000Z', `Home ${i}`));

  beforeEach(() => {
    eventBridge.reset();
  });

  it('puts events 10 at a time, each a ShortfallDetected from carestock.shortfalls on the bus', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await sink().putEvents(events(23));
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries!.length).sort()).toEqual([10, 10, 3]);
    const entries = calls.flatMap((c) => c.args[0].input.Entries!);
    expect(entries.every((e) => e.EventBusName === 'bus' && e.Source === EVENT_SOURCE && e.DetailType === EVENT_DETAIL_TYPE)).toBe(true);
    expect(entries.map((e) => JSON.parse(e.Detail!).id).sort()).toEqual(events(23).map((e) => e.id));
    expect(Math.max(...calls.map((c) => c.args[0].input.Entries!.length))).toBeLessThanOrEqual(PUT_EVENTS_LIMIT);
  });

  it('retries only the entries EventBridge reports failed', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 2, Entries: [{ EventId: 'a' }, { ErrorCode: 'ThrottlingException' }, { EventId: 'c' }, { ErrorCode: 'InternalFailure' }] })
      .resolves({ FailedEntryCount: 0, Entries: [] });
    const sent = events(4);
    await sink().putEvents(sent);
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input.Entries!.map((e) => JSON.parse(e.Detail!).id)).toEqual([sent[1]!.id, sent[3]!.id]);
  });

  it('fails the run when entries still fail after its attempts, so the job is retried', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] });
    await expect(sink().putEvents(events(1))).rejects.toThrow(/refused 1 ShortfallDetected/);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(4);
  });

  it('puts one ShortfallDigest event per store on the bus, whose detail (the SNS message) carries storeId and date for subscription filters', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] });
    const digest = storeDigest({ storeId: 's1', date: '2026-03-10', asOf: '2026-03-10T07:00:00.000Z', today: [record('h1', ['silent'])], yesterday: [], names: new Map(), newHomes: new Set(['h1']) });
    await sink().publishDigest(digest);
    const [call] = eventBridge.commandCalls(PutEventsCommand);
    const [entry] = call!.args[0].input.Entries!;
    expect(entry).toMatchObject({ EventBusName: 'bus', Source: EVENT_SOURCE, DetailType: 'ShortfallDigest' });
    expect(JSON.parse(entry!.Detail!)).toEqual({ storeId: 's1', date: '2026-03-10', subject: digestSubject(digest), text: digestText(digest) });
  });

  it('retries a digest EventBridge refused, then fails the run', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] });
    const digest = storeDigest({ storeId: 's1', date: '2026-03-10', asOf: '2026-03-10T07:00:00.000Z', today: [record('h1', ['silent'])], yesterday: [], names: new Map(), newHomes: new Set(['h1']) });
    await expect(sink().publishDigest(digest)).rejects.toThrow(/refused 1 ShortfallDigest/);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(4);
  });
});

describe('choosing the sink', () => {
  it('AWS when EVENT_BUS_NAME is set, the local file otherwise', async () => {
    expect(await alertSinkFromEnv({ EVENT_BUS_NAME: 'bus' })).toBeInstanceOf(AwsAlertSink);
    const local = await alertSinkFromEnv({ DATA_DIR: '/tmp/carestock-x' });
    expect(local).toBeInstanceOf(LocalAlertSink);
    expect((local as LocalAlertSink).file).toBe('/tmp/carestock-x/alerts.jsonl');
  });
});
