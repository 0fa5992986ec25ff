/**
 * How every Lambda is bundled, in one place: the CDK construct passes these to NodejsFunction and
 * the benchmark builds its bundles with the same esbuild options, so the sizes it reports are the
 * sizes that deploy.
 */
import { join } from 'node:path';

export const LAMBDA_NODE_TARGET = 'node24';

/**
 * Lambda puts the role's credentials in environment variables, so the SDK's default provider
 * chain (INI/SSO/web identity/IMDS and the STS, SSO and sign-in clients they bundle, about a
 * third of a minified bundle) is replaced by the environment provider in every Lambda bundle.
 * Local runs and tests are not bundled and keep the whole chain.
 */
export const LAMBDA_ALIASES: Record<string, string> = {
  '@aws-sdk/credential-provider-node': join(import.meta.dirname, '..', 'functions', 'aws', 'lambda-credentials.ts'),
};

/**
 * ESM bundles that still contain CommonJS dependencies need a real `require` (aws-cdk #29310).
 * Both the CDK bundling and the benchmark add this banner.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire as __carestockCreateRequire } from 'node:module'; const require = __carestockCreateRequire(import.meta.url);";

export const sharedEsbuildOptions = {
  bundle: true,
  minify: true,
  format: 'esm' as const,
  platform: 'node' as const,
  target: LAMBDA_NODE_TARGET,
  /** Prefer ESM entry points: smaller, tree-shakable bundles. */
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  /** The SDK is bundled, not taken from the runtime: pinned versions and only the code used. */
  external: [] as string[],
  alias: LAMBDA_ALIASES,
};
