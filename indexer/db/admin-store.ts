/**
 * Admin writes with `serve --db`: the file goes to PostgreSQL in one transaction (the name
 * locked, the next revision taken, NOTIFY sent on commit), never to this instance's disk. Every
 * instance — this one included — then indexes the new revision; the answer waits for this
 * instance's own rebuild, so "searchable" is true here when it is said, and the other instances
 * follow within their poll/notify delay.
 */
import { createHash } from 'node:crypto';
import { type AdminStore, etagMatches, type SourceInfo, sourceEtag, StoreError } from '../../src/server/index.ts';
import { begin, isConnectionError, type Sql } from './connect.ts';
import type { Follower } from './follow.ts';
import { ADMIN_CORPUS, deleteSource, lockName, putSource, sourceBytes, sourceInfo } from './sources.ts';
import type { LiveCorpus } from '../serve/live-corpus.ts';
import { documentsFrom, validName, whyNoDocument, writeTracker } from '../serve/admin-store.ts';

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

// Ported to the AdminStore interface of src/server/admin-store.ts by i14 (issue 14): create /
// replace / If-Match checked under the name's advisory lock, jobs settled by this instance's rebuild.
export function createDatabaseAdminStore(o: DatabaseAdminOptions): AdminStore {
  const tracker = writeTracker(o.live);
  const writable = () => {
    const state = o.follower()?.state();
    if (state?.state === 'unreachable') throw new StoreError('unavailable', `the database is unreachable (${state.lastError ?? 'no answer'}): writes are refused until it is back; searches are still served`);
    if (state?.readOnly) throw new StoreError('unavailable', 'this instance follows a read replica: send writes to an instance connected to the primary');
  };
  const write = async <T>(fn: () => Promise<T>): Promise<T> => {
    writable();
    try {
      return await fn();
    } catch (e) {
      if (isConnectionError(e)) throw new StoreError('unavailable', `the database is unreachable (${(e as Error).message}): nothing was written; try again when it is back`);
      throw e;
    }
  };
  const info = (corpus: string, name: string, sha256: string, size: number): SourceInfo => {
    const path = `${corpus}/${name}`;
    return { name, path, etag: sourceEtag(sha256), bytes: size, documentIds: documentsFrom(o.live.corpus(), path) };
  };

  return {
    async put(input, options = {}) {
      const name = validName(input.name);
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      const r = await write(() =>
        begin(o.sql, async (tx) => {
          await lockName(tx, ADMIN_CORPUS, name);
          const existing = await sourceInfo(tx, ADMIN_CORPUS, name);
          const was = existing ? info(ADMIN_CORPUS, name, existing.sha256, existing.size) : undefined;
          if (input.mode === 'create' && was) throw new StoreError('conflict', `"${name}" exists (${was.documentIds.length ? `documents ${was.documentIds.join(', ')}` : 'no document indexed from it'})`, was);
          if (input.ifMatch !== undefined) {
            if (!was) throw new StoreError('precondition-failed', `"${name}" does not exist, so If-Match cannot match`);
            if (!etagMatches(input.ifMatch, was.etag)) throw new StoreError('precondition-failed', `"${name}" has changed: its ETag is ${was.etag}, not ${input.ifMatch}`, was);
          }
          await putSource(tx, ADMIN_CORPUS, name, input.bytes, sha256);
          return { created: !was };
        }),
      );
      // The write committed before this request: the rebuild it starts reads it.
      const started = tracker.start('put', name);
      const path = `${ADMIN_CORPUS}/${name}`;
      const job = await tracker.follow(
        started.job,
        started.ticket,
        (corpus) => {
          const ids = documentsFrom(corpus, path);
          return ids.length ? { state: 'done', documentIds: ids } : { state: 'failed', error: whyNoDocument(o.live, path) };
        },
        options.waitMs,
      );
      return { source: { ...info(ADMIN_CORPUS, name, sha256, input.bytes.length), ...(job.documentIds ? { documentIds: job.documentIds } : {}) }, created: r.created, job };
    },

    async remove(target, options = {}) {
      let rows: { corpus: string; name: string }[];
      if ('docId' in target) {
        const doc = o.live.corpus().documents.get(target.docId);
        if (!doc) throw new StoreError('not-found', `no document "${target.docId}"`);
        // As with the files store, only what admins wrote (corpus/) is removed over HTTP; imported
        // folders are managed with `tracuu db import`.
        rows = [...doc.sources, ...doc.reports].map((s) => rowOf(s.path)).filter((r): r is { corpus: string; name: string } => r !== undefined && r.corpus === ADMIN_CORPUS);
      } else rows = [{ corpus: ADMIN_CORPUS, name: validName(target.name) }];
      if (!rows.length) throw new StoreError('not-found', 'docId' in target ? `"${target.docId}" does not come from a source written through the API (corpus/); only those can be removed` : 'no source in the database');
      const removed = await write(() =>
        begin(o.sql, async (tx) => {
          let first: SourceInfo | undefined;
          for (const r of rows) {
            await lockName(tx, r.corpus, r.name);
            const existing = await sourceInfo(tx, r.corpus, r.name);
            if (!existing) continue;
            const was = info(r.corpus, r.name, existing.sha256, existing.size);
            if (options.ifMatch !== undefined && !etagMatches(options.ifMatch, was.etag)) throw new StoreError('precondition-failed', `"${r.name}" has changed: its ETag is ${was.etag}, not ${options.ifMatch}`, was);
            if ((await deleteSource(tx, r.corpus, r.name)) !== null) first ??= was;
          }
          return first;
        }),
      );
      if (!removed) throw new StoreError('not-found', 'docId' in target ? `"${target.docId}" has no source in the database` : `no source "${rows[0]!.name}"`);
      const started = tracker.start('remove', removed.name);
      const job = await tracker.follow(started.job, started.ticket, () => ({ state: 'done' }), options.waitMs);
      return { source: removed, job };
    },

    async source(name) {
      const n = validName(name);
      const row = await sourceInfo(o.sql, ADMIN_CORPUS, n);
      if (!row) return undefined;
      const content = await sourceBytes(o.sql, ADMIN_CORPUS, n);
      if (!content) return undefined;
      return { ...info(ADMIN_CORPUS, n, row.sha256, row.size), content };
    },

    async job(id) {
      return tracker.get(id);
    },
  };
}
