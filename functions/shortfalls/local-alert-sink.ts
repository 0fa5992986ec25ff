/**
 * Alerts on one machine: each event and digest appended as one JSON line to `<DATA_DIR>/alerts.jsonl`
 * (the digest with the text an e-mail subscriber would get) and logged. `npm run job:shortfall`
 * prints the lines a run added.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { logger } from '../observability/logger.ts';
import { EVENT_DETAIL_TYPE, EVENT_SOURCE, type AlertSink } from './alert-sink.ts';
import { digestSubject, digestText, type ShortfallEvent, type StoreDigest } from '../domain/shortfall-digest.ts';

export const ALERTS_FILE = 'alerts.jsonl';

export class LocalAlertSink implements AlertSink {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(resolve(dataDir), ALERTS_FILE);
  }

  async putEvents(events: readonly ShortfallEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.append(events.map((detail) => ({ kind: 'event', source: EVENT_SOURCE, detailType: EVENT_DETAIL_TYPE, detail })));
    for (const event of events) logger.info('ShortfallDetected (local)', { shortfall: event.id, reasons: event.reasons });
  }

  async publishDigest(digest: StoreDigest): Promise<void> {
    await this.append([{ kind: 'digest', subject: digestSubject(digest), digest, text: digestText(digest) }]);
    logger.info('Shortfall digest (local)', { storeId: digest.storeId, date: digest.date, homes: digest.homes.length });
  }

  private async append(lines: readonly unknown[]): Promise<void> {
    await mkdir(join(this.file, '..'), { recursive: true });
    await appendFile(this.file, lines.map((line) => JSON.stringify(line) + '\n').join(''), 'utf8');
  }
}
