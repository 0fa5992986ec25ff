import type { Permissions } from '../../model/permissions.ts';
import type { Thresholds } from '../../model/status.ts';
import type { Api } from '../api.ts';
import type { Heading } from './Frame.tsx';
import { OverviewPage } from './OverviewPage.tsx';

/**
 * An administrator sees the nation: the overview, worst regions first, each leading down to its
 * stores and a store to its worklist. (It replaced a "Store id" box: the page reads the overview,
 * which an administrator may always read, instead of the store list, which needs the admin scope.)
 */
export function AdminPage({ api, permissions, thresholds, onHeading }: { api: Api; permissions: Permissions; thresholds?: Thresholds | undefined; onHeading?: ((heading: Heading) => void) | undefined }) {
  return <OverviewPage api={api} scope={{ kind: 'nation' }} permissions={permissions} thresholds={thresholds} onHeading={onHeading} />;
}
