/** Search and suggestions on real law text (the VLC laws, 68k clauses): what a legal officer types. */
import { expect, it } from 'vitest';
import { describeExternal, externalPath } from './helpers/external.ts';
import { loadInputs } from '../indexer/inputs.ts';
import { buildCorpus } from '../src/corpus.ts';
import type { SearchEngine } from '../src/search/index.ts';

describeExternal('search on the VLC laws', () => {
  let engine: SearchEngine | undefined;
  const ready = async () => {
    if (!engine) {
      const { inputs } = await loadInputs([externalPath('vlc/corpus')]);
      engine = buildCorpus(inputs, { contentHash: 'test' }).search;
    }
    return engine;
  };

  it.each([
    ['hop dong lao d', 'hợp đồng lao động'],
    ['tram y t', 'trạm y tế'],
    ['quyen su d', 'quyền sử dụng'],
    ['bảo hiểm x', 'bảo hiểm xã'],
  ])('suggests %j → %j first, spelled as the laws spell that phrase', async (typed, first) => {
    expect((await ready()).suggest(typed)[0]).toBe(first);
  });

  it('drops completions that never follow the words before ("trạm y thức")', async () => {
    expect((await ready()).suggest('tram y t')).not.toContain('trạm y thức');
  });

  it('a law number with its type finds the law first, then the clauses citing it', async () => {
    const hits = (await ready()).search('luật 10/2012/QH13', { limit: 5 }).hits;
    expect(hits[0]).toMatchObject({ match: 'number', document: { number: '10/2012/QH13' } });
    expect(hits.slice(1).every((h) => h.match === 'cites')).toBe(true);
  });

  it('the same question without diacritics puts the same clause first', async () => {
    const e = await ready();
    for (const [marked, bare] of <[string, string][]>[
      ['thời hiệu khởi kiện', 'thoi hieu khoi kien'],
      ['quyền sử dụng đất', 'quyen su dung dat'],
      ['người lao động bị tai nạn lao động được hưởng chế độ gì', 'nguoi lao dong bi tai nan lao dong duoc huong che do gi'],
    ])
      expect(e.search(bare).hits[0]!.id).toBe(e.search(marked).hits[0]!.id);
  });

  it.each(['thời hiệu khởi kiện', 'tram y te', 'công chứng viên', 'luật 10/2012/QH13'])('paging through %j: every page reports the same total, no clause twice', async (q) => {
    const e = await ready();
    const first = e.search(q, { limit: 10 });
    const seen = new Set<string>();
    for (let offset = 0; offset < Math.min(first.total, 120); offset += 10) {
      const page = e.search(q, { limit: 10, offset });
      expect(page.total).toBe(first.total);
      for (const h of page.hits) {
        expect(seen.has(h.id)).toBe(false);
        seen.add(h.id);
      }
    }
    expect(seen.size).toBe(Math.min(first.total, 120));
  });

  it('counts and facets cover every match, not only the page', async () => {
    const r = (await ready()).search('bảo hiểm xã hội bắt buộc', { limit: 5 });
    expect(r.total).toBeGreaterThan(20);
    const byType = r.facets.type!.reduce((n, f) => n + f.count, 0);
    expect(byType).toBe(r.total);
  });
});
