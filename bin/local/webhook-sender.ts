/**
 * The webhook sender, in process: the same `sweep` the deployed sender runs every minute
 * (functions/webhooks/sender.ts), here every `intervalMs` (250 ms unless told), so an event written
 * by a transition reaches a local receiver within a few hundred milliseconds. One sweep at a time;
 * a failing sweep (DynamoDB Local stopping) is logged and the next one tried.
 */
import { sweep, type SenderOptions } from '../../functions/webhooks/sender.ts';

export interface LocalWebhookSenderOptions extends SenderOptions {
  intervalMs?: number;
  log?: (line: string) => void;
}

export interface LocalWebhookSender {
  /** Runs one sweep now (tests, and the bench, use it to avoid waiting for the timer). */
  sweepNow(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_SWEEP_INTERVAL_MS = 250;

export function startLocalWebhookSender(options: LocalWebhookSenderOptions = {}): LocalWebhookSender {
  const interval = options.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  let running: Promise<void> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const once = (): Promise<void> => {
    running ??= sweep(options)
      .then(() => undefined)
      .catch((error: unknown) => options.log?.(`webhooks: sweep failed: ${(error as Error).message}`))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => void once().then(loop), interval);
    timer.unref();
  };
  loop();
  return {
    sweepNow: once,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
