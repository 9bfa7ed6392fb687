/**
 * Admin writes with `serve --db`: the file goes to PostgreSQL in one transaction (the name
 * locked, the next revision taken, NOTIFY sent on commit), never to this instance's disk. Every
 * instance — this one included — then indexes the new revision; the answer waits for this
 * instance's own rebuild, so "searchable" is true here when it is said, and the other instances
 * follow within their poll/notify delay.
 */
import { createHash } from 'node:crypto';
import type { AdminStore } from '../../src/server/index.ts';
import { problem } from '../../src/server/problem.ts';
import { begin, isConnectionError, type Sql } from './connect.ts';
import type { Follower } from './follow.ts';
import { ADMIN_CORPUS, deleteSource, lockName, putSource } from './sources.ts';
import type { LiveCorpus } from '../serve/live-corpus.ts';

export interface DatabaseAdminOptions {
  sql: Sql;
  live: LiveCorpus;
  /** The follower's view: writes are refused while the database is unreachable or read-only. */
  follower: () => Follower | undefined;
}

/** A source path in the mirror ("corpus/a.txt") ↔ its row (corpus, name). */
const rowOf = (path: string): { corpus: string; name: string } | undefined => {
  const [corpus, ...rest] = path.split('#')[0]!.split('/');
  return corpus && rest.length ? { corpus, name: rest.join('/') } : undefined;
};

export function createDatabaseAdminStore(o: DatabaseAdminOptions): AdminStore {
  const writable = () => {
    const state = o.follower()?.state();
    if (state?.state === 'unreachable') throw problem(503, `the database is unreachable (${state.lastError ?? 'no answer'}): writes are refused until it is back; searches are still served`, 'database');
    if (state?.readOnly) throw problem(503, 'this instance follows a read replica: send writes to an instance connected to the primary', 'database');
  };
  const write = async <T>(fn: () => Promise<T>): Promise<T> => {
    writable();
    try {
      return await fn();
    } catch (e) {
      if (isConnectionError(e)) throw problem(503, `the database is unreachable (${(e as Error).message}): nothing was written; try again when it is back`, 'database');
      throw e;
    }
  };
  const documentsOf = (path: string) =>
    o.live
      .corpus()
      .artifact.documents.filter((d) => [...d.sources, ...d.reports].some((s) => s.path.split('#')[0] === path))
      .map((d) => d.id);

  return {
    async add({ name, content }) {
      const bytes = new TextEncoder().encode(content);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await write(() =>
        begin(o.sql, async (tx) => {
          await lockName(tx, ADMIN_CORPUS, name);
          return putSource(tx, ADMIN_CORPUS, name, bytes, sha256);
        }),
      );
      // The write committed before this request: the rebuild it starts reads it.
      await o.live.rebuild();
      const path = `${ADMIN_CORPUS}/${name}`;
      return { path, documentIds: documentsOf(path) };
    },
    async remove(docId) {
      const doc = o.live.corpus().documents.get(docId);
      if (!doc) return false;
      const rows = [...doc.sources, ...doc.reports].map((s) => rowOf(s.path)).filter((r) => r !== undefined);
      if (!rows.length) return false;
      const removed = await write(() =>
        begin(o.sql, async (tx) => {
          let any = false;
          for (const r of rows) {
            await lockName(tx, r.corpus, r.name);
            if ((await deleteSource(tx, r.corpus, r.name)) !== null) any = true;
          }
          return any;
        }),
      );
      if (removed) await o.live.rebuild();
      return removed;
    },
  };
}
