/**
 * Legal document identifiers ("số ký hiệu"): recognised in running text as ONE token and
 * written in one canonical form, so "183- KL/TW" and "183-KL/TW" are the same term.
 *
 * Grammar (scanner below; shapes with real examples in IDENTIFIER_SHAPES, checked by tests):
 *   NUM        1–6 ASCII digits, leading zeros kept as written ("01/VBHN-VPQH")
 *   CODE       an ASCII letter or Đ/đ, then ASCII letters, digits, Đ/đ ("NĐ", "QH13", "TTg")
 *   party      NUM "-" CODE "/" CODE ([-/] CODE)*         195-KL/TW · 02-KH/BCĐTW
 *   state      NUM ("/" DIGITS){0,2} "/" CODE ([-/] CODE)*  15/2020/NĐ-CP · 1234/QĐ-TTg · 53/2014/QH13
 * Up to two spaces (incl. NBSP) may surround the separator between the number and the first
 * CODE ("183- KL/TW"; lowercase "183- kl/tw" only in the party form), never a later one.
 * A CODE glued to any other Vietnamese letter is a word, not a CODE ("5/năm" is no identifier).
 * Lowercase is accepted ("15/2020/nđ-cp", typed queries) and canonicalised to capitals.
 */
import { C_DIGIT, C_LETTER, C_MARK, classAt } from './chars.ts';

export interface IdentifierShape {
  name: string;
  note: string;
  /** Real spellings from the seeds / external corpus and the canonical value of each. */
  examples: ReadonlyArray<readonly [written: string, canonical: string, source: string]>;
}

/** The identifier grammar as data; every example is asserted by identifier.test.ts. */
export const IDENTIFIER_SHAPES: readonly IdentifierShape[] = [
  {
    name: 'party',
    note: 'Party documents: number-type/issuer (Kết luận, Nghị quyết, Quy định, Kế hoạch, Báo cáo of the Party)',
    examples: [
      ['195-KL/TW', '195-KL/TW', 'seeds/004'],
      ['183- KL/TW', '183-KL/TW', 'seeds/003 (stray space)'],
      ['02-KH/BCĐTW', '02-KH/BCĐTW', 'seeds/001'],
      ['565-BC/BTCTW', '565-BC/BTCTW', 'seeds/000'],
      ['18-NQ/TW', '18-NQ/TW', 'seeds/002'],
      ['523-BC/BTCTW', '523-BC/BTCTW', 'seeds/004'],
    ],
  },
  {
    name: 'state',
    note: 'State documents: number/year/type-issuer (Luật, Nghị định, Thông tư) or number/type-issuer (Quyết định, Công văn, VBHN)',
    examples: [
      ['15/2020/NĐ-CP', '15/2020/NĐ-CP', 'issue example; Nghị định 15/2020'],
      ['53/2014/QH13', '53/2014/QH13', 'vlc/corpus (Luật số N/YYYY/QHnn, 379 hits)'],
      ['01/2021/TT-BNV', '01/2021/TT-BNV', 'issue example'],
      ['1234/QĐ-TTg', '1234/QĐ-TTg', 'issue example; vlc/corpus has N/YYYY/QĐ-TTg'],
      ['22498/UBND-THĐT', '22498/UBND-THĐT', 'seeds/001'],
      ['01/VBHN-VPQH', '01/VBHN-VPQH', 'issue example'],
      ['15/2020/nđ-cp', '15/2020/NĐ-CP', 'query typed in lowercase'],
      ['162/HĐBT', '162/HĐBT', 'phapdien "Quyết định số 162/HĐBT"'],
      ['72/2025/NQLT/UBTVQH15-CP', '72/2025/NQLT/UBTVQH15-CP', 'phapdien (joint resolution; its "- ĐCTUBTWMTTQVN" tail is spaced, so not joined)'],
    ],
  },
];

/** Codes whose official spelling is not all capitals (uppercase key → spelling). */
const MIXED_CASE: Record<string, string> = { TTG: 'TTg' };

const MAX_SPACES = 2;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x09 || c === 0x202f;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isCodeStart(c: number): boolean {
  const l = c | 0x20;
  return (l >= 97 && l <= 122) || c === 0x110 || c === 0x111;
}
function isCodeChar(c: number): boolean {
  return isCodeStart(c) || isDigit(c);
}
function isUpperStart(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 0x110;
}
function skipSpaces(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < MAX_SPACES && isSpace(s.charCodeAt(j))) j++;
  return j;
}

export interface IdentifierMatch {
  end: number;
  /** Canonical: "183-KL/TW", "15/2020/NĐ-CP". */
  value: string;
}

function canonicalCode(code: string): string {
  const up = code.toUpperCase();
  return MIXED_CASE[up] ?? up;
}

/**
 * The identifier starting at `i` (which must hold a digit), or null. Lookahead is bounded
 * per separator, so the scan is linear even on "15/15/15/…" or "1-1-1-…".
 */
export function matchIdentifier(s: string, i: number, end = s.length): IdentifierMatch | null {
  let p = i;
  while (p < end && isDigit(s.charCodeAt(p))) p++;
  if (p === i || p - i > 6) return null;
  let value = s.slice(i, p);
  // Extra numeric groups "/2020" — only when another "/" follows them.
  let groups = 0;
  while (groups < 2 && p + 1 < end && s.charCodeAt(p) === 0x2f && isDigit(s.charCodeAt(p + 1))) {
    let q = p + 1;
    while (q < end && q - p <= 5 && isDigit(s.charCodeAt(q))) q++;
    if (q - p - 1 > 4 || q >= end || s.charCodeAt(q) !== 0x2f) return null;
    value += s.slice(p, q);
    p = q;
    groups++;
  }
  let firstSep = 0;
  let secondSep = 0;
  let codes = 0;
  let spacedLower = false;
  for (;;) {
    // separator (with optional spaces), then a CODE
    const a = skipSpaces(s, p, end);
    if (a >= end) break;
    const sep = s.charCodeAt(a);
    if (sep !== 0x2d && sep !== 0x2f) break;
    const b = skipSpaces(s, a + 1, end);
    if (b >= end || !isCodeStart(s.charCodeAt(b))) break;
    const spacedSep = a !== p || b !== a + 1;
    // Spaces are tolerated only between the number and the first CODE ("183- KL/TW"): after
    // a CODE a spaced dash is punctuation ("195-KL/TW - III.", "NĐ-CP - thay thế"). A
    // lowercase first CODE after spaces needs the party form to complete it ("183- kl/tw").
    if (spacedSep) {
      if (codes > 0) break;
      if (!isUpperStart(s.charCodeAt(b))) spacedLower = true;
    }
    let e = b + 1;
    while (e < end && isCodeChar(s.charCodeAt(e))) e++;
    if (e < end) {
      // A CODE glued to a Vietnamese letter is a word ("5/năm", "NĐ-CP-Nghị"): stop before it.
      const k = classAt(s, e) & 0xff;
      if (k === C_LETTER || k === C_MARK) {
        if (codes === 0) return null;
        break;
      }
    }
    const code = s.slice(b, e);
    if (codes === 0) firstSep = sep;
    else if (codes === 1) secondSep = sep;
    value += String.fromCharCode(sep) + canonicalCode(code);
    codes++;
    p = e;
    if (codes === 8) break;
  }
  if (codes === 0) return null;
  if (groups > 0 && firstSep !== 0x2f) return null;
  // The identifier must end at a word boundary: "QĐ-TTgà" is not an identifier.
  if (p < end) {
    const k = classAt(s, p) & 0xff;
    if (k === C_LETTER || k === C_MARK || k === C_DIGIT) return null;
  }
  const party = firstSep === 0x2d && codes >= 2 && secondSep === 0x2f;
  if (spacedLower && !party) return null;
  // After "-" only the party form: an open "NUM-CAPITALS" rule would make "2030-COVID" an
  // identifier, and the pre-2000 "15-CP" form does not occur in our corpora.
  if (firstSep === 0x2d && !party) return null;
  return { end: p, value };
}

/**
 * "183- KL/TW" → "183-KL/TW", "15/2020/nđ-cp" → "15/2020/NĐ-CP", "1234/qđ-ttg" → "1234/QĐ-TTg";
 * null when `raw` (trimmed, NFC) is not exactly one identifier.
 */
export function canonicalIdentifier(raw: string): string | null {
  const s = raw.normalize('NFC').trim();
  if (s.length === 0 || s.length > 80 || !isDigit(s.charCodeAt(0))) return null;
  const m = matchIdentifier(s, 0);
  return m && m.end === s.length ? m.value : null;
}

/**
 * The parts of a canonical identifier, for recall: "15/2020/NĐ-CP" → ["15", "2020", "NĐ", "CP"].
 * tokenize() emits an identifier as ONE token only; a search index that also wants
 * "nghị định 15 2020" to find it indexes these parts as extra (lower-weight) terms.
 */
export function identifierParts(value: string): string[] {
  return value.split(/[-/]/).filter((p) => p.length > 0);
}
