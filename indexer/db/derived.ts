/**
 * What the indexer made of the sources, written back to PostgreSQL: documents, clauses,
 * references and statuses (graph nodes), as of one revision. The first instance to serve a
 * build of a newer revision writes it, in one transaction (readers see the old set or the new,
 * never half); instances that built the same or an older revision skip it. Also the reading
 * side: the same DocumentRecord / Reference / GraphNode come back out (tests hold both stores to
 * one contract).
 */
import type { CorpusArtifact, DocumentRecord, GraphNode, Reference } from '../../src/model.ts';
import type { Sql } from './connect.ts';
import { begin } from './connect.ts';

const LOCK = 7_240_017;
const BATCH = 1000;

type Artifact = Pick<CorpusArtifact, 'documents' | 'references' | 'graph' | 'contentHash' | 'builtAt'>;

function* batches<T>(xs: readonly T[]): Generator<T[]> {
  for (let i = 0; i < xs.length; i += BATCH) yield xs.slice(i, i + BATCH);
}

/** Writes the build of `revision` unless a build of that revision or newer is there; returns whether it wrote. */
export async function publishBuild(sql: Sql, revision: number, artifact: Artifact): Promise<boolean> {
  return begin(sql, async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${LOCK})`;
    const [state] = await tx<{ revision: string; content_hash: string }[]>`SELECT revision, content_hash FROM build_state WHERE id = 1`;
    if (state && (Number(state.revision) > revision || (Number(state.revision) === revision && state.content_hash === artifact.contentHash))) return false;
    await tx`DELETE FROM refs`;
    await tx`DELETE FROM statuses`;
    await tx`DELETE FROM clauses`;
    await tx`DELETE FROM documents`;
    const docs = artifact.documents.map((d) => {
      const { text, clauses: _clauses, ...record } = d;
      return { id: d.id, number: d.number ?? null, type: d.type, title: d.title ?? null, issuer: d.issuer ?? null, date: d.date ?? null, corpus: d.corpus, text, record: record as never };
    });
    for (const rows of batches(docs)) await tx`INSERT INTO documents ${tx(rows)}`;
    const clauses = artifact.documents.flatMap((d) => d.clauses.map((c, ord) => ({ id: c.id, doc_id: d.id, ord, kind: c.kind, path_label: c.pathLabel, text: c.text, record: c as never })));
    for (const rows of batches(clauses)) await tx`INSERT INTO clauses ${tx(rows)}`;
    const refs = artifact.references.map((r) => ({ id: r.id, doc_id: r.docId, clause_id: r.clauseId, relation: r.relation, status: r.status ?? null, target_doc_id: r.targetDocId ?? null, target_clause_id: r.targetClauseId ?? null, record: r as never }));
    for (const rows of batches(refs)) await tx`INSERT INTO refs ${tx(rows)}`;
    const nodes = artifact.graph.nodes.map((n) => ({ doc_id: n.id, in_corpus: n.inCorpus, status: n.status ?? null, record: n as never }));
    for (const rows of batches(nodes)) await tx`INSERT INTO statuses ${tx(rows)}`;
    await tx`
      INSERT INTO build_state (id, revision, content_hash, built_at) VALUES (1, ${revision}, ${artifact.contentHash}, ${artifact.builtAt})
      ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision, content_hash = EXCLUDED.content_hash, built_at = EXCLUDED.built_at`;
    return true;
  });
}

export interface StoredRecords {
  revision: number | null;
  documents: DocumentRecord[];
  references: Reference[];
  nodes: GraphNode[];
}

/** The documents (with their clauses, in order), references and graph nodes as written back. */
export async function readRecords(sql: Sql): Promise<StoredRecords> {
  return begin(sql, 'ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
    const [state] = await tx<{ revision: string }[]>`SELECT revision FROM build_state WHERE id = 1`;
    const docs = await tx<{ id: string; text: string; record: Omit<DocumentRecord, 'text' | 'clauses'> }[]>`SELECT id, text, record FROM documents`;
    const clauses = await tx<{ doc_id: string; record: DocumentRecord['clauses'][number] }[]>`SELECT doc_id, record FROM clauses ORDER BY doc_id, ord`;
    const byDoc = new Map<string, DocumentRecord['clauses']>();
    for (const c of clauses) {
      const list = byDoc.get(c.doc_id) ?? [];
      list.push(c.record);
      byDoc.set(c.doc_id, list);
    }
    const refs = await tx<{ record: Reference }[]>`SELECT record FROM refs ORDER BY id`;
    const nodes = await tx<{ record: GraphNode }[]>`SELECT record FROM statuses ORDER BY doc_id`;
    return {
      revision: state ? Number(state.revision) : null,
      documents: docs.map((d) => ({ ...d.record, text: d.text, clauses: byDoc.get(d.id) ?? [] }) as DocumentRecord).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      references: refs.map((r) => r.record),
      nodes: nodes.map((n) => n.record),
    };
  });
}
