/**
 * The CDK stack, synthesised offline without bundling: the resources and settings the issue asks
 * for, least-privilege grants, and cdk-nag's AwsSolutions and Serverless packs with zero unacknowledged findings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import { CarestockStack } from '../../lib/carestock-stack.ts';
import { routes } from '../../functions/routes.ts';
import { functionGroups } from '../../lib/function-groups.ts';
import { scopes } from '../../functions/scopes.ts';
import { tableDefinition } from '../../functions/data/table-definition.ts';

const cdkJson = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };

function synthesise() {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new CarestockStack(app, 'Carestock', {
    machineClients: [{ name: 'cardiff-jes', org: 'store:cardiff-jes' }],
    env: { account: '123456789012', region: 'eu-west-2' },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, stack };
}

let template: Template;
let app: App;

beforeAll(() => {
  const synthesised = synthesise();
  app = synthesised.app;
  template = Template.fromStack(synthesised.stack);
});

describe('CarestockStack', () => {
  it('passes cdk-nag AwsSolutions and Serverless with every exception acknowledged', () => {
    // cdk-nag 3 runs as a policy-validation plugin: an unacknowledged finding makes synth throw.
    expect(() => app.synth()).not.toThrow();
  });

  it('passes cdk-nag too without an account, as `npx cdk synth` does on a machine with no AWS credentials', () => {
    const offline = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    new CarestockStack(offline, 'Carestock', { env: { region: 'us-east-1' } });
    Validations.of(offline).addPlugins(new AwsSolutionsChecks(offline), new ServerlessChecks(offline));
    expect(() => offline.synth()).not.toThrow();
  });

  it('has one on-demand table with PITR, deletion protection, TTL and the shared indexes', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDefinition.indexes.map((index) =>
        Match.objectLike({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });

  it('runs every function on Node.js 24, arm64, with tracing', () => {
    // Carestock's own functions: CDK's BucketDeployment handler (Python) and AwsCustomResource provider
    // (which writes the machine clients' memberships), both deploy-time only, are CDK's to choose.
    const functions = Object.fromEntries(
      Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) => !id.startsWith('CustomCDKBucketDeployment') && !id.startsWith('AWS679f53fac002430cb0da5b7982bd2287')),
    );
    expect(Object.keys(functions).length).toBeGreaterThanOrEqual(functionGroups().length);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    }
  });

  it('has one HTTP API route per route-table entry, JWT-authorised with its scope unless public', () => {
    const apiRoutes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(apiRoutes).toHaveLength(routes.length);
    for (const route of routes) {
      const found = apiRoutes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`);
      expect(found, `${route.method} ${route.path}`).toBeDefined();
      if (route.scope) {
        expect(found!.Properties.AuthorizationType).toBe('JWT');
        expect(found!.Properties.AuthorizationScopes).toEqual([route.scope]);
      } else {
        expect(found!.Properties.AuthorizationType).toBe('NONE');
      }
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: Match.objectLike({ Issuer: Match.anyValue() }),
    });
  });

  it('logs access and throttles by default on the API stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() }),
    });
  });

  it('declares every scope on the Cognito resource server', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'carestock',
      Scopes: Match.arrayWith(Object.values(scopes).map((s) => Match.objectLike({ ScopeName: s.split('/')[1] }))),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['client_credentials'],
      GenerateSecret: true,
    });
  });

  it('has a schedule group, an encrypted digest topic and an alerts event bus', () => {
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'Carestock daily shortfall digest',
      KmsMasterKeyId: Match.anyValue(),
    });
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmDescription: Match.stringLikeRegexp('dead-letter') });
  });

  it('grants no function dynamodb:Scan: every read path is a Query or a Get', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const actions = policies.flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat()));
    expect(actions).toContain('dynamodb:Query');
    expect(actions.filter((a: string) => a === 'dynamodb:Scan' || a === 'dynamodb:*')).toEqual([]);
  });

  it('sends a scheduled job whose function failed after retries to the dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('grants read-only functions no write actions, and writers only their table', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const actionsOf = (fnId: string) => {
      const policy = Object.entries(policies).find(([id]) => id.startsWith(`Http${fnId}Role`));
      expect(policy, fnId).toBeDefined();
      return policy![1].Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat());
    };
    const reads = actionsOf('ReadsFunction');
    expect(reads).toContain('dynamodb:GetItem');
    expect(reads).not.toContain('dynamodb:PutItem');
    expect(reads).not.toContain('dynamodb:UpdateItem');
    expect(actionsOf('WritesFunction')).toContain('dynamodb:PutItem');
    expect(actionsOf('PublicFunction').filter((a: string) => a.startsWith('dynamodb:'))).toEqual([]);
  });
});

describe('the store page (S3 + CloudFront)', () => {
  const distributionId = () => Object.keys(template.findResources('AWS::CloudFront::Distribution'))[0]!;
  const pageDomain = () => ({ 'Fn::GetAtt': [distributionId(), 'DomainName'] });

  it('keeps its files in a private, encrypted, SSL-only, access-logged bucket', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    const files = Object.entries(buckets).find(([id]) => id.startsWith('StorePageFiles'));
    expect(files).toBeDefined();
    const [filesId, bucket] = files!;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: expect.stringMatching(/^StorePageLogs/) });
    const policy = Object.values(template.findResources('AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === filesId)!;
    const statements = policy.Properties.PolicyDocument.Statement as { Effect: string; Principal: unknown; Action: unknown; Condition?: Record<string, Record<string, unknown>> }[];
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    // Origin access control: only this distribution may read, by its ARN.
    const read = statements.find((s) => JSON.stringify(s.Principal).includes('cloudfront.amazonaws.com'))!;
    expect(read.Action).toBe('s3:GetObject');
    expect(JSON.stringify(read.Condition)).toContain(distributionId());
  });

  it('serves it through CloudFront with origin access control, HTTPS, a root object and logs', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue(), S3OriginConfig: { OriginAccessIdentity: '' } })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: Match.anyValue() }),
        CacheBehaviors: [Match.objectLike({ PathPattern: 'assets/*', ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: Match.anyValue() })],
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });

  it('sends security headers: CSP without inline script, HSTS, nosniff, no framing, no referrer', () => {
    const policies = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      const security = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      const csp = JSON.stringify(security.ContentSecurityPolicy.ContentSecurityPolicy);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(security.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31_536_000, Override: true });
      expect(security.ContentTypeOptions).toEqual({ Override: true });
      expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
      expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    }
  });

  it('deploys the files with a config.json, and registers the page with Cognito and the API’s CORS', () => {
    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient')).find((c) => c.Properties.AllowedOAuthFlows?.includes('code'))!;
    expect(client.Properties.GenerateSecret).toBeFalsy();
    expect(JSON.stringify(client.Properties.CallbackURLs)).toContain(JSON.stringify(pageDomain()));
    expect(client.Properties.AllowedOAuthScopes).toContain('openid');
    expect(JSON.stringify(client.Properties.AllowedOAuthScopes)).toContain('/read');
    const api = Object.values(template.findResources('AWS::ApiGatewayV2::Api'))[0]!;
    expect(JSON.stringify(api.Properties.CorsConfiguration.AllowOrigins)).toContain(JSON.stringify(pageDomain()));
    expect(api.Properties.CorsConfiguration.ExposeHeaders).toEqual(['content-disposition']);
  });
});
