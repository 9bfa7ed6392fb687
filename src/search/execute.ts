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
import type { ClauseIndex, FieldTermData, Postings } from './minisearch-door.ts';

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
  postings: Postings;
  fieldId: number;
  weight: number;
}

/** A posting list as arrays: documents, and each one's BM25 term part (d + tf·(k+1) / (tf + k·norm)). */
interface Columns {
  ids: Int32Array;
  part: Float64Array;
}

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
  private readonly columns = new WeakMap<Postings, Columns>();

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
  }

  /** Scores every document matching `query` (and `filter`). The arrays returned are valid until the next call. */
  run(query: StepQuery, filter?: (id: number) => boolean): Matches {
    const { sources, terms } = this.expand(query);
    const matchedTerms = new Set<string>();
    for (const s of sources) matchedTerms.add(terms[s.source]!);
    const and = query.combineWith === 'AND';
    if (and && (query.groups.length > 31 || terms.length > 31)) throw new RangeError('an AND step takes at most 31 groups and 31 terms');
    let touched = 0;
    if (!and) {
      // Sources in term order: `lastSource` then counts each distinct term once per document.
      sources.sort((a, b) => a.source - b.source);
      for (const s of sources) touched = this.accumulate(s, touched, false);
    } else {
      // Rarest group first; later groups only score the documents every earlier group matched.
      const byGroup = query.groups.map((_, g) => sources.filter((s) => s.group === g));
      if (byGroup.some((g) => !g.length)) return { ids: this.outIds.subarray(0, 0), scores: this.outScores.subarray(0, 0), matchedTerms };
      const order = byGroup.map((g, i) => [i, g.reduce((n, s) => n + s.postings.size, 0)] as const).sort((a, b) => a[1] - b[1]);
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

  /** Adds a source's postings to every document it holds (an OR step, or the first AND group). */
  private accumulate(s: Source, touched: number, and: boolean): number {
    const w = s.weight * idf(this.documentCount, s.postings.size);
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
    const ids = new Int32Array(s.postings.size);
    const part = new Float64Array(s.postings.size);
    let i = 0;
    s.postings.forEach((tf, id) => {
      ids[i] = id;
      part[i++] = d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[id]!) / avg));
    });
    const columns = { ids, part };
    if (ids.length >= COLUMNS_FROM) this.columns.set(s.postings, columns);
    return columns;
  }

  /** Adds a source's postings to the documents still in the running of an AND step. */
  private accumulateOn(s: Source, touched: number, required: number, candidates: number): void {
    const w = s.weight * idf(this.documentCount, s.postings.size);
    const gbit = 1 << s.group;
    const sbit = 1 << s.source;
    const { score, groups, sources } = this;
    // Walk whichever is shorter: the candidates (looking each up) or the postings.
    if (candidates < s.postings.size) {
      const { k, b, d } = this.bm25;
      const lengths = this.lengths[s.fieldId]!;
      const avg = this.avg[s.fieldId]!;
      for (let t = 0; t < touched; t++) {
        const id = this.touched[t]!;
        if ((groups[id]! & required) !== required) continue;
        const tf = s.postings.get(id);
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
          const postings = data?.get(fieldId);
          if (postings?.size) sources.push({ source, group: g, postings, fieldId, weight: weight * boost });
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

function idf(documents: number, matching: number): number {
  return Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
