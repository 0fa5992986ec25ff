/**
 * The asOf of a job run on demand (POST /v1/jobs/…): now by default. A future instant is refused:
 * shortfall records dated ahead would pre-empt that day's run, and a plan would start from a day
 * not yet begun.
 */
import { isInFuture, type StockRules } from '../domain/stock-rules.ts';
import { badRequest } from '../http/problem.ts';
import { stockRules } from '../stock/stock-config.ts';
import { t } from '../i18n/messages.ts';

export function requestedAsOf(asOf: string | undefined, now: Date, rules: StockRules = stockRules): Date {
  if (asOf === undefined) return now;
  if (isInFuture(asOf, now, rules)) {
    throw badRequest(t('stock.asOfFuture'), [{ in: 'body', path: '/asOf', message: t('stock.asOfFuture.field', { now: now.toISOString() }) }]);
  }
  return new Date(asOf);
}
