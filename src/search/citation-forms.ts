/**
 * How people type citations that documents never write — query-only shapes, as data. Each
 * form has a note and examples (typed → the citation as a document would write it);
 * citation-query.test.ts checks every example, and that the reference finder (src/refs) reads
 * the written form. Documents' own ways of citing are the reference patterns
 * (src/refs/patterns.ts): a query is rewritten into one of those, then found and resolved
 * exactly as a citation in a text is.
 */
import type { DocType } from '../model.ts';

export interface QueryForm {
  id: string;
  note: string;
  examples: ReadonlyArray<readonly [typed: string, written: string]>;
}

export const QUERY_FORMS: readonly QueryForm[] = [
  {
    id: 'pinpoint-words',
    note: 'Điều, khoản, điểm, Chương, Mục, Phần in any case, with or without diacritics; written out in the order documents use (điểm, khoản, Điều).',
    examples: [
      ['dieu 7 luat thong ke', 'Điều 7 Luật Thống kê'],
      ['Điều 5 Luật Đất đai', 'Điều 5 Luật Đất đai'],
      ['điều 5 khoản 2 điểm a luật đất đai', 'điểm a khoản 2 Điều 5 Luật Đất đai'],
      ['KHOẢN 2 ĐIỀU 5 LUẬT ĐẤT ĐAI', 'khoản 2 Điều 5 Luật Đất đai'],
      ['chuong 2 luat dat dai', 'Chương 2 Luật Đất đai'],
      ['Chương III Mục 2 Bộ luật Lao động', 'Chương III Mục 2 Bộ luật Lao động'],
      ['phần thứ hai bộ luật dân sự', 'Phần thứ hai Bộ luật Dân sự'],
    ],
  },
  {
    id: 'pinpoint-abbreviations',
    note: 'Short forms of the pinpoint: "đ35", "Đ.35", "d35" (Điều 35), "k2", "k.2" (khoản 2), with or without a space.',
    examples: [
      ['đ35 BLLĐ', 'Điều 35 Bộ luật Lao động'],
      ['Đ.35 bộ luật lao động', 'Điều 35 Bộ luật Lao động'],
      ['k2 đ5 luật đất đai', 'khoản 2 Điều 5 Luật Đất đai'],
      ['k.2 Đ.5 Luật Đất đai', 'khoản 2 Điều 5 Luật Đất đai'],
      ['d5 luat dat dai', 'Điều 5 Luật Đất đai'],
    ],
  },
  {
    id: 'pinpoint-after',
    note: 'The pinpoint after the document ("bộ luật lao động điều 35"), or split around it: read as if written before.',
    examples: [
      ['bộ luật lao động điều 35', 'Điều 35 Bộ luật Lao động'],
      ['luật 45/2013/QH13 điều 5 khoản 2', 'khoản 2 Điều 5 Luật số 45/2013/QH13'],
      ['Luật Đất đai 2013, Điều 5', 'Điều 5 Luật Đất đai năm 2013'],
      ['khoản 2 luật đất đai điều 5', 'khoản 2 Điều 5 Luật Đất đai'],
    ],
  },
  {
    id: 'law-abbreviations',
    note: 'The usual abbreviations of the codes and the most cited laws (LAW_ABBREVIATIONS), any case, with or without Đ.',
    examples: [
      ['Điều 286 BLHS', 'Điều 286 Bộ luật Hình sự'],
      ['điều 468 blds 2015', 'Điều 468 Bộ luật Dân sự năm 2015'],
      ['Điều 39 BLTTHS', 'Điều 39 Bộ luật Tố tụng hình sự'],
      ['dieu 35 blld', 'Điều 35 Bộ luật Lao động'],
      ['BLTTDS điều 5', 'Điều 5 Bộ luật Tố tụng dân sự'],
    ],
  },
  {
    id: 'name-initials',
    note: 'A law name by its initials after the type word ("Luật BHXH", "Luật HN&GĐ", "Bộ luật TTDS", "Luật thuế GTGT": full words, then initials) or glued to the type\'s letters ("LTK"), learned from the corpus\'s names (nameInitials); initials two laws in the corpus share ("DN": Doanh nghiệp, Dạy nghề) name neither.',
    examples: [
      ['Điều 3 Luật HN&GĐ', 'Điều 3 Luật Hôn nhân và gia đình'],
      ['k1 đ5 bộ luật TTDS', 'khoản 1 Điều 5 Bộ luật Tố tụng dân sự'],
      ['dieu 7 LTK', 'Điều 7 Luật Thống kê'],
      ['Điều 8 Luật TCTD', 'Điều 8 Luật Các tổ chức tín dụng'],
    ],
  },
  {
    id: 'type-words',
    note: 'Type words and their abbreviations before a number, without "số", with or without diacritics ("kl 195", "NĐ 15/2020", "nghi dinh 15/2020", "luật 45/2013").',
    examples: [
      ['kl 195', 'Kết luận 195'],
      ['KL195', 'Kết luận 195'],
      ['ket luan so 195', 'Kết luận 195'],
      ['NĐ 15/2020', 'Nghị định 15/2020'],
      ['nghi dinh 15/2020', 'Nghị định 15/2020'],
      ['luật 45/2013', 'Luật 45/2013'],
      ['khoản 2 điều 5 luật 45/2013/QH13', 'khoản 2 Điều 5 Luật số 45/2013/QH13'],
      ['45/2013/QH13', 'Luật số 45/2013/QH13'],
    ],
  },
  {
    id: 'name-year',
    note: 'A law name with its year, with or without "năm": "Luật Đất đai 2013", "Luật Đất đai năm 2013".',
    examples: [
      ['Điều 5 Luật Đất đai năm 2013', 'Điều 5 Luật Đất đai năm 2013'],
      ['dieu 5 luat dat dai 2013', 'Điều 5 Luật Đất đai năm 2013'],
    ],
  },
  {
    id: 'party-items',
    note: 'Party documents are numbered by items: "mục 3" is item 3, "điểm (ii)" / "tiết (ii)" / "ý (ii)" an item below it.',
    examples: [
      ['mục 3 kết luận 183', 'mục 3 Kết luận 183'],
      ['ý (i) mục 3 (1) KL 183', 'điểm (i) điểm (1) mục 3 Kết luận 183'],
      ['điểm (ii) mục 3 Kết luận số 183-KL/TW', 'điểm (ii) mục 3 Kết luận số 183-KL/TW'],
    ],
  },
];

/** Law abbreviations officers use, → the name the law is cited by. Resolved through the law names the corpus has. */
export const LAW_ABBREVIATIONS: ReadonlyArray<readonly [abbreviations: readonly string[], name: string]> = [
  [['BLDS'], 'Bộ luật Dân sự'],
  [['BLHS'], 'Bộ luật Hình sự'],
  [['BLLĐ', 'BLLD'], 'Bộ luật Lao động'],
  [['BLTTDS'], 'Bộ luật Tố tụng dân sự'],
  [['BLTTHS'], 'Bộ luật Tố tụng hình sự'],
  [['BLHH', 'BLHHVN'], 'Bộ luật Hàng hải Việt Nam'],
  [['HP'], 'Hiến pháp'],
  [['LĐĐ', 'LDD'], 'Luật Đất đai'],
  [['LDN'], 'Luật Doanh nghiệp'],
  [['LĐT', 'LDT'], 'Luật Đầu tư'],
  [['LTM'], 'Luật Thương mại'],
  [['LHNGĐ', 'LHNGD'], 'Luật Hôn nhân và gia đình'],
  [['LSHTT'], 'Luật Sở hữu trí tuệ'],
  [['LBHXH'], 'Luật Bảo hiểm xã hội'],
  [['LXD', 'LXĐ'], 'Luật Xây dựng'],
  [['LNO', 'LNƠ'], 'Luật Nhà ở'],
  [['LKDBĐS', 'LKDBDS'], 'Luật Kinh doanh bất động sản'],
  [['LCC'], 'Luật Công chứng'],
  [['LTCTD'], 'Luật Các tổ chức tín dụng'],
  [['LQLT'], 'Luật Quản lý thuế'],
  [['LXLVPHC'], 'Luật Xử lý vi phạm hành chính'],
  [['LTTHC'], 'Luật Tố tụng hành chính'],
  [['LTHADS'], 'Luật Thi hành án dân sự'],
  [['LBVMT'], 'Luật Bảo vệ môi trường'],
  [['LGTĐB', 'LGTDB'], 'Luật Giao thông đường bộ'],
];

/**
 * A law name's first words its initials may leave out: "Luật Các tổ chức tín dụng" is "Luật
 * TCTD" as often as "Luật CTCTD" (the labeller's list of forms names TCTD); both are learned.
 */
export const UNABBREVIATED_FIRST_WORDS: readonly string[] = ['các', 'những'];

/** Type words and abbreviations before a number or a name, folded (longest first when matching). */
export const TYPE_WORDS: ReadonlyArray<readonly [folded: string, types: readonly DocType[]]> = [
  ['thong tu lien tich', ['thong-tu-lien-tich']],
  ['van ban hop nhat', ['van-ban-hop-nhat']],
  ['ket luan', ['ket-luan']],
  ['nghi quyet', ['nghi-quyet']],
  ['quy dinh', ['quy-dinh']],
  ['quyet dinh', ['quyet-dinh']],
  ['chi thi', ['chi-thi']],
  ['huong dan', ['huong-dan']],
  ['thong bao', ['thong-bao']],
  ['ke hoach', ['ke-hoach']],
  ['bao cao', ['bao-cao']],
  ['nghi dinh', ['nghi-dinh']],
  ['thong tu', ['thong-tu']],
  ['bo luat', ['bo-luat']],
  ['phap lenh', ['phap-lenh']],
  ['hien phap', ['hien-phap']],
  ['luat', ['luat', 'bo-luat']],
  ['cong van', ['cong-van']],
  ['kl', ['ket-luan']],
  ['nq', ['nghi-quyet']],
  ['qd', ['quy-dinh', 'quyet-dinh']],
  ['ct', ['chi-thi']],
  ['hd', ['huong-dan']],
  ['tb', ['thong-bao']],
  ['kh', ['ke-hoach']],
  ['bc', ['bao-cao']],
  ['nd', ['nghi-dinh']],
  ['tt', ['thong-tu']],
  ['cv', ['cong-van']],
  ['vbhn', ['van-ban-hop-nhat']],
];

/** "Phần thứ hai": ordinal words → numbers (folded). */
export const ORDINALS: Readonly<Record<string, number>> = { nhat: 1, mot: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
/** And back, as codes write them: "Phần thứ hai". */
export const ORDINAL_WORDS: readonly string[] = ['', 'nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
