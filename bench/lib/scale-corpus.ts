/**
 * The N× corpora of `npm run bench:scale`: the VLC laws copied N times, each copy renumbered
 * so that nothing merges — every `số/năm/ký hiệu` number N/YYYY/… in copy k (k ≥ 2) becomes
 * (N + 1000·(k−1))/YYYY/…, so a copy's citations resolve within the copy, and file names get
 * a `--kNN` suffix (documents without a number take their id from the file name).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const NUMBER = /(?<![\d/])(\d{1,3})\/(\d{4})\//g;

/** The text of copy `k` (1-based) of a VLC file. */
export function renumber(text: string, k: number): string {
  return k === 1 ? text : text.replace(NUMBER, (_m, n: string, y: string) => `${Number(n) + 1000 * (k - 1)}/${y}/`);
}

export function copyName(file: string, k: number): string {
  return file.replace(/\.txt$/, `--k${String(k).padStart(2, '0')}.txt`);
}

/** Writes the N× corpus into `dir/vlc/` (kept when it is already complete). Returns the folder. */
export async function makeScaledCorpus(vlc: string, dir: string, n: number): Promise<string> {
  const out = join(dir, 'vlc');
  const done = join(dir, '.complete');
  if (existsSync(done)) return out;
  await rm(dir, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const files = (await readdir(vlc)).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) {
    const text = await readFile(join(vlc, f), 'utf8');
    for (let k = 1; k <= n; k++) await writeFile(join(out, copyName(f, k)), renumber(text, k));
  }
  await writeFile(done, `${n}\n`);
  return out;
}
