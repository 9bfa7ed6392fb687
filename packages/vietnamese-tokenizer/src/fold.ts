/**
 * Diacritic folding and canonical tone-mark placement — both applied to TERMS, never to the
 * stored text, so offsets and highlights always point at the characters as written.
 */
import { BASE, IS_SHAPED, TONE, withTone } from './chars.ts';

// ---------------------------------------------------------------------------------------
// fold

/** The reference definition; the table below is this function applied per character. */
function foldSlow(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').normalize('NFC');
}

const DROP = 0xffff;
/** FOLD[code]: folded code unit, DROP for a combining mark, 0 when the slow path is needed. */
const FOLD = new Uint16Array(0x2070);
function fillFold(from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const f = foldSlow(String.fromCharCode(c));
    if (f.length === 0) FOLD[c] = DROP;
    else if (f.length === 1 && f.charCodeAt(0) !== 0) FOLD[c] = f.charCodeAt(0);
  }
}
fillFold(0x01, 0x24f); // ASCII, Latin-1, Latin Extended-A/B (ă, đ, ơ, ư ...)
fillFold(0x300, 0x36f); // combining marks (NFD input)
fillFold(0x1e00, 0x1eff); // Latin Extended Additional (ạ ả ấ ầ ... ỹ)
fillFold(0x2000, 0x206f); // general punctuation (– “ ” …) keeps titles on the fast path

let buf = new Uint16Array(256);

/**
 * Strip diacritics, map đ/Đ → d, lowercase: "Ủy ban" → "uy ban", "NĐ-CP" → "nd-cp".
 * Vietnamese letters always fold to ASCII. Other scripts keep their base letters
 * (marks stripped, NFC). Idempotent. Length may change (combining marks are dropped), so
 * never fold text you take offsets from.
 */
export function fold(term: string): string {
  const n = term.length;
  // Fast path: already lowercase ASCII (typical query keystrokes and folded terms).
  let i = 0;
  for (; i < n; i++) {
    const c = term.charCodeAt(i);
    if (c >= 0x80 || (c >= 65 && c <= 90)) break;
  }
  if (i === n) return term;
  if (buf.length < n) buf = new Uint16Array(n * 2);
  let m = 0;
  for (let j = 0; j < n; j++) {
    const c = term.charCodeAt(j);
    const f = c < 0x2070 ? FOLD[c]! : 0;
    if (f === 0) return foldSlow(term);
    if (f !== DROP) buf[m++] = f;
  }
  let out = '';
  for (let k = 0; k < m; k += 4096) {
    out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(m, k + 4096)) as unknown as number[]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// canonicalTones

/**
 * Canonical placement is the "old style" (kiểu cũ), the majority spelling of our corpus
 * ("ủy" 4,498 vs "uỷ" 1,040 in seeds + VLC laws; see README): in an open syllable ending in oa / oe / uy the mark sits
 * on the FIRST vowel — "ủy", "hóa", "hòa", "thủy", "khỏe" — while "uỷ", "hoá", "hoà",
 * "thuỷ", "khoẻ" (new style) are moved there. It is also the rule that needs no exceptions
 * list: two-vowel open rhymes take the mark on the first vowel ("mùa", "cái", "nghĩa").
 *
 * Full rule, per syllable (onset + vowel cluster + coda):
 *   1. After "qu" / "gi" the u / i is part of the onset ("quý", "giữa", "già").
 *   2. A shaped vowel (ă â ê ô ơ ư) takes the mark; the rightmost if two ("người", "thuở").
 *   3. Otherwise, with a coda (c ch m n ng nh p t), the last vowel ("hoàn", "quỳnh").
 *   4. Otherwise the first of two vowels, the middle of three ("hòa", "ngoài", "khuỷu").
 * A string that is not one well-formed syllable (two marks, digits, foreign letters,
 * an impossible coda, a vowel cluster no rhyme has, like the typo "trưòng") is returned unchanged: we never damage what we do not understand.
 * Case is preserved ("UỶ" → "ỦY").
 */
export function canonicalTones(syllable: string): string {
  const n = syllable.length;
  let toned = -1;
  let tone = 0;
  for (let i = 0; i < n; i++) {
    const c = syllable.charCodeAt(i);
    if (c < 0xc0) continue;
    if (c >= 0x300 && c <= 0x36f) {
      const nfc = syllable.normalize('NFC');
      return nfc === syllable ? syllable : canonicalNfc(nfc);
    }
    if (c < 0x1f00 && TONE[c] !== 0) {
      if (toned !== -1) return syllable; // two tone marks: not one syllable
      toned = i;
      tone = TONE[c]!;
    }
  }
  if (toned === -1) return syllable;
  return place(syllable, toned, tone);
}

/** canonicalTones on NFC input that may still hold marks NFC could not compose. */
function canonicalNfc(s: string): string {
  let toned = -1;
  let tone = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) return s;
    if (c < 0x1f00 && TONE[c] !== 0) {
      if (toned !== -1) return s;
      toned = i;
      tone = TONE[c]!;
    }
  }
  return toned === -1 ? s : place(s, toned, tone);
}

/** Vowel clusters of Vietnamese rhymes (after the qu / gi onset), without tone. */
const RHYMES = new Set(
  ('a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ' +
    'ưa ưi ươ ưu yê iêu oai oay oeo uây uôi uya uyê uyu ươi ươu yêu').split(' '),
);

function isVowel(c: number): boolean {
  return c < 0x1f00 && BASE[c] !== 0;
}

/** Lowercase ASCII code of a letter, or -1 for anything that cannot be in an onset or coda. */
function consonant(c: number): number {
  if (c >= 65 && c <= 90) return c | 0x20;
  if (c >= 97 && c <= 122) return c;
  if (c === 0x111 || c === 0x110) return 0x64; // đ
  return -1;
}

function place(s: string, toned: number, tone: number): string {
  const n = s.length;
  let vs = 0;
  while (vs < n && !isVowel(s.charCodeAt(vs))) {
    if (consonant(s.charCodeAt(vs)) === -1) return s;
    vs++;
  }
  let ve = vs;
  while (ve < n && isVowel(s.charCodeAt(ve))) ve++;
  // Coda: "", c, ch, m, n, ng, nh, p, t.
  const codaLen = n - ve;
  if (codaLen > 2) return s;
  const k1 = codaLen > 0 ? consonant(s.charCodeAt(ve)) : 0;
  const k2 = codaLen > 1 ? consonant(s.charCodeAt(ve + 1)) : 0;
  if (codaLen === 1 && !(k1 === 0x63 || k1 === 0x6d || k1 === 0x6e || k1 === 0x70 || k1 === 0x74)) return s;
  if (codaLen === 2 && !((k1 === 0x63 && k2 === 0x68) || (k1 === 0x6e && (k2 === 0x67 || k2 === 0x68)))) return s;

  let a = vs;
  if (ve - vs > 1 && vs > 0) {
    const onsetLast = consonant(s.charCodeAt(vs - 1));
    const first = BASE[s.charCodeAt(vs)]! | 0x20;
    if (onsetLast === 0x71 && first === 0x75) a++; // qu
    else if (vs === 1 && onsetLast === 0x67 && first === 0x69) a++; // gi
  }
  const m = ve - a;
  let target = -1;
  for (let i = ve - 1; i >= a; i--) {
    if (IS_SHAPED[s.charCodeAt(i)] === 1) {
      target = i;
      break;
    }
  }
  if (target === -1) {
    if (codaLen > 0) target = ve - 1;
    else if (m === 1 || m === 2) target = a;
    else if (m === 3) target = a + 1;
    else return s;
  }
  if (target === toned) return s;
  // Only move a mark inside a real Vietnamese rhyme: a typo like "trưòng" stays as written.
  let cluster = '';
  for (let i = a; i < ve; i++) cluster += String.fromCharCode(BASE[s.charCodeAt(i)]!);
  if (!RHYMES.has(cluster.toLowerCase())) return s;
  const plain = String.fromCharCode(BASE[s.charCodeAt(toned)]!);
  const marked = String.fromCharCode(withTone(BASE[s.charCodeAt(target)]!, tone));
  const lo = Math.min(toned, target);
  const hi = Math.max(toned, target);
  const mid = s.slice(lo + 1, hi);
  return toned < target
    ? s.slice(0, lo) + plain + mid + marked + s.slice(hi + 1)
    : s.slice(0, lo) + marked + mid + plain + s.slice(hi + 1);
}
