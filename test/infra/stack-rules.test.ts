/**
 * Rules a first deploy depends on, read from the synthesised template (no bundling): the stack stays
 * in its configured region whatever the deployer's profile says; two stacks fit one account; no
 * retained resource has a fixed name (a failed create's retry would collide with it); every alarm
 * and the digest rule can publish to their KMS-encrypted topics; access logs are JSON with what a
 * refused token or a failing function needs; every log group expires; no bucket relies on an ACL;
 * managed login enrols TOTP for the required MFA.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { appConfig, DEFAULT_REGION } from '../../lib/app-config.ts';
import { CarestockStack } from '../../lib/carestock-stack.ts';
import { RESOURCE_BUDGET } from './budget.ts';
import { BUSINESS_NAMESPACE, businessMetric } from '../../functions/observability/business-metrics.ts';

const cdkJson = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
type Resource = { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Resources = Record<string, Resource>;

/** As bin/app.ts builds it, with a deployer whose profile points at us-east-1. */
function synthesise(extraContext: Record<string, unknown> = {}): { stack: CarestockStack; resources: Resources } {
  const app = new App({ context: { ...cdkJson.context, ...extraContext, 'aws:cdk:bundling-stacks': [] } });
  const config = appConfig(app, { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'us-east-1' });
  const stack = new CarestockStack(app, config.stackName, { env: config.env, machineClients: config.machineClients, alertEmails: config.alertEmails });
  return { stack, resources: Template.fromStack(stack).toJSON().Resources as Resources };
}

const alertEmails = { ops: ['duty@example.org'], stores: { 'cardiff-jes': ['cardiff@example.org'] } };
let dev: { stack: CarestockStack; resources: Resources };
let prod: { stack: CarestockStack; resources: Resources };

beforeAll(() => {
  dev = synthesise({ 'carestock:alertEmails': alertEmails });
  prod = synthesise({ 'carestock:stackName': 'Carestock-prod' });
});

const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const refOf = (value: unknown): string | undefined => {
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  return v?.Ref ?? v?.['Fn::GetAtt']?.[0];
};
const allowsService = (resources: Resources, keyId: string, service: string) =>
  (resources[keyId]!.Properties!.KeyPolicy.Statement as { Effect: string; Principal?: { Service?: string | string[] }; Action: string | string[] }[]).some(
    (s) =>
      s.Effect === 'Allow' &&
      [s.Principal?.Service ?? []].flat().includes(service) &&
      ['kms:Decrypt', 'kms:GenerateDataKey*'].every((a) => [s.Action].flat().includes(a)),
  );

describe('where and as what the stack deploys', () => {
  it(`deploys to ${DEFAULT_REGION} from cdk.json, not the deployer's profile region`, () => {
    expect(dev.stack.region).toBe(DEFAULT_REGION);
    expect(cdkJson.context['carestock:region']).toBe(DEFAULT_REGION);
    const [, authorizer] = ofType(dev.resources, 'AWS::ApiGatewayV2::Authorizer')[0]!;
    expect(JSON.stringify(authorizer.Properties!.JwtConfiguration.Issuer)).toContain(`cognito-idp.${DEFAULT_REGION}.amazonaws.com`);
    expect(JSON.stringify(dev.resources)).not.toContain('us-east-1');
  });

  it(`holds at most ${RESOURCE_BUDGET} resources`, () => {
    expect(Object.keys(dev.resources).length).toBeLessThanOrEqual(RESOURCE_BUDGET);
  });

  it('names its stack from context, and two stacks in one account share no physical name', () => {
    expect([dev.stack.stackName, prod.stack.stackName]).toEqual(['Carestock-dev', 'Carestock-prod']);
    // Names unique in an account and region: the ones a second stack could collide on.
    const uniqueName: Record<string, string> = {
      'AWS::DynamoDB::Table': 'TableName', 'AWS::S3::Bucket': 'BucketName', 'AWS::SQS::Queue': 'QueueName', 'AWS::SNS::Topic': 'TopicName',
      'AWS::Lambda::Function': 'FunctionName', 'AWS::IAM::Role': 'RoleName', 'AWS::Logs::LogGroup': 'LogGroupName', 'AWS::Events::EventBus': 'Name',
      'AWS::Events::Archive': 'ArchiveName', 'AWS::Scheduler::ScheduleGroup': 'Name', 'AWS::Scheduler::Schedule': 'Name', 'AWS::SSM::Parameter': 'Name',
      'AWS::Cognito::UserPoolDomain': 'Domain', 'AWS::KMS::Alias': 'AliasName', 'AWS::CloudWatch::Dashboard': 'DashboardName', 'AWS::CloudWatch::Alarm': 'AlarmName',
    };
    const names = (resources: Resources) =>
      new Set(
        Object.values(resources)
          .filter((r) => uniqueName[r.Type] && r.Properties?.[uniqueName[r.Type]!] !== undefined)
          .map((r) => `${r.Type}=${JSON.stringify(r.Properties![uniqueName[r.Type]!])}`),
      );
    expect(names(dev.resources).size).toBeGreaterThan(0);
    const shared = [...names(dev.resources)].filter((name) => names(prod.resources).has(name));
    expect(shared).toEqual([]);
  });

  it('retains no resource that has a fixed physical name (a failed create would block its own retry)', () => {
    const retained = Object.entries(dev.resources).filter(([, r]) => [r.DeletionPolicy, r.UpdateReplacePolicy].some((p) => p === 'Retain' || p === 'RetainExceptOnCreate'));
    expect(retained.length).toBeGreaterThan(0);
    for (const [id, r] of retained) {
      const fixed = Object.entries(r.Properties ?? {}).filter(([key, value]) => /Name$/.test(key) && key !== 'IndexName' && value !== undefined);
      expect(fixed, id).toEqual([]);
    }
  });
});

describe('alerts reach people', () => {
  it('lets CloudWatch use the key of every topic an alarm publishes to', () => {
    const alarms = ofType(dev.resources, 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(0);
    for (const [id, alarm] of alarms) {
      const actions = alarm.Properties!.AlarmActions as unknown[];
      expect(actions.length, id).toBeGreaterThan(0);
      for (const action of actions) {
        const topic = dev.resources[refOf(action)!]!;
        expect(topic.Type).toBe('AWS::SNS::Topic');
        const keyId = refOf(topic.Properties!.KmsMasterKeyId)!;
        expect(allowsService(dev.resources, keyId, 'cloudwatch.amazonaws.com'), `${id} → ${keyId}`).toBe(true);
      }
    }
  });

  it('routes ShortfallDigest events from the bus to the digest topic, whose key lets EventBridge use it, with a dead-letter queue', () => {
    const rules = ofType(dev.resources, 'AWS::Events::Rule').filter(([, r]) => JSON.stringify(r.Properties!.EventPattern).includes('ShortfallDigest'));
    expect(rules).toHaveLength(1);
    const [target] = rules[0]![1].Properties!.Targets as { Arn: unknown; DeadLetterConfig?: { Arn: unknown }; InputPath?: string }[];
    const topic = dev.resources[refOf(target!.Arn)!]!;
    expect(topic.Properties!.DisplayName).toBe('Carestock daily shortfall digest');
    expect(allowsService(dev.resources, refOf(topic.Properties!.KmsMasterKeyId)!, 'events.amazonaws.com')).toBe(true);
    expect(target!.InputPath).toBe('$.detail');
    expect(target!.DeadLetterConfig).toBeDefined();
  });

  it('archives ShortfallDetected events with a retention', () => {
    const [[, archive]] = ofType(dev.resources, 'AWS::Events::Archive') as [[string, Resource]];
    expect(JSON.stringify(archive.Properties!.EventPattern)).toContain('ShortfallDetected');
    expect(archive.Properties!.RetentionDays).toBeGreaterThan(0);
  });

  it('subscribes the ops and store emails from carestock:alertEmails, each store to its own digests only', () => {
    const subscriptions = ofType(dev.resources, 'AWS::SNS::Subscription').map(([, s]) => s.Properties!);
    expect(subscriptions.map((s) => s.Endpoint).sort()).toEqual(['cardiff@example.org', 'duty@example.org']);
    const store = subscriptions.find((s) => s.Endpoint === 'cardiff@example.org')!;
    expect(store.FilterPolicyScope).toBe('MessageBody');
    expect(store.FilterPolicy).toEqual({ storeId: ['cardiff-jes'] });
    expect(subscriptions.every((s) => s.RedrivePolicy)).toBe(true);
  });

  it('gives no function SNS publish rights: the digest travels bus → rule → topic', () => {
    const actions = ofType(dev.resources, 'AWS::IAM::Policy').flatMap(([, p]) => p.Properties!.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat()));
    expect(actions).toContain('events:PutEvents');
    expect(actions).not.toContain('sns:Publish');
  });
});

describe('logs', () => {
  it('writes JSON access logs with request id, route key, status, latency, authorizer and integration errors', () => {
    const [[, stage]] = ofType(dev.resources, 'AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    const format = JSON.parse(stage.Properties!.AccessLogSettings.Format) as Record<string, string>;
    expect(Object.values(format)).toEqual(
      expect.arrayContaining(['$context.requestId', '$context.routeKey', '$context.status', '$context.responseLatency', '$context.authorizer.error', '$context.integrationErrorMessage']),
    );
  });

  it('gives every log group a retention, and every function (CDK’s BucketDeployment handler too) its own log group', () => {
    const groups = ofType(dev.resources, 'AWS::Logs::LogGroup');
    for (const [id, group] of groups) expect(group.Properties!.RetentionInDays, id).toBeGreaterThan(0);
    const groupIds = new Set(groups.map(([id]) => id));
    for (const [id, fn] of ofType(dev.resources, 'AWS::Lambda::Function')) {
      expect(groupIds.has(refOf(fn.Properties!.LoggingConfig?.LogGroup) ?? ''), id).toBe(true);
    }
  });

  it('takes S3 server access logs through a bucket policy, with no canned ACL on any bucket', () => {
    for (const [id, bucket] of ofType(dev.resources, 'AWS::S3::Bucket')) expect(bucket.Properties!.AccessControl, id).toBeUndefined();
    const policies = ofType(dev.resources, 'AWS::S3::BucketPolicy').map(([, p]) => JSON.stringify(p.Properties!.PolicyDocument));
    expect(policies.some((p) => p.includes('logging.s3.amazonaws.com'))).toBe(true);
  });
});

describe('business metrics', () => {
  it('has one dashboard, without a fixed name, showing every business metric of the stack and the alarms', () => {
    const dashboards = ofType(dev.resources, 'AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const [, dashboard] = dashboards[0]!;
    expect(dashboard.Properties!.DashboardName).toBeUndefined();
    const body = JSON.stringify(dashboard.Properties!.DashboardBody);
    for (const name of Object.values(businessMetric)) expect(body).toContain(`\\"${name}\\"`);
    expect(body).toContain(BUSINESS_NAMESPACE);
    expect(body).toContain('alarm');
  });

  it('tells the API’s and the jobs’ functions their stack, the metrics’ stack dimension', () => {
    const recorders = ofType(dev.resources, 'AWS::Lambda::Function').filter(([id]) => id.startsWith('Http') || id.startsWith('Jobs'));
    expect(recorders.length).toBeGreaterThan(3);
    for (const [id, fn] of recorders) {
      expect(fn.Properties!.Environment?.Variables?.CARESTOCK_STACK, id).toBe('Carestock-dev');
    }
  });
});

describe('sign-in', () => {
  it('requires TOTP MFA and serves managed login (which enrols TOTP at first sign-in) to the store page’s client', () => {
    const [[, pool]] = ofType(dev.resources, 'AWS::Cognito::UserPool') as [[string, Resource]];
    expect(pool.Properties!.MfaConfiguration).toBe('ON');
    expect(pool.Properties!.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    const [[, domain]] = ofType(dev.resources, 'AWS::Cognito::UserPoolDomain') as [[string, Resource]];
    expect(domain.Properties!.ManagedLoginVersion).toBe(2);
    expect(JSON.stringify(domain.Properties!.Domain)).toContain('carestock-dev-');
    const webClientId = ofType(dev.resources, 'AWS::Cognito::UserPoolClient').find(([, c]) => c.Properties!.AllowedOAuthFlows?.includes('code'))![0];
    const brandings = ofType(dev.resources, 'AWS::Cognito::ManagedLoginBranding');
    expect(brandings).toHaveLength(1);
    expect(brandings[0]![1].Properties).toMatchObject({ UseCognitoProvidedValues: true, ClientId: { Ref: webClientId } });
  });
});
