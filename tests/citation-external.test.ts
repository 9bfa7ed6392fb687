/** Citation queries on the VLC laws (and the seeds): the clause a legal officer names comes first. */
import { expect, it } from 'vitest';
import { describeExternal, externalPath } from './helpers/external.ts';
import { loadInputs } from '../indexer/inputs.ts';
import { buildCorpus } from '../src/corpus.ts';
import type { SearchEngine } from '../src/search/index.ts';

describeExternal('citation queries on the VLC laws', () => {
  let engine: SearchEngine | undefined;
  const ready = async () => {
    if (!engine) {
      const { inputs } = await loadInputs([externalPath('vlc/corpus'), 'seeds']);
      engine = buildCorpus(inputs, { contentHash: 'test' }).search;
    }
    return engine;
  };

  // The table: typed → what a legal officer expects first.
  it.each([
    ['Điều 5 Luật Đất đai', 'luat-45-2013-qh13/dieu-5'],
    ['khoản 2 điều 5 luật 45/2013/QH13', 'luat-45-2013-qh13/dieu-5/khoan-2'],
    ['bộ luật lao động điều 35', 'bo-luat-45-2019-qh14/dieu-35'],
    ['Điều 286 BLHS', 'bo-luat-100-2015-qh13/dieu-286'],
    ['dieu 7 luat thong ke', 'luat-89-2015-qh13/dieu-7'],
    ['đ35 BLLĐ', 'bo-luat-45-2019-qh14/dieu-35'],
    ['Đ.35 blld', 'bo-luat-45-2019-qh14/dieu-35'],
    ['k2 đ5 luật đất đai', 'luat-45-2013-qh13/dieu-5/khoan-2'],
    ['điểm a khoản 1 điều 3 bộ luật dân sự 2015', 'bo-luat-91-2015-qh13/dieu-3/khoan-1'],
    ['Luật Đất đai năm 2013 điều 5', 'luat-45-2013-qh13/dieu-5'],
    ['Điều 39 BLTTHS', 'bo-luat-101-2015-qh13/dieu-39'],
    ['điều 5 blttds', 'bo-luat-92-2015-qh13/dieu-5'],
    ['luat hon nhan gia dinh dieu 8', 'luat-52-2014-qh13/dieu-8'],
    ['Chương II Luật Đất đai', 'luat-45-2013-qh13/chuong-2'],
    ['chương 3 mục 1 bộ luật dân sự', 'bo-luat-91-2015-qh13/chuong-iii/muc-1'],
  ])('%j → %s first', async (q, id) => {
    const r = (await ready()).search(q);
    expect(r.hits[0]).toMatchObject({ id, match: 'citation' });
    expect(r.citation?.clauseId).toBe(id);
  });

  it('two versions of a law: the one in the corpus and in force first, the other named', async () => {
    const r = (await ready()).search('Điều 5 Luật Đất đai');
    expect(r.citation).toMatchObject({ status: 'found', documentId: 'luat-45-2013-qh13', written: 'Điều 5 Luật Đất đai' });
    expect(r.citation!.others.map((o) => o.id)).toContain('luat-13-2003-qh11');
  });

  it('a year picks the version: "Luật Đất đai 2003" is the older law, only cited here (its external node)', async () => {
    const r = (await ready()).search('Điều 5 Luật Đất đai 2003');
    expect(r.citation).toMatchObject({ status: 'external', documentId: 'luat-13-2003-qh11' });
    expect(r.hits[0]).toMatchObject({ id: 'luat-13-2003-qh11' });
    expect(r.citation!.others.map((o) => o.id)).toContain('luat-45-2013-qh13');
  });

  it('two documents with one number: the first in force, the other listed, marked ambiguous', async () => {
    const r = (await ready()).search('luật 45');
    expect(r.citation!.ambiguous).toBe(true);
    expect([r.citation!.documentId, ...r.citation!.others.map((o) => o.id)]).toEqual(expect.arrayContaining(['luat-45-2013-qh13', 'bo-luat-45-2019-qh14']));
  });

  it('a clause and then what cites it', async () => {
    const r = (await ready()).search('Luật số 82/2006/QH11');
    expect(r.hits[0]).toMatchObject({ id: 'luat-82-2006-qh11', match: 'number' });
    expect(r.hits[1]).toMatchObject({ docId: 'luat-53-2014-qh13', match: 'cites' });
  });

  it('not in the corpus and never cited: said so, nothing unrelated matched by folding', async () => {
    for (const q of ['nghị định 15/2020', 'nghi dinh 15/2020', 'NĐ 15/2020']) {
      const r = (await ready()).search(q);
      expect(r.citation).toMatchObject({ status: 'not-found' });
      expect(r.hits.filter((h) => /đình|dinh/i.test(h.snippet))).toEqual([]);
    }
  });

  it('a law name nobody has: not found (the words are still searched)', async () => {
    expect((await ready()).search('Điều 5 Luật Xyz').citation).toMatchObject({ status: 'not-found', written: 'Điều 5 Luật Xyz' });
  });

  it('an article the law does not have: the law, said to be partial', async () => {
    const r = (await ready()).search('Điều 999 Luật Đất đai');
    expect(r.citation).toMatchObject({ status: 'partial', documentId: 'luat-45-2013-qh13' });
  });

  it('questions that mention a law are not citations', async () => {
    for (const q of ['người lao động bị tai nạn lao động được hưởng chế độ gì', 'quyền sử dụng đất', 'Luật Đất đai quy định gì về thu hồi đất'])
      expect((await ready()).search(q).citation).toBeUndefined();
  });
});
