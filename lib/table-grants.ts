/**
 * Table grants without Scan. CDK's grantReadData / grantReadWriteData include dynamodb:Scan; no
 * Carestock code path scans (the daily job reads the sparse indexes), so IAM forbids it outright:
 * a Scan that slipped into a hot path would fail loudly in the first deploy, not quietly cost money.
 */
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';

export type TableAccess = 'none' | 'read' | 'readwrite';

export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;

export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

export function grantTableAccess(table: ITable, grantee: IGrantable, access: TableAccess): void {
  if (access === 'none') return;
  // Table.grant covers the table and, because it has indexes, its index ARNs.
  table.grant(grantee, ...TABLE_READ_ACTIONS, ...(access === 'readwrite' ? TABLE_WRITE_ACTIONS : []));
}
