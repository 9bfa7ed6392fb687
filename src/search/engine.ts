/**
 * Clause search over MiniSearch: the engine that puts the parts together, and its cache.
 *
 *   fields.ts      the three fields and every MiniSearch hook (MINISEARCH_OPTIONS)
 *   catalog.ts     entries (clause + document), graph nodes, citing clauses
 *   plan.ts        the text steps, each only when the ones before found less than a page
 *   execute.ts     one step over the index with MiniSearch's scores (`Executor`)
 *   ranking.ts     the running result: earlier step first, then score
 *   facets.ts      filters and facet counts;  hits.ts  hits and groups;  suggest.ts  completions
 *   minisearch-door.ts, bulk-index.ts, saved-index.ts, term-data.ts   the index itself
 *
 * A query: a citation ("Điều 5 Luật Đất đai", "kl 195", "15/2020/NĐ-CP"; citation-query.ts) first
 * pins the clause or document it names (or its external node) and the clauses citing it; then the text plan; quoted phrases filter every step on the
 * folded token sequence. Results are cached (LRU) by query and options.
 */
import type { DocumentRecord, Graph, SearchHit, SearchOptions, SearchResult } from '../model.ts';
import { normalize, tokenize } from 'vietnamese-tokenizer';
import { analyze } from './analyze.ts';
import { Catalog, entriesOf } from './catalog.ts';
import { Executor, type StepQuery } from './execute.ts';
import { countByDocument, emptyFacets, facetsOf, filterFor, hasFilters, passesNode } from './facets.ts';
import { FIELD_ID, MINISEARCH_OPTIONS, type IndexedClause } from './fields.ts';
import { groupByDocument, hitOf, sameTextOf } from './hits.ts';
import { arrange, firstDepth, PER_DOCUMENT, SameText } from './arrange.ts';
import { indexAll } from './bulk-index.ts';
import type { ClauseIndex } from './minisearch-door.ts';
import { CitationQueries } from './citation-query.ts';
import { planText, runText } from './plan.ts';
import { Ranking } from './ranking.ts';
import { loadIndex, saveIndex } from './saved-index.ts';
import { Suggester } from './suggest.ts';
import { documentFrequencyOf } from './term-data.ts';

export { MINISEARCH_OPTIONS } from './fields.ts';

/** A pair in more than this share of clauses ("lao_dong", "quy_dinh") is too common to plan a query on. */
const COMMON_SHARE = 1 / 40;
const CACHE_SIZE = 500;

export class SearchEngine {
  private readonly catalog: Catalog;
  private readonly cache = new Map<string, SearchResult>();
  private readonly exec: Executor;
  private readonly ranking: Ranking;
  private readonly suggester: Suggester;

  private constructor(
    private readonly ms: ClauseIndex<IndexedClause>,
    docs: DocumentRecord[],
    private readonly graph: Graph | undefined,
    private readonly common: Set<string> = new Set(),
  ) {
    this.catalog = new Catalog(docs, graph);
    this.exec = new Executor(ms);
    this.ranking = new Ranking(this.catalog.size);
    this.suggester = new Suggester(ms, this.exec, this.catalog);
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
    const common = new Set<string>();
    for (const [term, data] of ms.terms) if (documentFrequencyOf(data, FIELD_ID.pairs) > limit) common.add(term);
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
  /** Citation queries (law names, resolver, who cites what): built on first use, once per engine; clauses are read through the catalog. */
  private citationQueries(): CitationQueries {
    this.citations ??= new CitationQueries([...this.catalog.docs.values()], this.graph, { has: (id) => this.catalog.entry(id) !== undefined, get: (id) => this.catalog.clause(id) });
    return this.citations;
  }

  private same?: SameText;
  /** Clauses with the same text in several documents: found on first use, once per engine (arrange.ts). */
  private sameText(): SameText {
    this.same ??= SameText.build(this.catalog);
    return this.same;
  }

  /**
   * Dynamic pruning of OR steps (issue 15): only the rows a page needs are scored exactly
   * (src/search/plan.ts, execute.ts); false scores every match (tests/search-pruning.test.ts
   * compares the two). `reruns` counts the queries whose arrangement read past that depth.
   */
  pruning = true;
  readonly pruneStats = { runs: 0, reruns: 0 };
  /** OR steps pruning left some match unscored in (src/search/execute.ts). */
  get prunedSteps(): number {
    return this.exec.prunedSteps;
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

  /** Completions while typing (src/search/suggest.ts). */
  suggest(prefix: string, limit = 8): string[] {
    return this.suggester.suggest(prefix, limit);
  }

  private run(query: string, options: SearchOptions, limit: number, offset: number): SearchResult {
    const q = normalize(query).replace(/\s+/g, ' ').trim();
    const empty: SearchResult = { query, total: 0, offset, limit, hits: [], facets: emptyFacets() };
    if (!q) return empty;
    const phrases = [...q.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    const bare = q.replace(/"/g, ' ').trim();
    const tokens = tokenize(bare);
    if (!tokens.length) return empty;
    const typing = !/\s$/.test(query) && !phrases.length;
    const catalog = this.catalog;
    const filter = filterFor(catalog, options);

    // Citations and numbers (citation-query.ts): the clause or document named — or its external
    // node — then the clauses citing it; then the text plan.
    const pinned: { id: string; score: number; match: SearchHit['match'] }[] = [];
    const pinnedEntries: number[] = [];
    const cited = this.citationQueries().run(bare);
    for (const p of cited?.pinned ?? []) {
      const entry = catalog.entry(p.id);
      if (entry !== undefined) {
        if (!filter(catalog.entries[entry]!.doc.id)) continue;
        pinnedEntries.push(entry);
      } else {
        const node = catalog.node(p.id) ?? this.citationQueries().node(p.id);
        if (!node || !passesNode(node, options, catalog.docs.get(node.id)?.corpus)) continue;
      }
      pinned.push({ id: p.id, score: p.match === 'cites' ? 500 : 1000, match: p.match });
    }
    // A number that named a document, or named nothing: the text pass looks only for the numbers
    // typed (rare terms) — folding "nghị định" must not bring back "đình chỉ".
    const numberFound = cited?.text === 'numbers';
    if (numberFound) tokens.splice(0, tokens.length, ...tokens.filter((t) => t.kind === 'identifier' || t.kind === 'number' || t.kind === 'date'));

    const plan = planText(tokens, bare, typing, this.common);
    const wanted = phrases.map((p) => ` ${analyze(p).folded.join(' ')} `);
    // No filter and no phrase: no per-clause check at all (it is called for every match).
    const unfiltered = !wanted.length && !hasFilters(options);
    const accept = unfiltered ? undefined : (entry: number) => filter(catalog.entries[entry]!.doc.id) && (!wanted.length || wanted.every((w) => catalog.foldedText(entry).includes(w)));
    const rank = this.ranking;
    // Widen until a page is full; a later page widens only if it would otherwise be empty. So
    // every page up to the total runs the same steps as the first one, and the total shown does
    // not change while paging (a last page may be short).
    const needed = Math.max(limit, offset + 1);
    const perDocument = options.perDocument ?? (options.document ? 0 : PER_DOCUMENT);
    // Pruned: the rows arrange reads are scored exactly; when it must read further, run again that deep.
    let depth = this.pruning ? firstDepth(offset + limit, perDocument) : undefined;
    let rows: { id: string; score: number; match: SearchHit['match']; alsoIn?: number[]; moreInDocument?: number }[] = [];
    let total = 0;
    let perDoc = new Map<string, number>();
    if (depth !== undefined) this.pruneStats.runs++;
    for (let done = false; !done; ) {
      for (const e of pinnedEntries) rank.pin(e);
      try {
        const prunedBefore = this.exec.prunedSteps;
        runText(plan, (s: StepQuery, topK?: number) => this.exec.run(s, accept, topK), rank, needed, numberFound, depth);
        // Only a step that left matches without their exact scores limits how far arrange may read.
        const exact = this.exec.prunedSteps > prunedBefore ? depth : undefined;
        perDoc = countByDocument(catalog, pinned, rank.members());
        // Results worth reading (arrange.ts): the same text in many documents is one hit; one
        // document takes at most a share of the first page.
        const arranged = arrange({
          catalog,
          same: this.sameText(),
          pinned: pinned.map((p) => {
            const entry = catalog.entry(p.id) ?? -1;
            return { entry, docId: entry >= 0 ? catalog.entries[entry]!.doc.id : p.id };
          }),
          top: (k) => rank.top(k).map((r) => r.id),
          found: (e) => rank.found(e),
          before: (a, b) => rank.before(a, b),
          members: rank.members(),
          perDoc,
          wanted: offset + limit,
          perDocument,
          ...(exact !== undefined ? { exact } : {}),
        });
        if ('deeper' in arranged) {
          depth = Number.isFinite(arranged.deeper) ? arranged.deeper : undefined;
          this.pruneStats.reruns++;
          continue;
        }
        done = true;
        total = arranged.total;
        rows = arranged.rows.slice(offset).map((r) => ({
          ...(r.pinned >= 0 ? pinned[r.pinned]! : { id: catalog.entries[r.entry]!.clause.id, score: rank.scoreOf(r.entry), match: 'text' as const }),
          ...(r.alsoIn ? { alsoIn: r.alsoIn } : {}),
          ...(r.moreInDocument ? { moreInDocument: r.moreInDocument } : {}),
        }));
      } finally {
        rank.clear();
      }
    }
    const snippetQuery = { terms: new Set(plan.terms.map((t) => t.folded)), ...(typing && plan.terms.length ? { prefix: plan.terms.at(-1)!.folded } : {}) };
    const hits = rows.map((r) => {
      const hit = hitOf(catalog, r.id, r.score, r.match, snippetQuery);
      if (r.alsoIn) hit.alsoIn = sameTextOf(catalog, r.alsoIn);
      if (r.moreInDocument) hit.moreInDocument = r.moreInDocument;
      return hit;
    });
    const result: SearchResult = { query, total, offset, limit, hits, facets: facetsOf(catalog, perDoc), ...(cited ? { citation: cited.citation } : {}) };
    if (options.group === 'document') result.groups = groupByDocument(hits);
    return result;
  }
}
