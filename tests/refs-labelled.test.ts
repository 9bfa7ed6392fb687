/** The labelled sample (tests/fixtures/refs-labelled.tsv, labelled by reading): precision, recall, relations. */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { readLabels, score } from '../bench/lib/refs-eval.ts';

const labels = readLabels(resolve(import.meta.dirname, 'fixtures/refs-labelled.tsv'));

it('has at least 150 labelled references from VLC and the Bộ pháp điển, and sentences with none', () => {
  const refs = labels.filter((l) => l.text);
  expect(refs.length).toBeGreaterThanOrEqual(150);
  expect(new Set(refs.map((l) => l.source.split('/')[0]))).toEqual(new Set(['vlc', 'phapdien', 'seeds']));
  expect(labels.some((l) => !l.text)).toBe(true);
});

it('finds them with precision and recall ≥ 0.9 and types most relations right', () => {
  const s = score(labels);
  expect(s.precision, s.extras.join('\n')).toBeGreaterThanOrEqual(0.9);
  expect(s.recall, s.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  expect(s.relationAccuracy, s.misses.join('\n')).toBeGreaterThanOrEqual(0.85);
});
