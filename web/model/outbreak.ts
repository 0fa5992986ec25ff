/**
 * A home's outbreak on the page: how it reads ("4 residents isolating since Mon 9 Mar"), and the
 * declaration form's own checks (what the page can tell by itself: a whole number of residents, at
 * least one, a start date; the API owns its ranges and the end-after-start rule and its answer is
 * shown beside the field).
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { Outbreak, OutbreakInput } from './api-types.ts';
import { readWholeNumber, type FieldMessage } from './form-fields.ts';
import { formatDate } from './format.ts';

export type OutbreakSummary = Pick<Outbreak, 'isolatingResidents' | 'startedOn' | 'expectedEndOn'>;

/** "Outbreak: 4 residents isolating since Mon 9 Mar, expected to end Mon 23 Mar". */
export function describeOutbreak(outbreak: OutbreakSummary | null | undefined, today: string, m: Translator = english): string | null {
  if (!outbreak) return null;
  const count = outbreak.isolatingResidents;
  const date = formatDate(outbreak.startedOn, today, m);
  return outbreak.expectedEndOn
    ? m.t('outbreak.sinceUntil', { count, date, end: formatDate(outbreak.expectedEndOn, today, m) })
    : m.t('outbreak.since', { count, date });
}

/** The open outbreak of a home's history (newest first), or null. */
export const openOutbreak = (history: readonly Outbreak[] | null): Outbreak | null => history?.find((o) => o.status === 'open') ?? null;

export interface OutbreakFields {
  residents: string;
  startedOn: string;
  expectedEndOn: string;
  note: string;
}

export const OUTBREAK_FIELD_IDS = { residents: 'outbreak-residents', startedOn: 'outbreak-started', expectedEndOn: 'outbreak-end', note: 'outbreak-note' } as const;

/** The body to PUT, or the errors the page can tell without asking the API. */
export function readOutbreakForm(fields: OutbreakFields, m: Translator = english): { body: OutbreakInput; errors: [] } | { body: null; errors: FieldMessage[] } {
  const errors: FieldMessage[] = [];
  const residents = readWholeNumber(fields.residents, m.t('field.residents'), m);
  if (residents.kind === 'blank') errors.push({ fieldId: OUTBREAK_FIELD_IDS.residents, message: m.t('outbreak.enterResidents') });
  else if (residents.kind === 'invalid') errors.push({ fieldId: OUTBREAK_FIELD_IDS.residents, message: residents.message });
  else if (residents.value < 1) errors.push({ fieldId: OUTBREAK_FIELD_IDS.residents, message: m.t('outbreak.atLeastOne') });
  if (fields.startedOn.trim() === '') errors.push({ fieldId: OUTBREAK_FIELD_IDS.startedOn, message: m.t('outbreak.enterStart') });
  if (errors.length > 0 || residents.kind !== 'number') return { body: null, errors };
  const note = fields.note.trim();
  return {
    body: {
      isolatingResidents: residents.value,
      startedOn: fields.startedOn.trim(),
      ...(fields.expectedEndOn.trim() ? { expectedEndOn: fields.expectedEndOn.trim() } : {}),
      ...(note ? { note } : {}),
    },
    errors: [],
  };
}

/** Which field an API error pointer names. */
export function outbreakFieldFor(pointer: string): string | null {
  if (pointer === '/isolatingResidents') return OUTBREAK_FIELD_IDS.residents;
  if (pointer === '/startedOn') return OUTBREAK_FIELD_IDS.startedOn;
  if (pointer === '/expectedEndOn') return OUTBREAK_FIELD_IDS.expectedEndOn;
  if (pointer === '/note') return OUTBREAK_FIELD_IDS.note;
  return null;
}
