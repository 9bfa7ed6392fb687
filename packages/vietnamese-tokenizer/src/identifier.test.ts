import { describe, expect, it } from 'vitest';
import { IDENTIFIER_SHAPES, canonicalIdentifier, identifierParts } from './index.ts';

describe('IDENTIFIER_SHAPES (the grammar as data)', () => {
  for (const shape of IDENTIFIER_SHAPES) {
    it.each(shape.examples.map((e) => [...e]))(`${shape.name}: %s → %s (%s)`, (written, canonical) => {
      expect(canonicalIdentifier(written)).toBe(canonical);
    });
  }
});

const MORE: Array<[string, string | null, string]> = [
  ['15/2020/nđ-cp', '15/2020/NĐ-CP', 'issue: lowercase query'],
  ['1234/qđ-ttg', '1234/QĐ-TTg', 'TTg keeps its official spelling'],
  ['  202-KL/TW ', '202-KL/TW', 'seeds/004, trimmed'],
  ['100/2015/QH13', '100/2015/QH13', 'issue example'],
  ['45/2019/QH14', '45/2019/QH14', 'issue example'],
  ['01/2021/TT-BNV', '01/2021/TT-BNV', 'issue example'],
  ['89-QĐ/TW', '89-QĐ/TW', 'seeds/002'],
  ['56-KH/BCĐ', '56-KH/BCĐ', 'seeds/001'],
  // not identifiers
  ['1-31/7/2025', null, 'date range (issue)'],
  ['2025-2030', null, 'year range (seeds/002 "giai đoạn 2025-2030")'],
  ['26/9/2025', null, 'a date (seeds/004)'],
  ['kinh tế-xã hội', null, 'hyphenated words'],
  ['Tài chính - ngân sách', null, 'spaced dash'],
  ['5/năm', null, 'unit, not a code'],
  ['1-O-acetyltetrahydro', null, 'vlc chemical name'],
  ['183- kl/tw', '183-KL/TW', 'seeds/003 typed in lowercase'],
  ['15/2020/NĐ-CP - thay thế', null, 'a spaced dash after a CODE is punctuation'],
  ['2030-COVID', null, 'found by the property test: year range glued to a word'],
  ['195-KL/TW - III', null, 'found by the property test: a spaced dash before a roman numeral'],
  ['14 - end', null, 'vlc chemical name "6, 14 - endoetheno": spaced lowercase is not a code'],
  ['', null, 'empty'],
];

describe('canonicalIdentifier', () => {
  it.each(MORE)('%j → %j (%s)', (raw, expected) => {
    expect(canonicalIdentifier(raw)).toBe(expected);
  });
  it('accepts NFD input', () => {
    expect(canonicalIdentifier('15/2020/NĐ-CP'.normalize('NFD'))).toBe('15/2020/NĐ-CP');
  });
});

describe('identifierParts', () => {
  it.each([
    ['15/2020/NĐ-CP', ['15', '2020', 'NĐ', 'CP']],
    ['183-KL/TW', ['183', 'KL', 'TW']],
    ['01/VBHN-VPQH', ['01', 'VBHN', 'VPQH']],
  ] as const)('%s', (value, parts) => {
    expect(identifierParts(value)).toEqual(parts);
  });
});
