/**
 * Identity that loses nothing, on real files: two different laws printed with one number stay
 * two documents (VLC: the 1994 laws 35-L/CTN), one document in two formats is one document with
 * two sources and the better text leads (office: .doc = .docx, .doc = Công báo PDF), and every
 * file given is accounted for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { describeExternal, externalPath } from './helpers/external.ts';
import { mergeDocuments, readInput } from '../src/read/index.ts';
import { findReferences } from '../src/refs/index.ts';
import { resolveReferences } from '../src/resolve/index.ts';
import { accountFiles } from '../src/corpus.ts';
import { parseDocumentId } from '../src/ids.ts';
import { loadInputs } from '../indexer/inputs.ts';
import type { DocumentRecord, FileAccount } from '../src/model.ts';
import type { InputFile } from '../src/read/index.ts';

describeExternal('VLC: 109 documents from 109 files — one number, two laws', () => {
  let inputs: InputFile[] = [];
  let docs: DocumentRecord[] = [];
  let messages: string[] = [];
  let files: FileAccount[] = [];
  beforeAll(() => {
    const dir = externalPath('vlc/corpus');
    inputs = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => {
        const text = readFileSync(`${dir}/${f}`, 'utf8');
        return { path: f, corpus: 'vlc', format: 'txt' as const, text, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
      });
    const identity = new VFile({ path: 'identity' });
    docs = mergeDocuments(
      inputs.flatMap((i) => readInput(i, new VFile({ path: i.path }))),
      identity,
    );
    messages = identity.messages.map((m) => `${m.ruleId}: ${m.reason}`);
    files = accountFiles(inputs, docs, [], []);
  });

  it('keeps every file as its own document and every article (11,230)', () => {
    expect(inputs).toHaveLength(109);
    expect(docs).toHaveLength(109);
    expect(docs.reduce((n, d) => n + d.clauses.filter((c) => c.kind === 'dieu').length, 0)).toBe(11_230);
    expect(files.filter((f) => f.status === 'indexed')).toHaveLength(109);
  });

  it('gives the two 35-L/CTN laws qualified, readable ids and says so', () => {
    const pair = docs.filter((d) => d.number === '35-L/CTN');
    expect(pair.map((d) => [d.id, d.title, d.sources.map((s) => s.path)])).toEqual([
      ['luat-35-l-ctn~khuyen-khich-dau-tu-trong-nuoc', 'Luật Khuyến khích đầu tư trong nước', ['luat-khuyen-khich-dau-tu-trong-nuoc.txt']],
      ['luat-35-l-ctn~thue-chuyen-quyen-su-dung-dat', 'Luật Thuế chuyển quyền sử dụng đất', ['luat-thue-chuyen-quyen-su-dung-dat.txt']],
    ]);
    for (const d of pair) {
      expect(parseDocumentId(d.id)!.base).toBe('luat-35-l-ctn');
      for (const c of d.clauses) expect(c.id.startsWith(d.id + '/') && c.docId === d.id, c.id).toBe(true);
    }
    // The law on land-use transfer tax has its 29 articles (the ones lost when the two were merged).
    expect(pair[1]!.clauses.filter((c) => c.kind === 'dieu')).toHaveLength(29);
    expect(messages.filter((m) => m.startsWith('same-number'))).toHaveLength(1);
    // Ids of documents that do not collide did not move.
    expect(docs.map((d) => d.id)).toEqual(expect.arrayContaining(['bo-luat-91-2015-qh13', 'luat-23-l-ctn', 'luat-18-l-ctn']));
  });

  it('resolves a number to the law the sentence names; a bare number stays ambiguous with both', () => {
    // VLC itself never cites 35-L/CTN (each law prints it only as its own number), so two short
    // decrees cite it the way decrees of 1994–95 did; the laws are the real VLC texts.
    const citing = [
      ['nd-a.txt', 'CHÍNH PHỦ\nSố: 114-CP\nNGHỊ ĐỊNH\nQUY ĐỊNH CHI TIẾT THI HÀNH LUẬT THUẾ CHUYỂN QUYỀN SỬ DỤNG ĐẤT\nCăn cứ Luật Thuế chuyển quyền sử dụng đất số 35-L/CTN ngày 22 tháng 6 năm 1994;\nĐiều 1. Tổ chức, cá nhân chuyển quyền sử dụng đất phải nộp thuế.\n'],
      ['nd-b.txt', 'CHÍNH PHỦ\nSố: 999-CP\nNGHỊ ĐỊNH\nVỀ VIỆC THI HÀNH\nCăn cứ Luật số 35-L/CTN ngày 22 tháng 6 năm 1994;\nĐiều 1. Nghị định này quy định chi tiết.\n'],
    ].map(([path, text]) => readInput({ path: path!, corpus: 'test', format: 'txt', text: text!, bytes: text!.length, sha256: path! }, new VFile({ path })))
      .flat();
    const pair = docs.filter((d) => d.number === '35-L/CTN');
    const all = [...pair, ...citing];
    const refsFile = new VFile({ path: 'references' });
    const { references } = resolveReferences(all.flatMap((d) => findReferences(d, refsFile)), all, refsFile);
    const to35 = references.filter((r) => r.target.number === '35-L/CTN');
    expect(to35.map((r) => [r.docId, r.status, r.targetDocId ?? r.candidates])).toEqual([
      ['vb-nd-a', 'resolved', 'luat-35-l-ctn~thue-chuyen-quyen-su-dung-dat'],
      ['vb-nd-b', 'ambiguous', ['luat-35-l-ctn~khuyen-khich-dau-tu-trong-nuoc', 'luat-35-l-ctn~thue-chuyen-quyen-su-dung-dat']],
    ]);
  });
});

describeExternal('office: one document in two formats is one document with two sources', () => {
  // The seven pairs of ../shared/corpus-external/office/SOURCE.md ("Same document in two formats").
  const pairs = [
    ['doc/hien-phap-2013.doc', 'pdf/hien-phap-2013-cong-bao.pdf'],
    ['doc/nghi-dinh-146-2025-nd-cp.doc', 'docx/nghi-dinh-146-2025-nd-cp.docx'],
    ['doc/nghi-dinh-30-2020-nd-cp-phu-luc-3.doc', 'docx/nghi-dinh-30-2020-nd-cp-phu-luc-3.docx'],
    ['doc/huong-dan-36-hd-vptw-2018-the-thuc-van-ban-dang.doc', 'docx/huong-dan-36-hd-vptw-2018-the-thuc-van-ban-dang.docx'],
    ['doc/thong-bao-ket-luan-ubnd-lam-dong-cao-toc-2026-04.doc', 'docx/thong-bao-ket-luan-ubnd-lam-dong-cao-toc-2026-04.docx'],
    ['docx/thong-tu-23-2024-tt-bct.docx', 'pdf-scanned/thong-tu-23-2024-tt-bct-scan.pdf'],
    ['doc/vbhn-31-vbhn-vpqh-2020-luat-xu-ly-vi-pham-hanh-chinh.doc', 'pdf/vbhn-31-vbhn-vpqh-2020-luat-xu-ly-vi-pham-hanh-chinh-cong-bao-part1.pdf'],
  ];
  // Neighbours that must NOT join them: the 1992 Constitution, the 2012 law the VBHN consolidates, the other TB of Lâm Đồng.
  const others = ['doc/hien-phap-1992-68-lct-hdnn8.doc', 'doc/luat-xu-ly-vi-pham-hanh-chinh-15-2012-qh13.doc', 'docx/thong-bao-ket-luan-ubnd-lam-dong-hoi-nghi-cchc-2026-01.docx'];
  let docs: DocumentRecord[] = [];
  let files: FileAccount[] = [];
  let ocr = false;
  beforeAll(async () => {
    // OCR reads two pages of the 87-page scan: enough to know it (the full read is the bench's).
    const loaded = await loadInputs([...pairs.flat(), ...others].map((f) => externalPath('office', f)), { ocrPageLimit: 2 });
    ocr = loaded.inputs.some((i) => i.ocr);
    docs = mergeDocuments(loaded.inputs.flatMap((i) => readInput(i, new VFile({ path: i.path }))));
    files = accountFiles(loaded.inputs, docs, loaded.diagnostics, loaded.skipped);
  }, 600_000);

  const name = (p: string) => p.replace(/^.*office\//, '');

  it('merges each pair, the typed text leading (Word over PDF, text layer over OCR), and keeps the neighbours apart', () => {
    expect(docs).toHaveLength(pairs.length + others.length);
    for (const [lead, copy] of pairs) {
      const d = docs.find((x) => x.sources.some((s) => name(s.path) === lead))!;
      if (copy!.startsWith('pdf-scanned/') && !ocr) continue; // without Tesseract the scan is listed as not indexed (below)
      expect(d.sources.map((s) => name(s.path)).sort(), lead).toEqual([lead, copy].sort());
      expect(['doc', 'docx'], lead).toContain(d.sources[0]!.format);
    }
    for (const o of others) expect(docs.find((x) => name(x.sources[0]!.path) === o)?.sources, o).toHaveLength(1);
    expect(docs.find((d) => d.number === '31/VBHN-VPQH')).toMatchObject({ id: '31-vbhn-vpqh', type: 'van-ban-hop-nhat' });
  });

  it('accounts for every file: indexed, a further source, or not indexed with the reason', () => {
    const given = [...pairs.flat(), ...others];
    expect(files.map((f) => name(f.path)).sort()).toEqual(given.sort());
    expect(files.filter((f) => f.status === 'indexed')).toHaveLength(pairs.length + others.length);
    const copies = files.filter((f) => f.status === 'source');
    expect(copies.length).toBe(ocr ? 7 : 6);
    for (const f of files.filter((x) => x.status === 'not-indexed')) expect(f.reason, f.path).toMatch(/tesseract|OCR/i);
  });
});
