/** The local scheduler fires each job at its wall-clock time in its own zone, once per local date, as EventBridge Scheduler does. */
import { describe, expect, it } from 'vitest';
import { dueJobs, localParts } from '../../bin/local/scheduler.ts';
import type { JobDefinition } from '../../functions/jobs.ts';

const shortfall: JobDefinition = {
  name: 'ShortfallScan', handler: 'run-shortfall-scan-job', at: { hour: 7, minute: 0 }, timeZone: 'Europe/London', table: 'readwrite', description: 'test',
};

describe('local scheduler', () => {
  it('reads the local date and time in the job’s zone, across the clock change', () => {
    expect(localParts(new Date('2026-01-15T07:00:00Z'), 'Europe/London')).toEqual({ date: '2026-01-15', hour: 7, minute: 0 }); // GMT
    expect(localParts(new Date('2026-07-15T06:00:00Z'), 'Europe/London')).toEqual({ date: '2026-07-15', hour: 7, minute: 0 }); // BST
  });

  it('is due from 07:00 London time, in winter and in summer, and not before', () => {
    const none = new Map<string, string>();
    expect(dueJobs(new Date('2026-01-15T06:59:00Z'), none, [shortfall])).toEqual([]);
    expect(dueJobs(new Date('2026-01-15T07:00:00Z'), none, [shortfall])).toEqual([shortfall]);
    expect(dueJobs(new Date('2026-07-15T05:59:00Z'), none, [shortfall])).toEqual([]);
    expect(dueJobs(new Date('2026-07-15T06:00:00Z'), none, [shortfall])).toEqual([shortfall]);
  });

  it('runs a job once per local date', () => {
    const ranToday = new Map([['ShortfallScan', '2026-01-15']]);
    expect(dueJobs(new Date('2026-01-15T09:00:00Z'), ranToday, [shortfall])).toEqual([]);
    expect(dueJobs(new Date('2026-01-16T07:01:00Z'), ranToday, [shortfall])).toEqual([shortfall]);
  });
});
