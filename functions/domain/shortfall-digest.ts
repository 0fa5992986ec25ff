/**
 * What a store is told each morning, pure: its flagged homes worst first, and the homes that were
 * short yesterday and are not today (resolved). Also the one event each newly flagged home gets.
 */
import { compareStatusSeverity, type StockStatus } from './stock-position.ts';
import type { ShortfallBody, ShortfallItemBody, ShortfallReason } from '../schemas/shortfalls.ts';
import type { Locale } from '../i18n/locale.ts';
import { message, type MessageId, type MessageParams } from '../i18n/messages.ts';

/** A store's alert language (its `language` setting): Welsh, English, or both, Welsh first (the Welsh Language Standards' order). */
export type AlertLanguage = 'cy' | 'en' | 'both';
const localesOf = (language: AlertLanguage): Locale[] => (language === 'both' ? ['cy', 'en'] : [language]);
const collationOf = (language: AlertLanguage) => (language === 'en' ? 'en-GB' : 'cy-GB');

export interface ShortfallEvent {
  /** `<date>/<storeId>/<homeId>`: the same on a re-send, so consumers can drop duplicates. */
  id: string;
  date: string;
  asOf: string;
  storeId: string;
  homeId: string;
  homeName: string;
  reasons: ShortfallReason[];
  items: ShortfallItemBody[];
  /** The store's alert language, and the event in words in it (both: Welsh, then English). */
  language: AlertLanguage;
  text: string;
}

export interface DigestHome {
  homeId: string;
  name: string;
  /** The Welsh name, when the home has one: the digest's Welsh text names the home by it. */
  nameCy?: string;
  reasons: ShortfallReason[];
  /** The worst item's status; `unknown` for a home that is only silent. */
  status: StockStatus;
  fewestDaysOfSupply: number | null;
  items: ShortfallItemBody[];
  /** Flagged since the store's last digest of this date (on a first run: every home). */
  isNew: boolean;
}

export interface StoreDigest {
  storeId: string;
  date: string;
  asOf: string;
  homes: DigestHome[];
  resolved: { homeId: string; name: string; nameCy?: string }[];
  /** The store's alert language: the subject and text are written in it. */
  language: AlertLanguage;
}

export const shortfallId = (record: Pick<ShortfallBody, 'date' | 'storeId' | 'homeId'>) => `${record.date}/${record.storeId}/${record.homeId}`;

const reasonsIn = (locale: Locale, reasons: readonly ShortfallReason[]) => reasons.map((r) => message(locale, `digest.reason.${r}` as MessageId)).join(', ');

/** `homeNameCy`: the home's Welsh name, which the Welsh text uses when there is one. */
export function shortfallEvent(record: ShortfallBody, asOf: string, homeName: string, language: AlertLanguage = 'en', homeNameCy?: string): ShortfallEvent {
  const text = localesOf(language)
    .map((locale) => message(locale, 'event.text', { name: locale === 'cy' ? (homeNameCy ?? homeName) : homeName, homeId: record.homeId, date: record.date, reasons: reasonsIn(locale, record.reasons) }))
    .join(' / ');
  return { id: shortfallId(record), date: record.date, asOf, storeId: record.storeId, homeId: record.homeId, homeName, reasons: record.reasons, items: record.items, language, text };
}

/**
 * `today` and `yesterday` are the store's records of the two dates; `names` maps home ids to
 * names (an unknown id stands for itself); `newHomes` are the homes this digest is the first to report.
 */
export function storeDigest(input: {
  storeId: string;
  date: string;
  asOf: string;
  today: readonly ShortfallBody[];
  yesterday: readonly ShortfallBody[];
  names: ReadonlyMap<string, string>;
  /** Welsh names of the homes that have one. */
  namesCy?: ReadonlyMap<string, string>;
  newHomes: ReadonlySet<string>;
  /** The store's alert language; English when not given. */
  language?: AlertLanguage;
}): StoreDigest {
  const language = input.language ?? 'en';
  const collation = collationOf(language);
  const nameOf = (homeId: string) => input.names.get(homeId) ?? homeId;
  const withCy = (homeId: string) => (input.namesCy?.has(homeId) ? { nameCy: input.namesCy.get(homeId)! } : {});
  // Sorted by the name the first language shows.
  const shown = (home: { name: string; nameCy?: string }) => (language === 'en' ? home.name : (home.nameCy ?? home.name));
  const homes = input.today
    .map((record): DigestHome => ({
      homeId: record.homeId,
      name: nameOf(record.homeId),
      ...withCy(record.homeId),
      reasons: record.reasons,
      status: record.items[0]?.status ?? 'unknown',
      fewestDaysOfSupply: record.items.reduce<number | null>((least, i) => (i.daysOfSupply !== null && (least === null || i.daysOfSupply < least) ? i.daysOfSupply : least), null),
      items: record.items,
      isNew: input.newHomes.has(record.homeId),
    }))
    .sort(
      (a, b) =>
        compareStatusSeverity(a.status, b.status) ||
        (a.fewestDaysOfSupply ?? Infinity) - (b.fewestDaysOfSupply ?? Infinity) ||
        shown(a).localeCompare(shown(b), collation) ||
        (a.homeId < b.homeId ? -1 : 1),
    );
  const shortToday = new Set(input.today.filter((r) => r.reasons.includes('short')).map((r) => r.homeId));
  const resolved = input.yesterday
    .filter((r) => r.reasons.includes('short') && !shortToday.has(r.homeId))
    .map((r) => ({ homeId: r.homeId, name: nameOf(r.homeId), ...withCy(r.homeId) }))
    .sort((a, b) => shown(a).localeCompare(shown(b), collation) || (a.homeId < b.homeId ? -1 : 1));
  return { storeId: input.storeId, date: input.date, asOf: input.asOf, homes, resolved, language };
}

/** SNS subjects: ASCII, one line, under 100 characters. Both languages: the Welsh subject, then the English counts. */
export function digestSubject(digest: StoreDigest): string {
  const counts: MessageParams = {
    short: digest.homes.filter((h) => h.reasons.includes('short')).length,
    silent: digest.homes.filter((h) => h.reasons.includes('silent')).length,
    resolved: digest.resolved.length,
  };
  const [first, ...rest] = localesOf(digest.language);
  const subject = [message(first!, 'digest.subject', { date: digest.date, storeId: digest.storeId, ...counts }), ...rest.map((locale) => message(locale, 'digest.counts', counts))];
  return subject.join(' / ').slice(0, 99);
}

/** The digest as an e-mail subscriber reads it: in the store's language; both, Welsh first, then English. */
export function digestText(digest: StoreDigest): string {
  return localesOf(digest.language).map((locale) => digestTextIn(digest, locale)).join('\n\n---\n\n');
}

function digestTextIn(digest: StoreDigest, locale: Locale): string {
  const m = (id: MessageId, params?: MessageParams) => message(locale, id, params);
  const nameIn = (home: { name: string; nameCy?: string }) => (locale === 'cy' ? (home.nameCy ?? home.name) : home.name);
  const lines = [m('digest.heading', { storeId: digest.storeId, date: digest.date, asOf: digest.asOf }), ''];
  if (digest.homes.length === 0) lines.push(m('digest.none'));
  else lines.push(m('digest.attention', { count: digest.homes.length }));
  for (const home of digest.homes) {
    lines.push(`- ${nameIn(home)} (${home.homeId})${home.isNew ? ` [${m('digest.new')}]` : ''}: ${reasonsIn(locale, home.reasons)}`);
    for (const item of home.items) {
      const days = item.daysOfSupply === null ? m('digest.noUsage') : m('digest.days', { days: item.daysOfSupply });
      const status = m(`status.${item.status}` as MessageId);
      lines.push(`    ${m('digest.item', { sku: item.sku, status, days, runout: item.runoutDate ?? m('digest.never'), order: item.suggestedOrder })}`);
    }
    if (home.reasons.includes('silent')) lines.push(`    ${m('digest.silentNote')}`);
  }
  if (digest.resolved.length > 0) {
    lines.push('', m('digest.resolved'));
    for (const home of digest.resolved) lines.push(`- ${nameIn(home)} (${home.homeId})`);
  }
  return lines.join('\n');
}
