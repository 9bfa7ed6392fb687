/** The ALQAC importer and the relevance evaluation. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { readAlqac } from '../src/read/alqac.ts';
import { describeExternal, externalPath } from './helpers/external.ts';
import { evaluate } from '../indexer/commands/eval.ts';

const LAW = JSON.stringify([
  {
    id: '91/2015/QH13',
    articles: [
      { id: '1', text: 'Phạm vi điều chỉnh\n\nBộ luật này quy định địa vị pháp lý, chuẩn mực pháp lý về cách ứng xử của cá nhân, pháp nhân.' },
      { id: '2', text: 'Công nhận, tôn trọng, bảo vệ và bảo đảm quyền dân sự\n\n1. Ở nước Cộng hòa xã hội chủ nghĩa Việt Nam, các quyền dân sự được công nhận.' },
    ],
  },
  { id: '01/VBHN-VPQH', articles: [{ id: '418', text: 'Tội chiếm đoạt hoặc hủy hoại di vật của tử sĩ' }] },
]);
const input = (text: string) => ({ path: 'law.json', corpus: 'alqac-2022', format: 'alqac-json' as const, text, bytes: text.length, sha256: 'x' });

describe('ALQAC law.json', () => {
  it('reads one document per law and one article clause per article, in our model', () => {
    const docs = readAlqac(input(LAW), new VFile());
    expect(docs.map((d) => [d.id, d.number, d.type])).toEqual([
      ['luat-91-2015-qh13', '91/2015/QH13', 'luat'],
      ['01-vbhn-vpqh', '01/VBHN-VPQH', 'van-ban-hop-nhat'],
    ]);
    const c = docs[0]!.clauses[1]!;
    expect(c).toMatchObject({ id: 'luat-91-2015-qh13/dieu-2', kind: 'dieu', pathLabel: 'Điều 2', heading: 'Công nhận, tôn trọng, bảo vệ và bảo đảm quyền dân sự' });
    expect(docs[0]!.text.slice(c.span.start.offset, c.span.end.offset)).toBe(c.text);
    expect(docs[0]!.sources[0]!.path).toBe('law.json#91/2015/QH13');
  });
  it.each(['{', '[{"id": 1}]', '{"laws": []}'])('reports %j as a diagnostic and reads nothing', (text) => {
    const file = new VFile({ path: 'bad.json' });
    expect(readAlqac(input(text), file)).toEqual([]);
    expect(file.messages[0]?.ruleId).toBe('alqac-json');
  });
});

describeExternal('relevance on ALQAC 2022 (first 100 questions)', () => {
  it('ranks the labelled article first for most questions, with and without diacritics', () => {
    const law = externalPath('alqac/2022/law.json');
    const q = externalPath('alqac/2022/question.json');
    const withMarks = evaluate(law, q, { limit: 100 });
    const without = evaluate(law, q, { limit: 100, strip: true });
    expect(withMarks.n).toBe(100);
    expect(withMarks.mrr10).toBeGreaterThan(0.85);
    expect(withMarks.hit10).toBeGreaterThan(0.93);
    expect(withMarks.mrr10 - without.mrr10).toBeLessThanOrEqual(0.01);
  }, 120_000);
});
