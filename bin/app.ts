/**
 * The CDK app: `npx cdk synth` (offline, no account needed) or `npx cdk deploy`.
 * Region, stack name, clients and alert recipients come from context (lib/app-config.ts).
 * cdk-nag's AwsSolutions and Serverless packs run as policy-validation plugins: any
 * unacknowledged finding fails synthesis.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { appConfig } from '../lib/app-config.ts';
import { CarestockStack } from '../lib/carestock-stack.ts';

const app = new App();
const config = appConfig(app);
new CarestockStack(app, config.stackName, {
  machineClients: config.machineClients,
  allowedOrigins: config.allowedOrigins,
  alertEmails: config.alertEmails,
  env: config.env,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
app.synth();
