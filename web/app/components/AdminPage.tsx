import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../../model/api-types.ts';
import type { Permissions } from '../../model/permissions.ts';
import type { Thresholds } from '../../model/status.ts';
import { ApiError, type Api } from '../api.ts';
import { StorePage } from './StorePage.tsx';

/**
 * An administrator opens any store's page. Listing the stores needs the admin scope, which the
 * page does not ask for (it only reads); without it, the administrator names the store instead.
 */
export function AdminPage({ api, permissions, thresholds }: { api: Api; permissions: Permissions; thresholds?: Thresholds | undefined }) {
  const [stores, setStores] = useState<Store[] | 'not-allowed' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [storeId, setStoreId] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    api.getAll<Store>('/v1/stores?limit=100').then(
      (list) => {
        setStores(list);
        if (list[0]) setStoreId((current) => current || list[0]!.storeId);
      },
      (e: Error) => (e instanceof ApiError && e.status === 403 ? setStores('not-allowed') : setError(e.message)),
    );
  }, [api]);
  if (error) return <p class="warning">Could not list the stores: {error}</p>;
  if (!stores) return <p role="status">Loading the stores…</p>;
  return (
    <>
      {stores === 'not-allowed' ? (
        <form
          class="chart-controls"
          onSubmit={(e) => {
            e.preventDefault();
            setStoreId(typed.trim());
          }}
        >
          <label for="admin-store-id">Store id</label>
          <input id="admin-store-id" value={typed} required pattern="[a-z0-9][a-z0-9\-]*" onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit">Open</button>
        </form>
      ) : (
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
      )}
      {storeId ? <StorePage key={storeId} api={api} storeId={storeId} permissions={permissions} thresholds={thresholds} /> : <p>Choose a store to see its homes.</p>}
    </>
  );
}
