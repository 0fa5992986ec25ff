/**
 * The shortfall job as deployed: an EventBridge Scheduler schedule at 07:00 Europe/London with
 * retries, the jobs' dead-letter queue and the schedule's own time as input (so a retried
 * invocation projects to the same instant); the function and the on-demand route may publish
 * alerts (bus and topic in their environment, publish grants), and an alarm watches the DLQ.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { CarestockStack } from '../../lib/carestock-stack.ts';

const cdkJson = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
let template: Template;

beforeAll(() => {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stack: Stack = new CarestockStack(app, 'Carestock', { env: { account: '123456789012', region: 'eu-west-2' } });
  template = Template.fromStack(stack);
});

const functionWithDescription = (pattern: RegExp) => {
  const [id] = Object.entries(template.findResources('AWS::Lambda::Function')).find(([, r]) => pattern.test(String(r.Properties.Description ?? ''))) ?? [];
  expect(id, String(pattern)).toBeDefined();
  return id!;
};

describe('the shortfall job on AWS', () => {
  it('is scheduled daily at 07:00 Europe/London with retries, a dead-letter queue and the scheduled time as input', () => {
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule'));
    const schedule = schedules.find((s) => /shortfall/i.test(String(s.Properties.Description)));
    expect(schedule?.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/London',
      Target: {
        RetryPolicy: { MaximumRetryAttempts: 3 },
        DeadLetterConfig: { Arn: expect.anything() },
      },
    });
    const input = JSON.parse(String(schedule!.Properties.Target.Input));
    expect(input).toEqual({ source: 'carestock.scheduler', 'detail-type': 'Scheduled Event', detail: { scheduledTime: '<aws.scheduler.scheduled-time>' } });
  });

  it('gives the job function and the on-demand route the bus and topic, and the grants to publish to them', () => {
    for (const id of [functionWithDescription(/Daily shortfall job/), functionWithDescription(/^Carestock alerts:/)]) {
      const fn = template.toJSON().Resources[id];
      expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(expect.arrayContaining(['TABLE_NAME', 'EVENT_BUS_NAME']));
      const role = fn.Properties.Role['Fn::GetAtt'][0];
      const policy = Object.values(template.findResources('AWS::IAM::Policy')).find((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role));
      const actions = policy!.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat());
      expect(actions).toEqual(expect.arrayContaining(['events:PutEvents', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']));
    }
  });

  it('alarms on the dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmDescription: Match.stringLikeRegexp('dead-letter') });
  });
});
