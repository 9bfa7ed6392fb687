/**
 * Builds a MiniSearch index in one pass from documents whose fields are already analysed
 * into terms — the state `addAll` would reach, without its per-token walk of the term tree.
 *
 * `MiniSearch.add` looks every token up in its radix tree (string slices per level) and
 * keeps a Map entry per posting; on the VLC laws (6 M tokens, 5 M postings) that was 15 s of
 * a 17 s build. Here postings accumulate in flat lists (one hash lookup per token), the tree
 * is built once from the sorted terms, each term's Maps are made only when a query reads it
 * (`TermData`), and the averages follow MiniSearch's own incremental formula — so the result
 * is equal to `addAll`'s (tests/search-execute.test.ts compares `toJSON()`).
 */
import type { Options } from 'minisearch';
import { ClauseIndex, type IndexState } from './minisearch-door.ts';
import { TermData } from './term-data.ts';

export interface AnalysedDocument {
  id: unknown;
  /** Per field, in `options.fields` order: the terms as MiniSearch's tokenize + processTerm would give them (null: no such field). */
  fields: readonly (readonly string[] | null)[];
}

export function indexAll<T>(options: Options<T>, documents: Iterable<AnalysedDocument>): ClauseIndex<T> {
  const fieldCount = options.fields.length;
  const state: IndexState = {
    documentCount: 0,
    nextId: 0,
    documentIds: new Map(),
    fieldIds: Object.fromEntries(options.fields.map((f, i) => [f, i])),
    fieldLength: new Map(),
    avgFieldLength: [],
    storedFields: new Map(),
    dirtCount: 0,
  };
  const seen = new Set<unknown>();
  // Term → number, and per term and field a flat [id, tf, id, tf, …] list: one hash lookup
  // per token; documents arrive in id order, so a repeat in the same document is the last pair.
  const termIds = new Map<string, number>();
  const lists: (number[] | undefined)[][] = [];
  const avg = state.avgFieldLength;
  for (const doc of documents) {
    const id = state.nextId++;
    if (seen.has(doc.id)) throw new Error(`MiniSearch: duplicate ID ${String(doc.id)}`);
    seen.add(doc.id);
    state.documentIds.set(id, doc.id);
    state.documentCount++;
    const lengths: number[] = [];
    for (let f = 0; f < fieldCount; f++) {
      const terms = doc.fields[f];
      if (terms == null) continue;
      let unique = 0;
      let empty = false;
      for (const term of terms) {
        // processTerm drops an empty term, but MiniSearch's length still counts it once.
        if (!term) {
          if (!empty) unique++;
          empty = true;
          continue;
        }
        let t = termIds.get(term);
        if (t === undefined) {
          t = lists.length;
          termIds.set(term, t);
          lists.push(new Array<number[] | undefined>(fieldCount));
        }
        const perField = lists[t]!;
        const list = perField[f] ?? (perField[f] = []);
        const n = list.length;
        if (n && list[n - 2] === id) list[n - 1]!++;
        else {
          list.push(id, 1);
          unique++;
        }
      }
      // MiniSearch's addFieldLength, step for step (the same floating-point result).
      lengths[f] = unique;
      const count = state.documentCount - 1;
      avg[f] = ((avg[f] || 0) * count + unique) / (count + 1);
    }
    state.fieldLength.set(id, lengths);
  }
  const terms = [...termIds.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ClauseIndex.restore(
    options,
    state,
    terms,
    terms.map((t) => TermData.fromLists(lists[termIds.get(t)!]!)),
  );
}
