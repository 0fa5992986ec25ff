import { presentStatus, STATUS_ORDER, type Thresholds } from '../../model/status.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function StatusLegend({ thresholds }: { thresholds?: Thresholds | undefined }) {
  return (
    <section aria-labelledby="legend-heading" class="panel legend">
      <h2 id="legend-heading">What the statuses mean</h2>
      <dl>
        {STATUS_ORDER.map((s) => {
          const p = presentStatus(s, thresholds);
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
