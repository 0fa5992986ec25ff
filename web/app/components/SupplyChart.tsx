import { useState } from 'preact/hooks';
import type { Item } from '../../model/api-types.ts';
import { barCount, buildSupplyChart, CHART_BAR_LIMIT, type ChartInput } from '../../model/supply-chart.ts';
import type { Thresholds } from '../../model/status.ts';
import { itemName, langOf } from '../../model/names.ts';
import { useMessages } from '../i18n.tsx';

const ATTENTION = '*attention';

/** Days of supply per home and item as horizontal bars, with the shortfall line marked. Inline SVG. */
export function SupplyChart({ homes, items, thresholds }: { homes: ChartInput[]; items: Map<string, Item>; thresholds?: Thresholds | undefined }) {
  const [choice, setChoice] = useState<string | null>(null);
  const m = useMessages();
  // '' every line; ATTENTION the lines not green; otherwise a SKU. A big store starts on ATTENTION.
  const shown = choice ?? (barCount(homes) > CHART_BAR_LIMIT ? ATTENTION : '');
  const skus = [...new Set(homes.flatMap((h) => h.positions.map((p) => p.sku)))].sort();
  const chart = buildSupplyChart(homes, {
    items,
    thresholds,
    m,
    ...(shown === ATTENTION ? { needingAttention: true } : shown ? { sku: shown } : {}),
  });
  return (
    <section aria-labelledby="chart-heading" class="panel">
      <h2 id="chart-heading">{m.t('chart.heading')}</h2>
      <div class="chart-controls">
        <label for="chart-item">{m.t('chart.show')}</label>
        <select id="chart-item" value={shown} onChange={(e) => setChoice((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{m.t('chart.everyItem')}</option>
          <option value={ATTENTION}>{m.t('chart.onlyAttention')}</option>
          {skus.map((s) => (
            <option key={s} value={s} lang={langOf(items.get(s), m)}>
              {itemName(items, s, m)}
            </option>
          ))}
        </select>
      </div>
      <p id="chart-summary">
        {chart.summary} {m.t('chart.dashedLine', { line: chart.shortfallLine.label })}
      </p>
      {chart.groups.length === 0 ? null : (
        // Fills the panel, but never narrower than 42rem (which grows with zoom): a narrow window scrolls it sideways rather than shrinking its text.
        <div class="chart-scroll" role="region" aria-label={m.t('chart.scrolls')} tabIndex={0}>
        <svg class="chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-labelledby="chart-heading chart-summary" data-testid="supply-chart">
          {chart.ticks.map((t) => (
            <g key={t.label}>
              <line class="tick" x1={t.x} x2={t.x} y1={20} y2={chart.height} />
              <text class="tick-label" x={t.x} y={14} text-anchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          <line class="shortfall-line" x1={chart.shortfallLine.x} x2={chart.shortfallLine.x} y1={20} y2={chart.height} />
          <text class="shortfall-label" x={chart.shortfallLine.x - 6} y={14} text-anchor="end">
            {m.t('chart.short')} ◂
          </text>
          {chart.groups.map((group) => (
            <g key={group.homeId}>
              <text class="group-title" x={4} y={group.y + 20}>
                {group.title}
              </text>
              {group.bars.map((bar) => (
                <g key={bar.key}>
                  <title>{m.t('chart.bar', { home: group.title, item: bar.label, value: bar.valueText, status: bar.status.word })}</title>
                  <text class="bar-label" x={chart.plotLeft - 8} y={bar.y + chart.barHeight - 3} text-anchor="end" lang={langOf(items.get(bar.sku), m)}>
                    {truncate(bar.label, 30)}
                  </text>
                  <rect class={`bar ${bar.status.className}`} x={chart.plotLeft} y={bar.y} width={bar.width} height={chart.barHeight} rx={2} />
                  <text class="bar-value" x={chart.plotLeft + bar.width + 6} y={bar.y + chart.barHeight - 3}>
                    {bar.capped ? `${bar.valueText} ▸` : bar.valueText}
                  </text>
                </g>
              ))}
            </g>
          ))}
        </svg>
        </div>
      )}
    </section>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
