/**
 * Issue 14, point 1: "two indexers on one build/ (a manual `tracuu index` while the server
 * rebuilds) delete each other's temporary folder". One indexer owns a build/ at a time: the
 * others wait (saying who holds it) or, with --no-wait, stop and say who holds it; a lock left
 * by a process that died is taken over.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentDir, loadBuild } from '../../indexer/store.ts';
import { cleanup, tempProject, tracuu, waitFor } from '../helpers/server.ts';

let dir: string;
let documents = 0;
beforeAll(async () => {
  dir = tempProject('lock');
  // Enough text that writing a build takes a while: the seeds, twenty times over under other numbers.
  const seeds = ['000_5aebc353f5666171.txt', '003_5d30afc99b18f1f4.txt', '004_074de84935da6dbe.txt'];
  for (let i = 0; i < 20; i++)
    for (const s of seeds) {
      const text = readFileSync(join(dir, 'seeds', s), 'utf8').replace(/(\d{3})-KL\/TW/g, (_m, n: string) => `${Number(n) + 1000 * (i + 1)}-KL/TW`);
      writeFileSync(join(dir, 'corpus', `${i}-${s}`), text);
    }
  const first = await tracuu(['index', 'seeds', 'corpus', '--quiet'], dir).done;
  expect(first.code, first.stderr).toBe(0);
  documents = (await loadBuild((await currentDir(join(dir, 'build')))!)).corpus.documents.size;
  expect(documents).toBeGreaterThan(20);
}, 180_000);
afterAll(() => cleanup(dir));

const lockFile = () => join(dir, 'build', '.lock');

describe('one indexer owns build/ at a time', () => {
  it('three indexers started together all finish, and build/ loads', async () => {
    {
      const runs = await Promise.all([0, 1, 2].map(() => tracuu(['index', 'seeds', 'corpus', '--force', '--quiet'], dir).done));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const cur = await currentDir(join(dir, 'build'));
      expect(cur).not.toBeNull();
      expect((await loadBuild(cur!)).corpus.documents.size).toBe(documents);
    }
  }, 240_000);

  it('an indexer stopped while it owns build/ loses nothing to a second one, which says who holds it (--no-wait) or waits', async () => {
    // Stop the first indexer while it owns build/: the lock holds its pid (checked again once it is
    // stopped: on a loaded machine it may have finished first, then we try again).
    const build = join(dir, 'build');
    const holds = (pid: number) => existsSync(lockFile()) && readFileSync(lockFile(), 'utf8').includes(`"pid":${pid}`);
    let a!: ReturnType<typeof tracuu>;
    let stopped = false;
    for (let attempt = 0; attempt < 3 && !stopped; attempt++) {
      a = tracuu(['index', 'seeds', 'corpus', '--force', '--quiet'], dir);
      let finished = false;
      void a.done.then(() => (finished = true));
      await waitFor(() => finished || holds(a.pid), 120_000, 'the first indexer to take the lock');
      if (finished) continue;
      process.kill(a.pid, 'SIGSTOP');
      if (holds(a.pid)) stopped = true;
      else {
        process.kill(a.pid, 'SIGCONT');
        await a.done;
      }
    }
    expect(stopped, 'the first indexer was stopped while it held the lock').toBe(true);
    try {
      const b = await tracuu(['index', 'seeds', 'corpus', '--force', '--no-wait'], dir).done;
      expect(b.code).not.toBe(0);
      expect(b.stderr).toMatch(new RegExp(`pid ${a.pid}`));
      expect(b.stderr).toContain(hostname());
      const holder = JSON.parse(readFileSync(lockFile(), 'utf8'));
      expect(holder).toMatchObject({ pid: a.pid, host: hostname() });
      expect(Date.parse(holder.started)).toBeGreaterThan(Date.now() - 120_000);

      const c = tracuu(['index', 'seeds', 'corpus', '--force'], dir);
      await waitFor(() => /waiting/i.test(c.output()), 30_000, 'the third indexer to say it waits');
      expect(c.output()).toMatch(new RegExp(`pid ${a.pid}`));
      process.kill(a.pid, 'SIGCONT');
      stopped = false;
      const ra = await a.done;
      expect(ra.code, ra.stderr).toBe(0);
      const rc = await c.done;
      expect(rc.code, rc.stderr).toBe(0);
      expect(existsSync(lockFile())).toBe(false);
      expect((await loadBuild((await currentDir(build))!)).corpus.documents.size).toBe(documents);
    } finally {
      if (stopped) process.kill(a.pid, 'SIGCONT');
      await a.done;
    }
  }, 240_000);

  it('a lock left by a process that died is taken over, and the report says so', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('close', r));
    mkdirSync(join(dir, 'build'), { recursive: true });
    writeFileSync(lockFile(), JSON.stringify({ pid: dead.pid, host: hostname(), started: new Date(Date.now() - 3_600_000).toISOString(), command: 'tracuu index', nonce: 'x' }));
    const r = await tracuu(['index', 'seeds', 'corpus', '--force'], dir).done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(new RegExp(`stale lock.*pid ${dead.pid}`, 'i'));
    expect(existsSync(lockFile())).toBe(false);
  }, 120_000);
});
