/** Tasks in the labelled office documents of the tune part (../shared/corpus-external/office): read through the real readers and scored against their labels. */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { loadInputs } from '../indexer/inputs.ts';
import { buildCorpus, openCorpus } from '../src/corpus.ts';
import { readLabelFiles, scoreFiles } from '../bench/lib/tasks-eval.ts';
import { describeExternal, EXTERNAL_DIR } from './helpers/external.ts';
import { ROOT } from './helpers/seeds.ts';

describeExternal('tasks in office documents (tune labels)', () => {
  it('the Lâm Đồng conclusion notice: every task, lead, partner and deadline as labelled', async () => {
    const files = readLabelFiles(resolve(ROOT, 'tests/fixtures/tasks')).filter((f) => f.part === 'tune' && f.file.includes('office-tb-cchc-lam-dong'));
    expect(files.length).toBeGreaterThan(0);
    const { inputs } = await loadInputs(files.map((f) => resolve(EXTERNAL_DIR, f.document)), { cwd: ROOT });
    const { artifact, search } = buildCorpus(inputs, { contentHash: 'test' });
    const s = scoreFiles(openCorpus(artifact, search), files).tune;
    expect(s.unread).toEqual([]);
    expect(s.labels).toBeGreaterThan(20);
    expect(s.misses).toEqual([]);
    expect(s.wrong).toEqual([]);
    expect(s.notDeadlinesTaken).toEqual([]);
  }, 120_000);
});
