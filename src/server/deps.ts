/**
 * What the server needs from the outside world. `createApp(deps)` takes these, so tests
 * pass a fixed corpus and the CLI passes a live one that swaps on reindex.
 */
import type { Corpus } from '../corpus.ts';

export interface CorpusStatus {
  state: 'ready' | 'rebuilding' | 'failed';
  /** Why the last rebuild failed; the last good corpus keeps serving. */
  lastError?: string;
  lastBuildAt?: string;
}

export interface AddDocumentInput {
  /** File name to store under corpus/ (validated: no paths). */
  name: string;
  content: string;
  metadata?: Record<string, string>;
}

export interface AdminStore {
  add(input: AddDocumentInput): Promise<{ path: string; documentIds: string[] }>;
  remove(docId: string): Promise<boolean>;
}

export interface ServerConfig {
  corsOrigins: string[];
  adminToken?: string;
  readToken?: string;
  /** Requests per minute per client for the read API. */
  rateLimitPerMinute?: number;
  /** Max body bytes for POST endpoints. */
  maxBodyBytes?: number;
}

export interface AppDeps {
  corpus(): Corpus;
  status?(): CorpusStatus;
  admin?: AdminStore;
  config: ServerConfig;
  log?(line: string): void;
}
