import { useState } from 'preact/hooks';
import { exportPath } from '../../model/download.ts';
import { saveBlob, type Api } from '../api.ts';

/** The commissioner's export: one row per home and item, for a chosen date (today by default). */
export function ExportCsv({ api, storeId, today }: { api: Api; storeId: string; today: string }) {
  const [date, setDate] = useState(today);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const download = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage('Preparing the spreadsheet…');
    try {
      const { blob, filename } = await api.download(exportPath(storeId, date || today), `carestock-${storeId}-${date || today}.csv`);
      saveBlob(blob, filename);
      setMessage(`Downloaded ${filename}.`);
    } catch (error) {
      setMessage(`The export failed: ${(error as Error).message}.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="export" onSubmit={download} aria-labelledby="export-heading">
      <h2 id="export-heading" class="visually-hidden">
        Export
      </h2>
      <label for="export-date">Spreadsheet for</label>
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
        Download CSV
      </button>
      <p id="export-hint" class="hint">
        Every home and item: today’s figures, or projected to a later day. Opens in Excel or LibreOffice.
      </p>
      <p role="status" class="export-message">
        {message}
      </p>
    </form>
  );
}
