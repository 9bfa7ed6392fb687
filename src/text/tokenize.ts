/** Tokenizer. (Stub: the text helper owns this file.) */
export type TokenKind = 'syllable' | 'identifier' | 'number' | 'date';

export interface Token {
  /** The text as written (a slice of the input). */
  text: string;
  /** Canonical value: lowercased syllable, canonical identifier ("183-KL/TW"), ISO date. */
  value: string;
  kind: TokenKind;
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    out.push({ text: m[0], value: m[0].toLowerCase(), kind: /^\d+$/.test(m[0]) ? 'number' : 'syllable', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Adjacent syllable pairs ("chính quyền"), joined by a space. */
export function bigrams(tokens: Token[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (a.kind === 'syllable' && b.kind === 'syllable') out.push(`${a.value} ${b.value}`);
  }
  return out;
}
