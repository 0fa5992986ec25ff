import { freshness } from '../../model/refresh.ts';
import { useMessages } from '../i18n.tsx';
import { useNow } from '../use-auto-refresh.ts';

/** "Data fetched at 09:14:05 (2 min ago)" and a button to refresh now. */
export function Freshness({ fetchedAt, error, loading, timeZone, onRefresh }: { fetchedAt: Date | null; error: string | null; loading: boolean; timeZone: string; onRefresh: () => void }) {
  const now = useNow();
  const m = useMessages();
  const label = freshness(fetchedAt, now, timeZone, error, undefined, m);
  return (
    <div class="freshness">
      <p class={label.stale ? 'warning' : undefined} role="status" data-testid="fetched-at">
        {label.text}
        {fetchedAt ? `. ${m.t('refresh.everyMinute')}` : ''}
      </p>
      <button type="button" onClick={onRefresh} disabled={loading} aria-busy={loading}>
        {loading ? m.t('refresh.refreshing') : m.t('refresh.now')}
      </button>
    </div>
  );
}
