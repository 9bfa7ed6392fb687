/** Building the API's views (src/model.ts types) from the corpus. Pure functions of a Corpus. */
import type { Corpus } from '../corpus.ts';
import type { ClauseView, DocumentSummary, DocumentView, Health, Source } from '../model.ts';
import { FORMAT_LABELS, sourceContentType, sourceFileName } from './download.ts';
import { clauseEffectOn } from '../graph/index.ts';
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
    // Each file with its download: sources first, then reports, numbered from 1 as the API serves them.
    document = { ...rest, sources: doc.sources.map((f, i) => withDownload(id, f, i + 1)), reports: doc.reports.map((f, i) => withDownload(id, f, doc.sources.length + i + 1)) };
  }
  const lineage = doc ? [...new Set(doc.clauses.flatMap((c) => corpus.graph.lineageOf(c.id)))] : [];
  return { node, ...(document ? { document } : {}), references: corpus.graph.referencesFrom(id), citedBy: corpus.graph.citing(id), ...(series ? { series, seriesNodes: series.members.map((m) => corpus.graph.node(m)!).filter(Boolean) } : {}), lineage, effect: corpus.graph.effectOn(id, asOf) };
}

/** A clause with its references, cited-by, lineage and its effect status on `asOf` (else as last known). */
export function clauseView(corpus: Corpus, id: string, asOf?: string): ClauseView | undefined {
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
    effect: clauseEffectOn(corpus.graph.effectOn(clause.docId, asOf), id, ancestors.map((a) => a.id)),
  };
}

/**
 * Diagnostics that mean "this file was not indexed" (as data: the indexer's rule ids, indexer/inputs.ts).
 * Everything else in the build's diagnostics is a problem inside a file that was indexed.
 */
export const SKIP_RULES: Record<string, string> = {
  'input-bad-name': 'file name not valid UTF-8',
  'input-unreadable': 'could not be opened or read',
  'input-too-large': 'over the size limit',
  'input-binary': 'binary, not a text document',
  'input-not-indexed': 'no text to index',
  'input-empty': 'empty',
  'input-not-found': 'path given does not exist',
};

export function skippedFiles(corpus: Corpus): { file: string; ruleId: string; reason: string }[] {
  return corpus.artifact.diagnostics.filter((d) => d.ruleId in SKIP_RULES).map((d) => ({ file: d.file, ruleId: d.ruleId, reason: d.reason }));
}

/** GET /api/diagnostics: what the last build skipped, what it found wrong, and the server's own trouble. */
export function diagnosticsView(corpus: Corpus, status: CorpusStatus | undefined, limit = 1000) {
  const skipped = skippedFiles(corpus);
  const problems = corpus.artifact.diagnostics.filter((d) => !(d.ruleId in SKIP_RULES) && d.severity !== 'info');
  const s = status ?? { state: 'ready' as const };
  return {
    builtAt: corpus.artifact.builtAt,
    state: s.state,
    ...(s.lastError ? { lastError: s.lastError } : {}),
    ...(s.failures ? { failures: s.failures } : {}),
    ...(s.nextRetryAt && s.state === 'failed' ? { nextRetryAt: s.nextRetryAt } : {}),
    skipped,
    problems: { total: problems.length, errors: problems.filter((d) => d.severity === 'error').length, items: problems.slice(0, limit) },
    integrity: s.integrity ?? [],
  };
}

export function health(corpus: Corpus, status?: CorpusStatus): Health {
  const s = status ?? { state: 'ready' as const };
  const skipped = skippedFiles(corpus);
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
    ...(skipped.length ? { skipped: skipped.slice(0, 50), skippedTotal: skipped.length } : {}),
  };
}

/** "Tải bản gốc (PDF, 12 trang)" and where: the label is made here, from the one list of format names. */
function withDownload(docId: string, source: Source, n: number): Source & { download?: { href: string; label: string; fileName: string; contentType: string } } {
  if (!source.sha256) return source;
  const pages = source.format === 'pdf' || source.format === 'image' ? source.pages : undefined;
  return {
    ...source,
    download: {
      href: `/api/documents/${encodeURIComponent(docId)}/sources/${n}`,
      label: `Tải bản gốc (${FORMAT_LABELS[source.format] ?? source.format}${pages ? `, ${pages} trang` : ''})`,
      fileName: sourceFileName(source),
      contentType: sourceContentType(source),
    },
  };
}
