/** The citation graph, series and lineage. (Stub: owned by the graph helper.) */
import type { DocumentRecord, Graph, GraphNode, LineageLink, Reference, Series } from '../model.ts';

export interface BuiltGraph {
  graph: Graph;
  series: Series[];
  lineage: LineageLink[];
}

export function buildGraph(_docs: DocumentRecord[], _refs: Reference[], _externals: GraphNode[]): BuiltGraph {
  return { graph: { nodes: [], edges: [] }, series: [], lineage: [] };
}
