/**
 * Character tables shared by the text layer (internal: not exported from index.ts).
 *
 * Everything here is built once at module load or lazily per code unit, so the hot loops
 * (tokenize, fold, canonicalTones) do array lookups instead of regex tests per character.
 */

/** Character classes used by the tokenizer. */
export const C_OTHER = 0; // punctuation, symbols, controls, lone surrogates: breaks words and phrases
export const C_LETTER = 1; // \p{L} and non-ASCII \p{N}: part of a word
export const C_DIGIT = 2; // ASCII 0-9 only: numbers, dates and identifiers are ASCII-digit based
export const C_MARK = 3; // \p{M} and in-word format characters: continue the preceding word
export const C_SPACE = 4; // horizontal whitespace (incl. NBSP, zero-width space): separates, does not break phrases
export const C_HYPHEN = 5; // "-", U+2010, U+2011: separates words, does not break phrases ("kinh tế-xã hội")

const UNKNOWN = 255;
const CLASS = new Uint8Array(0x10000).fill(UNKNOWN);
const RE_LETTER = /^[\p{L}\p{N}]$/u;
const RE_MARK = /^[\p{M}\u200c\u200d\u00ad]$/u;
const RE_SPACE = /^[\t \u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]$/u;

function computeClass(ch: string): number {
  if (RE_MARK.test(ch)) return C_MARK;
  if (RE_LETTER.test(ch)) return C_LETTER;
  if (RE_SPACE.test(ch)) return C_SPACE;
  return C_OTHER;
}

for (let c = 0; c < 0x80; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = c >= 48 && c <= 57 ? C_DIGIT : c === 45 ? C_HYPHEN : computeClass(ch);
}
CLASS[0x2010] = C_HYPHEN;
CLASS[0x2011] = C_HYPHEN;
// Surrogates are classified per code point by classAt(); alone they are C_OTHER.
for (let c = 0xd800; c <= 0xdfff; c++) CLASS[c] = C_OTHER;

const ASTRAL = new Map<number, number>();

/** Class of a BMP code unit (surrogates → C_OTHER; use classAt for astral letters). */
export function classOf(code: number): number {
  const k = CLASS[code]!;
  if (k !== UNKNOWN) return k;
  const computed = computeClass(String.fromCharCode(code));
  CLASS[code] = computed;
  return computed;
}

/**
 * Class of the character at `i` and its width in code units (1, or 2 for a valid surrogate pair).
 * Returned packed as class | width << 8 to avoid allocating.
 */
export function classAt(s: string, i: number): number {
  const code = s.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return classOf(code) | (1 << 8);
  const low = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
  if (low < 0xdc00 || low > 0xdfff) return C_OTHER | (1 << 8);
  const cp = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  let k = ASTRAL.get(cp);
  if (k === undefined) {
    k = computeClass(String.fromCodePoint(cp));
    ASTRAL.set(cp, k);
  }
  return k | (2 << 8);
}

// ---------------------------------------------------------------------------------------
// Vietnamese vowels: base vowel and tone of every precomposed vowel, and the reverse.

/** Combining tone marks, by tone number 1..5: huyền, sắc, hỏi, ngã, nặng. */
const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** The twelve Vietnamese vowel letters (without tone), both cases. */
const VOWELS = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';
/** Vowels that carry a shape mark: the tone goes on them when present. */
const SHAPED = 'ăâêôơưĂÂÊÔƠƯ';

/** TONE[code] = 1..5 for a toned vowel, 0 otherwise. */
export const TONE = new Uint8Array(0x1f00);
/** BASE[code] = the untoned vowel (0 when `code` is not a Vietnamese vowel). */
export const BASE = new Uint16Array(0x1f00);
/** IS_SHAPED[code] = 1 for ă â ê ô ơ ư (any tone, any case). */
export const IS_SHAPED = new Uint8Array(0x1f00);
/** WITH_TONE[base * 6 + tone]: recompose a base vowel with a tone (index by position in VOWELS). */
const WITH_TONE = new Map<number, Uint16Array>();

for (const v of VOWELS) {
  const base = v.charCodeAt(0);
  const forms = new Uint16Array(6);
  forms[0] = base;
  BASE[base] = base;
  if (SHAPED.includes(v)) IS_SHAPED[base] = 1;
  for (let t = 1; t <= 5; t++) {
    const code = (v + TONE_MARKS[t - 1]!).normalize('NFC').charCodeAt(0);
    forms[t] = code;
    TONE[code] = t;
    BASE[code] = base;
    if (SHAPED.includes(v)) IS_SHAPED[code] = 1;
  }
  WITH_TONE.set(base, forms);
}

/** The vowel `base` carrying `tone` (0 = none). */
export function withTone(base: number, tone: number): number {
  return WITH_TONE.get(base)![tone]!;
}

/** Lowercase q, g, i, u, y codes (for the qu/gi onset rules), compared after |0x20 on ASCII. */
export const CODE_Q = 0x71;
export const CODE_G = 0x67;
export const CODE_I = 0x69;
export const CODE_U = 0x75;
