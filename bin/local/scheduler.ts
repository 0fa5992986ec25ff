/**
 * Runs the scheduled jobs locally at their wall-clock time in their own time zone, as EventBridge
 * Scheduler would, by invoking the same handler files. Checks once a minute; each job runs at most
 * once per local date.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jobs, type JobDefinition } from '../../functions/jobs.ts';
import { localLambdaContext } from './api-gateway-adapter.ts';

export type JobRunner = (job: JobDefinition, input?: Record<string, unknown>) => Promise<unknown>;

const handlersDirectory = join(import.meta.dirname, '..', '..', 'functions', 'handlers');

export const runJob: JobRunner = async (job, input = {}) => {
  const module = await import(pathToFileURL(join(handlersDirectory, `${job.handler}.ts`)).href);
  // The jobs' functions have a 10-minute timeout (lib/constructs/scheduled-jobs.ts).
  const context = localLambdaContext(job.handler, `local-${job.name}-${Date.now()}`, 10 * 60_000);
  return module.handler({ source: 'carestock.local-scheduler', 'detail-type': 'Scheduled Event', detail: input }, context);
};

export function localParts(date: Date, timeZone: string): { date: string; hour: number; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** Pure: which jobs are due at `now`, given the local date each last ran. */
export function dueJobs(now: Date, lastRunDate: ReadonlyMap<string, string>, list: readonly JobDefinition[] = jobs): JobDefinition[] {
  return list.filter((job) => {
    const local = localParts(now, job.timeZone);
    const reached = local.hour * 60 + local.minute >= job.at.hour * 60 + job.at.minute;
    return reached && lastRunDate.get(job.name) !== local.date;
  });
}

export function startLocalScheduler(log: (line: string) => void, run: JobRunner = runJob): { stop(): void } {
  const lastRun = new Map<string, string>();
  // Jobs whose time has already passed today wait for tomorrow: starting the server is not a schedule.
  for (const job of dueJobs(new Date(), lastRun)) lastRun.set(job.name, localParts(new Date(), job.timeZone).date);
  const tick = async () => {
    for (const job of dueJobs(new Date(), lastRun)) {
      lastRun.set(job.name, localParts(new Date(), job.timeZone).date);
      log(`scheduler: running ${job.name}`);
      try {
        log(`scheduler: ${job.name} finished: ${JSON.stringify(await run(job))}`);
      } catch (error) {
        log(`scheduler: ${job.name} failed: ${(error as Error).message}`);
      }
    }
  };
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
