/**
 * The originals, kept with the build: every input file's bytes under build/sources/, named by
 * their sha256 (`ab/abcdef…`). Content-addressed, so a file is written once however many builds
 * and copies name it, a rebuild copies nothing it already has, and what is served is checked
 * against its name before it leaves.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './integrity.ts';

export const SOURCES_DIR = 'sources';

export function sourcePath(dir: string, sha256: string): string {
  return join(dir, sha256.slice(0, 2), sha256);
}

/** Is a file of that hash and size kept already? */
export async function hasSource(dir: string, sha256: string, size: number): Promise<boolean> {
  return (await stat(sourcePath(dir, sha256)).catch(() => undefined))?.size === size;
}

/** Stores the bytes unless a file of that hash is already there. */
export async function storeSource(dir: string, sha256: string, bytes: Uint8Array): Promise<void> {
  const path = sourcePath(dir, sha256);
  const seen = await stat(path).catch(() => undefined);
  if (seen?.size === bytes.length) return;
  await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
  await writeAtomic(path, bytes);
}

/** The server's view: bytes by hash, or undefined when absent or not what the hash says (never damaged bytes). */
export function sourceStore(dir: string): { get(sha256: string): Promise<Uint8Array | undefined> } {
  return {
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
      const bytes = await readFile(sourcePath(dir, sha256)).catch(() => undefined);
      if (!bytes || createHash('sha256').update(bytes).digest('hex') !== sha256) return undefined;
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}
