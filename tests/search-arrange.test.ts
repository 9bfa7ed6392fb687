/**
 * Results worth reading (src/search/arrange.ts), through GET /api/search (app.request, no
 * socket) on the VLC laws and the seeds: the same sentence in many documents is one hit with
 * the others listed; one document takes at most three of the first ten results and says how
 * many more it has; `document` shows them; `perDocument=0` and `group=document` still work.
 */
import { expect, it } from 'vitest';
import { describeExternal, externalPath } from './helpers/external.ts';
import { loadInputs } from '../indexer/inputs.ts';
import { buildCorpus, openCorpus, type Corpus } from '../src/corpus.ts';
import { createApp } from '../src/server/index.ts';
import { sentenceKey } from '../src/search/arrange.ts';

it.each([
  ['3. Chính phủ quy định chi tiết Điều này.', '4. Chính phủ quy định chi tiết điều này'],
  ['Căn cứ vào Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992', 'Căn cứ vào Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992'],
  ['Điều 212. Quy định chi tiết', 'Điều 81. Quy định chi tiết'],
  ['đ) Các trường hợp khác', 'a) Các trường hợp khác'],
])('the same sentence, label and tone placement aside: %j = %j', (a, b) => {
  expect(sentenceKey(a)).toBe(sentenceKey(b));
});

it.each([
  ['Chính phủ quy định chi tiết Điều này.', 'Chính phủ quy định chi tiết Điều 5.'],
  ['1. Người lao động có quyền', '1. Người sử dụng lao động có quyền'],
])('different sentences stay apart: %j ≠ %j', (a, b) => {
  expect(sentenceKey(a)).not.toBe(sentenceKey(b));
});

describeExternal('results worth reading, on the VLC laws and the seeds (GET /api/search)', () => {
  let corpus: Corpus | undefined;
  const api = async (query: string) => {
    if (!corpus) {
      const { inputs } = await loadInputs([externalPath('vlc/corpus'), 'seeds']);
      const { artifact, search } = buildCorpus(inputs, { contentHash: 'test' });
      corpus = openCorpus(artifact, search);
    }
    const c = corpus;
    const r = await createApp({ corpus: () => c, config: { corsOrigins: [] } }).request(`/api/search?${query}`);
    expect(r.status).toBe(200);
    return (await r.json()) as any;
  };
  const q = (s: string) => `q=${encodeURIComponent(s)}`;

  it('"Kỳ họp thứ 10 Quốc hội": the preamble 20-odd laws share is one hit, listing the others ("and N more documents")', async () => {
    const r = await api(q('Kỳ họp thứ 10 Quốc hội'));
    const preambles = r.hits.filter((h: any) => /kỳ họp thứ 10/i.test(h.snippet.replace(/<\/?mark>/g, '')) && /Hiến pháp/.test(h.snippet.replace(/<\/?mark>/g, '')));
    // Before: the first page was this one sentence, ten times over.
    expect(preambles.length).toBeLessThanOrEqual(2);
    const collapsed = r.hits[0];
    expect(collapsed.alsoIn.length).toBeGreaterThanOrEqual(20);
    const docs = new Set([collapsed.docId, ...collapsed.alsoIn.map((o: any) => o.document.id)]);
    expect(docs.size).toBe(collapsed.alsoIn.length + 1);
    // A law's căn cứ line is a root paragraph ("…/p1"), or a preamble clause ("…/mo-dau-1") where the
    // body starts later (68/2006/QH11 writes "Căn Cứ vào …": outside the body, in no clause before frame.ts).
    for (const o of collapsed.alsoIn) expect(o).toMatchObject({ id: expect.stringMatching(/^[^/]+\/(?:p|mo-dau-)\d+$/), document: { inCorpus: true } });
    // The page now reaches other documents' clauses about sessions.
    expect(new Set(r.hits.map((h: any) => h.docId)).size).toBeGreaterThanOrEqual(5);
  });

  it('the total counts a folded sentence once, and stays the same on every page; no clause twice', async () => {
    const first = await api(q('Kỳ họp thứ 10 Quốc hội'));
    const seen = new Set<string>();
    for (let offset = 0; offset < 60; offset += 10) {
      const page = await api(`${q('Kỳ họp thứ 10 Quốc hội')}&offset=${offset}`);
      expect(page.total).toBe(first.total);
      for (const h of page.hits) {
        expect(seen.has(h.id), h.id).toBe(false);
        seen.add(h.id);
        for (const o of h.alsoIn ?? []) seen.add(o.id);
      }
    }
  });

  it('"quyền sử dụng đất": Luật Đất đai takes three of the first ten, says how many more it has, and they follow', async () => {
    const r = await api(q('quyền sử dụng đất'));
    const perDoc = new Map<string, number>();
    for (const h of r.hits) perDoc.set(h.docId, (perDoc.get(h.docId) ?? 0) + 1);
    expect(Math.max(...perDoc.values())).toBeLessThanOrEqual(3);
    expect(perDoc.get('luat-45-2013-qh13')).toBe(3);
    const last = r.hits.filter((h: any) => h.docId === 'luat-45-2013-qh13').at(-1);
    expect(last.moreInDocument).toBeGreaterThan(100);
    // Without the share, the law's clauses fill the page.
    const all = await api(`${q('quyền sử dụng đất')}&perDocument=0`);
    expect(all.hits.filter((h: any) => h.docId === 'luat-45-2013-qh13').length).toBeGreaterThan(3);
    // What was held back comes right after the first page.
    const next = await api(`${q('quyền sử dụng đất')}&offset=10`);
    expect(next.hits[0].docId).toBe('luat-45-2013-qh13');
  });

  it('"more in this document": document=<id> shows that law only, all of it, with the same count', async () => {
    const r = await api(q('quyền sử dụng đất'));
    const last = r.hits.filter((h: any) => h.docId === 'luat-45-2013-qh13').at(-1);
    const inDoc = await api(`${q('quyền sử dụng đất')}&document=luat-45-2013-qh13`);
    expect(inDoc.hits.every((h: any) => h.docId === 'luat-45-2013-qh13')).toBe(true);
    expect(inDoc.hits).toHaveLength(10);
    expect(inDoc.total).toBe(last.moreInDocument + 3);
    expect(inDoc.hits.slice(0, 3).map((h: any) => h.id)).toEqual(r.hits.filter((h: any) => h.docId === 'luat-45-2013-qh13').map((h: any) => h.id));
  });

  it('a citation keeps its named clause first (pinned hits are never moved), and grouping still works', async () => {
    const r = await api(q('Điều 5 Luật Đất đai'));
    expect(r.hits[0]).toMatchObject({ id: 'luat-45-2013-qh13/dieu-5', match: 'citation' });
    const grouped = await api(`${q('quyền sử dụng đất')}&group=document`);
    expect(grouped.groups.length).toBeGreaterThanOrEqual(4);
    expect(grouped.groups.reduce((n: number, g: any) => n + g.hits.length, 0)).toBe(grouped.hits.length);
  });

  it('on the seeds: a query whose matches sit in one Party document still fills the page from it', async () => {
    const r = await api(`${q('Ban Thường vụ')}&type=ket-luan`);
    expect(r.hits.length).toBe(Math.min(10, r.total));
  });
});
