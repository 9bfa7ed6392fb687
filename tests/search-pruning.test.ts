/**
 * Dynamic pruning (src/search/execute.ts, `runPruned`) keeps the best results exact: on the VLC
 * laws, for 150 of the bench:scale queries, the pruned executor and the exhaustive one give the
 * same best 10 / 20 of every OR step (ids, order, scores within 1e-9) and the same matches.
 * The engine uses it: the page arrange.ts builds (ids, order, scores, snippets, `alsoIn`,
 * `moreInDocument`, the total, facets, groups) is the exhaustive run's, on every page shape,
 * for the 300 bench:scale queries over VLC + seeds — including the queries whose arrangement
 * read past the first depth and ran again deeper.
 */
import { expect, it } from 'vitest';
import { describeExternal, externalPath } from './helpers/external.ts';
import { loadInputs } from '../indexer/inputs.ts';
import { buildCorpus } from '../src/corpus.ts';
import { analyze } from '../src/search/analyze.ts';
import { indexAll } from '../src/search/bulk-index.ts';
import { Executor, type StepQuery } from '../src/search/execute.ts';
import { MINISEARCH_OPTIONS } from '../src/search/fields.ts';
import { scaleQueries } from '../bench/lib/scale-queries.ts';
import { resolve } from 'node:path';
import type { SearchOptions } from '../src/model.ts';

/** The best k of a step, as the ranking orders them: score, then entry (one pass, k kept sorted). */
function best(ids: ArrayLike<number>, scores: ArrayLike<number>, k: number): { id: number; score: number }[] {
  const top: { id: number; score: number }[] = [];
  const before = (a: { id: number; score: number }, b: { id: number; score: number }) => a.score > b.score || (a.score === b.score && a.id < b.id);
  for (let i = 0; i < ids.length; i++) {
    const r = { id: ids[i]!, score: scores[i]! };
    if (top.length === k && !before(r, top[k - 1]!)) continue;
    let j = Math.min(top.length, k - 1);
    while (j > 0 && before(r, top[j - 1]!)) {
      top[j] = top[j - 1]!;
      j--;
    }
    top[j] = r;
  }
  return top;
}

/** The OR steps the plan runs (src/search/plan.ts): words with the last as a prefix, pairs. */
function orSteps(query: string): StepQuery[] {
  const a = analyze(query);
  const words = a.folded.map((f, i) => [
    { term: f, field: 'folded', prefix: i === a.folded.length - 1 && f.length >= 2 },
    { term: a.exact[i]!, field: 'exact', boost: 0.1 },
  ]);
  const out: StepQuery[] = [{ combineWith: 'OR', groups: words }];
  if (a.pairs.length) out.push({ combineWith: 'OR', groups: a.pairs.map((p) => [{ term: p, field: 'pairs' }]) });
  return out.filter((s) => s.groups.length <= 31);
}

describeExternal('pruned search equals exhaustive search (VLC laws, bench:scale queries)', () => {
  let ready: Promise<{ exec: Executor; queries: string[] }> | undefined;
  const setup = () =>
    (ready ??= (async () => {
      const { inputs } = await loadInputs([externalPath('vlc/corpus')]);
      const { artifact } = buildCorpus(inputs, { contentHash: 'test' });
      const texts = artifact.documents.flatMap((d) => d.clauses.filter((c) => c.text.trim()).map((c) => c.text));
      const ms = indexAll(
        MINISEARCH_OPTIONS as never,
        texts.map((t, id) => {
          const x = analyze(t);
          return { id: String(id), fields: [x.exact, x.folded, x.pairs] };
        }),
      );
      return { exec: new Executor(ms), queries: await scaleQueries(externalPath('vlc/corpus')) };
    })());

  it('every OR step: the same best 10 and 20 (ids, order, scores) and the same matches', async () => {
    const { exec, queries } = await setup();
    expect(queries.length).toBe(300);
    let steps = 0;
    let pruned = 0;
    const odd = (id: number) => id % 3 !== 0;
    // Every other query here (the engine test below takes all 300): exhaustive runs are slow.
    for (const q of queries.filter((_, i) => i % 2 === 0))
      for (const step of orSteps(q))
        for (const filter of [undefined, odd]) {
          // Copies: a step's arrays are only valid until the next call.
          const full = exec.run(step, filter);
          const fullIds = Int32Array.from(full.ids);
          const fullScores = Float64Array.from(full.scores);
          const sortedIds = Int32Array.from(fullIds).sort();
          const expected = best(fullIds, fullScores, 20);
          const scoreOf = new Map<number, number>();
          fullIds.forEach((id, i) => scoreOf.set(id, fullScores[i]!));
          for (const k of [10, 20]) {
            const m = exec.run(step, filter, k);
            const ids = Int32Array.from(m.ids).sort();
            expect(ids.length === sortedIds.length && ids.every((id, i) => id === sortedIds[i]), `${q}: the same matches`).toBe(true);
            const got = best(m.ids, m.scores, k);
            expect(
              got.map((r) => r.id),
              `${q} top ${k}`,
            ).toEqual(expected.slice(0, k).map((r) => r.id));
            got.forEach((r, i) => expect(Math.abs(r.score - expected[i]!.score), `${q} #${i}`).toBeLessThanOrEqual(1e-9));
            // Pruned: some match left without its exact score.
            if (m.ids.some((id, i) => m.scores[i] !== scoreOf.get(id))) pruned++;
            steps++;
          }
        }
    // The comparison means something only if pruning happened on many of them.
    expect(steps).toBeGreaterThan(500);
    expect(pruned).toBeGreaterThan(50);
  });
});

describeExternal('the engine with pruning answers as without (VLC laws + seeds, bench:scale queries)', () => {
  it('the same pages: hits, scores, snippets, alsoIn, moreInDocument, total, facets', async () => {
    const { inputs } = await loadInputs([externalPath('vlc/corpus'), resolve(import.meta.dirname, '../seeds')]);
    const { search } = buildCorpus(inputs, { contentHash: 'test' });
    const queries = await scaleQueries(externalPath('vlc/corpus'));
    // A page, the second page, no per-document share, a deep page, grouped, a type filter; typed (prefix) and finished (trailing space).
    const shapes: SearchOptions[] = [{}, { offset: 10 }, { perDocument: 0 }, { limit: 20, offset: 30 }, { group: 'document' }, { type: ['bo-luat'] }];
    let compared = 0;
    let differ = 0;
    for (const [i, q] of queries.entries()) {
      for (const text of [q, `${q} `]) {
        const shape = shapes[(i + text.length) % shapes.length]!;
        const answer = (pruning: boolean) => {
          search.pruning = pruning;
          search.clearCache();
          return search.search(text, shape);
        };
        const full = answer(false);
        const pruned = answer(true);
        compared++;
        if (JSON.stringify(pruned) !== JSON.stringify(full)) {
          differ++;
          expect(pruned, `${text} ${JSON.stringify(shape)}`).toEqual(full);
        }
      }
    }
    search.pruning = true;
    expect(compared).toBe(600);
    expect(differ).toBe(0);
    // It means something only if pruning left matches unscored, and the deeper rerun was taken.
    expect(search.prunedSteps).toBeGreaterThan(100);
    expect(search.pruneStats.reruns).toBeGreaterThan(0);
  });
});
