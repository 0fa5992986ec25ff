/**
 * `npm start` stops whole: SIGTERM or SIGINT sent to npm's own process (not the process group, as
 * `kill <pid>` or a supervisor does) leaves no process of the system running — not the node
 * server, not DynamoDB Local's Java. Runs the real `npm start`, in its own process group, and
 * lists that group with `ps` before and after.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

interface Running {
  npm: ChildProcess;
  /** Resolves when every process holding npm's stdout and stderr has closed them. */
  closed: Promise<void>;
  dataDir: string;
  output: () => string;
}

/** Live members of a process group: pid and command, zombies (already exited) left out. */
function groupMembers(pgid: number): { pid: number; command: string }[] {
  let listing = '';
  try {
    listing = execFileSync('ps', ['-o', 'pid=,stat=,args=', '-g', String(pgid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when the group is empty
  }
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && !match[2]!.startsWith('Z'))
    .map((match) => ({ pid: Number(match[1]), command: match[3]! }));
}

async function startNpm(): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'carestock-start-'));
  const npm = spawn('npm', ['start', '--', '--in-memory', '--no-seed', '--port', '0', '--data-dir', dataDir], {
    detached: true, // its own process group, so the test can list everything it started
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: undefined },
  });
  const closed = new Promise<void>((resolve) => npm.once('close', () => resolve()));
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 150_000;
  while (!output.includes('API ready')) {
    if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { npm, closed, dataDir, output: () => output };
}

async function waitUntilGone(pgid: number, within: number) {
  const deadline = Date.now() + within;
  let members = groupMembers(pgid);
  while (members.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    members = groupMembers(pgid);
  }
  return members;
}

let running: Running | undefined;
afterEach(() => {
  if (!running) return;
  try {
    process.kill(-running.npm.pid!, 'SIGKILL'); // whatever a failed test left behind
  } catch {
    // already gone
  }
  rmSync(running.dataDir, { recursive: true, force: true });
  running = undefined;
});

describe('npm start stops every process it started', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal} to npm's pid: the server and DynamoDB Local's Java exit`, { timeout: 200_000 }, async () => {
      running = await startNpm();
      const pgid = running.npm.pid!;
      const before = groupMembers(pgid);
      expect(before.some((p) => p.command.startsWith('java'))).toBe(true);
      expect(before.some((p) => p.command.includes('bin/local.ts'))).toBe(true);

      process.kill(pgid, signal); // npm's own pid only, as `kill <pid>` does
      const left = await waitUntilGone(pgid, 30_000);

      expect(left, running.output()).toEqual([]);
      await running.closed; // the last of the output read, not still in the pipe
      // npm forwards the signal and exits at once: the server may notice either first.
      expect(running.output()).toMatch(new RegExp(`(${signal}|npm exited): stopping the API and DynamoDB Local`));
    });
  }
});
