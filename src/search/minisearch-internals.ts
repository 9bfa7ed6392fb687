/**
 * The one place that knows MiniSearch's private state (7.x): the saved index and the bulk
 * builder fill it directly, the executor reads it. tests/search-execute.test.ts checks every
 * use against MiniSearch's own `addAll`, `toJSON` and `search`, so an upgrade that changes
 * these fields fails there first.
 */
import type MiniSearch from 'minisearch';

/** The parts of MiniSearch's state a saved index holds (its private fields, stable in 7.x). */
export interface Internals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, Record<string, unknown>>;
  _dirtCount: number;
  _index: { _tree: Tree; _size?: number; get(term: string): Map<number, Map<number, number>> | undefined; [Symbol.iterator](): Iterator<[string, Map<number, Map<number, number>>]> };
}
export type Tree = Map<string, unknown>;

export function internals(ms: MiniSearch<never> | MiniSearch<any>): Internals {
  return ms as unknown as Internals;
}

/**
 * The radix tree MiniSearch's SearchableMap keeps (edge label → child; '' → value), built
 * from sorted terms in one pass instead of one insertion per term.
 */
export function treeOf(terms: string[], values: unknown[], lo: number, hi: number, depth: number): Tree {
  const node: Tree = new Map();
  let i = lo;
  if (i < hi && terms[i]!.length === depth) node.set('', values[i++]);
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

