import type { DeliveryDay } from '../../model/deliveries.ts';
import type { Item } from '../../model/api-types.ts';
import { Lines, Name } from './Named.tsx';
import { useMessages } from '../i18n.tsx';
import { apiNoteLang } from '../../model/names.ts';

export function Deliveries({ days, window, items, homeLangs }: { days: DeliveryDay[] | null; window: number; items: ReadonlyMap<string, Item>; homeLangs: ReadonlyMap<string, 'en' | undefined> }) {
  const m = useMessages();
  return (
    <section aria-labelledby="deliveries-heading" class="panel">
      <h2 id="deliveries-heading">{m.t('deliveries.heading', { days: window })}</h2>
      {days === null ? (
        <p class="muted">{m.t('deliveries.unavailable')}</p>
      ) : days.length === 0 ? (
        <p>{m.t('deliveries.none')}</p>
      ) : (
        days.map((day) => (
          <div key={day.date}>
            <h3>
              <time dateTime={day.date}>{day.heading}</time>
            </h3>
            <ul class="plain">
              {day.deliveries.map((d) => (
                <li key={d.deliveryId}>
                  <strong>
                    <Name text={d.homeName} lang={homeLangs.get(d.homeId)} />
                  </strong> ({d.status}
                  {d.emergency ? `, ${m.t('deliveries.broughtForward')}` : ''}): <Lines lines={d.lines} items={items} />
                  {d.emergency && d.reason ? (
                    <span class="muted">
                      {' — '}
                      <span lang={apiNoteLang(m)}>{d.reason}</span>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
