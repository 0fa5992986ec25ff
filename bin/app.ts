/**
 * The CDK app: `npx cdk synth` (offline, no account needed) or `npx cdk deploy`.
 * cdk-nag's AwsSolutions pack runs as a policy-validation plugin: any unacknowledged finding
 * fails synthesis.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CarestockStack } from '../lib/carestock-stack.ts';

const app = new App();
const machineClients = app.node.tryGetContext('carestock:machineClients') ?? [];
const allowedOrigins = app.node.tryGetContext('carestock:allowedOrigins') ?? [];
new CarestockStack(app, 'Carestock', {
  machineClients,
  allowedOrigins,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'eu-west-2' },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
