/**
 * Relation triggers as data: the phrase near a reference that types the edge, kept as
 * evidence. A trigger governs the references after it in the same sentence ("sửa đổi, bổ
 * sung Quy định số 89-QĐ/TW …; Quy định số 214-QĐ/TW … và Quy định số 124-QĐ/TW" → all three);
 * `after` triggers follow their reference ("… số 82/2006/QH11 hết hiệu lực …"). Longer
 * phrases are tried first, so "sửa đổi, bổ sung" wins over "bổ sung". Each row's examples are
 * checked by relations.test.ts.
 */
import type { DocType, Relation } from '../model.ts';

export interface RelationTrigger {
  relation: Relation;
  phrases: readonly string[];
  /** The phrase comes after the reference. */
  after?: boolean;
  /** Governs every report (Báo cáo) named in the same sentence, however far. */
  reports?: boolean;
  note: string;
  /** [sentence, reference text in it] → this relation. */
  examples: ReadonlyArray<readonly [string, string]>;
}

export const RELATION_TRIGGERS: readonly RelationTrigger[] = [
  {
    relation: 'amended-by',
    phrases: ['được sửa đổi, bổ sung bởi', 'được sửa đổi bởi', 'có nội dung được sửa đổi', 'được sửa đổi, bổ sung theo'],
    note: 'Passive amendment, as in Bộ pháp điển notes: the reference is the amending document.',
    examples: [['(Điều 5 Nghị định số 23/2015/NĐ-CP, có nội dung được sửa đổi bởi Điều 1 Nghị định số 07/2025/NĐ-CP)', 'Nghị định số 07/2025/NĐ-CP']],
  },
  {
    relation: 'supplemented-by',
    phrases: ['được bổ sung bởi', 'có nội dung được bổ sung'],
    note: 'Passive supplement ("có nội dung được bổ sung bởi Điều 1 Nghị định số 07/2025/NĐ-CP").',
    examples: [['(Điều 3 Luật số 57/2020/QH14, có nội dung được bổ sung bởi Điều 2 Luật số 83/2025/QH15)', 'Luật số 83/2025/QH15']],
  },
  {
    relation: 'repealed-by',
    phrases: ['bị bãi bỏ bởi', 'được bãi bỏ bởi', 'có nội dung bị bãi bỏ'],
    note: 'Passive repeal, as in Bộ pháp điển notes.',
    examples: [['(Điều 7 Thông tư số 01/2021/TT-BNV, có nội dung bị bãi bỏ bởi Thông tư số 05/2024/TT-BNV)', 'Thông tư số 05/2024/TT-BNV']],
  },
  {
    relation: 'based-on',
    phrases: ['sau khi nghe báo cáo', 'sau khi nghe và cho ý kiến về báo cáo'],
    reports: true,
    note: 'A conclusion answers the report it heard: the report named anywhere in that sentence, usually in parentheses after other words ("sau khi nghe và cho ý kiến về báo cáo … triển khai … (Báo cáo số 428-BC/BTCTW …)").',
    examples: [['Tại phiên họp ngày 1/8/2025, sau khi nghe và cho ý kiến về báo cáo của Ban Tổ chức Trung ương về tình hình, kết quả sau 1 tháng triển khai vận hành mô hình (Báo cáo số 428-BC/BTCTW, ngày 31/7/2025)', 'Báo cáo số 428-BC/BTCTW']],
  },
  {
    relation: 'based-on',
    phrases: ['căn cứ', 'sau khi nghe báo cáo', 'sau khi nghe và cho ý kiến về báo cáo', 'trên cơ sở'],
    note: 'The legal basis or the report a conclusion answers ("Căn cứ Luật Tổ chức Chính phủ", "sau khi nghe Báo cáo …").',
    examples: [
      ['Tại phiên họp ngày 31/10/2025, sau khi nghe Báo cáo của Ban Tổ chức Trung ương (Báo cáo số 523-BC/BTCTW, ngày 29/10/2025)', 'Báo cáo số 523-BC/BTCTW'],
      ['Căn cứ Luật số 53/2014/QH13', 'Luật số 53/2014/QH13'],
    ],
  },
  {
    relation: 'implements',
    phrases: ['triển khai thực hiện', 'tổ chức thực hiện', 'thực hiện', 'quán triệt', 'triển khai'],
    note: 'Carrying out a text: a provincial instruction "triển khai thực hiện Kết luận số 221-KL/TW".',
    examples: [['về việc triển khai thực hiện Kết luận số 221-KL/TW ngày 28/11/2025 của Bộ Chính trị', 'Kết luận số 221-KL/TW']],
  },
  {
    relation: 'guides',
    phrases: ['quy định chi tiết', 'hướng dẫn thi hành', 'hướng dẫn thực hiện', 'hướng dẫn chi tiết'],
    note: 'A decree or circular detailing a law.',
    examples: [['Nghị định này quy định chi tiết một số điều của Luật số 53/2014/QH13', 'Luật số 53/2014/QH13']],
  },
  {
    relation: 'amends',
    phrases: ['sửa đổi, bổ sung', 'sửa đổi bổ sung', 'sửa đổi'],
    note: 'Amending (also a draft amending: 183 clause 6 "dự thảo sửa đổi, bổ sung Quy định số 89-QĐ/TW").',
    examples: [['trên cơ sở dự thảo sửa đổi, bổ sung Quy định số 89-QĐ/TW, ngày 4/8/2017', 'Quy định số 89-QĐ/TW']],
  },
  {
    relation: 'supplements',
    phrases: ['bổ sung'],
    note: 'Supplementing ("[1] Bổ sung nội dung nêu tại Khoản 5, Điều 4 Quy định số 213-QĐ/TW").',
    examples: [['[1] Bổ sung nội dung nêu tại Khoản 5, Điều 4 Quy định số 213-QĐ/TW, ngày 02/01/2020', 'Quy định số 213-QĐ/TW']],
  },
  {
    relation: 'replaces',
    phrases: ['thay thế'],
    note: '"Nghị định này thay thế Nghị định số 15/2020/NĐ-CP".',
    examples: [['Nghị định này thay thế Nghị định số 15/2020/NĐ-CP ngày 03/02/2020', 'Nghị định số 15/2020/NĐ-CP']],
  },
  {
    relation: 'repeals',
    phrases: ['bãi bỏ', 'hủy bỏ', 'huỷ bỏ'],
    note: 'Repealing a text or part of it.',
    examples: [['Bãi bỏ Điều 5 Thông tư số 01/2021/TT-BNV', 'Thông tư số 01/2021/TT-BNV']],
  },
  {
    relation: 'ends-effect',
    phrases: ['hết hiệu lực', 'không còn hiệu lực', 'chấm dứt hiệu lực'],
    after: true,
    note: 'Ends effect, written after the reference: "Luật công chứng số 82/2006/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực".',
    examples: [['Luật công chứng số 82/2006/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành', 'Luật công chứng số 82/2006/QH11']],
  },
  {
    relation: 'corrects',
    phrases: ['đính chính'],
    note: 'A correction notice.',
    examples: [['Đính chính Nghị định số 15/2020/NĐ-CP', 'Nghị định số 15/2020/NĐ-CP']],
  },
  {
    relation: 'attached',
    phrases: ['kèm theo'],
    note: 'A document sent with this one ("(Kèm theo Báo cáo số 523-BC/BTCTW …)").',
    examples: [['(Kèm theo Báo cáo số 523-BC/BTCTW, ngày 29/10/2025 của Ban Tổ chức Trung ương)', 'Báo cáo số 523-BC/BTCTW']],
  },
];

const BEFORE = RELATION_TRIGGERS.filter((t) => !t.after && !t.reports)
  .flatMap((t) => t.phrases.map((p) => ({ phrase: p, relation: t.relation })))
  .sort((a, b) => b.phrase.length - a.phrase.length);
const REPORTS = RELATION_TRIGGERS.filter((t) => t.reports).flatMap((t) => t.phrases.map((p) => ({ phrase: p, relation: t.relation })));
const AFTER = RELATION_TRIGGERS.filter((t) => t.after).flatMap((t) => t.phrases.map((p) => ({ phrase: p, relation: t.relation })));

/** How far before a reference a governing trigger may sit, in characters. */
const REACH = 400;

/**
 * The relation for a reference at [start, end) of `text`, given where its sentence begins:
 * the nearest trigger before it in the sentence, else a trigger right after it, else "cites".
 * `before` is the text between the previous reference (or sentence start) and this one.
 */
export function relationFor(text: string, start: number, end: number, sentenceStart: number, sentenceEnd: number, targetType?: DocType): { relation: Relation; trigger?: string } {
  // Lower-case only the windows looked at: the whole text per reference would be quadratic.
  if (targetType === 'bao-cao') {
    const sentence = text.slice(sentenceStart, start).toLowerCase();
    for (const t of REPORTS) {
      const at = sentence.indexOf(t.phrase);
      if (at >= 0) return { relation: t.relation, trigger: text.slice(sentenceStart + at, sentenceStart + at + t.phrase.length) };
    }
  }
  // After: "… số 82/2006/QH11 hết hiệu lực" within a short tail (a date or issuer may sit between).
  // "A số …, đã được sửa đổi, bổ sung theo B số …, hết hiệu lực kể từ ngày Luật này có hiệu lực": the
  // sentence's verb; every text named before it (with its amendments) ends effect.
  const rest = text.slice(end, sentenceEnd).toLowerCase();
  const main = /hết (?:hiệu|liệu) lực(?: thi hành)? (?:kể )?từ ngày (?:bộ luật|luật|nghị định|pháp lệnh|thông tư|nghị quyết|quyết định) này/u.exec(rest);
  if (main) return { relation: 'ends-effect', trigger: text.slice(end + main.index, end + main.index + main[0].indexOf(' lực') + 4) };
  // The list's verb may come after a long name: "Luật số 37/2009/QH12 sửa đổi, bổ sung một số điều của Bộ luật hình sự hết hiệu lực".
  const tail = text.slice(end, Math.min(sentenceEnd, end + 90)).toLowerCase();
  for (const t of AFTER) {
    const at = tail.indexOf(t.phrase);
    if (at >= 0 && !/\d{1,5}\/\d{4}\//.test(tail.slice(0, at))) return { relation: t.relation, trigger: text.slice(end + at, end + at + t.phrase.length) };
  }
  const from = Math.max(sentenceStart, start - REACH);
  const window = text.slice(from, start).toLowerCase();
  let best: { at: number; phrase: string; relation: Relation } | undefined;
  for (const t of BEFORE) {
    const at = window.lastIndexOf(t.phrase);
    if (at < 0 || !wordBoundary(window, at, t.phrase.length)) continue;
    // The nearest trigger wins; at the same place the longer phrase (sorted first) wins.
    if (!best || at + t.phrase.length > best.at + best.phrase.length || (at < best.at && at + t.phrase.length >= best.at + best.phrase.length)) best = { at, phrase: t.phrase, relation: t.relation };
  }
  if (best) {
    // Passive phrases ("được sửa đổi bởi") must sit right before their reference (a pinpoint may come between).
    const gap = window.slice(best.at + best.phrase.length);
    if (best.relation.endsWith('-by') && gap.length > 40) return { relation: 'cites' };
    return { relation: best.relation, trigger: text.slice(from + best.at, from + best.at + best.phrase.length) };
  }
  return { relation: 'cites' };
}

function wordBoundary(s: string, at: number, len: number): boolean {
  const before = at === 0 ? '' : s[at - 1]!;
  const after = s[at + len] ?? '';
  return !/[\p{L}\d]/u.test(before) && !/[\p{L}\d]/u.test(after);
}
