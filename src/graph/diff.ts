/**
 * Word-level diff for clause lineage. Words are compared on a normal form (NFC, tone marks in
 * one placement, no numbering label, collapsed spaces) so that formatting noise — "uỷ"/"ủy",
 * "[3]"/"(i)", line breaks — is not reported as a change.
 */
import type { DiffPart } from '../model.ts';
import { canonicalTones, fold } from 'vietnamese-tokenizer';

export function words(text: string): string[] {
  return text
    .replace(/^\s*(?:\[\d+\]|\(\w{1,4}\)|\d{1,3}\.|[a-zđ]\))\s*/u, '')
    .split(/\s+/u)
    .filter(Boolean);
}

const key = (w: string) => canonicalTones(w.toLowerCase().replace(/[.,;:!?…"“”()]+$/u, '').replace(/^[("“]+/u, ''));

/** LCS diff over words; O(n·m) with n, m capped (clauses are short; the cap keeps it bounded). */
export function diffWords(older: string, newer: string, cap = 600): DiffPart[] {
  const a = words(older).slice(0, cap);
  const b = words(newer).slice(0, cap);
  const ka = a.map(key);
  const kb = b.map(key);
  const n = a.length;
  const m = b.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = ka[i] === kb[j] ? dp[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], w: string) => {
    const last = parts.at(-1);
    if (last && last.op === op) last.text += ' ' + w;
    else parts.push({ op, text: w });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j]) {
      push('equal', b[j]!);
      i++;
      j++;
    } else if (dp[(i + 1) * (m + 1) + j]! >= dp[i * (m + 1) + j + 1]!) push('delete', a[i++]!);
    else push('insert', b[j++]!);
  }
  while (i < n) push('delete', a[i++]!);
  while (j < m) push('insert', b[j++]!);
  return parts;
}

/** Folded syllable pairs of a text, for similarity. */
export function pairs(text: string): Set<string> {
  const w = words(text).map((x) => fold(key(x))).filter((x) => /\p{L}|\d/u.test(x));
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

/** Dice coefficient of two pair sets. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Overlap coefficient: shared / smaller. For titles, where one restates part of the other. */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}
