/** References on the seeds, through the whole pipeline: found, canonical, dated, typed, resolved. */
import { describe, expect, it } from 'vitest';
import { seedCorpus } from './helpers/seeds.ts';

const corpus = await seedCorpus();
const refs = corpus.artifact.references;
const find = (clauseId: string, number: string) => {
  const r = refs.find((x) => x.clauseId === clauseId && x.target.number === number);
  if (!r) throw new Error(`no ${number} in ${clauseId}: ${refs.filter((x) => x.clauseId === clauseId).map((x) => x.text)}`);
  return r;
};

describe('references in the seeds', () => {
  it.each([
    ['vb-001-57c09aa3197540b1/p1', '221-KL/TW', '2025-11-28', 'implements', 'resolved', '221-kl-tw'],
    ['vb-001-57c09aa3197540b1/p5', '22498/UBND-THĐT', '2025-12-17', 'cites', 'external', 'cong-van-22498-ubnd-thdt'],
    ['221-kl-tw/p1', '565-BC/BTCTW', '2025-11-27', 'based-on', 'external', '565-bc-btctw'],
    ['183-kl-tw/p1', '428-BC/BTCTW', '2025-07-31', 'based-on', 'external', '428-bc-btctw'],
    ['183-kl-tw/4/1', '56-KH/BCĐ', '2025-07-04', 'cites', 'external', '56-kh-bcd'],
    ['183-kl-tw/4/1', '02-KH/BCĐTW', '2025-06-19', 'cites', 'external', '02-kh-bcdtw'],
    ['183-kl-tw/6', '89-QĐ/TW', '2017-08-04', 'amends', 'external', '89-qd-tw'],
    ['183-kl-tw/6', '214-QĐ/TW', '2020-01-02', 'amends', 'external', '214-qd-tw'],
    ['183-kl-tw/6', '124-QĐ/TW', '2023-10-04', 'amends', 'external', '124-qd-tw'],
    ['202-kl-tw/p1', '523-BC/BTCTW', '2025-10-29', 'based-on', 'external', '523-bc-btctw'],
    ['202-kl-tw/2', '195-KL/TW', '2025-09-26', 'implements', 'external', '195-kl-tw'],
    ['202-kl-tw/10', '523-BC/BTCTW', '2025-10-29', 'attached', 'external', '523-bc-btctw'],
    ['202-kl-tw/8/fn-1', '213-QĐ/TW', '2020-01-02', 'supplements', 'external', '213-qd-tw'],
  ])('%s → %s (%s), %s, %s', (clauseId, number, date, relation, status, target) => {
    const r = find(clauseId, number);
    expect(r).toMatchObject({ relation, status, targetDocId: target });
    expect(r.target.date).toBe(date);
    expect(r.trigger === undefined).toBe(relation === 'cites');
  });

  it('canonicalises "Kết Luận số 183- KL/TW"-style spellings and keeps the text as written', () => {
    const r = find('183-kl-tw/6', '89-QĐ/TW');
    expect(r.text).toBe('Quy định số 89-QĐ/TW');
    const clause = corpus.clauses.get(r.clauseId)!;
    expect(clause.text.slice(r.start, r.end)).toBe(r.text);
    expect(corpus.documents.get(r.docId)!.text.slice(r.span.start.offset, r.span.end.offset)).toBe(r.text);
  });

  it('pins 202 footnote to khoản 5, Điều 4 of 213-QĐ/TW, and keeps the sentence', () => {
    const r = find('202-kl-tw/8/fn-1', '213-QĐ/TW');
    expect(r.target.pinpoint).toEqual({ khoan: '5', dieu: '4' });
    expect(r.targetClauseId).toBe('213-qd-tw/dieu-4/khoan-5');
    expect(r.text).toBe('Khoản 5, Điều 4 Quy định số 213-QĐ/TW');
    expect(r.sentence).toMatch(/^\[1\] Bổ sung nội dung nêu tại Khoản 5, Điều 4 Quy định số 213-QĐ\/TW, ngày 02\/01\/2020 của Bộ Chính trị/u);
  });

  it('resolves "Nghị quyết 18" to 18-NQ/TW, which 202 writes in full', () => {
    const r = refs.find((x) => x.text === 'Nghị quyết 18')!;
    expect(r).toMatchObject({ patternId: 'short-number', status: 'external', targetDocId: '18-nq-tw' });
    expect(r.target.complete).toBe(false);
  });

  it('makes external nodes for 195-KL/TW, 523-BC/BTCTW and 213-QĐ/TW with their dates', () => {
    for (const [id, date] of [['195-kl-tw', '2025-09-26'], ['523-bc-btctw', '2025-10-29'], ['213-qd-tw', '2020-01-02']]) {
      expect(corpus.graph.node(id!)).toMatchObject({ inCorpus: false, date });
    }
  });

  it('finds no reference in the news noise or the "Hội nghị lần thứ 12 khóa XIII" caption', () => {
    expect(refs.some((r) => /khóa XIII|Hội nghị/u.test(r.text))).toBe(false);
  });
});

describe('graph on the seeds', () => {
  it('has the series 183 → 195 → 202 → 221 with 221 current', () => {
    expect(corpus.artifact.series.map((s) => s.members)).toEqual([['183-kl-tw', '195-kl-tw', '202-kl-tw', '221-kl-tw']]);
    expect(corpus.graph.node('221-kl-tw')?.status).toBe('current');
    expect(corpus.graph.node('202-kl-tw')).toMatchObject({ status: 'superseded', supersededBy: '221-kl-tw', statusInferred: true });
  });
  it('links 001 to 221 as implementing, and 000 as a news report on 221', () => {
    const inc = corpus.graph.incoming('221-kl-tw');
    expect(inc.map((e) => [e.from, e.relation])).toEqual(expect.arrayContaining([['vb-001-57c09aa3197540b1', 'implements'], ['vb-000-5aebc353f5666171', 'reports-on'], ['221-kl-tw', 'supersedes']].filter(([f]) => f !== '221-kl-tw')));
  });
  it('gives the lineage of 221 [3] (from 202 4.(1).(i)) and [4] (from 202 clause 5)', () => {
    expect(corpus.graph.lineageOf('221-kl-tw/3').map((l) => l.from)).toContain('202-kl-tw/4/1/i');
    expect(corpus.graph.lineageOf('221-kl-tw/4').map((l) => l.from)).toContain('202-kl-tw/5');
  });
  it('183 clause 6 amends the three regulations, clause by clause', () => {
    const out = corpus.graph.outgoing('183-kl-tw').filter((e) => e.relation === 'amends');
    expect(out.map((e) => e.to).sort()).toEqual(['124-qd-tw', '214-qd-tw', '89-qd-tw']);
    expect(out.every((e) => e.clauses.from === '183-kl-tw/6')).toBe(true);
  });
});
