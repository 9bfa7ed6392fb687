/**
 * The tokenizer: one pass of char-code lookups over the text as given, no regex per
 * character, bounded lookahead for identifiers and dates (linear time on any input).
 *
 * Offsets are into the string you pass: pass the stored (NFC) text and highlights land on
 * the characters as written. Values are canonical whatever the input form (NFD, old tone
 * placement, capitals), so indexing and querying meet on the same terms.
 */
import { memoString } from './memo.ts';
import { C_DIGIT, C_HYPHEN, C_LETTER, C_MARK, C_OTHER, C_SPACE, classAt, classOf } from './chars.ts';
import { matchNumericDate } from './date.ts';
import { canonicalTones } from './fold.ts';
import { matchIdentifier } from './identifier.ts';

export type TokenKind = 'syllable' | 'identifier' | 'number' | 'date';

export interface Token {
  /** The text as written (a slice of the input): `input.slice(start, end)`. */
  text: string;
  /**
   * Canonical value. syllable: lowercase NFC, canonical tone placement ("uỷ" → "ủy");
   * identifier: canonical identifier ("183- KL/TW" → "183-KL/TW"); date: ISO ("2025-09-26",
   * "--08-01" without a year — only after "ngày", "sáng", "từ"…, "2025-10" without a day);
   * number: as written ("1.000", "3/4", "5a" lowercased).
   */
  value: string;
  kind: TokenKind;
  start: number;
  end: number;
  /**
   * True when a phrase cannot run from the previous token into this one: first token, or the
   * gap holds punctuation, a line break, a symbol, or a spaced dash (" - "). Plain spaces
   * (incl. NBSP) and an unspaced hyphen ("kinh tế-xã hội") do not break.
   */
  breakBefore: boolean;
}

// ASCII classes resolved once; non-ASCII goes through classAt (lazy table + astral map).
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII[c] = classOf(c);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Words after which a bare day/month is a date ("ngày 5/12", "Chiều 4/12", "từ ngày 1/7"),
 * with and without diacritics. Without one, "3/4 số vốn điều lệ" (vlc luat-cong-ty) is a fraction.
 */
const DATE_CONTEXT = new Set(['ngày', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'hôm', 'từ', 'đến', 'ngay', 'sang', 'chieu', 'toi', 'trua', 'dem', 'hom', 'tu', 'den']);

function dateContext(out: Token[], breakBefore: boolean): boolean {
  if (breakBefore || out.length === 0) return false;
  const prev = out[out.length - 1]!;
  return prev.kind === 'syllable' && DATE_CONTEXT.has(prev.value);
}

/** Canonical value of a word run with capitals or marks (memoised: syllables repeat). */
const canonicalWord = memoString((raw) => canonicalTones(raw.normalize('NFC').toLowerCase()));

/** Canonical value of a word run (letters, marks, digits). */
function wordValue(raw: string, plain: boolean): string {
  return plain ? raw : canonicalWord(raw); // lowercase ASCII: nothing to do
}

/** Split text into syllables, numbers, dates and legal identifiers with exact offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let brk = true;
  let gapSpace = false;
  let gapHyphen = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    let k: number;
    let w = 1;
    if (code < 0x80) k = ASCII[code]!;
    else {
      const packed = classAt(text, i);
      k = packed & 0xff;
      w = packed >> 8;
    }
    if (k === C_SPACE) {
      gapSpace = true;
      i += w;
      continue;
    }
    if (k === C_HYPHEN) {
      gapHyphen = true;
      i += w;
      continue;
    }
    if (k === C_OTHER) {
      brk = true;
      i += w;
      continue;
    }
    if (k === C_MARK) {
      // A combining mark with no base letter (after a space or punctuation): not a word.
      i += w;
      continue;
    }
    const start = i;
    const breakBefore = brk || (gapHyphen && gapSpace);
    brk = gapSpace = gapHyphen = false;

    if (k === C_DIGIT) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const next = j < n ? text.charCodeAt(j) : 0;
      // Identifiers and dates need a separator right after the digits (or spaces then "-").
      if (next === 0x2f || next === 0x2d || next === 0x2e || next === 0x20 || next === 0xa0) {
        const id = next === 0x2e ? null : matchIdentifier(text, i, n);
        if (id) {
          out.push({ text: text.slice(start, id.end), value: id.value, kind: 'identifier', start, end: id.end, breakBefore });
          i = id.end;
          continue;
        }
        const d = next === 0x20 || next === 0xa0 ? null : matchNumericDate(text, i, n);
        if (d && (!d.dayMonth || dateContext(out, breakBefore))) {
          out.push({ text: text.slice(start, d.end), value: d.value, kind: 'date', start, end: d.end, breakBefore });
          i = d.end;
          continue;
        }
      }
      // number: digits ([.,] digits)* ("/" digits ([.,] digits)*)? — "1.000.000", "10,5",
      // "1.2.3", fractions and scales "3/4", "1/25.000"
      let slash = false;
      while (j + 1 < n) {
        const c = text.charCodeAt(j);
        if ((c === 0x2e || c === 0x2c || (c === 0x2f && !slash)) && isDigit(text.charCodeAt(j + 1))) {
          let e = j + 2;
          while (e < n && isDigit(text.charCodeAt(e))) e++;
          // "10/2025/26…" is not a fraction: leave the "/" to the next token
          if (c === 0x2f && e + 1 < n && text.charCodeAt(e) === 0x2f && isDigit(text.charCodeAt(e + 1))) break;
          if (c === 0x2f) slash = true;
          j = e;
        } else break;
      }
      // glued letters make an alphanumeric number: "5a", "4G"
      let plain = true;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c < 0x80) {
          const kc = ASCII[c]!;
          if (kc !== C_LETTER && kc !== C_DIGIT) break;
          if (c < 97 && kc === C_LETTER) plain = false;
          j++;
        } else {
          const packed = classAt(text, j);
          const kc = packed & 0xff;
          if (kc !== C_LETTER && kc !== C_MARK) break;
          plain = false;
          j += packed >> 8;
        }
      }
      const raw = text.slice(start, j);
      out.push({ text: raw, value: plain ? raw : wordValue(raw, false), kind: 'number', start, end: j, breakBefore });
      i = j;
      continue;
    }

    // A word: letters with their marks, and glued digits ("QH13").
    let j = i + w;
    let plain = code >= 97 && code <= 122;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c < 0x80) {
        const kc = ASCII[c]!;
        if (kc === C_LETTER) {
          if (c < 97) plain = false;
        } else if (kc !== C_DIGIT) break;
        j++;
      } else {
        const packed = classAt(text, j);
        const kc = packed & 0xff;
        if (kc !== C_LETTER && kc !== C_MARK && kc !== C_DIGIT) break;
        plain = false;
        j += packed >> 8;
      }
    }
    const raw = text.slice(start, j);
    out.push({ text: raw, value: wordValue(raw, plain), kind: 'syllable', start, end: j, breakBefore });
    i = j;
  }
  return out;
}

/**
 * Adjacent syllable pairs joined by one space ("chính quyền", "địa phương"), in text order.
 * A pair never spans a break (punctuation, line break, spaced dash) nor a number,
 * identifier or date.
 */
export function bigrams(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (a.kind === 'syllable' && b.kind === 'syllable' && !b.breakBefore) out.push(`${a.value} ${b.value}`);
  }
  return out;
}
