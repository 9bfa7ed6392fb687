/**
 * Filters (type, issuer, dates, series, status, corpus) and facet counts. Facets count
 * matching clauses, per document first: thousands of clauses fall in a few hundred documents.
 */
import type { FacetCount, GraphNode, SearchOptions } from '../model.ts';
import { fold } from 'vietnamese-tokenizer';
import type { Catalog } from './catalog.ts';

export type Facets = Record<string, FacetCount[]>;

const STATUS_LABEL: Record<string, string> = { current: 'Hiện hành', superseded: 'Đã có văn bản mới hơn', repealed: 'Hết hiệu lực' };

export const emptyFacets = (): Facets => ({ type: [], issuer: [], year: [], series: [], status: [], corpus: [] });

export function hasFilters(o: SearchOptions): boolean {
  return !!(o.type?.length || o.issuer?.length || o.from || o.to || o.series?.length || o.status?.length || o.corpus?.length);
}

/** Whether a document or external node passes the filters (`corpus`: the document's corpus, when in the corpus). */
export function passesNode(n: GraphNode, o: SearchOptions, corpus: string | undefined): boolean {
  if (o.type?.length && !o.type.includes(n.type)) return false;
  if (o.issuer?.length && !o.issuer.some((i) => n.issuer && fold(n.issuer).toLowerCase().includes(fold(i).toLowerCase()))) return false;
  if (o.from && (!n.date || n.date < o.from)) return false;
  if (o.to && (!n.date || n.date > o.to)) return false;
  if (o.series?.length && !(n.series && o.series.includes(n.series))) return false;
  if (o.status?.length && !o.status.some((s) => (s === 'in-force' ? inForceOn(n, o.asOf) : n.status === s))) return false;
  if (o.corpus?.length && !(corpus && o.corpus.includes(corpus))) return false;
  return true;
}

/**
 * In force (or partly) on a day, from the node's effect (src/graph/status.ts): not before its
 * effective day, not from the day it ended. Unknown effect, or no day known, is not "in force" (i12status).
 */
function inForceOn(n: GraphNode, day: string | undefined): boolean {
  if (!n.effect) return false;
  if (!day) return n.effect === 'in-force' || n.effect === 'partly-ended';
  // No day known at all (an undated document): whether it was in force on that day is unknown.
  if (!n.effectiveFrom || day < n.effectiveFrom) return false;
  if (n.effect === 'in-force' || n.effect === 'partly-ended' || n.effect === 'not-yet-in-force') return true;
  return !!n.endedOn && day < n.endedOn;
}

/** A document filter for these options, memoised per document (it runs for every match). */
export function filterFor(catalog: Catalog, o: SearchOptions): (docId: string) => boolean {
  if (!hasFilters(o)) return () => true;
  const memo = new Map<string, boolean>();
  return (docId) => {
    let v = memo.get(docId);
    if (v === undefined) {
      const d = catalog.docs.get(docId);
      v = !!d && passesNode(catalog.node(docId)!, o, d.corpus);
      memo.set(docId, v);
    }
    return v;
  };
}

/** How many results fall in each document: the pinned ids (documents or clauses), then the entries found. */
export function countByDocument(catalog: Catalog, pinned: { id: string }[], members: Int32Array): Map<string, number> {
  const perDoc = new Map<string, number>();
  for (const { id } of pinned) {
    const docId = id.includes('/') ? id.slice(0, id.indexOf('/')) : id;
    perDoc.set(docId, (perDoc.get(docId) ?? 0) + 1);
  }
  // Thousands of clauses fall in a few hundred documents: count runs of the same document.
  let last: string | undefined;
  let run = 0;
  const flush = () => last !== undefined && perDoc.set(last, (perDoc.get(last) ?? 0) + run);
  for (const id of members) {
    const docId = catalog.entries[id]!.doc.id;
    if (docId !== last) {
      flush();
      last = docId;
      run = 0;
    }
    run++;
  }
  flush();
  return perDoc;
}

export function facetsOf(catalog: Catalog, perDoc: Map<string, number>): Facets {
  const counts: Record<string, Map<string, FacetCount>> = { type: new Map(), issuer: new Map(), year: new Map(), series: new Map(), status: new Map(), corpus: new Map() };
  for (const [docId, n] of perDoc) {
    const node = catalog.node(docId);
    if (!node) continue;
    const add = (facet: string, value: string | undefined, label?: string) => {
      if (!value) return;
      const m = counts[facet]!;
      const f = m.get(value) ?? { value, label: label ?? value, count: 0 };
      f.count += n;
      m.set(value, f);
    };
    add('type', node.type, node.typeLabel);
    add('issuer', node.issuer);
    add('year', node.date?.slice(0, 4));
    add('series', node.series, node.series ? catalog.seriesTitle.get(node.series) : undefined);
    add('status', node.status, node.status ? STATUS_LABEL[node.status] : undefined);
    add('corpus', catalog.docs.get(docId)?.corpus);
  }
  // Ties by code unit order: localeCompare costs microseconds a call, and facets sort on every query.
  return Object.fromEntries(Object.entries(counts).map(([k, m]) => [k, [...m.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))]));
}
