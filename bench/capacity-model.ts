/**
 * DynamoDB Local's ConsumedCapacity is right for single-item and batch calls, but not for
 * transactions: it answers the same units for a TransactWriteItems of 1, 2 or 15 Puts (the bench
 * measures and prints this in every run). So transactions are re-estimated here with AWS's
 * published rule — a transactional write costs 2 WCU per started KB of each item (prepare and
 * commit), a ConditionCheck 2 RCU per started 4 KB — from the item sizes actually sent.
 *
 * Index writes are modelled at the standard rate, 1 WCU per started KB per index the item is in,
 * counted twice because the index key usually moves (a count changes the run-out date, so the old
 * index entry is deleted and a new one written): an upper bound when the key does not move.
 */
import { tableDefinition } from '../functions/data/table-definition.ts';
import type { RecordedCall } from './dynamodb-recorder.ts';

type AttributeValue = Record<string, unknown>;

const utf8 = (value: string) => Buffer.byteLength(value, 'utf8');

/** Size of one attribute value by DynamoDB's item-size rules (numbers approximated by their digits). */
export function valueSize(value: AttributeValue): number {
  const [type, inner] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return utf8(String(inner));
    case 'N':
      return Math.ceil(String(inner).replace(/[-.]/g, '').replace(/^0+/, '').length / 2) + 1;
    case 'B':
      return (inner as Uint8Array).byteLength ?? 0;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (inner as string[]).reduce((sum, s) => sum + utf8(s), 0);
    case 'NS':
      return (inner as string[]).reduce((sum, s) => sum + valueSize({ N: s }), 0);
    case 'L':
      return 3 + (inner as AttributeValue[]).reduce((sum, v) => sum + 1 + valueSize(v), 0);
    case 'M':
      return 3 + itemSize(inner as Record<string, AttributeValue>);
    default:
      return 0;
  }
}

export function itemSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

const kilobytes = (bytes: number, unit: number) => Math.max(1, Math.ceil(bytes / unit));

const indexesOf = (item: Record<string, AttributeValue>) =>
  tableDefinition.indexes.filter((index) => index.partitionKey in item && index.sortKey in item).length;

export interface ModelledUnits {
  read: number;
  write: number;
}

/** One TransactWriteItems by the published rule; sizes from the marshalled input as sent. */
export function transactWriteUnits(wireInput: Record<string, unknown>): ModelledUnits {
  const units = { read: 0, write: 0 };
  for (const action of (wireInput.TransactItems ?? []) as Record<string, Record<string, unknown>>[]) {
    if (action.Put) {
      const item = action.Put.Item as Record<string, AttributeValue>;
      const kb = kilobytes(itemSize(item), 1024);
      units.write += 2 * kb + 2 * kb * indexesOf(item);
    } else if (action.ConditionCheck) {
      units.read += 2 * kilobytes(itemSize(action.ConditionCheck.Key as Record<string, AttributeValue>), 4096);
    } else {
      // Update or Delete: the stored item's size is not in the request; assume one KB and one index.
      units.write += 2 + 2;
    }
  }
  return units;
}

/** A call's units: DynamoDB Local's answer, except transactions, which are modelled. */
export function modelledUnits(call: RecordedCall): ModelledUnits {
  if (call.command === 'TransactWriteItemsCommand') return transactWriteUnits(call.wireInput);
  return { read: call.capacity.read, write: call.capacity.write };
}
