/** A ranked id (clause, document or external node) as the hit the API returns, and hits grouped by document. */
import type { SearchHit, SearchResult } from '../model.ts';
import type { Catalog } from './catalog.ts';
import { escapeHtml, snippet, type SnippetQuery } from './snippet.ts';

export function hitOf(catalog: Catalog, id: string, score: number, match: SearchHit['match'], q: SnippetQuery): SearchHit {
  const clause = id.includes('/') ? catalog.clause(id) : undefined;
  const docId = clause?.docId ?? id;
  const document = hitDocument(catalog, docId);
  const text = clause?.text ?? `${document.typeLabel} ${document.number ?? ''}${document.title ? ' ' + document.title : ''}`;
  return {
    id,
    docId,
    path: clause?.pathLabel ?? '',
    kind: clause?.kind ?? 'paragraph',
    snippet: clause ? snippet(text, q) : escapeHtml(text),
    score: Math.round(score * 1000) / 1000,
    document,
    match,
  };
}

/** What a hit says of its document. */
export function hitDocument(catalog: Catalog, docId: string): SearchHit['document'] {
  const n = catalog.node(docId);
  return {
    id: docId,
    ...(n?.number ? { number: n.number } : {}),
    type: n?.type ?? 'khac',
    typeLabel: n?.typeLabel ?? 'Văn bản',
    ...(n?.title ? { title: n.title } : {}),
    ...(n?.date ? { date: n.date } : {}),
    inCorpus: catalog.docs.has(docId),
  };
}

/** The same text in other documents, as a hit lists it (`alsoIn`). */
export function sameTextOf(catalog: Catalog, entries: readonly number[]): NonNullable<SearchHit['alsoIn']> {
  return entries.map((e) => {
    const { clause, doc } = catalog.entries[e]!;
    return { id: clause.id, path: clause.pathLabel, document: hitDocument(catalog, doc.id) };
  });
}

/** The page's hits by document, in the order each document first appears. */
export function groupByDocument(hits: SearchHit[]): NonNullable<SearchResult['groups']> {
  const groups = new Map<string, { document: SearchHit['document']; hits: SearchHit[] }>();
  for (const h of hits) {
    const g = groups.get(h.docId) ?? { document: h.document, hits: [] };
    g.hits.push(h);
    groups.set(h.docId, g);
  }
  return [...groups.values()];
}
