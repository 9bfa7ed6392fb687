/**
 * Issue 14, point 1: "nothing is fsynced before the rename, so a power cut can leave the same
 * damage". A power cut cannot be staged in a test; the order of the system calls that make a
 * build survive one can be watched: every file of a build is fsynced before the rename that
 * publishes it, the directory that receives a new name is fsynced after the rename, and
 * `current` is swapped only after all of that.
 */
import fsp from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuild } from '../../indexer/store.ts';
import { ROOT } from '../helpers/seeds.ts';

type Op = [op: 'fsync' | 'rename', path: string, to?: string];
const trace: Op[] = [];
const out = mkdtempSync(join(tmpdir(), 'tracuu-durable-'));
const restore: (() => void)[] = [];

beforeAll(async () => {
  const paths = new Map<number, string>();
  const open = fsp.open;
  const rename = fsp.rename;
  fsp.open = (async (path: Parameters<typeof open>[0], ...rest: unknown[]) => {
    const fh = await (open as (...a: unknown[]) => ReturnType<typeof open>)(path, ...rest);
    paths.set(fh.fd, resolve(String(path)));
    return fh;
  }) as typeof open;
  fsp.rename = (async (from: string, to: string) => {
    trace.push(['rename', resolve(String(from)), resolve(String(to))]);
    return rename(from, to);
  }) as typeof rename;
  const probe = await open(join(out, '.probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void>; datasync: () => Promise<void> };
  await probe.close();
  await fsp.rm(join(out, '.probe'));
  const sync = proto.sync;
  const datasync = proto.datasync;
  proto.sync = function (this: { fd: number }) {
    trace.push(['fsync', paths.get(this.fd) ?? `fd ${this.fd}`]);
    return sync.call(this);
  };
  proto.datasync = function (this: { fd: number }) {
    trace.push(['fsync', paths.get(this.fd) ?? `fd ${this.fd}`]);
    return datasync.call(this);
  };
  syncBuiltinESMExports();
  restore.push(() => {
    fsp.open = open;
    fsp.rename = rename;
    proto.sync = sync;
    proto.datasync = datasync;
    syncBuiltinESMExports();
  });
  await ensureBuild({ paths: [resolve(ROOT, 'seeds')], out, force: true });
});
afterAll(() => {
  for (const r of restore) r();
  rmSync(out, { recursive: true, force: true });
});

const at = (pred: (op: Op) => boolean) => trace.findIndex(pred);

it('every file of the build is fsynced, then its folder, before the rename that publishes it', () => {
  const publish = at(([op, , to]) => op === 'rename' && basename(to ?? '').startsWith('v-'));
  expect(publish, 'the version folder is renamed into place').toBeGreaterThanOrEqual(0);
  const tmp = trace[publish]![1];
  for (const name of ['corpus.json', 'search.bin', 'manifest.json']) {
    const synced = at(([op, path]) => op === 'fsync' && path === join(tmp, name));
    expect(synced, `${name} fsynced`).toBeGreaterThanOrEqual(0);
    expect(synced, `${name} fsynced before the folder is published`).toBeLessThan(publish);
  }
  const folder = at(([op, path]) => op === 'fsync' && path === tmp);
  expect(folder, 'the temporary folder fsynced (its entries)').toBeGreaterThanOrEqual(0);
  expect(folder).toBeLessThan(publish);
});

it('build/ is fsynced after the version is renamed into it, and again after current is swapped', () => {
  const publish = at(([op, , to]) => op === 'rename' && basename(to ?? '').startsWith('v-'));
  const swap = at(([op, , to]) => op === 'rename' && to === join(out, 'current'));
  expect(swap).toBeGreaterThan(publish);
  const syncedOut = trace.map((op, i) => (op[0] === 'fsync' && op[1] === out ? i : -1)).filter((i) => i >= 0);
  expect(syncedOut.some((i) => i > publish && i < swap), 'build/ fsynced between publishing and swapping').toBe(true);
  expect(syncedOut.some((i) => i > swap), 'build/ fsynced after the swap').toBe(true);
});
