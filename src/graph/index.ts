/** The citation graph: typed edges between documents (down to the clause), series, supersession, clause lineage. */
export type { BuiltGraph } from './build.ts';
export { applyEffects, buildGraph, documentNode } from './build.ts';
export type { EffectiveDate, Provision, StatusInputs, StatusPattern } from './status.ts';
export { deriveEffects, effectiveDate, effectOn, statedEffectiveDays, parseProvisions, STATUS_PATTERNS } from './status.ts';
export type { NeighbourhoodQuery } from './graph-index.ts';
export { GraphIndex } from './graph-index.ts';
export { toDot, toMermaid, toGraphML } from './export.ts';
export { diffWords } from './diff.ts';
