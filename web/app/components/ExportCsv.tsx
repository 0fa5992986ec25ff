import { useState } from 'preact/hooks';
import { exportPath } from '../../model/download.ts';
import { saveBlob, type Api } from '../api.ts';
import { useMessages } from '../i18n.tsx';

/** The commissioner's export: one row per home and item, for a chosen date (today by default). */
export function ExportCsv({ api, storeId, today }: { api: Api; storeId: string; today: string }) {
  const [date, setDate] = useState(today);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const m = useMessages();
  const download = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(m.t('export.preparing'));
    try {
      const { blob, filename } = await api.download(exportPath(storeId, date || today), `carestock-${storeId}-${date || today}.csv`);
      saveBlob(blob, filename);
      setMessage(m.t('export.downloaded', { filename }));
    } catch (error) {
      setMessage(m.t('export.failed', { error: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="export" onSubmit={download} aria-labelledby="export-heading">
      <h2 id="export-heading" class="visually-hidden">
        {m.t('export.heading')}
      </h2>
      <label for="export-date">{m.t('export.label')}</label>
      <input
        id="export-date"
        type="date"
        value={date}
        min={today}
        required
        aria-describedby="export-hint"
        onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" disabled={busy}>
        {m.t('export.button')}
      </button>
      <p id="export-hint" class="hint">
        {m.t('export.hint')}
      </p>
      <p role="status" class="export-message">
        {message}
      </p>
    </form>
  );
}
