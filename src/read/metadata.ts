/**
 * Metadata from the text itself: type, number, date and place, issuer, signer, title
 * (trích yếu), recipients (Nơi nhận). Each finder is a small rule over the header (before the
 * body) or the tail (after it); the first that answers wins, in the order written here.
 */
import type { DocType } from '../model.ts';
import { canonicalIdentifier, findDates, fold, isoDate } from 'vietnamese-tokenizer';
import { officialIssuer, restoreProperNames } from './proper-names.ts';
import { TYPE_NAMES, typeFromName, typeFromNumber } from '../doc-types.ts';

export interface Metadata {
  type?: DocType;
  number?: string;
  /** A number without its symbol ("Kết luận số 221 của Bộ Chính trị"): what a news report names. */
  partialNumber?: string;
  /** How the number was found, for diagnostics. */
  numberFrom?: 'so-line' | 'title' | 'lead';
  title?: string;
  issuer?: string;
  place?: string;
  date?: string;
  signer?: string;
  signerTitle?: string;
  recipients?: string[];
  /** A date with its day (or month) left blank: "2026-04", "2026". */
  datePartial?: string;
  /** A Phụ lục issued as its own file: the number of the document it is attached to. */
  appendixOf?: string;
}

const IDENT = String.raw`\d{1,6}(?:[ \u00a0]?[-/][ \u00a0]?[\p{L}\d]{1,12}){1,5}`;
const SO_LINE = new RegExp(String.raw`^[ \u00a0]*(?:(?:${TYPE_NAMES})[ \u00a0]+)?(?:Số|SỐ|số)[ \u00a0]*:{0,2}[ \u00a0]*(${IDENT}(?:[ \u00a0]\d{1,2}(?![\d/]))?)`, 'imu');
const TITLE_LINE = new RegExp(String.raw`^(?:Tải file[ \u00a0]+)?(${TYPE_NAMES})[ \u00a0]+(?:số[ \u00a0]+)?(${IDENT})(?:[ \u00a0]+năm[ \u00a0]+\d{4})?[ \u00a0]+(?:về|ban hành|quy định|hướng dẫn|sửa đổi)\b`, 'iu');
const LEAD = new RegExp(String.raw`(?:ký|đã)?[ \u00a0]*ban hành[ \u00a0]+(${TYPE_NAMES})[ \u00a0]+(?:số[ \u00a0]+)?(${IDENT}|\d{1,6}(?![\d/-]))`, 'iu');
const PLACE_DATE = /^[ \u00a0]*([\p{Lu}][\p{L} .'-]{1,40}?),[ \u00a0]*ngày[ \u00a0]+\d{1,2}[ \u00a0]+tháng[ \u00a0]+\d{1,2}[ \u00a0]+năm[ \u00a0]+\d{4}/mu;
const PARTY_ISSUERS = /(Bộ Chính trị, Ban Bí thư|Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương(?: Đảng)?)/iu;
const LEAD_SIGNER = /(Tổng Bí thư|Thường trực Ban Bí thư|Chủ tịch nước|Thủ tướng Chính phủ|Thủ tướng|Chủ tịch Quốc hội|Bộ trưởng[ \u00a0]+[\p{Lu}][\p{Ll}]+(?:[ \u00a0][\p{Ll}]+){0,3})[ \u00a0]+((?:[\p{Lu}][\p{Ll}]+[ \u00a0]){1,4}[\p{Lu}][\p{Ll}]+)[ \u00a0]+(?:đã[ \u00a0]+|vừa[ \u00a0]+)?ký/u;
// Party texts write "T/M" and "K/T" (36-HD/VPTW: "ký thay (ký hiệu là K/T)").
const SIGN_TITLE = /^(?:T\/M|TM\.?|KT\.?|K\/T|Q\.|TL\.?|TUQ\.?)[ \u00a0]+\p{Lu}.*$|^(?:CHỦ TỊCH(?: QUỐC HỘI| NƯỚC)?|THỦ TƯỚNG(?: CHÍNH PHỦ)?|BỘ TRƯỞNG|TỔNG BÍ THƯ|PHÓ THỦ TƯỚNG)$/u;
const PERSON = /^(?:[\p{Lu}][\p{Ll}]*[ \u00a0]){1,4}[\p{Lu}][\p{Ll}]+$/u;

function canonical(raw: string): string | undefined {
  // "79/2006/QH 11" (VLC): a space inside the last code.
  // "63 /2025/QĐ-CTUBND": a number stamped at signing leaves a space before the symbol.
  const glued = raw.replace(/([A-Za-zĐđ])[ \u00a0](\d{1,2})$/u, '$1$2').replace(/^(\d{1,6})[ \u00a0]+(?=\/)/u, '$1');
  return canonicalIdentifier(glued) ?? undefined;
}

export function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** "VỀ TÌNH HÌNH, KẾT QUẢ" → "Về tình hình, kết quả". */
export function sentenceCase(s: string): string {
  const lower = s.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface MetadataInput {
  header: string;
  tail: string;
  /** The first paragraph of the body ("Tại phiên họp ngày …, … kết luận như sau:"). */
  bodyLead: string;
  mode: 'law' | 'party';
  /** The date of a news dateline that was masked ("date 2025-11-28 (VTC News) -"). */
  datelineDate?: string;
  /** The last lines of the body: a consolidated text's "Số:" can sit there, beside its "XÁC THỰC" heading. */
  bodyEnd?: string;
}

/** "Số: 63" / "/2025/QĐ-CTUBND": a number whose symbol went to the next line is one number. */
const SPLIT_NUMBER = /((?:^|\n)[ \u00a0]*Số[ \u00a0]*:?[ \u00a0]*\d{1,6})[ \u00a0]*\n[ \u00a0]*(?=[/-][ \u00a0]*\p{L})/gu;
/** "Số: …" with its colon ("Số:: 65/2006/QH11", Luật Luật sư in VLC, doubles it) — preferred over "QUYẾT ĐỊNH SỐ 1050/QĐ-SCT" inside an issuer block. */
const SO_COLON = new RegExp(String.raw`^[ \u00a0]*(?:Số|SỐ)[ \u00a0]*:{1,2}[ \u00a0]*(${IDENT}(?:[ \u00a0]\d{1,2}(?![\d/]))?)`, 'mu');
/** "(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)" under a Phụ lục heading. */
const APPENDIX_OF = new RegExp(String.raw`\((?:Ban hành )?kèm theo[ \u00a0\n]+(?:(?:${TYPE_NAMES})[ \u00a0]+)?số[ \u00a0]+(${IDENT})[^)]*\)`, 'iu');
/** The header of a consolidated text (VBHN): the amending laws listed under the original. */
const CONSOLIDATED = /^[ \u00a0]*(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Thông tư)[^\n]{0,200}? số [^\n]{0,200}được sửa đổi, bổ sung (?:một số điều )?bởi[ \u00a0]*:/mu;
/** "… thông qua ngày 28 tháng 11 năm 2013" (laws, the Constitution, court precedents); "… thông qua trong phiên họp ngày 15 tháng 4 năm 1992" (Hiến pháp 1992). */
const ADOPTED = /thông qua (?:(?:trong|tại) phiên họp )?(?:ngày|vào ngày)[ \u00a0]+(\d{1,2})[ \u00a0]+tháng[ \u00a0]+(\d{1,2})[ \u00a0]+năm[ \u00a0]+(\d{4})/u;
/** A date left blank in a pre-signature copy: "ngày      tháng 4 năm 2026", "ngày … tháng … năm 2026". */
const PARTIAL_DATE = /ngày[ \u00a0.…_]*tháng[ \u00a0]+(?:(\d{1,2})|[ \u00a0.…_]*)[ \u00a0]*năm[ \u00a0]+(\d{4})/u;

export function extractMetadata(input: MetadataInput): Metadata {
  const { tail, bodyLead } = input;
  const header = input.header.replace(SPLIT_NUMBER, '$1');
  const meta: Metadata = {};
  const headerLines = lines(header);

  // Number: "Số: …" line, then the title line, then the news lead ("ký ban hành Kết luận số …").
  const so = SO_COLON.exec(header) ?? SO_LINE.exec(header);
  const title = headerLines[0] ? TITLE_LINE.exec(headerLines[0]) : null;
  const leadIn = header + '\n' + bodyLead;
  const lead = LEAD.exec(leadIn);
  let typeWord: string | undefined;
  if (so && canonical(so[1]!)) {
    meta.number = canonical(so[1]!);
    meta.numberFrom = 'so-line';
  } else if (title && canonical(title[2]!)) {
    meta.number = canonical(title[2]!);
    meta.numberFrom = 'title';
    typeWord = title[1];
  } else if (lead) {
    typeWord = lead[1];
    const c = /\D/.test(lead[2]!.replace(/\s/g, '')) ? canonical(lead[2]!) : undefined;
    if (c) {
      meta.number = c;
      meta.numberFrom = 'lead';
    } else if (/^\d+$/.test(lead[2]!)) meta.partialNumber = lead[2]!;
  }
  if (!typeWord && lead) typeWord = lead[1];

  // Type: a line that is only a type name ("KẾT LUẬN", "BỘ LUẬT") wins; then the number's symbol.
  const typeLine = headerLines.findIndex((l) => typeFromName(l) !== undefined && l === l.toUpperCase());
  meta.type = (typeLine >= 0 ? typeFromName(headerLines[typeLine]!) : undefined) ?? (meta.number ? typeFromNumber(meta.number) : undefined) ?? (typeWord ? typeFromName(typeWord) : undefined);
  // A công văn names no type: its subject line "V/v …" under the number says what it is (Nghị định 30/2020, Phụ lục I).
  if (!meta.type && meta.number && /^V\/v[ \u00a0]/mu.test(header)) meta.type = 'cong-van';

  // Place and date.
  const pd = PLACE_DATE.exec(header);
  if (pd) {
    meta.place = pd[1]!.trim();
    meta.date = findDates(pd[0])[0]?.value;
  }
  // A pre-signature copy: the day left blank in the place-date line. The month is what is known;
  // a meeting date in the first paragraph is not the document's.
  const partial = !meta.date ? PARTIAL_DATE.exec(header) : null;
  if (partial) meta.datePartial = partial[1] ? `${partial[2]}-${partial[1].padStart(2, '0')}` : partial[2]!;
  if (!meta.date && !partial && lead) {
    // "Kết Luận số 183- KL/TW, ngày 1/8/2025 của …": the date right after the number.
    const after = leadIn.slice(lead.index + lead[0].length, lead.index + lead[0].length + 40);
    const d = /^[ \u00a0]*,?[ \u00a0]*ngày[ \u00a0]+/u.test(after) ? findDates(after)[0] : undefined;
    if (d) meta.date = d.value;
  }
  if (!meta.date && !partial) {
    // "Ngày 28/11/2025, Ban Chấp hành Trung ương đã ban hành …" or "Tại phiên họp ngày 28/11/2025".
    const m = /(?:^|\n)[ \u00a0]*Ngày[ \u00a0]+(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?,/u.exec(header);
    const year = m?.[3] ? Number(m[3]) : input.datelineDate ? Number(input.datelineDate.slice(0, 4)) : undefined;
    if (m && year) meta.date = isoDate(year, Number(m[2]), Number(m[1])) ?? undefined;
  }
  if (!meta.date && !partial) {
    const m = /^Tại (?:phiên họp|cuộc họp|Hội nghị)[^,]{0,40}?ngày[ \u00a0]+(\d{1,2}\/\d{1,2}\/\d{4})/u.exec(bodyLead);
    if (m) meta.date = findDates(m[1]!)[0]?.value;
  }
  if (!meta.date && !partial) {
    // Old laws: "SỐ 103-SL/L.005 NGÀY 20-5-1957" under the type line.
    const m = /(?:^|\n)[ \u00a0]*SỐ[ \u00a0]+\S+[ \u00a0]+NGÀY[ \u00a0]+(\d{1,2})-(\d{1,2})-(\d{4})/u.exec(header);
    if (m) meta.date = isoDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
  }
  if (!meta.date && !partial) {
    // "Được Hội đồng Thẩm phán … thông qua ngày 03 tháng 10 năm 2016"; "Hiến pháp này đã được Quốc hội … thông qua ngày …".
    const m = ADOPTED.exec(header + '\n' + bodyLead) ?? ADOPTED.exec(tail);
    if (m) meta.date = isoDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
  }
  if (!meta.number) {
    // A consolidated text (VBHN) prints its number under "XÁC THỰC VĂN BẢN HỢP NHẤT", after the text.
    // "VĂN PHÒNG QUỐC HỘI / Số: 31/VBHN-VPQH" is laid out beside (so read before) the heading in Word's table.
    const end = (input.bodyEnd ?? '') + '\n' + tail;
    const at = end.search(/XÁC THỰC VĂN BẢN HỢP NHẤT/u);
    const m = at >= 0 ? (SO_LINE.exec(end.slice(at)) ?? SO_LINE.exec(end.slice(Math.max(0, at - 300), at))) : null;
    const c = m ? canonical(m[1]!) : undefined;
    if (c) {
      meta.number = c;
      meta.numberFrom = 'so-line';
      const pd = PLACE_DATE.exec(end.slice(at));
      if (pd) meta.date = findDates(pd[0])[0]?.value ?? meta.date;
    }
  }
  // A consolidated text says so: its number's symbol (VBHN), or the list of laws that amended it
  // ("Luật … số 15/2012/QH13 …, được sửa đổi, bổ sung bởi:") even when the number is printed in a later part.
  if ((meta.number && typeFromNumber(meta.number) === 'van-ban-hop-nhat') || (input.mode === 'law' && CONSOLIDATED.test(header))) meta.type = 'van-ban-hop-nhat';
  const appendix = /^(?:Phụ lục|PHỤ LỤC)\b/u.test(headerLines[0] ?? '') ? APPENDIX_OF.exec(header) : null;
  if (appendix && !meta.number) {
    meta.appendixOf = canonical(appendix[1]!);
    meta.type = 'phu-luc';
    const d = findDates(appendix[0])[0];
    if (d) meta.date = d.value;
  }

  // Issuer.
  const firstLine = headerLines[0] ?? '';
  if (input.mode === 'law' && firstLine === firstLine.toUpperCase() && /\p{Lu}/u.test(firstLine) && !/CỘNG HÒA|CỘNG HOÀ/u.test(firstLine) && !typeFromName(firstLine)) {
    // The official form ("Quốc hội", "Bộ Công Thương"); a part after " - " may be the issuer ("VĂN BẢN HỢP NHẤT - VĂN PHÒNG QUỐC HỘI").
    meta.issuer = officialIssuer(firstLine) ?? firstLine.split(/[ \u00a0]+-[ \u00a0]+/u).map(officialIssuer).find(Boolean) ?? restoreProperNames(sentenceCase(firstLine));
  } else if (input.mode === 'law' && typeFromName(firstLine) && /(?:Luật|Bộ luật|Hiến pháp)/u.test(firstLine.charAt(0) + firstLine.slice(1).toLowerCase()) && /(?:được|của)[ \u00a0]+Quốc hội/u.test(header + '\n' + bodyLead)) {
    // An old law printed without a letterhead, promulgated as "đã được Quốc hội biểu quyết".
    meta.issuer = 'Quốc hội';
  } else {
    const ofLine = headerLines.find((l) => /^CỦA[ \u00a0]/u.test(l));
    const party = (ofLine ? PARTY_ISSUERS.exec(ofLine) : null) ?? PARTY_ISSUERS.exec(leadIn.slice(lead?.index ?? 0, (lead?.index ?? 0) + 300)) ?? /(Bộ Chính trị, Ban Bí thư|Bộ Chính trị|Ban Bí thư)[ \u00a0]+kết luận như sau/u.exec(bodyLead);
    if (party && (meta.type === 'ket-luan' || meta.type === 'quy-dinh' || meta.type === 'chi-thi' || meta.type === 'nghi-quyet' || ofLine || /kết luận như sau/u.test(party.input))) {
      meta.issuer = normalizeIssuer(party[1]!);
    } else {
      const ubnd = /(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)[ \u00a0]+(tỉnh|thành phố)(?![ \u00a0]+\p{Lu})/u.exec(leadIn) ?? /(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)[ \u00a0]+(tỉnh|thành phố)/u.exec(leadIn);
      if (ubnd) meta.issuer = `UBND ${ubnd[1]}`;
    }
  }

  // Title (trích yếu).
  meta.title = findTitle(headerLines, meta, input.mode, lead ? leadIn.slice(lead.index) : undefined);

  // Signer: "T/M BỘ CHÍNH TRỊ" then a name, in the tail; or the news lead "Thường trực Ban Bí thư Trần Cẩm Tú ký ban hành".
  const tailLines = lines(tail);
  for (let i = 0; i < tailLines.length - 1; i++) {
    if (SIGN_TITLE.test(tailLines[i]!)) {
      const name = tailLines.slice(i + 1, i + 4).find((l) => PERSON.test(l));
      if (name) {
        meta.signerTitle = tailLines[i]!;
        meta.signer = name;
      }
    }
  }
  if (!meta.signer) {
    const s = LEAD_SIGNER.exec(leadIn);
    if (s) {
      meta.signer = s[2]!;
      meta.signerTitle = s[1]!;
    }
  }

  // Recipients.
  const at = tailLines.findIndex((l) => /^Nơi nhận[ \u00a0]*:?/u.test(l));
  if (at >= 0) {
    const out: string[] = [];
    const first = tailLines[at]!.replace(/^Nơi nhận[ \u00a0]*:?[ \u00a0]*/u, '');
    if (first) out.push(first.replace(/^[-+•][ \u00a0]*/u, ''));
    for (const l of tailLines.slice(at + 1)) {
      if (SIGN_TITLE.test(l) || /^\[\d+\]/.test(l) || PERSON.test(l)) break;
      if (/^[-+•]/.test(l) || !out.length) out.push(l.replace(/^[-+•][ \u00a0]*/u, ''));
      else out[out.length - 1] += ' ' + l;
    }
    meta.recipients = out.map((r) => r.replace(/[,;.][ \u00a0]*$/u, '').trim()).filter(Boolean);
  }
  return meta;
}

function normalizeIssuer(s: string): string {
  const lower = s.toLowerCase();
  if (lower.includes('bộ chính trị') && lower.includes('ban bí thư')) return 'Bộ Chính trị, Ban Bí thư';
  if (lower.includes('bộ chính trị')) return 'Bộ Chính trị';
  if (lower.includes('ban bí thư')) return 'Ban Bí thư';
  return 'Ban Chấp hành Trung ương';
}

/** Lines after the type line that are not its title: the promulgating order of old laws, the preamble heading. */
const TITLE_STOP = /^(?:CHỦ TỊCH NƯỚC|RA SẮC LỆNH|LỜI NÓI ĐẦU|CĂN CỨ)/u;
/** "CỦA QUỐC HỘI … SỐ 09/1998/QH10 NGÀY 02 THÁNG 12 NĂM 1998 " and "SỐ 103-SL/L.005 NGÀY 20-5-1957 " before the title. */
const NUMBER_BEFORE_TITLE = /^(?:CỦA[ \u00a0].*?)?SỐ[ \u00a0]+\S*\d\S*(?:[ \u00a0]+NGÀY[ \u00a0]+(?:\d{1,2}[-/]\d{1,2}[-/]\d{4}|\d{1,2}[ \u00a0]+THÁNG[ \u00a0]+\d{1,2}[ \u00a0]+NĂM[ \u00a0]+\d{4}))?[ \u00a0]*/u;
/** " CỦA QUỐC HỘI SỐ 48-LCT/HĐNN8 NGÀY 21/12/1990", " SỐ 23-L/CTN NGÀY 10/07/1993 CỦA QUỐC HỘI" after it ("MỘT SỐ ĐIỀU" is not a number). */
const NUMBER_AFTER_TITLE = /[ \u00a0]+(?:CỦA[ \u00a0]+QUỐC[ \u00a0]+HỘI\b[^0-9]*?[ \u00a0]+)?SỐ[ \u00a0]+\d.*$/u;
/** Laws whose name begins with their type word: "Luật Luật sư" is the law on lawyers, not a doubled word. */
const TYPE_WORD_NAMES = new Set(['luat su']);

/** "Luật biên giới quốc gia" under "LUẬT" → "Biên giới quốc gia" (the header repeated the type word). */
function withoutTypeWord(name: string, label: string): string {
  const lower = name.toLowerCase();
  if (!lower.startsWith(label.toLowerCase() + ' ') || TYPE_WORD_NAMES.has(fold(lower))) return name;
  return capitalize(name.slice(label.length + 1));
}

function findTitle(headerLines: string[], meta: Metadata, mode: 'law' | 'party', lead: string | undefined): string | undefined {
  // Law: "BỘ LUẬT" / "DÂN SỰ" → "Bộ luật Dân sự"; "LUẬT" / "CỦA QUỐC HỘI … VỀ DI SẢN VĂN HOÁ" → "Luật Di sản văn hoá".
  const typeAt = headerLines.findIndex((l) => typeFromName(l) !== undefined && l === l.toUpperCase());
  if (typeAt >= 0) {
    const label = sentenceCase(headerLines[typeAt]!);
    const rest: string[] = [];
    for (const l of headerLines.slice(typeAt + 1)) {
      if (l !== l.toUpperCase() || !/\p{Lu}/u.test(l) || TITLE_STOP.test(l)) break;
      rest.push(l);
    }
    // The number and date printed with the title are not the title.
    const subject = rest.join(' ').replace(NUMBER_BEFORE_TITLE, '').trim();
    const about = /(?:^|\s)VỀ[ \u00a0]+(.+)$/u.exec(subject);
    if (mode === 'party' && about) return restoreProperNames('Về ' + about[1]!.toLowerCase());
    const name = (about ? about[1]! : subject && !/^CỦA/u.test(subject) ? subject : '').replace(NUMBER_AFTER_TITLE, '').trim();
    if (name) return restoreProperNames(`${label} ${withoutTypeWord(sentenceCase(name), label)}`);
  }
  // A text with no number of its own: its first line is its title.
  if (!meta.number && !meta.partialNumber && headerLines[0] && !/[.:;]$/u.test(headerLines[0]) && headerLines[0].length < 300) return headerLines[0];
  // Party, news: "… Kết luận 221-KL/TW về tình hình, kết quả … 2 cấp." → "Về tình hình, kết quả … 2 cấp".
  const sources = [headerLines[0] ?? '', lead ?? ''];
  for (const s of sources) {
    const m = /[ \u00a0]về[ \u00a0]+(.+?)(?:[ \u00a0]+do[ \u00a0][^.]{0,80}ban hành)?(?:\.(?=\s|$)|\n|$)/u.exec(s);
    if (m && (meta.number ? s.includes(meta.number.slice(0, 4)) || s === lead : true)) return 'Về ' + m[1]!.trim();
  }
  if (!meta.number && headerLines[0] && !/[.:]$/.test(headerLines[0]) && headerLines[0].length < 300) return headerLines[0];
  return undefined;
}
