/**
 * Numbering markers as data: how a clause announces itself at the start of a paragraph
 * (and, for Party texts, inside one). Each pattern carries a note and real examples from
 * the seeds or the external corpus; markers.test.ts checks every example.
 *
 * Regexes are anchored and bounded (no nested quantifiers): they run on every paragraph
 * of a 14 MB corpus and on adversarial input.
 */
import type { ClauseKind, NumberingStyle } from '../model.ts';

export interface MarkerPattern {
  id: string;
  kind: ClauseKind;
  style?: NumberingStyle;
  note: string;
  /** Matches at the start of a paragraph. Group 1 is the number as written. */
  re: RegExp;
  examples: ReadonlyArray<readonly [paragraph: string, number: string, source: string]>;
  /** Paragraph starts that must NOT match. */
  counterExamples: readonly string[];
}

const ROMAN = '[IVXLC]{1,7}';
const ORDINAL_WORDS = 'nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|mười một|mười hai';

export const MARKERS: readonly MarkerPattern[] = [
  {
    id: 'phan',
    kind: 'phan',
    note: 'Phần (part) of a code: "Phần thứ nhất", "PHẦN THỨ HAI", "Phần I". A heading: the number ends the line or is followed by a separator or a capital, not by a sentence going on in lower case ("Phần thứ nhất bao gồm từ …" describes a part of a form).',
    re: new RegExp(`^(?:Phần|PHẦN)[ \\u00a0]+(?:(?:thứ|THỨ|Thứ)[ \\u00a0]+)?(${ORDINAL_WORDS}|${ORDINAL_WORDS.toUpperCase()}|${ROMAN}|\\d{1,2})(?![\\p{L}\\d])(?![ \\u00a0]+\\p{Ll})`, 'u'),
    examples: [
      ['Phần thứ nhất', 'nhất', 'vlc/bo-luat-dan-su.txt'],
      ['PHẦN THỨ HAI', 'HAI', 'vlc'],
      ['Phần I. Những quy định chung', 'I', 'constructed from VLC style'],
      ['Phần I', 'I', 'office/doc/nghi-dinh-30-2020-nd-cp-phu-luc-1.doc'],
    ],
    counterExamples: ['Phần lớn các địa phương đã hoàn thành', 'Phần vốn nhà nước', 'Phần thứ nhất bao gồm từ “Kính gửi”, sau đó là tên các cơ quan', 'Phần thứ hai bao gồm từ “Nơi nhận”'],
  },
  {
    id: 'chuong',
    kind: 'chuong',
    note: 'Chương (chapter), Roman or Arabic numerals, any case.',
    re: new RegExp(`^(?:Chương|CHƯƠNG)[ \\u00a0]+(${ROMAN}|\\d{1,3})(?![\\p{L}\\d])`, 'u'),
    examples: [
      ['Chương I', 'I', 'vlc/bo-luat-dan-su.txt'],
      ['CHƯƠNG II', 'II', 'vlc'],
      ['Chương 3. Quyền của công dân', '3', 'constructed'],
    ],
    counterExamples: ['Chương trình công tác năm 2025', 'chương I'],
  },
  {
    id: 'muc',
    kind: 'muc',
    note: 'Mục (section) inside a chapter.',
    re: new RegExp(`^(?:Mục|MỤC)[ \\u00a0]+(\\d{1,3}|${ROMAN})(?![\\p{L}\\d/])`, 'u'),
    examples: [
      ['Mục 1', '1', 'vlc/bo-luat-dan-su.txt'],
      ['MỤC 2. CÁ NHÂN', '2', 'constructed'],
    ],
    counterExamples: ['Mục tiêu của chương trình', 'Mục đích'],
  },
  {
    id: 'dieu',
    kind: 'dieu',
    note: 'Điều (article): "Điều 5." with its heading on the same line; also "Điều 5:" and "Điều 12a.".',
    re: /^(?:Điều|ĐIỀU)[ \u00a0]+(\d{1,4}[a-zđ]?)(?![\p{L}\d/])[ \u00a0]*[.:]?/u,
    examples: [
      ['Điều 1. Phạm vi điều chỉnh', '1', 'vlc/bo-luat-dan-su.txt'],
      ['Điều 468. Lãi suất', '468', 'vlc/bo-luat-dan-su.txt'],
      ['ĐIỀU 3: Giải thích từ ngữ', '3', 'constructed'],
    ],
    counterExamples: ['Điều kiện kinh doanh', 'Điều này quy định'],
  },
  {
    id: 'roman',
    kind: 'item',
    style: 'roman',
    note: 'Upper-case Roman numeral and a dot or a dash: sections of Party guidance, plans, reports and appendices ("I. ĐÁNH GIÁ CHUNG", Party style "I- HƯỚNG DẪN CHUNG"). Only I–XX, followed by text.',
    re: /^(X{0,2}(?:IX|IV|V?I{1,3}|V|X))[.\-–][ \u00a0]+(?=\S)/u,
    examples: [
      ['I. Đánh giá chung', 'I', 'office/docx/thong-bao-ket-luan-ubnd-lam-dong-cao-toc-2026-04.docx'],
      ['I- HƯỚNG DẪN CHUNG', 'I', 'office/doc/huong-dan-36-hd-vptw-2018-the-thuc-van-ban-dang.doc'],
      ['IV. NHIỆM VỤ, GIẢI PHÁP', 'IV', 'office/docx/bao-cao-ubnd-lao-cai-qlnn-khoang-san-2025.docx'],
    ],
    counterExamples: ['I.1 không phải', 'V.I. Lênin', 'IIII. sai', 'L. Lê', 'I-ốt'],
  },
  {
    id: 'outline',
    kind: 'item',
    style: 'outline',
    note: 'Decimal outline numbers: "1.1." and Party-style "1.1-", any depth ("1.1.1."); the depth is the number of parts. Not a decimal fraction ("1.5 lần") nor a date.',
    re: /^(\d{1,2}(?:\.\d{1,2}){1,3})(?:\.|[ \u00a0]*[-–])(?!\d)[ \u00a0]*(?=\S)/u,
    examples: [
      ['1.1. Các văn bản quản lý nhà nước đã ban hành', '1.1', 'office/docx/bao-cao-ubnd-lao-cai-qlnn-khoang-san-2025.docx'],
      ['1.1- Đảng viên được miễn', '1.1', 'office/pdf/huong-dan-38-hd-btctw-2025-nghiep-vu-cong-tac-dang-vien.pdf'],
      ['2.3.1. Trách nhiệm', '2.3.1', 'constructed'],
    ],
    counterExamples: ['1.5 lần so với cùng kỳ', '31.12.2025 là hạn', '1.000.000 đồng'],
  },
  {
    id: 'dot',
    kind: 'item',
    style: 'dot',
    note: 'Arabic number and a dot (or, in Party texts, a dash: "3- Thủ tục"): top-level items of Party conclusions ("1.  Cơ bản thống nhất"), khoản in laws.',
    re: /^(\d{1,3})(?:\.(?!\d)|[ \u00a0]?[-–](?![\d-]))[ \u00a0]*/u,
    examples: [
      ['1.  Cơ bản thống nhất với các nội dung', '1', 'seeds/004'],
      ['3. Giao Đảng ủy Chính phủ tiếp tục lãnh đạo', '3', 'seeds/003'],
      ['2. Quyền dân sự chỉ có thể bị hạn chế', '2', 'vlc/bo-luat-dan-su.txt'],
      ['3- Thủ tục kết nạp', '3', 'office/pdf/huong-dan-38-hd-btctw-2025-nghiep-vu-cong-tac-dang-vien.pdf'],
    ],
    counterExamples: ['31/12/2025 là hạn cuối', '1.000 tỷ đồng', '2025. Năm bản lề', '1-2 ngày', '10--20'],
  },
  {
    id: 'bracket',
    kind: 'item',
    style: 'bracket',
    note: 'Number in square brackets at the start of a paragraph: items of 221-KL/TW as published ("[1] Cơ bản thống nhất"). Inside a paragraph "[1]" is a footnote call, not an item.',
    re: /^\[(\d{1,3})\][ \u00a0]*/u,
    examples: [
      ['[1] Cơ bản thống nhất với Báo cáo', '1', 'seeds/002'],
      ['[5] Giao Ban Tổ chức Trung ương tiếp tục chủ trì', '5', 'seeds/002'],
    ],
    counterExamples: ['[a] không phải số'],
  },
  {
    id: 'paren',
    kind: 'item',
    style: 'paren',
    note: 'Arabic number in parentheses: second level of Party conclusions, at a paragraph start or inline after a colon ("Lãnh đạo, chỉ đạo: (1) Bộ Nội vụ").',
    re: /^\((\d{1,2})\)[ \u00a0]*/u,
    examples: [
      ['(2) Bộ Tư pháp khẩn trương hoàn thiện', '2', 'seeds/003'],
      ['(1) Khẩn trương hoàn thành các nhiệm vụ', '1', 'seeds/003'],
    ],
    counterExamples: ['(hoàn thành trước ngày 31/8/2025)', '(2025)'],
  },
  {
    id: 'roman-paren',
    kind: 'item',
    style: 'roman-paren',
    note: 'Lower-case Roman numeral in parentheses: third level ("(i) Khẩn trương", "(ii) Nghiên cứu").',
    re: /^\((i{1,3}|iv|vi{0,3}|ix|xi{0,3})\)[ \u00a0]*/u,
    examples: [
      ['(i) Khẩn trương tiếp tục triển khai', 'i', 'seeds/003'],
      ['(iii) Hướng dẫn về quản lý tài chính', 'iii', 'seeds/003'],
    ],
    counterExamples: ['(ví dụ)', '(iiii)'],
  },
  {
    id: 'letter',
    kind: 'item',
    style: 'letter',
    note: 'A letter and a closing parenthesis: điểm in laws ("a) Cá nhân", "đ) …").',
    re: /^([a-zđ])\)[ \u00a0]*/u,
    examples: [
      ['a) Cá nhân, pháp nhân', 'a', 'vlc'],
      ['đ) Trường hợp khác', 'đ', 'vlc'],
    ],
    counterExamples: ['ab) không', 'A) viết hoa'],
  },
];

/**
 * Inline Party markers: "(1)" / "(i)" inside a paragraph, after a colon, semicolon, full stop
 * or closing parenthesis. Whether one really opens a clause depends on the numbering around it
 * (see `party.ts`); this only finds candidates.
 */
export const INLINE_MARKER = /(?<=[:;.)…][ \u00a0]{0,3}|[ \u00a0])\((\d{1,2}|i{1,3}|iv|vi{0,3}|ix|xi{0,3})\)[ \u00a0]+(?=\p{Lu})/gu;

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** "iv" → 4, "ix" → 9; "I".."XX" for chapters too. */
export function romanValue(roman: string): number {
  let total = 0;
  const s = roman.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!] ?? 0;
    const next = ROMAN_VALUES[s[i + 1]!] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Vietnamese điểm run a, b, c, d, đ, e, g, h, i, k… (no f, j, w, z). */
const LETTERS = 'abcdđeghiklmnopqrstuvxy';

const ORDINALS: Record<string, number> = {
  nhất: 1, hai: 2, ba: 3, tư: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10, 'mười một': 11, 'mười hai': 12,
};

/** The numeric value of a marker number in its style, for sequence checks ("ii" → 2, "b" → 2, "thứ hai" → 2). */
export function markerValue(number: string, style: NumberingStyle | ClauseKind): number {
  if (/^\d+/.test(number)) return parseInt(number, 10);
  const lower = number.toLowerCase();
  if (style === 'letter' || style === 'diem') return LETTERS.indexOf(lower) + 1;
  if (ORDINALS[lower] !== undefined) return ORDINALS[lower]!;
  return romanValue(lower);
}

export function matchMarker(paragraph: string, patterns: readonly MarkerPattern[] = MARKERS): { pattern: MarkerPattern; number: string; length: number } | null {
  for (const pattern of patterns) {
    const m = pattern.re.exec(paragraph);
    if (m) return { pattern, number: m[1]!, length: m[0].length };
  }
  return null;
}
