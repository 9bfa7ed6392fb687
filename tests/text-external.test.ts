/**
 * The tokenizer (the vietnamese-tokenizer workspace package) on real law text: the NFD
 * files of the VLC corpus. Kept here, not in the package, because the corpus is tracuu's.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { normalize, tokenize, type Token } from 'vietnamese-tokenizer';
import { describeExternal, externalPath } from './helpers/external.ts';

function checkOffsets(input: string, tokens: Token[]): void {
  let last = 0;
  for (const t of tokens) {
    expect(t.start).toBeGreaterThanOrEqual(last);
    expect(t.end).toBeGreaterThan(t.start);
    expect(input.slice(t.start, t.end)).toBe(t.text);
    last = t.end;
  }
}

describeExternal('tokenize on the external corpus (NFD laws)', () => {
  it('hien-phap.txt (decomposed): NFC text and raw text give the same values', () => {
    const raw = readFileSync(externalPath('vlc/corpus/hien-phap.txt'), 'utf8');
    const line = raw.split('\n').find((l) => l.includes('\u0300') && l.length > 100)!;
    expect(line).not.toBe(normalize(line)); // really decomposed
    const a = tokenize(line).map((t) => t.value);
    const b = tokenize(normalize(line)).map((t) => t.value);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(10);
  });
  it('luat-dat-dai.txt: every token slice matches, identifiers are found', () => {
    const text = normalize(readFileSync(externalPath('vlc/corpus/luat-dat-dai.txt'), 'utf8'));
    const tokens = tokenize(text);
    checkOffsets(text, tokens);
    const ids = new Set(tokens.filter((t) => t.kind === 'identifier').map((t) => t.value));
    expect(ids.size).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d+[-/]/);
  });
});
