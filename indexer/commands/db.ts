/**
 * `tracuu db migrate|import|export|status --db postgres://…` (or TRACUU_DATABASE_URL): the
 * PostgreSQL store's housekeeping. See docs/DEPLOY.md.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { command, parse, UsageError } from '../args.ts';
import { createProgress } from '../progress.ts';
import { ensureBuild } from '../store.ts';
import { corpusName, MAX_FILE_BYTES } from '../inputs.ts';
import { writeAtomic } from '../integrity.ts';
import { begin, chooseServer, openDatabase, redactUrl, type Sql } from '../db/connect.ts';
import { migrate, pending } from '../db/migrate.ts';
import { mirrorPath, syncMirror } from '../db/mirror.ts';
import { publishBuild } from '../db/derived.ts';
import { currentRevision, listSources, lockName, putSource, sourceBytes, sourceInfo } from '../db/sources.ts';
import { printSummary } from './index.ts';

const USAGE = `usage: tracuu db <action> [--db postgres://…]

  migrate            create or upgrade the tables (SQL files in indexer/db/migrations/)
  import PATH…       store the files under PATH… as sources (same readers and report as
                     tracuu index); a folder becomes a corpus named after it
  export DIR         write every source back out as DIR/<corpus>/<name>
  status             revision, sources, what was last indexed

The connection string comes from --db or TRACUU_DATABASE_URL. Running instances
(tracuu serve --db) pick up imports within seconds.`;

const SKIP = new Set(['node_modules', '.git', 'build', '.tmp']);

/** Files under a path, as (corpus, name inside it): a folder is a corpus, its files keep their sub-paths. */
async function filesUnder(path: string): Promise<{ abs: string; corpus: string; name: string }[]> {
  const abs = resolve(path);
  const st = await stat(abs).catch(() => null);
  if (!st) throw new UsageError(`no such file or folder: ${path}`);
  if (st.isFile()) return [{ abs, corpus: corpusName(dirname(abs)), name: basename(abs) }];
  const corpus = corpusName(abs);
  const out: { abs: string; corpus: string; name: string }[] = [];
  for (const e of await readdir(abs, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    const rel = relative(abs, file);
    if (rel.split(sep).some((part) => part.startsWith('.') || SKIP.has(part))) continue;
    out.push({ abs: file, corpus, name: rel.split(sep).join('/') });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

async function importPaths(sql: Sql, paths: string[], out: string, quiet: boolean): Promise<number> {
  const files = (await Promise.all(paths.map(filesUnder))).flat();
  const progress = createProgress(process.stderr, quiet);
  let stored = 0;
  let unchanged = 0;
  const tooLarge: string[] = [];
  for (const [i, f] of files.entries()) {
    progress.update('import', i, files.length, `${f.corpus}/${f.name}`);
    const bytes = await readFile(f.abs);
    if (bytes.length > MAX_FILE_BYTES) {
      tooLarge.push(`${f.corpus}/${f.name}`);
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const wrote = await begin(sql, async (tx) => {
      await lockName(tx, f.corpus, f.name);
      const had = await sourceInfo(tx, f.corpus, f.name);
      if (had?.sha256 === sha256) return false;
      await putSource(tx, f.corpus, f.name, bytes, sha256);
      return true;
    });
    if (wrote) stored++;
    else unchanged++;
  }
  progress.done();
  console.error(`tracuu: ${stored} files stored, ${unchanged} unchanged${tooLarge.length ? `, ${tooLarge.length} over ${MAX_FILE_BYTES / 1048576} MB not stored (${tooLarge.join(', ')})` : ''}`);
  // The same readers and report as `tracuu index`: index the database's sources once.
  const mirror = join(out, 'db-mirror');
  const m = await syncMirror(sql, mirror);
  const started = performance.now();
  const indexing = createProgress(process.stderr, quiet);
  const result = await ensureBuild({ paths: m.corpora, cwd: mirror, out, onProgress: (p) => indexing.update(p.phase, p.done, p.total, p.item) });
  indexing.done();
  await publishBuild(sql, m.revision, result.corpus.artifact);
  console.log(printSummary(result.summary, `${result.rebuilt ? `indexed in ${((performance.now() - started) / 1000).toFixed(2)}s` : 'unchanged'}, revision ${m.revision}`, relative(process.cwd(), result.dir) || result.dir));
  return tooLarge.length ? 1 : 0;
}

async function exportTo(sql: Sql, dir: string): Promise<number> {
  const { revision, sources } = await listSources(sql);
  for (const s of sources) {
    const bytes = await sourceBytes(sql, s.corpus, s.name);
    if (!bytes) continue;
    const file = mirrorPath(resolve(dir), s.corpus, s.name);
    await mkdir(dirname(file), { recursive: true });
    await writeAtomic(file, bytes);
  }
  console.log(`tracuu: ${sources.length} sources of revision ${revision} written to ${dir}`);
  return 0;
}

async function status(sql: Sql, url: string): Promise<number> {
  const missing = await pending(sql);
  if (missing.length) {
    console.log(`database ${redactUrl(url)}: migrations not applied: ${missing.join(', ')} (run tracuu db migrate)`);
    return 1;
  }
  const revision = await currentRevision(sql);
  const { sources } = await listSources(sql);
  const [built] = await sql<{ revision: string; built_at: Date }[]>`SELECT revision, built_at FROM build_state WHERE id = 1`;
  const [counts] = await sql<{ documents: string; clauses: string; refs: string }[]>`SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM clauses) AS clauses, (SELECT count(*) FROM refs) AS refs`;
  const corpora = new Map<string, number>();
  for (const s of sources) corpora.set(s.corpus, (corpora.get(s.corpus) ?? 0) + 1);
  console.log(`database ${redactUrl(url)}
revision  ${revision}
sources   ${sources.length} (${[...corpora].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'})
indexed   ${built ? `revision ${built.revision} at ${built.built_at.toISOString()}: ${counts?.documents} documents, ${counts?.clauses} clauses, ${counts?.refs} references` : 'never'}`);
  return 0;
}

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(args, { db: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } }, USAGE);
    if (values.help) return (console.log(USAGE), 0);
    const [action, ...rest] = positionals;
    const url = (values.db as string | undefined) ?? process.env.TRACUU_DATABASE_URL;
    if (!action) throw new UsageError(USAGE);
    if (!url) throw new UsageError(`tracuu db ${action}: no database given (--db postgres://… or TRACUU_DATABASE_URL)\n\n${USAGE}`);
    const sql = openDatabase(url);
    await chooseServer(sql).catch(() => false);
    try {
      switch (action) {
        case 'migrate': {
          const applied = await migrate(sql);
          console.log(applied.length ? `applied ${applied.join(', ')} to ${redactUrl(url)}` : `${redactUrl(url)} is up to date`);
          return 0;
        }
        case 'import': {
          if (!rest.length) throw new UsageError(`tracuu db import: give the files or folders to import\n\n${USAGE}`);
          const missing = await pending(sql);
          if (missing.length) throw new UsageError(`the database lacks migrations ${missing.join(', ')}: run tracuu db migrate first`);
          return await importPaths(sql, rest, resolve((values.out as string | undefined) ?? 'build'), Boolean(values.quiet));
        }
        case 'export':
          if (rest.length !== 1) throw new UsageError(`tracuu db export: give one folder to write to\n\n${USAGE}`);
          return await exportTo(sql, rest[0]!);
        case 'status':
          return await status(sql, url);
        default:
          throw new UsageError(`tracuu db: unknown action "${action}"\n\n${USAGE}`);
      }
    } finally {
      await sql.end({ timeout: 2 });
    }
  });
}
