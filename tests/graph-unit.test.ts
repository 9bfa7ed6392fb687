/**
 * Resolve and graph over the real seed documents, with references written by hand from the
 * seed sentences (what the finder must produce), so these stages are tested on their own.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { seedCorpus } from './helpers/seeds.ts';
import { resolveReferences } from '../src/resolve/index.ts';
import { buildGraph, GraphIndex, toDot, toGraphML, toMermaid, diffWords } from '../src/graph/index.ts';
import { referenceId } from '../src/ids.ts';
import type { DocumentRecord, Reference, RefTarget, Relation } from '../src/model.ts';

const corpus = await seedCorpus();
const docs: DocumentRecord[] = corpus.artifact.documents;

function ref(clauseId: string, text: string, target: RefTarget, relation: Relation = 'cites', n = 1): Reference {
  const clause = corpus.clauses.get(clauseId)!;
  const start = clause.text.indexOf(text);
  if (start < 0) throw new Error(`"${text}" not in ${clauseId}`);
  const abs = clause.span.start.offset + start;
  const sentenceStart = Math.max(clause.text.lastIndexOf('.', start) + 1, clause.text.lastIndexOf('\n', start) + 1, 0);
  const sentenceEnd = clause.text.indexOf('.', start + text.length) < 0 ? clause.text.length : clause.text.indexOf('.', start + text.length);
  return {
    id: referenceId(clauseId, n),
    docId: clause.docId,
    clauseId,
    start,
    end: start + text.length,
    span: { start: { line: 1, column: 1, offset: abs }, end: { line: 1, column: 1, offset: abs + text.length } },
    text,
    sentence: clause.text.slice(sentenceStart, sentenceEnd).trim(),
    patternId: 'hand',
    target,
    relation,
  };
}

const refs: Reference[] = [
  ref('202-kl-tw/2', 'Kết luận số 195-KL/TW, ngày 26/9/2025', { scope: 'document', type: 'ket-luan', number: '195-KL/TW', complete: true, date: '2025-09-26' }),
  ref('202-kl-tw/p1', 'Báo cáo số 523-BC/BTCTW, ngày 29/10/2025', { scope: 'document', type: 'bao-cao', number: '523-BC/BTCTW', complete: true, date: '2025-10-29' }, 'based-on'),
  ref('202-kl-tw/8/fn-1', 'Khoản 5, Điều 4 Quy định số 213-QĐ/TW, ngày 02/01/2020', { scope: 'document', type: 'quy-dinh', number: '213-QĐ/TW', complete: true, date: '2020-01-02', pinpoint: { khoan: '5', dieu: '4' } }, 'supplements'),
  ref('vb-001-57c09aa3197540b1/p1', 'Kết luận số 221-KL/TW ngày 28/11/2025', { scope: 'document', type: 'ket-luan', number: '221-KL/TW', complete: true, date: '2025-11-28' }, 'implements'),
  ref('183-kl-tw/4/1', 'Nghị quyết 18', { scope: 'document', type: 'nghi-quyet', number: '18', complete: false }),
  ref('202-kl-tw/4/4', 'Nghị quyết số 18-NQ/TW', { scope: 'document', type: 'nghi-quyet', number: '18-NQ/TW', complete: true }),
  ref('183-kl-tw/4/1', 'Kế hoạch số 56', { scope: 'document', type: 'ke-hoach', number: '56', complete: false }, 'cites', 2),
].filter(Boolean);

const file = new VFile({ path: 'references' });
const { references, externals } = resolveReferences(refs, docs, file);
const built = buildGraph(docs, references, externals);
const graph = new GraphIndex(built, references);
const byText = (t: string) => references.find((r) => r.text === t)!;

describe('resolve', () => {
  it('resolves a complete number in the corpus (001 implements 221-KL/TW)', () => {
    expect(byText('Kết luận số 221-KL/TW ngày 28/11/2025')).toMatchObject({ status: 'resolved', targetDocId: '221-kl-tw' });
  });
  it('makes external nodes with their dates for documents not in the seeds', () => {
    expect(byText('Kết luận số 195-KL/TW, ngày 26/9/2025')).toMatchObject({ status: 'external', targetDocId: '195-kl-tw' });
    expect(externals.find((n) => n.id === '195-kl-tw')).toMatchObject({ number: '195-KL/TW', type: 'ket-luan', date: '2025-09-26', inCorpus: false, title: 'Về bộ máy hệ thống chính trị và chính quyền địa phương 2 cấp' });
    expect(externals.find((n) => n.id === '523-bc-btctw')).toMatchObject({ date: '2025-10-29', type: 'bao-cao' });
    expect(externals.find((n) => n.id === '213-qd-tw')).toMatchObject({ date: '2020-01-02', type: 'quy-dinh' });
  });
  it('keeps the pinpoint: khoản 5 Điều 4 of 213-QĐ/TW', () => {
    expect(byText('Khoản 5, Điều 4 Quy định số 213-QĐ/TW, ngày 02/01/2020')).toMatchObject({ targetDocId: '213-qd-tw', targetClauseId: '213-qd-tw/dieu-4/khoan-5' });
  });
  it('resolves "Nghị quyết 18" to 18-NQ/TW, the one complete number of that type the corpus knows', () => {
    expect(byText('Nghị quyết 18')).toMatchObject({ status: 'external', targetDocId: '18-nq-tw' });
  });
  it('lists what it cannot resolve as a diagnostic instead of dropping it', () => {
    expect(byText('Kế hoạch số 56')).toMatchObject({ status: 'unresolved' });
    expect(file.messages.map((m) => [m.ruleId, m.file])).toContainEqual(['unresolved-reference', 'seeds/003_5d30afc99b18f1f4.txt']);
  });
  it('keeps two candidates ambiguous, never silently one', () => {
    const a = { ...docs.find((d) => d.id === '183-kl-tw')!, id: '183-kl-tw-khoa-xii', date: '2018-08-01', term: 'XII' };
    const r = resolveReferences([ref('202-kl-tw/2', 'Kết luận số 195-KL/TW', { scope: 'document', type: 'ket-luan', number: '183', complete: false })], [...docs, a]);
    expect(r.references[0]).toMatchObject({ status: 'resolved', targetDocId: '183-kl-tw' }); // same term as the citing 202
    const b = { ...a, id: '183-kl-tw-other', date: '2025-08-02', term: 'XIII' };
    const r2 = resolveReferences([ref('202-kl-tw/2', 'Kết luận số 195-KL/TW', { scope: 'document', type: 'ket-luan', number: '183', complete: false })], [...docs, b]);
    expect(r2.references[0]).toMatchObject({ status: 'ambiguous', candidates: ['183-kl-tw', '183-kl-tw-other'] });
  });
});

describe('graph', () => {
  it('types edges and keeps the clause at each end and the sentence as evidence', () => {
    const e = graph.outgoing('202-kl-tw').find((x) => x.to === '213-qd-tw')!;
    expect(e).toMatchObject({ relation: 'supplements', clauses: { from: '202-kl-tw/8/fn-1', to: '213-qd-tw/dieu-4/khoan-5' } });
    expect(e.evidence).toMatch(/^\[1\]\s+Bổ sung nội dung nêu tại Khoản 5, Điều 4 Quy định số 213-QĐ\/TW/u);
    expect(graph.incoming('221-kl-tw').map((x) => [x.from, x.relation])).toContainEqual(['vb-001-57c09aa3197540b1', 'implements']);
  });
  it('finds the series 183 → 195 → 202 → 221, ordered by date, through the title 202 gives 195', () => {
    expect(built.series).toHaveLength(1);
    expect(built.series[0]!.members).toEqual(['183-kl-tw', '195-kl-tw', '202-kl-tw', '221-kl-tw']);
    expect(graph.seriesOf('195-kl-tw')?.issuer).toBe('Bộ Chính trị, Ban Bí thư');
  });
  it('marks the newest current and the older superseded, with the evidence, inferred', () => {
    expect(graph.node('221-kl-tw')).toMatchObject({ status: 'current' });
    expect(graph.node('183-kl-tw')).toMatchObject({ status: 'superseded', supersededBy: '221-kl-tw', statusInferred: true });
    const s = graph.outgoing('202-kl-tw').find((e) => e.relation === 'supersedes')!;
    expect(s).toMatchObject({ to: '195-kl-tw', inferred: true });
    expect(s.evidence).toContain('cùng cơ quan ban hành, cùng vấn đề, ngày sau hơn (suy ra');
  });
  it('lets an explicit relation win over the series', () => {
    // A stated replacement (a sentence of the newer conclusion) is explicit, not inferred.
    const head = corpus.clauses.get('221-kl-tw/3')!.text.slice(0, 12);
    const replace = { ...ref('221-kl-tw/3', head, { scope: 'document', type: 'ket-luan', number: '202-KL/TW', complete: true }, 'replaces'), sentence: 'Kết luận này thay thế Kết luận số 202-KL/TW.', text: 'Kết luận số 202-KL/TW', status: 'resolved' as const, targetDocId: '202-kl-tw' };
    const g = buildGraph(docs, [...references, replace], externals);
    expect(g.graph.nodes.find((n) => n.id === '202-kl-tw')).toMatchObject({ status: 'superseded', supersededBy: '221-kl-tw', statusInferred: false, effect: 'replaced' });
    // An older document cannot replace a newer one (a name resolved to a later version): nothing changes.
    const backwards = { ...ref('202-kl-tw/3', 'Giao Đảng ủy Chính phủ', { scope: 'document', type: 'ket-luan', number: '221-KL/TW', complete: true }, 'replaces'), status: 'resolved' as const, targetDocId: '221-kl-tw' };
    const b = buildGraph(docs, [...references, backwards], externals);
    expect(b.graph.nodes.find((n) => n.id === '221-kl-tw')).toMatchObject({ status: 'current', effect: 'in-force' });
  });
  it('traces lineage: 221 [3] comes from 202 4.(1).(i), with a word diff', () => {
    const links = graph.lineageOf('221-kl-tw/3');
    expect(links.map((l) => l.from)).toContain('202-kl-tw/4/1/i');
    const l = links.find((x) => x.from === '202-kl-tw/4/1/i')!;
    expect(l.diff.some((p) => p.op === 'equal' && p.text.includes('rà soát toàn bộ'))).toBe(true);
    expect(l.diff.some((p) => p.op !== 'equal')).toBe(true);
  });
  it('traces lineage of 221 [4] to 202 clause 5 (arranging public service units, "hoàn thành trong năm 2025"), loosely', () => {
    const l = graph.lineageOf('221-kl-tw/4').find((x) => x.to === '221-kl-tw/4')!;
    expect(l.from).toBe('202-kl-tw/5');
    expect(l.similarity).toBeLessThan(0.3);
    expect(l.diff.some((p) => p.op === 'equal' && p.text.includes('hoàn thành trong năm 2025'))).toBe(true);
  });
  it('answers neighbourhood, shortest path and relation filters', () => {
    const n = graph.neighbourhood('221-kl-tw', { depth: 2 });
    expect(n.nodes.map((x) => x.id)).toEqual(expect.arrayContaining(['221-kl-tw', '202-kl-tw', '195-kl-tw', 'vb-001-57c09aa3197540b1']));
    expect(graph.neighbourhood('221-kl-tw', { depth: 3, relations: ['implements'] }).nodes.map((x) => x.id).sort()).toEqual(['221-kl-tw', 'vb-001-57c09aa3197540b1']);
    expect(graph.shortestPath('vb-001-57c09aa3197540b1', '213-qd-tw')).toEqual(['vb-001-57c09aa3197540b1', '221-kl-tw', '202-kl-tw', '213-qd-tw']);
  });
  it('exports DOT, Mermaid and GraphML with escaped labels', () => {
    const g = graph.neighbourhood('202-kl-tw', { depth: 1 });
    expect(toDot(g)).toContain('"202-kl-tw" -> "213-qd-tw" [label="supplements"]');
    expect(toMermaid(g)).toMatch(/^graph LR\n/);
    expect(toGraphML(g)).toContain('<data key="relation">supplements</data>');
    expect(toGraphML({ nodes: [], edges: [{ from: 'a', to: 'b', relation: 'cites', evidence: '<x & "y">', clauses: {}, refs: [] }] })).toContain('&lt;x &amp; &quot;y&quot;&gt;');
  });
});

describe('word diff', () => {
  it('ignores formatting noise (tone placement, numbering labels) and shows the deadline change', () => {
    const d = diffWords('(i) Đảng uỷ hoàn thành trước ngày 15/12/2025.', '[3] Đảng ủy hoàn thành trong năm 2025.');
    expect(d).toEqual([
      { op: 'equal', text: 'Đảng ủy hoàn thành' },
      { op: 'delete', text: 'trước ngày 15/12/2025.' },
      { op: 'insert', text: 'trong năm 2025.' },
    ]);
  });
});
