/**
 * The one place tracuu talks to PostgreSQL's client library (postgres.js, pinned exactly).
 * A connection string may list several hosts ("postgres://h1,h2/tracuu?target_session_attrs=
 * read-write"): the client then finds the primary, and finds the new one after a failover.
 */
import postgres from 'postgres';

export type Sql = postgres.Sql<Record<string, never>>;
export type TransactionSql = postgres.TransactionSql<Record<string, never>>;

export interface OpenOptions {
  /** Connections in the pool (default 4). */
  max?: number;
}

export function openDatabase(url: string, options: OpenOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 4,
    connect_timeout: 5,
    idle_timeout: 30,
    // NOTICEs ("relation already exists, skipping") are not the user's business.
    onnotice: () => undefined,
    transform: { undefined: null },
  }) as unknown as Sql;
}

/** "postgres://user:secret@host/db" → "postgres://user:***@host/db", for logs and /healthz. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/** Errors a caller can retry: the server is down, restarting, or a failover is under way. */
export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03', '25006'].includes(code);
}
