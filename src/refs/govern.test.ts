import { describe, expect, it } from 'vitest';
import { GOVERNANCE_RULES } from './govern.ts';
import { findInText } from './find.ts';

describe('which reference a verb governs (govern.ts, data): every example typed as its rule says', () => {
  const rows = GOVERNANCE_RULES.flatMap((r) => r.examples.map(([sentence, ref, relation]) => [r.id, ref, relation, sentence] as const));
  it.each(rows)('%s: %s → %s', (_id, ref, relation, sentence) => {
    const found = findInText(sentence, { selfType: 'luat' });
    const hit = found.find((f) => f.text === ref);
    expect(hit, `found ${JSON.stringify(found.map((f) => [f.text, f.relation]))}`).toBeDefined();
    expect(hit!.relation).toBe(relation);
  });
  it('every rule has a note and at least one example', () => {
    for (const r of GOVERNANCE_RULES) {
      expect(r.note.length, r.id).toBeGreaterThan(30);
      expect(r.examples.length, r.id).toBeGreaterThan(0);
    }
  });
});

describe('a changing relation the structure does not confirm is kept as a low-confidence candidate, typed cites', () => {
  it.each([
    ['trường hợp có sự sửa đổi, bổ sung hoặc thay thế Thông tư số 05/2016/TT-BTTTT thì thực hiện theo quy định mới.', 'Thông tư số 05/2016/TT-BTTTT', 'replaces'],
    [
      '2. Bãi bỏ Thông tư số 03/2006/TT-NHNN ngày 25/4/2006 của Thống đốc Ngân hàng Nhà nước về việc hướng dẫn một số nội dung tại Nghị định số 89/1999/NĐ-CP ngày 01/9/1999 của Chính phủ về bảo hiểm tiền gửi.',
      'Nghị định số 89/1999/NĐ-CP',
      'repeals',
    ],
    ['Nghị định này thay thế Nghị định số 15/2020/NĐ-CP ngày 03/02/2020', 'Nghị định số 15/2020/NĐ-CP', undefined],
  ] as const)('%s', (sentence, ref, candidate) => {
    const hit = findInText(sentence, { selfType: 'nghi-dinh' }).find((f) => f.text === ref)!;
    expect(hit.candidate).toBe(candidate);
    if (candidate) expect(hit.relation).toBe('cites');
  });
});
