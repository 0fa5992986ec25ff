import { presentStatus, STATUS_ORDER, type Thresholds } from '../../model/status.ts';
import { useMessages } from '../i18n.tsx';
import { StatusBadge } from './StatusBadge.tsx';

export function StatusLegend({ thresholds }: { thresholds?: Thresholds | undefined }) {
  const m = useMessages();
  return (
    <section aria-labelledby="legend-heading" class="panel legend">
      <h2 id="legend-heading">{m.t('legend.heading')}</h2>
      <dl>
        {STATUS_ORDER.map((s) => {
          const p = presentStatus(s, thresholds, m);
          return (
            <div key={s}>
              <dt>
                <StatusBadge status={p} small />
              </dt>
              <dd>{p.meaning}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
