/**
 * Each instance keeps a mirror of the database's source files on its own disk
 * (`<build>/db-mirror/<corpus>/<name>`) and indexes it with the same readers, segmenter and
 * resolver as the files store — so the same Document, Clause and Reference come out, with the
 * same source paths ("corpus/kl-230.txt"). A sync fetches only what changed (by sha256) and
 * removes what is gone; files are written durably (temporary, fsync, rename).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeAtomic } from '../integrity.ts';
import type { Sql } from './connect.ts';
import { listSources, sourceBytes } from './sources.ts';

const STATE = '.mirror.json';

export interface MirrorSync {
  revision: number;
  /** Corpus folders present, as paths for the indexer (relative to the mirror). */
  corpora: string[];
  written: number;
  removed: number;
}

/** A path segment a file system takes and that stays inside the mirror. */
function safePart(part: string): boolean {
  return part !== '' && part !== '.' && part !== '..' && !part.startsWith('.') && !/[\\\0]/.test(part);
}

export function mirrorPath(root: string, corpus: string, name: string): string {
  const parts = [corpus, ...name.split('/')];
  if (!parts.every(safePart)) throw new Error(`refusing a source name that is not a plain path: ${corpus}/${name}`);
  const abs = resolve(root, ...parts);
  if (!abs.startsWith(resolve(root) + sep)) throw new Error(`refusing a path outside the mirror: ${corpus}/${name}`);
  return abs;
}

export async function syncMirror(sql: Sql, root: string): Promise<MirrorSync> {
  await mkdir(root, { recursive: true });
  const statePath = join(root, STATE);
  const had: Record<string, string> = existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as Record<string, string>) : {};
  const { revision, sources } = await listSources(sql);
  const now: Record<string, string> = {};
  let written = 0;
  for (const s of sources) {
    const abs = mirrorPath(root, s.corpus, s.name);
    const key = relative(root, abs);
    now[key] = s.sha256;
    if (had[key] === s.sha256 && existsSync(abs)) continue;
    const bytes = await sourceBytes(sql, s.corpus, s.name);
    if (!bytes) continue; // removed since the listing: the next sync removes it here too
    await mkdir(dirname(abs), { recursive: true });
    await writeAtomic(abs, bytes);
    written++;
  }
  let removed = 0;
  for (const key of Object.keys(had)) {
    if (key in now) continue;
    await rm(join(root, key), { force: true });
    removed++;
    // Empty folders left behind would still be given to the indexer.
    for (let d = dirname(join(root, key)); d.startsWith(resolve(root) + sep); d = dirname(d)) {
      if ((await readdir(d).catch(() => ['?'])).length) break;
      await rmdir(d).catch(() => undefined);
    }
  }
  await writeAtomic(statePath, new TextEncoder().encode(JSON.stringify(now)));
  const corpora = [...new Set(sources.map((s) => s.corpus))].sort();
  return { revision, corpora, written, removed };
}
