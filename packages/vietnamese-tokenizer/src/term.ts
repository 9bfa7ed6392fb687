/**
 * The ONE term processor, used both when indexing and when querying, so the two always
 * meet on the same strings.
 *
 *   syllable    "Uỷ" → exact "ủy",             folded "uy"
 *   identifier  "15/2020/NĐ-CP" → "15/2020/nđ-cp", folded "15/2020/nd-cp"
 *               ("01/VBHN-VPQH" folds to "1/vbhn-vpqh": leading zeros do not name a different document)
 *   date        "26/9/2025" → "2025-09-26" (both); ISO values pass through unchanged
 *   number      "1.000" → "1.000" (both); a bare day/month "5/12" → exact "5/12", folded "--12-05"
 *               (so a query "5/12" meets "ngày 5/12", indexed as the date "--12-05")
 *   phrase      "Chính  quyền" → "chính quyền", folded "chinh quyen" (token values joined by one space)
 *   nothing     "", "  ", "…", "-" → null
 *
 * Index a clause by running tokenize() and feeding each token's text (or value — both give
 * the same Term) through analyzeTerm; feed query tokens the same way.
 */
import { memoString } from './memo.ts';
import { isValidDate } from './date.ts';
import { fold } from './fold.ts';
import { C_LETTER, C_MARK, classAt } from './chars.ts';
import { canonicalTones } from './fold.ts';
import { tokenize, type Token, type TokenKind } from './tokenize.ts';

export interface Term {
  /** Lowercased, NFC, canonical tone placement: "ủy"; identifiers "15/2020/nđ-cp"; dates ISO. */
  exact: string;
  /** Diacritics stripped, đ → d: "uy"; identifiers "15/2020/nd-cp" (leading zeros dropped). */
  folded: string;
  /** What the term is; 'phrase' when it holds several tokens. */
  kind: TokenKind | 'phrase';
}

const RE_ISO = /^(?:\d{4}-\d{2}(?:-\d{2})?|--\d{2}-\d{2})$/;
const RE_DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;
const RE_LEADING_ZEROS = /(^|[-/])0+(?=\d)/g;

/** True when every char is a lowercase ASCII letter (the common query keystroke). */
function lowerAscii(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** True when `s` is one run of letters (NFC-composed or not): the common syllable case. */
function singleWord(s: string): boolean {
  if (s.length === 0) return false;
  let i = 0;
  while (i < s.length) {
    const packed = classAt(s, i);
    const k = packed & 0xff;
    // the first char must be a letter; marks may follow (NFD input)
    if (k !== C_LETTER && (i === 0 || k !== C_MARK)) return false;
    i += packed >> 8;
  }
  return true;
}

/**
 * The Term of a token from tokenize(): the same result as analyzeTerm(token.value), without
 * tokenizing again — use it when indexing. (analyzeTerm(token.text) agrees on `folded`; its
 * `exact` differs only for a day/month date, which needs the word before it.)
 */
export function analyzeToken(t: Token): Term {
  return termOf(t);
}

// Syllables repeat: 3.5k distinct spellings in 14 MB of law; folding each once makes indexing about 1.3× faster.
const foldCached = memoString(fold);

function termOf(t: Token): Term {
  switch (t.kind) {
    case 'identifier': {
      const exact = t.value.toLowerCase();
      return { exact, folded: fold(exact).replace(RE_LEADING_ZEROS, '$1'), kind: 'identifier' };
    }
    case 'date':
      return { exact: t.value, folded: t.value, kind: 'date' };
    case 'number': {
      // A bare "5/12" typed in a query is a number, "ngày 5/12" in a document a date: they
      // meet on the folded form, which for a valid day/month is the date "--12-05".
      const m = RE_DAY_MONTH.exec(t.value);
      const folded = m && isValidDate(0, Number(m[2]), Number(m[1])) ? `--${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : fold(t.value);
      return { exact: t.value, folded, kind: 'number' };
    }
    default:
      return { exact: t.value, folded: foldCached(t.value), kind: t.kind };
  }
}

/** Analyze a query or index term (see the table at the top of this file); null for nothing. */
export function analyzeTerm(term: string): Term | null {
  if (lowerAscii(term)) return { exact: term, folded: term, kind: 'syllable' };
  if (singleWord(term)) {
    const exact = canonicalTones(term.normalize('NFC').toLowerCase());
    return { exact, folded: foldCached(exact), kind: 'syllable' };
  }
  const s = term.trim();
  if (RE_ISO.test(s)) return { exact: s, folded: s, kind: 'date' };
  const tokens = tokenize(s.normalize('NFC'));
  if (tokens.length === 0) return null;
  if (tokens.length === 1) return termOf(tokens[0]!);
  let exact = '';
  let folded = '';
  for (const t of tokens) {
    const one = termOf(t);
    exact += exact ? ` ${one.exact}` : one.exact;
    folded += folded ? ` ${one.folded}` : one.folded;
  }
  return { exact, folded, kind: 'phrase' };
}

