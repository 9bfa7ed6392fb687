/**
 * Reference patterns as data (after eyecite): each has an id, a note, a regular expression
 * built from small named parts, and real examples — from the seeds, VLC and the Bộ pháp điển —
 * with what must come out; counter-examples must yield nothing. patterns.test.ts checks them.
 *
 * Every expression starts at a keyword (a document type, "Điều", "khoản", "điểm") or a digit,
 * and every repetition is bounded, so matching is linear on any input.
 */
import type { DocType, Pinpoint } from '../model.ts';
import { TYPE_NAMES } from '../doc-types.ts';

export interface Expected {
  number?: string;
  type?: DocType;
  complete?: boolean;
  scope?: 'document' | 'self' | 'internal';
  date?: string;
  name?: string;
  year?: string;
  pinpoint?: Pinpoint;
}

export interface ReferencePattern {
  id: string;
  note: string;
  re: RegExp;
  /**
   * Something every match of `re` contains, cheap to test: a clause without it is not searched
   * with `re` (most clauses hold no number and no "này"). patterns.test.ts checks the examples.
   */
  needs: RegExp;
  examples: ReadonlyArray<readonly [text: string, expected: Expected & { text?: string }]>;
  counterExamples: readonly string[];
}

const S = '[ \\u00a0]'; // one space, incl. NBSP
const TYPE = `(?<type>${TYPE_NAMES})`;
/** A number with its symbol, loosely: canonicalIdentifier decides what is one. Up to two spaces around a separator ("183- KL/TW"). */
const IDENT = `(?<ident>\\d{1,6}(?:${S}{0,2}[-/]${S}{0,2}[\\p{L}\\d]{1,14}){1,10})`;
/** "khoản 5, Điều 4", "điểm a khoản 2 Điều 5", "Điều 12" — before a document. */
const PIN = `(?<pin>(?:(?:điểm|Điểm)${S}+[a-zđ](?:,${S}*|${S}+))?(?:(?:khoản|Khoản)${S}+\\d{1,3}(?:,${S}*|${S}+))?(?:Điều|điều)${S}+\\d{1,4}[a-zđ]?(?:,${S}*|${S}+)(?:(?:của|tại|theo)${S}+)?)?`;
const SO = `(?:(?:số|Số)${S}*:?${S}*)?`;
/** A law's name between "Luật" and "số": "Luật công chứng số 82/2006/QH11" (function words end it). */
const NAME_STOP = '(?:này|số|của|các|theo|tại|được|thay|bãi|sửa|bổ|quy|hướng|ban|năm|ngày|đã|về)(?![\\p{L}\\d])';
const NAMED_TYPE = `(?<lawtype>Bộ luật|Luật|Pháp lệnh)(?<name>(?:,?${S}+(?!${NAME_STOP})[\\p{L}]{1,12}){1,8}?)(?=${S}+số${S})`;
const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';

export const PATTERNS: readonly ReferencePattern[] = [
  {
    id: 'typed-number',
    note: 'A type name, "số", and a full number with its symbol (Party "195-KL/TW", state "15/2020/NĐ-CP"), optionally after a pinpoint and with a law name before "số".',
    re: new RegExp(`${B}${PIN}(?:${NAMED_TYPE}|${TYPE})${S}*${SO}${IDENT}`, 'giu'),
    needs: /\d[ \u00a0]{0,2}[-/]/,
    examples: [
      ['Kết luận số 195-KL/TW, ngày 26/9/2025', { number: '195-KL/TW', type: 'ket-luan', date: '2025-09-26', complete: true }],
      ['Kết Luận số 183- KL/TW, ngày 1/8/2025', { number: '183-KL/TW', type: 'ket-luan', date: '2025-08-01' }],
      ['Nghị quyết số 18-NQ/TW', { number: '18-NQ/TW', type: 'nghi-quyet' }],
      ['Khoản 5, Điều 4 Quy định số 213-QĐ/TW, ngày 02/01/2020', { number: '213-QĐ/TW', type: 'quy-dinh', date: '2020-01-02', pinpoint: { khoan: '5', dieu: '4' } }],
      ['Kế hoạch số 56-KH/BCĐ, ngày 4/7/2025', { number: '56-KH/BCĐ', type: 'ke-hoach', date: '2025-07-04' }],
      ['Kế hoạch số 02-KH/BCĐTW', { number: '02-KH/BCĐTW', type: 'ke-hoach' }],
      ['Báo cáo số 523-BC/BTCTW', { number: '523-BC/BTCTW', type: 'bao-cao' }],
      ['Chỉ thị số 35-CT/TW', { number: '35-CT/TW', type: 'chi-thi' }],
      ['Hướng dẫn số 12-HD/TW', { number: '12-HD/TW', type: 'huong-dan' }],
      ['Thông báo số 150-TB/TW', { number: '150-TB/TW', type: 'thong-bao' }],
      ['Nghị định số 15/2020/NĐ-CP', { number: '15/2020/NĐ-CP', type: 'nghi-dinh' }],
      ['Luật số 53/2014/QH13', { number: '53/2014/QH13', type: 'luat' }],
      ['Luật công chứng số 82/2006/QH11', { number: '82/2006/QH11', type: 'luat', name: 'Luật công chứng' }],
      ['Luật Cán bộ, công chức số 22/2008/QH12', { number: '22/2008/QH12', type: 'luat', name: 'Luật Cán bộ, công chức' }],
      ['Luật Phí và lệ phí số 97/2015/QH13', { number: '97/2015/QH13', type: 'luat', name: 'Luật Phí và lệ phí' }],
      ['Thông tư số 18 /2021/TT-NHNN', { number: '18/2021/TT-NHNN', type: 'thong-tu' }],
      ['Thông tư 01/2021/TT-BNV', { number: '01/2021/TT-BNV', type: 'thong-tu' }],
      ['Văn bản hợp nhất 01/VBHN-VPQH', { number: '01/VBHN-VPQH', type: 'van-ban-hop-nhat' }],
      ['Quyết định 1234/QĐ-TTg', { number: '1234/QĐ-TTg', type: 'quyet-dinh' }],
      ['Công văn số 22498/UBND-THĐT ngày 17/12/2025', { number: '22498/UBND-THĐT', type: 'cong-van', date: '2025-12-17' }],
      ['điểm a khoản 2 Điều 5 Nghị định số 15/2020/NĐ-CP', { number: '15/2020/NĐ-CP', pinpoint: { diem: 'a', khoan: '2', dieu: '5' } }],
      ['Điều 1 Luật số 57/2020/QH14 Luật Thanh niên', { number: '57/2020/QH14', pinpoint: { dieu: '1' } }],
    ],
    counterExamples: ['Kết luận nêu rõ', 'Hội nghị lần thứ 12 khóa XIII', 'Kết luận của Bộ Chính trị, Ban Bí thư về tình hình', 'Luật này thay thế Luật số'],
  },
  {
    id: 'bare-number',
    note: 'A full number standing alone ("01/VBHN-VPQH", "(Báo cáo số …)" is typed-number): the type comes from the symbol.',
    re: new RegExp(`${B}${PIN}${IDENT}`, 'gu'),
    needs: /\d[ \u00a0]{0,2}[-/]/,
    examples: [
      ['theo 01/VBHN-VPQH', { number: '01/VBHN-VPQH', type: 'van-ban-hop-nhat' }],
      ['theo 15/2020/NĐ-CP', { number: '15/2020/NĐ-CP', type: 'nghi-dinh' }],
    ],
    counterExamples: ['ngày 31/8/2025', '1 tháng/lần', 'từ ngày 1-31/7/2025', 'tỷ lệ 10/2025'],
  },
  {
    id: 'number-year',
    note: 'A decree, circular or law by number and year, without its symbol: "Nghị định 15/2020", "NĐ 15/2020", "Luật 45/2013".',
    re: new RegExp(`${B}${PIN}(?<type>Nghị định|Thông tư|Quyết định|Bộ luật|Luật|NĐ|TT|QĐ)${S}+${SO}(?<partial>\\d{1,5}/(?:19|20)\\d{2})(?![\\d/-])`, 'giu'),
    needs: /\d\/(?:19|20)\d\d/,
    examples: [
      ['Nghị định 15/2020', { number: '15/2020', type: 'nghi-dinh', complete: false }],
      ['NĐ 15/2020', { number: '15/2020', type: 'nghi-dinh', complete: false }],
      ['Luật 45/2013', { number: '45/2013', type: 'luat', complete: false }],
      ['khoản 2 Điều 5 Bộ luật 45/2019', { number: '45/2019', type: 'bo-luat', complete: false, pinpoint: { khoan: '2', dieu: '5' } }],
    ],
    counterExamples: ['Nghị định 15/2020/NĐ-CP'],
  },
  {
    id: 'short-number',
    note: 'A type and a bare number: "Nghị quyết 18", "Kết luận số 221 của Bộ Chính trị". Resolved from context (the full number written elsewhere).',
    re: new RegExp(`${B}${PIN}${TYPE}${S}+${SO}(?<partial>\\d{1,5})(?![\\d/\\p{L}]|${S}{0,2}-${S}{0,2}\\p{L}|[.,]\\d)`, 'giu'),
    needs: /\d/,
    examples: [
      ['tổng kết Nghị quyết 18 và', { number: '18', type: 'nghi-quyet', complete: false }],
      ['Kết luận số 221 của Bộ Chính trị', { number: '221', type: 'ket-luan', complete: false }],
    ],
    counterExamples: ['Kết luận 221-KL/TW', 'Luật năm 2015', 'Nghị quyết 18-NQ/TW'],
  },
  {
    id: 'self',
    note: 'The citing document itself: "Luật này", "Nghị định này", "Kết luận này", with an optional pinpoint ("Điều 5 của Luật này").',
    re: new RegExp(`${B}${PIN}${TYPE}${S}+này${E}`, 'gu'),
    needs: /này/,
    examples: [
      ['Luật này', { scope: 'self', type: 'luat' }],
      ['Điều 5 của Luật này', { scope: 'self', pinpoint: { dieu: '5' } }],
      ['Nghị định này', { scope: 'self', type: 'nghi-dinh' }],
      ['Kết luận này', { scope: 'self', type: 'ket-luan' }],
    ],
    counterExamples: ['luật này là', 'Điều này'],
  },
  {
    id: 'internal',
    note: 'A clause of the same article: "khoản 2 Điều này", "điểm a khoản 1 Điều này".',
    re: new RegExp(`${B}(?<pin>(?:(?:điểm|Điểm)${S}+[a-zđ](?:,${S}*|${S}+))?(?:khoản|Khoản)${S}+\\d{1,3}(?:,${S}*|${S}+))Điều${S}+này${E}`, 'gu'),
    needs: /Điều[ \u00a0]+này/,
    examples: [
      ['khoản 2 Điều này', { scope: 'internal', pinpoint: { khoan: '2' } }],
      ['điểm a khoản 1 Điều này', { scope: 'internal', pinpoint: { diem: 'a', khoan: '1' } }],
    ],
    counterExamples: ['Điều này quy định'],
  },
  {
    id: 'article-list',
    note: 'Several articles of the same document: "các điều 6, 7 và 8", "Điều 12 và Điều 13 của Luật này".',
    re: new RegExp(`${B}(?:các${S}+)?(?<list>[Đđ]iều${S}+\\d{1,4}(?:(?:,${S}*|${S}+và${S}+|${S}*-${S}*)(?:[Đđ]iều${S}+)?\\d{1,4}){1,30})(?<own>${S}+(?:của${S}+)?(?:${TYPE_NAMES})${S}+này)?${E}`, 'gu'),
    needs: /[Đđ]iều[ \u00a0]+\d/,
    examples: [
      ['các điều 6, 7 và 8', { scope: 'internal', pinpoint: { dieuList: ['6', '7', '8'] } }],
      ['Điều 12 và Điều 13 của Luật này', { scope: 'self', pinpoint: { dieuList: ['12', '13'] } }],
    ],
    counterExamples: ['Điều 5. Phạm vi'],
  },
  {
    id: 'named-law',
    note: 'A law cited by its name, no number: "Điều 12 Luật Cư trú", "Bộ luật Hình sự", "Luật Đất đai năm 2013". The name is capitalised and stops at a function word; a year written right after it is kept.',
    re: new RegExp(
      `${B}${PIN}(?<type>Bộ luật|Luật)${S}+(?<name>\\p{Lu}[\\p{L}]{0,11}(?:${S}+(?!(?:số|năm|này|và|của|thì|được|đã|có|quy|theo|về|tại|do|hiện|trong|này|ngày|hoặc|với|để|khi|mà|nếu)${E})[\\p{Ll}\\p{Lu}][\\p{L}]{0,11}){0,6})(?:,?${S}+(?:năm${S}+)?(?<year>(?:19|20)\\d{2})(?![\\d/.-]))?`,
      'gu',
    ),
    needs: /Luật|Bộ luật/,
    examples: [
      ['Điều 12 Luật Cư trú', { name: 'Luật Cư trú', type: 'luat', pinpoint: { dieu: '12' } }],
      ['theo Bộ luật Hình sự', { name: 'Bộ luật Hình sự', type: 'bo-luat' }],
      ['theo Luật Đất đai năm 2013', { name: 'Luật Đất đai', type: 'luat', year: '2013', text: 'Luật Đất đai năm 2013' }],
      ['khoản 2 Điều 5 Luật Đất đai 2013', { name: 'Luật Đất đai', year: '2013', pinpoint: { khoan: '2', dieu: '5' } }],
      ['Luật Đất đai năm 2013/QH13', { name: 'Luật Đất đai', text: 'Luật Đất đai' }],
    ],
    counterExamples: ['Luật này', 'Luật số 53/2014/QH13', 'theo quy định của luật'],
  },
];
