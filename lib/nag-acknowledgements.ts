/**
 * cdk-nag findings we accept (AwsSolutions and Serverless packs), each with its reason. Anything
 * not acknowledged here fails synthesis. One file, so a reviewer sees every exception at once.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnTable, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { StorePage } from './constructs/store-page.ts';

export interface NagTargets {
  readonly stack: Stack;
  readonly table: Table;
  readonly deadLetterQueue: IConstruct;
  /** The queue of alerts that could not be delivered: itself a dead-letter queue. */
  readonly undeliveredAlerts?: IConstruct;
  /** The webhook sender's dead-letter queue. */
  readonly webhookDeadLetters?: IConstruct;
  /** The scheduled jobs' functions, which EventBridge Scheduler's role invokes. */
  readonly jobFunctions?: readonly LambdaFunction[];
  readonly publicRoutes: readonly IConstruct[];
  readonly storePage?: StorePage;
  /** Functions invoked synchronously (API Gateway, Cognito): a dead-letter target never applies to them. */
  readonly synchronousFunctions?: readonly IConstruct[];
}

export function applyNagAcknowledgements(targets: NagTargets): void {
  const { stack, table } = targets;
  const tableLogicalId = stack.getLogicalId(table.node.defaultChild as CfnTable);
  Validations.of(stack).acknowledge(
    {
      id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
      reason: 'Functions that Query the table’s global secondary indexes need the index ARNs; the grant is scoped to this one table’s indexes.',
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
    },
    {
      id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      reason: 'Publishing to the KMS-encrypted digest topic (functions with `alerts`): Topic.grantPublish grants kms:GenerateDataKey* on that topic’s own key only.',
    },
    ...(targets.jobFunctions ?? []).map((fn) => ({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn.node.defaultChild as CfnFunction)}.Arn>:*]`,
      reason: 'EventBridge Scheduler’s target role may invoke this one job function, its versions and aliases (the LambdaInvoke target’s grant).',
    })),
  );
  Validations.of(targets.deadLetterQueue).acknowledge(
    {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the scheduled jobs; a DLQ of a DLQ would only move the problem.',
    },
    {
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'This queue is itself the dead-letter queue of the scheduled jobs: nothing consumes it to redrive from; its depth alarms.',
    },
  );
  if (targets.undeliveredAlerts) {
    Validations.of(targets.undeliveredAlerts).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue of the digest rule and the alert email subscriptions.' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'This queue is itself a dead-letter queue: nothing consumes it to redrive from; its depth alarms.' },
    );
  }
  if (targets.webhookDeadLetters) {
    Validations.of(targets.webhookDeadLetters).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue of the webhook sender (its stream batches and sweeps).' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'This queue is itself a dead-letter queue: its depth alarms; the events it names stay on the outbox and the next sweep sends them.' },
    );
  }
  for (const fn of targets.synchronousFunctions ?? []) {
    Validations.of(fn).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: 'Invoked synchronously (API Gateway routes, the Cognito trigger): the caller gets the error, and a dead-letter target applies only to asynchronous invocations. API 5xx and function-error alarms watch them.',
    });
  }
  for (const fn of targets.jobFunctions ?? []) {
    Validations.of(fn).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: 'Scheduled jobs have an on-failure destination instead (the jobs’ dead-letter queue, via EventInvokeConfig), which also records the failed invocation’s context; the schedule has that queue as its own DLQ.',
    });
  }
  if (targets.storePage) acknowledgeStorePage(stack, targets.storePage);
  for (const route of targets.publicRoutes) {
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'Public by design: GET /v1/health (liveness) and GET /v1/openapi.json (the API document integrators read before they have a token).',
    });
  }
}

function acknowledgeStorePage(stack: Stack, page: StorePage): void {
  Validations.of(page.distribution).acknowledge(
    {
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: the distribution serves only the page’s public static files (no data); every figure comes from the API behind its JWT authorizer, and staff may sign in from anywhere.',
    },
    {
      id: 'AwsSolutions-CFR2',
      reason: 'No WAF on the page: static files only, cached at the edge; a web ACL (us-east-1 only, per-request cost) protects nothing the API’s authorizer and throttling do not already.',
    },
    {
      id: 'AwsSolutions-CFR4',
      reason: 'The default *.cloudfront.net certificate, whose TLS policy AWS fixes; minimumProtocolVersion is already TLS 1.2 (2021) and takes effect as soon as a custom domain and ACM certificate are added.',
    },
  );
  const deployment = page.deployment;
  if (!deployment || !page.files) return;
  // BucketDeployment's handler: one CDK-managed singleton function (and role) per stack.
  const handler = deployment.handlerRole.node.scope!;
  const filesLogicalId = stack.getLogicalId(page.bucket.node.defaultChild as CfnBucket);
  Validations.of(handler).acknowledge(
    {
      id: 'Serverless-LambdaDLQ',
      reason: 'CDK’s BucketDeployment handler runs only as a CloudFormation custom resource during a deployment: a failure fails the deployment, visibly.',
    },
    {
      id: 'Serverless-LambdaLatestVersion',
      reason: 'CDK’s BucketDeployment handler (Python): aws-cdk-lib chooses its runtime, and it runs only during deployments.',
    },
    {
      id: 'Serverless-LambdaTracing',
      reason: 'CDK’s BucketDeployment handler runs only during deployments, not on any request path: nothing to trace.',
    },
    {
      id: 'AwsSolutions-L1',
      reason: 'CDK’s BucketDeployment handler (Python, runtime chosen by aws-cdk-lib): it runs only during deployments, to copy the page’s files.',
    },
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'CDK’s BucketDeployment handler role: the basic execution policy lets it write its own logs; the role is not configurable.',
    },
    ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: 'CDK’s BucketDeployment grants: read the page’s asset object, replace the page bucket’s contents (prune deletes files of older builds). Scoped to those two buckets.',
    })),
    {
      id: `AwsSolutions-IAM5[Resource::<${filesLogicalId}.Arn>/*]`,
      reason: 'The deployment replaces every object of the page bucket (and only that bucket).',
    },
    {
      id: `AwsSolutions-IAM5[Resource::${flattenReference(stack.resolve(page.files.bucket.arnForObjects('*')))}]`,
      reason: 'The deployment reads its source object from the CDK asset bucket; CDK grants read on the bucket’s objects.',
    },
  );
}

/** An ARN as cdk-nag names it in a finding id: Fn::Join flattened, Ref and GetAtt as <Name> and <Name.Attr>. */
function flattenReference(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  if (Array.isArray(node['Fn::Join'])) {
    const [delimiter, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map(flattenReference).join(delimiter);
  }
  if (typeof node.Ref === 'string') return `<${node.Ref}>`;
  // An environment-agnostic stack (no account at synth) names the asset bucket with Fn::Sub.
  if (typeof node['Fn::Sub'] === 'string') return (node['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, '<$1>');
  if (Array.isArray(node['Fn::GetAtt'])) return `<${(node['Fn::GetAtt'] as string[]).join('.')}>`;
  return JSON.stringify(value);
}
