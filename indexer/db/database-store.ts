/**
 * `tracuu serve --db URL`: PostgreSQL is the system of record; this instance mirrors its
 * sources, indexes them in a child process like the files store does, follows changes
 * (LISTEN/NOTIFY + poll) and keeps serving its last index when the database is away.
 */
import { mkdir } from 'node:fs/promises';
import type { Corpus } from '../../src/corpus.ts';
import { join } from 'node:path';
import { chooseServer, openDatabase, redactUrl, type Sql } from './connect.ts';
import { publishBuild } from './derived.ts';
import { followChanges, type Follower } from './follow.ts';
import { syncMirror } from './mirror.ts';
import { pending } from './migrate.ts';
import { ADMIN_CORPUS } from './sources.ts';

export interface DatabaseStore {
  sql: Sql;
  url: string;
  /** The instance's mirror of the sources: the indexer's working directory. */
  mirror: string;
  /** Corpus folders to index, relative to the mirror. */
  paths: string[];
  /** The revision the mirror holds now. */
  revision: number;
  /** Syncs the mirror before a rebuild; gives the folders to index. */
  prepare(): Promise<{ paths: string[] }>;
  /** Writes a served build back (documents, clauses, references, statuses), in the background. */
  publish(corpus: Corpus, log: (line: string) => void): void;
  /** Starts following the database; `onChange` asks for a rebuild. */
  follow(onChange: () => void, log: (line: string) => void): Follower;
  close(): Promise<void>;
}

/** Opens the database, checks its schema and fills the mirror (under the build folder `out`). */
export async function openDatabaseStore(url: string, out: string): Promise<DatabaseStore> {
  const sql = openDatabase(url);
  try {
    // Several hosts: start on the primary (writes go there).
    await chooseServer(sql).catch(() => false);
    const missing = await pending(sql);
    if (missing.length) throw new Error(`the database ${redactUrl(url)} lacks migrations ${missing.join(', ')}: run \`npx tracuu db migrate --db …\` first`);
  } catch (e) {
    await sql.end({ timeout: 1 });
    const code = (e as { code?: string }).code;
    throw code && !/^\d/.test(code) ? new Error(`cannot reach the database ${redactUrl(url)}: ${(e as Error).message}`) : e;
  }
  const mirror = join(out, 'db-mirror');
  // Admin writes go to corpus/ inside the mirror, which exists even before the first one.
  await mkdir(join(mirror, ADMIN_CORPUS), { recursive: true });
  let follower: Follower | undefined;
  let prepared = 0;
  let publishing = Promise.resolve();
  const sync = async () => {
    const m = await syncMirror(sql, mirror);
    prepared = m.revision;
    const paths = [...new Set([...m.corpora, ADMIN_CORPUS])].sort();
    return { revision: m.revision, paths };
  };
  const first = await sync();
  return {
    sql,
    url,
    mirror,
    paths: first.paths,
    revision: first.revision,
    prepare: async () => ({ paths: (await sync()).paths }),
    publish(corpus, log) {
      const revision = prepared;
      follower?.served(revision);
      publishing = publishing
        .then(() => publishBuild(sql, revision, corpus.artifact))
        .then(
          (wrote) => void (wrote && log(`tracuu: wrote the index of revision ${revision} back to the database`)),
          // A read replica cannot take it: the primary's instances write it.
          (e) => void ((e as { code?: string }).code !== '25006' && log(`tracuu: could not write the index back to the database (it is written by the next build): ${(e as Error).message}`)),
        );
    },
    follow(onChange, log) {
      follower = followChanges(sql, { url, onChange, log });
      follower.served(first.revision);
      return follower;
    },
    async close() {
      await follower?.close();
      await publishing;
      await sql.end({ timeout: 2 });
    },
  };
}
