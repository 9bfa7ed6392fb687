/**
 * The contract the search engine's speed rests on: `Executor` gives MiniSearch's own scores
 * for every step shape the query plan uses, and a saved index loads back into a MiniSearch
 * that is the one saved. Checked on the seeds, and on the VLC laws when they are present.
 */
import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS } from '../src/search/fields.ts';
import { Executor, toMiniSearchQuery, type StepQuery } from '../src/search/execute.ts';
import { documentFrequency, loadIndex, saveIndex } from '../src/search/saved-index.ts';
import { analyze } from '../src/search/analyze.ts';
import { indexAll } from '../src/search/bulk-index.ts';
import { ClauseIndex, MINISEARCH_VERSION } from '../src/search/minisearch-door.ts';
import type { DocumentRecord } from '../src/model.ts';
import { seedCorpus } from './helpers/seeds.ts';
import { describeExternal, externalPath } from './helpers/external.ts';
import { loadInputs } from '../indexer/inputs.ts';
import { buildCorpus } from '../src/corpus.ts';

function bulkOf(docs: DocumentRecord[]): ClauseIndex<any> {
  const texts = docs.flatMap((doc) => doc.clauses.filter((c) => c.text.trim()).map((c) => c.text));
  return indexAll(
    MINISEARCH_OPTIONS as never,
    texts.map((t, id) => {
      const a = analyze(t);
      return { id: String(id), fields: [a.exact, a.folded, a.pairs] };
    }),
  );
}
const sortIndex = (js: ReturnType<MiniSearch['toJSON']>) => ({ ...js, index: [...js.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) });

/** The reference: MiniSearch's own addAll (on the door's subclass, which adds only read access). */
function miniSearchOf(docs: DocumentRecord[]): ClauseIndex<any> {
  const ms = new ClauseIndex<any>(MINISEARCH_OPTIONS as never);
  const entries = docs.flatMap((doc) => doc.clauses.filter((c) => c.text.trim()).map((clause) => ({ clause, doc })));
  ms.addAll(entries.map((e, id) => ({ ...e, id })));
  return ms;
}

/** Every step shape the engine's plan builds (src/search/plan.ts), from a typed query. */
function steps(query: string): [string, StepQuery][] {
  const a = analyze(query);
  const pairs = a.pairs;
  const words = (prefix: boolean) => a.folded.map((f, i) => [{ term: f, field: 'folded', prefix: prefix && i === a.folded.length - 1 }, { term: a.exact[i]!, field: 'exact', boost: 0.1 }]);
  const out: [string, StepQuery][] = [
    ['AND words', { combineWith: 'AND', groups: words(false) }],
    ['AND words, last as prefix', { combineWith: 'AND', groups: words(true) }],
    ['OR words, last as prefix', { combineWith: 'OR', groups: words(true) }],
  ];
  if (pairs.length) {
    out.push(['AND pairs', { combineWith: 'AND', groups: pairs.map((p) => [{ term: p, field: 'pairs' }]) }]);
    out.push(['OR pairs', { combineWith: 'OR', groups: pairs.map((p) => [{ term: p, field: 'pairs' }]) }]);
    out.push(['OR pairs, one edit', { combineWith: 'OR', groups: pairs.map((p) => [{ term: p, field: 'pairs', fuzzy: p.length >= 10 ? 1 : 0 }]) }]);
  }
  return out;
}

function expectSameScores(ms: ClauseIndex<any>, ex: Executor, q: StepQuery, filter?: (id: number) => boolean) {
  const expected = ms.search(toMiniSearchQuery(q), filter ? { filter: (r) => filter(Number(r.id)) } : {});
  const got = ex.run(q, filter);
  const scores = new Map<number, number>();
  got.ids.forEach((id, i) => scores.set(id, got.scores[i]!));
  expect(scores.size).toBe(expected.length);
  for (const r of expected) expect(scores.get(Number(r.id))).toBeCloseTo(r.score, 9);
  return expected.length;
}

/** ms.search results as id → score and sorted matched terms (the order of prefix expansions follows the term tree). */
const comparable = (rs: { id: unknown; score: number; terms: string[] }[]) => rs.map((r) => ({ id: r.id, score: Math.round(r.score * 1e9), terms: [...r.terms].sort() })).sort((a, b) => b.score - a.score || String(a.id).localeCompare(String(b.id)));

const seeds = await seedCorpus();
const seedIndex = miniSearchOf(seeds.artifact.documents);
const seedExecutor = new Executor(seedIndex);

describe('Executor gives MiniSearch’s scores (seeds)', () => {
  const queries = ['trạm y tế cấp xã', 'dang uy', 'Đảng ủy các cấp', 'chinh quyen dia phuong 2 cap', 'tổ chức bộ máy', 'sắp xếp tinh gọn', 'chinh quyen dia phuong hai cap', 'kết luận số 195'];
  for (const q of queries)
    for (const [name, step] of steps(q))
      it(`${q} — ${name}`, () => {
        expectSameScores(seedIndex, seedExecutor, step);
      });
  it('with a filter, the same documents MiniSearch keeps', () => {
    const [, step] = steps('chính quyền địa phương').find(([n]) => n === 'OR pairs')!;
    const odd = (id: number) => id % 2 === 1;
    expect(expectSameScores(seedIndex, seedExecutor, step, odd)).toBeGreaterThan(3);
  });
  it('a step that matches nothing is empty; the terms it matched are reported', () => {
    const none = seedExecutor.run({ combineWith: 'AND', groups: [[{ term: 'tram', field: 'folded' }], [{ term: 'zzzq', field: 'folded' }]] });
    expect(none.ids.length).toBe(0);
    const some = seedExecutor.run({ combineWith: 'OR', groups: [[{ term: 'tram_y', field: 'pairs' }], [{ term: 'zzzq_x', field: 'pairs' }]] });
    expect([...some.matchedTerms]).toEqual(['tram_y']);
  });
  it('a query term repeated counts once in the quality factor, as in MiniSearch', () => {
    const g = [{ term: 'dang', field: 'folded' }];
    expectSameScores(seedIndex, seedExecutor, { combineWith: 'AND', groups: [g, [{ term: 'uy', field: 'folded' }], g] });
    expectSameScores(seedIndex, seedExecutor, { combineWith: 'OR', groups: [g, [{ term: 'uy', field: 'folded' }], g] });
  });
});

describe('bulk index', () => {
  it('is the index MiniSearch’s addAll builds (same toJSON, field lengths and averages included)', () => {
    expect(sortIndex(bulkOf(seeds.artifact.documents).toJSON())).toEqual(sortIndex(seedIndex.toJSON()));
  });
  it('refuses a duplicate id, as MiniSearch does', () => {
    expect(() => indexAll(MINISEARCH_OPTIONS as never, [{ id: 'a', fields: [[], [], []] }, { id: 'a', fields: [[], [], []] }])).toThrow(/duplicate ID a/);
  });
});

describe('MiniSearch behind one door', () => {
  it('the version the door is written for is the one installed and the one package.json pins exactly', async () => {
    const { readFile } = await import('node:fs/promises');
    const { createRequire } = await import('node:module');
    const { dirname, join } = await import('node:path');
    const installed = JSON.parse(await readFile(join(dirname(createRequire(import.meta.url).resolve('minisearch')), '../../package.json'), 'utf8')).version;
    const pinned = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')).dependencies.minisearch;
    expect(installed).toBe(MINISEARCH_VERSION);
    expect(pinned).toBe(MINISEARCH_VERSION);
  });
  it('no other module reaches MiniSearch’s private fields', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('../src/search/', import.meta.url);
    for (const name of await readdir(dir)) {
      if (name === 'minisearch-door.ts' || !name.endsWith('.ts')) continue;
      const text = await readFile(new URL(name, dir), 'utf8');
      expect(text, name).not.toMatch(/\._(index|documentCount|nextId|documentIds|idToShortId|fieldIds|fieldLength|avgFieldLength|storedFields|dirtCount|options|tree)\b/);
      expect(text, name).not.toMatch(/as unknown as/);
    }
  });
});

describe('saved index', () => {
  it('loads back into the MiniSearch that was saved (same toJSON, same search results)', () => {
    const bytes = saveIndex(seedIndex, { note: 'kept' });
    const { ms, extra } = loadIndex(bytes, MINISEARCH_OPTIONS as never);
    expect(extra).toEqual({ note: 'kept' });
    expect(sortIndex(ms.toJSON())).toEqual(sortIndex(seedIndex.toJSON()));
    for (const q of ['dang', 'tram', 'chinh_quyen'])
      expect(comparable(ms.search(q, { prefix: true, fuzzy: 1 } as never))).toEqual(comparable(seedIndex.search(q, { prefix: true, fuzzy: 1 } as never)));
  });
  it('is much smaller than MiniSearch’s JSON', () => {
    expect(saveIndex(seedIndex).length).toBeLessThan(JSON.stringify(seedIndex).length / 2);
  });
  it('counts a term’s documents without decoding its postings', () => {
    const { ms } = loadIndex(saveIndex(seedIndex), MINISEARCH_OPTIONS as never);
    for (const [term, field] of [['dang', 1], ['dang_uy', 2], ['Đảng', 0], ['nothing', 1]] as const)
      expect(documentFrequency(ms, term, field)).toBe(documentFrequency(seedIndex, term, field));
    expect(documentFrequency(ms, 'dang', 1)).toBeGreaterThan(10);
  });
  it('refuses an index another MiniSearch version wrote', () => {
    const other = saveIndex(seedIndex).slice();
    // The header is JSON: overwrite the version in place with another of the same length.
    const from = new TextEncoder().encode(`"minisearch":"${MINISEARCH_VERSION}"`);
    const at = Buffer.from(other).indexOf(Buffer.from(from));
    expect(at).toBeGreaterThan(0);
    other.set(new TextEncoder().encode(`"minisearch":"${'7.1.9'.padEnd(MINISEARCH_VERSION.length)}"`), at);
    expect(() => loadIndex(other, MINISEARCH_OPTIONS as never)).toThrow(/MiniSearch 7\.1\.9, this tracuu uses/);
  });
  it('refuses bytes that are not a saved index, or from another format version, with a clear error', () => {
    expect(() => loadIndex(new TextEncoder().encode('{"minisearch":{}}'), MINISEARCH_OPTIONS as never)).toThrow(/not a saved tracuu search index/);
    const bytes = saveIndex(seedIndex).slice();
    new DataView(bytes.buffer).setUint32(4, 99);
    expect(() => loadIndex(bytes, MINISEARCH_OPTIONS as never)).toThrow(/format 99/);
  });
});

describeExternal('Executor and saved index on the VLC laws (68k clauses)', () => {
  const ready = (async () => {
    const { inputs } = await loadInputs([externalPath('vlc/corpus')]);
    const { artifact } = buildCorpus(inputs.slice(0, 40), { contentHash: 'test' });
    const ms = miniSearchOf(artifact.documents);
    const bulk = bulkOf(artifact.documents);
    const { ms: loaded } = loadIndex(saveIndex(bulk), MINISEARCH_OPTIONS as never);
    return { ms, bulk, loaded, ex: new Executor(loaded) };
  })();
  const queries = ['người lao động bị tai nạn lao động được hưởng chế độ gì', 'quyen su dung dat', 'thời hạn giải quyết khiếu nại lần đầu', 'hop dong lao d', 'xử phạt vi phạm hành chính'];
  for (const q of queries)
    for (const [name, step] of steps(q))
      it(`${q} — ${name}`, async () => {
        const { loaded, ex } = await ready;
        expectSameScores(loaded, ex, step);
      });
  it('the bulk index is the one addAll builds', async () => {
    const { ms, bulk } = await ready;
    expect(sortIndex(bulk.toJSON())).toEqual(sortIndex(ms.toJSON()));
  });
  it('a loaded index answers MiniSearch queries as the original does', async () => {
    const { ms, loaded } = await ready;
    for (const q of ['lao_dong', 'quyen', 'khieu_nai'])
      expect(comparable(loaded.search(q, { prefix: true, fuzzy: 1 } as never))).toEqual(comparable(ms.search(q, { prefix: true, fuzzy: 1 } as never)));
  });
});
