/** Read-only queries over a built graph: indexes by node, built once per corpus. */
import type { Edge, EffectEvent, EffectView, Graph, GraphNode, LineageLink, Reference, Relation, Series } from '../model.ts';
import { effectOn } from './status.ts';
import type { BuiltGraph } from './build.ts';

export interface NeighbourhoodQuery {
  depth?: number; // default 1
  relations?: Relation[];
  direction?: 'out' | 'in' | 'both'; // default both
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const docOf = (id: string) => id.split('/')[0]!.split('#')[0]!;

export class GraphIndex {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly out = new Map<string, Edge[]>();
  private readonly in = new Map<string, Edge[]>();
  private readonly seriesByMember = new Map<string, Series>();
  private readonly lineageByClause = new Map<string, LineageLink[]>();
  private readonly refsByDoc = new Map<string, Reference[]>();
  private readonly citingByDoc = new Map<string, Reference[]>();
  private readonly effects = new Map<string, EffectEvent[]>();

  constructor(
    readonly built: BuiltGraph,
    readonly references: Reference[],
  ) {
    for (const n of built.graph.nodes) this.nodes.set(n.id, n);
    for (const e of built.graph.edges) {
      push(this.out, e.from, e);
      push(this.in, e.to, e);
    }
    for (const s of built.series) for (const m of s.members) this.seriesByMember.set(m, s);
    for (const e of built.effects) this.effects.set(e.docId, e.events);
    for (const l of built.lineage) {
      push(this.lineageByClause, l.from, l);
      push(this.lineageByClause, l.to, l);
    }
    for (const r of references) {
      push(this.refsByDoc, r.docId, r);
      const targets = r.status === 'ambiguous' ? (r.candidates ?? []) : r.targetDocId ? [r.targetDocId] : [];
      for (const t of targets) if (t !== r.docId) push(this.citingByDoc, t, r);
    }
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }
  allNodes(): GraphNode[] {
    return this.built.graph.nodes;
  }
  outgoing(docId: string): Edge[] {
    return this.out.get(docId) ?? [];
  }
  incoming(docId: string): Edge[] {
    return this.in.get(docId) ?? [];
  }

  /** Documents within `depth` hops of `root`, following the chosen relations and directions. */
  neighbourhood(root: string, q: NeighbourhoodQuery = {}): Graph {
    const depth = Math.max(0, Math.min(q.depth ?? 1, 6));
    const dir = q.direction ?? 'both';
    const allowed = q.relations?.length ? new Set(q.relations) : undefined;
    if (!this.nodes.has(root)) return { nodes: [], edges: [] };
    const seen = new Set([root]);
    const edges = new Set<Edge>();
    let frontier = [root];
    for (let d = 0; d < depth && frontier.length; d++) {
      const next: string[] = [];
      for (const id of frontier) {
        const candidates = [...(dir !== 'in' ? this.outgoing(id) : []), ...(dir !== 'out' ? this.incoming(id) : [])];
        for (const e of candidates) {
          if (allowed && !allowed.has(e.relation)) continue;
          edges.add(e);
          const other = e.from === id ? e.to : e.from;
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    // Edges between nodes already in view are part of the picture too.
    for (const id of seen) for (const e of this.outgoing(id)) if (seen.has(e.to) && (!allowed || allowed.has(e.relation))) edges.add(e);
    return { nodes: [...seen].map((id) => this.nodes.get(id)!).filter(Boolean), edges: [...edges] };
  }

  /** Shortest chain of documents between two, over edges in either direction. */
  shortestPath(from: string, to: string): string[] | null {
    if (!this.nodes.has(from) || !this.nodes.has(to)) return null;
    const prev = new Map<string, string | null>([[from, null]]);
    let frontier = [from];
    while (frontier.length && !prev.has(to)) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const e of [...this.outgoing(id), ...this.incoming(id)]) {
          const other = e.from === id ? e.to : e.from;
          if (!prev.has(other)) {
            prev.set(other, id);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    if (!prev.has(to)) return null;
    const path: string[] = [];
    for (let at: string | null | undefined = to; at; at = prev.get(at)) path.unshift(at);
    return path;
  }

  /** A document's effect events, oldest first. */
  effectEvents(docId: string): EffectEvent[] {
    return this.effects.get(docId) ?? [];
  }

  /** A document's effect status on a day (ISO), or as last known. */
  effectOn(docId: string, asOf?: string): EffectView {
    return effectOn(this.effectEvents(docId), asOf);
  }

  seriesOf(docId: string): Series | undefined {
    return this.seriesByMember.get(docId);
  }

  /** Lineage links touching a clause, older and newer. */
  lineageOf(clauseId: string): LineageLink[] {
    return this.lineageByClause.get(clauseId) ?? [];
  }

  /** References made by a document or clause (by id prefix). */
  referencesFrom(id: string): Reference[] {
    const refs = this.refsByDoc.get(docOf(id)) ?? [];
    return id.includes('/') ? refs.filter((r) => r.clauseId === id || r.clauseId.startsWith(id + '/')) : refs;
  }

  /** References that target a document or clause. */
  citing(id: string): Reference[] {
    const refs = this.citingByDoc.get(docOf(id)) ?? [];
    return id.includes('/') ? refs.filter((r) => r.targetClauseId === id || r.targetClauseId?.startsWith(id + '/')) : refs;
  }
}
