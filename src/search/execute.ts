/**
 * Runs one step of the query plan over a MiniSearch index, with MiniSearch's own scoring
 * (BM25+, prefix and fuzzy weights, score × number of query terms matched), but without
 * its per-result objects: scores accumulate in typed arrays reused across queries, and an
 * AND step only looks at the documents still in the running (the rarest group first).
 *
 * `ms.search` allocates a result object, a terms array and a match object for every
 * matching document, then sorts them all; on a question whose words occur in thousands of
 * clauses that is most of the time spent. Here the work is one pass over the postings.
 * The scores are MiniSearch's: tests/search-execute.test.ts compares every step shape the
 * engine uses with `ms.search` on the same query.
 */
import type { Query } from 'minisearch';
import type { ClauseIndex, FieldTermData } from './minisearch-door.ts';
import { postingListOf, type PostingList } from './term-data.ts';

/** One query term: looked up exactly, and optionally as a prefix or within `fuzzy` edits. */
export interface TermSpec {
  term: string;
  field: string;
  boost?: number;
  prefix?: boolean;
  fuzzy?: number;
}

/** AND: a document must match every group (any term of it); OR: any term. */
export interface StepQuery {
  combineWith: 'AND' | 'OR';
  groups: TermSpec[][];
}

export interface Matches {
  /** Matching documents (MiniSearch short ids), in no particular order. */
  ids: Int32Array;
  scores: Float64Array;
  /** The query terms that matched at least one document (before the filter). */
  matchedTerms: Set<string>;
}

const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

interface Source {
  /** Index of the distinct query term this comes from (MiniSearch counts distinct query terms). */
  source: number;
  group: number;
  postings: PostingList;
  fieldId: number;
  weight: number;
}

/** A posting list as arrays: documents, and each one's BM25 term part (d + tf·(k+1) / (tf + k·norm)). */
interface Columns {
  ids: Int32Array;
  part: Float64Array;
  /** The largest `part`: with the source's weight and idf, the most the list adds to any document's sum. */
  maxPart: number;
}

/**
 * Bounds are computed in floating point; a document is left unscored only when its bound,
 * inflated by this much, is still below the threshold (rounding never drops a result).
 */
const BOUND_SLACK = 1 + 1e-9;

/** Lists shorter than this are read from the Map directly; longer ones get cached columns. */
const COLUMNS_FROM = 64;

export class Executor {
  private readonly lengths: Float64Array[];
  private readonly avg: number[];
  private readonly documentCount: number;
  private readonly fieldIds: Record<string, number>;
  private readonly bm25: { k: number; b: number; d: number };
  // Scratch, one slot per document, reset after each step for the documents it touched.
  private readonly seen: Uint8Array;
  private readonly score: Float64Array;
  private readonly groups: Uint32Array;
  private readonly sources: Uint32Array;
  private readonly lastSource: Int32Array;
  private readonly count: Uint16Array;
  private readonly touched: Int32Array;
  // Output buffers: a step's matches are views on these, valid until the next step.
  private readonly outIds: Int32Array;
  private readonly outScores: Float64Array;
  private readonly columns = new WeakMap<PostingList, Columns>();
  /** Per document during a pruned step: 0 not asked yet, 1 passes the filter, 2 does not. */
  private readonly passes: Uint8Array;
  /** The k best partial scores (a min-heap), for the pruning threshold. */
  private heap = new Float64Array(128);
  /**
   * Dynamic pruning of OR steps (`run` with `topK`); off, every matching document gets its
   * exact score (tests/search-pruning.test.ts compares both ways on the VLC queries).
   */
  prune = true;
  /** Pruned steps that left some match without its exact score (tests check pruning happened). */
  prunedSteps = 0;

  constructor(private readonly ms: ClauseIndex<any>) {
    const m = ms.state;
    const n = m.nextId;
    this.fieldIds = m.fieldIds;
    this.avg = m.avgFieldLength;
    this.documentCount = m.documentCount;
    const fields = Object.keys(m.fieldIds).length;
    // Field lengths as flat arrays: read once per posting, a Map lookup each would dominate.
    this.lengths = Array.from({ length: fields }, () => new Float64Array(n));
    for (const [id, ls] of m.fieldLength) for (let f = 0; f < fields; f++) this.lengths[f]![id] = ls[f] ?? 0;
    this.bm25 = ms.bm25;
    this.seen = new Uint8Array(n);
    this.score = new Float64Array(n);
    this.groups = new Uint32Array(n);
    this.sources = new Uint32Array(n);
    this.lastSource = new Int32Array(n).fill(-1);
    this.count = new Uint16Array(n);
    this.touched = new Int32Array(n);
    this.outIds = new Int32Array(n);
    this.outScores = new Float64Array(n);
    this.passes = new Uint8Array(n);
  }

  /**
   * Finds every document matching `query` (and `filter`). Without `topK`, each one with its
   * exact score. With `topK` (an OR step whose result is ranked by its own scores alone), the
   * documents that can rank among the best `topK` get their exact scores and the others a score
   * below all of those (see `runPruned`): the same `topK` best, in the same order, and the same
   * matches (totals and facets count them all). The arrays returned are valid until the next call.
   */
  run(query: StepQuery, filter?: (id: number) => boolean, topK?: number): Matches {
    const { sources, terms } = this.expand(query);
    const matchedTerms = new Set<string>();
    for (const s of sources) matchedTerms.add(terms[s.source]!);
    const and = query.combineWith === 'AND';
    if (and && (query.groups.length > 31 || terms.length > 31)) throw new RangeError('an AND step takes at most 31 groups and 31 terms');
    let touched = 0;
    if (!and && topK !== undefined && this.prune && topK > 0) {
      sources.sort((a, b) => a.source - b.source);
      return { ...this.runPruned(sources, terms.length, topK, filter), matchedTerms };
    }
    if (!and) {
      // Sources in term order: `lastSource` then counts each distinct term once per document.
      sources.sort((a, b) => a.source - b.source);
      for (const s of sources) touched = this.accumulate(s, touched, false);
    } else {
      // Rarest group first; later groups only score the documents every earlier group matched.
      const byGroup = query.groups.map((_, g) => sources.filter((s) => s.group === g));
      if (byGroup.some((g) => !g.length)) return { ids: this.outIds.subarray(0, 0), scores: this.outScores.subarray(0, 0), matchedTerms };
      const order = byGroup.map((g, i) => [i, g.reduce((n, s) => n + s.postings.ids.length, 0)] as const).sort((a, b) => a[1] - b[1]);
      let required = 0;
      let candidates = 0;
      for (const [i] of order) {
        if (!required) for (const s of byGroup[i]!) touched = this.accumulate(s, touched, true);
        else for (const s of byGroup[i]!) this.accumulateOn(s, touched, required, candidates);
        required |= 1 << i;
        candidates = 0;
        for (let t = 0; t < touched; t++) if ((this.groups[this.touched[t]!]! & required) === required) candidates++;
        if (!candidates) break;
      }
      const all = (1 << query.groups.length) - 1;
      let kept = 0;
      for (let t = 0; t < touched; t++) {
        const id = this.touched[t]!;
        if ((this.groups[id]! & all) === all) {
          this.count[id] = popcount(this.sources[id]!);
          this.touched[kept++] = id;
        } else this.reset(id);
      }
      touched = kept;
    }
    let n = 0;
    const ids = this.outIds;
    const scores = this.outScores;
    for (let t = 0; t < touched; t++) {
      const id = this.touched[t]!;
      if (!filter || filter(id)) {
        ids[n] = id;
        // MiniSearch multiplies by the number of distinct query terms the document matched.
        scores[n++] = this.score[id]! * this.count[id]!;
      }
      this.reset(id);
    }
    return { ids: ids.subarray(0, n), scores: scores.subarray(0, n), matchedTerms };
  }

  private reset(id: number): void {
    this.seen[id] = 0;
    this.score[id] = 0;
    this.groups[id] = 0;
    this.sources[id] = 0;
    this.count[id] = 0;
    this.lastSource[id] = -1;
  }

  /**
   * An OR step with MaxScore-style pruning (term at a time). A document's score is
   * (Σ its sources' w·part) × (distinct terms it matched): both factors only grow as terms are
   * added, so a partial score is a lower bound of the final one, and each term has an upper
   * bound (Σ over its sources of w·maxPart). Terms are scored richest bound first; once k
   * documents passing the filter are known, the k-th best partial score θ is a lower bound of
   * the k-th best final score. The remaining terms whose bounds together, × their number, stay
   * below θ cannot lift a document they alone match into the top k: their postings are only
   * marked (every match is still listed, so totals and facets are exact). A document whose
   * partial score plus those bounds stays below θ is left with its partial score (< θ);
   * every other one is rescored exactly from all its sources in the exhaustive order, so its
   * score is bit-for-bit the one `run` without `topK` gives. (θ is recomputed after each term:
   * one pass over the documents found so far.)
   */
  private runPruned(sources: Source[], termCount: number, k: number, filter: ((id: number) => boolean) | undefined): { ids: Int32Array; scores: Float64Array } {
    const w = sources.map((s) => s.weight * idf(this.documentCount, s.postings.ids.length));
    const ub = new Float64Array(termCount);
    sources.forEach((s, i) => (ub[s.source] = ub[s.source]! + w[i]! * this.columnsOf(s).maxPart));
    // Terms that matched something, richest bound first.
    const order = [...new Set(sources.map((s) => s.source))].sort((a, b) => ub[b]! - ub[a]! || a - b);
    // restBound[i]: the most the terms order[i..] add to a document none of order[..i) matched.
    const rest = new Float64Array(order.length + 1);
    for (let i = order.length - 1; i >= 0; i--) rest[i] = rest[i + 1]! + ub[order[i]!]!;
    const { seen, score, count, passes } = this;
    const list = this.touched;
    let touched = 0;
    const pass = (id: number) => {
      if (!passes[id]) passes[id] = !filter || filter(id) ? 1 : 2;
      return passes[id] === 1;
    };
    let theta = 0;
    let scoredTerms = order.length;
    for (let o = 0; o < order.length; o++) {
      const term = order[o]!;
      sources.forEach((s, i) => {
        if (s.source !== term) return;
        const ww = w[i]!;
        const { ids, part } = this.columnsOf(s);
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j]!;
          if (!seen[id]) {
            seen[id] = 1;
            list[touched++] = id;
          }
          score[id] = score[id]! + ww * part[j]!;
          if (this.lastSource[id] !== term) {
            this.lastSource[id] = term;
            count[id] = count[id]! + 1;
          }
        }
      });
      theta = this.kthBest(touched, k, pass);
      const left = order.length - o - 1;
      if (left && theta > 0 && rest[o + 1]! * left * BOUND_SLACK < theta) {
        scoredTerms = o + 1;
        break;
      }
    }
    const firstUnscored = touched;
    if (scoredTerms < order.length) {
      // The terms left only list their documents.
      const unscored = new Set(order.slice(scoredTerms));
      for (const s of sources) {
        if (!unscored.has(s.source)) continue;
        const ids = this.columnsOf(s).ids;
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j]!;
          if (!seen[id]) {
            seen[id] = 1;
            list[touched++] = id;
          }
        }
      }
    }
    const left = order.length - scoredTerms;
    const restUb = rest[scoredTerms]!;
    const { k: k1, b, d } = this.bm25;
    let n = 0;
    let partial = 0;
    const outIds = this.outIds;
    const outScores = this.outScores;
    for (let t = 0; t < touched; t++) {
      const id = list[t]!;
      if (pass(id)) {
        outIds[n] = id;
        // Terms were added richest first, not in query order: the sum may differ from `run`'s in
        // the last bits, so the documents that can rank are rescored; the others stay below θ.
        if (t >= firstUnscored || (score[id]! + restUb) * (count[id]! + left) * BOUND_SLACK < theta) {
          outScores[n] = score[id]! * count[id]!;
          partial++;
        } else {
          // Rescored exactly, sources in the order `run` adds them.
          let sum = 0;
          let matched = 0;
          let last = -1;
          for (let i = 0; i < sources.length; i++) {
            const s = sources[i]!;
            const tf = tfOf(s.postings, id);
            if (tf === undefined) continue;
            const lengths = this.lengths[s.fieldId]!;
            sum += w[i]! * (d + (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[id]!) / this.avg[s.fieldId]!)));
            if (last !== s.source) {
              last = s.source;
              matched++;
            }
          }
          outScores[n] = sum * matched;
        }
        n++;
      }
      passes[id] = 0;
      this.reset(id);
    }
    if (partial) this.prunedSteps++;
    return { ids: outIds.subarray(0, n), scores: outScores.subarray(0, n) };
  }

  /** The k-th best partial score among the first `touched` documents that pass the filter (0 when fewer). */
  private kthBest(touched: number, k: number, pass: (id: number) => boolean): number {
    if (touched < k) return 0;
    if (this.heap.length < k) this.heap = new Float64Array(k);
    const heap = this.heap;
    let size = 0;
    const { score, count } = this;
    for (let t = 0; t < touched; t++) {
      const id = this.touched[t]!;
      const v = score[id]! * count[id]!;
      if (size === k && v <= heap[0]!) continue;
      if (!pass(id)) continue;
      if (size < k) {
        // Sift up.
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (heap[p]! <= v) break;
          heap[i] = heap[p]!;
          i = p;
        }
        heap[i] = v;
      } else {
        // Replace the root, sift down.
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= k) break;
          const c = l + 1 < k && heap[l + 1]! < heap[l]! ? l + 1 : l;
          if (heap[c]! >= v) break;
          heap[i] = heap[c]!;
          i = c;
        }
        heap[i] = v;
      }
    }
    return size === k ? heap[0]! : 0;
  }

  /** Adds a source's postings to every document it holds (an OR step, or the first AND group). */
  private accumulate(s: Source, touched: number, and: boolean): number {
    const w = s.weight * idf(this.documentCount, s.postings.ids.length);
    const gbit = 1 << s.group;
    const sbit = 1 << s.source;
    const { seen, score, groups, sources, lastSource, count } = this;
    const list = this.touched;
    const { ids, part } = this.columnsOf(s);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (!seen[id]) {
        seen[id] = 1;
        list[touched++] = id;
      }
      score[id] = score[id]! + w * part[i]!;
      if (and) {
        groups[id] = groups[id]! | gbit;
        sources[id] = sources[id]! | sbit;
      } else if (lastSource[id] !== s.source) {
        lastSource[id] = s.source;
        count[id] = count[id]! + 1;
      }
    }
    return touched;
  }

  /** The posting list as columns, with the BM25 term part computed once per list and kept. */
  private columnsOf(s: Source): Columns {
    const cached = this.columns.get(s.postings);
    if (cached) return cached;
    const { k, b, d } = this.bm25;
    const lengths = this.lengths[s.fieldId]!;
    const avg = this.avg[s.fieldId]!;
    const { ids, tfs } = s.postings;
    const part = new Float64Array(ids.length);
    let maxPart = 0;
    for (let i = 0; i < ids.length; i++) {
      const tf = tfs[i]!;
      const p = d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[ids[i]!]!) / avg));
      if (p > maxPart) maxPart = p;
      part[i] = p;
    }
    const columns = { ids, part, maxPart };
    if (ids.length >= COLUMNS_FROM) this.columns.set(s.postings, columns);
    return columns;
  }

  /** Adds a source's postings to the documents still in the running of an AND step. */
  private accumulateOn(s: Source, touched: number, required: number, candidates: number): void {
    const w = s.weight * idf(this.documentCount, s.postings.ids.length);
    const gbit = 1 << s.group;
    const sbit = 1 << s.source;
    const { score, groups, sources } = this;
    // Walk whichever costs less: the candidates (a binary search each) or the postings.
    const n = s.postings.ids.length;
    if (candidates * Math.log2(n + 1) < n) {
      const { k, b, d } = this.bm25;
      const lengths = this.lengths[s.fieldId]!;
      const avg = this.avg[s.fieldId]!;
      for (let t = 0; t < touched; t++) {
        const id = this.touched[t]!;
        if ((groups[id]! & required) !== required) continue;
        const tf = tfOf(s.postings, id);
        if (tf === undefined) continue;
        score[id] = score[id]! + w * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[id]!) / avg)));
        groups[id] = groups[id]! | gbit;
        sources[id] = sources[id]! | sbit;
      }
    } else {
      const { ids, part } = this.columnsOf(s);
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if ((groups[id]! & required) !== required) continue;
        score[id] = score[id]! + w * part[i]!;
        groups[id] = groups[id]! | gbit;
        sources[id] = sources[id]! | sbit;
      }
    }
  }

  /** Each query term's postings: exact, then prefix and fuzzy expansions with MiniSearch's weights. */
  private expand(query: StepQuery): { sources: Source[]; terms: string[] } {
    const index = this.ms.terms;
    const terms: string[] = [];
    const sources: Source[] = [];
    query.groups.forEach((group, g) => {
      for (const spec of group) {
        let source = terms.indexOf(spec.term);
        if (source < 0) source = terms.push(spec.term) - 1;
        const fieldId = this.fieldIds[spec.field];
        if (fieldId === undefined) throw new Error(`no field ${spec.field}`);
        const boost = spec.boost ?? 1;
        const add = (data: FieldTermData | undefined, weight: number) => {
          const postings = data && postingListOf(data, fieldId);
          if (postings?.ids.length) sources.push({ source, group: g, postings, fieldId, weight: weight * boost });
        };
        add(index.get(spec.term), 1);
        const prefixed = new Set<string>();
        if (spec.prefix) {
          for (const [term, data] of index.atPrefix(spec.term)) {
            const distance = term.length - spec.term.length;
            if (!distance) continue;
            prefixed.add(term);
            add(data, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
          }
        }
        if (spec.fuzzy) {
          for (const [term, [data, distance]] of index.fuzzyGet(spec.term, spec.fuzzy)) {
            if (!distance || prefixed.has(term)) continue;
            add(data, (FUZZY_WEIGHT * term.length) / (term.length + distance));
          }
        }
      }
    });
    return { sources, terms };
  }
}

/** The same step as a MiniSearch query (for `ms.search`, which the tests compare with). */
export function toMiniSearchQuery(q: StepQuery): Query {
  return {
    combineWith: q.combineWith,
    queries: q.groups.map((g) => ({
      combineWith: 'OR',
      queries: g.map((t) => ({ queries: [t.term], fields: [t.field], prefix: !!t.prefix, fuzzy: t.fuzzy ?? 0, boost: { [t.field]: t.boost ?? 1 } })),
    })),
  } as Query;
}

/** A document's term frequency in a posting list (binary search over its ascending ids). */
function tfOf(list: PostingList, id: number): number | undefined {
  const ids = list.ids;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v === id) return list.tfs[mid];
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function idf(documents: number, matching: number): number {
  return Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
