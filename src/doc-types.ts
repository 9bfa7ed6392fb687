/**
 * Document types as data: the Vietnamese names as written (any case, any tone placement after
 * NFC), and the symbol codes that mark a type inside a number ("-KL/", "/NĐ-CP").
 */
import type { DocType } from './model.ts';

export interface DocTypeInfo {
  type: DocType;
  label: string;
  /** Codes inside a number's symbol. */
  codes: readonly string[];
  /** Is it a Party document (numbers restart each term, no year)? */
  party?: boolean;
}

export const DOC_TYPES: readonly DocTypeInfo[] = [
  { type: 'ket-luan', label: 'Kết luận', codes: ['KL'], party: true },
  { type: 'nghi-quyet', label: 'Nghị quyết', codes: ['NQ'] },
  { type: 'quy-dinh', label: 'Quy định', codes: ['QĐ'], party: true },
  { type: 'chi-thi', label: 'Chỉ thị', codes: ['CT'] },
  { type: 'huong-dan', label: 'Hướng dẫn', codes: ['HD'], party: true },
  { type: 'thong-bao', label: 'Thông báo', codes: ['TB'] },
  { type: 'ke-hoach', label: 'Kế hoạch', codes: ['KH'] },
  { type: 'bao-cao', label: 'Báo cáo', codes: ['BC'] },
  { type: 'hien-phap', label: 'Hiến pháp', codes: [] },
  { type: 'bo-luat', label: 'Bộ luật', codes: [] },
  { type: 'thong-tu-lien-tich', label: 'Thông tư liên tịch', codes: ['TTLT'] },
  { type: 'luat', label: 'Luật', codes: [] },
  { type: 'phap-lenh', label: 'Pháp lệnh', codes: ['PL'] },
  { type: 'nghi-dinh', label: 'Nghị định', codes: ['NĐ'] },
  { type: 'thong-tu', label: 'Thông tư', codes: ['TT'] },
  { type: 'quyet-dinh', label: 'Quyết định', codes: ['QĐ'] },
  { type: 'cong-van', label: 'Công văn', codes: [] },
  { type: 'van-ban-hop-nhat', label: 'Văn bản hợp nhất', codes: ['VBHN'] },
  { type: 'cong-dien', label: 'Công điện', codes: ['CĐ'] },
  { type: 'an-le', label: 'Án lệ', codes: ['AL'] },
  { type: 'phu-luc', label: 'Phụ lục', codes: [] },
  { type: 'chi-dao', label: 'Văn bản chỉ đạo', codes: [] },
  { type: 'tin-tuc', label: 'Tin tức', codes: [] },
  { type: 'khac', label: 'Văn bản', codes: [] },
];

const BY_TYPE = new Map(DOC_TYPES.map((t) => [t.type, t]));

export function typeInfo(type: DocType): DocTypeInfo {
  return BY_TYPE.get(type) ?? BY_TYPE.get('khac')!;
}

/** Longest names first, so "Bộ luật" wins over "Luật" and "Thông tư liên tịch" over "Thông tư". */
// "Phụ lục 01" inside a text is a part of it, not a document cited by name: not a type name here.
const NAMED = DOC_TYPES.filter((t) => !['chi-dao', 'tin-tuc', 'khac', 'cong-van', 'phu-luc'].includes(t.type))
  .concat([
    { type: 'cong-van', label: 'Công văn', codes: [] },
    // Joint resolutions are resolutions: "Nghị quyết liên tịch số 01/2010/NQLT-CP-HCCBVN".
    { type: 'nghi-quyet', label: 'Nghị quyết liên tịch', codes: ['NQLT'] },
  ])
  .sort((a, b) => b.label.length - a.label.length);

/** Alternation of type names for regexes: "Thông tư liên tịch|Bộ luật|…". */
export const TYPE_NAMES = NAMED.map((t) => t.label).join('|');

/** "KẾT LUẬN" / "Kết Luận" / "kết luận" → ket-luan. */
export function typeFromName(name: string): DocType | undefined {
  const lower = name.toLowerCase().replace(/\s+/g, ' ').trim();
  return NAMED.find((t) => t.label.toLowerCase() === lower)?.type;
}

/** The type a number's symbol says: "202-KL/TW" → ket-luan, "15/2020/NĐ-CP" → nghi-dinh; Luật numbers ("53/2014/QH13") say luat. */
export function typeFromNumber(number: string): DocType | undefined {
  const parts = number.toUpperCase().split(/[-/]/);
  if (parts.some((p) => /^QH\d*$/.test(p)) && !parts.includes('NQ')) return 'luat';
  if (parts.includes('UBTVQH') || parts.some((p) => /^UBTVQH\d*$/.test(p))) return parts.includes('NQ') ? 'nghi-quyet' : 'phap-lenh';
  if (parts.includes('NQLT')) return 'nghi-quyet';
  for (const t of DOC_TYPES) if (t.codes.some((c) => parts.includes(c))) return t.type;
  return undefined;
}

/** Party terms (khóa) by the date of the Congress that opened them: Party numbers restart with each. */
export const PARTY_TERMS: readonly { term: string; from: string }[] = [
  { term: 'X', from: '2006-04-25' },
  { term: 'XI', from: '2011-01-19' },
  { term: 'XII', from: '2016-01-28' },
  { term: 'XIII', from: '2021-02-01' },
  { term: 'XIV', from: '2026-01-23' },
];

export function partyTerm(isoDate: string | undefined): string | undefined {
  if (!isoDate) return undefined;
  let term: string | undefined;
  for (const t of PARTY_TERMS) if (isoDate >= t.from) term = t.term;
  return term;
}

/**
 * Effect statuses as data: what the API returns (`EffectStatus`), what the zod schemas and
 * OpenAPI list, and the labels the pages and CLI print all come from here. `scope` says where
 * a status applies: a whole document, a clause (a provision), or both.
 */
export const EFFECT_STATUSES = [
  { status: 'in-force', label: 'Còn hiệu lực', en: 'in force', scope: 'both' },
  { status: 'not-yet-in-force', label: 'Chưa có hiệu lực', en: 'not yet in force', scope: 'both' },
  { status: 'partly-ended', label: 'Hết hiệu lực một phần', en: 'partly ended', scope: 'document' },
  { status: 'ended', label: 'Hết hiệu lực', en: 'ended', scope: 'both' },
  { status: 'replaced', label: 'Bị thay thế', en: 'replaced', scope: 'document' },
  { status: 'superseded', label: 'Có văn bản mới hơn cùng loạt (suy ra)', en: 'superseded (inferred from the series)', scope: 'document' },
  { status: 'repealed', label: 'Bị bãi bỏ', en: 'repealed', scope: 'clause' },
  { status: 'amended', label: 'Đã được sửa đổi, bổ sung', en: 'amended or supplemented', scope: 'clause' },
] as const;

/** What happens to a document or some of its provisions, and on which day (src/graph/status.ts). */
export const EFFECT_EVENTS = [
  // verb: the event in a sentence ("Điều 5 bị bãi bỏ"); by: the label of its evidence on pages.
  { kind: 'effective', label: 'Có hiệu lực', verb: 'có hiệu lực', by: 'Quy định tại', en: 'takes effect' },
  { kind: 'ended', label: 'Hết hiệu lực', verb: 'hết hiệu lực', by: 'Quy định tại', en: 'ends' },
  { kind: 'replaced', label: 'Bị thay thế', verb: 'bị thay thế', by: 'Quy định tại', en: 'is replaced' },
  { kind: 'repealed', label: 'Bị bãi bỏ', verb: 'bị bãi bỏ', by: 'Quy định tại', en: 'is repealed' },
  { kind: 'amended', label: 'Được sửa đổi, bổ sung', verb: 'được sửa đổi, bổ sung', by: 'Quy định tại', en: 'is amended or supplemented' },
  { kind: 'superseded', label: 'Có văn bản mới hơn cùng loạt (suy ra)', verb: 'có văn bản mới hơn cùng loạt (suy ra)', by: 'Suy ra từ loạt văn bản (không ghi trong văn bản)', en: 'is followed by a newer document of its series (inferred)' },
] as const;

/** How each event is said and how its evidence is labelled, by kind (pages take it from the API's effect view). */
export const EFFECT_EVENT_WORDS: Readonly<Record<string, { label: string; verb: string; by: string }>> = Object.fromEntries(EFFECT_EVENTS.map((e) => [e.kind, { label: e.label, verb: e.verb, by: e.by }]));

/** The series inference, said in Vietnamese (src/graph/series.ts): the evidence of an inferred supersession. */
export const SERIES_WORDS = {
  follows: (newer: string, older: string, series: string, issuer?: string) => `${newer} ban hành sau ${older} trong loạt “${series}”${issuer ? ` của ${issuer}` : ''}: cùng cơ quan ban hành, cùng vấn đề, ngày sau hơn (suy ra, không ghi trong văn bản)`,
  latest: (newest: string, series: string) => `${newest} là văn bản mới nhất của loạt “${series}” (suy ra, không ghi trong văn bản)`,
};

/** How an event's date is known. */
export const EFFECT_DATE_BASES = [
  { basis: 'stated', label: 'ngày ghi trong văn bản', en: 'the date is written' },
  { basis: 'acting-effective', label: 'ngày văn bản tác động có hiệu lực ("kể từ ngày … này có hiệu lực")', en: "the acting document's effective date, as its text says" },
  { basis: 'implied', label: 'suy ra: ngày văn bản tác động có hiệu lực (văn bản không ghi ngày)', en: "no date written: the acting document's effective date" },
  { basis: 'issued', label: 'suy ra: ngày ban hành', en: 'no effective date found: the date of issue' },
  { basis: 'unknown', label: 'không rõ ngày', en: 'no date known' },
] as const;

const STATUS_LABELS = new Map<string, string>(EFFECT_STATUSES.map((s) => [s.status, s.label]));
/** The Vietnamese label of an effect status (pages, CLI). */
export function effectLabel(status: string): string {
  return STATUS_LABELS.get(status) ?? status;
}

/**
 * "In force" is said from the documents in the corpus, which never holds every document: a law
 * replaced by one that is not in it (Luật Đất đai 2013 without its 2024 successor) would read
 * "Còn hiệu lực". The view says so next to the status, so nobody acts on it alone.
 */
export const IN_FORCE_CAVEAT = 'Theo các văn bản có trong kho: không văn bản nào trong kho chấm dứt hiệu lực của văn bản này. Kho không chứa mọi văn bản — hãy đối chiếu với nguồn chính thức trước khi áp dụng.';
