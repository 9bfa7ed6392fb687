/** Building the API's views (src/model.ts types) from the corpus. Pure functions of a Corpus. */
import type { Corpus } from '../corpus.ts';
import type { ClauseView, DocumentSummary, DocumentView, Health } from '../model.ts';
import type { CorpusStatus } from './deps.ts';

export function documentSummaries(corpus: Corpus): DocumentSummary[] {
  return corpus.artifact.documents.map((d) => {
    const n = corpus.graph.node(d.id);
    return {
      id: d.id,
      ...(d.number ? { number: d.number } : {}),
      type: d.type,
      typeLabel: d.typeLabel,
      ...(d.title ? { title: d.title } : {}),
      ...(d.issuer ? { issuer: d.issuer } : {}),
      ...(d.date ? { date: d.date } : {}),
      corpus: d.corpus,
      clauses: d.clauses.length,
      ...(n?.status ? { status: n.status } : {}),
      ...(n?.supersededBy ? { supersededBy: n.supersededBy } : {}),
      ...(n?.effect ? { effect: n.effect } : {}),
    };
  });
}

/** A document's view; its effect status on `asOf` (ISO day), or as last known without one. */
export function documentView(corpus: Corpus, id: string, asOf?: string): DocumentView | undefined {
  const node = corpus.graph.node(id);
  if (!node) return undefined;
  const doc = corpus.documents.get(id);
  const series = corpus.graph.seriesOf(id);
  let document: DocumentView['document'];
  if (doc) {
    const { text: _text, ...rest } = doc;
    document = rest;
  }
  const lineage = doc ? [...new Set(doc.clauses.flatMap((c) => corpus.graph.lineageOf(c.id)))] : [];
  return { node, ...(document ? { document } : {}), references: corpus.graph.referencesFrom(id), citedBy: corpus.graph.citing(id), ...(series ? { series, seriesNodes: series.members.map((m) => corpus.graph.node(m)!).filter(Boolean) } : {}), lineage, effect: corpus.graph.effectOn(id, asOf) };
}

export function clauseView(corpus: Corpus, id: string): ClauseView | undefined {
  const clause = corpus.clauses.get(id);
  if (!clause) return undefined;
  const ancestors: ClauseView['ancestors'] = [];
  for (let p = clause.parentId; p; p = corpus.clauses.get(p)?.parentId) {
    const c = corpus.clauses.get(p);
    if (!c) break;
    ancestors.unshift({ id: c.id, pathLabel: c.pathLabel });
  }
  return {
    clause,
    document: corpus.graph.node(clause.docId)!,
    ancestors,
    references: corpus.graph.referencesFrom(id).filter((r) => r.clauseId === id),
    citedBy: corpus.graph.citing(id),
    lineage: corpus.graph.lineageOf(id),
  };
}

export function health(corpus: Corpus, status?: CorpusStatus): Health {
  const s = status ?? { state: 'ready' as const };
  return {
    status: s.state === 'failed' || (s.failures ?? 0) > 0 || s.database?.state === 'unreachable' ? 'degraded' : 'ok',
    state: s.state,
    documents: corpus.artifact.documents.length,
    clauses: corpus.clauses.size,
    references: corpus.artifact.references.length,
    builtAt: corpus.artifact.builtAt,
    contentHash: corpus.artifact.contentHash,
    ...(s.lastError ? { lastError: s.lastError } : {}),
    ...(s.integrity?.length ? { integrity: s.integrity } : {}),
    ...(s.failures ? { failures: s.failures } : {}),
    ...(s.nextRetryAt && s.state === 'failed' ? { nextRetryAt: s.nextRetryAt } : {}),
    ...(s.database ? { database: s.database } : {}),
  };
}
