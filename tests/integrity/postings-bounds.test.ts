/**
 * Issue 14, point 1: "random bytes in the postings make one query pin the CPU and stall every
 * request". Decoding checks every count, offset and number against the bytes there are, so a
 * damaged index ends in CorruptIndexError (which the server answers with 503 and a rebuild),
 * never in a loop, a crash of another kind, or a stall. The decoding runs in a child process
 * with a deadline, so a stall fails the test instead of hanging it (on the old decoder it did).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/seeds.ts';

it('150 damaged copies of the seeds index: each ends in an answer or CorruptIndexError, none stalls', async () => {
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/run.js'), resolve(ROOT, 'tests/fixtures/damaged-index.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  // A stall detector, not a timing: the run takes 20–45 s here; the old decoder never finished.
  const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
  const [code, signal] = await new Promise<[number | null, string | null]>((done) => child.on('close', (c, s) => done([c, s])));
  clearTimeout(timer);
  expect(signal, 'the decoding stalled and was killed after 170 s').toBeNull();
  expect(code, stderr.slice(-2000)).toBe(0);
  const cases = JSON.parse(stdout) as { kind: string; outcome: string; ms: number }[];
  expect(cases).toHaveLength(150);
  const outcomes = new Set(cases.map((c) => c.outcome));
  for (const o of outcomes) expect(['answered', 'CorruptIndexError']).toContain(o);
  expect(cases.filter((c) => c.outcome === 'CorruptIndexError').length).toBeGreaterThan(40);
}, 200_000);
