/**
 * One indexer owns a build/ at a time. Two writers would prune each other's temporary folders
 * and race to swap `current`; readers need no lock (they open a complete, checksummed version).
 *
 *   const lock = await acquireBuildLock(out, { wait: true, onWait: (h) => log(`waiting for ${describeHolder(h)}`) });
 *   try { …write a version, swap current, prune… } finally { await lock.release(); }
 *
 * The lock is `build/.lock`, created with O_EXCL, holding who took it: pid, host, when, the
 * command, and (on Linux) the boot id and the process's start time. A lock is stale — and taken
 * over, with a note — when its process is gone: same host and (no such pid, or that pid is a
 * later process: another start time, another boot). A lock from another host (a build/ on a
 * shared disk) cannot be checked that way; it is stale when its heartbeat (the file's mtime,
 * touched every 30 s while held) is older than `staleMs` (default 30 minutes: a long build
 * blocks the event loop, so heartbeats can lapse for minutes).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_NAME = '.lock';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  started: string;
  /** What holds it ("tracuu index", "tracuu serve (rebuild)"). */
  command: string;
  /** Linux: /proc/sys/kernel/random/boot_id, and the process's start time in clock ticks since boot. */
  bootId?: string;
  startTicks?: number;
  /** Unique per acquisition: releasing or taking over checks it is still the same lock. */
  nonce: string;
}

export interface BuildLock {
  readonly holder: LockHolder;
  /** When this lock replaced a stale one: who had held it. */
  readonly tookOver?: LockHolder;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Wait for the holder (true: as long as it takes; a number: at most that many ms). Default: don't wait. */
  wait?: boolean | number;
  /** Called when the lock is held by someone else and we start waiting (and again every `remindMs`). */
  onWait?: (holder: LockHolder) => void;
  command?: string;
  staleMs?: number;
  pollMs?: number;
  remindMs?: number;
}

/** The lock is held (and we were told not to wait, or waited long enough). */
export class BuildLockedError extends Error {
  constructor(
    readonly holder: LockHolder | null,
    readonly dir: string,
  ) {
    super(`${dir} is being written by ${holder ? describeHolder(holder) : 'another indexer'}; try again when it has finished${holder ? ` (if that process is gone, remove ${join(dir, LOCK_NAME)})` : ''}`);
    this.name = 'BuildLockedError';
  }
}

export function describeHolder(h: LockHolder): string {
  return `pid ${h.pid} on ${h.host} (${h.command}, since ${h.started})`;
}

const HEARTBEAT_MS = 30_000;

export async function acquireBuildLock(dir: string, options: LockOptions = {}): Promise<BuildLock> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_NAME);
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: options.command ?? 'tracuu index', ...processIdentity(), nonce: randomBytes(8).toString('hex') };
  const deadline = options.wait === true ? Infinity : typeof options.wait === 'number' ? Date.now() + options.wait : 0;
  let tookOver: LockHolder | undefined;
  let told = 0;
  for (;;) {
    try {
      const fh = await open(path, 'wx');
      try {
        await fh.writeFile(JSON.stringify(me));
        await fh.sync();
      } finally {
        await fh.close();
      }
      return held(path, me, tookOver);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const current = await readHolder(path);
    if (current && (await isStale(path, current.holder, current.mtimeMs, options.staleMs ?? 30 * 60_000))) {
      if (await takeOver(path, current.holder)) tookOver = current.holder;
      continue;
    }
    if (Date.now() >= deadline) throw new BuildLockedError(current?.holder ?? null, dir);
    if (current && options.onWait && Date.now() - told >= (options.remindMs ?? 60_000)) {
      told = Date.now();
      options.onWait(current.holder);
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 200));
  }
}

/** Who holds the lock of `dir`, if anyone. */
export async function readBuildLock(dir: string): Promise<LockHolder | null> {
  return (await readHolder(join(dir, LOCK_NAME)))?.holder ?? null;
}

function held(path: string, me: LockHolder, tookOver: LockHolder | undefined): BuildLock {
  const beat = setInterval(() => {
    const now = new Date();
    void utimes(path, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  beat.unref();
  let released = false;
  return {
    holder: me,
    ...(tookOver ? { tookOver } : {}),
    async release() {
      if (released) return;
      released = true;
      clearInterval(beat);
      // Only our own lock: if it was taken over meanwhile (we were presumed dead), leave the new one.
      const current = await readHolder(path);
      if (current?.holder.nonce === me.nonce) await unlink(path).catch(() => undefined);
    },
  };
}

async function readHolder(path: string): Promise<{ holder: LockHolder; mtimeMs: number } | null> {
  try {
    const [text, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    try {
      const holder = JSON.parse(text) as LockHolder;
      if (typeof holder.pid === 'number' && typeof holder.host === 'string') return { holder, mtimeMs: st.mtimeMs };
    } catch {
      // being written right now, or left half-written by a crash: judged by its age below
    }
    return { holder: { pid: 0, host: '?', started: new Date(st.mtimeMs).toISOString(), command: 'unknown (unreadable lock file)', nonce: `unreadable-${st.mtimeMs}` }, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

async function isStale(_path: string, h: LockHolder, mtimeMs: number, staleMs: number): Promise<boolean> {
  // An unreadable lock older than a few seconds was left by a crash between create and write.
  if (h.pid === 0) return Date.now() - mtimeMs > 5_000;
  if (h.host === hostname()) {
    const me = processIdentity();
    if (h.bootId && me.bootId && h.bootId !== me.bootId) return true;
    if (!alive(h.pid)) return true;
    if (h.startTicks !== undefined) {
      const ticks = startTicksOf(h.pid);
      if (ticks !== undefined && ticks !== h.startTicks) return true; // the pid was reused
    }
    return false;
  }
  return Date.now() - mtimeMs > staleMs;
}

/**
 * Removes a stale lock without ever removing a live one: rename it aside (atomic), check it is
 * the one judged stale, then delete it; if a fresh lock was caught instead, put it back.
 */
async function takeOver(path: string, stale: LockHolder): Promise<boolean> {
  const aside = `${path}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return false; // someone else took it over first
  }
  const moved = await readHolder(aside);
  if (moved && moved.holder.nonce !== stale.nonce) {
    await link(aside, path).catch(() => undefined); // fails if a newer lock exists: then that one stands
    await unlink(aside).catch(() => undefined);
    return false;
  }
  await unlink(aside).catch(() => undefined);
  return true;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let identity: { bootId?: string; startTicks?: number } | undefined;
function processIdentity(): { bootId?: string; startTicks?: number } {
  if (identity) return identity;
  identity = {};
  try {
    identity.bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    // not Linux
  }
  const ticks = startTicksOf(process.pid);
  if (ticks !== undefined) identity.startTicks = ticks;
  return identity;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function startTicksOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const n = Number(fields[19]);
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}
