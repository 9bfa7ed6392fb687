/** References on real text nobody here wrote: VLC's "… số 82/2006/QH11 hết hiệu lực …" sentences. */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { describeExternal, externalPath } from './helpers/external.ts';
import { readInput } from '../src/read/index.ts';
import { findReferences } from '../src/refs/index.ts';
import type { Reference } from '../src/model.ts';

describeExternal('VLC: laws that end the effect of earlier laws', () => {
  // Read in beforeAll: a skipped describe still runs its body to collect the tests.
  let refs: Reference[] = [];
  beforeAll(() => {
    const dir = externalPath('vlc/corpus');
    refs = readdirSync(dir).flatMap((f) => {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      return readInput({ path: f, corpus: 'vlc', format: 'txt', text, bytes: 0, sha256: '' }, new VFile()).flatMap((d) => findReferences(d));
    });
  });

  it('types "Luật công chứng số 82/2006/QH11 hết hiệu lực …" as ends-effect on 82/2006/QH11', () => {
    const r = refs.find((x) => x.target.number === '82/2006/QH11' && x.docId === 'luat-53-2014-qh13' && /hết hiệu lực/u.test(x.sentence));
    expect(r).toMatchObject({ relation: 'ends-effect', trigger: 'hết hiệu lực', text: 'Luật công chứng số 82/2006/QH11' });
    expect(r!.sentence).toMatch(/Luật công chứng số 82\/2006\/QH11 hết hiệu lực/u);
  });

  it('every document-number reference before "hết hiệu lực" in the same sentence ends effect, except the amending laws after "đã được sửa đổi, bổ sung … theo" (issue 12: cited)', () => {
    const before = refs.filter((r) => r.target.scope === 'document' && r.target.complete && /^[^.]*hết hiệu lực kể từ ngày (?:Bộ luật|Luật) này/u.test(r.sentence.slice(r.sentence.indexOf(r.text))));
    // The amending laws are written "Luật số N" (a law named with its title after a comma is a second subject).
    const amending = (r: Reference) => /^Luật số /u.test(r.text) && /đã được sửa đổi, bổ sung(?: một số điều)? theo(?: Luật số [\d/A-Z]+(?:,| và))*\s*$/u.test(r.sentence.slice(0, r.sentence.indexOf(r.text)));
    expect(before.filter(amending).length).toBeGreaterThan(10);
    expect(before.filter(amending).filter((r) => r.relation !== 'cites')).toEqual([]);
    const ends = before.filter((r) => !amending(r));
    expect(ends.length).toBeGreaterThan(40);
    const right = ends.filter((r) => r.relation === 'ends-effect').length;
    expect(right / ends.length).toBeGreaterThan(0.9);
  });
});
