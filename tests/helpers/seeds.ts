/** The five seeds, read and built once per test file through the real pipeline. */
import { resolve } from 'node:path';
import { loadInputs } from '../../indexer/inputs.ts';
import { buildCorpus, openCorpus, type Corpus } from '../../src/corpus.ts';
import type { InputFile } from '../../src/read/index.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

let inputs: Promise<InputFile[]> | undefined;
let corpus: Promise<Corpus> | undefined;

export function seedInputs(): Promise<InputFile[]> {
  inputs ??= loadInputs(['seeds'], { cwd: ROOT }).then((l) => l.inputs);
  return inputs;
}

export function seedCorpus(): Promise<Corpus> {
  corpus ??= seedInputs().then((i) => {
    const { artifact, search } = buildCorpus(i, { contentHash: 'test', now: () => new Date('2026-01-01T00:00:00Z') });
    return openCorpus(artifact, search);
  });
  return corpus;
}
