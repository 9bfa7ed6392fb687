/**
 * Property-based tests of the reader and clause segmenter (fast-check, 10,000 generated
 * documents each): lines mixing numbering of every style, Vietnamese text, identifiers,
 * noise lines, Markdown, control characters, lone surrogates and combining marks. Nothing
 * throws, every clause is exactly its span, ids are unique and parse, and nothing is slow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinTime } from '../helpers/timing.ts';
import { VFile } from 'vfile';
import { segment } from '../../src/segment/index.ts';
import { readInput, type InputFile } from '../../src/read/index.ts';
import { parseClauseId } from '../../src/ids.ts';

const RUNS = 10_000;
const MARKERS = ['1.', '2.', '3.', '10.', '[1]', '[2]', '(1)', '(2)', '(i)', '(ii)', '(iii)', 'a)', 'b)', 'đ)', 'Điều 1.', 'Điều 2.', 'Điều 2', 'Chương I', 'CHƯƠNG II', 'Mục 1', 'Phần thứ nhất', 'Nơi nhận:', 'T/M BỘ CHÍNH TRỊ', '- ', '#', '## ', '*'];
const WORDS = ['Giao', 'Đảng ủy', 'Chính phủ', 'khẩn trương', 'rà soát', 'Kết luận số 195-KL/TW', 'ngày 26/9/2025', 'Lãnh đạo, chỉ đạo:', 'Tại phiên họp ngày 1/8/2025', 'kết luận như sau:', '(hoàn thành trước ngày 31/8/2025)', 'Có thể bạn quan tâm', '(Ảnh: ĐĂNG KHOA)', 'date 2025-11-28 (VTC News) -', 'Số 202-KL/TW', 'Hà Nội, ngày 31 tháng 10 năm 2025', 'KẾT LUẬN', 'Trần Cẩm Tú', '[1]', 'NM'];
const NASTY = ['\u0000', '\ud800', '\udfff', '\u0300', '\u0323', '\ufeff', '\u00a0', '\u200b', '\r', '\t', '😀', '<script>', '](javascript:x)', '`'];

const line = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...MARKERS) }, { weight: 1, arbitrary: fc.constant('') }),
    fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }) }), { maxLength: 8 }),
  )
  .map(([m, ws]) => [m, ...ws].join(' '));
const doc = fc.array(line, { maxLength: 25 }).map((ls) => ls.join(fc.sample(fc.constantFrom('\n', '\n\n', '\r\n'), 1)[0]));

function input(text: string, format: InputFile['format'] = 'txt'): InputFile {
  return { path: 'gen.txt', corpus: 'test', format, text, bytes: text.length, sha256: '' };
}

function check(text: string, format: InputFile['format']) {
  const docs = withinTime(50, () => readInput(input(text, format), new VFile({ path: 'gen.txt' })), 'reading one document');
  for (const d of docs) {
    const ids = new Set<string>();
    for (const c of d.clauses) {
      if (d.text.slice(c.span.start.offset, c.span.end.offset) !== c.text) throw new Error(`clause ${c.id} is not its span`);
      if (!parseClauseId(c.id)) throw new Error(`bad id ${c.id}`);
      if (ids.has(c.id)) throw new Error(`duplicate id ${c.id}`);
      ids.add(c.id);
    }
  }
}

describe('reader and segmenter never break', () => {
  it(`reads ${RUNS} generated .txt documents: no throw, spans exact, ids unique, < 50 ms each`, () => {
    fc.assert(fc.property(doc, (t) => check(t, 'txt')), { numRuns: RUNS });
  });
  it(`reads ${RUNS / 2} generated Markdown documents the same way`, () => {
    fc.assert(fc.property(doc, (t) => check(t, 'md')), { numRuns: RUNS / 2 });
  });

  it.each([
    ['100 KB of "1.1.1.1…"', '1.'.repeat(50_000)],
    ['100 KB of "(1) (1) (1)"', '(1) '.repeat(25_000)],
    ['5,000 numbered lines', Array.from({ length: 5000 }, (_, i) => `${i + 1}. Giao Bộ Nội vụ: (1) Làm (i) Xét (ii) Xong`).join('\n')],
    ['one 200 KB line of syllables', 'số '.repeat(66_000)],
    ['"Điều" lines without numbers', 'Điều \n'.repeat(20_000)],
    ['nested brackets', '['.repeat(30_000) + ']'.repeat(30_000)],
  ])('is linear on the worst input we can build: %s', (_name, text) => {
    const docs = withinTime(2000, () => readInput(input(text), new VFile({ path: 'worst.txt' })), 'reading');
    expect(docs.length).toBeLessThanOrEqual(1);
  });

  it('segments with any start/end bounds without throwing', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), (t, a, b) => {
        const s = Math.min(a, b) % (t.length + 1);
        const e = Math.max(a, b) % (t.length + 1);
        segment(t, new VFile(), { docId: 'x', start: Math.min(s, e), end: Math.max(s, e) });
      }),
      { numRuns: 2000 },
    );
  });
});
