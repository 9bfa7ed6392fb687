/**
 * The source files in PostgreSQL: the system of record. Every write runs in a transaction that
 * takes the next revision number, records the change, and NOTIFYs `tracuu_changes` with it
 * (delivered to every listening instance when the transaction commits, never before).
 */
import type { Sql, TransactionSql } from './connect.ts';
import { begin } from './connect.ts';

export const CHANNEL = 'tracuu_changes';

/** The corpus folder admin writes go to (as under corpus/ in the files store). */
export const ADMIN_CORPUS = 'corpus';

export interface SourceRow {
  corpus: string;
  name: string;
  sha256: string;
  size: number;
  revision: number;
  updatedAt: Date;
}

type Db = Sql | TransactionSql;

const row = (r: { corpus: string; name: string; sha256: string; size: number; revision: string | number; updated_at: Date }): SourceRow => ({
  corpus: r.corpus,
  name: r.name,
  sha256: r.sha256,
  size: r.size,
  revision: Number(r.revision),
  updatedAt: r.updated_at,
});

export async function currentRevision(db: Db): Promise<number> {
  const [r] = await db<{ revision: string }[]>`SELECT revision FROM tracuu_revision WHERE id = 1`;
  return Number(r?.revision ?? 0);
}

/** The revision, and whether the server is a standby (read replica, in recovery). */
export async function serverState(db: Db): Promise<{ revision: number; standby: boolean }> {
  const [r] = await db<{ revision: string; standby: boolean }[]>`SELECT revision, pg_is_in_recovery() AS standby FROM tracuu_revision WHERE id = 1`;
  return { revision: Number(r?.revision ?? 0), standby: Boolean(r?.standby) };
}

/** Every source (without its bytes) and the revision they are as of, read in one snapshot. */
export async function listSources(sql: Sql): Promise<{ revision: number; sources: SourceRow[] }> {
  return begin(sql, 'ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
    const revision = await currentRevision(tx);
    const rows = await tx<Parameters<typeof row>[0][]>`SELECT corpus, name, sha256, size, revision, updated_at FROM sources ORDER BY corpus, name`;
    return { revision, sources: rows.map(row) };
  });
}

export async function sourceInfo(db: Db, corpus: string, name: string): Promise<SourceRow | null> {
  const [r] = await db<Parameters<typeof row>[0][]>`SELECT corpus, name, sha256, size, revision, updated_at FROM sources WHERE corpus = ${corpus} AND name = ${name}`;
  return r ? row(r) : null;
}

export async function sourceBytes(db: Db, corpus: string, name: string): Promise<Uint8Array | null> {
  const [r] = await db<{ bytes: Uint8Array }[]>`SELECT bytes FROM sources WHERE corpus = ${corpus} AND name = ${name}`;
  return r ? r.bytes : null;
}

/**
 * Locks one source name for the rest of the transaction, whether or not it exists yet: writes
 * to one name from any instance run one after another.
 */
export async function lockName(tx: TransactionSql, corpus: string, name: string): Promise<void> {
  await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`${corpus}/${name}`}, 16))`;
}

/** The next revision, taken inside the transaction (the row lock orders writers). */
async function nextRevision(tx: TransactionSql): Promise<number> {
  const [r] = await tx<{ revision: string }[]>`UPDATE tracuu_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision`;
  return Number(r!.revision);
}

/** Stores a file (new or replacing); returns the revision of the write. Call inside a transaction. */
export async function putSource(tx: TransactionSql, corpus: string, name: string, bytes: Uint8Array, sha256: string): Promise<number> {
  const revision = await nextRevision(tx);
  await tx`
    INSERT INTO sources (corpus, name, sha256, size, bytes, revision)
    VALUES (${corpus}, ${name}, ${sha256}, ${bytes.length}, ${bytes}, ${revision})
    ON CONFLICT (corpus, name) DO UPDATE SET sha256 = EXCLUDED.sha256, size = EXCLUDED.size, bytes = EXCLUDED.bytes, revision = EXCLUDED.revision, updated_at = now()`;
  await tx`INSERT INTO changes (revision, action, corpus, name, sha256) VALUES (${revision}, 'put', ${corpus}, ${name}, ${sha256})`;
  await tx`SELECT pg_notify(${CHANNEL}, ${String(revision)})`;
  return revision;
}

/** Removes a file; returns the revision of the removal, or null when there was none. Call inside a transaction. */
export async function deleteSource(tx: TransactionSql, corpus: string, name: string): Promise<number | null> {
  const gone = await tx`DELETE FROM sources WHERE corpus = ${corpus} AND name = ${name} RETURNING name`;
  if (!gone.length) return null;
  const revision = await nextRevision(tx);
  await tx`INSERT INTO changes (revision, action, corpus, name) VALUES (${revision}, 'delete', ${corpus}, ${name})`;
  await tx`SELECT pg_notify(${CHANNEL}, ${String(revision)})`;
  return revision;
}
