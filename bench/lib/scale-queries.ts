/**
 * 300 distinct queries for `npm run bench:scale`, the same for every corpus size: the fixed
 * list (bench/queries.ts), the same typed without diacritics and half-typed, and phrases of
 * two to six words taken at fixed strides from the VLC texts (a third without diacritics) —
 * deterministic, so runs compare.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QUERIES } from '../queries.ts';

const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

export async function scaleQueries(vlc: string, count = 300): Promise<string[]> {
  const out = new Set<string>();
  const add = (q: string) => out.size < count && q.trim() && out.add(q);
  for (const q of QUERIES) add(q);
  for (const q of QUERIES) add(strip(q));
  for (const q of QUERIES) if (q.length > 6 && !q.includes('"')) add(q.slice(0, -2));
  const files = (await readdir(vlc)).filter((f) => f.endsWith('.txt')).sort();
  const lines: string[] = [];
  for (const f of files) for (const l of (await readFile(join(vlc, f), 'utf8')).normalize('NFC').split('\n')) if (l.trim().split(/\s+/).length >= 8 && !/^(Điều|Chương)\s/.test(l)) lines.push(l);
  // A fixed LCG: the same phrases every run.
  let seed = 20251128;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  while (out.size < count) {
    const words = lines[Math.floor(next() * lines.length)]!.replace(/[^\p{L}\p{N}\s/-]/gu, ' ').trim().split(/\s+/);
    const len = 2 + Math.floor(next() * 5);
    const at = Math.floor(next() * Math.max(1, words.length - len));
    const phrase = words.slice(at, at + len).join(' ').toLowerCase();
    add(out.size % 3 === 0 ? strip(phrase) : phrase);
  }
  return [...out];
}
