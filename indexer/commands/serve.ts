/**
 * `tracuu serve [paths…] [--port N] [--host H] [--watch|--no-watch]`: index (reusing build/
 * when nothing changed), then serve the API and the web app. `npm start` runs it with
 * --watch: files added to corpus/ are indexed in the background and swapped in.
 */
import { SOURCES_DIR, sourceStore } from '../sources.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { command, intOption, parse, UsageError } from '../args.ts';
import { createProgress, type Progress } from '../progress.ts';
import { currentDir, ensureBuild, loadBuild, DEFAULT_OUT, type Manifest, type Repair } from '../store.ts';
import type { Corpus } from '../../src/corpus.ts';
import { DEFAULT_PATHS } from '../inputs.ts';
import { type AdminStore, createApp } from '../../src/server/index.ts';
import { loadAssets } from '../serve/assets.ts';
import { LiveCorpus } from '../serve/live-corpus.ts';
import { createFileAdminStore } from '../serve/admin-store.ts';
import { openDatabaseStore } from '../db/database-store.ts';
import { createDatabaseAdminStore } from '../db/admin-store.ts';
import { startIndexDaemon } from '../serve/index-daemon.ts';

const USAGE = `usage: tracuu serve [paths…] [--port N] [--host H] [--watch] [--out DIR] [--quiet]
       tracuu serve --db postgres://… [--port N] [--host H] [--out DIR]

Indexes the paths (default: seeds/ and corpus/; an unchanged build/ is reused) and serves
the API and the web app on http://localhost:3000.

Environment: PORT, HOST, TRACUU_CORS_ORIGINS (comma-separated origins allowed to embed the
widget and call the API), TRACUU_ADMIN_TOKEN (enables POST/DELETE /api/documents),
TRACUU_READ_TOKEN (puts the read API behind a token), TRACUU_RATE_LIMIT (requests per
minute per client, default 600; 0 turns it off), TRACUU_DATABASE_URL (as --db).

With --db, PostgreSQL is the system of record (see docs/DEPLOY.md): any number of instances
on one database each serve their own index, follow each other's writes, and keep answering
if the database goes away. Create its tables first: tracuu db migrate --db postgres://….`;

export interface StartOptions {
  paths?: string[];
  port?: number;
  host?: string;
  out?: string;
  cwd?: string;
  watch?: boolean;
  quiet?: boolean;
  corsOrigins?: string[];
  adminToken?: string;
  readToken?: string;
  rateLimitPerMinute?: number;
  /** The clock for "today" (overdue tasks); tests fix it. */
  now?: () => Date;
  log?: (line: string) => void;
  /** Back-off of failed background rebuilds (tests shorten it). */
  retry?: { baseMs?: number; maxMs?: number };
  /** PostgreSQL connection string: the database is the system of record (`--db`, TRACUU_DATABASE_URL). */
  db?: string;
  /** How long an admin write waits for its rebuild before answering 202 (default 5 s; tests set 0). */
  adminWaitMs?: number;
  /** Body limit of admin writes in bytes (default 5 MB). */
  maxBodyBytes?: number;
}

export interface Started {
  url: string;
  port: number;
  live: LiveCorpus;
  /** The admin store behind POST/PUT/DELETE /api/documents (files, or the database with --db). */
  admin: AdminStore;
  close(): Promise<void>;
}

/** Starts the server (port 0 picks a free one). Used by the command, the browser tests and the screenshots. */
export async function startServer(o: StartOptions = {}): Promise<Started> {
  const log = o.log ?? ((line: string) => console.log(line));
  const progress = createProgress(process.stderr, Boolean(o.quiet));
  const started = performance.now();
  // With a database, the sources are its mirror under the build folder, indexed from there.
  const db = o.db ? await openDatabaseStore(o.db, resolve(o.cwd ?? process.cwd(), o.out ?? DEFAULT_OUT)) : undefined;
  if (db) o = { ...o, paths: db.paths, cwd: db.mirror, out: resolve(o.cwd ?? process.cwd(), o.out ?? DEFAULT_OUT) };
  const cwd = o.cwd ?? process.cwd();
  const out = o.out ?? DEFAULT_OUT;
  const built = await initialBuild(o, out, cwd, log, progress).catch(async (e) => {
    await db?.close();
    throw e;
  });
  progress.done();
  // With a database, writes through any instance must be searchable everywhere within seconds:
  // a warm indexer process instead of a new one per rebuild.
  const daemon = db ? startIndexDaemon() : undefined;
  const paths = db ? db.paths : ((built.failed && o.paths?.length ? o.paths : built.manifest?.paths) ?? DEFAULT_PATHS.filter((p) => existsSync(resolve(cwd, p))));
  const live = new LiveCorpus(built.corpus, { paths, out, cwd, log, ...(o.retry ? { retry: o.retry } : {}), ...(db && daemon ? { prepare: db.prepare, onServed: (c: Corpus) => db.publish(c, log), runIndexer: daemon.run } : {}) }, { ...(built.manifest ? { manifest: built.manifest } : {}), integrity: built.repairs, ...(built.failed ? { failed: built.failed } : {}) });
  if (built.failed) live.request();
  const follower = db?.follow(() => live.request(), log);
  if (db && !built.failed) db.publish(built.corpus, log);
  const corpusDir = resolve(cwd, 'corpus');
  const admin = db ? createDatabaseAdminStore({ sql: db.sql, live, follower: () => follower }) : createFileAdminStore({ corpusDir, live, cwd });
  const app = createApp({
    corpus: () => live.corpus(),
    status: () => (follower ? { ...live.status(), database: follower.state() } : live.status()),
    config: {
      corsOrigins: o.corsOrigins ?? [],
      ...(o.adminToken ? { adminToken: o.adminToken } : {}),
      ...(o.readToken ? { readToken: o.readToken } : {}),
      rateLimitPerMinute: o.rateLimitPerMinute ?? 600,
      ...(o.adminWaitMs !== undefined ? { adminWaitMs: o.adminWaitMs } : {}),
      ...(o.maxBodyBytes !== undefined ? { maxBodyBytes: o.maxBodyBytes } : {}),
    },
    admin,
    assets: loadAssets(),
    now: o.now ?? (() => new Date()),
    clientKey: (c) => {
      try {
        return getConnInfo(c).remote.address ?? 'local';
      } catch {
        return 'local';
      }
    },
    // Request log on stdout (method, path, status, time); errors with their stack on stderr.
    log: o.quiet ? (line) => (line.startsWith('error') ? console.error(line) : undefined) : (line) => (line.startsWith('error') ? console.error(line) : console.log(`${new Date().toISOString()} ${line}`)),
    damaged: (e) => live.damaged(e),
    // The originals kept with the build (content-addressed, shared by every version).
    sources: sourceStore(resolve(cwd, out, SOURCES_DIR)),
  });
  if (o.watch && !db) live.watch([...new Set([...paths.map((p) => resolve(cwd, p)), corpusDir])].filter((p) => existsSync(p)));
  const server: ServerType = await new Promise((ready, fail) => {
    const s = serve({ fetch: app.fetch, port: o.port ?? 3000, hostname: o.host ?? '0.0.0.0' }, () => ready(s));
    s.once('error', (e: NodeJS.ErrnoException) => {
      live.close();
      fail(
        new Error(
          e.code === 'EADDRINUSE'
            ? `port ${o.port ?? 3000} is already in use: stop the other server, or choose another port (PORT=3001 npm start, or tracuu serve --port 3001)`
            : e.code === 'EACCES'
              ? `no permission to listen on port ${o.port ?? 3000}: choose a port above 1024`
              : `cannot listen on ${o.host ?? '0.0.0.0'}:${o.port ?? 3000}: ${e.message}`,
        ),
      );
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (o.port ?? 3000);
  const url = `http://localhost:${port}`;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const summary = built.manifest?.summary;
  log(
    `tracuu: serving ${summary?.documents ?? built.corpus.documents.size} documents, ${summary?.clauses ?? built.corpus.clauses.size} clauses, ${summary?.references ?? built.corpus.artifact.references.length} references on ${url} (${built.failed ? `the last good index from build/: indexing failed (${built.failed}); retrying in the background` : built.rebuilt ? `indexed in ${seconds} s` : `index reused from build/, ready in ${seconds} s`})`,
  );
  return {
    url,
    port,
    live,
    admin,
    close: () =>
      new Promise<void>((done) => {
        live.close();
        daemon?.close();
        server.close(() => void (db ? db.close().then(done, done) : done()));
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

interface InitialBuild {
  corpus: Corpus;
  manifest?: Manifest;
  rebuilt: boolean;
  repairs: Repair[];
  /** Indexing failed: this is the last good build, served while the rebuild is retried. */
  failed?: string;
}

/**
 * Index before serving. When indexing fails but build/ holds a good (checked) index, serve that
 * and retry in the background rather than refuse to start: one bad day of the corpus must not
 * take the search away.
 */
async function initialBuild(o: StartOptions, out: string, cwd: string, log: (line: string) => void, progress: Progress): Promise<InitialBuild> {
  try {
    const built = await ensureBuild({ paths: o.paths ?? [], out, cwd, command: 'tracuu serve', onProgress: (p) => progress.update(p.phase, p.done, p.total, p.item), onNotice: (line) => (progress.done(), log(line)) });
    return { corpus: built.corpus, manifest: built.manifest, rebuilt: built.rebuilt, repairs: built.repairs };
  } catch (e) {
    const dir = await currentDir(resolve(cwd, out));
    if (!dir) throw e;
    try {
      const last = await loadBuild(dir);
      return { corpus: last.corpus, manifest: last.manifest, rebuilt: false, repairs: [], failed: (e as Error).message };
    } catch {
      throw e;
    }
  }
}

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(args, { port: { type: 'string' }, host: { type: 'string' }, watch: { type: 'boolean' }, 'no-watch': { type: 'boolean' }, out: { type: 'string' }, quiet: { type: 'boolean' }, db: { type: 'string' } }, USAGE);
    if (values.help) return (console.log(USAGE), 0);
    const env = process.env;
    const db = (values.db as string | undefined) ?? env.TRACUU_DATABASE_URL;
    if (db && positionals.length) throw new UsageError(`with --db the documents come from the database: import folders with \`tracuu db import PATH…\`, not as arguments\n\n${USAGE}`);
    const started = await startServer({
      paths: positionals.length ? positionals : DEFAULT_PATHS.filter((p) => existsSync(p)),
      port: intOption(values.port ?? env.PORT, 'port', 0, 65535, 3000),
      host: (values.host as string | undefined) ?? env.HOST ?? '0.0.0.0',
      ...(values.out ? { out: values.out as string } : {}),
      ...(db ? { db } : {}),
      watch: Boolean(values.watch) && !values['no-watch'],
      quiet: Boolean(values.quiet),
      corsOrigins: (env.TRACUU_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      ...(env.TRACUU_ADMIN_TOKEN ? { adminToken: env.TRACUU_ADMIN_TOKEN } : {}),
      ...(env.TRACUU_READ_TOKEN ? { readToken: env.TRACUU_READ_TOKEN } : {}),
      rateLimitPerMinute: intOption(env.TRACUU_RATE_LIMIT, 'TRACUU_RATE_LIMIT', 0, 10_000_000, 600),
    });
    if (db) console.log('tracuu: following the database — changes made through any instance are indexed in the background');
    else if (values.watch) console.log('tracuu: watching corpus/ — new or changed files are indexed in the background');
    await new Promise<void>((done) => {
      const stop = () => void started.close().then(done);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  });
}
