/**
 * Identity in the synthesised stack: nothing a person can edit decides their org; no client can
 * write a custom attribute; the page's client allows only the flows the page uses; the token
 * trigger is bounded (Cognito waits at most 5 s), alarmed, reads the table and reads nothing else;
 * the machine clients' organisations are memberships written at deploy, not an SSM map.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { CarestockStack } from '../../lib/carestock-stack.ts';

const cdkJson = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
let template: Template;

beforeAll(() => {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new CarestockStack(app, 'Carestock', {
    machineClients: [
      { name: 'cardiff-jes', org: 'store:cardiff-jes' },
      { name: 'swansea-jes', org: 'store:swansea-jes' },
    ],
    env: { account: '123456789012', region: 'eu-west-2' },
  });
  template = Template.fromStack(stack);
});

const resources = (type: string) => Object.entries(template.findResources(type)) as [string, { Properties: Record<string, any> }][];
const clients = () => resources('AWS::Cognito::UserPoolClient').map(([, c]) => c.Properties);
const webClient = () => clients().find((c) => c.AllowedOAuthFlows?.includes('code'))!;
const triggerLogicalId = () => {
  const pool = resources('AWS::Cognito::UserPool')[0]![1];
  return pool.Properties.LambdaConfig.PreTokenGenerationConfig.LambdaArn['Fn::GetAtt'][0] as string;
};

describe('Auth', () => {
  it('has no custom attribute on the user pool, so no attribute can decide the org', () => {
    const [, pool] = resources('AWS::Cognito::UserPool')[0]!;
    const custom = (pool.Properties.Schema ?? []).filter((a: { Name: string }) => !['email', 'name', 'sub'].includes(a.Name));
    expect(custom).toEqual([]);
    expect(JSON.stringify(template.toJSON())).not.toContain('custom:org');
  });

  it('lets no app client write a custom attribute: every client lists its writable attributes, the name only', () => {
    expect(clients().length).toBe(3);
    for (const client of clients()) {
      expect(client.WriteAttributes).toEqual(['name']);
    }
  });

  it('gives the page’s client only the flows the page uses: authorization code (+ PKCE, public) and refresh; no SRP, no password, no self-service scope', () => {
    const web = webClient();
    expect(web.AllowedOAuthFlows).toEqual(['code']);
    expect(web.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(web.GenerateSecret).toBeFalsy();
    expect(web.AllowedOAuthScopes).not.toContain('aws.cognito.signin.user.admin');
    expect(JSON.stringify(web.AllowedOAuthScopes)).not.toContain('/admin');
  });

  it('uses a v3 pre-token-generation trigger with a timeout under Cognito’s 5 s, an alarm on its errors, and read-only table access', () => {
    const [, pool] = resources('AWS::Cognito::UserPool')[0]!;
    expect(pool.Properties.LambdaConfig.PreTokenGenerationConfig.LambdaVersion).toBe('V3_0');
    const trigger = template.findResources('AWS::Lambda::Function')[triggerLogicalId()]!;
    expect(trigger.Properties.Timeout).toBeLessThanOrEqual(5);
    expect(Object.keys(trigger.Properties.Environment.Variables)).toContain('TABLE_NAME');
    const alarms = resources('AWS::CloudWatch::Alarm').filter(
      ([, a]) => a.Properties.MetricName === 'Errors' && JSON.stringify(a.Properties.Dimensions).includes(triggerLogicalId()),
    );
    expect(alarms.length).toBeGreaterThanOrEqual(1);
    expect(alarms[0]![1].Properties.AlarmActions?.length).toBeGreaterThanOrEqual(1);
    const role = trigger.Properties.Role['Fn::GetAtt'][0];
    const policies = resources('AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(role));
    const actions = policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat()));
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions.filter((a: string) => /dynamodb:(Put|Update|Delete|BatchWrite|Scan)/.test(a))).toEqual([]);
    expect(actions.filter((a: string) => a.startsWith('ssm:'))).toEqual([]);
  });

  it('keeps the machine clients’ organisations in the membership data: one deploy-time write of every client’s membership, no SSM map', () => {
    template.resourceCountIs('AWS::SSM::Parameter', 0);
    const writes = resources('Custom::AWS');
    expect(writes.length).toBe(1);
    const create = JSON.stringify(writes[0]![1].Properties.Create);
    expect(create).toContain('TransactWriteItems');
    for (const org of ['store:cardiff-jes', 'store:swansea-jes']) expect(create).toContain(org);
    expect(create).toContain('MEMBER-SUBJECT#client:');
  });

  it('lets only the invite and remove functions manage users, and only in this pool', () => {
    const statements = resources('AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const cognito = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
    expect(cognito.length).toBeGreaterThanOrEqual(1); // the invite and remove routes, however the stack groups them
    for (const s of cognito) {
      expect([s.Action].flat().sort()).toEqual(['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminGetUser']);
      expect(JSON.stringify(s.Resource)).toContain('UserPool');
    }
  });
});
