/**
 * The one door to MiniSearch's internal state (pinned: MINISEARCH_VERSION, package.json).
 *
 * MiniSearch keeps its index in `protected` fields; `ClauseIndex` is a subclass, so every
 * read and write of them here is type-checked against MiniSearch's own declarations — no
 * casts. The rest of src/search sees only what this module exports: `ClauseIndex.restore`
 * (an instance from parts: what the bulk builder and the saved index make), `state` (the
 * counters and field lengths, read-only), `terms` (the term dictionary: exact, prefix and
 * fuzzy lookups) and `bm25`. tests/search-execute.test.ts checks all of it against
 * MiniSearch's own `addAll`, `toJSON` and `search`, and that the pinned version is the one
 * installed; the version is written into every saved index, and the indexer's code hash
 * covers it, so an index built by another MiniSearch is never reused.
 */
import MiniSearch, { type BM25Params, type Options } from 'minisearch';

/** The MiniSearch these internals are written for; `package.json` pins it exactly (a test checks both). */
export const MINISEARCH_VERSION = '7.2.0';

/** Document short id → term frequency. */
export type Postings = Map<number, number>;
/** Field id → postings: MiniSearch's value for one term. */
export type FieldTermData = Map<number, Postings>;

/** What MiniSearch's index holds besides the terms. */
export interface IndexState {
  documentCount: number;
  nextId: number;
  /** Short id → the document's id. */
  documentIds: Map<number, unknown>;
  fieldIds: Record<string, number>;
  /** Short id → number of distinct terms per field. */
  fieldLength: Map<number, number[]>;
  avgFieldLength: number[];
  storedFields: Map<number, Record<string, unknown>>;
  dirtCount: number;
}

type TermMap = ClauseIndex['_index'];
/** MiniSearch's radix tree (edge label → child node; '' → the value). */
type Tree = TermMap['_tree'];

export class ClauseIndex<T = unknown> extends MiniSearch<T> {
  /**
   * An index in the state `state`, holding `terms` (sorted, distinct) with `values` — the
   * state `addAll` reaches, without its per-token walk of the term tree: the radix tree is
   * built from the sorted terms in one pass.
   */
  static restore<T>(options: Options<T>, state: IndexState, terms: readonly string[], values: readonly FieldTermData[]): ClauseIndex<T> {
    const ms = new ClauseIndex<T>(options);
    ms._documentCount = state.documentCount;
    ms._nextId = state.nextId;
    ms._documentIds = state.documentIds;
    ms._idToShortId = new Map();
    for (const [shortId, id] of state.documentIds) ms._idToShortId.set(id, shortId);
    ms._fieldIds = state.fieldIds;
    ms._fieldLength = state.fieldLength;
    ms._avgFieldLength = state.avgFieldLength;
    ms._storedFields = state.storedFields;
    ms._dirtCount = state.dirtCount;
    // A fresh SearchableMap has no cached size yet: setting the tree is all it needs.
    ms._index._tree = treeOf(terms, values, 0, terms.length, 0);
    return ms;
  }

  /** The counters and field lengths (read them, do not change them). */
  get state(): Readonly<IndexState> {
    return {
      documentCount: this._documentCount,
      nextId: this._nextId,
      documentIds: this._documentIds,
      fieldIds: this._fieldIds,
      fieldLength: this._fieldLength,
      avgFieldLength: this._avgFieldLength,
      storedFields: this._storedFields,
      dirtCount: this._dirtCount,
    };
  }

  /** The term dictionary: `get`, `atPrefix`, `fuzzyGet` and iteration in term order. */
  get terms(): Pick<TermMap, 'get' | 'has' | 'atPrefix' | 'fuzzyGet' | 'entries' | typeof Symbol.iterator> {
    return this._index;
  }

  /** The BM25 parameters searches use (MiniSearch's defaults unless the options set them). */
  get bm25(): BM25Params {
    return this._options.searchOptions.bm25;
  }
}

/** MiniSearch tags the leaf key '' with a type it does not export; at runtime it is ''. */
type LeafKey = Tree extends { set(key: infer K, value: FieldTermData): unknown; set(key: string, value: Tree): unknown } ? K : never;
const LEAF = '' as LeafKey;

/** The radix tree of sorted, distinct `terms[lo..hi)` whose first `depth` characters are shared. */
function treeOf(terms: readonly string[], values: readonly FieldTermData[], lo: number, hi: number, depth: number): Tree {
  const node: Tree = new Map();
  let i = lo;
  if (i < hi && terms[i]!.length === depth) node.set(LEAF, values[i++]!);
  while (i < hi) {
    const c = terms[i]![depth];
    let j = i + 1;
    while (j < hi && terms[j]![depth] === c) j++;
    const a = terms[i]!;
    const b = terms[j - 1]!;
    let l = depth + 1;
    while (l < a.length && l < b.length && a[l] === b[l]) l++;
    node.set(a.slice(depth, l), treeOf(terms, values, i, j, l));
    i = j;
  }
  return node;
}
