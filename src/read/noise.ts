/**
 * What is not the document, as data: news-site furniture around a published text. Each rule
 * has a note and real examples (checked by noise.test.ts). Masking replaces the matched
 * characters with spaces — never removes them — so every offset into the source stays valid.
 */

export interface NoiseRule {
  id: string;
  note: string;
  /** Matched against one line (trimmed). */
  line?: RegExp;
  /** Matched against the last non-blank line only. */
  lastLine?: RegExp;
  /** Everything from the first line matching this, to the end of the file. */
  tail?: RegExp;
  examples: readonly string[];
  counterExamples: readonly string[];
}

export const NOISE_RULES: readonly NoiseRule[] = [
  {
    id: 'news-dateline',
    note: 'A news site dateline before the article: "date 2025-11-28 (VTC News) -".',
    line: /^date[ \u00a0]+\d{4}-\d{2}-\d{2}[ \u00a0]*(?:\([^()\n]{1,60}\))?[ \u00a0]*[-–—]?$/u,
    examples: ['date 2025-11-28 (VTC News) -'],
    counterExamples: ['Ngày 28/11, Thường trực Ban Bí thư Trần Cẩm Tú ký ban hành Kết luận số 221'],
  },
  {
    id: 'photo-caption',
    note: 'A photo caption: a line that ends with "(Ảnh: …)" or "Ảnh: Name", or "(Hình từ Internet)".',
    line: /(?:\((?:Ảnh|ẢNH|Nguồn ảnh)[ \u00a0]*:[^()\n]{1,80}\)|[.!?][ \u00a0]*Ảnh[ \u00a0]*:[ \u00a0]*[\p{Lu}][^.\n]{0,60}|\((?:Hình|Ảnh) (?:từ|minh họa|minh hoạ)[^()\n]{0,40}\)\*?)$/u,
    examples: [
      'Sau Hội nghị lần thứ 12 khóa XIII, Bộ Chính trị, Ban Bí thư đã ban hành các kết luận, chỉ đạo tích cực vận hành mô hình chính quyền địa phương 2 cấp. (Ảnh: ĐĂNG KHOA)',
      'Người dân đến giao dịch tại Trung tâm Phục vụ hành chính công xã Bá Thước. Ảnh: Khánh Linh',
      '*Tải file Kết luận 221-KL/TW năm 2025 về kết quả hoạt động của bộ máy hệ thống chính trị và chính quyền địa phương 2 cấp (Hình từ Internet)*',
    ],
    counterExamples: [
      '(Kèm theo Báo cáo số 523-BC/BTCTW, ngày 29/10/2025 của Ban Tổ chức Trung ương).',
      'Bộ Chính trị, Ban Bí thư kết luận như sau:',
    ],
  },
  {
    id: 'download-title',
    note: 'A download page title: "Tải file Kết luận 221-KL/TW …" (a heading of the site, not of the document).',
    line: /^(?:#{1,6}[ \u00a0]+)?\*{0,2}Tải (?:file|về|văn bản)[ \u00a0]/u,
    examples: ['# Tải file Kết luận 221-KL/TW năm 2025 về kết quả hoạt động của bộ máy hệ thống chính trị và chính quyền địa phương 2 cấp'],
    counterExamples: ['Tải trọng của xe cơ giới'],
  },
  {
    id: 'site-heading',
    note: 'Site headings around the text: "Nội dung chính", "Nội dung Kết luận …", "Dưới đây là nội dung …:".',
    line: /^(?:#{1,6}[ \u00a0]+)?(?:Nội dung chính$|Nội dung (?:Kết luận|Nghị quyết|Quy định|Chỉ thị|Thông báo|Luật|Nghị định|Thông tư|Quyết định)[ \u00a0]\d|Dưới đây là (?:toàn văn|nội dung)\b.{0,300}:$|Kết luận nêu rõ:?$)/u,
    examples: [
      '### Nội dung chính',
      '## Nội dung Kết luận 221-KL/TW năm 2025 về kết quả hoạt động của bộ máy hệ thống chính trị và chính quyền địa phương 2 cấp',
      'Dưới đây là nội dung Kết luận 221-KL/TW năm 2025 về kết quả hoạt động của bộ máy hệ thống chính trị và chính quyền địa phương 2 cấp:',
      'Kết luận nêu rõ:',
    ],
    counterExamples: ['Nội dung của quy hoạch gồm:', 'Bộ Chính trị, Ban Bí thư kết luận như sau:'],
  },
  {
    id: 'related-news',
    note: 'A news site\'s related-articles block and everything after it (seed 003: news about Thailand, Sri Lanka, Dung Quất).',
    tail: /^(?:Có thể bạn quan tâm|Tin liên quan|Bài viết liên quan|Xem thêm|Tin cùng chuyên mục)[ \u00a0:]*$/u,
    examples: ['Có thể bạn quan tâm', 'Tin liên quan'],
    counterExamples: ['Có thể bạn quan tâm đến việc sắp xếp'],
  },
  {
    id: 'byline',
    note: "The reporter's initials on the last line of a news page (seed 001 ends with \"NM\").",
    lastLine: /^[A-ZĐ]{1,4}(?:[ \u00a0]*\([^()\n]{1,40}\))?$/u,
    examples: ['NM', 'TL (tổng hợp)'],
    counterExamples: ['Trần Cẩm Tú', 'LUẬT'],
  },
  {
    id: 'separator',
    note: 'Decorative lines under the header ("--------", "******").',
    line: /^[-*_=~.]{3,}$/u,
    examples: ['--------', '******', '---------------'],
    counterExamples: ['- Các cơ quan, ban đảng Trung ương,'],
  },
];

export interface Masked {
  text: string;
  removed: { start: number; end: number; ruleId: string }[];
}

/** Replaces noise with spaces (newlines kept), returning the ranges removed. */
export function maskNoise(text: string, rules: readonly NoiseRule[] = NOISE_RULES): Masked {
  const removed: Masked['removed'] = [];
  let i = 0;
  let cut = text.length;
  outer: while (i < text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const raw = text.slice(i, nl);
    const line = raw.trim();
    if (line) {
      const lead = raw.length - raw.trimStart().length;
      for (const rule of rules) {
        if (rule.tail?.test(line)) {
          cut = i + lead;
          removed.push({ start: cut, end: text.length, ruleId: rule.id });
          break outer;
        }
        if (rule.line?.test(line)) {
          removed.push({ start: i + lead, end: i + lead + line.length, ruleId: rule.id });
          break;
        }
      }
    }
    i = nl + 1;
  }
  // The last non-blank line before any cut: bylines.
  const before = text.slice(0, cut).trimEnd();
  const lastStart = before.lastIndexOf('\n') + 1;
  const last = before.slice(lastStart).trim();
  if (last) {
    const at = lastStart + before.slice(lastStart).indexOf(last);
    const rule = rules.find((r) => r.lastLine?.test(last));
    if (rule) removed.push({ start: at, end: at + last.length, ruleId: rule.id });
  }
  return { text: blank(text, removed), removed };
}

/** Spaces over the ranges; line breaks stay so line numbers do too. */
export function blank(text: string, ranges: readonly { start: number; end: number }[]): string {
  if (!ranges.length) return text;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    if (r.end <= at) continue;
    const s = Math.max(r.start, at);
    out += text.slice(at, s) + text.slice(s, r.end).replace(/[^\n]/g, ' ');
    at = r.end;
  }
  return out + text.slice(at);
}
