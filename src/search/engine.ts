/**
 * Clause search over MiniSearch. Every hook is in ONE options object (`MINISEARCH_OPTIONS`):
 * fields are analysed once per clause by `analyze` (src/search/analyze.ts, on the text
 * layer's one term processor) — three fields: exact syllables, folded syllables, folded pairs.
 *
 * Query plan (fast enough to type into), each step only when the ones before found less than a page:
 *   1. number queries ("kl 195", "15/2020/NĐ-CP") → the document or its external node first,
 *      then the clauses that cite it;
 *   2. AND of the query's telling syllable pairs ("chinh_quyen"): rare terms, phrase-aware;
 *   3. short queries: AND of the words (folded, plus the exact spelling as a tie-breaker when
 *      typed with marks), then with the last word as a prefix while typing;
 *   4. OR of the pairs, then one edit on the long pairs nothing matched (typos);
 *   5. one- to three-word queries: OR of the words;
 *   quoted phrases filter every step on the folded token sequence.
 * Each step runs on MiniSearch's index through `Executor` (src/search/execute.ts): MiniSearch's
 * scores, without a result object per matching clause. Results are cached (LRU) by query and options.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Clause, DocumentRecord, FacetCount, Graph, GraphNode, SearchHit, SearchOptions, SearchResult } from '../model.ts';
import { analyzeToken, fold, normalize, tokenize } from 'vietnamese-tokenizer';
import { analyze, hasMarks } from './analyze.ts';
import { escapeHtml, snippet } from './snippet.ts';
import { matchNodes, parseNumberQuery } from './number-query.ts';
import { CitationQueries } from './citation-query.ts';
import { Executor, type StepQuery, type TermSpec } from './execute.ts';
import { loadIndex, saveIndex } from './saved-index.ts';
import { Ranking } from './ranking.ts';
import { indexAll } from './bulk-index.ts';
import { internals } from './minisearch-internals.ts';
import { documentFrequencyOf } from './term-data.ts';

interface Entry {
  clause: Clause;
  doc: DocumentRecord;
}

const FIELDS = ['exact', 'folded', 'pairs'] as const;
type Field = (typeof FIELDS)[number];

/** Analysis is cached for the clause being indexed: MiniSearch asks for each field in turn (`addAll`). */
let lastText: string | undefined;
let lastAnalysis: Record<Field, string> | undefined;
function fieldsOf(text: string): Record<Field, string> {
  if (text !== lastText) {
    const a = analyze(text);
    lastText = text;
    lastAnalysis = { exact: a.exact.join(' '), folded: a.folded.join(' '), pairs: a.pairs.join(' ') };
  }
  return lastAnalysis!;
}

/** A pair in more than this share of clauses ("lao_dong", "quy_dinh") is too common to plan a query on. */
const COMMON_SHARE = 1 / 40;

export const MINISEARCH_OPTIONS: Options<Entry & { id: number }> = {
  idField: 'id',
  fields: [...FIELDS],
  storeFields: [],
  extractField: (doc, field) => (field === 'id' ? String(doc.id) : fieldsOf(doc.clause.text)[field as Field]),
  // Terms arrive analysed: split on the spaces we joined them with; the term processor ran already.
  tokenize: (s) => (s ? s.split(' ') : []),
  processTerm: (t) => t || null,
  searchOptions: { tokenize: (s) => (s ? s.split(' ') : []), processTerm: (t) => t || null, bm25: { k: 1.2, b: 0.7, d: 0.5 } },
};

const CACHE_SIZE = 500;
/** Exact spellings only break ties between folded matches ("Ban" before "bàn"): a larger boost cost relevance on ALQAC (docs/ACCURACY.md). */
const EXACT_BOOST = 0.1;
const STATUS_LABEL: Record<string, string> = { current: 'Hiện hành', superseded: 'Đã có văn bản mới hơn', repealed: 'Hết hiệu lực' };
const EMPTY_FACETS = () => ({ type: [], issuer: [], year: [], series: [], status: [], corpus: [] });

export class SearchEngine {
  private readonly entries: Entry[];
  private readonly docs: Map<string, DocumentRecord>;
  private readonly nodes: Map<string, GraphNode>;
  private readonly citing = new Map<string, string[]>();
  private readonly seriesTitle = new Map<string, string>();
  private readonly cache = new Map<string, SearchResult>();
  /** Clause id → entry (MiniSearch short id). */
  private readonly entryOf = new Map<string, number>();
  private readonly exec: Executor;
  private readonly ranking: Ranking;

  private constructor(
    private readonly ms: MiniSearch<Entry & { id: number }>,
    docs: DocumentRecord[],
    private readonly graph: Graph | undefined,
    private readonly common: Set<string> = new Set(),
  ) {
    this.entries = entriesOf(docs);
    this.entries.forEach((e, i) => this.entryOf.set(e.clause.id, i));
    this.exec = new Executor(ms);
    this.ranking = new Ranking(this.entries.length);
    this.docs = new Map(docs.map((d) => [d.id, d]));
    this.nodes = new Map((graph?.nodes ?? []).map((n) => [n.id, n]));
    for (const e of graph?.edges ?? []) {
      if (e.inferred || !e.clauses.from || e.relation === 'reports-on') continue;
      const list = this.citing.get(e.to) ?? [];
      if (!list.includes(e.clauses.from)) list.push(e.clauses.from);
      this.citing.set(e.to, list);
    }
    for (const n of this.nodes.values()) if (n.series && n.status === 'current' && n.title) this.seriesTitle.set(n.series, n.title);
  }

  /**
   * Indexes the clauses: each analysed once, then handed to MiniSearch in bulk (`indexAll`:
   * the index `addAll` with MINISEARCH_OPTIONS would build, in a fraction of the time).
   */
  static build(docs: DocumentRecord[], graph?: Graph): SearchEngine {
    const entries = entriesOf(docs);
    const analysed = function* () {
      for (let id = 0; id < entries.length; id++) {
        const a = analyze(entries[id]!.clause.text);
        yield { id: String(id), fields: [a.exact, a.folded, a.pairs] };
      }
    };
    const ms = indexAll(MINISEARCH_OPTIONS, analysed());
    // Pairs in more clauses than this are too common to plan a query on.
    const limit = Math.max(50, entries.length * COMMON_SHARE);
    const pairsField = FIELDS.indexOf('pairs');
    const common = new Set<string>();
    for (const [term, data] of internals(ms)._index) if (documentFrequencyOf(data, pairsField) > limit) common.add(term);
    return new SearchEngine(ms, docs, graph, common);
  }

  /** Restores an engine from `save()` output without re-analysing the corpus (postings decode on first use). */
  static load(bytes: Uint8Array, docs: DocumentRecord[], graph?: Graph): SearchEngine {
    const { ms, extra } = loadIndex(bytes, MINISEARCH_OPTIONS);
    const saved = extra as { commonPairs?: string[] } | null;
    return new SearchEngine(ms, docs, graph, new Set(saved?.commonPairs ?? []));
  }

  /** The index in the compact form `build/search.bin` keeps (src/search/saved-index.ts). */
  save(): Uint8Array {
    return saveIndex(this.ms, { commonPairs: [...this.common] });
  }

  private citations?: CitationQueries;
  /** Citation queries (name index, resolver, who cites what): built on first use, once per engine. */
  private citationQueries(): CitationQueries {
    // Clauses by id through the entries the engine has already (a second map of 70,000 clauses costs a second at start).
    this.citations ??= new CitationQueries([...this.docs.values()], this.graph, {
      has: (id) => this.entryOf.has(id),
      get: (id) => this.clauseById(id),
    });
    return this.citations;
  }

  /** Forgets cached results (benchmarks time the uncached path with it). */
  clearCache(): void {
    this.cache.clear();
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
    const offset = Math.max(0, options.offset ?? 0);
    const key = JSON.stringify([query, options]);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const result = this.run(query, options, limit, offset);
    this.cache.set(key, result);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return result;
  }

  private run(query: string, options: SearchOptions, limit: number, offset: number): SearchResult {
    const q = normalize(query).replace(/\s+/g, ' ').trim();
    const empty: SearchResult = { query, total: 0, offset, limit, hits: [], facets: EMPTY_FACETS() };
    if (!q) return empty;
    const phrases = [...q.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    const bare = q.replace(/"/g, ' ').trim();
    const tokens = tokenize(bare);
    if (!tokens.length) return empty;
    const typing = !/\s$/.test(query) && !phrases.length;
    const filter = this.filterFor(options);
    let textTop: { id: number; score: number }[] = [];
    let textTotal = 0;
    let perDoc = new Map<string, number>();

    // 1. Citations and numbers (src/search/citation-query.ts): the clause or document named — or
    // its external node — then the clauses citing it; then the text search.
    const pinned: { id: string; score: number; match: SearchHit['match'] }[] = [];
    const pinnedEntries: number[] = [];
    const cited = this.citationQueries().run(bare);
    for (const p of cited?.pinned ?? []) {
      const entry = this.entryOf.get(p.id);
      if (entry !== undefined) {
        if (!filter(this.entries[entry]!.doc.id)) continue;
        pinnedEntries.push(entry);
      } else {
        const node = this.nodes.get(p.id) ?? this.citationQueries().node(p.id);
        if (!node || !this.passesNode(node, options)) continue;
      }
      pinned.push({ id: p.id, score: p.match === 'cites' ? 500 : 1000, match: p.match });
    }
    // A number that named a document, or named nothing: the text pass looks only for the numbers typed
    // (rare terms) — folding "nghị định" must not bring back "đình chỉ".
    const numberFound = cited?.text === 'numbers';
    if (numberFound) tokens.splice(0, tokens.length, ...tokens.filter((t) => t.kind === 'identifier' || t.kind === 'number' || t.kind === 'date'));

    // 2–3. Text. Exact spellings tell short queries apart ("Ban" / "bàn"); in a long question the folded words already decide.
    const exactToo = tokens.length <= 4 && (hasMarks(bare) || /\p{Lu}/u.test(bare));
    const terms = tokens.map((t) => analyzeToken(t));
    const word = (i: number, prefix: boolean): TermSpec[] => {
      const t = terms[i]!;
      const p = prefix && i === terms.length - 1 && t.folded.length >= 2 && tokens[i]!.kind === 'syllable';
      const parts: TermSpec[] = [{ term: t.folded, field: 'folded', prefix: p }];
      if (exactToo) parts.push({ term: t.exact, field: 'exact', boost: EXACT_BOOST });
      return parts;
    };
    const pairTerms: string[] = [];
    for (let i = 1; i < tokens.length; i++) if (!tokens[i]!.breakBefore) pairTerms.push(`${terms[i - 1]!.folded}_${terms[i]!.folded}`);
    // Plan on the telling pairs: very common ones ("lao_dong") cost the most postings and weigh the least.
    // (Only for typing-length queries: in a long question every pair counts towards the ranking.)
    const telling = pairTerms.filter((p) => !this.common.has(p));
    const short = pairTerms.length <= 6;
    const planned = telling.length && short ? telling : pairTerms;
    const pairsStep = (combineWith: 'AND' | 'OR', pairs: string[], fuzzy = false): StepQuery => ({
      combineWith,
      groups: pairs.map((p) => [{ term: p, field: 'pairs', fuzzy: fuzzy && p.length >= 10 ? 1 : 0 }]),
    });
    const wordsStep = (combineWith: 'AND' | 'OR', prefix: boolean): StepQuery => ({ combineWith, groups: terms.map((_, i) => word(i, prefix)) });

    const wanted = phrases.map((p) => ` ${analyze(p).folded.join(' ')} `);
    // No filter and no phrase: no per-clause check at all (it is called for every match).
    const unfiltered = !wanted.length && !hasFilters(options);
    const accept = unfiltered ? undefined : (entry: number) => filter(this.entries[entry]!.doc.id) && (!wanted.length || wanted.every((w) => this.foldedText(entry).includes(w)));
    const step = (q: StepQuery) => this.exec.run(q, accept);
    // The ranking: clauses found by an earlier step rank before those a later step adds.
    const rank = this.ranking;
    for (const e of pinnedEntries) rank.pin(e);
    // Widen until a page is full; a later page widens only if it would otherwise be empty. So
    // every page up to the total runs the same steps as the first one, and the total shown does
    // not change while paging (a last page may be short).
    const needed = Math.max(limit, offset + 1);
    try {
      // Syllable pairs are rare terms with short posting lists: the fast, phrase-aware first pass.
      // (A long question rarely holds all its pairs: it goes straight to "any pair".)
      if (pairTerms.length && short) rank.add(step(pairsStep('AND', planned)), 0, 2);
      // Short queries: every word (a pair may span a line break the query does not have); then the last word as a prefix.
      if (rank.size < needed && terms.length && terms.length <= 4) {
        rank.add(step(wordsStep('AND', false)), 1, 1);
        if (rank.size < needed && typing) rank.add(step(wordsStep('AND', true)), 2, 0.8);
      }
      // Widen: any pair; then one edit on the long pairs nothing matched (a typo breaks the pairs it
      // touches, and fuzzy matching every pair would cost more than the whole query).
      if (rank.size < needed && pairTerms.length) {
        const any = step(pairsStep('OR', planned));
        const unknown = planned.filter((p) => !any.matchedTerms.has(p) && p.length >= 10);
        rank.add(any, 3, short ? 0.6 : 1);
        // Clauses the corrected pairs find rank up: their score adds to what they had, and all rank by score.
        if (unknown.length && short) rank.merge(step(pairsStep('OR', unknown, true)), 3, 0.6, 0.5);
      }
      if (rank.size < needed && !numberFound && (terms.length <= 3 || !pairTerms.length)) rank.add(step(wordsStep('OR', typing)), 4, 0.4);
      textTop = rank.top(offset + limit - pinned.length);
      textTotal = rank.size;
      perDoc = this.countByDocument(pinned, rank.members());
    } finally {
      rank.clear();
    }
    const ranked = [...pinned, ...textTop.map((r) => ({ id: this.entries[r.id]!.clause.id, score: r.score, match: 'text' as const }))];

    const facets = this.facetsOf(perDoc);
    const page = ranked.slice(offset, offset + limit);
    const snippetQuery = { terms: new Set(terms.map((t) => t.folded)), ...(typing && terms.length ? { prefix: terms.at(-1)!.folded } : {}) };
    const hits = page.map((r) => this.hitOf(r.id, r.score, r.match, snippetQuery));
    const result: SearchResult = { query, total: pinned.length + textTotal, offset, limit, hits, facets, ...(cited ? { citation: cited.citation } : {}) };
    if (options.group === 'document') {
      const groups = new Map<string, { document: SearchHit['document']; hits: SearchHit[] }>();
      for (const h of hits) {
        const g = groups.get(h.docId) ?? { document: h.document, hits: [] };
        g.hits.push(h);
        groups.set(h.docId, g);
      }
      result.groups = [...groups.values()];
    }
    return result;
  }

  /**
   * Completions while typing: document numbers, then the last word completed from the
   * vocabulary — after the previous word, the pairs the corpus really has ("chính quyền"),
   * most frequent first — written as the corpus writes them in that pair ("hop dong" →
   * "hợp đồng", not the commonest "động"), or as the user typed them.
   */
  suggest(prefix: string, limit = 8): string[] {
    const q = normalize(prefix).replace(/\s+/g, ' ').trimStart();
    if (!q.trim()) return [];
    const out: string[] = [];
    const n = parseNumberQuery(q.trim());
    if (n) for (const node of matchNodes(n, this.nodes.values(), true)) if (node.number && !out.includes(node.number)) out.push(node.number);
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

  private vocab?: { terms: [string, number][]; pairs: [string, number][] };
  /**
   * Folded syllables and syllable pairs with the number of clauses holding them, sorted for
   * prefix ranges: read off the index's terms on first use (no pass over the clauses).
   */
  private vocabulary() {
    if (this.vocab) return this.vocab;
    const foldedField = FIELDS.indexOf('folded');
    const pairsField = FIELDS.indexOf('pairs');
    const terms: [string, number][] = [];
    const pairs: [string, number][] = [];
    for (const [term, data] of internals(this.ms)._index) {
      if (/^[a-z]+$/.test(term)) {
        const n = documentFrequencyOf(data, foldedField);
        if (n) terms.push([term, n]);
      } else if (/^[a-z]+_[a-z]+$/.test(term)) {
        const n = documentFrequencyOf(data, pairsField);
        if (n) pairs.push([term.replace('_', ' '), n]);
      }
    }
    const byKey = (x: [string, number], y: [string, number]) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
    this.vocab = { terms: terms.sort(byKey), pairs: pairs.sort(byKey) };
    return this.vocab;
  }

  private readonly surfaces = new Map<string, string[] | undefined>();
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
  private writtenForms(term: string, field: Field, at: (tokens: ReturnType<typeof tokenize>, i: number) => boolean, form: (tokens: ReturnType<typeof tokenize>, i: number) => string): string | undefined {
    const key = `${field}:${term}`;
    if (this.surfaces.has(key)) return this.surfaces.get(key)?.[0];
    const postings = internals(this.ms)._index.get(term)?.get(FIELDS.indexOf(field));
    let best: string | undefined;
    if (postings?.size) {
      const ids = [...postings.keys()];
      const step = Math.max(1, Math.floor(ids.length / 16));
      const counts = new Map<string, number>();
      for (let k = 0; k < ids.length && counts.size < 64; k += step) {
        const tokens = tokenize(this.entries[ids[k]!]!.clause.text);
        for (let i = 0; i < tokens.length; i++) if (at(tokens, i)) counts.set(form(tokens, i), (counts.get(form(tokens, i)) ?? 0) + 1);
      }
      for (const [f, c] of counts) if (best === undefined || c > counts.get(best)!) best = f;
    }
    if (this.surfaces.size > 10_000) this.surfaces.clear();
    this.surfaces.set(key, best === undefined ? undefined : [best]);
    return best;
  }

  private readonly folded = new Map<number, string>();
  /** A clause's folded words joined by spaces (memoised): quoted phrases are checked on it. */
  private foldedText(entry: number): string {
    let f = this.folded.get(entry);
    if (f === undefined) {
      f = ` ${analyze(this.entries[entry]!.clause.text).folded.join(' ')} `;
      if (this.folded.size > 20_000) this.folded.clear();
      this.folded.set(entry, f);
    }
    return f;
  }

  private clauseById(id: string): Clause | undefined {
    const entry = this.entryOf.get(id);
    return entry === undefined ? undefined : this.entries[entry]!.clause;
  }

  private filterFor(o: SearchOptions): (docId: string) => boolean {
    if (!hasFilters(o)) return () => true;
    const memo = new Map<string, boolean>();
    return (docId) => {
      let v = memo.get(docId);
      if (v === undefined) {
        const d = this.docs.get(docId);
        v = !!d && this.passesNode(this.nodes.get(docId) ?? nodeOf(d), o, d.corpus);
        memo.set(docId, v);
      }
      return v;
    };
  }

  private passesNode(n: GraphNode, o: SearchOptions, corpus = this.docs.get(n.id)?.corpus): boolean {
    if (o.type?.length && !o.type.includes(n.type)) return false;
    if (o.issuer?.length && !o.issuer.some((i) => n.issuer && fold(n.issuer).toLowerCase().includes(fold(i).toLowerCase()))) return false;
    if (o.from && (!n.date || n.date < o.from)) return false;
    if (o.to && (!n.date || n.date > o.to)) return false;
    if (o.series?.length && !(n.series && o.series.includes(n.series))) return false;
    if (o.status?.length && !(n.status && o.status.includes(n.status))) return false;
    if (o.corpus?.length && !(corpus && o.corpus.includes(corpus))) return false;
    return true;
  }

  /** How many results fall in each document (facets count clauses, per document first). */
  private countByDocument(pinned: { id: string }[], members: Int32Array): Map<string, number> {
    const perDoc = new Map<string, number>();
    for (const { id } of pinned) {
      const docId = id.includes('/') ? id.slice(0, id.indexOf('/')) : id;
      perDoc.set(docId, (perDoc.get(docId) ?? 0) + 1);
    }
    // Thousands of clauses fall in a few hundred documents: count runs of the same document.
    let last: DocumentRecord | undefined;
    let run = 0;
    const flush = () => last && perDoc.set(last.id, (perDoc.get(last.id) ?? 0) + run);
    for (const id of members) {
      const doc = this.entries[id]!.doc;
      if (doc !== last) {
        flush();
        last = doc;
        run = 0;
      }
      run++;
    }
    flush();
    return perDoc;
  }

  private facetsOf(perDoc: Map<string, number>): Record<string, FacetCount[]> {
    const counts: Record<string, Map<string, FacetCount>> = { type: new Map(), issuer: new Map(), year: new Map(), series: new Map(), status: new Map(), corpus: new Map() };
    for (const [docId, n] of perDoc) {
      const d = this.docs.get(docId);
      const node = this.nodes.get(docId) ?? (d ? nodeOf(d) : undefined);
      if (!node) continue;
      const add2 = (facet: string, value: string | undefined, label?: string) => {
        if (!value) return;
        const m = counts[facet]!;
        const f = m.get(value) ?? { value, label: label ?? value, count: 0 };
        f.count += n;
        m.set(value, f);
      };
      add2('type', node.type, node.typeLabel);
      add2('issuer', node.issuer);
      add2('year', node.date?.slice(0, 4));
      add2('series', node.series, node.series ? this.seriesTitle.get(node.series) : undefined);
      add2('status', node.status, node.status ? STATUS_LABEL[node.status] : undefined);
      add2('corpus', d?.corpus);
    }
    // Ties by code unit order: localeCompare costs microseconds a call, and facets sort on every query.
    return Object.fromEntries(Object.entries(counts).map(([k, m]) => [k, [...m.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))]));
  }

  private hitOf(id: string, score: number, match: SearchHit['match'], q: { terms: Set<string>; prefix?: string }): SearchHit {
    const clause = id.includes('/') ? this.clauseById(id) : undefined;
    const docId = clause?.docId ?? id;
    const d = this.docs.get(docId);
    const n = this.nodes.get(docId) ?? (d ? nodeOf(d) : undefined);
    const document: SearchHit['document'] = {
      id: docId,
      ...(n?.number ? { number: n.number } : {}),
      type: n?.type ?? 'khac',
      typeLabel: n?.typeLabel ?? 'Văn bản',
      ...(n?.title ? { title: n.title } : {}),
      ...(n?.date ? { date: n.date } : {}),
      inCorpus: !!d,
    };
    const text = clause?.text ?? `${document.typeLabel} ${document.number ?? ''}${document.title ? ' ' + document.title : ''}`;
    return {
      id,
      docId,
      path: clause?.pathLabel ?? '',
      kind: clause?.kind ?? 'paragraph',
      snippet: clause ? snippet(text, q) : escapeHtml(text),
      score: Math.round(score * 1000) / 1000,
      document,
      match,
    };
  }
}

function hasFilters(o: SearchOptions): boolean {
  return !!(o.type?.length || o.issuer?.length || o.from || o.to || o.series?.length || o.status?.length || o.corpus?.length);
}

function entriesOf(docs: DocumentRecord[]): Entry[] {
  const out: Entry[] = [];
  for (const doc of docs) for (const clause of doc.clauses) if (clause.text.trim()) out.push({ clause, doc });
  return out;
}

function nodeOf(d: DocumentRecord): GraphNode {
  return { id: d.id, ...(d.number ? { number: d.number } : {}), type: d.type, typeLabel: d.typeLabel, ...(d.title ? { title: d.title } : {}), ...(d.issuer ? { issuer: d.issuer } : {}), ...(d.date ? { date: d.date } : {}), inCorpus: true };
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
