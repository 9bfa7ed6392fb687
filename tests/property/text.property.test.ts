/**
 * Property-based tests of the text layer (fast-check): ≥ 10,000 generated inputs per
 * function, mixing Vietnamese syllables (NFC and NFD, old and new tone placement, capitals),
 * numbering, identifiers, dates, NBSP, control characters, lone surrogates, stray combining
 * marks and arbitrary Unicode; plus worst-case inputs for linear time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinTime } from '../helpers/timing.ts';
import { analyzeTerm, analyzeToken, canonicalIdentifier, canonicalTones, findDates, fold, normalize, parseVietnameseDate, tokenize, type Token } from 'vietnamese-tokenizer';

const RUNS = 10_000;

// Real syllables from the seeds and the VLC corpus, incl. both tone placements.
const SYLLABLES = [
  'kết', 'luận', 'của', 'bộ', 'chính', 'trị', 'ban', 'bí', 'thư', 'về', 'tình', 'hình', 'quyền', 'địa', 'phương',
  'cấp', 'xã', 'ủy', 'uỷ', 'hóa', 'hoá', 'thủy', 'thuỷ', 'hòa', 'hoà', 'khỏe', 'khoẻ', 'quý', 'quỳnh', 'hoàn',
  'thuận', 'khuya', 'giữa', 'gìn', 'oanh', 'tuyển', 'thuở', 'khuỷu', 'ngoài', 'người', 'nghĩa', 'Nguyễn', 'Đảng',
  'ĐẢNG', 'UỶ', 'Ủy', 'quốc', 'hội', 'điều', 'khoản', 'điểm', 'năm', 'tháng', 'ngày', 'số', 'Việt', 'Nam', 'già',
  'tuỳ', 'tùy', 'lũy', 'luỹ', 'yêu', 'rượu', 'ươn', 'UBND', 'COVID', 'XIII', 'ii',
];
const NUMBERING = ['1.', '(ii)', 'a)', 'Điều 5.', '1.1.2', '2.', 'b)', '(1)', '[1]', 'III.', '1.000.000', '10,5%'];
const IDENTIFIERS = [
  '195-KL/TW', '183- KL/TW', '15/2020/NĐ-CP', '22498/UBND-THĐT', '01/VBHN-VPQH', '53/2014/QH13', '02-KH/BCĐTW',
  '565-BC/BTCTW', '18-NQ/TW', '01/2021/TT-BNV', '1234/QĐ-TTg', '45/2019/QH14', '100/2015/QH13', '15/2020/nđ-cp',
];
const DATES = ['ngày 31 tháng 10 năm 2025', 'Ngày 28 tháng 11 năm 2013', '26/9/2025', '02/01/2020', '1/8', '31/7/2025', '1-31/7/2025', '10/2025', '31/02/2025', '2025-2030'];
const SEPARATORS = [' ', ' ', ' ', '\u00a0', ', ', '. ', '\n', ' - ', '-', '/', ': ', '; ', '“', '”', '…', '\t', '  '];
const NASTY = ['\u0000', '\u0007', '\u001f', '\ud800', '\udc00', '\udbff\udfff', '\u0300', '\u0323\u0302', '\u0301\u0301', '😀', '\ufeff', '\u200b', '\u00ad', '\u202f', '\r\n'];

const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...SYLLABLES) },
  { weight: 2, arbitrary: fc.constantFrom(...SYLLABLES).map((s) => s.normalize('NFD')) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERING) },
  { weight: 2, arbitrary: fc.constantFrom(...IDENTIFIERS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const separator = fc.constantFrom(...SEPARATORS);
/** Text: pieces joined by separators (sometimes none: glued pieces are the hard cases). */
const text = fc
  .array(fc.tuple(piece, fc.oneof({ weight: 4, arbitrary: separator }, { weight: 1, arbitrary: fc.constant('') })), { maxLength: 30 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));
/** Only Vietnamese text (no arbitrary Unicode): where NFC/NFD and folding equivalences must hold. */
const vietnamese = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...SYLLABLES), fc.constantFrom(...IDENTIFIERS), fc.constantFrom(...DATES), fc.constantFrom(...NUMBERING)), separator), { maxLength: 20 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));
const anything = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

function checkTokens(input: string, tokens: Token[]): void {
  let last = 0;
  for (const [i, t] of tokens.entries()) {
    if (!(t.start >= last && t.end > t.start && t.end <= input.length)) throw new Error(`bad offsets ${t.start}-${t.end} after ${last}`);
    if (input.slice(t.start, t.end) !== t.text) throw new Error(`text ${JSON.stringify(t.text)} is not the slice`);
    if (t.value.length === 0) throw new Error('empty value');
    if (!['syllable', 'identifier', 'number', 'date'].includes(t.kind)) throw new Error(`kind ${t.kind}`);
    if (i === 0 && !t.breakBefore) throw new Error('first token must have breakBefore');
    last = t.end;
  }
}

describe('normalize (property)', () => {
  it('never throws and is idempotent NFC', () => {
    fc.assert(
      fc.property(anything, (s) => {
        const n = normalize(s);
        expect(normalize(n)).toBe(n);
        expect(n).toBe(s.normalize('NFC'));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fold (property)', () => {
  it('never throws, is idempotent, and agrees with fold(normalize(x))', () => {
    fc.assert(
      fc.property(anything, (s) => {
        const f = fold(s);
        expect(fold(f)).toBe(f);
        expect(fold(normalize(s))).toBe(f);
      }),
      { numRuns: RUNS },
    );
  });
  it('gives ASCII for Vietnamese text (NFC or NFD)', () => {
    fc.assert(
      fc.property(vietnamese, fc.boolean(), (s, nfd) => {
        expect(fold(nfd ? s.normalize('NFD') : s)).toMatch(/^[\x00-\x7f\u00a0\u2026\u201c\u201d]*$/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('canonicalTones (property)', () => {
  it('is idempotent and never changes the folded form', () => {
    fc.assert(
      fc.property(anything, (s) => {
        const c = canonicalTones(s);
        expect(canonicalTones(c)).toBe(c);
        expect(fold(c)).toBe(fold(s));
      }),
      { numRuns: RUNS },
    );
  });
  it('old and new placement meet: canonicalTones(exact) is stable for every syllable', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SYLLABLES), fc.boolean(), fc.boolean(), (s, upper, nfd) => {
        let x = upper ? s.toUpperCase() : s;
        if (nfd) x = x.normalize('NFD');
        const exact = analyzeTerm(x)!.exact;
        expect(canonicalTones(exact)).toBe(exact);
        expect(exact).toBe(analyzeTerm(s)!.exact);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('tokenize (property)', () => {
  it('never throws; tokens are ordered, non-overlapping, in bounds and slices of the input', () => {
    fc.assert(
      fc.property(anything, (s) => {
        checkTokens(s, tokenize(s));
      }),
      { numRuns: RUNS },
    );
  });
  it('NFD and NFC Vietnamese text give the same values', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        const a = tokenize(s.normalize('NFC')).map((t) => `${t.kind}:${t.value}`);
        const b = tokenize(s.normalize('NFD')).map((t) => `${t.kind}:${t.value}`);
        expect(b).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });
  it('holds on very long lines', () => {
    fc.assert(
      fc.property(piece, separator, fc.integer({ min: 1000, max: 5000 }), (p, sep, n) => {
        const s = (p + sep).repeat(n);
        checkTokens(s, tokenize(s));
      }),
      { numRuns: 100 },
    );
  });
});

describe('analyzeTerm (property)', () => {
  it('never throws; results are non-empty and stable when re-analyzed', () => {
    fc.assert(
      fc.property(anything, (s) => {
        const t = analyzeTerm(s);
        if (t === null) return;
        expect(t.exact.length).toBeGreaterThan(0);
        expect(t.folded.length).toBeGreaterThan(0);
        expect(fold(t.folded)).toBe(t.folded);
      }),
      { numRuns: RUNS },
    );
  });
  it('index and query meet: a token value re-analyzed gives the same term; its text, its exact form and its text typed without diacritics give the same folded term', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        for (const tok of tokenize(s)) {
          const t = analyzeToken(tok);
          expect(analyzeTerm(tok.value)).toEqual(t);
          expect(analyzeTerm(tok.text)?.folded).toBe(t.folded);
          expect(analyzeTerm(t.exact)?.exact).toBe(t.exact);
          expect(analyzeTerm(fold(tok.text))?.folded).toBe(t.folded);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('dates (property)', () => {
  it('findDates and parseVietnameseDate never throw; every span is an existing ISO date', () => {
    fc.assert(
      fc.property(anything, (s) => {
        parseVietnameseDate(s);
        for (const d of findDates(s)) {
          expect(d.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(parseVietnameseDate(s.slice(d.start, d.end))).toBe(d.value);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('canonicalIdentifier (property)', () => {
  it('never throws; a canonical identifier is a fixed point and tokenizes as one identifier', () => {
    const raw = fc.oneof(anything, fc.constantFrom(...IDENTIFIERS), fc.constantFrom(...IDENTIFIERS).map((s) => s.toLowerCase()));
    fc.assert(
      fc.property(raw, (s) => {
        const c = canonicalIdentifier(s);
        if (c === null) return;
        expect(canonicalIdentifier(c)).toBe(c);
        const toks = tokenize(c);
        expect(toks.map((t) => [t.kind, t.value])).toEqual([['identifier', c]]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('worst cases run in linear time', () => {
  // Measured by hand (Node 20, 2 shared cores): each input below tokenizes in 2–19 ms
  // ("1-1-1…" slowest), and fold / canonicalTones / analyzeTerm / canonicalIdentifier of it
  // take < 8 ms together. The single bound is generous
  // on purpose (no flaky timing); catastrophic backtracking would take seconds or hang.
  const K100 = 100_000;
  const inputs: Record<string, string> = {
    'numbering 1.1.1.1…': '1.'.repeat(K100 / 2),
    'số số số …': 'số '.repeat(K100 / 3),
    'combining marks': '\u0301'.repeat(K100),
    'a + combining marks': ('a' + '\u0301'.repeat(99)).repeat(K100 / 100),
    '15/15/15/…': '15/'.repeat(K100 / 3),
    '1-1-1-…': '1-'.repeat(K100 / 2),
    '1/2020/1/2020/…': '1/2020/'.repeat(K100 / 7),
    '183- KL/ TW-…': '183- KL/ '.repeat(K100 / 9),
    'QĐ-QĐ-QĐ…': '1/' + 'QĐ-'.repeat(K100 / 3),
    'ủyủyủy…': 'ủy'.repeat(K100 / 2),
    'lone surrogates': '\ud800'.repeat(K100),
  };
  it.each(Object.entries(inputs))('%s', (_name, s) => {
    const tokens = withinTime(500, () => {
      const tokens = tokenize(s);
      fold(s);
      analyzeTerm(s.slice(0, 5000));
      canonicalIdentifier(s);
      canonicalTones(s);
      findDates(s);
      parseVietnameseDate(s);
      return tokens;
    }, 'the text layer');
    checkTokens(s, tokens);
  });
});
