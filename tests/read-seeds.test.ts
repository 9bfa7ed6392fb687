/** Reading the five seeds: documents, metadata, noise, merge, clause trees, positions. */
import { describe, expect, it } from 'vitest';
import { seedCorpus } from './helpers/seeds.ts';
import { parseClauseId } from '../src/ids.ts';

const corpus = await seedCorpus();
const doc = (id: string) => {
  const d = corpus.documents.get(id);
  if (!d) throw new Error(`no document ${id}; have ${[...corpus.documents.keys()].join(', ')}`);
  return d;
};
const clause = (id: string) => {
  const c = corpus.clauses.get(id);
  if (!c) throw new Error(`no clause ${id}`);
  return c;
};

describe('documents from the seeds', () => {
  it('holds four documents: 221 (with 000 as a report), 183, 202 and the provincial instruction', () => {
    expect([...corpus.documents.keys()].sort()).toEqual(['183-kl-tw', '202-kl-tw', '221-kl-tw', 'vb-001-57c09aa3197540b1']);
  });

  it.each([
    ['221-kl-tw', { number: '221-KL/TW', type: 'ket-luan', date: '2025-11-28', issuer: 'Bộ Chính trị, Ban Bí thư', term: 'XIII' }],
    ['183-kl-tw', { number: '183-KL/TW', type: 'ket-luan', date: '2025-08-01', issuer: 'Bộ Chính trị, Ban Bí thư', signer: 'Trần Cẩm Tú' }],
    ['202-kl-tw', { number: '202-KL/TW', type: 'ket-luan', date: '2025-10-31', place: 'Hà Nội', signer: 'Trần Cẩm Tú', signerTitle: 'T/M BỘ CHÍNH TRỊ' }],
    ['vb-001-57c09aa3197540b1', { type: 'chi-dao', issuer: 'UBND tỉnh' }],
  ] as const)('%s has its metadata from the text', (id, expected) => {
    expect(doc(id)).toMatchObject(expected);
  });

  it('titles are the trích yếu', () => {
    expect(doc('202-kl-tw').title).toBe('Về tình hình, kết quả hoạt động của bộ máy hệ thống chính trị và chính quyền địa phương 2 cấp');
    expect(doc('183-kl-tw').title).toMatch(/^Về tích cực triển khai vận hành mô hình chính quyền địa phương 2 cấp, .* an ninh$/u);
    expect(doc('vb-001-57c09aa3197540b1').title).toMatch(/^Triển khai thực hiện Kết luận của Bộ Chính trị, Ban Bí thư/u);
  });

  it('reads the recipients (Nơi nhận) of 202, joining wrapped lines', () => {
    expect(doc('202-kl-tw').recipients).toEqual([
      'Các cơ quan, ban đảng Trung ương',
      'Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương',
      'Đảng ủy các bộ, ngành tổ chức chính trị - xã hội ở Trung ương',
      'Các đảng ủy đơn vị sự nghiệp Trung ương',
      'Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng',
      'Lưu Văn phòng Trung ương Đảng',
    ]);
  });

  it('merges the news report 000 into 221-KL/TW as a report, not a duplicate, and takes the signer from it', () => {
    const d = doc('221-kl-tw');
    expect(d.sources.map((s) => s.path)).toEqual(['seeds/002_0db2f7ce7a1ff3b5.txt']);
    expect(d.sources[0]!.format).toBe('md');
    expect(d.reports.map((s) => [s.path, s.role])).toEqual([['seeds/000_5aebc353f5666171.txt', 'report']]);
    expect(d.signer).toBe('Trần Cẩm Tú');
    expect(corpus.artifact.documents.some((x) => x.sources.some((s) => s.path.includes('000_')))).toBe(false);
  });

  it('gives the unnumbered provincial instruction a stable id from its file and says so', () => {
    expect(corpus.artifact.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'no-number', file: 'seeds/001_57c09aa3197540b1.txt' }));
  });
});

describe('noise is not the document', () => {
  const all = () => corpus.artifact.documents.flatMap((d) => d.clauses.map((c) => c.text)).join('\n');
  it.each(['Thái Lan', 'Sri Lanka', 'Dung Quất', 'Có thể bạn quan tâm', 'VTC News', 'Ảnh:', 'Tải file', 'Hình từ Internet', 'Dưới đây là nội dung', '###', '**'])(
    'no clause contains %j',
    (noise) => expect(all()).not.toContain(noise),
  );
  it('masks with spaces, so the document text keeps the NFC length of the source', async () => {
    const { seedInputs } = await import('./helpers/seeds.ts');
    const input = (await seedInputs()).find((i) => i.path.includes('004_'))!;
    expect(doc('202-kl-tw').text.length).toBe(input.text.normalize('NFC').length);
  });
});

describe('clause trees', () => {
  it.each([
    ['221-kl-tw', ['p1', '1', '2', '3', '4', '5']],
    ['183-kl-tw', ['p1', '1', '2', '3', '4', '5', '6', '7', '8', '9']],
    // 202's header holds its title ("KẾT LUẬN / CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ / VỀ …"): a clause of its own, first.
    ['202-kl-tw', ['tieu-de', 'p1', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']],
  ])('%s has its numbered top-level clauses after the opening paragraph', (id, roots) => {
    expect(doc(id).roots.map((r) => parseClauseId(r)!.path.join('/'))).toEqual(roots);
    expect(doc(id).clauses.filter((c) => !c.parentId && c.kind === 'item')).toHaveLength(roots.filter((r) => !r.startsWith('p') && r !== 'tieu-de').length);
  });

  it("splits 183's clause 3 inline enumeration: (1) with (i) and (ii), then (2)", () => {
    expect(clause('183-kl-tw/3').children).toEqual(['183-kl-tw/3/1', '183-kl-tw/3/2']);
    expect(clause('183-kl-tw/3/1').children).toEqual(['183-kl-tw/3/1/i', '183-kl-tw/3/1/ii']);
    expect(clause('183-kl-tw/3/1/ii')).toMatchObject({ label: '(ii)', number: 'ii', pathLabel: '3.(1).(ii)', style: 'roman-paren', parentId: '183-kl-tw/3/1' });
    expect(clause('183-kl-tw/3/1').text).toBe('(1) Bộ Nội vụ phối hợp với các bộ, ngành liên quan:');
    expect(clause('183-kl-tw/3').text).toMatch(/^3\. Giao Đảng ủy Chính phủ[\s\S]*Lãnh đạo, chỉ đạo:$/u);
  });

  it("splits 202's clause 4 written in one paragraph: (1) with (i), (ii); then (2), (3), (4), each with only its own text", () => {
    expect(clause('202-kl-tw/4').children).toEqual(['202-kl-tw/4/1', '202-kl-tw/4/2', '202-kl-tw/4/3', '202-kl-tw/4/4']);
    expect(clause('202-kl-tw/4/1').children).toEqual(['202-kl-tw/4/1/i', '202-kl-tw/4/1/ii']);
    expect(clause('202-kl-tw/4/1/ii').text).toBe('(ii) Tiếp tục chỉ đạo rà soát, sắp xếp, bố trí đội ngũ cán bộ, có giải pháp tuyển dụng, bồi dưỡng, đào tạo, nâng cao năng lực cán bộ.');
    expect(clause('202-kl-tw/4/4').text).toMatch(/^\(4\) Hướng dẫn, tổng hợp[\s\S]*hoàn thành trước ngày 15\/12\/2025\.$/u);
  });

  it("keeps 202's footnote [1] with clause 8, not as a clause of its own", () => {
    const fn = clause('202-kl-tw/8/fn-1');
    expect(clause('202-kl-tw/8').footnotes).toEqual(['202-kl-tw/8/fn-1']);
    expect(fn).toMatchObject({ kind: 'footnote', parentId: '202-kl-tw/8' });
    expect(fn.text).toMatch(/^\[1\]\s+Bổ sung nội dung nêu tại Khoản 5, Điều 4 Quy định số 213-QĐ\/TW/u);
    expect(doc('202-kl-tw').roots).not.toContain('202-kl-tw/fn-1');
  });

  it('continues a clause over its unnumbered paragraphs (221 [2] has two)', () => {
    expect(clause('221-kl-tw/2').text).toMatch(/^\[2\] Yêu cầu các cấp uỷ[\s\S]*\n\nYêu cầu các đồng chí bí thư tỉnh uỷ/u);
    expect(clause('221-kl-tw/4').text).toContain('các trạm y tế cấp xã, hoàn thành dứt điểm trước ngày 31/12/2025');
  });

  it('makes an unnumbered document a list of paragraphs', () => {
    const d = doc('vb-001-57c09aa3197540b1');
    // Its first line ("Triển khai thực hiện Kết luận …") is the preamble: a clause of its own (src/segment/frame.ts).
    expect(d.clauses[0]).toMatchObject({ id: 'vb-001-57c09aa3197540b1/mo-dau-1', kind: 'preamble' });
    expect(d.clauses[0]!.text).toMatch(/^Triển khai thực hiện Kết luận/u);
    const body = d.clauses.slice(1);
    expect(body.every((c) => c.kind === 'paragraph')).toBe(true);
    expect(body).toHaveLength(7);
    expect(body[0]!.text).toMatch(/^Phó Chủ tịch Thường trực UBND tỉnh Mai Xuân Liêm/u);
  });

  it('every clause text is exactly its span of the document text, with right line and column', () => {
    for (const d of corpus.artifact.documents) {
      const lines = d.text.split('\n');
      for (const c of d.clauses) {
        expect(d.text.slice(c.span.start.offset, c.span.end.offset)).toBe(c.text);
        const line = lines[c.span.start.line - 1]!;
        expect(line.slice(c.span.start.column - 1).startsWith(c.text.split('\n')[0]!)).toBe(true);
      }
    }
  });

  it('every clause id round-trips through the id module and is unique', () => {
    const ids = corpus.artifact.documents.flatMap((d) => d.clauses.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(parseClauseId(id)).not.toBeNull();
  });

  it('NFC: the decomposed "bộ" and "ngành" of seed 004 are composed in clause text', () => {
    const text = doc('202-kl-tw').text;
    expect(text).toBe(text.normalize('NFC'));
  });
});
