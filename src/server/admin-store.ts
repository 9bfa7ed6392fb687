/**
 * The admin store: where documents added over HTTP are kept, and how a write becomes
 * searchable. The routes (routes/admin.ts) speak only this interface; two stores implement it:
 * files under corpus/ (indexer/serve/admin-store.ts) and PostgreSQL (indexer/db/). One contract
 * suite holds both to the same behaviour (tests/contracts/admin-store.ts).
 *
 * Semantics (issue 14, point 2–3):
 *  - `put` with mode 'create' on a name that exists fails with StoreError('conflict') carrying
 *    the existing source (its ETag and documents). 'replace' overwrites, and with `ifMatch`
 *    only when the current source has that ETag ('precondition-failed' otherwise).
 *  - Writes to one name are serialised: of two concurrent creates, one wins, one conflicts.
 *  - Every write returns a Job. It is 'done' once the index being served reflects the write
 *    (the document searchable, or no longer served), 'failed' when it never will (the file gave
 *    no document: the reason says why), 'pending' until then. `waitMs` waits that long for it.
 *
 * Additive changes only from here on (the PostgreSQL store implements this too).
 */

export type PutMode = 'create' | 'replace';

export interface PutInput {
  /** A file name already checked by `checkName` (NFC, printable, ≤ 255 UTF-8 bytes, known extension). */
  name: string;
  bytes: Uint8Array;
  mode: PutMode;
  /** Replace only if the current source has this ETag (HTTP If-Match; "*" = whatever exists). */
  ifMatch?: string;
  metadata?: Record<string, string>;
}

export interface WriteOptions {
  /** Wait up to this long for the job to finish before answering (0: answer at once). */
  waitMs?: number;
}

export interface SourceInfo {
  name: string;
  /** As documents name their sources ("corpus/ket-luan-230.txt"). */
  path: string;
  /** Strong HTTP ETag of the bytes, quoted: `"sha256-<hex>"` (sourceEtag). */
  etag: string;
  bytes: number;
  /** Documents the served index has from this source (empty until it is indexed). */
  documentIds: string[];
}

export type JobState = 'pending' | 'done' | 'failed';

export interface Job {
  id: string;
  kind: 'put' | 'remove';
  /** The source written or removed. */
  name: string;
  state: JobState;
  /** put, done: the documents now searchable from the source. */
  documentIds?: string[];
  /** failed: why; pending: why the rebuild it waits for has failed so far (retried). */
  error?: string;
  createdAt: string;
  finishedAt?: string;
}

export interface WriteResult {
  /** put: the source as written; remove: the source that was removed. */
  source: SourceInfo;
  /** put: true when the name was new. */
  created?: boolean;
  job: Job;
}

export type RemoveTarget = { docId: string } | { name: string };

export interface AdminStore {
  put(input: PutInput, options?: WriteOptions): Promise<WriteResult>;
  /** Removes the source of a document (or a source by name); 'not-found' when there is none it may remove. */
  remove(target: RemoveTarget, options?: WriteOptions & { ifMatch?: string }): Promise<WriteResult>;
  /** A source with its bytes, or undefined. */
  source(name: string): Promise<(SourceInfo & { content: Uint8Array }) | undefined>;
  job(id: string): Promise<Job | undefined>;
}

export type StoreErrorCode = 'conflict' | 'precondition-failed' | 'not-found' | 'too-large' | 'invalid-name' | 'unavailable';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** conflict / precondition-failed: the source as it is. */
    readonly existing?: SourceInfo,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** The HTTP status a StoreError answers. */
export const STORE_ERROR_STATUS: Record<StoreErrorCode, 400 | 404 | 409 | 412 | 413 | 503> = {
  conflict: 409,
  'precondition-failed': 412,
  'not-found': 404,
  'too-large': 413,
  'invalid-name': 400,
  unavailable: 503,
};

/** ETag of a source from the sha256 (hex) of its bytes. */
export const sourceEtag = (sha256Hex: string): string => `"sha256-${sha256Hex}"`;

/** Does an If-Match header value match this ETag? ("*", a list, weak tags compared weakly are refused: RFC 9110 uses strong comparison). */
export function etagMatches(header: string, etag: string): boolean {
  const h = header.trim();
  if (h === '*') return true;
  return h.split(',').some((t) => t.trim() === etag);
}

/**
 * The jobs of one server process: kept in memory, the newest 1,000. Stores create them and
 * settle them; `GET /api/jobs/:id` reads them. Pure: the clock is given.
 */
export class JobBook {
  private jobs = new Map<string, Job>();
  private next = 0;
  constructor(
    private readonly now: () => Date,
    private readonly prefix = '',
    private readonly max = 1000,
  ) {}

  create(kind: Job['kind'], name: string): Job {
    const id = `${this.prefix}${(++this.next).toString(36)}`;
    const job: Job = { id, kind, name, state: 'pending', createdAt: this.now().toISOString() };
    this.jobs.set(id, job);
    if (this.jobs.size > this.max) this.jobs.delete(this.jobs.keys().next().value!);
    return job;
  }

  finish(id: string, outcome: { state: 'done' | 'failed'; documentIds?: string[]; error?: string }): void {
    const job = this.jobs.get(id);
    if (!job || job.state !== 'pending') return;
    job.state = outcome.state;
    if (outcome.documentIds) job.documentIds = outcome.documentIds;
    if (outcome.error) job.error = outcome.error;
    else delete job.error;
    job.finishedAt = this.now().toISOString();
  }

  /** A pending job's latest trouble (the rebuild it waits for failed; it is retried). */
  note(id: string, error: string | undefined): void {
    const job = this.jobs.get(id);
    if (!job || job.state !== 'pending') return;
    if (error) job.error = error;
    else delete job.error;
  }

  get(id: string): Job | undefined {
    const job = this.jobs.get(id);
    return job ? { ...job, ...(job.documentIds ? { documentIds: [...job.documentIds] } : {}) } : undefined;
  }
}
