import { describe, expect, it } from 'vitest';
import { MARKERS, markerValue, matchMarker } from './markers.ts';

describe('numbering markers (data): every example matches, every counter-example does not', () => {
  const rows = MARKERS.flatMap((m) => m.examples.map(([text, number, source]) => [m.id, text, number, source] as const));
  it.each(rows)('%s matches %j → %s (%s)', (id, text, number) => {
    const m = matchMarker(text);
    expect(m?.pattern.id).toBe(id);
    expect(m?.number).toBe(number);
  });
  const counter = MARKERS.flatMap((m) => m.counterExamples.map((t) => [m.id, t] as const));
  it.each(counter)('%s does not match %j', (id, text) => {
    expect(matchMarker(text)?.pattern.id).not.toBe(id);
  });
  it('every pattern has a note and at least one example', () => {
    for (const m of MARKERS) {
      expect(m.note.length).toBeGreaterThan(10);
      expect(m.examples.length).toBeGreaterThan(0);
    }
  });
});

describe('marker values for sequence checks', () => {
  it.each([
    ['ii', 'roman-paren', 2],
    ['iv', 'roman-paren', 4],
    ['ix', 'roman-paren', 9],
    ['đ', 'letter', 5],
    ['e', 'letter', 6],
    ['g', 'letter', 7],
    ['12', 'dot', 12],
    ['hai', 'phan', 2],
    ['XIV', 'chuong', 14],
  ] as const)('%s (%s) = %d', (n, style, v) => expect(markerValue(n, style)).toBe(v));
});
