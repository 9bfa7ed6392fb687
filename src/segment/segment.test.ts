import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { segment } from './segment.ts';

const run = (text: string, mode: 'law' | 'party' | 'auto' = 'auto') => {
  const file = new VFile({ path: 't.txt' });
  return { ...segment(text, file, { docId: 'd', mode }), file };
};

describe('segment: law structure', () => {
  const law = [
    'Chương I',
    'NHỮNG QUY ĐỊNH CHUNG',
    'Điều 1. Phạm vi điều chỉnh',
    'Luật này quy định về công chứng.',
    'Điều 2. Giải thích từ ngữ',
    '1. Công chứng viên là người có đủ tiêu chuẩn.',
    '2. Tổ chức hành nghề công chứng gồm:',
    'a) Phòng công chứng;',
    'b) Văn phòng công chứng.',
    'Điều 4. Nguyên tắc hành nghề',
  ].join('\n');
  const { clauses, roots, file } = run(law);
  const ids = clauses.map((c) => c.id);
  it('builds Chương → Điều → khoản → điểm with flat article ids', () => {
    expect(roots).toEqual(['d/chuong-i']);
    expect(ids).toEqual(['d/chuong-i', 'd/dieu-1', 'd/dieu-2', 'd/dieu-2/khoan-1', 'd/dieu-2/khoan-2', 'd/dieu-2/khoan-2/diem-a', 'd/dieu-2/khoan-2/diem-b', 'd/dieu-4']);
  });
  it('labels paths as a lawyer writes them and keeps headings', () => {
    const b = clauses.find((c) => c.id === 'd/dieu-2/khoan-2/diem-b')!;
    expect(b.pathLabel).toBe('Điều 2 khoản 2 điểm b');
    expect(clauses.find((c) => c.id === 'd/chuong-i')!.heading).toBe('NHỮNG QUY ĐỊNH CHUNG');
    expect(clauses.find((c) => c.id === 'd/dieu-1')!.heading).toBe('Phạm vi điều chỉnh');
    expect(clauses.find((c) => c.id === 'd/dieu-1')!.text).toBe('Điều 1. Phạm vi điều chỉnh\nLuật này quy định về công chứng.');
  });
  it('reports a gap in numbering as a diagnostic with its place, and goes on', () => {
    const gap = file.messages.find((m) => m.ruleId === 'numbering-gap');
    expect(gap?.reason).toBe('numbering jumps from Điều 2. to Điều 4.');
    expect(gap?.line).toBe(10);
  });
});

describe('segment: Party numbering', () => {
  it('nests by style and reads inline (1)/(i) only when the numbering makes them items', () => {
    const { clauses } = run('1. Một.\n2. Giao: (1) Bộ A: (i) Làm X (hoàn thành trước ngày 31/8/2025). (ii) Làm Y.\n(2) Bộ B làm Z.\n3. Ba (2) không phải mục.');
    expect(clauses.map((c) => c.pathLabel)).toEqual(['1', '2', '2.(1)', '2.(1).(i)', '2.(1).(ii)', '2.(2)', '3']);
    expect(clauses.at(-1)!.text).toBe('3. Ba (2) không phải mục.');
  });
  it('ends a closed inline item where the next one starts, in the same paragraph', () => {
    const { clauses } = run('1. Giao: (1) Bộ A: (i) Làm X. (ii) Làm Y. (2) Bộ B làm Z.');
    expect(clauses.map((c) => [c.pathLabel, c.text])).toEqual([
      ['1', '1. Giao:'],
      ['1.(1)', '(1) Bộ A:'],
      ['1.(1).(i)', '(i) Làm X.'],
      ['1.(1).(ii)', '(ii) Làm Y.'],
      ['1.(2)', '(2) Bộ B làm Z.'],
    ]);
  });
  it('gives repeated numbers distinct ids and a diagnostic', () => {
    const { clauses, file } = run('1. A\n1. B');
    expect(clauses.map((c) => c.id)).toEqual(['d/1', 'd/1~2']);
    expect(file.messages.map((m) => m.ruleId)).toContain('duplicate-number');
  });
  it('never throws on empty or odd input', () => {
    for (const t of ['', '\n\n', '((((', '1.', '[1]', '(i)', 'Điều', 'a)'.repeat(1000)]) expect(() => run(t)).not.toThrow();
  });
});
