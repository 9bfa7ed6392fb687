/**
 * The index's three fields and every MiniSearch hook, in ONE options object. Fields are
 * analysed once per clause by `analyze` (src/search/analyze.ts, on the text layer's one term
 * processor): exact syllables, folded syllables, folded syllable pairs.
 */
import type { Options } from 'minisearch';
import type { Clause, DocumentRecord } from '../model.ts';
import { analyze } from './analyze.ts';

/** One indexed clause and its document. */
export interface Entry {
  clause: Clause;
  doc: DocumentRecord;
}

export const FIELDS = ['exact', 'folded', 'pairs'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_ID: Record<Field, number> = { exact: 0, folded: 1, pairs: 2 };

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

/** What MiniSearch's own `addAll` takes with these options (the tests build the reference index that way). */
export type IndexedClause = Entry & { id: number };

export const MINISEARCH_OPTIONS: Options<IndexedClause> = {
  idField: 'id',
  fields: [...FIELDS],
  storeFields: [],
  extractField: (doc, field) => (field === 'id' ? String(doc.id) : fieldsOf(doc.clause.text)[field as Field]),
  // Terms arrive analysed: split on the spaces we joined them with; the term processor ran already.
  tokenize: (s) => (s ? s.split(' ') : []),
  processTerm: (t) => t || null,
  searchOptions: { tokenize: (s) => (s ? s.split(' ') : []), processTerm: (t) => t || null, bm25: { k: 1.2, b: 0.7, d: 0.5 } },
};
