/**
 * SQL migrations kept in the repository (indexer/db/migrations/NNNN_name.sql), applied in order
 * in one transaction, under an advisory lock so that instances starting together
 * apply each once. `tracuu db migrate` runs them; `serve --db` checks that none is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql } from './connect.ts';
import { begin } from './connect.ts';

const DIR = join(import.meta.dirname, 'migrations');
/** An arbitrary constant: the advisory lock that serialises migrations. */
const LOCK = 7_240_016;

export interface Migration {
  version: string;
  file: string;
  sql: string;
}

export function migrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({ version: file.slice(0, 4), file, sql: readFileSync(join(DIR, file), 'utf8') }));
}

const TABLE = 'CREATE TABLE IF NOT EXISTS tracuu_migrations (version text PRIMARY KEY, file text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())';

/**
 * Applies what is missing, all in one transaction (PostgreSQL's DDL is transactional: a failed
 * migration leaves the database as it was); returns the files applied now.
 */
export async function migrate(sql: Sql): Promise<string[]> {
  return begin(sql, async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${LOCK})`;
    await tx.unsafe(TABLE);
    const have = new Set((await tx<{ version: string }[]>`SELECT version FROM tracuu_migrations`).map((r) => r.version));
    const done: string[] = [];
    for (const m of migrations()) {
      if (have.has(m.version)) continue;
      await tx.unsafe(m.sql);
      await tx`INSERT INTO tracuu_migrations (version, file) VALUES (${m.version}, ${m.file})`;
      done.push(m.file);
    }
    return done;
  });
}

/** Migrations in the repository that the database has not applied. */
export async function pending(sql: Sql): Promise<string[]> {
  const exists = await sql<{ t: string | null }[]>`SELECT to_regclass('tracuu_migrations')::text AS t`;
  const have = exists[0]?.t ? new Set((await sql<{ version: string }[]>`SELECT version FROM tracuu_migrations`).map((r) => r.version)) : new Set<string>();
  return migrations()
    .filter((m) => !have.has(m.version))
    .map((m) => m.file);
}
