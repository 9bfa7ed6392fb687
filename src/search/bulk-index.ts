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
import MiniSearch, { type Options } from 'minisearch';
import { internals, treeOf } from './minisearch-internals.ts';
import { TermData } from './term-data.ts';

export interface AnalysedDocument {
  id: unknown;
  /** Per field, in `options.fields` order: the terms as MiniSearch's tokenize + processTerm would give them (null: no such field). */
  fields: readonly (readonly string[] | null)[];
}

export function indexAll<T>(options: Options<T>, documents: Iterable<AnalysedDocument>): MiniSearch<T> {
  const ms = new MiniSearch<T>(options);
  const m = internals(ms);
  const fieldCount = options.fields.length;
  // Term → number, and per term and field a flat [id, tf, id, tf, …] list: one hash lookup
  // per token; documents arrive in id order, so a repeat in the same document is the last pair.
  const termIds = new Map<string, number>();
  const lists: (number[] | undefined)[][] = [];
  const avg = m._avgFieldLength;
  let shortId = 0;
  for (const doc of documents) {
    const id = shortId++;
    if (m._idToShortId.has(doc.id)) throw new Error(`MiniSearch: duplicate ID ${String(doc.id)}`);
    m._idToShortId.set(doc.id, id);
    m._documentIds.set(id, doc.id);
    m._documentCount++;
    m._nextId++;
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
      const count = m._documentCount - 1;
      avg[f] = ((avg[f] || 0) * count + unique) / (count + 1);
    }
    m._fieldLength.set(id, lengths);
  }
  const terms = [...termIds.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  m._index._tree = treeOf(
    terms,
    terms.map((t) => TermData.fromLists(lists[termIds.get(t)!]!)),
    0,
    terms.length,
    0,
  );
  m._index._size = undefined;
  return ms;
}
