/**
 * Snippets: the best window of a clause around the matched words, HTML-escaped, with the
 * matches in <mark> — the only markup a snippet ever carries.
 */
import { analyzeToken, tokenize } from '../text/index.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface SnippetQuery {
  /** Folded terms to mark. */
  terms: Set<string>;
  /** Folded prefix of the last word, when it is being typed. */
  prefix?: string;
}

export function snippet(text: string, q: SnippetQuery, max = 260): string {
  const tokens = tokenize(text);
  const hit = tokens.map((t) => {
    const f = analyzeToken(t).folded;
    return q.terms.has(f) || (!!q.prefix && q.prefix.length >= 2 && f.startsWith(q.prefix));
  });
  // The window of ~40 tokens with the most matches.
  const W = 24;
  let best = 0;
  let bestCount = -1;
  let count = 0;
  // Runs of matched words (phrases) weigh double.
  const weight = hit.map((h, i) => (h ? (hit[i - 1] || hit[i + 1] ? 2 : 1) : 0));
  for (let i = 0; i < tokens.length; i++) {
    count += weight[i]!;
    if (i >= W) count -= weight[i - W]!;
    if (count > bestCount) {
      bestCount = count;
      best = Math.max(0, i - W + 1);
    }
  }
  // The window's characters, widened evenly to about `max` (whole tokens).
  const last = Math.min(tokens.length - 1, best + W - 1);
  let from = tokens[best]?.start ?? 0;
  let to = tokens[last]?.end ?? text.length;
  if (to - from > max) to = from + max;
  const room = Math.max(0, max - (to - from));
  from = Math.max(0, from - Math.floor(room / 3));
  to = Math.min(text.length, to + room - Math.floor(room / 3));
  const startTok = tokens.find((t) => t.start >= from);
  from = from === 0 || !startTok ? 0 : startTok.start;
  const endTok = tokens.filter((t) => t.end <= to).at(-1);
  if (endTok && to < text.length) to = endTok.end;
  let out = from > 0 ? '…' : '';
  let at = from;
  tokens.forEach((t, i) => {
    if (t.start < from || t.end > to || !hit[i]) return;
    out += escapeHtml(text.slice(at, t.start)) + '<mark>' + escapeHtml(t.text) + '</mark>';
    at = t.end;
  });
  out += escapeHtml(text.slice(at, to));
  if (to < text.length) out += '…';
  return out.replace(/\s+/g, ' ').trim();
}
