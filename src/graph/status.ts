/**
 * Effect status with dates, per document and per provision (issue 12).
 *
 * `deriveEffects` reads, for every document, the events its own text and the texts acting on it
 * state: when it takes effect ("Luật này có hiệu lực thi hành từ ngày …"), when it ends, is
 * replaced or repealed (whole, or "trừ Điều 75 …", kept "đến hết ngày 31 tháng 12 năm 2016"),
 * which provisions are repealed or amended by which clause of which document, and — inferred, and
 * marked so — when a newer conclusion of its Party series follows it. `effectOn` then says what
 * holds on a day. Every event keeps its sentence, the clause that says it, and how its date is known.
 *
 * A wrong "ended" is worse than a missed one, so a document ends only on a whole-document ending
 * relation that passes the guards below; a pinpointed repeal ends only those provisions; anything
 * doubtful is kept as a low-confidence event, shown, never applied.
 */
import type { Clause, ClauseEffectView, ClauseStatus, DocumentEffect, DocumentRecord, Edge, EffectDateBasis, EffectEvent, EffectStatus, EffectView, GraphNode, Pinpoint, ProvisionEffective, Reference } from '../model.ts';
import { EFFECT_EVENT_WORDS, effectLabel, IN_FORCE_CAVEAT } from '../doc-types.ts';
import { pinpointId } from '../resolve/index.ts';

const S = '[ \\u00a0]+';
/** The words a document names itself with before "này". */
const SELF_TYPES = 'Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định|Kết luận|Quy định|Quy chế|Chỉ thị|Hướng dẫn|Hiến pháp|Văn bản|Điều lệ|Kế hoạch|Thông báo';
const DATE = `ngày${S}(?<d>\\d{1,2})(?:${S}tháng${S}(?<m>\\d{1,2})${S}năm${S}(?<y>\\d{4})|[ \\u00a0]*[/.-][ \\u00a0]*(?<m2>\\d{1,2})[ \\u00a0]*[/.-][ \\u00a0]*(?<y2>\\d{4}))`;

export interface StatusPattern {
  id: string;
  re: RegExp;
  note: string;
  /** Real sentences (VLC laws) it must match, and ones it must not. */
  examples: string[];
  counterExamples: string[];
}

/** The phrases the status is read from, as data; tests run every example and counter-example. */
export const STATUS_PATTERNS: Record<'selfEffective' | 'actingEffective' | 'statedFrom' | 'except' | 'provisionEffective' | 'until', StatusPattern> = {
  selfEffective: {
    id: 'self-effective',
    re: new RegExp(`(?<![\\p{L}])(?:${SELF_TYPES})${S}này${S}(?:sẽ${S})?có${S}hiệu${S}lực(?:${S}thi${S}hành)?(?:${S}kể)?${S}từ${S}(?:(?<date>${DATE})|(?<when>ngày${S}(?:ký|ban${S}hành|công${S}bố|thông${S}qua))|năm${S}ngân${S}sách${S}(?<budget>\\d{4}))`, 'iu'),
    note: "The document's own effective date. \"… kể từ ngày ký\" is its date of issue; \"từ năm ngân sách 2017\" the first day of that (calendar) budget year. \"trước ngày Luật này có hiệu lực\" names no date and does not match.",
    examples: ['Luật này có hiệu lực thi hành từ năm ngân sách 2017.', 'Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2015.', 'Bộ luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.', 'Luật này có hiệu lực kể từ ngày 01 tháng 01 năm 2004.', 'Nghị định này có hiệu lực thi hành kể từ ngày ký.'],
    counterExamples: ['Các quy định của Luật này được áp dụng đối với người đã tham gia bảo hiểm xã hội từ trước ngày Luật này có hiệu lực.', 'Hợp đồng chuyển giao công nghệ thuộc trường hợp đăng ký theo quy định tại khoản 1 và khoản 2 Điều 31 của Luật này có hiệu lực từ thời điểm được cấp Giấy chứng nhận'],
  },
  actingEffective: {
    id: 'acting-effective',
    re: new RegExp(`(?:kể${S})?từ${S}ngày${S}(?:${SELF_TYPES})${S}này${S}có${S}hiệu${S}lực`, 'iu'),
    note: 'The ending takes effect when the acting document does: its effective date.',
    examples: ['Luật công chứng số 82/2006/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.', 'Bộ luật Lao động số 10/2012/QH13 hết hiệu lực thi hành kể từ ngày Bộ luật này có hiệu lực.'],
    counterExamples: ['Luật này thay thế Luật bảo vệ và phát triển rừng năm 1991.'],
  },
  statedFrom: {
    id: 'stated-from',
    re: new RegExp(`(?:kể${S})?từ${S}(?<date>${DATE})`, 'iu'),
    note: 'A day written with the ending itself.',
    examples: ['Pháp lệnh X hết hiệu lực kể từ ngày 01 tháng 7 năm 2007.'],
    counterExamples: ['tiếp tục có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2016'],
  },
  except: {
    id: 'except',
    re: new RegExp(`^.*?(?:,|${S})${S}?trừ${S}(?<what>[^;]+?)(?=${S}(?:tiếp${S}tục|thì|vẫn)|[.;]?\\s*$)`, 'iu'),
    note: 'A partial ending: what keeps effect. "trừ trường hợp …" is a condition (a transitional case of the new law), not provisions of the old one.',
    examples: [
      ' hết hiệu lực kể từ ngày Bộ luật này có hiệu lực thi hành, trừ các quy định tại Điều 159 và điểm h khoản 1 Điều 192 tiếp tục có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2016.',
      ' hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ Điều 75 của Luật Đầu tư số 67/2014/QH14.',
    ],
    counterExamples: [' hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.'],
  },
  provisionEffective: {
    id: 'provision-effective',
    re: new RegExp(`(?<what>(?:(?:Các${S})?[Qq]uy${S}định${S}tại${S}|[Cc]ác${S})?(?:[Đđ]iểm|[Kk]hoản|[Đđ]iều|[Cc]hương|[Mm]ục)${S}[^.;:]*?)(?:${S}của${S}(?:Bộ${S})?(?:luật|Luật|Nghị${S}định|Pháp${S}lệnh|Thông${S}tư)${S}này)?${S}(?:thì${S})?có${S}hiệu${S}lực(?:${S}thi${S}hành)?(?:${S}kể)?${S}từ${S}(?<date>${DATE})`, 'u'),
    note: 'Provisions that take effect on a day of their own, in the article on effect ("Hiệu lực thi hành").',
    examples: ['2. Quy định tại khoản 3 Điều 75 của Luật này có hiệu lực thi hành từ ngày 01 tháng 9 năm 2020.', '2. Khoản 3 Điều 29 của Luật này có hiệu lực thi hành từ ngày 01 tháng 02 năm 2021.'],
    counterExamples: ['1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2022, trừ trường hợp quy định tại khoản 2 Điều này.'],
  },
  until: {
    id: 'until',
    re: new RegExp(`tiếp${S}tục${S}(?:có${S}hiệu${S}lực|được${S}áp${S}dụng|áp${S}dụng)(?:${S}thi${S}hành)?(?:${S}cho)?${S}đến${S}(?:hết${S})?(?<date>${DATE})`, 'iu'),
    note: 'The last day provisions kept in force still apply.',
    examples: ['trừ các quy định tại Điều 159 và điểm h khoản 1 Điều 192 tiếp tục có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2016.'],
    counterExamples: ['tiếp tục có hiệu lực thi hành cho đến khi bị hủy bỏ'],
  },
};

/** An ISO day from a DATE match, or undefined when it is not a real day. */
function isoDay(g: Record<string, string | undefined>): string | undefined {
  const y = Number(g.y ?? g.y2);
  const m = Number(g.m ?? g.m2);
  const d = Number(g.d);
  if (!y || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return new Date(iso + 'T00:00:00Z').toISOString().startsWith(iso) ? iso : undefined;
}

/** The date a DATE-bearing pattern matched, in ISO. */
function matchDate(m: RegExpExecArray): string | undefined {
  return m.groups?.d ? isoDay(m.groups) : undefined;
}

/** The sentence of `text` around offset `at` (full stops before a space; semicolons do not end it). */
function sentenceAt(text: string, at: number, end: number): string {
  let s = at;
  while (s > 0 && text[s - 1] !== '\n' && !(text[s - 1] === '.' && /\s/.test(text[s] ?? ''))) s--;
  let e = end;
  while (e < text.length && text[e] !== '\n' && !(text[e] === '.' && /\s|$/.test(text[e + 1] ?? ''))) e++;
  return text.slice(s, Math.min(text.length, e + 1)).trim();
}

export interface EffectiveDate {
  date?: string;
  basis: EffectDateBasis;
  clauseId?: string;
  evidence: string;
}

/** When a document takes effect, from its own text; else its date of issue (inferred). */
export function effectiveDate(doc: Pick<DocumentRecord, 'date' | 'clauses'>): EffectiveDate {
  for (const c of doc.clauses) {
    // A plain substring test first: a Unicode, case-insensitive regex over every clause of a corpus is slow.
    if (!c.text.includes('iệu lực') && !c.text.includes('iệu\u00a0lực')) continue;
    const m = STATUS_PATTERNS.selfEffective.re.exec(c.text);
    if (!m) continue;
    const evidence = sentenceAt(c.text, m.index, m.index + m[0].length);
    if (m.groups?.date) {
      const date = matchDate(m);
      if (date) return { date, basis: 'stated', clauseId: c.id, evidence };
    } else if (m.groups?.budget) return { date: `${m.groups.budget}-01-01`, basis: 'stated', clauseId: c.id, evidence }; else if (doc.date) return { date: doc.date, basis: /ký|ban\s+hành/iu.test(m.groups?.when ?? '') ? 'stated' : 'issued', clauseId: c.id, evidence };
  }
  return doc.date ? { date: doc.date, basis: 'issued', evidence: 'no "… này có hiệu lực (thi hành) từ ngày …" in the text: the date of issue' } : { basis: 'unknown', evidence: 'no effective date in the text, no date of issue' };
}

/**
 * The day each document takes effect as its own text states it (memoised), for the resolver: a
 * name without a year means the version in force on the citing day, and a law issued but not yet
 * in force is not that (src/resolve `ResolverOptions.effectiveOf`). Undefined when not stated.
 */
export function statedEffectiveDays(docs: readonly Pick<DocumentRecord, 'id' | 'date' | 'clauses'>[]): (docId: string) => string | undefined {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const memo = new Map<string, string | undefined>();
  return (id) => {
    if (memo.has(id)) return memo.get(id);
    const d = byId.get(id);
    const e = d ? effectiveDate(d) : undefined;
    const day = e?.basis === 'stated' ? e.date : undefined;
    memo.set(id, day);
    return day;
  };
}

/**
 * Provisions with an effective day of their own, in the article that gives the document's
 * ("2. Quy định tại khoản 3 Điều 29 của Luật này có hiệu lực thi hành từ ngày 01 tháng 02 năm 2021").
 */
function provisionsEffective(doc: DocumentRecord, e: EffectiveDate): EffectEvent[] {
  if (!e.clauseId || e.basis !== 'stated') return [];
  const article = e.clauseId.split('/').slice(0, 2).join('/');
  const out: EffectEvent[] = [];
  for (const c of doc.clauses) {
    if (c.id !== article && !c.id.startsWith(article + '/')) continue;
    const m = STATUS_PATTERNS.provisionEffective.re.exec(c.text);
    const date = m && matchDate(m);
    if (!m || !date || date === e.date) continue;
    const listed = parseProvisions(m.groups!.what!.replace(/^(?:(?:Các[ \u00a0]+)?[Qq]uy[ \u00a0]+định[ \u00a0]+tại[ \u00a0]+|[Cc]ác[ \u00a0]+)/u, ''));
    const own = listed.filter((p) => p.pinpoint && !/này/u.test(p.label));
    if (!own.length) continue;
    out.push({
      kind: 'effective',
      date,
      dateBasis: 'stated',
      byClause: c.id,
      provisions: own.map((p) => p.label),
      clauses: own.flatMap((p) => [pinpointId(doc.id, p.pinpoint!)].filter((x): x is string => !!x)),
      evidence: sentenceAt(c.text, m.index, m.index + m[0].length),
      inferred: false,
      confidence: 'high',
      refs: [],
    });
  }
  return out;
}

/* ---------------------------------------------------------------------------------------- */
/* Provisions as written: "điểm d khoản 1 Điều 44 và Điều 58", "khoản 3 và khoản 4 Điều 19". */

const UNIT = /(?<![\p{L}\d])(tiểu mục|phụ lục(?: số)?|điểm|khoản|điều|mục|chương|phần)[ \u00a0]+([0-9]+(?:\.[0-9]+)*[a-zđ]?|[IVXLC]+(?![\p{L}])|[a-zđ](?![\p{L}]))/giu;
const UNIT_KEY: Record<string, keyof Pinpoint | 'phuluc' | 'tieumuc'> = { điểm: 'diem', khoản: 'khoan', điều: 'dieu', mục: 'muc', chương: 'chuong', phần: 'phan', 'phụ lục': 'phuluc', 'phụ lục số': 'phuluc', 'tiểu mục': 'tieumuc' };
const UNIT_WORD: Record<string, string> = { diem: 'điểm', khoan: 'khoản', dieu: 'Điều', muc: 'Mục', chuong: 'Chương', phan: 'Phần', phuluc: 'Phụ lục', tieumuc: 'tiểu mục' };
const ORDER = ['tieumuc', 'diem', 'khoan', 'dieu', 'muc', 'chuong', 'phan', 'phuluc'];
/** Words that say a pinpoint is there. */
const PIN_WORD = /(?<![\p{L}])(?:điểm|khoản|điều|mục|chương|phần|phụ lục|tiểu mục)[ \u00a0]+(?:số[ \u00a0]+)?[0-9IVXLC]/iu;

export interface Provision {
  label: string;
  pinpoint?: Pinpoint;
}

/** The provisions a list names, each with the article (and clause) it inherits from the next item. */
export function parseProvisions(text: string): Provision[] {
  const parts = text.split(/[ \u00a0]*(?:,|;|[ \u00a0]và[ \u00a0]|[ \u00a0]hoặc[ \u00a0])[ \u00a0]*/u);
  let lastKind: string | undefined;
  const items: Map<string, string>[] = [];
  for (const part of parts) {
    const units = new Map<string, string>();
    for (const m of part.matchAll(UNIT)) {
      const key = UNIT_KEY[m[1]!.toLowerCase().replace(/\s+/g, ' ')];
      if (key && !units.has(key)) units.set(key, key === 'diem' ? m[2]!.toLowerCase() : m[2]!);
    }
    // "các điều 223, 224 và 234": a bare number continues the list's unit.
    const bare = /^[ \u00a0]*(\d{1,4}[a-zđ]?)(?![\d/])/u.exec(part);
    if (!units.size && bare && lastKind) units.set(lastKind, bare[1]!);
    else if (bare && lastKind && !/^[ \u00a0]*(?:điểm|khoản|điều|mục|chương|phần)/iu.test(part) && !units.has(lastKind)) units.set(lastKind, bare[1]!);
    if (!units.size) continue;
    lastKind = [...units.keys()][0];
    items.push(units);
  }
  // "khoản 3 và khoản 4 Điều 19": an item without its article takes the next item's.
  for (let i = items.length - 2; i >= 0; i--) {
    const it = items[i]!;
    const next = items[i + 1]!;
    const highest = Math.max(...[...it.keys()].map((k) => ORDER.indexOf(k)));
    for (const k of ORDER.slice(highest + 1)) if (next.has(k)) it.set(k, next.get(k)!);
  }
  return items.map((u) => {
    const label = ORDER.filter((k) => u.has(k))
      .map((k) => `${UNIT_WORD[k]} ${u.get(k)}`)
      .join(' ');
    const p: Pinpoint = {};
    for (const k of ['diem', 'khoan', 'dieu', 'muc', 'chuong', 'phan'] as const) if (u.has(k)) p[k] = u.get(k)!;
    // An annex or its sub-items are not clauses of the tree.
    return u.has('phuluc') || u.has('tieumuc') ? { label } : { label, pinpoint: p };
  });
}

function pinpointLabel(p: Pinpoint): string {
  return [p.diem && `điểm ${p.diem}`, p.khoan && `khoản ${p.khoan}`, p.dieu && `Điều ${p.dieu}`, p.muc && `Mục ${p.muc}`, p.chuong && `Chương ${p.chuong}`, p.phan && `Phần ${p.phan}`].filter(Boolean).join(' ');
}

/* ---------------------------------------------------------------------------------------- */

type Acting = 'ended' | 'replaced' | 'repealed' | 'amended';
const ACTIVE: Partial<Record<string, Acting>> = { 'ends-effect': 'ended', replaces: 'replaced', repeals: 'repealed', amends: 'amended', supplements: 'amended' };
const PASSIVE: Partial<Record<string, Acting>> = { 'amended-by': 'amended', 'supplemented-by': 'amended', 'repealed-by': 'repealed' };
/** The verb before an object: "Bãi bỏ …", "thay thế …", "sửa đổi, bổ sung …". */
const VERB_BEFORE = /(?:bãi[ \u00a0]+bỏ|hủy[ \u00a0]+bỏ|huỷ[ \u00a0]+bỏ|thay[ \u00a0]+thế|sửa[ \u00a0]+đổi|bổ[ \u00a0]+sung|hết[ \u00a0]+hiệu[ \u00a0]+lực(?:[ \u00a0]+thi[ \u00a0]+hành)?)(?:[ \u00a0]*:)?/giu;
/**
 * "… số 55/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 35/2018/QH14, Luật số
 * 39/2019/QH14 và Luật số 61/2020/QH14 hết hiệu lực …": the laws after "theo" are the amending
 * laws, cited; they stay in force. A list of bare "Luật số N" after the phrase.
 */
const AMENDED_BY_TAIL = new RegExp(`(?:sửa${S}đổi|bổ${S}sung)(?:[^;.]{0,40}?)${S}(?:theo|bởi)${S}(?:(?:(?:Bộ${S}luật|Luật|Pháp${S}lệnh|Nghị${S}quyết|Nghị${S}định)${S}(?:số${S})?[^\\s,;]+)(?:${S}|,${S}|${S}và${S})*)*$`, 'iu');
/** A verb that is part of a document's name: "Luật sửa đổi, bổ sung …", "Luật số 34/2009/QH12 sửa đổi, bổ sung …". */
const IN_NAME = /(?:luật|lệnh|định|quyết|tư)(?:[ \u00a0]+số[ \u00a0]+[^\s,;]+)?[ \u00a0]*$|sửa[ \u00a0]+đổi,?[ \u00a0]*$/iu;
/** Where a provision list stops: "… của Luật …", "… tại Nghị định …". */
const OF_DOCUMENT = /[ \u00a0]+(?:của|tại)(?:[ \u00a0]+(?:Bộ[ \u00a0]+luật|Luật|Pháp[ \u00a0]+lệnh|Nghị[ \u00a0]+định|Nghị[ \u00a0]+quyết|Thông[ \u00a0]+tư|Quyết[ \u00a0]+định)[\s\S]*)?$/u;
/** The last item of a list before a reference: after ";", ":" or the number or year of the document before it. */
function lastItem(text: string): string {
  let cut = Math.max(text.lastIndexOf(';'), text.lastIndexOf(':'));
  for (const m of text.matchAll(/\d{1,4}\/\d{4}\/[^\s,;]+|năm[ \u00a0]+\d{4}/gu)) cut = Math.max(cut, m.index! + m[0].length - 1);
  return text.slice(cut + 1);
}
const BARE_NUMBERED = new RegExp(`^(?:Bộ${S}luật|Luật|Pháp${S}lệnh|Nghị${S}quyết|Nghị${S}định)${S}(?:số${S})?[^\\s,;]+$`, 'iu');

export interface StatusInputs {
  documents: DocumentRecord[];
  references: Reference[];
  nodes: GraphNode[];
  edges: Edge[];
}

/** Every document's effect events (in-corpus documents and external nodes that something acts on). */
export function deriveEffects({ documents, references, nodes, edges }: StatusInputs): DocumentEffect[] {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const clauses = new Map<string, Clause>();
  for (const d of documents) for (const c of d.clauses) clauses.set(c.id, c);
  const events = new Map<string, EffectEvent[]>();
  const add = (docId: string, e: EffectEvent) => {
    const list = events.get(docId);
    if (list) list.push(e);
    else events.set(docId, [e]);
  };
  const effective = new Map<string, EffectiveDate>();
  const effectiveOf = (id: string): EffectiveDate => {
    let e = effective.get(id);
    if (!e) {
      const d = docs.get(id);
      const n = byId.get(id);
      e = d ? effectiveDate(d) : n?.date ? { date: n.date, basis: 'issued', evidence: 'the date of issue the citations give' } : { basis: 'unknown', evidence: '' };
      effective.set(id, e);
    }
    return e;
  };

  for (const d of documents) {
    const e = effectiveOf(d.id);
    for (const p of provisionsEffective(d, e)) add(d.id, p);
    add(d.id, {
      kind: 'effective',
      ...(e.date ? { date: e.date } : {}),
      dateBasis: e.basis,
      ...(e.clauseId ? { byClause: e.clauseId } : {}),
      evidence: e.evidence,
      inferred: e.basis !== 'stated',
      confidence: e.basis === 'stated' ? 'high' : 'low',
      refs: [],
    });
  }

  const merged = new Map<string, EffectEvent>();
  for (const r of references) {
    if (r.target.scope !== 'document' || !r.targetDocId || (r.status !== 'resolved' && r.status !== 'external')) continue;
    const active = ACTIVE[r.relation];
    const passive = PASSIVE[r.relation];
    if (!active && !passive) continue;
    const acting = active ? r.docId : r.targetDocId;
    const target = active ? r.targetDocId : r.docId;
    if (acting === target) continue;
    const actingNode = byId.get(acting);
    const targetNode = byId.get(target);
    if (!targetNode) continue;
    // A document cannot end or amend one issued after it: the name resolved to a later version.
    if (actingNode?.date && targetNode.date && targetNode.date > actingNode.date) continue;
    const event = active ? activeEvent(r, active, acting, target, clauses, effectiveOf) : passiveEvent(r, passive!, acting, target, clauses, effectiveOf);
    if (!event) continue;
    // An appendix (tables of provisions, sample forms) or a title does not end a document on its own
    // word: shown as uncertain, never applied (amendments named there stand).
    const frameKind = clauses.get(r.clauseId)?.kind;
    if ((frameKind === 'appendix' || frameKind === 'title') && DOCUMENT_ENDINGS.has(event.kind)) event.confidence = 'low';
    const key = `${target}|${event.byClause ?? ''}|${event.kind}|${event.provisions ? 'p' : 'w'}`;
    const seen = merged.get(key);
    if (seen) {
      seen.refs.push(r.id);
      for (const p of event.provisions ?? []) if (!seen.provisions!.includes(p)) seen.provisions!.push(p);
      for (const c of event.clauses ?? []) if (!seen.clauses?.includes(c)) (seen.clauses ??= []).push(c);
      if (event.confidence === 'high') seen.confidence = 'high';
      continue;
    }
    merged.set(key, event);
    add(target, event);
  }

  // The Party series: a newer conclusion follows (inferred, and said so).
  for (const e of edges) {
    if (e.relation !== 'supersedes' || !e.inferred) continue;
    const newer = byId.get(e.from);
    add(e.to, {
      kind: 'superseded',
      ...(newer?.date ? { date: newer.date } : {}),
      dateBasis: newer?.date ? 'issued' : 'unknown',
      by: e.from,
      evidence: e.evidence,
      inferred: true,
      confidence: 'high',
      refs: [],
    });
  }

  return [...events.entries()].map(([docId, list]) => ({ docId, events: list.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999')) }));
}

/** Where the reference sits in its sentence: what comes before it and after it. */
function around(r: Reference, clauses: Map<string, Clause>): { before: string; after: string } {
  const c = clauses.get(r.clauseId);
  const inClause = c ? c.text.indexOf(r.sentence) : -1;
  const at = inClause >= 0 && r.start >= inClause ? r.start - inClause : r.sentence.indexOf(r.text);
  if (at < 0) return { before: '', after: '' };
  return { before: r.sentence.slice(0, at), after: r.sentence.slice(at + r.text.length) };
}

function activeEvent(r: Reference, kind: Acting, acting: string, target: string, clauses: Map<string, Clause>, effectiveOf: (id: string) => EffectiveDate): EffectEvent | undefined {
  const { before, after } = around(r, clauses);
  // An amending law named after "đã được sửa đổi, bổ sung … theo" is cited, not acted on.
  if (AMENDED_BY_TAIL.test(before) && BARE_NUMBERED.test(r.text.trim())) return undefined;
  // What lies between the verb and the reference (the object's head), or, for a verb after the
  // reference ("X hết hiệu lực"), the subject's words before it.
  // The verb before the object, not one inside a name ("Luật sửa đổi, bổ sung một số điều của …").
  const verbs = kind === 'ended' ? [] : [...before.matchAll(VERB_BEFORE)].filter((m) => !IN_NAME.test(before.slice(Math.max(0, m.index! - 30), m.index)));
  const lastVerb = verbs.at(-1);
  const fromVerb = lastVerb ? before.slice(lastVerb.index! + lastVerb[0].length) : before;
  // "Bãi bỏ …, trừ Điều 75 của Luật Đầu tư …": the exception is what is not acted on.
  if (/(?:,|[ \u00a0])trừ[ \u00a0]/u.test(fromVerb)) return undefined;
  // The object's (or subject's) own words: from the verb, or the last list item (after ";", ":" or the previous document's number).
  const head = lastItem(fromVerb);
  let provisions: Provision[] = [];
  const pin = r.target.pinpoint;
  // Any pinpoint at all (an annex, a section, Party items) means part of the document, never all of it.
  const pinned = !!pin && Object.values(pin).some((v) => v !== undefined && (!Array.isArray(v) || v.length));
  // "Bãi bỏ khoản 3 và khoản 4 Điều 19 của Luật …": the pinpoints before the reference and in it, read together.
  const written = (head + r.text).replace(OF_DOCUMENT, '');
  if (PIN_WORD.test(written)) provisions = parseProvisions(written);
  if (!provisions.length && pinned) {
    // Further pinpoints of the same document, when the finder gives them ("… Điều 44 và Điều 58 của Luật …").
    const pins = [pin, ...((pin as Pinpoint & { more?: Pinpoint[] }).more ?? [])];
    provisions = pins.flatMap((p): Provision[] => (p.dieuList?.length ? p.dieuList.map((d) => ({ label: `Điều ${d}`, pinpoint: { dieu: d } })) : [{ label: pinpointLabel(p) || r.text, ...(p.dieu || p.chuong || p.phan ? { pinpoint: p } : {}) }]));
  }
  // "bãi bỏ quy định về …", "Thay thế cụm từ …": part of the text, not the document ("các quy định tại Luật X" is all of it).
  const partByWords = !provisions.length && /(?:cụm[ \u00a0]+từ|quy[ \u00a0]+định[ \u00a0]+(?:về|đối[ \u00a0]+với))/iu.test(head);
  let eventKind: EffectEvent['kind'] = kind;
  if (kind === 'replaced' && (provisions.length || /cụm[ \u00a0]+từ/iu.test(head))) eventKind = 'amended';
  // The object is far from the verb, or the verb acts on something else ("hủy bỏ nghị quyết …
  // theo quy định của Luật …"): not sure the document is acted on.
  const doubtful = kind !== 'ended' && lastVerb !== undefined && !provisions.length && (head.length > 80 || /(?:theo|căn[ \u00a0]+cứ|của[ \u00a0]+[\p{Ll}])/u.test(head) || /nghị[ \u00a0]+quyết,|quyết[ \u00a0]+định[ \u00a0]+của|hợp[ \u00a0]+đồng/iu.test(head));
  const noVerb = kind !== 'ended' && !lastVerb && !/^[ \u00a0]*(?:hết|bị)/u.test(after);

  // When: "kể từ ngày Luật này có hiệu lực" (the acting document's effective day), a day written, or nothing (implied).
  const tail = kind === 'ended' ? after : r.sentence;
  const eff = effectiveOf(acting);
  let date: string | undefined;
  let dateBasis: EffectDateBasis;
  const stated = STATUS_PATTERNS.statedFrom.re.exec(tail);
  if (STATUS_PATTERNS.actingEffective.re.test(tail)) {
    date = eff.date;
    dateBasis = eff.date ? (eff.basis === 'stated' ? 'acting-effective' : 'issued') : 'unknown';
  } else if (stated && matchDate(stated)) {
    date = matchDate(stated);
    dateBasis = 'stated';
  } else {
    date = eff.date;
    dateBasis = eff.date ? (eff.basis === 'stated' ? 'implied' : 'issued') : 'unknown';
  }

  // Partial ending: ", trừ …" (what keeps effect) and "tiếp tục có hiệu lực … đến hết ngày …".
  let except: Provision[] | undefined;
  let until: string | undefined;
  let note: string | undefined;
  const ex = kind === 'ended' || kind === 'replaced' || kind === 'repealed' ? STATUS_PATTERNS.except.re.exec(after) : null;
  if (ex && !provisions.length) {
    const what = ex.groups!.what!.trim();
    const names = r.target.number ? what.includes(r.target.number) : false;
    if (/^trường[ \u00a0]+hợp/iu.test(what) || (/của[ \u00a0]+(?:Bộ[ \u00a0]+)?luật[ \u00a0]+này/iu.test(what) && !names)) note = `trừ ${what}`;
    else if (/của[ \u00a0]+(?:Bộ[ \u00a0]+luật|Luật|Pháp[ \u00a0]+lệnh|Nghị[ \u00a0]+định|Nghị[ \u00a0]+quyết)/u.test(what) && !names) note = `trừ ${what}`;
    else {
      const listed = parseProvisions(what.replace(/^(?:các[ \u00a0]+)?(?:quy[ \u00a0]+định[ \u00a0]+tại[ \u00a0]+)?/iu, '').replace(/[ \u00a0]+của[ \u00a0]+.*$/u, ''));
      except = listed.length ? listed : [{ label: what }];
    }
    const u = STATUS_PATTERNS.until.re.exec(after);
    if (u) until = matchDate(u);
    else if (/tiếp[ \u00a0]+tục[^.;]*cho[ \u00a0]+đến[ \u00a0]+khi/iu.test(after)) note = 'the excepted provisions continue until repealed ("cho đến khi bị hủy bỏ")';
  }

  const whole = !provisions.length && !partByWords;
  return {
    kind: eventKind,
    ...(date ? { date } : {}),
    dateBasis,
    by: acting,
    byClause: r.clauseId,
    ...(whole ? {} : { provisions: provisions.length ? provisions.map((p) => p.label) : [head.trim() || r.text] }),
    ...(provisions.some((p) => p.pinpoint) ? { clauses: provisions.flatMap((p) => (p.pinpoint ? [pinpointId(target, p.pinpoint)].filter((x): x is string => !!x) : [])) } : {}),
    ...(except ? { except: except.map((p) => p.label), exceptClauses: except.flatMap((p) => (p.pinpoint ? [pinpointId(target, p.pinpoint)].filter((x): x is string => !!x) : [])) } : {}),
    ...(until ? { until } : {}),
    ...(note ? { note } : {}),
    evidence: r.sentence,
    inferred: false,
    confidence: doubtful || noVerb ? 'low' : 'high',
    refs: [r.id],
  };
}

/** "(… được sửa đổi bởi Điều 1 Nghị định số 07/2025/NĐ-CP …)": the note on the amended clause itself. */
function passiveEvent(r: Reference, kind: Acting, acting: string, _target: string, clauses: Map<string, Clause>, effectiveOf: (id: string) => EffectiveDate): EffectEvent | undefined {
  // "… số 58/2014/QH13 đã được sửa đổi, bổ sung theo Luật số 84/2015/QH13": in a law's body the
  // thing amended is the document named before, not the citing clause. Only the source notes'
  // "… được sửa đổi bởi …" (Bộ pháp điển) speak of the clause they hang from.
  if (!/bởi/u.test(r.trigger ?? '') && !/bởi[ \u00a0]*$/u.test(around(r, clauses).before)) return undefined;
  const clause = clauses.get(r.clauseId);
  const eff = effectiveOf(acting);
  // "… bởi Điều 2 Nghị định số 33/2012/NĐ-CP có hiệu lực thi hành kể từ ngày 01/06/2012)": the day the note gives.
  const own = /^[ \u00a0]*,?[ \u00a0]*có[ \u00a0]+hiệu[ \u00a0]+lực/u.test(around(r, clauses).after) ? STATUS_PATTERNS.statedFrom.re.exec(around(r, clauses).after.split(/[;)]/u)[0]!) : null;
  const stated = own ? matchDate(own) : undefined;
  return {
    kind,
    ...(stated ? { date: stated } : eff.date ? { date: eff.date } : {}),
    dateBasis: stated ? 'stated' : eff.date ? (eff.basis === 'stated' ? 'implied' : 'issued') : 'unknown',
    by: acting,
    ...(r.targetClauseId ? { byClause: r.targetClauseId } : {}),
    provisions: [clause?.pathLabel ?? r.clauseId],
    clauses: [r.clauseId],
    evidence: r.sentence,
    inferred: false,
    confidence: 'high',
    refs: [r.id],
  };
}

/* ---------------------------------------------------------------------------------------- */

const DOCUMENT_ENDINGS = new Set<EffectEvent['kind']>(['ended', 'replaced', 'repealed']);

/**
 * The status on `asOf` (ISO day), or as last known without one. Only high-confidence events
 * apply; an event whose day is unknown applies only when no day is asked for.
 */
export function effectOn(events: readonly EffectEvent[], asOf?: string): EffectView {
  const effective = events.find((e) => e.kind === 'effective' && !e.provisions);
  const applies = (e: EffectEvent) => e.confidence === 'high' && (!asOf || (e.date !== undefined && e.date <= asOf));
  const uncertain = events.filter((e) => e.kind !== 'effective' && e.confidence === 'low');
  const pending = events.filter((e) => e.kind !== 'effective' && e.confidence === 'high' && !applies(e));
  // Provisions that take effect on a day of their own, whatever the day asked.
  const provisionsEffective: ProvisionEffective[] = events.flatMap((e) =>
    e.kind === 'effective' && e.provisions && e.date
      ? e.provisions.map((p, i): ProvisionEffective => ({ provision: p, ...(e.clauses?.[i] ? { clauseId: e.clauses[i] } : {}), from: e.date!, when: effective?.date && e.date! < effective.date ? 'earlier' : 'later', ...(e.byClause ? { evidenceClauseId: e.byClause } : {}), evidence: e.evidence }))
      : [],
  );
  const base = {
    ...(asOf ? { asOf } : {}),
    ...(effective?.date ? { effectiveFrom: effective.date, effectiveBasis: effective.dateBasis } : {}),
    pending,
    uncertain,
  };
  const view = (status: EffectStatus, inferred: boolean, event?: EffectEvent, since?: string, clauses: ClauseEffectView[] = []): EffectView => ({
    ...(base.asOf ? { asOf: base.asOf } : {}),
    status,
    label: effectLabel(status),
    ...(since ? { since } : {}),
    inferred,
    ...(status === 'in-force' ? { caveat: IN_FORCE_CAVEAT } : {}),
    ...(base.effectiveFrom ? { effectiveFrom: base.effectiveFrom, effectiveBasis: base.effectiveBasis } : {}),
    ...(event ? { event } : {}),
    clauses,
    pending: base.pending,
    uncertain: base.uncertain,
    provisionsEffective,
    eventWords: EFFECT_EVENT_WORDS,
  });
  if (asOf && effective?.date && asOf < effective.date) {
    // Provisions that take effect before the rest of the document.
    const early = events.flatMap((e) =>
      e.kind === 'effective' && e.provisions && e.date && e.date <= asOf ? e.provisions.map((p, i): ClauseEffectView => ({ provision: p, ...(e.clauses?.[i] ? { clauseId: e.clauses[i] } : {}), status: 'in-force', label: effectLabel('in-force'), since: e.date!, event: e })) : [],
    );
    return view('not-yet-in-force', effective.inferred, effective, undefined, early);
  }

  // Provisions: the latest applying event for each, and those kept in force by a partial ending.
  const byProvision = new Map<string, ClauseEffectView>();
  const ending = events.find((e) => DOCUMENT_ENDINGS.has(e.kind) && !e.provisions && applies(e));
  for (const e of events) {
    // A provision with an effective day of its own: not yet in force before it.
    if (e.kind === 'effective' && e.provisions && e.date) {
      const later = asOf !== undefined && asOf < e.date;
      e.provisions.forEach((p, i) => {
        const clauseId = e.clauses?.[i];
        const status: EffectStatus = later ? 'not-yet-in-force' : 'in-force';
        byProvision.set(clauseId ?? p, { provision: p, ...(clauseId ? { clauseId } : {}), status, label: effectLabel(status), ...(later ? {} : { since: e.date }), event: e });
      });
      continue;
    }
    if (!e.provisions || !applies(e)) continue;
    const status: EffectStatus = e.kind === 'amended' ? 'amended' : e.kind === 'repealed' ? 'repealed' : 'ended';
    e.provisions.forEach((p, i) => {
      const clauseId = e.clauses?.[i];
      byProvision.set(clauseId ?? p, { provision: p, ...(clauseId ? { clauseId } : {}), status, label: effectLabel(status), ...(e.date ? { since: e.date } : {}), event: e });
    });
  }
  if (ending?.except) {
    const over = ending.until !== undefined && (!asOf || asOf > ending.until);
    ending.except.forEach((p, i) => {
      const clauseId = ending.exceptClauses?.[i];
      const status: EffectStatus = over ? 'ended' : 'in-force';
      byProvision.set(clauseId ?? p, { provision: p, ...(clauseId ? { clauseId } : {}), status, label: effectLabel(status), ...(over ? { since: nextDay(ending.until!) } : {}), ...(!over && ending.until ? { until: ending.until } : {}), event: ending });
    });
    const status: EffectStatus = over ? 'ended' : 'partly-ended';
    return view(status, ending.inferred, ending, over ? nextDay(ending.until!) : ending.date, [...byProvision.values()]);
  }
  const clausesView = [...byProvision.values()];
  if (ending) return view(ending.kind === 'replaced' ? 'replaced' : 'ended', ending.inferred || ending.dateBasis === 'issued', ending, ending.date, clausesView);
  const series = [...events].reverse().find((e) => e.kind === 'superseded' && applies(e));
  if (series) return view('superseded', true, series, series.date, clausesView);
  return view('in-force', effective ? effective.inferred : true, undefined, effective?.date, clausesView);
}

/**
 * One clause's status on the day of `view` (a document's `effectOn`): its own provision's status,
 * else the nearest enclosing provision's (a repealed Điều repeals its khoản), else the document's
 * (a clause of a partly ended document that is not kept in force has ended). `ancestors` are the
 * clause's enclosing clause ids, outermost first.
 */
export function clauseEffectOn(view: EffectView, clauseId: string, ancestors: readonly string[]): ClauseStatus {
  const own = new Map(view.clauses.filter((c) => c.clauseId).map((c) => [c.clauseId!, c]));
  const asOf = view.asOf ? { asOf: view.asOf } : {};
  for (const id of [clauseId, ...[...ancestors].reverse()]) {
    const c = own.get(id);
    if (!c) continue;
    const e = c.event;
    return {
      ...asOf,
      status: c.status,
      label: c.label,
      ...(c.since ? { since: c.since } : {}),
      ...(c.until ? { until: c.until } : {}),
      scope: id === clauseId ? 'clause' : 'ancestor',
      provision: c.provision,
      provisionClauseId: id,
      ...(e.by ? { by: e.by } : {}),
      ...(e.byClause ? { evidenceClauseId: e.byClause } : {}),
      evidence: e.evidence,
      basis: e.inferred ? 'inferred' : 'stated',
    };
  }
  const e = view.event;
  const status: EffectStatus = view.status === 'partly-ended' ? 'ended' : view.status;
  return {
    ...asOf,
    status,
    label: effectLabel(status),
    ...(view.since ? { since: view.since } : view.effectiveFrom && status === 'in-force' ? { since: view.effectiveFrom } : {}),
    scope: 'document',
    ...(e?.by ? { by: e.by } : {}),
    ...(e?.byClause ? { evidenceClauseId: e.byClause } : {}),
    ...(e ? { evidence: e.evidence } : {}),
    basis: view.inferred ? 'inferred' : 'stated',
  };
}

function nextDay(iso: string): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
