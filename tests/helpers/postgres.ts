/**
 * A private PostgreSQL cluster per test file: initdb into a temporary folder, a free port on
 * 127.0.0.1, stopped and started at will (the tests stop the database under running
 * instances). Debian's postgresql-15 binaries are used (`.ci/run` installs them); without them
 * the tests skip with a message, except under CI=true, where that is a failure. As root (CI),
 * the server runs as the `postgres` user: PostgreSQL refuses to run as root.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';

export const PG_BIN = process.env.TRACUU_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const hasPostgres = existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
const asRoot = process.getuid?.() === 0;

export function describePostgres(name: string, fn: () => void): void {
  if (hasPostgres) describe(name, fn);
  else if (process.env.CI === 'true')
    describe(name, () => {
      throw new Error(`PostgreSQL binaries missing at ${PG_BIN} (required under CI=true; apt-get install postgresql-15)`);
    });
  else describe.skip(`${name} — skipped: PostgreSQL not found at ${PG_BIN} (apt-get install postgresql-15, or set TRACUU_PG_BIN)`, fn);
}

export interface Cluster {
  /** postgres://… of the cluster's `tracuu` database. */
  url: string;
  port: number;
  dir: string;
  /** Runs a PostgreSQL binary (pg_dump, pg_basebackup, psql, …) as the cluster's owner. */
  run(bin: string, args: string[]): string;
  start(): void;
  stop(): void;
  destroy(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function runAsOwner(bin: string, args: string[], cwd?: string): string {
  const exe = join(PG_BIN, bin);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  return execFileSync(cmd as string, argv as string[], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
}

/**
 * A streaming replica of `primary` (pg_basebackup -R: a hot standby that follows its WAL),
 * on its own port. Promote it with `promote()`.
 */
export async function startReplica(primary: Cluster): Promise<Cluster & { promote(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tracuu-pg-replica-'));
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  runAsOwner('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', join(dir, 'data'), '-R', '-X', 'stream', '-c', 'fast'], dir);
  const replica = await startCluster({ dir, initdb: false });
  return { ...replica, promote: () => void runAsOwner('pg_ctl', ['-D', join(dir, 'data'), '-w', '-t', '60', 'promote'], dir) };
}

/** A new cluster with a `tracuu` database (trust authentication on 127.0.0.1 only). */
export async function startCluster(options: { dir?: string; port?: number; initdb?: boolean } = {}): Promise<Cluster> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'tracuu-pg-'));
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const data = join(dir, 'data');
  const port = options.port ?? (await freePort());
  if (options.initdb !== false) runAsOwner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions'], dir);
  const start = () => {
    runAsOwner('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c wal_level=replica -c max_wal_senders=4 -c hot_standby=on`, 'start'], dir);
  };
  const stop = () => {
    try {
      runAsOwner('pg_ctl', ['-D', data, '-w', '-t', '60', '-m', 'fast', 'stop'], dir);
    } catch {
      /* already stopped */
    }
  };
  start();
  if (options.initdb !== false) runAsOwner('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'tracuu'], dir);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/tracuu`,
    port,
    dir,
    run: (bin, args) => runAsOwner(bin, args, dir),
    start,
    stop,
    destroy() {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
