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
/**
 * "khoản 5, Điều 4", "điểm a khoản 2 Điều 5" — before a document. Longer lists of pinpoints
 * ("điểm d khoản 1 Điều 44 và Điều 58 của …") are read backwards from here by find.ts
 * (`pinpointsBefore`): a regular expression for them backtracks badly under the `i` flag.
 */
const PIN = `(?<pin>(?:(?:điểm|Điểm)${S}+[a-zđ](?:,${S}*|${S}+))?(?:(?:khoản|Khoản)${S}+\\d{1,3}[a-zđ]?(?:,${S}*|${S}+))?(?:Điều|điều)${S}+\\d{1,4}[a-zđ]?(?:,${S}*|${S}+)(?:(?:của|tại|theo)${S}+)?)?`;
const SO = `(?:(?:số|Số)${S}*:?${S}*)?`;
/** "Luật sửa đổi, bổ sung một số điều của " before the amended law: the amending law's own name. */
const AMENDING = `(?:sửa${S}+đổi,?${S}+bổ${S}+sung${S}+(?:một${S}+số${S}+(?:điều|Điều)${S}+)?của${S}+(?:Bộ${S}+luật|Luật|Pháp${S}+lệnh|(?:các|một${S}+số)${S}+(?:luật|pháp${S}+lệnh))(?=${S}))`;
/** A law's name between "Luật" and "số": "Luật công chứng số 82/2006/QH11" (function words end it). */
// "và Nghị định số …", ", Thông tư số …": another text starts, the name has ended. "của" ends it unless a body follows ("Luật hoạt động giám sát của Quốc hội số 05/2003/QH11").
const NAME_STOP = `(?:này|số|của(?!${S}+(?:Quốc${S}+hội|Hội${S}+đồng|Ủy${S}+ban|Uỷ${S}+ban))|các|theo|tại|được|thay|bãi|sửa|bổ|quy|hướng|ban|năm|ngày|đã|về|và(?=${S}+(?:nghị|thông|quyết|chỉ)${S})|(?:nghị|thông|quyết|chỉ)(?=${S}+(?:định|tư|quyết|thị)(?![\\p{L}])))(?![\\p{L}\\d])`;
const NAMED_TYPE = `(?<lawtype>Bộ luật|Luật|Pháp lệnh)(?<name>(?:${S}+${AMENDING})?(?:,?${S}+(?!${NAME_STOP})[\\p{L}]{1,12}){1,16}?)(?=${S}+số${S})`;
const B = '(?<![\\p{L}\\d])';
/** Words that end a law's name (from its second word): function words, verbs that follow a name. */
const NAME_STOP2 = '(?:số|năm|này|của|thì|được|đã|có|theo|tại|do|hiện|trong|ngày|hoặc|với|để|khi|mà|nếu|hết|kể|từ|trừ|các|những|phải|không|là|cho|đến|bị|sẽ|vẫn|đều|cũng|như|thuộc|sau|trước|bao|nhưng|vào|mới|đang|chỉ|cần|hay|và|về|khác|liên quan|chuyên ngành|hiện hành|quy định|thay thế|bãi bỏ|sửa đổi|bổ sung|hướng dẫn|áp dụng|đối với|tiếp tục|ban hành|thực hiện|thi hành|nêu|gồm|kèm|cùng|giữa|trên|dưới|qua|ra|lên|đó|này|ấy|nào|tương ứng|hiện hành|Điều|khoản|điểm|Luật|Bộ luật|Pháp lệnh|Nghị|Thông|Quyết|Hiến)(?![\\p{L}\\d])';
/** Words that cannot start a name: "Luật này", "Luật sư" (a lawyer), "Luật khác", "Luật có liên quan". */
const NAME_FIRST_STOP = `(?:này|số|năm|sư|gia|lệ|học|khác|có|liên|chuyên|và|hoặc|của|ngày|định|sửa|bổ|hiện|mới|các|trên|cơ|cũ|pháp|thì|được|đã|theo|tại|do|trong|với|để|khi|nếu|hết|từ|là|cho|bị|sẽ|về(?=${S}(?:việc|các|những)))(?![\\p{L}\\d])`;
/** After "và" inside a name, not another text or a class of texts. */
const AND_STOP = `(?:\\p{Lu}\\p{Ll}*${S}+(?:luật|lệnh)|pháp${S}+luật|văn${S}+bản|quy${S}+phạm|nghị|thông|quyết|hiến)`;
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
      ['2. Luật hoạt động giám sát của Quốc hội số 05/2003/QH11 hết hiệu lực', { number: '05/2003/QH11', name: 'Luật hoạt động giám sát của Quốc hội', text: 'Luật hoạt động giám sát của Quốc hội số 05/2003/QH11' }],
      ['hướng dẫn thi hành Luật Quốc tịch Việt Nam và Nghị định số 97/2014/NĐ-CP ngày 17 tháng 10 năm 2014', { number: '97/2014/NĐ-CP', type: 'nghi-dinh', text: 'Nghị định số 97/2014/NĐ-CP' }],
      ['Luật Trợ giúp pháp lý, Nghị định số 14/2013/NĐ-CP ngày 05 tháng 02 năm 2013', { number: '14/2013/NĐ-CP', type: 'nghi-dinh', text: 'Nghị định số 14/2013/NĐ-CP' }],
      ['Thông tư số 18 /2021/TT-NHNN', { number: '18/2021/TT-NHNN', type: 'thong-tu' }],
      ['Thông tư 01/2021/TT-BNV', { number: '01/2021/TT-BNV', type: 'thong-tu' }],
      ['Văn bản hợp nhất 01/VBHN-VPQH', { number: '01/VBHN-VPQH', type: 'van-ban-hop-nhat' }],
      ['Quyết định 1234/QĐ-TTg', { number: '1234/QĐ-TTg', type: 'quyet-dinh' }],
      ['Công văn số 22498/UBND-THĐT ngày 17/12/2025', { number: '22498/UBND-THĐT', type: 'cong-van', date: '2025-12-17' }],
      ['điểm a khoản 2 Điều 5 Nghị định số 15/2020/NĐ-CP', { number: '15/2020/NĐ-CP', pinpoint: { diem: 'a', khoan: '2', dieu: '5' } }],
      ['Điều 1 Luật số 57/2020/QH14 Luật Thanh niên', { number: '57/2020/QH14', pinpoint: { dieu: '1' } }],
    ],
    counterExamples: ['Kết luận nêu rõ', 'Hội nghị lần thứ 12 khóa XIII', 'Kết luận của Bộ Chính trị, Ban Bí thư về tình hình', 'Luật này thay thế Luật số', 'Luật số: 92/2015/QH13'],
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
    // A header's own number: "Số: 51/2005/QH11", "… SỐ 09/1998/QH10 NGÀY 02 THÁNG 12 NĂM 1998 …".
    counterExamples: ['ngày 31/8/2025', '1 tháng/lần', 'từ ngày 1-31/7/2025', 'tỷ lệ 10/2025', 'Số: 51/2005/QH11', 'CỦA QUỐC HỘI SỐ 09/1998/QH10 NGÀY 02 THÁNG 12 NĂM 1998 KHIẾU NẠI, TỐ CÁO'],
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
      ['Quy định 377 (Điều 9, 10, 11)', { number: '377', type: 'quy-dinh', text: 'Quy định 377 (Điều 9, 10, 11)', pinpoint: { dieuList: ['9', '10', '11'] } }],
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
    // Lists of values: "khoản 2, 4, 5, 9 Điều này", "các điểm b, c và d khoản 1 Điều này".
    re: new RegExp(`${B}(?<pin>(?:(?:điểm|Điểm)${S}+[a-zđ](?:(?:,${S}*|${S}+(?:và|hoặc)${S}+)[a-zđ]){0,12}(?:,${S}*|${S}+))?(?:khoản|Khoản)${S}+\\d{1,3}(?:(?:,${S}*|${S}+(?:và|hoặc)${S}+)\\d{1,3}){0,20}(?:,${S}*|${S}+))Điều${S}+này${E}`, 'gu'),
    needs: /Điều[ \u00a0]+này/,
    examples: [
      ['khoản 2 Điều này', { scope: 'internal', pinpoint: { khoan: '2' } }],
      ['điểm a khoản 1 Điều này', { scope: 'internal', pinpoint: { diem: 'a', khoan: '1' } }],
      ['khoản 2, 4 Điều này', { scope: 'internal', pinpoint: { khoan: '2', more: [{ khoan: '4' }] } }],
    ],
    counterExamples: ['Điều này quy định'],
  },
  {
    id: 'article-list',
    note: 'Several articles of the same document: "các điều 6, 7 và 8", "Điều 12 và Điều 13 của Luật này", with clauses of later ones ("Điều 14, Điều 15 và khoản 3 Điều 30", "các điều 3, 4, 5, khoản 1 Điều 26, khoản 2 Điều 29").',
    re: new RegExp(`${B}(?:các${S}+)?(?<list>[Đđ]iều${S}+\\d{1,4}(?:(?:,${S}*|${S}+và${S}+|${S}*-${S}*)(?:(?:(?:điểm${S}+[a-zđ](?:,${S}*[a-zđ]){0,10}${S}+)?khoản${S}+\\d{1,3}(?:,${S}*\\d{1,3}){0,10}${S}+)?[Đđ]iều${S}+)?\\d{1,4}){1,30})(?<own>${S}+(?:của${S}+)?(?:${TYPE_NAMES})${S}+này)?${E}`, 'gu'),
    needs: /[Đđ]iều[ \u00a0]+\d/,
    examples: [
      ['các điều 6, 7 và 8', { scope: 'internal', pinpoint: { dieuList: ['6', '7', '8'] } }],
      ['Điều 12 và Điều 13 quy định', { scope: 'internal', pinpoint: { dieuList: ['12', '13'] } }],
      ['a) Bãi bỏ Điều 14, Điều 15 và khoản 3 Điều 30;', { scope: 'internal', pinpoint: { dieu: '14', dieuList: ['14', '15'], more: [{ dieu: '30', khoan: '3' }] } }],
    ],
    counterExamples: ['Điều 5. Phạm vi'],
  },
  {
    id: 'named-law',
    note: 'A law, code or ordinance cited by its name, no number, in any case: "Điều 12 Luật Cư trú", "Bộ luật dân sự", "Luật đất đai", "Pháp lệnh thương phiếu ngày 24 tháng 12 năm 1999", "Luật Phòng, chống tham nhũng", "Luật sửa đổi, bổ sung một số điều của Luật Giám định tư pháp". The type word is capitalised ("pháp luật về đất đai", "theo quy định của luật" are topics); the name runs to a function word ("số", "năm", "quy định", "hết", "các" …); a comma or "và" continues it only before a lower-case word that is not one; "Luật sư" is a lawyer. A year or a date written right after it is kept.',
    re: new RegExp(
      `${B}${PIN}(?<type>Bộ luật|Luật|Pháp lệnh|BỘ LUẬT|LUẬT|PHÁP LỆNH)${S}+(?<name>(?:${AMENDING}${S}+)?(?!${NAME_FIRST_STOP})[\\p{L}]{1,12}(?:(?:${S}+(?!${NAME_STOP2})|,${S}*(?=\\p{Ll})(?!${NAME_STOP2})|${S}+và${S}+(?!${NAME_STOP2}|${AND_STOP}))[\\p{L}]{1,12}(?:${S}*\\([\\p{L}/]{2,12}\\))?){0,12})(?:${S}*\\((?:sửa đổi)\\))?(?:,?${S}+(?:năm${S}+)?(?<year>(?:19|20)\\d{2})(?![\\d/.-]))?`,
      'gu',
    ),
    needs: /Luật|Bộ luật|Pháp lệnh|LUẬT|PHÁP LỆNH/,
    examples: [
      ['Điều 12 Luật Cư trú', { name: 'Luật Cư trú', type: 'luat', pinpoint: { dieu: '12' } }],
      ['theo Bộ luật Hình sự', { name: 'Bộ luật Hình sự', type: 'bo-luat' }],
      ['theo Luật Đất đai năm 2013', { name: 'Luật Đất đai', type: 'luat', year: '2013', text: 'Luật Đất đai năm 2013' }],
      ['khoản 2 Điều 5 Luật Đất đai 2013', { name: 'Luật Đất đai', year: '2013', pinpoint: { khoan: '2', dieu: '5' } }],
      ['Luật Đất đai năm 2013/QH13', { name: 'Luật Đất đai', text: 'Luật Đất đai' }],
      ['3. Trường hợp pháp luật có quy định khác thì thực hiện theo quy định của Luật đất đai và các văn bản', { name: 'Luật đất đai', type: 'luat', text: 'Luật đất đai' }],
      ['Căn cứ theo quy định của Bộ luật dân sự thì', { name: 'Bộ luật dân sự', type: 'bo-luat', text: 'Bộ luật dân sự' }],
      ['Luật Thương mại ngày 10 tháng 5 năm 1997 hết hiệu lực', { name: 'Luật Thương mại', date: '1997-05-10', year: '1997', text: 'Luật Thương mại' }],
      ['Pháp lệnh Đê điều ngày 24 tháng 8 năm 2000', { name: 'Pháp lệnh Đê điều', type: 'phap-lenh', date: '2000-08-24' }],
      ['Pháp lệnh thương phiếu ngày 24 tháng 12 năm 1999 và các văn bản', { name: 'Pháp lệnh thương phiếu', type: 'phap-lenh', text: 'Pháp lệnh thương phiếu' }],
      ['thi hành Luật Phòng, chống tham nhũng, bao gồm', { name: 'Luật Phòng, chống tham nhũng', text: 'Luật Phòng, chống tham nhũng' }],
      ['Luật Hôn nhân và gia đình quy định', { name: 'Luật Hôn nhân và gia đình', text: 'Luật Hôn nhân và gia đình' }],
      ['Luật Tố cáo hết hiệu lực', { name: 'Luật Tố cáo', text: 'Luật Tố cáo' }],
      ['theo quy định của Luật sửa đổi, bổ sung một số điều của Luật Giám định tư pháp năm 2020, quy định', { name: 'Luật sửa đổi, bổ sung một số điều của Luật Giám định tư pháp', year: '2020' }],
      ['Luật tổ chức Hội đồng nhân dân và Uỷ ban nhân dân (sửa đổi) ngày 21 tháng 6 năm 1994', { name: 'Luật tổ chức Hội đồng nhân dân và Uỷ ban nhân dân', date: '1994-06-21' }],
    ],
    counterExamples: ['Luật này', 'Luật số 53/2014/QH13', 'theo quy định của luật', 'theo quy định của pháp luật về đất đai', 'Luật sư có quyền', 'Đoàn Luật sư tỉnh', 'theo quy định của Luật và', 'Luật khác có liên quan'],
  },
  {
    id: 'constitution',
    note: 'The Constitution, by name: "Hiến pháp", "Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992". Not the act of making one ("dự thảo Hiến pháp", "làm Hiến pháp, sửa đổi Hiến pháp"). Inside the Constitution it is the document itself.',
    re: new RegExp(`${B}${PIN}(?<!(?:dự thảo|làm|sửa đổi|soạn thảo|xây dựng|thảo)${S})(?<type>Hiến pháp|HIẾN PHÁP)(?<name>${S}+nước${S}+Cộng${S}+h(?:oà|òa)${S}+xã${S}+hội${S}+chủ${S}+nghĩa${S}+Việt${S}+Nam)?(?:,?${S}+(?:năm${S}+)?(?<year>(?:19|20)\\d{2})(?![\\d/.-]))?${E}`, 'gu'),
    needs: /Hiến pháp|HIẾN PHÁP/,
    examples: [
      ['trái với Hiến pháp, luật', { name: 'Hiến pháp', type: 'hien-phap', text: 'Hiến pháp' }],
      ['Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;', { name: 'Hiến pháp', type: 'hien-phap', text: 'Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam' }],
      ['Căn cứ vào Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992;', { name: 'Hiến pháp', year: '1992' }],
      ['theo Hiến pháp năm 2013', { name: 'Hiến pháp', year: '2013', text: 'Hiến pháp năm 2013' }],
    ],
    counterExamples: ['Quốc hội quyết định việc làm Hiến pháp, sửa đổi Hiến pháp khi', 'lấy ý kiến về dự thảo Hiến pháp', 'Hiến pháp'.toLowerCase()],
  },
  {
    id: 'old-number',
    note: 'Numbers of the 1970s–1990s without a year or a slash ("Nghị định số 206-CP", "Quyết định số 111-HĐBT"): a type name, "số", and one of the old issuer codes (CP, HĐBT, TTg, HĐCP, HĐNN).',
    re: new RegExp(`${B}${PIN}${TYPE}${S}+${SO}(?<old>\\d{1,5}${S}?-${S}?(?:CP|HĐBT|TTg|HĐCP|HĐNN\\d{0,2}))(?![\\p{L}\\d/-])`, 'gu'),
    needs: /\d[ \u00a0]?-[ \u00a0]?(?:CP|HĐBT|TTg|HĐCP|HĐNN)/,
    examples: [
      ['theo Nghị định số 206-CP ngày 30/5/1979', { number: '206-CP', type: 'nghi-dinh', date: '1979-05-30' }],
      ['Quyết định số 111-HĐBT ngày 12/10/1981', { number: '111-HĐBT', type: 'quyet-dinh' }],
    ],
    counterExamples: ['Nghị định số 15/2020/NĐ-CP', 'Chính phủ (CP)'],
  },
  {
    id: 'party-named',
    note: 'Party resolutions named by the plenum or congress that adopted them: "Nghị quyết Hội nghị Trung ương 11 khoá XIII", "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XI" is written with a word number and stays unfound, "Nghị quyết Đại hội XIII", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII". Not "Nghị quyết Đại hội đồng cổ đông" (a company body).',
    re: new RegExp(
      `${B}(?<type>Nghị quyết|nghị quyết)${S}+(?<name>(?:Hội${S}+nghị|hội${S}+nghị)${S}+(?:lần${S}+thứ${S}+\\d{1,2}${S}+)?(?:Ban${S}+Chấp${S}+hành${S}+)?Trung${S}+ương(?:${S}+Đảng)?(?:${S}+(?:lần${S}+thứ${S}+)?\\d{1,2})?(?:,?${S}+kh(?:óa|oá)${S}+[IVXLC]{1,5})?|Đại${S}+hội${S}+(?:(?:đại${S}+biểu${S}+toàn${S}+quốc|Đảng${S}+toàn${S}+quốc|toàn${S}+quốc)${S}+)?(?:lần${S}+thứ${S}+)?[IVXLC]{1,5})(?![\\p{L}\\d])`,
      'gu',
    ),
    needs: /[Nn]ghị quyết[ \u00a0]+(?:[Hh]ội nghị|Đại hội)/,
    examples: [
      ['Quán triệt Nghị quyết Hội nghị Trung ương 11 khoá XIII của Đảng', { type: 'nghi-quyet', name: 'Nghị quyết Hội nghị Trung ương 11 khoá XIII' }],
      ['Nghị quyết Đại hội XIII của Đảng', { type: 'nghi-quyet', name: 'Nghị quyết Đại hội XIII', text: 'Nghị quyết Đại hội XIII' }],
      ['thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII', { name: 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII' }],
    ],
    counterExamples: ['Nghị quyết Đại hội đồng cổ đông', 'nghị quyết của Hội nghị'],
  },
  {
    id: 'named-party-text',
    note: 'Party and programme texts by name, no number: "Điều lệ Đảng", "Đề án 06" (a project known by its number alone). Not "Điều lệ công ty", "Điều lệ của tổ chức tín dụng" (classes).',
    re: new RegExp(`${B}${PIN}(?:(?<type>Điều${S}+lệ)${S}+(?<name>Đảng(?:${S}+Cộng${S}+sản${S}+Việt${S}+Nam)?)|(?<type2>Đề${S}+án)${S}+(?:số${S}+)?(?<partial>\\d{1,3}))(?![\\p{L}\\d/-])`, 'gu'),
    needs: /Điều lệ|Đề án/,
    examples: [
      ['theo quy định tại Điều 1 Điều lệ Đảng', { name: 'Điều lệ Đảng', pinpoint: { dieu: '1' } }],
      ['triển khai Đề án 06 của Chính phủ', { number: '06', complete: false }],
    ],
    counterExamples: ['Điều lệ công ty', 'Điều lệ của tổ chức tín dụng', 'Đề án phát triển'],
  },
  {
    id: 'bare-pinpoint',
    note: 'A clause or article written without a document ("quy định tại khoản 3 Điều 25", "a) Bãi bỏ khoản 2 Điều 32;"): a provision of the citing document, or, under a list head that names a text ("Sửa đổi, bổ sung một số điều của Luật X như sau:", "Bãi bỏ … sau đây:"), of that text (findReferences passes the head). Not an article\'s own heading ("Điều 5. Phạm vi") at the start of a line.',
    re: new RegExp(`(?<!^[ \\u00a0]*|\\n[ \\u00a0]*)${B}(?<pin>(?:(?:điểm|Điểm)${S}+[a-zđ](?:,${S}*|${S}+))?(?:(?:khoản|Khoản)${S}+\\d{1,3}[a-zđ]?(?:,${S}*|${S}+))?(?:Điều|điều)${S}+\\d{1,4}[a-zđ]?)(?![\\p{L}\\d]|\\.[ \\u00a0]*\\p{Lu})`, 'gu'),
    needs: /[Đđ]iều[ \u00a0]+\d/,
    examples: [
      ['theo quy định tại khoản 3 Điều 25 thì', { scope: 'internal', pinpoint: { khoan: '3', dieu: '25' } }],
      ['a) Bãi bỏ khoản 2 Điều 32;', { scope: 'internal', pinpoint: { khoan: '2', dieu: '32' } }],
    ],
    counterExamples: ['Điều 5. Phạm vi điều chỉnh', 'Điều 156. Các trường hợp giấy phép lao động hết hiệu lực'],
  },
  {
    id: 'this-part',
    note: 'The article, chapter or section the clause is in: "quy định tại Điều này", "Chương này", "Mục này" (a pinpoint before it is the internal pattern).',
    re: new RegExp(`${B}(?:Điều|Chương|Mục|điều|chương|mục)${S}+này${E}`, 'gu'),
    needs: /này/,
    examples: [['theo quy định tại Điều này', { scope: 'internal', text: 'Điều này' }], ['theo quy định của Chương này', { scope: 'internal' }]],
    counterExamples: ['Luật này'],
  },
];
