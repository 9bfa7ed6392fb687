import { describe, expect, it } from 'vitest';
import { FRAME_PATTERNS, readFrame } from './frame.ts';
import { LineIndex } from './position.ts';
import { coverage } from './coverage.ts';
import { clauseSegment, parseSegment } from '../ids.ts';

describe('frame patterns: every example matches, no counter-example does', () => {
  it.each(FRAME_PATTERNS.flatMap((p) => p.examples.map((e) => [p.id, e] as const)))('%s: %s', (id, example) => {
    expect(FRAME_PATTERNS.find((p) => p.id === id)!.re.test(example)).toBe(true);
  });
  it.each(FRAME_PATTERNS.flatMap((p) => p.counterExamples.map((e) => [p.id, e] as const)))('%s does not take: %s', (id, counter) => {
    expect(FRAME_PATTERNS.find((p) => p.id === id)!.re.test(counter)).toBe(false);
  });
});

describe('readFrame on a real layout (Quy định 294-QĐ/TW, its PDF text order)', () => {
  // The lines as the PDF reader gives them: letterhead columns interleaved with the title.
  const head = ['BAN CHẤP HÀNH TRUNG ƯƠNG', '*', 'Số 294-QĐ/TW', 'QUY ĐỊNH', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hà Nội, ngày 26 tháng 5 năm 2025', 'THI HÀNH ĐIỀU LỆ ĐẢNG', '- Căn cứ Điều lệ Đảng;', '- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khoá XIII;', 'BAN CHẤP HÀNH TRUNG ƯƠNG', 'QUY ĐỊNH THI HÀNH ĐIỀU LỆ ĐẢNG'].join('\n');
  const body = '\n1. Về Điều 1 Điều lệ Đảng: đảng viên …\n';
  const tail = ['Nơi nhận: T/M BAN CHẤP HÀNH TRUNG ƯƠNG', '- Các tỉnh ủy, thành ủy,', '- Lưu Văn phòng Trung ương Đảng.', 'TỔNG BÍ THƯ', 'Tô Lâm', 'PHỤ LỤC I', 'DANH MỤC CÁC MẪU', 'Mẫu số 01', 'Phiếu đảng viên'].join('\n');
  const text = `${head}${body}${tail}`;
  const bodyStart = head.length + 1;
  const bodyEnd = head.length + body.length;
  const frame = readFrame(text, { docId: '294-qd-tw', bodyStart, bodyEnd, lines: new LineIndex(text) });
  const byKind = (k: string) => frame.clauses.filter((c) => c.kind === k).map((c) => [c.id, c.text]);
  it('the type line and the capitalised lines after it are the title, the mottos and date are letterhead', () => {
    expect(byKind('title')).toEqual([
      ['294-qd-tw/tieu-de', 'QUY ĐỊNH'],
      ['294-qd-tw/tieu-de~2', 'THI HÀNH ĐIỀU LỆ ĐẢNG'],
    ]);
    expect(frame.notBody.filter((r) => r.role === 'letterhead').map((r) => text.slice(r.start, r.end))).toEqual(['BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 294-QĐ/TW', 'ĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 26 tháng 5 năm 2025']);
  });
  it('each "- Căn cứ …" line is a preamble clause of its own, and so is the enacting formula', () => {
    expect(byKind('preamble').map(([id]) => id)).toEqual(['294-qd-tw/mo-dau-1', '294-qd-tw/mo-dau-2', '294-qd-tw/mo-dau-3', '294-qd-tw/mo-dau-4']);
    expect(byKind('preamble')[0]![1]).toBe('- Căn cứ Điều lệ Đảng;');
  });
  it('"Nơi nhận" and the signature are not body; an appendix runs to the next "Phụ lục" or "Mẫu số"', () => {
    expect(frame.notBody.map((r) => r.role)).toEqual(['letterhead', 'letterhead', 'recipients', 'signature']);
    expect(byKind('appendix')).toEqual([
      ['294-qd-tw/phu-luc-i', 'PHỤ LỤC I\nDANH MỤC CÁC MẪU'],
      ['294-qd-tw/phu-luc-01', 'Mẫu số 01\nPhiếu đảng viên'],
    ]);
  });
  it('every clause is a real span of the text', () => {
    for (const c of frame.clauses) expect(text.slice(c.span.start.offset, c.span.end.offset)).toBe(c.text);
  });
  it('with the body as one clause, coverage is 1 and the not-body lines are left out of it', () => {
    const bodyClause = { ...frame.clauses[0]!, span: new LineIndex(text).span(bodyStart, bodyEnd) };
    const c = coverage({ text, clauses: [...frame.clauses, bodyClause], notBody: frame.notBody });
    expect(c.share).toBe(1);
    expect(c.missed).toEqual([]);
    expect(coverage({ text, clauses: [bodyClause], notBody: frame.notBody }).missed).toContain('- Căn cứ Điều lệ Đảng;');
  });
});

describe('frame ids: new segments that no numbered clause uses', () => {
  it.each([
    ['title', '', 'tieu-de'],
    ['preamble', '3', 'mo-dau-3'],
    ['appendix', 'II', 'phu-luc-ii'],
    ['appendix', '01', 'phu-luc-01'],
  ] as const)('%s %s → %s, and back', (kind, number, seg) => {
    expect(clauseSegment(kind, number)).toBe(seg);
    expect(parseSegment(seg)).toEqual({ kind, number: number.toLowerCase(), repeat: 1 });
  });
});
