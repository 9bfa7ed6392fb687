/**
 * Snippets find the query's terms in one fold of the clause text (src/search/snippet.ts)
 * instead of folding every token: the output must be the one folding every token gives. The
 * reference below is that earlier per-token version; every clause of the seeds (and, with the
 * external corpus, of five VLC laws) is compared on typed and finished queries, with and without
 * diacritics, old and new tone placement, numbers and identifiers.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { analyzeToken, tokenize } from 'vietnamese-tokenizer';
import { analyze } from '../src/search/analyze.ts';
import { escapeHtml, snippet, type SnippetQuery } from '../src/search/snippet.ts';
import { describeExternal, externalPath } from './helpers/external.ts';
import { seedCorpus } from './helpers/seeds.ts';

function reference(text: string, q: SnippetQuery, max = 260): string {
  const tokens = tokenize(text);
  const n = tokens.length;
  const hit = new Uint8Array(n);
  const prefix = q.prefix && q.prefix.length >= 2 ? q.prefix : undefined;
  for (let i = 0; i < n; i++) {
    const f = analyzeToken(tokens[i]!).folded;
    if (q.terms.has(f) || (prefix !== undefined && f.startsWith(prefix))) hit[i] = 1;
  }
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

const QUERIES = ['trạm y tế', 'tram y te', 'chính quyền địa phương 2 cấp', 'ủy ban nhân dân', 'uỷ ban', 'hoà giải', 'Điều 5', 'khoản 2', '183-KL/TW', '15/2020/NĐ-CP', 'ngày 26/9/2025', 'quyền sử dụng đất', 'lao động', 'thời hiệu', '1.000', 'a', 'đ'];
const queriesOf = (q: string): SnippetQuery[] => {
  const folded = analyze(q).folded;
  return [{ terms: new Set(folded) }, { terms: new Set(folded.slice(0, -1)), prefix: folded.at(-1)!.slice(0, 2) }, { terms: new Set(folded), prefix: folded.at(-1) }];
};

function compare(texts: string[]): number {
  let n = 0;
  for (const q of QUERIES)
    for (const sq of queriesOf(q))
      for (const text of texts) {
        const got = snippet(text, sq);
        const want = reference(text, sq);
        if (got !== want) expect(got, `${q} in ${JSON.stringify(text.slice(0, 80))}`).toBe(want);
        n++;
      }
  return n;
}

it('the seeds: every clause, the same snippet as folding each token', async () => {
  const { artifact } = await seedCorpus();
  const texts = artifact.documents.flatMap((d) => d.clauses.map((c) => c.text)).filter((t) => t.trim());
  // Text the fast path does not take (a combining mark, a character past the fold table) too.
  texts.push('Ủy ban nhân dân tỉnh (NFD: Ủy ban)', 'Trạm y tế → xã', 'hoà giải ở cơ sở ™ ngày 26/9/2025');
  expect(compare(texts)).toBeGreaterThan(2_500);
});

describeExternal('snippets on VLC laws', () => {
  it('five laws: every clause, the same snippet as folding each token', () => {
    const texts: string[] = [];
    for (const f of ['luat-dat-dai.txt', 'bo-luat-lao-dong.txt', 'luat-thuy-san.txt', 'luat-cong-chung.txt', 'luat-giao-thong-duong-thuy-noi-dia.txt'])
      for (const para of readFileSync(externalPath('vlc/corpus', f), 'utf8').normalize('NFC').split('\n')) if (para.trim()) texts.push(para);
    expect(compare(texts)).toBeGreaterThan(50_000);
  });
});
