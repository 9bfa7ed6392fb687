/**
 * The frame around a document's numbered body: what comes before it (letterhead, title,
 * preamble: "Căn cứ …", "Thực hiện …", "Xét …", the enacting formula) and after it (closing
 * formula, signature, "Nơi nhận", appendices). The title, the preamble and each appendix
 * become clauses of their own kinds, so the references they hold reach the graph ("Sửa đổi,
 * bổ sung một số điều của Nghị định số …" in a title names the amended document; a Party
 * regulation's "- Căn cứ Điều lệ Đảng;" lines are its legal bases). Letterhead, signature and
 * recipients are marked not body. Coverage (src/segment/coverage.ts) is measured against this.
 *
 * New kinds get new id segments ("tieu-de", "mo-dau-1", "phu-luc-i"): no existing clause id
 * changes. Line patterns are data with notes and real examples (frame.test.ts checks them).
 */
import type { Clause, ClauseKind } from '../model.ts';
import { clauseId, clauseSegment } from '../ids.ts';
import { typeFromName } from '../doc-types.ts';
import type { LineIndex } from './position.ts';
import { blocksOf } from './segment.ts';

/** What a line outside the numbered body is. */
export type FrameRole = 'letterhead' | 'title' | 'preamble' | 'signature' | 'recipients' | 'appendix';
/** Roles that are not the document's body: shown, never searched as clauses. */
export const NOT_BODY: ReadonlySet<FrameRole> = new Set(['letterhead', 'signature', 'recipients']);
/** Clause kinds the frame adds (the numbered body has the others). */
export const FRAME_KINDS: ReadonlySet<ClauseKind> = new Set(['title', 'preamble', 'appendix']);

export interface FramePattern {
  id: string;
  role: FrameRole;
  note: string;
  re: RegExp;
  examples: readonly string[];
  counterExamples: readonly string[];
}

const S = '[ \\u00a0]';
export const FRAME_PATTERNS: readonly FramePattern[] = [
  {
    id: 'national-motto',
    role: 'letterhead',
    note: 'The state and Party mottos and the separators under them.',
    re: /^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|VIỆT NAM DÂN CHỦ CỘNG HÒA|VIỆT NAM DÂN CHỦ CỘNG HOÀ|Độc lập[ \u00a0]*[-–][ \u00a0]*Tự do[ \u00a0]*[-–][ \u00a0]*Hạnh phúc|[-–_=*.\s]+$)/u,
    examples: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ĐẢNG CỘNG SẢN VIỆT NAM', '*', '---------------'],
    counterExamples: ['Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;'],
  },
  {
    id: 'number-line',
    role: 'letterhead',
    note: 'The number and the place-date line: "Số: 45/2013/QH13", "Luật số: 91/2015/QH13", "Hà Nội, ngày 24 tháng 11 năm 2015".',
    re: new RegExp(`^(?:(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết)${S}+)?(?:Số|số|SỐ)${S}*:?${S}*\\S*\\d|^[\\p{Lu}][\\p{L} .]{1,40},${S}+ngày${S}+\\d`, 'u'),
    examples: ['Số: 45/2013/QH13', 'Luật số: 91/2015/QH13', 'Số 294-QĐ/TW', 'Hà Nội, ngày 24 tháng 11 năm 2015'],
    counterExamples: ['Số lượng cán bộ', 'Căn cứ Luật số 80/2015/QH13'],
  },
  {
    id: 'preamble',
    role: 'preamble',
    note: 'Legal bases and the reasons for issuing, before the numbered body; with or without a leading dash.',
    re: new RegExp(`^(?:[-–+•]${S}*)?(?:Căn${S}+cứ|Thực${S}+hiện|Triển${S}+khai|Xét${S}|Theo${S}+đề${S}+nghị|Trên${S}+cơ${S}+sở|Sau${S}+khi|Tại${S}+(?:phiên|cuộc|Hội)|Để${S}|Nhằm${S})`, 'u'),
    examples: ['Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;', '- Căn cứ Điều lệ Đảng;', '- Xét Tờ trình và báo cáo của Bộ Chính trị', 'Thực hiện Kết luận số 183-KL/TW', 'Theo đề nghị của Bộ trưởng Bộ Công Thương;'],
    counterExamples: ['CĂN CỨ', 'Căn hộ chung cư'],
  },
  {
    id: 'enacting',
    role: 'preamble',
    note: 'The enacting formula: "Quốc hội ban hành Luật …", "Chính phủ ban hành Nghị định …", "BAN CHẤP HÀNH TRUNG ƯƠNG / QUY ĐỊNH …" repeated before the body.',
    re: new RegExp(`ban${S}+hành${S}+(?:Luật|Bộ${S}+luật|Nghị${S}+định|Thông${S}+tư|Quyết${S}+định|Nghị${S}+quyết|Pháp${S}+lệnh|Quy${S}+định|Quy${S}+chế)|^(?:RA${S}+SẮC${S}+LỆNH|QUYẾT${S}+NGHỊ|QUYẾT${S}+ĐỊNH|LỜI${S}+NÓI${S}+ĐẦU):?$`, 'u'),
    examples: ['Quốc hội ban hành Luật Đất đai.', 'Chính phủ ban hành Nghị định quy định chi tiết …', 'QUYẾT ĐỊNH:', 'RA SẮC LỆNH:'],
    counterExamples: ['Các văn bản ban hành trước ngày'],
  },
  {
    id: 'closing',
    role: 'signature',
    note: 'The closing formula and the signature block: "Luật này đã được Quốc hội … thông qua …", "T/M", "TM.", "KT.", the signer\'s title.',
    re: new RegExp(`^(?:(?:Luật|Bộ${S}+luật|Hiến${S}+pháp|Pháp${S}+lệnh|Nghị${S}+quyết)${S}+này${S}+(?:đã${S}+)?được${S}.{0,200}thông${S}+qua|T/M${S}|TM\\.?${S}+\\p{Lu}|KT\\.${S}|Q\\.${S}|(?:CHỦ${S}+TỊCH|TỔNG${S}+BÍ${S}+THƯ|THỦ${S}+TƯỚNG|BỘ${S}+TRƯỞNG|PHÓ${S}+\\p{Lu}+|CHÁNH${S}+VĂN${S}+PHÒNG|GIÁM${S}+ĐỐC)(?:${S}+[\\p{Lu} ]{0,40})?$|\\(?Đã${S}+ký\\)?$|\\(Ký${S}|\\[?daky\\]?$)`, 'u'),
    examples: ['Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp thứ 6 thông qua ngày 29 tháng 11 năm 2013.', 'T/M BỘ CHÍNH TRỊ', 'TM. ỦY BAN NHÂN DÂN', 'KT. BỘ TRƯỞNG', 'CHỦ TỊCH QUỐC HỘI', 'TỔNG BÍ THƯ', '(Đã ký)'],
    counterExamples: ['Chủ tịch Ủy ban nhân dân cấp tỉnh có trách nhiệm', 'Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2014.'],
  },
  {
    id: 'recipients',
    role: 'recipients',
    note: '"Nơi nhận:" and the list under it (each line starts with a dash, or continues one).',
    re: new RegExp(`^Nơi${S}+nhận${S}*:?`, 'u'),
    examples: ['Nơi nhận:', 'Nơi nhận: T/M BAN CHẤP HÀNH TRUNG ƯƠNG'],
    counterExamples: ['Nơi cư trú'],
  },
  {
    id: 'appendix',
    role: 'appendix',
    note: 'An appendix or form after the signature: "PHỤ LỤC", "Phụ lục I", "Mẫu số 01", "DANH MỤC …", "BIỂU MẪU".',
    re: new RegExp(`^(?:PHỤ${S}+LỤC|Phụ${S}+lục|MẪU${S}+SỐ|Mẫu${S}+số|Mẫu${S}+\\d|DANH${S}+MỤC|Biểu${S}+mẫu|BIỂU${S}+MẪU)`, 'u'),
    examples: ['PHỤ LỤC', 'Phụ lục I', 'Mẫu số 01', 'DANH MỤC CHỈ TIÊU THỐNG KÊ QUỐC GIA'],
    counterExamples: ['Phụ cấp khu vực'],
  },
];

const byId = (id: string) => FRAME_PATTERNS.find((p) => p.id === id)!;
const LETTERHEAD = FRAME_PATTERNS.filter((p) => p.role === 'letterhead');

/** A role of a line outside the body, from the patterns; undefined when none says. */
export function lineRole(line: string): FramePattern | undefined {
  return FRAME_PATTERNS.find((p) => p.re.test(line));
}

/** A type line: "LUẬT", "BỘ LUẬT", "QUY ĐỊNH", "KẾT LUẬN", "NGHỊ ĐỊNH", "THÔNG TƯ" (in capitals). */
function isTypeLine(line: string): boolean {
  return line === line.toUpperCase() && typeFromName(line) !== undefined;
}

export interface FrameRegion {
  role: FrameRole;
  start: number;
  end: number;
}

export interface Frame {
  /** Every region outside the numbered body, in text order (blank lines belong to none). */
  regions: FrameRegion[];
  /** Clauses for the title, the preamble lines and the appendices, with ids that no numbered clause uses. */
  clauses: Clause[];
  /** The regions that are not body (letterhead, signature, recipients). */
  notBody: { role: 'letterhead' | 'signature' | 'recipients'; start: number; end: number }[];
}

export interface FrameOptions {
  docId: string;
  /** Where the numbered body starts and ends (the segmenter's range), and where footnotes begin. */
  bodyStart: number;
  bodyEnd: number;
  tailEnd?: number;
  lines: LineIndex;
}

/**
 * Reads the frame: header lines before `bodyStart` (letterhead until the type line; the type
 * line and the capitalised lines after it are the title; the rest is preamble, except
 * letterhead lines printed late by a two-column PDF), then the tail after `bodyEnd` (closing
 * formula and signature, "Nơi nhận" and its list, then appendices, each to the next heading).
 */
export function readFrame(text: string, options: FrameOptions): Frame {
  const { docId, bodyStart, bodyEnd, lines } = options;
  const regions: FrameRegion[] = [];
  const header = blocksOf(text, 0, bodyStart);
  const typeAt = header.findIndex((b) => isTypeLine(text.slice(b.start, b.end)));
  // The title runs from the type line over capitalised lines (a two-column PDF may print the motto
  // or the date between them) until the first preamble line.
  let inTitle = false;
  let preambleSeen = false;
  for (const [i, b] of header.entries()) {
    const line = text.slice(b.start, b.end);
    let role: FrameRole;
    if (i === typeAt) (role = 'title'), (inTitle = true);
    else if (LETTERHEAD.some((p) => p.re.test(line))) role = 'letterhead';
    else if (!preambleSeen && (typeAt < 0 || i < typeAt)) role = byId('preamble').re.test(line) ? 'preamble' : 'letterhead';
    else if (inTitle && line === line.toUpperCase() && /\p{Lu}/u.test(line) && !byId('enacting').re.test(line)) role = 'title';
    else role = byId('closing').re.test(line) ? 'signature' : 'preamble';
    if (role === 'preamble') (preambleSeen = true), (inTitle = false);
    push(regions, role, b.start, b.end);
  }
  const tailEnd = options.tailEnd ?? text.length;
  let tailRole: FrameRole = 'signature';
  for (const b of blocksOf(text, bodyEnd, tailEnd)) {
    const line = text.slice(b.start, b.end);
    const p = lineRole(line);
    if (p?.role === 'appendix' && isHeading(line)) {
      // A list ("DANH MỤC …") inside an appendix is its content; a new "Phụ lục" or "Mẫu số" starts the next.
      const joins = tailRole === 'appendix' && !/^(?:PHỤ|Phụ|MẪU|Mẫu)/u.test(line);
      tailRole = 'appendix';
      if (!joins) {
        regions.push({ role: 'appendix', start: b.start, end: b.end });
        continue;
      }
    } else if (tailRole !== 'appendix' && p?.role === 'recipients') tailRole = 'recipients';
    else if (tailRole === 'recipients' && !/^[-–+•]/u.test(line) && p?.role === 'signature') tailRole = 'signature';
    // A long sentence after the signature that no pattern names is body the layout missed: left in
    // no region, so coverage counts it as missed rather than calling it a signature.
    if (tailRole !== 'appendix' && !p && line.length > 120) continue;
    push(regions, tailRole, b.start, b.end);
  }
  const notBody = regions.filter((r): r is FrameRegion & { role: 'letterhead' | 'signature' | 'recipients' } => NOT_BODY.has(r.role)).map(({ role, start, end }) => ({ role, start, end }));
  return { regions, clauses: frameClauses(text, docId, regions, lines), notBody };
}

/** "Phụ lục I", "PHỤ LỤC", "Mẫu số 01" on a short line of their own: a new appendix, not a mention in a table. */
function isHeading(line: string): boolean {
  return line.length <= 120;
}

/** Extends the last region when it has the same role (appendix regions start only at headings). */
function push(regions: FrameRegion[], role: FrameRole, start: number, end: number): void {
  const last = regions.at(-1);
  if (last && last.role === role) last.end = end;
  else regions.push({ role, start, end });
}

const APPENDIX_NUMBER = /^(?:PHỤ[ \u00a0]+LỤC|Phụ[ \u00a0]+lục|MẪU[ \u00a0]+SỐ|Mẫu[ \u00a0]+số|Mẫu)[ \u00a0]*(?:số[ \u00a0]*)?([0-9]{1,3}[a-z]?|[IVXLC]{1,6})(?![\p{L}\d])/u;

function frameClauses(text: string, docId: string, regions: FrameRegion[], lines: LineIndex): Clause[] {
  const out: Clause[] = [];
  const used = new Set<string>();
  let preambles = 0;
  let appendices = 0;
  const make = (kind: ClauseKind, seg: string, number: string, label: string, pathLabel: string, r: FrameRegion, heading?: string) => {
    let id = clauseId(docId, [clauseSegment(kind, seg)]);
    for (let n = 2; used.has(id); n++) id = clauseId(docId, [clauseSegment(kind, seg, n)]);
    used.add(id);
    out.push({ id, docId, kind, label, number, path: [id.slice(docId.length + 1)], pathLabel, ...(heading ? { heading } : {}), text: text.slice(r.start, r.end), span: lines.span(r.start, r.end), children: [] });
  };
  for (const r of regions) {
    if (r.role === 'title') make('title', '', '', '', 'Tiêu đề', r);
    else if (r.role === 'preamble') {
      // One clause per line: each "Căn cứ …" is its own legal basis.
      for (const b of blocksOf(text, r.start, r.end)) {
        preambles++;
        make('preamble', String(preambles), String(preambles), '', `Mở đầu ¶${preambles}`, { role: 'preamble', start: b.start, end: b.end });
      }
    } else if (r.role === 'appendix') {
      appendices++;
      const first = text.slice(r.start, text.indexOf('\n', r.start) < 0 || text.indexOf('\n', r.start) > r.end ? r.end : text.indexOf('\n', r.start)).trim();
      const m = APPENDIX_NUMBER.exec(first);
      const number = m ? m[1]! : String(appendices);
      make('appendix', number, number, m ? m[0] : '', `Phụ lục ${number}`, r, first.slice(0, 200));
    }
  }
  return out;
}
