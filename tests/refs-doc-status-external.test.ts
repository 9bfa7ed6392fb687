/**
 * Issue 12 on all 109 VLC laws, against the document-level gold (tests/fixtures/refs-sample/
 * doc-status.tsv): no law the gold says is in force gets an ends / replaces / repeals reference
 * against it as a whole document, and every document a VLC law says ends, is replaced or is
 * repealed gets that reference in the evidence sentence's clause.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { fold } from 'vietnamese-tokenizer';
import { describeExternal, externalPath } from './helpers/external.ts';
import { readInput } from '../src/read/index.ts';
import { findReferences } from '../src/refs/index.ts';
import type { Reference } from '../src/model.ts';

interface StatusRow {
  file: string;
  lawNumber: string;
  target: string;
  number: string;
  name: string;
  provisions: string;
  relation: string;
  line: number;
}

const rows: StatusRow[] = readFileSync(resolve(import.meta.dirname, 'fixtures/refs-sample/doc-status.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => {
    const c = l.split('\t');
    return { file: c[0]!, lawNumber: c[1]!, target: c[3]!, number: c[4]!, name: c[5]!, provisions: c[7]!, relation: c[8]!, line: Number(c[13]!.split(':')[1] ?? 0) };
  });
const ENDING = new Set(['ends-effect', 'replaces', 'repeals']);
const key = (n: string) => n.replace(/\s+/g, '').toUpperCase();
const folded = (s: string) => fold(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

describeExternal('issue 12: VLC laws ended exactly as their text says', () => {
  const byFile = new Map<string, Reference[]>();
  beforeAll(() => {
    const dir = externalPath('vlc/corpus');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      byFile.set(f.replace(/\.txt$/, ''), readInput({ path: f, corpus: 'vlc', format: 'txt', text, bytes: 0, sha256: '' }, new VFile()).flatMap((d) => findReferences(d)));
    }
  });

  it('no VLC law in force is typed ended, replaced or repealed as a whole document anywhere in VLC', () => {
    const ended = new Set(rows.filter((r) => ENDING.has(r.relation) && !r.provisions && r.number).map((r) => key(r.number)));
    const inForce = new Set(rows.map((r) => key(r.lawNumber)).filter((n) => !ended.has(n)));
    expect(inForce.size).toBeGreaterThan(90);
    const wrong: string[] = [];
    for (const [file, refs] of byFile)
      for (const r of refs)
        if (r.target.number && inForce.has(key(r.target.number)) && ENDING.has(r.relation) && !r.target.pinpoint) wrong.push(`${file}: ${r.text} ${r.relation} — ${r.sentence.slice(0, 160)}`);
    expect(wrong).toEqual([]);
  });

  it('documents a VLC law ends, replaces or repeals get that relation in the evidence sentence (provisions with their pinpoint)', () => {
    const wanted = rows.filter((r) => ENDING.has(r.relation));
    expect(wanted.length).toBeGreaterThan(100);
    const misses: string[] = [];
    for (const w of wanted) {
      const refs = (byFile.get(w.file) ?? []).filter((r) => Math.abs(r.span.start.line - w.line) <= 1);
      const hit = refs.find((r) => {
        const same = w.number ? key(r.target.number ?? '') === key(w.number) : !!r.target.name && folded(w.name).startsWith(folded(r.target.name));
        return same && ENDING.has(r.relation) && (!w.provisions || !!r.target.pinpoint);
      });
      if (!hit) misses.push(`${w.file}:${w.line} ${w.relation} ${w.target} [${w.provisions}] — found ${refs.map((r) => `${r.text}:${r.relation}`).join('; ')}`);
    }
    // Not all yet (issue 12, reported in docs/ACCURACY.md): provisions listed under a head naming
    // their law ("a) Bãi bỏ Điều 37 …" under "1. … Luật Tài nguyên nước số 17/2012/QH13"), appendix
    // points, repeals by subject, and a few "Luật này thay thế …" with a long name. The bar only rises.
    if (misses.length) console.info(`doc-status: ${wanted.length - misses.length}/${wanted.length} found; missed:\n${misses.join('\n')}`);
    expect((wanted.length - misses.length) / wanted.length).toBeGreaterThanOrEqual(0.88);
  });
});
