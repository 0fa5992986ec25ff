/**
 * The page's configuration, fetched from `config.json` beside it: written by the CDK deployment
 * (API URL, Cognito domain and client) or served by the local runtime (its sign-in choices).
 */
import type { Thresholds } from '../model/status.ts';

export interface LocalOrgChoice {
  /** admin, store:<id> or home:<id> */
  org: string;
  label: string;
}

export type PageConfig = {
  /** The API's base URL without /v1; '' means this page's own origin. */
  apiUrl: string;
  thresholds?: Thresholds;
} & (
  | { mode: 'local'; localSignIn: { path: string; orgs: LocalOrgChoice[] } }
  | { mode: 'cognito'; cognito: { domain: string; clientId: string; scopes: string[] } }
);

export async function loadConfig(): Promise<PageConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return (await response.json()) as PageConfig;
}
