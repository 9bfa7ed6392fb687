/**
 * Snippets: the best window of a clause around the matched words, HTML-escaped, with the
 * matches in <mark> — the only markup a snippet ever carries.
 */
import { analyzeToken, fold, tokenize } from 'vietnamese-tokenizer';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
export const escapeHtml = (s: string) => (SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s);

export interface SnippetQuery {
  /** Folded terms to mark. */
  terms: Set<string>;
  /** Folded prefix of the last word, when it is being typed. */
  prefix?: string;
}

/** Keys of `termsAt`: start × LEN + length (a syllable is shorter than LEN). */
const LEN = 1024;

/**
 * Where the query's terms occur in the clause's folded text (one fold of the whole text and
 * an indexOf per term, instead of folding every token: the largest share of a snippet's time).
 * Only when folding keeps every character in its place (Vietnamese NFC text: one letter folds
 * to one letter); otherwise undefined, and each token is folded as before.
 */
function termsAt(text: string, terms: Set<string>): { folded: string; at: Set<number> } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2070 || (c >= 0x300 && c <= 0x36f)) return undefined;
  }
  const folded = fold(text);
  if (folded.length !== text.length) return undefined;
  const at = new Set<number>();
  for (const term of terms) {
    if (!term || term.length >= LEN) continue;
    for (let i = folded.indexOf(term); i >= 0; i = folded.indexOf(term, i + 1)) at.add(i * LEN + term.length);
  }
  return { folded, at };
}

export function snippet(text: string, q: SnippetQuery, max = 260): string {
  // Runs on every hit of every query: flags in a typed array, no per-token arrays or closures.
  const tokens = tokenize(text);
  const n = tokens.length;
  const hit = new Uint8Array(n);
  const prefix = q.prefix && q.prefix.length >= 2 ? q.prefix : undefined;
  const found = termsAt(text, q.terms);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (found && t.kind === 'syllable') {
      // A syllable's folded term is its folded text: look it up among the terms' places.
      const len = t.end - t.start;
      if (found.at.has(t.start * LEN + len) || (prefix !== undefined && len >= prefix.length && found.folded.startsWith(prefix, t.start))) hit[i] = 1;
      continue;
    }
    const f = analyzeToken(t).folded;
    if (q.terms.has(f) || (prefix !== undefined && f.startsWith(prefix))) hit[i] = 1;
  }
  // The window of W tokens with the most matches; runs of matched words (phrases) weigh double.
  const W = 24;
  const weight = (i: number) => (hit[i] ? (hit[i - 1] || hit[i + 1] ? 2 : 1) : 0);
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    count += weight(i);
    if (i >= W) count -= weight(i - W);
    if (count > bestCount) {
      bestCount = count;
      best = Math.max(0, i - W + 1);
    }
  }
  // The window's characters, widened evenly to about `max` (whole tokens).
  const last = Math.min(n - 1, best + W - 1);
  let from = tokens[best]?.start ?? 0;
  let to = tokens[last]?.end ?? text.length;
  if (to - from > max) to = from + max;
  const room = Math.max(0, max - (to - from));
  from = Math.max(0, from - Math.floor(room / 3));
  to = Math.min(text.length, to + room - Math.floor(room / 3));
  if (from > 0) {
    let i = 0;
    while (i < n && tokens[i]!.start < from) i++;
    from = i < n ? tokens[i]!.start : 0;
  }
  if (to < text.length) {
    let i = n - 1;
    while (i >= 0 && tokens[i]!.end > to) i--;
    if (i >= 0) to = tokens[i]!.end;
  }
  let out = from > 0 ? '…' : '';
  let at = from;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (!hit[i] || t.start < from || t.end > to) continue;
    out += escapeHtml(text.slice(at, t.start)) + '<mark>' + escapeHtml(t.text) + '</mark>';
    at = t.end;
  }
  out += escapeHtml(text.slice(at, to));
  if (to < text.length) out += '…';
  return out.replace(/\s+/g, ' ').trim();
}
