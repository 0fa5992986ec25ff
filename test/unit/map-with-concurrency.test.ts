import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../functions/concurrency/map-with-concurrency.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapWithConcurrency', () => {
  it('keeps the order of the values, whatever order the calls finish in', async () => {
    const values = [30, 5, 20, 0, 10, 15];
    const results = await mapWithConcurrency(values, 3, async (ms, index) => {
      await tick(ms);
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:0', '4:10', '5:15']);
  });

  it('never has more than `limit` calls in flight, and uses that many', async () => {
    let inFlight = 0;
    let most = 0;
    await mapWithConcurrency(Array.from({ length: 20 }, (_, i) => i), 4, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await tick(i % 3);
      inFlight--;
    });
    expect(most).toBe(4);
    expect(inFlight).toBe(0);
  });

  it('rejects with the first failure, starts nothing after it, and lets the calls in flight settle first', async () => {
    const started: number[] = [];
    let settled = 0;
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5, 6, 7], 2, async (i) => {
      started.push(i);
      await tick(i === 1 ? 1 : 10);
      settled++;
      if (i === 1) throw new Error('boom at 1');
      return i;
    });
    await expect(run).rejects.toThrow('boom at 1');
    // 0 and 1 start together; 1 fails first; 0 was in flight and settles before the rejection.
    expect(started).toEqual([0, 1]);
    expect(settled).toBe(2);
  });

  it('handles no values, a limit above their number, and refuses a limit below 1', async () => {
    expect(await mapWithConcurrency([], 5, async () => 1)).toEqual([]);
    expect(await mapWithConcurrency([1, 2], 10, async (n) => n * 2)).toEqual([2, 4]);
    await expect(mapWithConcurrency([1], 0, async (n) => n)).rejects.toThrow(RangeError);
  });
});
