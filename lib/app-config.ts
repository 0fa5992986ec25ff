/**
 * Where and as what the stack deploys, read from CDK context (cdk.json, or `-c key=value`) and the
 * deployer's environment. The region is Carestock's own choice, not the deployer's profile: care-home
 * data stays in `carestock:region` (eu-west-2, London, unless someone decides otherwise on purpose).
 */
import type { App } from 'aws-cdk-lib';
import type { MachineClient } from './constructs/auth.ts';

export const DEFAULT_REGION = 'eu-west-2';
export const DEFAULT_STACK_NAME = 'Carestock-dev';

/** Who hears what: ops alarms, and each store's daily shortfall digest (by store id). */
export interface AlertEmails {
  readonly ops?: readonly string[];
  readonly stores?: Readonly<Record<string, readonly string[]>>;
}

export interface AppConfig {
  readonly stackName: string;
  readonly env: { readonly account: string | undefined; readonly region: string };
  readonly machineClients: readonly MachineClient[];
  readonly allowedOrigins: readonly string[];
  readonly alertEmails: AlertEmails;
}

export function appConfig(app: App, environment: Record<string, string | undefined> = process.env): AppConfig {
  const context = <T>(key: string, fallback: T): T => (app.node.tryGetContext(key) as T | undefined) ?? fallback;
  const stackName = context('carestock:stackName', DEFAULT_STACK_NAME);
  if (!/^[A-Za-z][A-Za-z0-9-]{0,100}$/.test(stackName)) throw new Error(`carestock:stackName "${stackName}" is not a valid stack name`);
  return {
    stackName,
    // The account is the deployer's (none at an offline synth); the region never is.
    env: { account: environment.CDK_DEFAULT_ACCOUNT, region: context('carestock:region', DEFAULT_REGION) },
    machineClients: context('carestock:machineClients', []),
    allowedOrigins: context('carestock:allowedOrigins', []),
    alertEmails: context('carestock:alertEmails', {}),
  };
}
