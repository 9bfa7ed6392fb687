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

describe('items under a list head take the head\'s text and the item\'s (or head\'s) verb (findReferences passes the parent clause)', () => {
  const head = '1. Bãi bỏ, sửa đổi, bổ sung một số điều của Luật Tài nguyên nước số 17/2012/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 08/2017/QH14 và Luật số 35/2018/QH14 như sau:';
  it.each([
    [head, 'a) Bãi bỏ Điều 37 và điểm đ khoản 1 Điều 38;', 'Điều 37 và điểm đ khoản 1 Điều 38', 'repeals', '17/2012/QH13'],
    [head, 'b) Sửa đổi, bổ sung khoản 1 Điều 73 như sau:', 'khoản 1 Điều 73', 'amends', '17/2012/QH13'],
    // Not a list head (no "như sau:" / "sau đây:"): the provision is the citing document's own.
    ['1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2022.', 'b) Bãi bỏ khoản 2 Điều 32.', 'khoản 2 Điều 32', 'cites', undefined],
  ] as const)('%#: %s', (listHead, item, ref, relation, number) => {
    const hit = findInText(item, { selfType: 'luat', listHead }).find((f) => f.text === ref)!;
    expect(hit.relation).toBe(relation);
    expect(hit.target.number).toBe(number);
  });
});
