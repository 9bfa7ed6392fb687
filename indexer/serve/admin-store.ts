/**
 * The files admin store (src/server/admin-store.ts): documents added over HTTP live as files
 * under corpus/. Written to a temporary name, fsynced, then linked (create: fails if the name
 * exists, even against another process) or renamed (replace) into place — never half a file,
 * never outside corpus/. Writes to one name are serialised by a per-name lock; each write asks
 * the live corpus for a rebuild and its job is done when a build that started after the write
 * serves.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Corpus } from '../../src/corpus.ts';
import { type AdminStore, checkName, etagMatches, type Job, JobBook, type SourceInfo, sourceEtag, StoreError, type WriteResult } from '../../src/server/index.ts';
import type { CorpusStatus } from '../../src/server/index.ts';
import type { Manifest } from '../store.ts';

/** What the store needs of the live corpus (LiveCorpus has it; tests may give a stand-in). */
export interface LiveLike {
  corpus(): Corpus;
  /** Asks for a rebuild; the ticket names this request. */
  request(): number;
  /** Resolves once a build started after `ticket` serves. */
  served(ticket: number): Promise<Corpus>;
  status(): CorpusStatus;
  currentManifest?(): Manifest | undefined;
}

export interface FileAdminStoreOptions {
  corpusDir: string;
  /** Paths in documents' sources are relative to this (the server's cwd). */
  cwd: string;
  live: LiveLike;
  now?: () => Date;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

type Outcome = { state: 'done' | 'failed'; documentIds?: string[]; error?: string };

/**
 * Jobs of one store, settled by the live corpus: a write asks for a rebuild (its ticket) and its
 * job settles when a build started after it serves. Shared by the files and PostgreSQL stores.
 */
export function writeTracker(live: LiveLike, now: () => Date = () => new Date()) {
  const jobs = new JobBook(now, `${randomBytes(3).toString('hex')}-`);
  const note = (id: string) => {
    const s = live.status();
    jobs.note(id, s.state === 'failed' ? `the rebuild failed and is retried: ${s.lastError ?? 'no reason given'}` : undefined);
  };
  return {
    /** Call once the write is durable (inside the name's lock, so a later write gets a later ticket). */
    start(kind: Job['kind'], name: string): { job: Job; ticket: number } {
      return { job: jobs.create(kind, name), ticket: live.request() };
    },
    /** Settles the job when its build serves; waits up to `waitMs` for that; returns the job as it is then. */
    async follow(job: Job, ticket: number, settle: (corpus: Corpus) => Outcome, waitMs: number | undefined): Promise<Job> {
      const settled = live.served(ticket).then((corpus) => jobs.finish(job.id, settle(corpus)));
      if (waitMs && waitMs > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([settled, new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
        clearTimeout(timer);
      }
      if (jobs.get(job.id)?.state === 'pending') note(job.id);
      return jobs.get(job.id)!;
    },
    get(id: string): Job | undefined {
      if (jobs.get(id)?.state === 'pending') note(id);
      return jobs.get(id);
    },
  };
}

/** Documents whose source is `path` (as documents name it: "corpus/x.txt"). */
export function documentsFrom(corpus: Corpus, path: string): string[] {
  return corpus.artifact.documents.filter((d) => [...d.sources, ...d.reports].some((s) => s.path.split('#')[0] === path)).map((d) => d.id);
}

/** Why a stored source gave no document: the served build's diagnostics for it. */
export function whyNoDocument(live: LiveLike, path: string): string {
  const diags = (live.currentManifest?.()?.summary.diagnostics ?? live.corpus().artifact.diagnostics).filter((d) => d.file === path && d.severity === 'error');
  return diags.length ? diags.map((d) => `${d.reason} (${d.ruleId})`).join('; ') : 'the indexer found no document in it';
}

/** checkName, as the store's own error (the routes check names first; the store never trusts them). */
export function validName(name: string): string {
  try {
    return checkName(name);
  } catch (e) {
    throw new StoreError('invalid-name', (e as Error).message);
  }
}

export function createFileAdminStore(o: FileAdminStoreOptions): AdminStore {
  const root = resolve(o.corpusDir);
  const tracker = writeTracker(o.live, o.now);
  const locks = new Map<string, Promise<unknown>>();

  const fileOf = (name: string) => {
    const abs = resolve(root, name);
    if (!abs.startsWith(root + sep)) throw new StoreError('invalid-name', 'refusing a path outside corpus/');
    return abs;
  };
  const relPath = (abs: string) => relative(o.cwd, abs).split(sep).join('/');
  const info = (name: string, abs: string, bytes: Uint8Array): SourceInfo => ({ name, path: relPath(abs), etag: sourceEtag(sha256(bytes)), bytes: bytes.length, documentIds: documentsFrom(o.live.corpus(), relPath(abs)) });
  const current = async (name: string): Promise<{ info: SourceInfo; content: Uint8Array } | undefined> => {
    const abs = fileOf(name);
    let content: Buffer;
    try {
      content = await readFile(abs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    return { info: info(name, abs, content), content };
  };

  /** One write at a time per name (within this process; `link` keeps create exclusive across processes). */
  const serial = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const key = name.normalize('NFC');
    const before = locks.get(key) ?? Promise.resolve();
    const run = before.then(f, f);
    const tail = run.catch(() => undefined);
    locks.set(key, tail);
    try {
      return await run;
    } finally {
      if (locks.get(key) === tail) locks.delete(key);
    }
  };

  /** Fsynced temporary file in corpus/ (hidden: the folder walk and the watcher skip dot files). */
  const writeTemp = async (bytes: Uint8Array) => {
    await mkdir(root, { recursive: true });
    const tmp = join(root, `.tmp-${randomBytes(6).toString('hex')}`);
    const fh = await open(tmp, 'wx', 0o644);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return tmp;
  };
  const syncDir = async () => {
    const fh = await open(root, 'r');
    await fh.sync().catch(() => undefined);
    await fh.close();
  };

  return {
    async put(input, options = {}) {
      const name = validName(input.name);
      const abs = fileOf(name);
      const result: { source: SourceInfo; created: boolean; job: Job; ticket: number } = await serial(name, async () => {
        const existing = await current(name);
        if (input.mode === 'create' && existing) throw new StoreError('conflict', `"${name}" exists (${existing.info.documentIds.length ? `documents ${existing.info.documentIds.join(', ')}` : 'no document indexed from it'})`, existing.info);
        if (input.ifMatch !== undefined) {
          if (!existing) throw new StoreError('precondition-failed', `"${name}" does not exist, so If-Match cannot match`);
          if (!etagMatches(input.ifMatch, existing.info.etag)) throw new StoreError('precondition-failed', `"${name}" has changed: its ETag is ${existing.info.etag}, not ${input.ifMatch}`, existing.info);
        }
        const tmp = await writeTemp(input.bytes);
        try {
          if (input.mode === 'create') {
            // link() fails with EEXIST if the name appeared meanwhile (another process): create stays exclusive.
            try {
              await link(tmp, abs);
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
                const now = await current(name);
                throw new StoreError('conflict', `"${name}" exists`, now?.info);
              }
              if ((e as NodeJS.ErrnoException).code === 'ENAMETOOLONG') throw new StoreError('invalid-name', `"${name}" is too long for the file system`);
              throw e;
            }
            await unlink(tmp);
          } else {
            try {
              await rename(tmp, abs);
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code === 'ENAMETOOLONG') throw new StoreError('invalid-name', `"${name}" is too long for the file system`);
              throw e;
            }
          }
        } finally {
          await unlink(tmp).catch(() => undefined);
        }
        await syncDir();
        return { source: info(name, abs, input.bytes), created: !existing, ...tracker.start('put', name) };
      });
      const path = relPath(abs);
      const job = await tracker.follow(
        result.job,
        result.ticket,
        (corpus) => {
          const ids = documentsFrom(corpus, path);
          return ids.length ? { state: 'done', documentIds: ids } : { state: 'failed', error: whyNoDocument(o.live, path) };
        },
        options.waitMs,
      );
      const out: WriteResult = { source: { ...result.source, documentIds: job.documentIds ?? result.source.documentIds }, created: result.created, job };
      return out;
    },

    async remove(target, options = {}) {
      let name: string;
      if ('docId' in target) {
        const doc = o.live.corpus().documents.get(target.docId);
        if (!doc) throw new StoreError('not-found', `no document "${target.docId}"`);
        const files = [...doc.sources, ...doc.reports].map((s) => resolve(o.cwd, s.path.split('#')[0]!)).filter((f) => f.startsWith(root + sep) && !relative(root, f).includes(sep));
        if (!files.length) throw new StoreError('not-found', `"${target.docId}" does not come from a file under corpus/`);
        name = relative(root, files[0]!);
      } else name = validName(target.name);
      const abs = fileOf(name);
      const r = await serial(name, async () => {
        const existing = await current(name);
        if (!existing) throw new StoreError('not-found', `no source "${name}"`);
        if (options.ifMatch !== undefined && !etagMatches(options.ifMatch, existing.info.etag)) throw new StoreError('precondition-failed', `"${name}" has changed: its ETag is ${existing.info.etag}, not ${options.ifMatch}`, existing.info);
        await unlink(abs);
        await syncDir();
        return { source: existing.info, ...tracker.start('remove', name) };
      });
      // Done once a build after the removal serves (if the name was written again meanwhile, that write is what is served).
      const job = await tracker.follow(r.job, r.ticket, () => ({ state: 'done' }), options.waitMs);
      return { source: r.source, job };
    },

    async source(name) {
      const n = validName(name);
      const c = await current(n);
      return c ? { ...c.info, content: c.content } : undefined;
    },

    async job(id) {
      return tracker.get(id);
    },
  };
}

/** Kept for callers of the old signature. */
export function createAdminStore(corpusDir: string, live: LiveLike, cwd: string): AdminStore {
  return createFileAdminStore({ corpusDir, live, cwd });
}
