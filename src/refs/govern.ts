/**
 * Which reference a verb governs (issue 12). `relationFor` proposes a relation from the
 * nearest trigger; this pass reads the sentence's structure and keeps the relation only on
 * the reference the verb acts on — the subject of "hết hiệu lực", the object of "bãi bỏ",
 * "thay thế", "sửa đổi, bổ sung", "hướng dẫn", "quy định chi tiết", "thực hiện", "căn cứ".
 * Everything else in the sentence is a plain citation: a wrong "ended" is worse than a missed
 * one. Each rule is data with a note and real sentences (relations.test.ts checks them).
 */
import type { Relation } from '../model.ts';

export interface GovernanceRule {
  id: string;
  note: string;
  /** [sentence, reference text in it, relation it must get]. */
  examples: ReadonlyArray<readonly [string, string, Relation]>;
}

export const GOVERNANCE_RULES: readonly GovernanceRule[] = [
  {
    id: 'amending-frame',
    note: 'Laws after "đã được sửa đổi, bổ sung (một số điều) theo/bởi" amend the law named before; the citing document only cites them. The frame runs over a list ("theo Luật số A, Luật số B và Luật số C") and closes at a comma before a text of another type or with a name (a second subject).',
    examples: [
      ['Luật Bảo vệ môi trường số 55/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 35/2018/QH14, Luật số 39/2019/QH14 và Luật số 61/2020/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.', 'Luật số 61/2020/QH14', 'cites'],
      ['Luật Bảo vệ môi trường số 55/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 35/2018/QH14, Luật số 39/2019/QH14 và Luật số 61/2020/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.', 'Luật Bảo vệ môi trường số 55/2014/QH13', 'ends-effect'],
      ['2. Luật nhà ở số 56/2005/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 34/2009/QH12 và Luật số 38/2009/QH12, Nghị quyết số 19/2008/QH12 của Quốc hội về thí điểm cho tổ chức, cá nhân nước ngoài mua và sở hữu nhà ở tại Việt Nam hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.', 'Nghị quyết số 19/2008/QH12', 'ends-effect'],
      ['2. Luật nhà ở số 56/2005/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 34/2009/QH12 và Luật số 38/2009/QH12, Nghị quyết số 19/2008/QH12 của Quốc hội về thí điểm cho tổ chức, cá nhân nước ngoài mua và sở hữu nhà ở tại Việt Nam hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.', 'Luật số 38/2009/QH12', 'cites'],
      ['Căn cứ vào Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992 đã được sửa đổi, bổ sung theo Nghị quyết số 51/2001/QH10 ngày 25 tháng 12 năm 2001 của Quốc hội khoá X, kỳ họp thứ 10;', 'Nghị quyết số 51/2001/QH10', 'cites'],
    ],
  },
  {
    id: 'amending-frame-plain',
    note: 'The same frame written without "đã" ("được sửa đổi, bổ sung một số điều theo …") or with "theo quy định của"; not the source notes\' "có nội dung được sửa đổi bởi", which name the amending text (amended-by).',
    examples: [
      ['2. Luật Phòng, chống tham nhũng số 55/2005/QH11 được sửa đổi, bổ sung một số điều theo Luật số 01/2007/QH12 và Luật số 27/2012/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.', 'Luật số 27/2012/QH13', 'cites'],
      ['2. Luật Phòng, chống tham nhũng số 55/2005/QH11 được sửa đổi, bổ sung một số điều theo Luật số 01/2007/QH12 và Luật số 27/2012/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.', 'Luật Phòng, chống tham nhũng số 55/2005/QH11', 'ends-effect'],
      ['(Điều 5 Nghị định số 23/2015/NĐ-CP, có nội dung được sửa đổi bởi Điều 1 Nghị định số 07/2025/NĐ-CP)', 'Điều 1 Nghị định số 07/2025/NĐ-CP', 'amended-by'],
    ],
  },
  {
    id: 'inside-title',
    note: 'What is named inside the title of a numbered text ("… số 03/2006/TT-NHNN … về việc hướng dẫn một số nội dung tại Nghị định số 89/1999/NĐ-CP …") is cited, whatever verb governs the sentence. The title runs to a semicolon; after "và" or a comma, a numbered text with its own date and title starts a new item when the title before named nothing, or, inside a title that did, when it is of the first item\'s type; a new item is replaced or repealed like the first.',
    examples: [
      ['2. Bãi bỏ Thông tư số 03/2006/TT-NHNN ngày 25/4/2006 của Thống đốc Ngân hàng Nhà nước về việc hướng dẫn một số nội dung tại Nghị định số 89/1999/NĐ-CP ngày 01/9/1999 của Chính phủ về bảo hiểm tiền gửi và Nghị định số 109/2005/NĐ-CP ngày 24/8/2005 của Chính phủ về việc sửa đổi, bổ sung một số điều của Nghị định số 89/1999/NĐ-CP ngày 01/9/1999 của Chính phủ về bảo hiểm tiền gửi.', 'Nghị định số 109/2005/NĐ-CP', 'cites'],
      ['2. Bãi bỏ Thông tư số 03/2006/TT-NHNN ngày 25/4/2006 của Thống đốc Ngân hàng Nhà nước về việc hướng dẫn một số nội dung tại Nghị định số 89/1999/NĐ-CP ngày 01/9/1999 của Chính phủ về bảo hiểm tiền gửi.', 'Thông tư số 03/2006/TT-NHNN', 'repeals'],
      ['2. Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật Hình sự số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 ngày 29 tháng 6 năm 2016 của Quốc hội về việc lùi hiệu lực thi hành của Bộ luật Hình sự số 100/2015/QH13, Bộ luật Tố tụng hình sự số 101/2015/QH13, Luật Tổ chức cơ quan điều tra hình sự số 99/2015/QH13 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.', 'Bộ luật Tố tụng hình sự số 101/2015/QH13', 'cites'],
      ['2. Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật Hình sự số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 ngày 29 tháng 6 năm 2016 của Quốc hội về việc lùi hiệu lực thi hành của Bộ luật Hình sự số 100/2015/QH13, Bộ luật Tố tụng hình sự số 101/2015/QH13, Luật Tổ chức cơ quan điều tra hình sự số 99/2015/QH13 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.', 'Nghị quyết số 144/2016/QH13', 'ends-effect'],
      ['Quyết định này có hiệu lực sau 15 ngày kể từ ngày đăng công báo và thay thế Quyết định số 245/QĐ-NHNN7 ngày 2/8/2000 của Thống đốc NHNN về việc thực hiện cơ chế thanh toán tạm thời bằng VND và LAK giữa Việt Nam và Lào, Quyết định số 611/2002/QĐ-NHNN ngày 13/6/2002 của Thống đốc NHNN về việc sửa đổi Điều 12 Quyết định số 245/QĐ-NHNN7.', 'Điều 12 Quyết định số 245/QĐ-NHNN7', 'cites'],
      ['Quyết định này có hiệu lực sau 15 ngày kể từ ngày đăng công báo và thay thế Quyết định số 245/QĐ-NHNN7 ngày 2/8/2000 của Thống đốc NHNN về việc thực hiện cơ chế thanh toán tạm thời bằng VND và LAK giữa Việt Nam và Lào, Quyết định số 611/2002/QĐ-NHNN ngày 13/6/2002 của Thống đốc NHNN về việc sửa đổi Điều 12 Quyết định số 245/QĐ-NHNN7.', 'Quyết định số 611/2002/QĐ-NHNN', 'replaces'],
      ['2. Pháp lệnh số 34/2007/PL-UBTVQH11 ngày 20 tháng 4 năm 2007 của Ủy ban Thường vụ Quốc hội về thực hiện dân chủ ở xã, phường, thị trấn và Nghị quyết số 55/1998/NQ-UBTVQH10 ngày 30 tháng 8 năm 1998 của Ủy ban Thường vụ Quốc hội về việc ban hành quy chế thực hiện dân chủ trong hoạt động của cơ quan hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.', 'Nghị quyết số 55/1998/NQ-UBTVQH10', 'ends-effect'],
      ['Nghị định này thay thế Nghị định số 78/2009/NĐ-CP ngày 22 tháng 9 năm 2009 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Quốc tịch Việt Nam và Nghị định số 97/2014/NĐ-CP ngày 17 tháng 10 năm 2014 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 78/2009/NĐ-CP ngày 22 tháng 9 năm 2009 của Chính phủ quy định chi tiết và hướng dẫn thi hành Luật Quốc tịch Việt Nam.', 'Nghị định số 97/2014/NĐ-CP', 'replaces'],
    ],
  },
  {
    id: 'condition',
    note: 'A changing verb under a condition, a proposal or made a noun ("trường hợp có sự sửa đổi, bổ sung hoặc thay thế Thông tư số … thì", "đề xuất … thay thế …", "việc sửa đổi …") is not the citing document\'s act: cites. Also "trường hợp X hết hiệu lực thì".',
    examples: [
      ['trường hợp có sự sửa đổi, bổ sung hoặc thay thế Thông tư số 05/2016/TT-BTTTT thì thực hiện theo quy định mới.', 'Thông tư số 05/2016/TT-BTTTT', 'cites'],
      ['Nghị định này thay thế Nghị định số 15/2020/NĐ-CP ngày 03/02/2020', 'Nghị định số 15/2020/NĐ-CP', 'replaces'],
    ],
  },
  {
    id: 'verb-inside-reference',
    note: 'A verb that is part of another reference\'s name ("khoản 5 Điều 1 Luật sửa đổi, bổ sung một số điều của Luật Giám định tư pháp, khoản 10 Điều 1 Nghị định số …") governs nothing.',
    examples: [
      ['1. Trình tự, thủ tục bổ nhiệm, cấp thẻ, miễn nhiệm và thu hồi thẻ giám định viên tư pháp trong lĩnh vực tài chính được thực hiện theo quy định tại Điều 9 Luật Giám định tư pháp, khoản 5, khoản 6 Điều 1 Luật sửa đổi, bổ sung một số điều của Luật Giám định tư pháp, khoản 10 Điều 1 Nghị định số 157/2020/NĐ-CP ngày 31/12/2020 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 85/2013/NĐ-CP.', 'khoản 10 Điều 1 Nghị định số 157/2020/NĐ-CP', 'cites'],
    ],
  },
  {
    id: 'title-frame',
    note: 'A verb right after a numbered text (its date and issuer between) is that text\'s title ("Nghị định số 76/2012/NĐ-CP … của Chính phủ quy định chi tiết … Luật Tố cáo"): what the title names is cited, not acted on by the citing document.',
    examples: [
      ['2. Nghị định số 76/2012/NĐ-CP ngày 03 tháng 10 năm 2012 của Chính phủ quy định chi tiết thi hành một số điều của Luật Tố cáo hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.', 'Luật Tố cáo', 'cites'],
      ['2. Nghị định số 76/2012/NĐ-CP ngày 03 tháng 10 năm 2012 của Chính phủ quy định chi tiết thi hành một số điều của Luật Tố cáo hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.', 'Nghị định số 76/2012/NĐ-CP', 'ends-effect'],
    ],
  },
  {
    id: 'except',
    note: 'After the ending verb, "trừ …" names what keeps effect ("hết hiệu lực …, trừ Điều 75 của Luật Đầu tư số 67/2014/QH14"): continues-effect, never an end.',
    examples: [
      ['3. Luật Đầu tư số 67/2014/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số 90/2015/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ trường hợp quy định tại Điều 75 của Luật Đầu tư số 67/2014/QH14.', 'Điều 75 của Luật Đầu tư số 67/2014/QH14', 'continues-effect'],
    ],
  },
  {
    id: 'object',
    note: 'An active verb (bãi bỏ, thay thế, sửa đổi, bổ sung, quy định chi tiết, hướng dẫn, đính chính) acts on what follows it — pinpoints, "một số điều của", "các quy định về … tại", list punctuation — not on a law named after "theo quy định của", after another object ("hủy bỏ nghị quyết, quyết định của Đại hội đồng cổ đông"), or after a condition ("thì", "khi", "trường hợp").',
    examples: [
      ['Bãi bỏ điểm d khoản 1 Điều 44 và Điều 58 của Luật Thủy lợi số 08/2017/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số 35/2018/QH14 và Luật số 59/2020/QH14.', 'Luật số 59/2020/QH14', 'cites'],
      ['Bãi bỏ điểm d khoản 1 Điều 44 và Điều 58 của Luật Thủy lợi số 08/2017/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số 35/2018/QH14 và Luật số 59/2020/QH14.', 'điểm d khoản 1 Điều 44 và Điều 58 của Luật Thủy lợi số 08/2017/QH14', 'repeals'],
      ['c) Cổ đông, nhóm cổ đông có quyền đề nghị đình chỉ, hủy bỏ nghị quyết, quyết định của Đại hội đồng cổ đông, Hội đồng quản trị theo quy định của Luật Doanh nghiệp số 59/2020/QH14.', 'Luật Doanh nghiệp số 59/2020/QH14', 'cites'],
      ['Luật này thay thế Luật Xuất bản số 30/2004/QH11.', 'Luật Xuất bản số 30/2004/QH11', 'replaces'],
      ['1. Sửa đổi, bổ sung một số điều của Luật Thi hành án dân sự số 26/2008/QH12 đã được sửa đổi, bổ sung một số điều theo Luật số 64/2014/QH13 như sau:', 'Luật Thi hành án dân sự số 26/2008/QH12', 'amends'],
    ],
  },
  {
    id: 'words-replaced',
    note: '"Thay thế cụm từ … tại … của Luật X", "bãi bỏ cụm từ … tại": replacing or removing words is a textual amendment; the law stays in force.',
    examples: [
      ['Thay thế cụm từ “cơ quan quản lý nhà nước” bằng cụm từ “cơ quan nhà nước” tại khoản 2 Điều 5 của Luật Ngân sách nhà nước số 83/2015/QH13.', 'khoản 2 Điều 5 của Luật Ngân sách nhà nước số 83/2015/QH13', 'amends'],
      ['bãi bỏ cụm từ “kiểm soát thủ tục hành chính” tại điểm c khoản 2 Điều 174 Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ.', 'điểm c khoản 2 Điều 174 Nghị định số 34/2016/NĐ-CP', 'amends'],
    ],
  },
  {
    id: 'implements-close',
    note: '"thực hiện", "triển khai", "quán triệt" implement only the text right after them ("triển khai thực hiện Kết luận số 221-KL/TW"); "thực hiện theo quy định của …", "thực hiện việc … theo …" apply a rule: cites.',
    examples: [
      ['về việc triển khai thực hiện Kết luận số 221-KL/TW ngày 28/11/2025 của Bộ Chính trị', 'Kết luận số 221-KL/TW', 'implements'],
      ['Thời hiệu khiếu nại được thực hiện theo quy định của Luật Khiếu nại số 02/2011/QH13.', 'Luật Khiếu nại số 02/2011/QH13', 'cites'],
    ],
  },
  {
    id: 'based-on-preamble',
    note: 'Only the citing document\'s own basis — a sentence that begins "Căn cứ (vào)" with the text right after it — is based-on; "Căn cứ quy định của …, Chính phủ quy định" or "căn cứ các quy định … tại Nghị định …" in a body is someone\'s act: cites.',
    examples: [
      ['Căn cứ Luật số 53/2014/QH13', 'Luật số 53/2014/QH13', 'based-on'],
      ['2. Căn cứ các quy định về điều kiện, hồ sơ, thủ tục tại Nghị định số 24/2012/NĐ-CP và Thông tư này, Vụ Quản lý Ngoại hối trình Thống đốc xem xét.', 'Nghị định số 24/2012/NĐ-CP', 'cites'],
    ],
  },
];

/** What the pass needs of each found reference. */
export interface Governed {
  start: number;
  end: number;
  relation: Relation;
  trigger?: string;
  scope: 'document' | 'self' | 'internal';
  type?: string;
  named: boolean;
  /** Set by the pass: the changing relation it took away when unsure (see `Reference.relationCandidate`). */
  candidate?: Relation;
  /** Written with its full number: only such a text has a title after it ("… số 76/2012/NĐ-CP … quy định chi tiết …"). */
  numbered?: boolean;
  sentenceStart: number;
  sentenceEnd: number;
}

// "đã được" or plain "được" ("… số 55/2005/QH11 được sửa đổi, bổ sung một số điều theo Luật số 01/2007/QH12 …"), "theo quy định của".
// Not the source notes' "có nội dung được sửa đổi bởi" (amended-by).
const AMENDING_FRAME = /(?:đã được (?:sửa đổi, bổ sung|sửa đổi|bổ sung)(?: một số (?:điều|Điều|điểm))?(?: theo| bởi| tại)?|(?<!nội dung )được (?:sửa đổi, bổ sung|sửa đổi|bổ sung)(?: một số (?:điều|Điều|điểm))? theo)(?: quy định (?:của|tại))?(?=[ \u00a0])/giu;
const ENDS = /(?:hết|không còn|chấm dứt) (?:hiệu|liệu) lực/iu;
const LIST_JOIN = /^[ \u00a0]*(?:,|;|và|hoặc)?[ \u00a0]*(?:và[ \u00a0]+)?$/u;
/** Between a numbered text and a verb: its date and issuer only ("ngày 03 tháng 10 năm 2012 của Chính phủ"). */
const TITLE_GAP = /^[ \u00a0]*,?[ \u00a0]*(?:(?:ban hành[ \u00a0]+)?ngày[ \u00a0]+[\d/ \u00a0tháng năm-]{1,30}?[ \u00a0]*)?,?[ \u00a0]*(?:của[ \u00a0]+[^,;.:]{1,80}?[ \u00a0]*)?(?:về việc[ \u00a0]+|về[ \u00a0]+)?$/u;
/** Words that show the verb acts on something else, or applies a rule, between it and the reference. */
const BLOCK = /(?<![\p{L}])(?:theo|căn cứ|áp dụng|trường hợp|nếu|khi|thì|đối với|đề nghị|yêu cầu|nghị quyết|quyết định|hợp đồng|giấy|bản án|thỏa thuận|thoả thuận|tình trạng|kết luận|biện pháp|hồ sơ|tài sản|được|bị|mà|để|do)(?![\p{L}])/iu;
/** What may sit between a verb and its object: pinpoints, lists, "một số điều của", "nội dung", "quy định tại". */
const OBJECT_WORDS = /(?:(?<![\p{L}])(?:các|những|một số|toàn bộ|nêu|điều|điểm|khoản|mục|tiểu mục|chương|phần|phụ lục|số|của|tại|thuộc|và|hoặc|đến|nội dung|quy định|thi hành|thực hiện|biện pháp thi hành|hướng dẫn thi hành|ban hành kèm theo|kèm theo|như sau|chi tiết|này)(?![\p{L}])|[\dIVXLC]+(?:\.\d+)*[a-zđ]?|(?<![\p{L}])[a-zđ](?![\p{L}])|§|[,;:()\s\u00a0–-])/giu;
// Party texts: "triển khai, hoàn thành các nhiệm vụ … được giao tại các kết luận của Bộ Chính trị, Ban Bí thư, nhất là Kết luận số 195-KL/TW".
const IMPLEMENT_WORDS = /(?:(?<![\p{L}])(?:các|những|có hiệu quả|nghiêm túc|tốt|đúng|và|hoặc|của|điều|điểm|khoản|mục|tại|hoàn thành|nhiệm vụ|giải pháp|thuộc thẩm quyền|được giao|đề ra|nêu|nhất là|đặc biệt là|trong đó có|kết luận|nghị quyết|chỉ thị|bộ chính trị|ban bí thư|ban chấp hành trung ương|chủ động|khẩn trương)(?![\p{L}])|[\dIVXLC]+[a-zđ]?|(?<![\p{L}])[a-zđ](?![\p{L}])|§|[,;:()\s\u00a0–-])/giu;

/** Relations that change or end the target: only these need the condition check (a wrong one shows a text in force as changed). */
const CHANGES = new Set<Relation>(['repeals', 'replaces', 'amends', 'supplements']);
const ACTIVE = new Set<Relation>(['repeals', 'replaces', 'amends', 'supplements', 'guides', 'implements', 'based-on', 'corrects']);

/**
 * Re-decides the relation of every reference in `refs` (all from `text`, in order) from the
 * sentence's structure. Mutates and returns `refs`; passive "-by" relations of source notes
 * and report links are left as they are.
 */
export function govern<T extends Governed>(text: string, refs: T[]): T[] {
  const lower = text.toLowerCase();
  endsCache.clear();
  // Amending frames: the references inside are cited by the citing document.
  const inFrame = new Set<number>();
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    const win = text.slice(Math.max(r.sentenceStart, r.start - 70), r.start);
    const m = [...win.matchAll(AMENDING_FRAME)].at(-1);
    if (!m || win.length - (m.index + m[0].length) > 12 || inFrame.has(i)) continue;
    inFrame.add(i);
    for (let k = i + 1; k < refs.length; k++) {
      const prev = refs[k - 1]!;
      const cur = refs[k]!;
      if (cur.sentenceStart !== r.sentenceStart) break;
      const gap = text.slice(prev.end, cur.start);
      const dated = gap.replace(/^[ \u00a0]*(?:,[ \u00a0]*)?ngày[ \u00a0]+[\d/ \u00a0thángnăm]{1,30}/u, '').replace(/^[ \u00a0]*của (?:Quốc hội|Chính phủ|Ủy ban Thường vụ Quốc hội)(?: khoá [IVXL]+)?/u, '');
      if (!LIST_JOIN.test(dated)) break;
      // A comma before a text of another type, or one written with its name, starts a new subject.
      if (!/và/.test(dated) && (cur.type !== r.type || cur.named)) break;
      inFrame.add(k);
    }
  }
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    if (r.scope !== 'self' && !r.relation.endsWith('-by') && !inFrame.has(i) && exceptAfterEnds(lower, refs, i)) {
      r.relation = 'continues-effect';
      r.trigger = 'trừ';
      continue;
    }
    if (r.scope !== 'document' || r.relation === 'cites') continue;
    if (r.relation.endsWith('-by') || r.relation === 'attached' || r.relation === 'reports-on') {
      if (inFrame.has(i)) r.relation = 'cites';
      continue;
    }
    if (inFrame.has(i)) {
      demote(r);
      continue;
    }
    if (r.relation === 'ends-effect') {
      const sentence = lower.slice(r.sentenceStart, r.sentenceEnd);
      const verb = ENDS.exec(sentence);
      const at = verb ? r.sentenceStart + verb.index : -1;
      if (at >= 0 && at < r.start) {
        // After the verb: "…, trừ Điều 75 của Luật Đầu tư …" keeps effect; anything else is cited.
        const between = lower.slice(at, r.start);
        r.relation = /(?<![\p{L}])trừ(?![\p{L}])/u.test(between) ? 'continues-effect' : 'cites';
        if (r.relation === 'cites') delete r.trigger;
        continue;
      }
      if (inTitle(text, refs, i) || conditional(lower, r.sentenceStart, r.start)) doubt(r);
      continue;
    }
    if (!ACTIVE.has(r.relation)) continue;
    const t = triggerAt(lower, r);
    if (t < 0) continue;
    const trigger = r.trigger!.toLowerCase();
    // The verb is part of another reference ("… Điều 1 Luật sửa đổi, bổ sung một số điều của Luật Giám định tư pháp, khoản 10 Điều 1 Nghị định số …"): no verb at all.
    if (refs.some((q) => q !== r && q.start <= t && t < q.end)) {
      demote(r);
      continue;
    }
    // A condition, a proposal or a noun ("trường hợp có sự sửa đổi, bổ sung hoặc thay thế Thông tư số … thì",
    // "việc sửa đổi Luật …"): not the citing document's act.
    if (CHANGES.has(r.relation) && (conditional(lower, r.sentenceStart, t) || /(?<![\p{L}])(?:sự|việc)[ \u00a0]+$/u.test(lower.slice(Math.max(r.sentenceStart, t - 8), t)))) {
      doubt(r);
      continue;
    }
    // The verb belongs to the title of a text named right before it.
    if (titleBefore(text, refs, t, r.sentenceStart)) {
      doubt(r);
      continue;
    }
    // Passive: "được thay thế", "bị bãi bỏ" — what follows is not the object.
    if (/(?:được|bị)[ \u00a0]*$/u.test(lower.slice(Math.max(r.sentenceStart, t - 8), t)) && r.relation !== 'based-on') {
      demote(r);
      continue;
    }
    let gap = mask(lower, refs, t + trigger.length, r.start);
    if (r.relation === 'replaces' || r.relation === 'amends' || r.relation === 'repeals') {
      // "Thay thế cụm từ “…” bằng cụm từ “…” tại …": replacing words amends the text.
      if (/^[ \u00a0]*(?:các[ \u00a0]+)?(?:cụm từ|từ|dấu|chữ)[ \u00a0]/u.test(gap)) {
        gap = gap.replace(/[“"][^”"]*[”"]/gu, ' ').replace(/(?:các[ \u00a0]+)?(?:cụm từ|từ|dấu|chữ|bằng|trước|sau)(?![\p{L}])/gu, ' ');
        // Removing or replacing words ("bãi bỏ cụm từ … tại", "thay thế cụm từ …") amends the text; it stays in force.
        if (r.relation === 'replaces' || r.relation === 'repeals') r.relation = 'amends';
      }
      // "Bãi bỏ quy định về việc cấp giấy chứng nhận … tại khoản 3 …": the provisions on a matter.
      gap = gap.replace(/(?:các[ \u00a0]+|những[ \u00a0]+)?quy định[ \u00a0]+về[^§;]{1,120}?(?=[ \u00a0](?:tại|của|trong)[ \u00a0])/u, ' ');
    }
    if (r.relation === 'based-on' && trigger !== 'căn cứ') continue;
    if (r.relation === 'based-on') {
      const head = lower.slice(r.sentenceStart, t).replace(/^[\s\d.)a-zđ]*?(?=căn cứ)/u, '');
      const rest = gap.replace(/§/g, '').replace(/[ \u00a0,;]|vào|và/gu, '');
      if (head !== '' || rest !== '') demote(r);
      continue;
    }
    if (r.relation === 'implements') {
      if (gap.replace(IMPLEMENT_WORDS, '').trim() !== '' || gap.length > 200) demote(r);
      continue;
    }
    if (!objectGap(gap)) demote(r);
  }
  // A list under one verb runs past what the nearest-trigger rule reaches: "Thay thế cụm từ … tại A;
  // B đã được sửa đổi … theo C; D …" — every later item the verb still governs (nothing but objects
  // and other items between) takes its relation.
  let head: { relation: Relation; trigger: string; end: number; sentenceStart: number } | undefined;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    if (head && head.sentenceStart !== r.sentenceStart) head = undefined;
    if (r.scope !== 'document' || inFrame.has(i)) continue;
    if (LIST_HEADS.has(r.relation) && r.trigger) {
      const t = triggerAt(lower, r);
      if (t >= 0 && (!head || head.end !== t + r.trigger.length)) head = { relation: r.relation, trigger: r.trigger, end: t + r.trigger.length, sentenceStart: r.sentenceStart };
      continue;
    }
    if (head && r.relation === 'cites') {
      let gap = mask(lower, refs, head.end, r.start).replace(/[“"][^”"]*[”"]/gu, ' ').replace(/(?:các[ \u00a0]+)?(?:cụm từ|từ|dấu|chữ|bằng|trước|sau)(?![\p{L}])/gu, ' ');
      gap = gap.replace(/(?:các[ \u00a0]+|những[ \u00a0]+)?quy định[ \u00a0]+về[^§;]{1,120}?(?=[ \u00a0](?:tại|của|trong)[ \u00a0])/u, ' ');
      if (objectGap(gap, 600)) {
        r.relation = head.relation;
        r.trigger = head.trigger;
      }
    }
  }
  // Titles: what is named inside the title of a numbered text is cited, whatever verb governs the sentence.
  const titles = inTitles(text, refs);
  for (const i of titles.inside) {
    const r = refs[i]!;
    if (r.relation === 'cites' || r.relation === 'continues-effect' || r.relation.endsWith('-by') || r.relation === 'attached' || r.relation === 'reports-on') continue;
    doubt(r);
  }
  // A second item after a title ("thay thế Nghị định số 07/2007/NĐ-CP … quy định chi tiết … Luật Trợ giúp pháp lý,
  // Nghị định số 14/2013/NĐ-CP …") is replaced or repealed like the first.
  for (const [i, h] of titles.nextItem) {
    const r = refs[i]!;
    const first = refs[h]!;
    if (r.relation === 'cites' && (first.relation === 'replaces' || first.relation === 'repeals') && first.trigger) {
      r.relation = first.relation;
      r.trigger = first.trigger;
    }
  }
  return refs;
}

/** What may open a title after a numbered text, its date and issuer: "về việc", "quy định chi tiết", "sửa đổi, bổ sung" … */
const TITLE_OPEN = /(?<![\p{L}])(?:về|quy định|hướng dẫn|sửa đổi|bổ sung|ban hành|thi hành|lùi|phê duyệt|thực hiện|điều chỉnh|thành lập|công bố)(?![\p{L}])/u;
/** The issuer (no comma, no "hiệu lực") then a title word: " của Chính phủ quy định chi tiết …". */
const TITLE_AFTER = new RegExp(`^(?:của(?:(?!hiệu lực)[^;,.]){1,80}?)?[ \\u00a0]*${TITLE_OPEN.source}`, 'u');
/** Between two references of one list: punctuation, "và", "hoặc", a date, a closing parenthesis. */
const LIST_ONLY = /^(?:[ \u00a0]*(?:,|và|hoặc|\)|(?:,[ \u00a0]*)?ngày[ \u00a0]+[\d/ \u00a0thángnăm-]{1,30}))*[ \u00a0]*$/u;
/** A date and issuer right after a text: ", ngày 25/8/2008 của Bộ Tư pháp". */
const DATE_BY = /^[ \u00a0]*,?[ \u00a0]*(?:(?:ban hành[ \u00a0]+)?ngày[ \u00a0]+[\d/ \u00a0thángnăm-]{1,30})?[ \u00a0]*,?[ \u00a0]*/u;

/**
 * The references inside the title of a numbered text named before them in the same sentence:
 * "Bãi bỏ Thông tư số 03/2006/TT-NHNN … về việc hướng dẫn một số nội dung tại **Nghị định số
 * 89/1999/NĐ-CP** … và **Nghị định số 109/2005/NĐ-CP** …", "Nghị quyết số 144/2016/QH13 … về việc
 * lùi hiệu lực thi hành của **Bộ luật Hình sự số 100/2015/QH13**, **Bộ luật Tố tụng hình sự …** hết
 * hiệu lực". A title opens with a title word after the text's date and issuer; it runs until a
 * semicolon, or until a list word brings a text of the head's own type that has a title of its own
 * ("… thi hành Bộ luật Hình sự số 100/2015/QH13 và **Nghị quyết số 144/2016/QH13** ngày … về việc …":
 * a second head). When unsure, the reference is taken as in the title: cited, never changed.
 */
function inTitles(text: string, refs: readonly Governed[]): { inside: Set<number>; nextItem: Map<number, number> } {
  const out = new Set<number>();
  const nextItem = new Map<number, number>();
  const lower = text.toLowerCase();
  let head: Governed | undefined;
  let p = -1;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    if (r.scope !== 'document') continue;
    const prev = refs[p];
    if (!prev || prev.sentenceStart !== r.sentenceStart) {
      head = r;
      p = i;
      continue;
    }
    const gap = lower.slice(prev.end, r.start);
    if (gap.includes(';')) {
      head = r;
    } else if (LIST_ONLY.test(gap)) {
      if (out.has(p)) {
        // A text of the head's type with a title of its own after a list word is a second head.
        const ownTitle = TITLE_AFTER.test(lower.slice(r.end, r.end + 160).replace(DATE_BY, ''));
        if (r.type === head!.type && r.numbered && ownTitle && /và|,/u.test(gap)) {
          nextItem.set(i, refs.indexOf(head!));
          head = r;
        } else out.add(i);
      } else head = r.numbered ? r : head;
    } else {
      // Words between: the previous text's title, if it opens with a title word after its date and issuer.
      const opened = prev.numbered && TITLE_AFTER.test(gap.replace(DATE_BY, ''));
      if (opened || out.has(p)) {
        // After a list word, a numbered text starts a new item when the title before it named nothing
        // ("Pháp lệnh số 34/2007/PL-UBTVQH11 … về thực hiện dân chủ ở xã, phường, thị trấn và Nghị quyết số
        // 55/1998/NQ-UBTVQH10 …"), or, inside a title that did, when it is of the head's own type.
        if (/(?:,|và)[ \u00a0]*$/u.test(gap) && r.numbered && (!out.has(p) || r.type === head!.type)) {
          nextItem.set(i, refs.indexOf(head!));
          head = r;
        } else out.add(i);
      } else if (r.numbered) head = r;
    }
    p = i;
  }
  return { inside: out, nextItem };
}

const LIST_HEADS = new Set<Relation>(['repeals', 'amends', 'replaces', 'supplements']);

/** Only objects between a verb and a reference: no blocking word, nothing but pinpoints and list words. */
function objectGap(gap: string, max = 240): boolean {
  return !BLOCK.test(gap.replace(/§/g, ' ')) && gap.replace(OBJECT_WORDS, '').trim().length === 0 && gap.length <= max;
}

/** Is reference i after "hết hiệu lực …, trừ" in a sentence whose ended text is named before the verb? */
const endsCache = new Map<number, number>();
function exceptAfterEnds(lower: string, refs: readonly Governed[], i: number): boolean {
  const r = refs[i]!;
  // The verb's place, once per sentence.
  let at = endsCache.get(r.sentenceStart);
  if (at === undefined) {
    const m = ENDS.exec(lower.slice(r.sentenceStart, r.sentenceEnd));
    at = m ? m.index : -1;
    endsCache.set(r.sentenceStart, at);
  }
  if (at < 0 || r.sentenceStart + at >= r.start) return false;
  const sentence = lower.slice(r.sentenceStart, r.start);
  const verb = ENDS.exec(sentence);
  if (!verb) return false;
  const after = sentence.slice(verb.index);
  const tru = /,[ \u00a0]*trừ(?![\p{L}])/u.exec(after);
  if (!tru || /(?:luật|bộ luật|nghị định|thông tư|pháp lệnh|nghị quyết|quyết định) này[^,;]*$/u.test(after.slice(tru.index)) && r.scope !== 'document') return false;
  // The ended text is named before the verb.
  return refs.some((q) => q.scope === 'document' && q.start >= r.sentenceStart && q.end <= r.sentenceStart + verb.index);
}

/**
 * Words that put a verb under a condition or a proposal: "trường hợp …", "nếu", "khi", "đề nghị",
 * "đề xuất" ("dự thảo sửa đổi Quy định số …" stays: a Party text's own draft). Looked for in the clause before the verb (after the last ";" or ":").
 */
const CONDITION = /(?<![\p{L}])(?:trường hợp|nếu|(?<!kể từ )khi|đề nghị|đề xuất|nghiên cứu|xem xét)(?![\p{L}])/u;
function conditional(lower: string, sentenceStart: number, at: number): boolean {
  const before = lower.slice(Math.max(sentenceStart, at - 300), at);
  const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf(':')) + 1);
  return CONDITION.test(clause);
}

/** Demote, keeping a changing relation as a low-confidence candidate: the structure did not confirm it. */
function doubt(r: Governed): void {
  if (r.relation === 'ends-effect' || CHANGES.has(r.relation)) r.candidate = r.relation;
  demote(r);
}

function demote(r: Governed): void {
  r.relation = 'cites';
  delete r.trigger;
}

/** Where the reference's trigger starts: its last occurrence before the reference in the sentence. */
function triggerAt(lower: string, r: Governed): number {
  if (!r.trigger) return -1;
  // Within the sentence only: lastIndexOf over the whole text would be quadratic on long clauses.
  const at = lower.slice(r.sentenceStart, r.start).lastIndexOf(r.trigger.toLowerCase());
  return at >= 0 ? r.sentenceStart + at : -1;
}

const ITEM_TITLE = /^[ \u00a0]*,?[ \u00a0]*(?:ngày[ \u00a0]+(?:\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{1,2} tháng \d{1,2} năm \d{4}))?(?:[ \u00a0]*(?:của[ \u00a0]+[^;§]{1,80}?[ \u00a0]+)?về[ \u00a0][^;§]*)?/u;

/** The text between `from` and `to` with the other references replaced by "§". */
function mask(lower: string, refs: readonly Governed[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const q of refs) {
    if (q.start >= to) break;
    if (q.end <= from) continue;
    out += lower.slice(at, Math.max(at, q.start)) + ' § ';
    at = Math.max(at, q.end);
    // An item's date and title belong to it: "Quy định số 89-QĐ/TW, ngày 4/8/2017 về khung tiêu chuẩn …;".
    const title = ITEM_TITLE.exec(lower.slice(at, to));
    if (title) at += title[0].length;
  }
  // An amended text's own amendments ("… số 08/2017/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số 35/2018/QH14") belong to it.
  return (out + lower.slice(at, to)).replace(/đã được (?:sửa đổi, bổ sung|sửa đổi|bổ sung)(?: một số (?:điều|điểm))?[ \u00a0]+(?:theo|bởi|tại)[ \u00a0]+(?:§[ \u00a0,và]*)+/gu, ' § ');
}

/** Is the trigger at `t` part of the title of a numbered text just before it? */
function titleBefore(text: string, refs: readonly Governed[], t: number, sentenceStart: number): boolean {
  let q: Governed | undefined;
  for (const x of refs) {
    if (x.end > t) break;
    if (x.start >= sentenceStart) q = x;
  }
  return !!q && q.scope === 'document' && TITLE_GAP.test(text.slice(q.end, t));
}

const TITLE_VERB = /^[ \u00a0]*(?:về việc[ \u00a0]+|về[ \u00a0]+)?(?:quy định chi tiết|hướng dẫn|sửa đổi|bổ sung|thay thế|bãi bỏ|ban hành|quy định)(?![\p{L}])/u;
const DATE_ISSUER = /^[ \u00a0]*,?[ \u00a0]*(?:(?:ban hành[ \u00a0]+)?ngày[ \u00a0]+[\d/ \u00a0thángnăm]{1,30})?[ \u00a0]*,?[ \u00a0]*(?:của[ \u00a0]+[^,;.:]{1,80}?(?=[ \u00a0](?:về|quy định|hướng dẫn|sửa đổi|bổ sung|thay thế|bãi bỏ|ban hành)(?![\p{L}])))?/u;

/** Is reference i inside the title of the text named right before it ("Nghị định số 11/2012/NĐ-CP … về sửa đổi, bổ sung một số điều của Nghị định số 163/2006/NĐ-CP")? */
function inTitle(text: string, refs: readonly Governed[], i: number): boolean {
  const r = refs[i]!;
  for (let k = i - 1; k >= 0; k--) {
    const q = refs[k]!;
    if (q.start < r.sentenceStart) return false;
    if (q.scope !== 'document') continue;
    const between = text.slice(q.end, r.start).toLowerCase();
    if (/(?:,|;|và)[ \u00a0]*$/u.test(between)) return false;
    return TITLE_VERB.test(between.replace(DATE_ISSUER, ''));
  }
  return false;
}
