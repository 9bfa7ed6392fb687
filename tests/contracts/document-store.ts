/**
 * The document model does not fork: whatever keeps the corpus — build/ on disk (the files
 * store) or PostgreSQL (the database store) — the same DocumentRecord, Clause, Reference and
 * GraphNode come out. One suite, run against each store holding the seeds
 * (tests/document-store-files.test.ts, tests/db/document-store-postgres.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, GraphNode, Reference } from '../../src/model.ts';

export interface Records {
  documents: DocumentRecord[];
  references: Reference[];
  nodes: GraphNode[];
}

export interface DocumentStoreUnderTest {
  /** What the store holds, after it was given the seeds. */
  records(): Promise<Records>;
  close(): Promise<void>;
}

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function documentStoreContract(name: string, make: () => Promise<DocumentStoreUnderTest>, reference?: () => Promise<Records>): void {
  describe(`document store contract: ${name}`, () => {
    let store: DocumentStoreUnderTest;
    let r: Records;
    beforeAll(async () => {
      store = await make();
      r = await store.records();
    }, 600_000);
    afterAll(async () => {
      await store?.close();
    });

    it('holds the four seed documents, by their ids and numbers', () => {
      expect(byId(r.documents).map((d) => [d.id, d.number ?? null])).toEqual([
        ['183-kl-tw', '183-KL/TW'],
        ['202-kl-tw', '202-KL/TW'],
        ['221-kl-tw', '221-KL/TW'],
        ['vb-001-57c09aa3197540b1', null],
      ]);
    });

    it('keeps each clause tree whole: ids, order, parents, and every clause text is its span of the document text', () => {
      const d221 = r.documents.find((d) => d.id === '221-kl-tw')!;
      expect(d221.roots.filter((id) => /^221-kl-tw\/\d+$/.test(id))).toEqual(['221-kl-tw/1', '221-kl-tw/2', '221-kl-tw/3', '221-kl-tw/4', '221-kl-tw/5']);
      const d183 = r.documents.find((d) => d.id === '183-kl-tw')!;
      expect(d183.clauses.find((c) => c.id === '183-kl-tw/3/1')?.children).toEqual(['183-kl-tw/3/1/i', '183-kl-tw/3/1/ii']);
      for (const d of r.documents)
        for (const c of d.clauses) {
          expect(d.text.slice(c.span.start.offset, c.span.end.offset), c.id).toBe(c.text);
          if (c.parentId) expect(d.clauses.some((p) => p.id === c.parentId && (p.children.includes(c.id) || p.footnotes?.includes(c.id))), c.id).toBe(true);
        }
    });

    it('keeps the references with their relation, evidence and resolution', () => {
      expect(r.references.length).toBe(15);
      expect(r.references.find((x) => x.clauseId === '202-kl-tw/8/fn-1')).toMatchObject({ relation: 'supplements', targetDocId: '213-qd-tw', targetClauseId: '213-qd-tw/dieu-4/khoan-5', status: 'external' });
      expect(r.references.find((x) => x.docId === 'vb-001-57c09aa3197540b1' && x.targetDocId === '221-kl-tw')?.relation).toBe('implements');
    });

    it('keeps the graph nodes, external ones and statuses included', () => {
      expect(r.nodes.find((n) => n.id === '195-kl-tw')).toMatchObject({ inCorpus: false, number: '195-KL/TW' });
      expect(r.nodes.find((n) => n.id === '183-kl-tw')).toMatchObject({ inCorpus: true, status: 'superseded', supersededBy: '221-kl-tw' });
    });

    if (reference)
      it('gives exactly the records the reference store gives', async () => {
        const ref = await reference();
        expect(byId(r.documents)).toEqual(byId(ref.documents));
        expect(byId(r.references)).toEqual(byId(ref.references));
        expect(byId(r.nodes)).toEqual(byId(ref.nodes));
      });
  });
}
