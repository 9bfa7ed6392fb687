import { describe, expect, it } from 'vitest';
import { PATTERNS } from './patterns.ts';
import { RELATION_TRIGGERS } from './relations.ts';
import { findInText } from './find.ts';

describe('reference patterns (data): every example is found as described', () => {
  const rows = PATTERNS.flatMap((p) => p.examples.map(([text, expected]) => [p.id, text, expected] as const));
  it.each(rows)('%s: %j', (id, text, expected) => {
    const found = findInText(text);
    const hit = found.find((f) => f.patternId === id);
    expect(hit, `found ${JSON.stringify(found.map((f) => [f.patternId, f.text]))}`).toBeDefined();
    const { pinpoint, text: written, ...rest } = expected;
    expect(hit!.target).toMatchObject({ scope: 'document', ...rest });
    if (written) expect(hit!.text).toBe(written);
    if (pinpoint) expect(hit!.target.pinpoint).toEqual(pinpoint);
  });
  const counter = PATTERNS.flatMap((p) => p.counterExamples.map((t) => [p.id, t] as const));
  it.each(counter)('%s does not fire on %j', (id, text) => {
    expect(findInText(text).filter((f) => f.patternId === id)).toEqual([]);
  });
  it('`needs` holds in every match: in every example, and in every match over generated legal text', () => {
    const pieces = ['Luật', 'Bộ luật', 'luật', 'Nghị định', 'NĐ', 'Kết luận', 'số', 'này', 'Điều', 'điều', 'khoản', 'điểm a', '5', '12', '15/2020', '15/2020/NĐ-CP', '195-KL/TW', '183- KL/TW', '82/2006/QH11', '-', '/', ',', 'và', 'các', 'Cư trú', 'Hình sự', 'của', ' ', '\u00a0', '2019'];
    const texts = PATTERNS.flatMap((p) => p.examples.map(([t]) => t));
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 20000; i++) texts.push(Array.from({ length: 2 + (next() % 8) }, () => pieces[next() % pieces.length]).join(next() % 2 ? ' ' : ''));
    let matched = 0;
    for (const p of PATTERNS)
      for (const t of texts)
        for (const m of t.matchAll(p.re)) {
          matched++;
          expect(p.needs.test(m[0]), `${p.id} matched ${JSON.stringify(m[0])} without ${p.needs}`).toBe(true);
        }
    expect(matched).toBeGreaterThan(1000);
  });
  it('every pattern has a note and examples', () => {
    for (const p of PATTERNS) {
      expect(p.note.length, p.id).toBeGreaterThan(20);
      expect(p.examples.length, p.id).toBeGreaterThan(0);
    }
  });
});

describe('not references', () => {
  it.each([
    'Sau Hội nghị lần thứ 12 khóa XIII, Bộ Chính trị, Ban Bí thư đã ban hành các kết luận',
    'Kỳ họp thứ 10, Quốc hội khóa XV',
    'Kết luận nêu rõ',
    'Bộ Chính trị, Ban Bí thư kết luận như sau:',
    'Kết luận của Bộ Chính trị, Ban Bí thư về tình hình, kết quả hoạt động của bộ máy hệ thống chính trị',
    'các kết luận, chỉ đạo của Trung ương',
    'hoàn thành trước ngày 31/8/2025',
    'Bộ Chính trị, Ban Bí thư sẽ họp 1 tháng/lần',
    'từ ngày 1-31/7/2025',
    'kinh tế-xã hội',
  ])('%j has none', (text) => expect(findInText(text)).toEqual([]));
});

describe('relation triggers (data): every example is typed as described', () => {
  const rows = RELATION_TRIGGERS.flatMap((t) => t.examples.map(([sentence, ref]) => [t.relation, sentence, ref] as const));
  it.each(rows)('%s: %j', (relation, sentence, ref) => {
    const hit = findInText(sentence).find((f) => f.text.includes(ref) || ref.includes(f.text));
    expect(hit, JSON.stringify(findInText(sentence).map((f) => f.text))).toBeDefined();
    expect(hit!.relation).toBe(relation);
    expect(hit!.trigger).toBeTruthy();
  });
});

describe('finding is safe on any input', () => {
  it.each([
    ['100 KB of "1.1.1.1"', '1.'.repeat(50_000)],
    ['"số số số …"', 'số '.repeat(40_000)],
    ['numbers and slashes', '1/2/3/4/5/6/7/8/9-'.repeat(5000)],
    ['type words', 'Kết luận số '.repeat(10_000)],
    ['"Điều" lists', 'các điều 1, 2, '.repeat(10_000)],
  ])('%s: no throw, offsets are slices', (_name, text) => {
    for (const f of findInText(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});
