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
  return !!(o.type?.length || o.issuer?.length || o.from || o.to || o.series?.length || o.status?.length || o.corpus?.length || o.document);
}

/** Whether a document or external node passes the filters (`corpus`: the document's corpus, when in the corpus). */
export function passesNode(n: GraphNode, o: SearchOptions, corpus: string | undefined): boolean {
  if (o.document && n.id !== o.document) return false;
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
  // Thousands of clauses fall in a few hundred documents: count by document number.
  const counts = new Int32Array(catalog.docIds.length);
  const docOf = catalog.docOf;
  for (let i = 0; i < members.length; i++) {
    const d = docOf[members[i]!]!;
    counts[d] = counts[d]! + 1;
  }
  for (let d = 0; d < counts.length; d++) if (counts[d]) perDoc.set(catalog.docIds[d]!, (perDoc.get(catalog.docIds[d]!) ?? 0) + counts[d]!);
  return perDoc;
}

/** A document's facet values, worked out once per document ([facet, value, label]). */
const valuesMemo = new WeakMap<Catalog, Map<string, [string, string, string][]>>();
function facetValues(catalog: Catalog, docId: string): [string, string, string][] {
  let memo = valuesMemo.get(catalog);
  if (!memo) valuesMemo.set(catalog, (memo = new Map()));
  let values = memo.get(docId);
  if (values) return values;
  values = [];
  const node = catalog.node(docId);
  if (node) {
    const add = (facet: string, value: string | undefined, label?: string) => value && values!.push([facet, value, label ?? value]);
    add('type', node.type, node.typeLabel);
    add('issuer', node.issuer);
    add('year', node.date?.slice(0, 4));
    add('series', node.series, node.series ? catalog.seriesTitle.get(node.series) : undefined);
    add('status', node.status, node.status ? STATUS_LABEL[node.status] : undefined);
    add('corpus', catalog.docs.get(docId)?.corpus);
  }
  memo.set(docId, values);
  return values;
}

export function facetsOf(catalog: Catalog, perDoc: Map<string, number>): Facets {
  const counts: Record<string, Map<string, FacetCount>> = { type: new Map(), issuer: new Map(), year: new Map(), series: new Map(), status: new Map(), corpus: new Map() };
  for (const [docId, n] of perDoc) {
    for (const [facet, value, label] of facetValues(catalog, docId)) {
      const m = counts[facet]!;
      const f = m.get(value);
      if (f) f.count += n;
      else m.set(value, { value, label, count: n });
    }
  }
  // Ties by code unit order: localeCompare costs microseconds a call, and facets sort on every query.
  return Object.fromEntries(Object.entries(counts).map(([k, m]) => [k, [...m.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))]));
}
