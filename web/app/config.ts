/**
 * The page's configuration, fetched from `config.json` beside it: written by the CDK deployment
 * (API URL, Cognito domain and client) or served by the local runtime (the people its sign-in offers).
 */
import type { Translator } from '../i18n/translate.ts';
import type { Thresholds } from '../model/status.ts';

/** A person the local sign-in offers: a member of the local directory (bin/local/store-page-routes.ts). */
export interface LocalMemberChoice {
  email: string;
  name: string;
  role: 'manager' | 'staff';
  /** admin, store:<id> or home:<id> */
  org: string;
  orgLabel: string;
}

export type PageConfig = {
  /** The API's base URL without /v1; '' means this page's own origin. */
  apiUrl: string;
  thresholds?: Thresholds;
} & (
  | { mode: 'local'; localSignIn: { path: string; members: LocalMemberChoice[] } }
  | { mode: 'cognito'; cognito: { domain: string; clientId: string; scopes: string[] } }
);

export async function loadConfig(m: Translator): Promise<PageConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(m.t('app.configAnswered', { status: String(response.status) }));
  return (await response.json()) as PageConfig;
}
