/** Diacritic folding and tone-mark placement. (Stub: the text helper owns this file.) */
export function fold(term: string): string {
  return term
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Move the tone mark of one syllable to its canonical (new-style) vowel: "uỷ" → "ủy". */
export function canonicalTones(syllable: string): string {
  return syllable;
}
