/** The one term processor used both when indexing and when querying. (Stub: the text helper owns this file.) */
import { fold } from './fold.ts';

export interface Term {
  /** Lowercased, NFC, canonical tone placement: "ủy". */
  exact: string;
  /** Diacritics stripped, đ → d: "uy". */
  folded: string;
}

export function analyzeTerm(term: string): Term | null {
  const exact = term.normalize('NFC').toLowerCase();
  if (!exact) return null;
  return { exact, folded: fold(exact) };
}
