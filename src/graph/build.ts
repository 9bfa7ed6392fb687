/** Nodes and edges from documents and resolved references; then series, supersession and lineage. */
import type { DocumentEffect, DocumentRecord, Edge, Graph, GraphNode, LineageLink, Reference, Relation, Series } from '../model.ts';
import { unnumberedDocumentId } from '../ids.ts';
import { findSeries, supersede } from './series.ts';
import { findLineage } from './lineage.ts';
import { deriveEffects, effectOn } from './status.ts';

const PASSIVE: Partial<Record<Relation, Relation>> = { 'amended-by': 'amends', 'supplemented-by': 'supplements', 'repealed-by': 'repeals' };

export interface BuiltGraph {
  graph: Graph;
  series: Series[];
  lineage: LineageLink[];
  effects: DocumentEffect[];
}

export function documentNode(d: DocumentRecord): GraphNode {
  return {
    id: d.id,
    ...(d.number ? { number: d.number } : {}),
    type: d.type,
    typeLabel: d.typeLabel,
    ...(d.title ? { title: d.title } : {}),
    ...(d.issuer ? { issuer: d.issuer } : {}),
    ...(d.date ? { date: d.date } : {}),
    inCorpus: true,
  };
}

export function buildGraph(docs: DocumentRecord[], refs: Reference[], externals: GraphNode[]): BuiltGraph {
  const nodes: GraphNode[] = docs.map(documentNode);
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of externals) if (!ids.has(e.id)) (nodes.push({ ...e }), ids.add(e.id));

  // One edge per citing clause, target (clause) and relation: who cites whom, down to the clause.
  const edges: Edge[] = [];
  const byKey = new Map<string, Edge>();
  for (const r of refs) {
    if (r.target.scope !== 'document') continue;
    const targets = r.status === 'ambiguous' ? (r.candidates ?? []) : r.targetDocId && (r.status === 'resolved' || r.status === 'external') ? [r.targetDocId] : [];
    for (const to of targets) {
      if (to === r.docId || !ids.has(to)) continue;
      const key = `${r.clauseId}|${to}|${r.targetClauseId ?? ''}|${r.relation}`;
      const seen = byKey.get(key);
      if (seen) {
        seen.refs.push(r.id);
        continue;
      }
      // "được sửa đổi bởi Nghị định số 07/2025/NĐ-CP": the cited document is the one acting.
      const passive = PASSIVE[r.relation];
      const toClause = r.targetClauseId && r.status !== 'ambiguous' ? r.targetClauseId : undefined;
      const edge: Edge = {
        from: passive ? to : r.docId,
        to: passive ? r.docId : to,
        relation: passive ?? r.relation,
        evidence: r.sentence,
        clauses: passive ? { ...(toClause ? { from: toClause } : {}), to: r.clauseId } : { from: r.clauseId, ...(toClause ? { to: toClause } : {}) },
        refs: [r.id],
        ...(r.status === 'ambiguous' ? { status: 'ambiguous' as const, candidates: r.candidates ?? [] } : { status: r.status! }),
      };
      byKey.set(key, edge);
      edges.push(edge);
    }
  }

  // News pages about a document: a node of their own, "reports on" it.
  for (const d of docs) {
    for (const rep of d.reports) {
      const id = unnumberedDocumentId(rep.path);
      if (!ids.has(id)) {
        nodes.push({ id, type: 'tin-tuc', typeLabel: 'Tin tức', ...(rep.title ? { title: rep.title } : {}), inCorpus: false });
        ids.add(id);
      }
      edges.push({ from: id, to: d.id, relation: 'reports-on', evidence: rep.title ?? rep.path, clauses: {}, refs: [] });
    }
  }

  const series = findSeries(nodes, edges);
  edges.push(...supersede(series, nodes));
  const lineage = findLineage(series, new Map(docs.map((d) => [d.id, d])));
  const effects = deriveEffects({ documents: docs, references: refs, nodes, edges });
  applyEffects(nodes, effects);
  return { graph: { nodes, edges }, series, lineage, effects };
}

/**
 * Each node's status as last known, from its effect events: "repealed" (the list's word for an
 * ended document) only on a whole-document ending that passed the guards in status.ts; a stated
 * replacement is "superseded" and explicit; the series' supersession stays inferred.
 */
export function applyEffects(nodes: GraphNode[], effects: DocumentEffect[]): void {
  const byDoc = new Map(effects.map((e) => [e.docId, e.events]));
  for (const n of nodes) {
    const events = byDoc.get(n.id) ?? [];
    const v = effectOn(events);
    if (v.effectiveFrom) Object.assign(n, { effectiveFrom: v.effectiveFrom, effectiveBasis: v.effectiveBasis });
    if (events.length || n.inCorpus) n.effect = v.status;
    if ((v.status === 'ended' || v.status === 'replaced' || v.status === 'superseded') && v.since) n.endedOn = v.since;
    const e = v.event;
    if ((v.status === 'ended' || v.status === 'partly-ended') && e) Object.assign(n, { status: 'repealed', supersededBy: e.by, statusInferred: false, statusEvidence: e.evidence });
    else if (v.status === 'replaced' && e) Object.assign(n, { status: 'superseded', supersededBy: e.by, statusInferred: false, statusEvidence: e.evidence });
    else if (v.status === 'in-force' && n.inCorpus) n.status = 'current';
  }
}
