import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../../model/api-types.ts';
import type { Thresholds } from '../../model/status.ts';
import type { Api } from '../api.ts';
import { StorePage } from './StorePage.tsx';

/** An administrator picks any store and sees its page. */
export function AdminPage({ api, thresholds }: { api: Api; thresholds?: Thresholds | undefined }) {
  const [stores, setStores] = useState<Store[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [storeId, setStoreId] = useState('');
  useEffect(() => {
    api.getAll<Store>('/v1/stores?limit=100').then(
      (list) => {
        setStores(list);
        if (list[0]) setStoreId((current) => current || list[0]!.storeId);
      },
      (e: Error) => setError(e.message),
    );
  }, [api]);
  if (error) return <p class="warning">Could not list the stores: {error}</p>;
  if (!stores) return <p role="status">Loading the stores…</p>;
  return (
    <>
      <div class="chart-controls">
        <label for="admin-store">Store</label>
        <select id="admin-store" value={storeId} onChange={(e) => setStoreId((e.currentTarget as HTMLSelectElement).value)}>
          {stores.map((s) => (
            <option key={s.storeId} value={s.storeId}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {storeId ? <StorePage key={storeId} api={api} storeId={storeId} thresholds={thresholds} /> : <p>No stores yet.</p>}
    </>
  );
}
