/** The citation graph, series and lineage. (Stub: owned by the graph helper; the API shape is the contract.) */
import type { DocumentRecord, Edge, Graph, GraphNode, LineageLink, Reference, Relation, Series } from '../model.ts';

export interface BuiltGraph {
  graph: Graph;
  series: Series[];
  lineage: LineageLink[];
}

export function buildGraph(_docs: DocumentRecord[], _refs: Reference[], _externals: GraphNode[]): BuiltGraph {
  return { graph: { nodes: [], edges: [] }, series: [], lineage: [] };
}

export interface NeighbourhoodQuery {
  depth?: number; // default 1
  relations?: Relation[];
  direction?: 'out' | 'in' | 'both'; // default both
}

/** Read-only queries over a built graph. Cheap to construct; holds indexes by node. */
export class GraphIndex {
  constructor(
    readonly built: BuiltGraph,
    readonly references: Reference[],
  ) {}
  node(_id: string): GraphNode | undefined {
    return undefined;
  }
  outgoing(_docId: string): Edge[] {
    return [];
  }
  incoming(_docId: string): Edge[] {
    return [];
  }
  neighbourhood(_root: string, _q: NeighbourhoodQuery = {}): Graph {
    return { nodes: [], edges: [] };
  }
  shortestPath(_from: string, _to: string): string[] | null {
    return null;
  }
  seriesOf(_docId: string): Series | undefined {
    return undefined;
  }
  /** Lineage links touching a clause, older and newer. */
  lineageOf(_clauseId: string): LineageLink[] {
    return [];
  }
  /** References made by a document or clause (by id prefix). */
  referencesFrom(_id: string): Reference[] {
    return [];
  }
  /** References that target a document or clause. */
  citing(_id: string): Reference[] {
    return [];
  }
}

export function toDot(_g: Graph): string {
  return 'digraph tracuu {}\n';
}
export function toMermaid(_g: Graph): string {
  return 'graph LR\n';
}
export function toGraphML(_g: Graph): string {
  return '<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"/></graphml>\n';
}
