/**
 * The README's examples are part of the contract: every `expression // → value` line of its
 * js blocks is evaluated against the package's exports and must give the value shown.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from './index.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** [expression, expected] pairs; a `// →` line on its own continues the expression above it. */
function examples(markdown: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const block of markdown.matchAll(/```js\n([\s\S]*?)```/g)) {
    let pending: string | undefined;
    for (const line of block[1]!.split('\n')) {
      const arrow = line.indexOf('// →');
      if (arrow < 0) {
        pending = line.trim() && !line.startsWith('import') && !line.startsWith(' ') ? line.trim() : undefined;
        continue;
      }
      const expr = line.slice(0, arrow).trim() || pending;
      if (expr) out.push([expr, line.slice(arrow + 4).trim()]);
      pending = undefined;
    }
  }
  return out;
}

const names = Object.keys(api);
const evaluate = (code: string): unknown => new Function(...names, `return (${code});`)(...names.map((n) => (api as Record<string, unknown>)[n]));

describe('README examples', () => {
  const cases = examples(README);

  it('finds the examples', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', (expr, expected) => {
    expect(evaluate(expr)).toEqual(evaluate(expected));
  });
});
