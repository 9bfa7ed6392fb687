/** build/ written and read back: the loaded corpus is the built one (clause texts sliced back, same search answers). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ensureBuild } from '../indexer/store.ts';

const out = mkdtempSync(join(tmpdir(), 'tracuu-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const seeds = resolve(import.meta.dirname, '../seeds');

it('a reused build gives back every clause text and the same search answers as the fresh one', async () => {
  const fresh = await ensureBuild({ paths: [seeds], out });
  const reused = await ensureBuild({ paths: [seeds], out });
  expect(fresh.rebuilt).toBe(true);
  expect(reused.rebuilt).toBe(false);
  const texts = (c: typeof fresh.corpus) => c.artifact.documents.flatMap((d) => d.clauses.map((cl) => [cl.id, cl.text]));
  expect(texts(reused.corpus)).toEqual(texts(fresh.corpus));
  for (const q of ['tram y te cap xa', 'kl 195', '"chính quyền địa phương"', 'Đảng uỷ'])
    expect(reused.corpus.search.search(q)).toEqual(fresh.corpus.search.search(q));
  // corpus.json keeps each text once: clause texts are slices of their document's text.
  const saved = JSON.parse(readFileSync(join(reused.dir, 'corpus.json'), 'utf8'));
  expect(saved.documents.every((d: { clauses: { text?: string }[] }) => d.clauses.every((c) => c.text === undefined))).toBe(true);
});
