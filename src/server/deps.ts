/**
 * What the server needs from the outside world. `createApp(deps)` takes these, so tests
 * pass a fixed corpus and the CLI passes a live one that swaps on reindex.
 */
import type { Context } from 'hono';
import type { Corpus } from '../corpus.ts';
import type { DatabaseHealth, IntegrityEvent } from '../model.ts';

export interface CorpusStatus {
  state: 'ready' | 'rebuilding' | 'failed';
  /** Why the last rebuild failed; the last good corpus keeps serving. */
  lastError?: string;
  lastBuildAt?: string;
  /** Damage found in build/ (and what was done), newest last. */
  integrity?: IntegrityEvent[];
  /** Failed rebuilds in a row (0 or absent once one succeeds), and when the next attempt runs. */
  failures?: number;
  nextRetryAt?: string;
  /** With a database store: how this instance sees it. */
  database?: DatabaseHealth;
}

export type { AdminStore } from './admin-store.ts';
import type { AdminStore } from './admin-store.ts';

export interface ServerConfig {
  /** Origins allowed to call the API and load the widget from another site (TRACUU_CORS_ORIGINS). */
  corsOrigins: string[];
  /** Bearer token for POST/DELETE /api/documents (TRACUU_ADMIN_TOKEN); without it those routes are off. */
  adminToken?: string;
  /** When set, the read API also needs this bearer token (TRACUU_READ_TOKEN). */
  readToken?: string;
  /** Requests per minute per client for the API; 0 or absent: no limit. */
  rateLimitPerMinute?: number;
  /** Max body bytes for admin writes (default 5 MB); refused while streaming. */
  maxBodyBytes?: number;
  /** Max body bytes for POST /api/resolve (default 2 MiB, above 200,000 characters in any encoding). */
  resolveMaxBodyBytes?: number;
  /** How long an admin write waits for its rebuild before answering 202 instead of 201/204 (default 5 s). */
  adminWaitMs?: number;
}

export interface Asset {
  body: string | Uint8Array;
  type: string;
}

export interface AppDeps {
  corpus(): Corpus;
  status?(): CorpusStatus;
  admin?: AdminStore;
  config: ServerConfig;
  /** Static files of the web app, by path under web/ ("index.html", "assets/app.js"). */
  assets?: { get(path: string): Asset | undefined };
  /** Who is asking, for the rate limit (the socket address; tests pass a header). */
  clientKey?(c: Context): string;
  log?(line: string): void;
  /** The clock, at the edge: "today" for overdue tasks. Without it, callers pass asOf. */
  now?(): Date;
  /** The loaded index failed while decoding (CorruptIndexError): refuse it and rebuild. */
  damaged?(e: Error): void;
  /** The originals kept with the build, by sha256 (indexer/sources.ts); without it, downloads answer 404. */
  sources?: { get(sha256: string): Promise<Uint8Array | undefined> };
}
