/**
 * Names without numbers, resolved to the version the citing document means (issue 12), on the
 * VLC laws' own sentences: a date or year written picks that version (an external node with the
 * name and date when the corpus does not hold it); without one, the version in force on the
 * citing law's date; never a law issued after the citing one.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { describeExternal, externalPath } from './helpers/external.ts';
import { readInput } from '../src/read/index.ts';
import { findReferences } from '../src/refs/index.ts';
import { resolveReferences } from '../src/resolve/index.ts';
import { statedEffectiveDays } from '../src/graph/index.ts';
import type { DocumentRecord, GraphNode, Reference } from '../src/model.ts';

const FILES = ['bo-luat-dan-su', 'luat-dat-dai', 'luat-mat-tran-to-quoc-viet-nam', 'luat-khoang-san', 'luat-nghia-vu-quan-su', 'luat-thuong-mai'];

describeExternal('names resolved to the version in force on the citing date (VLC)', () => {
  let docs: DocumentRecord[] = [];
  let refs: Reference[] = [];
  let externals: GraphNode[] = [];
  const idOf = (file: string) => docs.find((d) => d.sources[0]!.path === `${file}.txt`)!.id;
  const named = (file: string, sentence: RegExp, name: RegExp) => refs.filter((r) => r.docId === idOf(file) && sentence.test(r.sentence) && name.test(r.target.name ?? ''));
  beforeAll(() => {
    docs = FILES.flatMap((f) => {
      const text = readFileSync(externalPath('vlc/corpus', `${f}.txt`), 'utf8');
      return readInput({ path: `${f}.txt`, corpus: 'vlc', format: 'txt', text, bytes: 0, sha256: '' }, new VFile());
    });
    const found = docs.flatMap((d) => findReferences(d));
    ({ references: refs, externals } = resolveReferences(found, docs, new VFile(), { effectiveOf: statedEffectiveDays(docs) }));
  });

  it.each<[string, string, RegExp, RegExp, string, string | undefined]>([
    // [what, citing file, sentence, name, target id, external node's date]
    ['a date in the name picks that version, not the citing law of the same name', 'luat-khoang-san', /Luật khoáng sản ngày 20 tháng 3 năm 1996/u, /^Luật khoáng sản$/u, 'luat-khoang-san-1996', '1996-03-20'],
    ['"Luật thương mại ngày 10 tháng 5 năm 1997": an external node with the name and date', 'luat-thuong-mai', /Luật thương mại ngày 10 tháng 5 năm 1997/u, /^Luật thương mại$/iu, 'luat-thuong-mai-1997', '1997-05-10'],
    ['two amending laws of one name, 1990 and 1994, are two nodes (1990)', 'luat-nghia-vu-quan-su', /ngày 21 tháng 12 năm 1990/u, /^Luật sửa đổi, bổ sung một số điều của Luật nghĩa vụ quân sự$/u, 'luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-nghia-vu-quan-su-1990', '1990-12-21'],
  ])('%s', (_what, file, sentence, name, id, date) => {
    const hits = named(file, sentence, name).filter((r) => r.targetDocId === id);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((r) => r.status === 'external')).toBe(true);
    expect(externals.find((n) => n.id === id)?.date).toBe(date);
  });

  it('the 1994 amending law of the same name is its own node, with its own date', () => {
    const r = named('luat-nghia-vu-quan-su', /ngày 22 tháng 6 năm 1994/u, /^Luật sửa đổi, bổ sung một số điều của Luật nghĩa vụ quân sự$/u).find((x) => x.target.date === '1994-06-22');
    expect(r?.targetDocId).toBe('luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-nghia-vu-quan-su-1994');
  });

  it('"theo quy định của Luật đất đai" in Bộ luật Dân sự (2015-11-24) is Luật Đất đai 45/2013/QH13, in force since 2014-07-01', () => {
    const land = refs.filter((r) => r.docId === idOf('bo-luat-dan-su') && r.target.name?.toLowerCase() === 'luật đất đai');
    expect(land.length).toBeGreaterThanOrEqual(5);
    expect(land.every((r) => r.status === 'resolved' && r.targetDocId === 'luat-45-2013-qh13')).toBe(true);
  });

  it('Luật Đất đai 2013 does not cite Luật Mặt trận Tổ quốc Việt Nam 75/2015/QH13, issued after it', () => {
    const front = refs.filter((r) => r.docId === 'luat-45-2013-qh13' && /Mặt trận Tổ quốc/u.test(r.target.name ?? ''));
    expect(front.length).toBeGreaterThan(0);
    expect(front.some((r) => r.targetDocId === 'luat-75-2015-qh13' || r.candidates?.includes('luat-75-2015-qh13'))).toBe(false);
    // Still a node: the version in force in 2013, not in the corpus.
    expect(front.every((r) => r.status === 'external')).toBe(true);
  });

  it('a law naming its own title with an earlier date never resolves to itself', () => {
    const self = refs.filter((r) => r.target.scope === 'document' && r.target.name && !r.target.number && r.targetDocId === r.docId);
    expect(self.map((r) => `${r.docId}: ${r.text}`)).toEqual([]);
  });
});
