/**
 * Completions while typing: document numbers, then the last word completed from the
 * vocabulary — after the previous word, the pairs the corpus really has ("chính quyền"),
 * most frequent first — written as the corpus writes them in that pair ("hop dong" →
 * "hợp đồng", not the commonest "động"), or as the user typed them.
 */
import { fold, normalize, tokenize } from 'vietnamese-tokenizer';
import { analyze } from './analyze.ts';
import type { Catalog } from './catalog.ts';
import type { Executor } from './execute.ts';
import { FIELD_ID, type Field, type IndexedClause } from './fields.ts';
import type { ClauseIndex } from './minisearch-door.ts';
import { matchNodes, parseNumberQuery } from './number-query.ts';
import { documentFrequencyOf, postingListOf } from './term-data.ts';

type Tokens = ReturnType<typeof tokenize>;

export class Suggester {
  private vocab?: { terms: [string, number][]; pairs: [string, number][] };
  private readonly surfaces = new Map<string, string[] | undefined>();

  constructor(
    private readonly ms: ClauseIndex<IndexedClause>,
    private readonly exec: Executor,
    private readonly catalog: Catalog,
  ) {}

  suggest(prefix: string, limit: number): string[] {
    const q = normalize(prefix).replace(/\s+/g, ' ').trimStart();
    if (!q.trim()) return [];
    const out: string[] = [];
    const n = parseNumberQuery(q.trim());
    if (n) for (const node of matchNodes(n, this.catalog.nodes.values(), true)) if (node.number && !out.includes(node.number)) out.push(node.number);
    const a = analyze(q);
    if (!a.folded.length || out.length >= limit) return out.slice(0, limit);
    const v = this.vocabulary();
    const done = /\s$/.test(q);
    const last = done ? '' : a.folded.at(-1)!;
    const before = done ? a.folded.length : a.folded.length - 1;
    // Each typed word as written: the user's marks, else its spelling next to its neighbour.
    const shown: string[] = [];
    for (let i = 0; i < before; i++) {
      if (a.exact[i] !== a.folded[i]) shown.push(a.exact[i]!);
      else if (i > 0) shown.push(this.surfaceOfPair(a.folded[i - 1]!, a.folded[i]!)?.[1] ?? this.surfaceOfTerm(a.folded[i]!));
      else if (before > 1) shown.push(this.surfaceOfPair(a.folded[0]!, a.folded[1]!)?.[0] ?? this.surfaceOfTerm(a.folded[0]!));
      else shown.push(this.surfaceOfTerm(a.folded[i]!));
    }
    const prev = before ? a.folded[before - 1] : undefined;
    let candidates = prev !== undefined ? range(v.pairs, `${prev} ${last}`).map(([k, c]) => [k.slice(prev.length + 1), c] as [string, number]) : range(v.terms, last);
    candidates = candidates.sort((x, y) => y[1] - x[1]).slice(0, limit * 3);
    // With two words before, rank by the clauses holding both pairs ("trạm y" + "y tế"): a
    // completion that never follows this context ("trạm y thức") drops out.
    if (before >= 2 && prev !== undefined) {
      const context = `${a.folded[before - 2]}_${prev}`;
      candidates = candidates
        .map(([word]) => [word, this.exec.run({ combineWith: 'AND', groups: [[{ term: context, field: 'pairs' }], [{ term: `${prev}_${word}`, field: 'pairs' }]] }).ids.length] as [string, number])
        .filter(([, c]) => c > 0)
        .sort((x, y) => y[1] - x[1]);
    }
    for (const [word] of candidates.slice(0, limit * 2)) {
      const written = prev !== undefined ? (this.surfaceOfPair(prev, word)?.[1] ?? this.surfaceOfTerm(word)) : this.surfaceOfTerm(word);
      const text = [...shown, written].join(' ');
      if (!out.includes(text)) out.push(text);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Folded syllables and syllable pairs with the number of clauses holding them, sorted for
   * prefix ranges: read off the index's terms on first use (no pass over the clauses).
   */
  private vocabulary() {
    if (this.vocab) return this.vocab;
    const terms: [string, number][] = [];
    const pairs: [string, number][] = [];
    for (const [term, data] of this.ms.terms) {
      if (/^[a-z]+$/.test(term)) {
        const n = documentFrequencyOf(data, FIELD_ID.folded);
        if (n) terms.push([term, n]);
      } else if (/^[a-z]+_[a-z]+$/.test(term)) {
        const n = documentFrequencyOf(data, FIELD_ID.pairs);
        if (n) pairs.push([term.replace('_', ' '), n]);
      }
    }
    const byKey = (x: [string, number], y: [string, number]) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
    this.vocab = { terms: terms.sort(byKey), pairs: pairs.sort(byKey) };
    return this.vocab;
  }

  /** How the corpus writes the folded pair `a b` most often, from a sample of the clauses holding it. */
  private surfaceOfPair(a: string, b: string): [string, string] | undefined {
    const found = this.writtenForms(`${a}_${b}`, 'pairs', (tokens, i) => i > 0 && !tokens[i]!.breakBefore && fold(tokens[i - 1]!.value) === a && fold(tokens[i]!.value) === b, (tokens, i) => `${tokens[i - 1]!.value} ${tokens[i]!.value}`);
    const parts = found?.split(' ');
    return parts?.length === 2 ? [parts[0]!, parts[1]!] : undefined;
  }

  /** How the corpus writes the folded syllable `f` most often (or `f` itself). */
  private surfaceOfTerm(f: string): string {
    return this.writtenForms(f, 'folded', (tokens, i) => tokens[i]!.kind === 'syllable' && fold(tokens[i]!.value) === f, (tokens, i) => tokens[i]!.value) ?? f;
  }

  /** The commonest written form of an indexed term, counted over up to 16 clauses spread over its postings (memoised). */
  private writtenForms(term: string, field: Field, at: (tokens: Tokens, i: number) => boolean, form: (tokens: Tokens, i: number) => string): string | undefined {
    const key = `${field}:${term}`;
    if (this.surfaces.has(key)) return this.surfaces.get(key)?.[0];
    const data = this.ms.terms.get(term);
    const postings = data && postingListOf(data, FIELD_ID[field]);
    let best: string | undefined;
    if (postings?.ids.length) {
      const ids = postings.ids;
      const step = Math.max(1, Math.floor(ids.length / 16));
      const counts = new Map<string, number>();
      for (let k = 0; k < ids.length && counts.size < 64; k += step) {
        const tokens = tokenize(this.catalog.entries[ids[k]!]!.clause.text);
        for (let i = 0; i < tokens.length; i++) if (at(tokens, i)) counts.set(form(tokens, i), (counts.get(form(tokens, i)) ?? 0) + 1);
      }
      for (const [f, c] of counts) if (best === undefined || c > counts.get(best)!) best = f;
    }
    if (this.surfaces.size > 10_000) this.surfaces.clear();
    this.surfaces.set(key, best === undefined ? undefined : [best]);
    return best;
  }
}

/** Entries of a sorted [key, count] list whose key starts with `prefix` (binary search). */
function range(list: [string, number][], prefix: string): [string, number][] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]![0] < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: [string, number][] = [];
  for (let i = lo; i < list.length && list[i]![0].startsWith(prefix); i++) out.push(list[i]!);
  return out;
}
