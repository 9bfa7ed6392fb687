/**
 * The blind citation queries for issue 11 (tests/fixtures/citation-queries/blind.tsv, written by
 * the labeller by reading the laws, not by whoever writes the query parser) are well formed,
 * and — with the external corpus — every expected id of a document in the corpus still names a
 * clause or document the reader produces, so a change of ids cannot silently turn them into misses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VFile } from 'vfile';
import { expect, it } from 'vitest';
import { loadInputs } from '../indexer/inputs.ts';
import { isValidId, parseClauseId } from '../src/ids.ts';
import { readInput } from '../src/read/index.ts';
import { EXTERNAL_DIR, describeExternal } from './helpers/external.ts';

const ROOT = resolve(import.meta.dirname, '..');
const rows = readFileSync(resolve(ROOT, 'tests/fixtures/citation-queries/blind.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));

it('has at least 80 distinct queries, each with a valid expected id or not-in-corpus and a note', () => {
  expect(rows.length).toBeGreaterThanOrEqual(80);
  expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  for (const [query, expected, note] of rows) {
    expect(query, expected).toBeTruthy();
    expect(note, query).toBeTruthy();
    expect(expected === 'not-in-corpus' || isValidId(expected!), `${query} → ${expected}`).toBe(true);
  }
});

describeExternal('blind citation queries against the VLC laws and the seeds', () => {
  it('expects clauses and documents that the reader produces (or documents noted as not in the corpus)', async () => {
    const { inputs } = await loadInputs(['seeds', resolve(EXTERNAL_DIR, 'vlc')], { cwd: ROOT });
    const ids = new Set<string>();
    for (const input of inputs) {
      for (const doc of readInput(input, new VFile({ path: input.path }))) {
        ids.add(doc.id);
        for (const c of doc.clauses) ids.add(c.id);
      }
    }
    for (const [query, expected, note] of rows) {
      if (expected === 'not-in-corpus') continue;
      const docId = parseClauseId(expected!)?.docId ?? expected!;
      if (ids.has(docId)) expect(ids.has(expected!), `${query} → ${expected}`).toBe(true);
      else expect(note, `${query} → ${expected}: a document not in the corpus must say so`).toMatch(/not in the corpus/);
    }
  }, 300_000);
});
