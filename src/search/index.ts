/** Clause search over MiniSearch: diacritic-aware, number-aware, phrase-ranked. */
export { SearchEngine, MINISEARCH_OPTIONS } from './engine.ts';
export { parseNumberQuery, matchNodes, TYPE_WORDS } from './number-query.ts';
export type { NumberQuery } from './number-query.ts';
export { snippet, escapeHtml } from './snippet.ts';
export { analyze } from './analyze.ts';
export { CorruptIndexError } from './term-data.ts';
