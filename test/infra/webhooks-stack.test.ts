/**
 * Webhooks as deployed (lib/constructs/webhooks.ts): ONE sender function, fed by the table's stream
 * (filtered to inserted webhook events, failures bisected, retried, then to the dead-letter queue)
 * and by a schedule every minute (the sweep); the queue alarms; no Scan, and no other AWS client
 * than DynamoDB's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { CarestockStack } from '../../lib/carestock-stack.ts';

const cdkJson = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
let template: Template;
let senderId: string;

beforeAll(() => {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(new CarestockStack(app, 'Carestock', { env: { account: '123456789012', region: 'eu-west-2' } }));
  const senders = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([, r]) => /^Webhooks:/.test(String(r.Properties.Description ?? '')));
  expect(senders).toHaveLength(1);
  senderId = senders[0]![0];
});

describe('webhooks on AWS', () => {
  it('the table streams new images', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
  });

  it('the one sender reads the stream, only inserted webhook events, bisecting and retrying failed batches, then to its dead-letter queue', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(1);
    const mapping = mappings[0]!.Properties;
    expect(mapping.FunctionName).toEqual({ Ref: senderId });
    expect(mapping).toMatchObject({ StartingPosition: 'LATEST', BisectBatchOnFunctionError: true, MaximumRetryAttempts: 3, DestinationConfig: { OnFailure: { Destination: expect.anything() } } });
    expect(mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['WebhookEvent'] } } } },
    ]);
  });

  it('sweeps every minute (retries due, the outbox), with the same dead-letter queue', () => {
    const schedule = Object.values(template.findResources('AWS::Scheduler::Schedule')).find((s) => /webhook/i.test(String(s.Properties.Description)));
    expect(schedule?.Properties).toMatchObject({ ScheduleExpression: 'rate(1 minute)', Target: { Arn: { 'Fn::GetAtt': [senderId, 'Arn'] }, DeadLetterConfig: { Arn: expect.anything() } } });
  });

  it('may read and write the table and read its stream; never Scan; no other AWS service', () => {
    const role = template.toJSON().Resources[senderId].Properties.Role['Fn::GetAtt'][0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role));
    const actions = new Set(policies.flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat())));
    expect([...actions]).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:GetRecords', 'sqs:SendMessage']));
    expect(actions.has('dynamodb:Scan')).toBe(false);
    expect([...actions].filter((a) => !/^(dynamodb|sqs|logs|xray):/.test(a))).toEqual([]);
  });

  it('alarms when anything reaches its dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmDescription: Match.stringLikeRegexp('webhook sender') });
  });
});
