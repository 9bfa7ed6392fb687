/**
 * Analysis for the index and for queries, on the text layer: one token stream per text, and
 * from it the terms of each field. Both sides use `analyzeToken` (vietnamese-tokenizer), the one term
 * processor, so an indexed term and a query term always meet on the same string.
 *
 *   exact   lowercase NFC syllables with canonical tone placement ("ủy"), identifiers, dates
 *   folded  the same without diacritics ("uy", "15/2020/nd-cp")
 *   pairs   folded syllable pairs that run without punctuation ("chinh_quyen"): phrases, ranking
 */
import { analyzeToken, tokenize, type Token } from 'vietnamese-tokenizer';

export interface Analyzed {
  tokens: Token[];
  exact: string[];
  folded: string[];
  pairs: string[];
}

export function analyze(text: string): Analyzed {
  const tokens = tokenize(text);
  const exact: string[] = [];
  const folded: string[] = [];
  const pairs: string[] = [];
  let prev: string | undefined;
  for (const t of tokens) {
    const term = analyzeToken(t);
    exact.push(term.exact);
    folded.push(term.folded);
    if (prev !== undefined && !t.breakBefore) pairs.push(`${prev}_${term.folded}`);
    prev = term.folded;
  }
  return { tokens, exact, folded, pairs };
}

/** True when the text carries Vietnamese marks (or đ): then exact matches are ranked first. */
export function hasMarks(text: string): boolean {
  return /[^\u0000-\u007f]/.test(text) && /[\u00c0-\u1ef9đĐ]/u.test(text.normalize('NFC'));
}
