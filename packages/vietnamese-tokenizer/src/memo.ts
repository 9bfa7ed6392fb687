/**
 * A bounded memo for string → string functions of the text layer. Syllables repeat (a few
 * thousand spellings make up a law), so folding or canonicalising each spelling once makes
 * indexing markedly faster; the memo holds plain strings only, and empties itself at `limit`
 * so an adversarial input cannot grow it without bound.
 */
export function memoString(fn: (s: string) => string, limit = 65_536): (s: string) => string {
  const memo = new Map<string, string>();
  return (s) => {
    let v = memo.get(s);
    if (v === undefined) {
      if (memo.size >= limit) memo.clear();
      v = fn(s);
      memo.set(s, v);
    }
    return v;
  };
}
