/**
 * Titles and issuers as the document writes them. Headers print them in capitals ("LUẬT SĨ QUAN
 * QUÂN ĐỘI NHÂN DÂN VIỆT NAM"); lowering them for a title loses the proper nouns. These lists
 * give the official forms back — as data, each with a note and a real example that
 * src/read/proper-names.test.ts checks.
 */
import { fold } from 'vietnamese-tokenizer';

export interface ProperName {
  /** The official form, as written inside a sentence-case title. */
  name: string;
  note: string;
  /** A title as lowered, and as it must read (real VLC or office titles). */
  example: [string, string];
}

/** Longer names first: "nước Cộng hòa xã hội chủ nghĩa Việt Nam" before "Việt Nam". */
export const PROPER_NAMES: ProperName[] = [
  { name: 'nước Cộng hòa xã hội chủ nghĩa Việt Nam', note: 'the state\'s name; "nước" stays lower case', example: ['Hiến pháp Nước cộng hòa xã hội chủ nghĩa việt nam', 'Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam'] },
  { name: 'Việt Nam Dân chủ Cộng hòa', note: 'the state before 1976', example: ['Sắc lệnh của chủ tịch nước việt nam dân chủ cộng hòa', 'Sắc lệnh của chủ tịch nước Việt Nam Dân chủ Cộng hòa'] },
  { name: 'Đảng Cộng sản Việt Nam', note: 'the Party', example: ['Quy định thi hành điều lệ đảng cộng sản việt nam', 'Quy định thi hành điều lệ Đảng Cộng sản Việt Nam'] },
  { name: 'Mặt trận Tổ quốc Việt Nam', note: 'an organisation: each part capitalised', example: ['Luật Mặt trận tổ quốc việt nam', 'Luật Mặt trận Tổ quốc Việt Nam'] },
  { name: 'Ngân hàng Nhà nước Việt Nam', note: 'the central bank ("nhà nước" alone stays lower case: "Luật Ngân sách nhà nước")', example: ['Luật Ngân hàng nhà nước việt nam', 'Luật Ngân hàng Nhà nước Việt Nam'] },
  { name: 'Quân đội nhân dân Việt Nam', note: 'the army', example: ['Luật Sĩ quan quân đội nhân dân việt nam', 'Luật Sĩ quan Quân đội nhân dân Việt Nam'] },
  { name: 'Công an nhân dân', note: 'the police', example: ['Luật Công an nhân dân', 'Luật Công an nhân dân'] },
  { name: 'Tòa án nhân dân', note: 'the courts', example: ['Luật Tổ chức tòa án nhân dân', 'Luật Tổ chức Tòa án nhân dân'] },
  { name: 'Viện kiểm sát nhân dân', note: 'the procuracy', example: ['Luật Tổ chức viện kiểm sát nhân dân', 'Luật Tổ chức Viện kiểm sát nhân dân'] },
  { name: 'Hội đồng nhân dân', note: 'local councils', example: ['Luật Bầu cử đại biểu quốc hội và đại biểu hội đồng nhân dân', 'Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân'] },
  { name: 'Ủy ban nhân dân', note: 'local governments ("uỷ" or "ủy": the modern form)', example: ['Luật Tổ chức hội đồng nhân dân và uỷ ban nhân dân', 'Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân'] },
  { name: 'Ủy ban Thường vụ Quốc hội', note: 'the standing committee', example: ['Nghị quyết của ủy ban thường vụ quốc hội', 'Nghị quyết của Ủy ban Thường vụ Quốc hội'] },
  { name: 'Quốc hội', note: 'the National Assembly', example: ['Luật Tổ chức quốc hội', 'Luật Tổ chức Quốc hội'] },
  { name: 'Chính phủ', note: 'the Government', example: ['Luật Tổ chức chính phủ', 'Luật Tổ chức Chính phủ'] },
  { name: 'Việt Nam', note: 'the country', example: ['Bộ luật Hàng hải việt nam', 'Bộ luật Hàng hải Việt Nam'] },
  { name: 'HIV/AIDS', note: 'an abbreviation, in capitals', example: ['Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (hiv/aids)', 'Luật Phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (HIV/AIDS)'] },
];

/** Issuers in their official form; a header's spelling (capitals, old tone marks, a dropped letter) is matched to one. */
export const ISSUERS: { name: string; note: string; example: string }[] = [
  { name: 'Quốc hội', note: 'laws, codes, the Constitution', example: 'QUỐC HỘI' },
  { name: 'Ủy ban Thường vụ Quốc hội', note: 'ordinances, resolutions', example: 'UỶ BAN THƯỜNG VỤ QUỐC HỘI' },
  { name: 'Văn phòng Quốc hội', note: 'consolidated texts of laws (VBHN-VPQH)', example: 'VĂN PHÒNG QUỐC HỘI' },
  { name: 'Chính phủ', note: 'decrees', example: 'CHÍNH PHỦ' },
  { name: 'Thủ tướng Chính phủ', note: 'decisions, directives', example: 'THỦ TƯỚNG CHÍNH PHỦ' },
  { name: 'Văn phòng Chính phủ', note: 'official dispatches (CĐ-VPCP)', example: 'VĂN PHÒNG CHÍNH PHỦ' },
  { name: 'Chủ tịch nước', note: 'orders promulgating laws', example: 'CHỦ TỊCH NƯỚC' },
  { name: 'Bộ Công Thương', note: 'a ministry: both parts capitalised', example: 'BỘ CÔNG THƯƠNG' },
  { name: 'Bộ Tư pháp', note: 'a ministry', example: 'BỘ TƯ PHÁP' },
  { name: 'Bộ Công an', note: 'a ministry', example: 'BỘ CÔNG AN' },
  { name: 'Bộ Nội vụ', note: 'a ministry', example: 'BỘ NỘI VỤ' },
  { name: 'Ban Chấp hành Trung ương', note: 'the Party Central Committee', example: 'BAN CHẤP HÀNH TRUNG ƯƠNG' },
  { name: 'Bộ Chính trị', note: 'the Politburo', example: 'BỘ CHÍNH TRỊ' },
  { name: 'Ban Bí thư', note: 'the Secretariat', example: 'BAN BÍ THƯ' },
  { name: 'Ban Tổ chức Trung ương', note: 'a Party commission', example: 'BAN TỔ CHỨC TRUNG ƯƠNG' },
  { name: 'Tòa án nhân dân tối cao', note: 'the Supreme Court', example: 'TÒA ÁN NHÂN DÂN TỐI CAO' },
];

/** Folded words of a phrase, punctuation at their edges left out ("(hiv/aids)" → "hiv/aids"). */
function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}
const core = (w: string) => fold(w).toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const PHRASES = PROPER_NAMES.map((p) => ({ words: words(p.name), keys: words(p.name).map(core) }));

/** Gives the proper names of `PROPER_NAMES` their official capitals; every other word is left as it is. */
export function restoreProperNames(title: string): string {
  const ws = words(title);
  const keys = ws.map(core);
  for (let i = 0; i < ws.length; i++) {
    for (const p of PHRASES) {
      if (i + p.keys.length > ws.length || !p.keys.every((k, j) => keys[i + j] === k)) continue;
      p.words.forEach((w, j) => {
        const raw = ws[i + j]!;
        const lead = /^[^\p{L}\p{N}]*/u.exec(raw)![0];
        const trail = /[^\p{L}\p{N}]*$/u.exec(raw)![0];
        ws[i + j] = lead + w + trail;
      });
      i += p.keys.length - 1;
      break;
    }
  }
  // "… của luật đầu tư …": a law named inside a title keeps its name's capital.
  return ws.join(' ').replace(/(\s(?:của|theo|và)\s+)(bộ luật|luật)\s+(\p{Ll})/gu, (_m, pre: string, law: string, c: string) => `${pre}${law.charAt(0).toUpperCase()}${law.slice(1)} ${c.toUpperCase()}`);
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length]!;
}

/**
 * An issuer as the header prints it → its official form: "QUỐC HỘI" → "Quốc hội", "BỘ CÔNG
 * THƯƠNG" → "Bộ Công Thương"; a letter lost in the source ("UỐC HỘI") is still "Quốc hội".
 * Returns undefined for an issuer not in the list.
 */
export function officialIssuer(raw: string): string | undefined {
  const k = fold(raw).toLowerCase().replace(/\s+/g, ' ').trim();
  const exact = ISSUERS.find((i) => fold(i.name).toLowerCase() === k);
  if (exact) return exact.name;
  // Only a letter dropped or doubled: a changed letter is another body ("Sở Công Thương" is not "Bộ Công Thương").
  const near = ISSUERS.filter((i) => k.length >= 6 && fold(i.name).length !== k.length && distance(fold(i.name).toLowerCase(), k) <= 1);
  return near.length === 1 ? near[0]!.name : undefined;
}
