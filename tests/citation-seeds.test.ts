/** Citation queries on the seeds: Party pinpoints, numbers in any form, documents only cited, numbers nobody cites. */
import { describe, expect, it } from 'vitest';
import { seedCorpus } from './helpers/seeds.ts';

const { search } = await seedCorpus();

describe('citation queries on the seeds', () => {
  it.each([
    ['mục 3 kết luận 183', '183-kl-tw/3'],
    ['muc 3 ket luan 183', '183-kl-tw/3'],
    ['điểm (ii) mục 3 Kết luận số 183-KL/TW', '183-kl-tw/3/1/ii'],
    ['mục 3 (1) (i) kl 183', '183-kl-tw/3/1/i'],
    ['kl 202 mục 4', '202-kl-tw/4'],
    ['183-KL/TW mục 7 điểm (iii)', '183-kl-tw/7/iii'],
  ])('%j → %s first, marked as the citation', (q, id) => {
    const r = search.search(q);
    expect(r.hits[0]).toMatchObject({ id, match: 'citation' });
    expect(r.citation).toMatchObject({ status: 'found', clauseId: id });
  });

  it('a clause of a document only cited: its external node, then the clause citing exactly that khoản', () => {
    const r = search.search('khoản 5 điều 4 quy định số 213-QĐ/TW');
    expect(r.citation).toMatchObject({ status: 'external', documentId: '213-qd-tw', clauseId: '213-qd-tw/dieu-4/khoan-5', written: 'khoản 5 Điều 4 Quy định số 213-QĐ/TW' });
    expect(r.hits.slice(0, 2).map((h) => [h.id, h.match])).toEqual([
      ['213-qd-tw', 'number'],
      ['202-kl-tw/8/fn-1', 'cites'],
    ]);
  });

  it('a number nobody in the corpus has or cites: a clear not-found, and no words matched by folding', () => {
    const r = search.search('nghị định 15/2020');
    expect(r.citation).toMatchObject({ status: 'not-found', written: 'Nghị định 15/2020' });
    expect(r.hits).toEqual([]);
    expect(search.search('nghi dinh 15/2020').hits).toEqual([]);
  });

  it('a pinpoint the document does not have: the document part found, said to be partial', () => {
    const r = search.search('mục 99 kết luận 183');
    expect(r.citation).toMatchObject({ status: 'partial', documentId: '183-kl-tw' });
  });

  it('plain words are not read as citations', () => {
    for (const q of ['tram y te cap xa', 'chính quyền địa phương', 'Đảng ủy']) expect(search.search(q).citation).toBeUndefined();
  });
});
