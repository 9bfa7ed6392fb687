/**
 * tracuu as a library: the pipeline, the queryable corpus and the data model.
 * `import { buildCorpus, openCorpus, SearchEngine, GraphIndex } from 'tracuu'`.
 */
export type * from './model.ts';
export * as ids from './ids.ts';
export * as text from 'vietnamese-tokenizer';
export { readInput, mergeDocuments, type InputFile } from './read/index.ts';
export { segment, type SegmentOptions, type Segmented } from './segment/index.ts';
export { findReferences } from './refs/index.ts';
export { resolveReferences, type Resolved } from './resolve/index.ts';
export { buildGraph, GraphIndex, toDot, toMermaid, toGraphML, type BuiltGraph, type NeighbourhoodQuery } from './graph/index.ts';
export { SearchEngine } from './search/index.ts';
export { buildCorpus, openCorpus, type Corpus, type BuildOptions, type BuildProgress } from './corpus.ts';
export { createApp } from './server/index.ts';
export type { AppDeps, ServerConfig, AdminStore, CorpusStatus } from './server/index.ts';
