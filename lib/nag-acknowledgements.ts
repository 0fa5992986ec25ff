/**
 * cdk-nag (AwsSolutions) findings we accept, each with its reason. Anything not acknowledged here
 * fails synthesis. One file, so a reviewer sees every exception at once.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnTable, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IConstruct } from 'constructs';

export interface NagTargets {
  readonly stack: Stack;
  readonly table: Table;
  readonly deadLetterQueue: IConstruct;
  readonly publicRoutes: readonly IConstruct[];
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
  );
  Validations.of(targets.deadLetterQueue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself the dead-letter queue of the scheduled jobs; a DLQ of a DLQ would only move the problem.',
  });
  for (const route of targets.publicRoutes) {
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'Public by design: GET /v1/health (liveness) and GET /v1/openapi.json (the API document integrators read before they have a token).',
    });
  }
}
