/**
 * The reference sample for issue 12 (tests/fixtures/refs-sample) is well formed and is what
 * bench/lib/draw-refs-sample.ts draws: every offset slices its text, every value is in its
 * vocabulary, the halves are disjoint, and the document-level gold covers every VLC law.
 * This checks the labels' form, never tracuu's finder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawRefsSample } from '../bench/lib/draw-refs-sample.ts';
import { EXTRA_RELATIONS, SAMPLE_KINDS, isReference, readRefsSample } from '../bench/lib/refs-sample.ts';
import { RELATIONS } from '../src/server/schemas.ts';
import { EXTERNAL_DIR, describeExternal } from './helpers/external.ts';
import { normalize } from 'vietnamese-tokenizer';

const DIR = resolve(import.meta.dirname, 'fixtures/refs-sample');
const tune = readRefsSample(resolve(DIR, 'tune.tsv'));
const holdout = readRefsSample(resolve(DIR, 'holdout.tsv'));
const blind = readRefsSample(resolve(DIR, 'blind.tsv'));
const all = [...tune, ...holdout, ...blind];

describe('refs-sample', () => {
  it('has at least 400 references over the sampled strata, plus the VLC census', () => {
    expect(all.filter((r) => !r.census && isReference(r)).length).toBeGreaterThanOrEqual(400);
    expect(all.filter((r) => r.census).length).toBeGreaterThan(0);
  });

  it('slices every labelled text out of its sentence at the recorded offsets', () => {
    for (const r of all.filter((x) => x.ref > 0)) expect(r.sentence.slice(r.start, r.end), r.sid).toBe(r.text);
  });

  it('uses only known kinds and relations, and numbers its occurrences 1..n without overlap', () => {
    const relations = new Set<string>([...RELATIONS, ...EXTRA_RELATIONS]);
    const bySid = new Map<string, typeof all>();
    for (const r of all) bySid.set(r.sid, [...(bySid.get(r.sid) ?? []), r]);
    for (const [sid, rows] of bySid) {
      if (rows.some((r) => r.ref === 0)) {
        expect(rows, sid).toHaveLength(1);
        continue;
      }
      expect(rows.map((r) => r.ref), sid).toEqual(rows.map((_, i) => i + 1));
      const spans = rows.map((r) => [r.start, r.end] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0], sid).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      for (const r of rows) {
        expect(SAMPLE_KINDS, sid).toContain(r.kind);
        if (isReference(r)) expect(r.relations.length, sid).toBeGreaterThan(0);
        for (const rel of r.relations) expect(relations.has(rel), `${sid}: ${rel}`).toBe(true);
      }
    }
  });

  it('keeps the halves apart by sentence', () => {
    const t = new Set(tune.map((r) => r.sid));
    expect(holdout.filter((r) => t.has(r.sid))).toEqual([]);
  });

  it('draws the blind sample from sentences in neither half', () => {
    const used = new Set(all.filter((r) => !blind.includes(r)).map((r) => r.sid));
    expect(blind.filter((r) => used.has(r.sid))).toEqual([]);
    expect(new Set(blind.map((r) => r.sid)).size).toBeGreaterThanOrEqual(150);
    expect(blind.filter(isReference).length).toBeGreaterThanOrEqual(150);
  });
});

describeExternal('refs-sample against the external corpus', () => {
  it('is exactly the seeded draw: same sentences, strata and halves', () => {
    const drawn = drawRefsSample(EXTERNAL_DIR);
    const key = (sid: string, half: string, stratum: string, sentence: string) => `${sid}\t${half}\t${stratum}\t${sentence}`;
    const want = new Set(drawn.map((d) => key(d.sid, d.half, d.stratum, d.sentence)));
    const have = new Set([...tune.map((r) => key(r.sid, 'tune', r.stratum, r.sentence)), ...holdout.map((r) => key(r.sid, 'holdout', r.stratum, r.sentence))]);
    expect([...have].filter((k) => !want.has(k))).toEqual([]);
    expect([...want].filter((k) => !have.has(k))).toEqual([]);
  }, 180_000);

  it('has a document-level row for every VLC law, each pointing at a line of that law', () => {
    const rows = readFileSync(resolve(DIR, 'doc-status.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const laws = new Set(rows.map((r) => r[0]));
    const files = readdirSync(resolve(EXTERNAL_DIR, 'vlc/corpus')).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
    expect(files.filter((f) => !laws.has(f))).toEqual([]);
    for (const r of rows) {
      const [file, line] = (r[13] ?? '').split(':');
      if (!file) continue;
      const text = normalize(readFileSync(resolve(EXTERNAL_DIR, file), 'utf8')).split(/\r?\n/)[Number(line) - 1] ?? '';
      expect(text.trim(), r[13]).not.toBe('');
      // A target named with its number sits on the evidence line, unless the line is an item of a list (anaphoric "(of …)").
      if (r[4] && !r[3]!.includes('(of ')) expect(text, r[13]).toContain(r[4]);
    }
  });
});
