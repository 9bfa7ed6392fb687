/**
 * What the search knows about the clauses and documents it indexes: entry number (MiniSearch
 * short id) → clause and document, clause id → entry, graph nodes, the clauses citing each
 * document, and series titles. Built once per engine; shared by planning, facets, hits and
 * suggestions.
 */
import type { Clause, DocumentRecord, Graph, GraphNode } from '../model.ts';
import { analyze } from './analyze.ts';
import type { Entry } from './fields.ts';

export class Catalog {
  readonly entries: Entry[];
  readonly docs: Map<string, DocumentRecord>;
  readonly nodes: Map<string, GraphNode>;
  /** Document or external node id → the clauses citing it (explicit edges, news reports left out). */
  readonly citing = new Map<string, string[]>();
  /** Series id → title of its current member. */
  readonly seriesTitle = new Map<string, string>();
  /** Entry → its document's number in `docIds` (counting per document without string keys). */
  readonly docOf: Int32Array;
  readonly docIds: string[];
  /** Clause id → entry. */
  private readonly entryOf = new Map<string, number>();
  private readonly folded = new Map<number, string>();

  constructor(docs: DocumentRecord[], graph: Graph | undefined) {
    this.entries = entriesOf(docs);
    this.entries.forEach((e, i) => this.entryOf.set(e.clause.id, i));
    this.docIds = [];
    const docNumber = new Map<string, number>();
    this.docOf = new Int32Array(this.entries.length);
    this.entries.forEach((e, i) => {
      let d = docNumber.get(e.doc.id);
      if (d === undefined) docNumber.set(e.doc.id, (d = this.docIds.push(e.doc.id) - 1));
      this.docOf[i] = d;
    });
    this.docs = new Map(docs.map((d) => [d.id, d]));
    this.nodes = new Map((graph?.nodes ?? []).map((n) => [n.id, n]));
    for (const e of graph?.edges ?? []) {
      if (e.inferred || !e.clauses.from || e.relation === 'reports-on') continue;
      const list = this.citing.get(e.to) ?? [];
      if (!list.includes(e.clauses.from)) list.push(e.clauses.from);
      this.citing.set(e.to, list);
    }
    for (const n of this.nodes.values()) if (n.series && n.status === 'current' && n.title) this.seriesTitle.set(n.series, n.title);
  }

  get size(): number {
    return this.entries.length;
  }

  entry(clauseId: string): number | undefined {
    return this.entryOf.get(clauseId);
  }

  clause(clauseId: string): Clause | undefined {
    const entry = this.entryOf.get(clauseId);
    return entry === undefined ? undefined : this.entries[entry]!.clause;
  }

  /** The graph node of a document or external node (a document without a graph gets one made from its record). */
  node(id: string): GraphNode | undefined {
    const n = this.nodes.get(id);
    if (n) return n;
    const d = this.docs.get(id);
    return d ? nodeOf(d) : undefined;
  }

  /** Every node a number query can name: the graph's, or the documents' when there is no graph. */
  allNodes(): Iterable<GraphNode> {
    return this.nodes.size ? this.nodes.values() : [...this.docs.values()].map(nodeOf);
  }

  /** A clause's folded words joined by spaces, padded with a space (memoised): quoted phrases are checked on it. */
  foldedText(entry: number): string {
    let f = this.folded.get(entry);
    if (f === undefined) {
      f = ` ${analyze(this.entries[entry]!.clause.text).folded.join(' ')} `;
      if (this.folded.size > 20_000) this.folded.clear();
      this.folded.set(entry, f);
    }
    return f;
  }
}

/** The clauses that are indexed, in entry order: every clause with text. */
export function entriesOf(docs: DocumentRecord[]): Entry[] {
  const out: Entry[] = [];
  for (const doc of docs) for (const clause of doc.clauses) if (clause.text.trim()) out.push({ clause, doc });
  return out;
}

export function nodeOf(d: DocumentRecord): GraphNode {
  return { id: d.id, ...(d.number ? { number: d.number } : {}), type: d.type, typeLabel: d.typeLabel, ...(d.title ? { title: d.title } : {}), ...(d.issuer ? { issuer: d.issuer } : {}), ...(d.date ? { date: d.date } : {}), inCorpus: true };
}
