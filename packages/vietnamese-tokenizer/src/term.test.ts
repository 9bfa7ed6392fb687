import { describe, expect, it } from 'vitest';
import { analyzeTerm, analyzeToken, tokenize } from './index.ts';

// Each row: a term as it appears in a document or as a user types it; source noted.
const TERMS: Array<[term: string, exact: string | null, folded: string | null, kind: string | null, source: string]> = [
  ['uỷ', 'ủy', 'uy', 'syllable', 'seeds/002 "các cấp uỷ"'],
  ['Ủy', 'ủy', 'uy', 'syllable', 'seeds/004 "Ủy ban"'],
  ['u\u0309y', 'ủy', 'uy', 'syllable', 'decomposed (NFD vlc files)'],
  ['uy', 'uy', 'uy', 'syllable', 'query without diacritics'],
  ['HOÁ', 'hóa', 'hoa', 'syllable', 'seeds/002 "hiện đại hoá", upper case'],
  ['183- KL/TW', '183-kl/tw', '183-kl/tw', 'identifier', 'seeds/003'],
  ['15/2020/NĐ-CP', '15/2020/nđ-cp', '15/2020/nd-cp', 'identifier', 'issue example'],
  ['15/2020/nd-cp', '15/2020/nd-cp', '15/2020/nd-cp', 'identifier', 'query without đ: meets NĐ-CP on folded'],
  ['01/VBHN-VPQH', '01/vbhn-vpqh', '1/vbhn-vpqh', 'identifier', 'issue example (leading zero dropped when folded)'],
  ['nđ-cp', 'nđ cp', 'nd cp', 'phrase', 'issue: "nđ-cp" and "nd-cp" match on folded'],
  ['nd-cp', 'nd cp', 'nd cp', 'phrase', 'issue'],
  ['26/9/2025', '2025-09-26', '2025-09-26', 'date', 'seeds/004'],
  ['2025-09-26', '2025-09-26', '2025-09-26', 'date', 'ISO value passes through'],
  ['--08-01', '--08-01', '--08-01', 'date', 'partial date value passes through'],
  ['2025', '2025', '2025', 'number', 'seeds/003 "nhiệm kỳ 2025-2030"'],
  ['Chính  quyền', 'chính quyền', 'chinh quyen', 'phrase', 'seeds/004 bigram'],
  ['', null, null, null, 'empty'],
  ['…', null, null, null, 'seeds/004 "đặc khu…"'],
  [' - ', null, null, null, 'seeds/004 dash'],
  ['\u00a0', null, null, null, 'seeds/004 NBSP'],
];

describe('analyzeTerm', () => {
  it.each(TERMS)('%j → %j / %j (%s)', (term, exact, folded, kind) => {
    const t = analyzeTerm(term);
    if (exact === null) expect(t).toBeNull();
    else expect(t).toEqual({ exact, folded, kind });
  });

  it('analyzeToken(token) === analyzeTerm(token.value); token.text meets it on folded (seeds/003, 002)', () => {
    const text = 'Kết Luận số 183- KL/TW, ngày 1/8/2025 của Bộ Chính trị; Chiều 5/12, các cấp uỷ, Đảng uỷ Chính phủ tháng 10/2025';
    for (const tok of tokenize(text)) {
      expect(analyzeTerm(tok.value)).toEqual(analyzeToken(tok));
      expect(analyzeTerm(tok.text)?.folded).toBe(analyzeToken(tok).folded);
    }
  });

  it('a bare "5/12" query is a number that meets "Chiều 5/12" (seeds/003) on folded', () => {
    const indexed = analyzeToken(tokenize('Chiều 5/12, tại Trụ sở')[1]!);
    expect(indexed).toEqual({ exact: '--12-05', folded: '--12-05', kind: 'date' });
    expect(analyzeTerm('5/12')).toEqual({ exact: '5/12', folded: '--12-05', kind: 'number' });
    expect(analyzeTerm('3/4')?.exact).toBe('3/4'); // vlc luat-cong-ty "ít nhất 3/4 số vốn điều lệ"
  });
});
