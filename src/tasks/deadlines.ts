/**
 * Deadline patterns as data (after eyecite): each has an id, a note, an expression, what it
 * makes of a match, real examples (seeds, office documents) and counter-examples that must
 * yield nothing. deadlines.test.ts checks them. A date is a deadline only through a pattern's
 * trigger ("trước", "chậm nhất", "hoàn thành trong", "hằng tháng" …): a bare date — an issue
 * date, a meeting date, "từ ngày 1/7/2025" — never is.
 */
import type { Deadline, Recurrence } from '../model.ts';
import { isoDate } from 'vietnamese-tokenizer';

export type FoundDeadline = Omit<Deadline, 'clauseId' | 'scope'>;

export interface DeadlineContext {
  /** Year for dates written without one ("trước ngày 31/12"): the document's year. */
  year?: number;
  /**
   * In a law or decree a day without a year ("trước ngày 31 tháng 01") comes back every year:
   * it is read as a yearly deadline, never pinned to the year the law was passed.
   */
  yearlessIsYearly?: boolean;
  /**
   * In a "Thời gian thực hiện" slot or a heading's window the trigger is the slot itself: a bare
   * date, month, quarter or year is then the deadline.
   */
  slot?: boolean;
}

export interface DeadlinePattern {
  id: string;
  note: string;
  re: RegExp;
  /** The deadline a match makes, or null when the match turns out not to be one. */
  make(m: RegExpExecArray, ctx: DeadlineContext, text: string): Omit<FoundDeadline, 'text' | 'start' | 'end' | 'patternId'> | null;
  /** Only in slots and headings (bare forms). */
  slotOnly?: boolean;
  examples: ReadonlyArray<readonly [text: string, expected: Partial<Deadline>, ctx?: DeadlineContext]>;
  counterExamples: readonly string[];
}

const S = '[ \\u00a0]+';
const S0 = '[ \\u00a0]*';
const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
/** "31/8/2025", "31-8-2025", "31.8.2025", "31/12" (year from context), "31 tháng 8 năm 2025". */
const DATE = `(?:(?<d>\\d{1,2})${S0}(?<sep>[/.-])${S0}(?<m>\\d{1,2})(?:\\k<sep>(?<y>\\d{4}))?(?![\\d/])|(?<d2>\\d{1,2})${S}tháng${S}(?<m2>\\d{1,2})(?:${S}năm${S}(?<y2>\\d{4}))?)`;
/** Work that completes something, before "trong tháng / quý / năm": only then is the period a deadline. */
const DONE = `(?:hoàn thành|hoàn tất|xong|ban hành|trình|phê duyệt|bàn giao|nộp|gửi|báo cáo|tổ chức|kết thúc|thực hiện xong)`;

/**
 * A time of day before the date ("trước 14 giờ ngày 08 tháng 10 năm 2025", "trước 17h00 ngày …",
 * "trước 16 giờ 30, ngày …"): the deadline is the day (kept to the day; the hour stays in the text).
 */
const TIME_OF_DAY = `\\d{1,2}${S0}(?:giờ(?:${S}\\d{1,2}(?:${S}phút)?)?|h(?:${S0}\\d{2})?|:\\d{2})`;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function dateOf(m: RegExpExecArray, ctx: DeadlineContext): string | null {
  const g = m.groups ?? {};
  const d = Number(g.d ?? g.d2);
  const mo = Number(g.m ?? g.m2);
  const y = Number(g.y ?? g.y2 ?? ctx.year ?? 0);
  return y ? isoDate(y, mo, d) : null;
}

function lastDay(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return isoDate(y, m, d)!;
}

/**
 * Words just before a date that make it something other than a deadline: an eligibility or
 * effect date ("nghỉ hưu trước ngày 1/7/2025", "có hiệu lực từ"), a period ("từ ngày 1/7 đến
 * ngày 31/7/2025").
 */
const NOT_BEFORE = /(?:nghỉ hưu|nghỉ việc|nghỉ thôi việc|tuyển dụng|được tuyển|sinh|có hiệu lực|hiệu lực thi hành|được hưởng|đã có|công tác|hợp đồng lao động)[^.;()]{0,20}$/iu;
const PERIOD = /(?:từ\s+(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?|từ\s+tháng\s+\d{1,2}(?:\/\d{4})?)\s+$/iu;

export const DEADLINE_PATTERNS: readonly DeadlinePattern[] = [
  {
    id: 'monthly-day',
    note: 'A day of every month: "chậm nhất trước ngày 25 hằng tháng", "chậm nhất vào ngày 05 hằng tháng" (recurring, day kept).',
    re: new RegExp(`${B}(?:(?:chậm nhất|hạn chót)(?:${S}(?:là|vào))?${S})?(?:trước|vào|trong)${S}ngày${S}(?<day>\\d{1,2})${S}(?:hằng|hàng|mỗi)${S}tháng${E}|${B}(?:chậm nhất|hạn chót)${S}(?:là${S}|vào${S})?ngày${S}(?<day2>\\d{1,2})${S}(?:hằng|hàng|mỗi)${S}tháng${E}`, 'giu'),
    make: (m) => {
      const day = Number(m.groups!.day ?? m.groups!.day2);
      return day >= 1 && day <= 31 ? { kind: 'recurring', every: 'month', day } : null;
    },
    examples: [
      ['gửi báo cáo về Ban Tổ chức Trung ương chậm nhất trước ngày 25 hằng tháng.', { kind: 'recurring', every: 'month', day: 25 }],
      ['công khai kết quả đánh giá chậm nhất vào ngày 05 hằng tháng.', { kind: 'recurring', every: 'month', day: 5 }],
    ],
    counterExamples: ['ngày 25/8/2025', 'trợ cấp hằng tháng'],
  },
  {
    id: 'yearly-day',
    note: 'A day of every year: "hằng năm (trước ngày 15/12)", "trước ngày 15 tháng 12 hằng năm".',
    re: new RegExp(`${B}(?:hằng|hàng)${S}năm${S0}\\(?${S0}(?:chậm nhất${S})?trước${S}ngày${S}(?<d>\\d{1,2})[/.-](?<m>\\d{1,2})(?![\\d/])\\)?|${B}trước${S}ngày${S}(?<d2>\\d{1,2})(?:[/.-]|${S}tháng${S})(?<m2>\\d{1,2})${S}(?:hằng|hàng)${S}năm${E}`, 'giu'),
    make: (m) => {
      const day = Number(m.groups!.d ?? m.groups!.d2);
      const month = Number(m.groups!.m ?? m.groups!.m2);
      return isoDate(2024, month, day) ? { kind: 'recurring', every: 'year', day, month } : null;
    },
    examples: [
      ['báo cáo hằng năm (trước ngày 15/12)', { kind: 'recurring', every: 'year', day: 15, month: 12 }],
      ['gửi trước ngày 15 tháng 12 hằng năm', { kind: 'recurring', every: 'year', day: 15, month: 12 }],
    ],
    counterExamples: ['đánh giá, xếp loại chất lượng hằng năm đối với tập thể'],
  },
  {
    id: 'before-date',
    note: 'A day: "(hoàn thành trước ngày 31/8/2025)", "chậm nhất là ngày 30/01/2026", "trước 30/5/2026", "đến 30/5/2026 phải bàn giao", "từ nay đến ngày 30/6/2025". Not a period ("từ ngày 1/7 đến ngày 31/7/2025") nor an eligibility date ("nghỉ hưu trước ngày 1/7/2025").',
    re: new RegExp(`${B}(?<trigger>(?:hoàn thành(?:${S}dứt điểm)?${S})?(?:chậm nhất(?:${S}(?:là|vào|trước))?|hạn chót(?:${S}là)?|không muộn hơn|trước|đến)${S}(?:${TIME_OF_DAY}${S0},?${S0})?(?:ngày${S})?)${DATE}`, 'giu'),
    make: (m, ctx, text) => {
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      const trigger = m.groups!.trigger!.toLowerCase();
      if (NOT_BEFORE.test(before)) return null;
      if (/^đến/u.test(trigger) && PERIOD.test(before.slice(-30)) && !/từ nay\s*$/iu.test(before)) return null;
      if (/^đến/u.test(trigger) && /từ(?:\s+ngày)?\s+[\d/.-]+\s*$/iu.test(before)) return null;
      // "từ 8 giờ đến 14 giờ ngày …": the end of a meeting's hours, not a deadline.
      if (/^đến/u.test(trigger) && /từ\s+\d{1,2}\s*(?:giờ|h)[^.;]{0,20}$/iu.test(before)) return null;
      const g = m.groups!;
      if (!g.y && !g.y2 && ctx.yearlessIsYearly) {
        const day = Number(g.d ?? g.d2);
        const month = Number(g.m ?? g.m2);
        return isoDate(2024, month, day) ? { kind: 'recurring', every: 'year', day, month } : null;
      }
      const date = dateOf(m, ctx);
      return date ? { kind: 'date', date } : null;
    },
    examples: [
      ['báo cáo trước ngày 31 tháng 01', { kind: 'recurring', every: 'year', day: 31, month: 1 }, { yearlessIsYearly: true, year: 2020 }],
      ['(hoàn thành trước ngày 31/8/2025).', { kind: 'date', date: '2025-08-31' }],
      ['hoàn thành dứt điểm trước ngày 31/12/2025.', { kind: 'date', date: '2025-12-31' }],
      ['toàn bộ các nhiệm vụ nêu trên phải hoàn thành trước ngày 15/12/2025.', { kind: 'date', date: '2025-12-15' }],
      ['Thời gian hoàn thành ban hành kế hoạch chậm nhất là ngày 30/01/2026.', { kind: 'date', date: '2026-01-30' }],
      ['phê duyệt điều chỉnh chủ trương đầu tư trước 30/5/2026', { kind: 'date', date: '2026-05-30' }],
      ['yêu cầu đến 30/5/2026 phải bàn giao toàn bộ mặt bằng', { kind: 'date', date: '2026-05-30' }],
      ['hoàn thành dứt điểm trước ngày 31/12', { kind: 'date', date: '2025-12-31' }, { year: 2025 }],
      ['trước ngày 31 tháng 8 năm 2025', { kind: 'date', date: '2025-08-31' }],
      ['Kế hoạch triển khai từ nay đến ngày 30/6/2025', { kind: 'date', date: '2025-06-30' }],
      // Times of day before the date (the forms i18's aside misses named; issue 18 item 3).
      ['gửi danh sách về Bộ trước 14 giờ ngày 08 tháng 10 năm 2025', { kind: 'date', date: '2025-10-08' }],
      ['đăng ký trước 14 giờ, ngày 08 tháng 10 năm 2025', { kind: 'date', date: '2025-10-08' }],
      ['gửi báo cáo trước 17h00 ngày 20/12/2025', { kind: 'date', date: '2025-12-20' }],
      ['chậm nhất trước 16 giờ 30 ngày 5/1/2026', { kind: 'date', date: '2026-01-05' }],
    ],
    counterExamples: [
      'từ ngày 1/7 đến ngày 31/7/2025',
      'từ ngày 1-31/7/2025',
      'Kế hoạch số 56-KH/BCĐ, ngày 4/7/2025',
      'cán bộ đã nghỉ hưu trước ngày 1/7/2025 được hưởng',
      'có hiệu lực thi hành từ ngày 1/7/2025',
      'trước ngày 31/12',
      'Ngày 22/01/2026, đồng chí Phó Chủ tịch',
      'Hội nghị bắt đầu lúc 08 giờ, ngày 09 tháng 10 năm 2025',
      'từ 14 giờ ngày 08/10/2025',
    ],
  },
  {
    id: 'in-month',
    note: 'A month, after work that completes something: "hoàn thành trong tháng 02/2026", "Hoàn thành việc phê duyệt trong tháng 4/2026" (→ its last day).',
    re: new RegExp(`${B}(?<trigger>${DONE}(?:${S}[^.;:()\\n]{0,60}?)?${S}(?:trong|trước|ngay trong)${S})tháng${S}(?<m>\\d{1,2})(?:${S0}\\/${S0}|${S}năm${S})(?<y>\\d{4})${E}`, 'giu'),
    make: (m) => {
      const mo = Number(m.groups!.m);
      const y = Number(m.groups!.y);
      if (mo < 1 || mo > 12) return null;
      // "trước tháng 10/2025": before the month begins.
      if (/trước\s*$/iu.test(m.groups!.trigger!)) return { kind: 'date', date: new Date(Date.UTC(y, mo - 1, 0)).toISOString().slice(0, 10) };
      return { kind: 'month', date: lastDay(y, mo) };
    },
    examples: [
      ['xây dựng dữ liệu dùng chung …; hoàn thành trong tháng 02/2026.', { kind: 'month', date: '2026-02-28' }],
      ['Hoàn thành việc phê duyệt trong tháng 4/2026.', { kind: 'month', date: '2026-04-30' }],
      ['hoàn thành trong tháng 10 năm 2025', { kind: 'month', date: '2025-10-31' }],
    ],
    counterExamples: ['Báo cáo tình hình tháng 11/2025', 'các vị trí triển khai thi công trong tháng 4/2026'],
  },
  {
    id: 'in-quarter',
    note: 'A quarter: "hoàn thành trong quý IV/2025", "trước quý III năm 2026" (→ its last day; "trước" → the day before it begins).',
    re: new RegExp(`${B}(?<trigger>(?:${DONE}(?:${S}[^.;:()\\n]{0,60}?)?${S})?(?:trong|trước|chậm nhất trong)${S})quý${S}(?<q>IV|III|II|I|[1-4])(?:${S0}\\/${S0}|${S}năm${S})(?<y>\\d{4})${E}`, 'giu'),
    make: (m) => {
      const q = ROMAN[m.groups!.q!.toLowerCase()]!;
      const y = Number(m.groups!.y);
      if (/trước\s*$/iu.test(m.groups!.trigger!)) return { kind: 'date', date: new Date(Date.UTC(y, (q - 1) * 3, 0)).toISOString().slice(0, 10) };
      return { kind: 'quarter', date: lastDay(y, q * 3) };
    },
    examples: [
      ['hoàn thành trong quý IV/2025', { kind: 'quarter', date: '2025-12-31' }],
      ['trong quý I năm 2026', { kind: 'quarter', date: '2026-03-31' }],
    ],
    counterExamples: ['số liệu quý IV/2025'],
  },
  {
    id: 'in-year',
    note: 'A year, after work that completes something: "hoàn thành trong năm 2025" (→ 31/12). A year that names a budget, a plan or an evaluation ("dự toán năm 2026", "kiểm điểm … năm 2025") is not one.',
    re: new RegExp(`${B}(?<trigger>(?:hoàn thành|hoàn tất|xong|thực hiện xong)(?:${S}[^.;:()\\n]{0,40}?)?${S}(?:trong|ngay trong|trước${S}hết)${S})năm${S}(?<y>\\d{4})${E}`, 'giu'),
    make: (m) => ({ kind: 'year', date: `${m.groups!.y}-12-31` }),
    examples: [
      ['hoàn thành trong năm 2025.', { kind: 'year', date: '2025-12-31' }],
      ['khẩn trương hoàn thành sắp xếp …, hoàn thành trong năm 2025.', { kind: 'year', date: '2025-12-31' }],
    ],
    counterExamples: ['người đứng đầu cấp ủy, chính quyền địa phương năm 2025./.', 'đẩy nhanh tiến độ giải ngân vốn ngân sách nhà nước trong năm 2026.', 'trong dự toán năm 2026'],
  },
  {
    id: 'slot-date',
    note: 'In a "Thời gian thực hiện" slot or a table\'s time column the slot is the trigger: a bare date ("Thời gian thực hiện: 30/9/2025").',
    slotOnly: true,
    re: new RegExp(`${B}(?:ngày${S})?${DATE}`, 'giu'),
    make: (m, ctx) => {
      const date = dateOf(m, ctx);
      return date ? { kind: 'date', date } : null;
    },
    examples: [['Thời gian thực hiện: 30/9/2025', { kind: 'date', date: '2025-09-30' }, { slot: true }]],
    counterExamples: [],
  },
  {
    id: 'slot-period',
    note: 'In a slot, a bare month, quarter or year: "Thời gian thực hiện: Quý IV/2025", "Tháng 10/2025", "Năm 2026".',
    slotOnly: true,
    re: new RegExp(`${B}(?:(?:quý${S}(?<q>IV|III|II|I|[1-4])(?:${S0}\\/${S0}|${S}năm${S})(?<qy>\\d{4}))|(?:tháng${S}(?<m>\\d{1,2})(?:${S0}\\/${S0}|${S}năm${S})(?<my>\\d{4}))|(?:năm${S}(?<y>\\d{4})))${E}`, 'giu'),
    make: (m) => {
      const g = m.groups!;
      if (g.q) return { kind: 'quarter', date: lastDay(Number(g.qy), ROMAN[g.q.toLowerCase()]! * 3) };
      if (g.m) return Number(g.m) >= 1 && Number(g.m) <= 12 ? { kind: 'month', date: lastDay(Number(g.my), Number(g.m)) } : null;
      return { kind: 'year', date: `${g.y}-12-31` };
    },
    examples: [
      ['Thời gian thực hiện: Quý IV/2025', { kind: 'quarter', date: '2025-12-31' }, { slot: true }],
      ['Thời gian: tháng 10/2025', { kind: 'month', date: '2025-10-31' }, { slot: true }],
    ],
    counterExamples: [],
  },
  {
    id: 'event',
    note: 'An event without a date, kept as text: "trước Đại hội Đảng bộ tỉnh", "trước kỳ họp thứ 10", "trước Hội nghị" (the meeting a dispatch convenes), "nhân Ngày Nhân quyền thế giới" / "nhân dịp …" (work timed to an occasion). Not "sau Hội nghị", not "tại Hội nghị".',
    re: new RegExp(`${B}(?:(?:hoàn thành${S})?trước${S}(?<event>(?:Đại hội|đại hội|Kỳ họp|kỳ họp|Hội nghị|hội nghị|Tết Nguyên đán|Tết)(?![\\p{L}])[^,.;()\\n]{0,80})|nhân${S}(?<occasion>(?:dịp${S}|[Nn]gày${S}(?=\\p{Lu}))[^,.;()\\n]{2,80}))`, 'gu'),
    make: () => ({ kind: 'event' }),
    examples: [
      ['hoàn thành trước Đại hội Đảng bộ tỉnh lần thứ XV', { kind: 'event' }],
      ['trình trước kỳ họp thứ 10', { kind: 'event' }],
      ['gửi tài liệu trước Hội nghị', { kind: 'event' }],
      ['tuyên truyền đợt cao điểm về quyền con người nhân Ngày Nhân quyền thế giới', { kind: 'event' }],
    ],
    counterExamples: ['tổ chức đại hội đảng bộ các cấp theo đúng kế hoạch', 'trình Kỳ họp thứ 10, Quốc hội khóa XV', 'triển khai kết luận sau Hội nghị', 'phát biểu tại Hội nghị', 'nhân dân tham gia', 'nhân ngày 15/3'],
  },
  {
    id: 'every',
    note: 'How often, when it qualifies the task\'s verb: "thường xuyên" (continuous), "định kỳ" (periodic), "hằng tuần", "hằng tháng", "hằng quý", "hằng năm", "02 tuần/lần". Not the name of an allowance ("trợ cấp hằng tháng") nor a word of a cited document\'s title.',
    re: new RegExp(`${B}(?:(?<every>thường xuyên)|(?<periodic>định kỳ)(?:${S}(?<pn>\\d{1,2})${S}(?<pu>tuần|tháng|quý|năm)${S0}\\/${S0}lần|${S}(?:hằng|hàng|mỗi)${S}(?<pw>tuần|tháng|quý|năm))?|(?:hằng|hàng|mỗi)${S}(?<unit>tuần|tháng|quý|năm|ngày)|(?<n>\\d{1,2})${S}(?<u>tuần|tháng|quý|năm)${S0}\\/${S0}lần)${E}`, 'giu'),
    make: (m, _ctx, text) => {
      const g = m.groups!;
      const before = text.slice(Math.max(0, m.index - 120), m.index);
      // The name of an allowance or pay, not how often the task recurs.
      if (/(?:trợ cấp|phụ cấp|lương|tiền lương|thu nhập|chế độ)(?:\s+\p{L}+){0,2}\s+$/iu.test(before)) return null;
      // Inside a cited document's title ("Quy định số 124-QĐ/TW … về việc kiểm điểm … hằng năm").
      const segment = before.split(/[;\n]/).pop() ?? '';
      if (/\d{1,5}[-/][\p{L}Đđ]/u.test(segment) && /\svề\s/iu.test(segment)) return null;
      const unitOf = (u?: string, n?: string): Recurrence | undefined =>
        u === 'tuần' ? (Number(n ?? 1) === 2 ? 'two-weeks' : 'week') : u === 'tháng' ? 'month' : u === 'quý' ? 'quarter' : u === 'năm' ? 'year' : undefined;
      if (g.every) return { kind: 'recurring', every: 'continuous' };
      if (g.periodic) return { kind: 'recurring', every: unitOf(g.pu ?? g.pw, g.pn) ?? 'periodic' };
      if (g.unit === 'ngày') return null;
      if (g.unit) return { kind: 'recurring', every: unitOf(g.unit)! };
      return { kind: 'recurring', every: unitOf(g.u, g.n)! };
    },
    examples: [
      ['thường xuyên quán xuyến và trực tiếp chỉ đạo', { kind: 'recurring', every: 'continuous' }],
      ['định kỳ hằng tuần báo cáo kết quả xử lý phản ánh', { kind: 'recurring', every: 'week' }],
      ['Hằng tuần báo cáo UBND tỉnh để theo dõi chỉ đạo.', { kind: 'recurring', every: 'week' }],
      ['tự đánh giá chỉ số cải cách hành chính hằng tháng của tỉnh', { kind: 'recurring', every: 'month' }],
      ['định kỳ 02 tuần/lần tổng hợp, báo cáo UBND tỉnh', { kind: 'recurring', every: 'two-weeks' }],
      ['báo cáo hằng quý', { kind: 'recurring', every: 'quarter' }],
      ['định kỳ tổng hợp báo cáo', { kind: 'recurring', every: 'periodic' }],
    ],
    counterExamples: [
      'được hưởng trợ cấp hằng tháng',
      'Quy định số 124-QĐ/TW, ngày 4/10/2023 về việc kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể',
      'các cuộc họp thường kỳ',
      'tiền lương hằng tháng',
    ],
  },
];

/** Deadlines written in `text`, in order; an earlier pattern wins where two overlap. */
export function findDeadlines(text: string, ctx: DeadlineContext = {}): FoundDeadline[] {
  const found: FoundDeadline[] = [];
  const taken: [number, number][] = [];
  for (const p of DEADLINE_PATTERNS) {
    if (p.slotOnly && !ctx.slot) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].replace(/\s+$/u, '').length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const made = p.make(m, ctx, text);
      if (!made) continue;
      taken.push([start, end]);
      found.push({ ...made, text: text.slice(start, end), start, end, patternId: p.id });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const RANK: Record<Deadline['kind'], number> = { date: 0, month: 1, quarter: 2, year: 3, event: 4, recurring: 5 };

/** The deadline of one task among those in its span: a day or period before recurrence; the latest of several days (the task ends then). */
export function chooseDeadline(found: readonly FoundDeadline[]): FoundDeadline | undefined {
  let best: FoundDeadline | undefined;
  for (const d of found) {
    if (!best || RANK[d.kind] < RANK[best.kind] || (RANK[d.kind] === RANK[best.kind] && d.date && best.date && d.date > best.date)) best = d;
    // "công khai hằng tháng …; chậm nhất vào ngày 05 hằng tháng": the recurrence that names its day says more.
    else if (d.kind === 'recurring' && best.kind === 'recurring' && d.day && !best.day && (d.every === best.every || best.every === 'continuous' || best.every === 'periodic')) best = d;
    // "Định kỳ tổng hợp … hàng tháng": the unit written later says how often the "định kỳ" is.
    else if (d.kind === 'recurring' && best.kind === 'recurring' && best.every === 'periodic' && d.every !== 'continuous' && d.every !== 'periodic' && !best.day) best = d;
  }
  return best;
}

/** "toàn bộ các nhiệm vụ nêu trên …", "(toàn bộ các nhiệm vụ này phải hoàn thành …)": the deadline is for every task above it in the list. */
export const ITEMS_ABOVE = /(?:toàn bộ|tất cả)\s+(?:các\s+)?(?:nhiệm vụ|nội dung|công việc)\s+(?:nêu\s+)?(?:trên|này)/iu;

/** A heading's window ("… từ nay đến ngày 30/6/2025") or a time slot ("Thời gian thực hiện: …"). */
export const WINDOW = /từ nay đến|^\s*(?:[a-zđ0-9]{1,3}[.)]\s*)?(?:thời gian|thời hạn)(?:\s+(?:thực hiện|hoàn thành))?\s*:/iu;
