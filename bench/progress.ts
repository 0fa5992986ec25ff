/** What the bench prints while it runs: one line per step, and throttled progress for long seeds. */

const started = performance.now();

const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`;

export function say(line: string): void {
  console.log(`[bench ${elapsed()}] ${line}`);
}

export function heading(title: string): void {
  console.log(`\n[bench ${elapsed()}] ── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`);
}

export const thousands = (value: number) => Math.round(value).toLocaleString('en-GB');

/** Reports `done / total` at most every `everyMs`, with the rate since the start. */
export function progressReporter(label: string, total: number, everyMs = 3000) {
  const t0 = performance.now();
  let last = t0;
  let lastDone = -1;
  return {
    update(done: number): void {
      const now = performance.now();
      if (done === lastDone || (now - last < everyMs && done < total)) return;
      last = now;
      lastDone = done;
      const rate = done / Math.max(0.001, (now - t0) / 1000);
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      say(`${label}: ${thousands(done)} / ${thousands(total)} (${percent}%, ${thousands(rate)}/s)`);
    },
    elapsedMs: () => performance.now() - t0,
  };
}
