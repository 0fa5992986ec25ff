/** The page's outbreak: how it reads, the declaration form's own checks, the worklist's tag, the home's usage column. */
import { describe, expect, it } from 'vitest';
import { describeOutbreak, openOutbreak, outbreakFieldFor, readOutbreakForm } from '../../web/model/outbreak.ts';
import { buildWorklist } from '../../web/model/worklist.ts';
import { buildHomeView } from '../../web/model/home-view.ts';
import { items, position } from './web-fixtures.ts';

const today = '2026-03-10';

describe('an outbreak on the page', () => {
  it('reads as residents, start and expected end', () => {
    expect(describeOutbreak({ isolatingResidents: 4, startedOn: '2026-03-09', expectedEndOn: '2026-03-23' }, today)).toMatch(/^Outbreak: 4 residents isolating since .*9 Mar.*, expected to end .*23 Mar/);
    expect(describeOutbreak({ isolatingResidents: 1, startedOn: '2026-03-09', expectedEndOn: null }, today)).toMatch(/^Outbreak: 1 resident isolating since /);
    expect(describeOutbreak(null, today)).toBeNull();
  });

  it('finds the open one in the history', () => {
    const ended = { outbreakId: 'a', status: 'ended' as const, isolatingResidents: 2, startedOn: '2026-02-01', expectedEndOn: null, note: null };
    expect(openOutbreak([ended])).toBeNull();
    expect(openOutbreak([{ ...ended, outbreakId: 'b', status: 'open' }, ended])?.outbreakId).toBe('b');
    expect(openOutbreak(null)).toBeNull();
  });

  it('the form refuses what the page can tell by itself, and sends the rest to the API', () => {
    const blank = { residents: '', startedOn: '', expectedEndOn: '', note: '' };
    expect(readOutbreakForm(blank).errors.map((e) => e.fieldId)).toEqual(['outbreak-residents', 'outbreak-started']);
    expect(readOutbreakForm({ ...blank, residents: '-2', startedOn: today }).errors[0]!.message).toMatch(/negative/);
    expect(readOutbreakForm({ ...blank, residents: '2.5', startedOn: today }).errors[0]!.message).toMatch(/whole number/);
    expect(readOutbreakForm({ ...blank, residents: '0', startedOn: today }).errors[0]!.message).toMatch(/at least 1/);
    expect(readOutbreakForm({ residents: ' 6 ', startedOn: today, expectedEndOn: '', note: '  east wing ' }).body).toEqual({ isolatingResidents: 6, startedOn: today, note: 'east wing' });
    expect(outbreakFieldFor('/expectedEndOn')).toBe('outbreak-end');
    expect(outbreakFieldFor('/other')).toBeNull();
  });

  it('the store’s worklist names homes in outbreak', () => {
    const rows = buildWorklist(
      [
        { homeId: 'h1', name: 'Tŷ Gwyn', storeId: 's', status: 'amber', outbreak: { outbreakId: 'o', isolatingResidents: 4, startedOn: '2026-03-09', expectedEndOn: null }, drivers: [position('MASK-IIR', { status: 'amber', daysOfSupply: 5 })] },
        { homeId: 'h2', name: 'Plas', storeId: 's', status: 'green', outbreak: null, drivers: [] },
      ],
      { items, timeZone: 'Europe/London', today },
    );
    expect(rows.map((r) => [r.homeId, r.outbreak?.startsWith('Outbreak: 4 residents') ?? null])).toEqual([
      ['h1', true],
      ['h2', null],
    ]);
  });

  it('the home’s stock says when the outbreak forecast is what it uses', () => {
    const view = buildHomeView({ status: 'amber', positions: [position('MASK-IIR', { status: 'amber', dailyUsage: 10, forecastUsage: 17, usageBasis: 'outbreak' })] }, [], [], { items, timeZone: 'Europe/London', today });
    expect(view.positions[0]!.usage).toBe('17 a day (outbreak forecast; counts show 10)');
  });
});
