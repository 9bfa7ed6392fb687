import { describe, expect, it } from 'vitest';
import { bigrams, tokenize, type Token } from './index.ts';

/** Compact rendering: kind initial + value; "|" marks a token with breakBefore (first excluded). */
function render(tokens: Token[]): string {
  return tokens.map((t, i) => `${i > 0 && t.breakBefore ? '| ' : ''}${t.kind[0]}:${t.value}`).join(' ');
}

function checkOffsets(input: string, tokens: Token[]): void {
  let last = 0;
  for (const t of tokens) {
    expect(t.start).toBeGreaterThanOrEqual(last);
    expect(t.end).toBeGreaterThan(t.start);
    expect(input.slice(t.start, t.end)).toBe(t.text);
    last = t.end;
  }
}

// Each row: real text, its tokens (s syllable, i identifier, d date, n number), source.
const ROWS: Array<[input: string, expected: string, source: string]> = [
  [
    'Kết Luận số 183- KL/TW, ngày 1/8/2025 của Bộ Chính trị',
    's:kết s:luận s:số i:183-KL/TW | s:ngày d:2025-08-01 s:của s:bộ s:chính s:trị',
    'seeds/003 (stray space in the identifier)',
  ],
  [
    'tại Công văn số 22498/UBND-THĐT ngày 17/12/2025.',
    's:tại s:công s:văn s:số i:22498/UBND-THĐT s:ngày d:2025-12-17',
    'seeds/001',
  ],
  [
    'Kế hoạch số 02-KH/BCĐTW, ngày 19/6/2025 của Ban Chỉ đạo',
    's:kế s:hoạch s:số i:02-KH/BCĐTW | s:ngày d:2025-06-19 s:của s:ban s:chỉ s:đạo',
    'seeds/001',
  ],
  [
    '(Báo cáo số 565-BC/BTCTW, ngày 27/11/2025), Bộ Chính trị',
    's:báo s:cáo s:số i:565-BC/BTCTW | s:ngày d:2025-11-27 | s:bộ s:chính s:trị',
    'seeds/000',
  ],
  [
    'thực hiện Nghị quyết số 18-NQ/TW trong toàn hệ thống chính trị',
    's:thực s:hiện s:nghị s:quyết s:số i:18-NQ/TW s:trong s:toàn s:hệ s:thống s:chính s:trị',
    'seeds/002',
  ],
  [
    'từ ngày 1-31/7/2025 (Báo cáo số 428-BC/BTCTW, ngày 31/7/2025)',
    's:từ s:ngày n:1 d:2025-07-31 | s:báo s:cáo s:số i:428-BC/BTCTW | s:ngày d:2025-07-31',
    'seeds/003 (date range "1-31/7/2025" is not an identifier)',
  ],
  [
    'điều hành kinh tế-xã hội, quốc phòng, an ninh.',
    's:điều s:hành s:kinh s:tế s:xã s:hội | s:quốc s:phòng | s:an s:ninh',
    'seeds/001 (an unspaced hyphen joins a phrase)',
  ],
  [
    'ưu tiên các lĩnh vực: Tài chính - ngân sách; đất đai',
    's:ưu s:tiên s:các s:lĩnh s:vực | s:tài s:chính | s:ngân s:sách | s:đất s:đai',
    'seeds/004 (a spaced dash breaks)',
  ],
  ['nhiệm kỳ 2025-2030 ra mắt Đại hội.', 's:nhiệm s:kỳ n:2025 n:2030 s:ra s:mắt s:đại s:hội', 'seeds/003'],
  [
    'các cấp uỷ, tổ chức đảng, Đảng uỷ Chính phủ',
    's:các s:cấp s:ủy | s:tổ s:chức s:đảng | s:đảng s:ủy s:chính s:phủ',
    'seeds/002 (new-style "uỷ" gets the canonical value "ủy")',
  ],
  [
    'chính quyền địa phương 2 cấp tháng 10/2025 (Báo cáo số 523-BC/BTCTW',
    's:chính s:quyền s:địa s:phương n:2 s:cấp s:tháng d:2025-10 | s:báo s:cáo s:số i:523-BC/BTCTW',
    'seeds/004 (month/year)',
  ],
  [
    '31/8/2025). (ii) Nghiên cứu, ban hành',
    'd:2025-08-31 | s:ii | s:nghiên s:cứu | s:ban s:hành',
    'seeds/003 (numbering in parentheses)',
  ],
  [
    'công tác   [1]  để tạo thuận lợi',
    's:công s:tác | n:1 | s:để s:tạo s:thuận s:lợi',
    'seeds/004 (footnote marker)',
  ],
  [
    'phương 2 cấp.\u00a0Triển khai thực hiện',
    's:phương n:2 s:cấp | s:triển s:khai s:thực s:hiện',
    'seeds/004 (NBSP after a full stop)',
  ],
  [
    'Luật đất đai số 13/2003/QH11 và Nghị quyết số 49/2013/QH13 ngày 21',
    's:luật s:đất s:đai s:số i:13/2003/QH11 s:và s:nghị s:quyết s:số i:49/2013/QH13 s:ngày n:21',
    'vlc luat-dat-dai (NFD file, composed)',
  ],
  [
    'Nghị quyết liên tịch số 72/2025/NQLT/UBTVQH15-CP- ĐCTUBTWMTTQVN Quy định',
    's:nghị s:quyết s:liên s:tịch s:số i:72/2025/NQLT/UBTVQH15-CP | s:đctubtwmttqvn s:quy s:định',
    'phapdien demuc (spaced tail not joined)',
  ],
  [
    'Ngày 28/11, Thường trực Ban Bí thư',
    's:ngày d:--11-28 | s:thường s:trực s:ban s:bí s:thư',
    'seeds/000 (day/month after "Ngày" is a date)',
  ],
  [
    'đại diện cho ít nhất 3/4 số vốn điều lệ',
    's:đại s:diện s:cho s:ít s:nhất n:3/4 s:số s:vốn s:điều s:lệ',
    'vlc luat-cong-ty (a fraction, not a date)',
  ],
  [
    'theo tỷ lệ 1/25.000 - 1/250.000',
    's:theo s:tỷ s:lệ n:1/25.000 | n:1/250.000',
    'vlc luat-xay-dung (map scales)',
  ],
  [
    'Luật số: 45/2013/QH13',
    's:luật s:số | i:45/2013/QH13',
    'vlc luat-dat-dai',
  ],
  [
    'các ban, bo\u0323\u0302, nga\u0300nh Trung ương',
    's:các s:ban | s:bộ | s:ngành s:trung s:ương',
    'seeds/004 (decomposed "bộ" and "ngành")',
  ],
];

describe('tokenize', () => {
  it.each(ROWS)('%j (%s)', (input, expected) => {
    const tokens = tokenize(input);
    expect(render(tokens)).toBe(expected);
    checkOffsets(input, tokens);
  });

  it('gives exact offsets of identifiers as written', () => {
    const input = 'Kết Luận số 183- KL/TW, ngày 1/8/2025';
    const id = tokenize(input).find((t) => t.kind === 'identifier')!;
    expect(id.text).toBe('183- KL/TW');
    expect(input.slice(id.start, id.end)).toBe('183- KL/TW');
  });

  it('keeps offsets into decomposed text while values are NFC', () => {
    const input = 'các ban, bo\u0323\u0302, nga\u0300nh';
    const bo = tokenize(input)[2]!;
    expect(bo.text).toBe('bo\u0323\u0302');
    expect(bo.value).toBe('bộ');
    expect(bo.end - bo.start).toBe(4);
  });
});

describe('bigrams', () => {
  it('pairs adjacent syllables and stops at punctuation (seeds/004)', () => {
    const tokens = tokenize('Bộ Chính trị, Ban Bí thư ghi nhận');
    expect(bigrams(tokens)).toEqual(['bộ chính', 'chính trị', 'ban bí', 'bí thư', 'thư ghi', 'ghi nhận']);
  });
  it('does not pair across numbers or identifiers (seeds/004)', () => {
    expect(bigrams(tokenize('chính quyền địa phương 2 cấp'))).toEqual(['chính quyền', 'quyền địa', 'địa phương']);
  });
});
