/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (lib/bundling.ts aliases
 * it here). Lambda hands every function its role's credentials in environment variables, so the
 * SDK's default chain (INI files, SSO, web identity, IMDS, the STS/SSO clients they need) is never
 * reached there: about a fifth of every bundle. Local runs and tests are not bundled and keep the
 * whole chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
