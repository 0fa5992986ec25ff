/**
 * Both cdk-nag packs fail synthesis on a finding nobody acknowledged, as `npx cdk synth` runs them
 * (bin/app.ts): a queue with no redrive policy and no SSL enforcement is refused, and passes once
 * each finding is acknowledged with a reason.
 */
import { describe, expect, it } from 'vitest';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

function appWithBareQueue(acknowledge: boolean): App {
  const app = new App();
  const stack = new Stack(app, 'NagProbe', { env: { account: '123456789012', region: 'eu-west-2' } });
  const queue = new Queue(stack, 'Bare');
  if (acknowledge) {
    Validations.of(queue).acknowledge(
      { id: 'Serverless-SQSRedrivePolicy', reason: 'test: acknowledged on purpose' },
      { id: 'AwsSolutions-SQS3', reason: 'test: acknowledged on purpose' },
      { id: 'AwsSolutions-SQS4', reason: 'test: acknowledged on purpose' },
    );
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

describe('cdk-nag (AwsSolutions and Serverless)', () => {
  it('fails synthesis on an unacknowledged finding of either pack', () => {
    let message = '';
    try {
      appWithBareQueue(false).synth();
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/Serverless-SQSRedrivePolicy/);
    expect(message).toMatch(/AwsSolutions-SQS3/);
  });

  it('passes once every finding is acknowledged with a reason', () => {
    expect(() => appWithBareQueue(true).synth()).not.toThrow();
  });
});
