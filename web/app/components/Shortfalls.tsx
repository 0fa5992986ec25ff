import type { TodaysShortfalls } from '../../model/shortfalls.ts';
import { formatDate } from '../../model/format.ts';
import { defaultThresholds, type Thresholds } from '../../model/status.ts';
import { useMessages } from '../i18n.tsx';
import type { Item } from '../../model/api-types.ts';
import { ItemName, Name } from './Named.tsx';

/** What this morning's shortfall job found for the store. */
export function Shortfalls(props: {
  shortfalls: TodaysShortfalls | null;
  today: string;
  thresholds?: Thresholds | undefined;
  items: ReadonlyMap<string, Item>;
  homeLangs: ReadonlyMap<string, 'en' | undefined>;
}) {
  const { shortfalls, today, thresholds = defaultThresholds, items, homeLangs } = props;
  const m = useMessages();
  return (
    <section aria-labelledby="shortfalls-heading" class="panel">
      <h2 id="shortfalls-heading">{m.t('shortfalls.heading', { date: formatDate(today, undefined, m) })}</h2>
      {shortfalls === null ? (
        <p class="muted">{m.t('shortfalls.unavailable')}</p>
      ) : shortfalls.short.length === 0 && shortfalls.silent.length === 0 ? (
        <p>{m.t('shortfalls.none', { days: thresholds.shortfallDays })}</p>
      ) : (
        <>
          <h3>{m.t('shortfalls.short')}</h3>
          {shortfalls.short.length === 0 ? (
            <p>{m.t('common.none')}</p>
          ) : (
            <ul class="plain" data-testid="short-homes">
              {shortfalls.short.map((home) => (
                <li key={home.homeId}>
                  <strong>
                    <Name text={home.name} lang={homeLangs.get(home.homeId)} />
                  </strong>
                  :{' '}
                  {home.items.map((i, n) => (
                    <span key={i.sku}>
                      {n > 0 ? '; ' : ''}
                      <ItemName items={items} sku={i.sku} /> {i.daysText} ({i.status.lowerWord})
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <h3>{m.t('shortfalls.silent')}</h3>
          {shortfalls.silent.length === 0 ? (
            <p>{m.t('common.none')}</p>
          ) : (
            <ul class="plain" data-testid="silent-homes">
              {shortfalls.silent.map((home) => (
                <li key={home.homeId}>
                  <Name text={home.name} lang={homeLangs.get(home.homeId)} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
