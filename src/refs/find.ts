/**
 * Finding references in text: clean → find (every pattern) → choose (longest, earliest, no
 * overlaps) → annotate (number, type, date, issuer, pinpoint, sentence, relation). Pure and
 * linear: every pattern is a bounded regular expression anchored at a keyword.
 */
import type { DocType, Pinpoint, RefTarget, Relation } from '../model.ts';
import { canonicalIdentifier, findDates } from 'vietnamese-tokenizer';
import { typeFromName, typeFromNumber } from '../doc-types.ts';
import { PATTERNS, type ReferencePattern } from './patterns.ts';
import { relationFor } from './relations.ts';
import { govern, type Governed } from './govern.ts';

export interface FoundReference {
  start: number;
  end: number;
  text: string;
  sentence: string;
  patternId: string;
  target: RefTarget;
  relation: Relation;
  trigger?: string;
  /** See `Reference.relationCandidate`. */
  candidate?: Relation;
}

export interface FindContext {
  /** The citing document's type: "Luật này" in a Luật is the document itself. */
  selfType?: DocType;
  /**
   * The text of the clause this one is an item of, when it is a list head ("1. Bãi bỏ, sửa đổi, bổ
   * sung một số điều của Luật Tài nguyên nước số 17/2012/QH13 … như sau:"): provisions named
   * without a document in the item are that text's, and take the head's verb when the item has none.
   */
  listHead?: string;
}

interface Candidate {
  start: number;
  end: number;
  pattern: ReferencePattern;
  groups: Record<string, string | undefined>;
  number?: string;
  /** Pinpoints found before the match (`pinpointsBefore`) with the match's own. */
  pinText?: string;
  priority: number;
}

const ABBREVIATED: Record<string, DocType> = { nđ: 'nghi-dinh', tt: 'thong-tu', qđ: 'quyet-dinh' };
const ISSUER = /^[ \u00a0]*(?:,[ \u00a0]*)?(?:của|do)[ \u00a0]+(Bộ Chính trị(?:,[ \u00a0]*Ban Bí thư)?|Ban Bí thư|Ban Chấp hành Trung ương(?: Đảng)?|Ban Tổ chức Trung ương|Ban Chỉ đạo Trung ương|Ủy ban Kiểm tra Trung ương|Chính phủ|Quốc hội|Ủy ban Thường vụ Quốc hội|Uỷ ban Thường vụ Quốc hội|Thủ tướng Chính phủ|Chủ tịch nước|Bộ trưởng [\p{Lu}][\p{L}]*(?: [\p{L}]+){0,4}?(?=[,.;) ])|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:tỉnh|thành phố)(?: [\p{Lu}][\p{L}]*){0,3}|Bộ [\p{Lu}][\p{L}]*(?: [\p{L}]+){0,3}?(?=[,.;) ]))/u;

/** "183- KL/TW," → "183-KL/TW": the canonical number, dropping trailing parts that are not one. */
function canonicalNumber(raw: string): string | undefined {
  // "18 /2021/TT-NHNN" (pháp điển): spaces around a separator are typing, not structure.
  let s = raw.trim().replace(/[ \u00a0]*([/-])[ \u00a0]*/g, '$1');
  for (let i = 0; i < 4 && s; i++) {
    const c = canonicalIdentifier(s);
    if (c) return c;
    const cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('-'));
    if (cut <= 0) return undefined;
    s = s.slice(0, cut).trim();
  }
  return undefined;
}

const LEVELS = ['diem', 'khoan', 'dieu', 'tieuMuc', 'muc', 'chuong', 'phan', 'phuLuc'] as const;
type Level = (typeof LEVELS)[number];
const LEVEL_WORD: Record<string, Level> = { 'điểm': 'diem', 'khoản': 'khoan', 'điều': 'dieu', 'tiểu mục': 'tieuMuc', 'mục': 'muc', 'chương': 'chuong', 'phần': 'phan', 'phụ lục': 'phuLuc' };
const PIN_TOKEN = /(phụ lục|tiểu mục|điểm|khoản|điều|mục|chương|phần)[ \u00a0]+(?:số[ \u00a0]+)?([\dIVXLCA-ZĐa-zđ]{1,6}(?:\.\d{1,2})*)(?![\p{L}])|(?<![\p{L}\d])([\dIVXLC]{1,6}[a-zđ]?|[a-zđ](?![\p{L}]))(?![\p{L}\d])|(đến|–)/giu;

/**
 * Pinpoints as written, bottom-up ("điểm d khoản 1 Điều 44 và Điều 58", "các điều 223, 224 và 234
 * Mục 5 Chương XIV", "khoản 1, khoản 2 Điều này"): the first is the pinpoint, the others go in
 * `more`. A run of articles alone stays one pinpoint with `dieuList`; a range "khoản 1 đến khoản 9"
 * is expanded.
 */
function parsePinpoint(pin: string | undefined): Pinpoint | undefined {
  if (!pin) return undefined;
  // "khoản 2 Điều này": the article is the citing one, not a number.
  pin = pin.replace(/(?:Điều|điều|Chương|chương|Mục|mục)[ \u00a0]+này(?![\p{L}])/gu, ' ');
  type Atom = Partial<Record<Level, string[]>>;
  const atoms: Atom[] = [];
  let cur: Atom = {};
  let last: Level | undefined;
  let range = false;
  const push = (level: Level, v: string) => {
    const list = (cur[level] ??= []);
    if (range && list.length && /^\d+$/.test(v) && /^\d+$/.test(list.at(-1)!)) for (let n = Number(list.at(-1)) + 1; n < Number(v) && n - Number(list.at(-1)) < 100; n++) list.push(String(n));
    list.push(level === 'diem' ? v.toLowerCase() : v);
    range = false;
  };
  for (const m of pin.matchAll(PIN_TOKEN)) {
    if (m[4]) {
      range = true;
      continue;
    }
    if (m[1]) {
      const level = LEVEL_WORD[m[1].toLowerCase()]!;
      const rank = LEVELS.indexOf(level);
      // A lower or equal level after a higher one starts a new pinpoint; the same level repeated continues its list.
      // "Điều 44 và Điều 58" after "điểm d khoản 1": a new pinpoint, not a second article of the first.
      const lower = LEVELS.slice(0, rank).some((l) => cur[l]);
      if (last && (rank < LEVELS.indexOf(last) || (rank === LEVELS.indexOf(last) && (!(level in cur) || lower)))) {
        atoms.push(cur);
        cur = {};
      } else if (last && rank > LEVELS.indexOf(last) && cur[level]) {
        atoms.push(cur);
        cur = {};
      }
      push(level, m[2]!);
      last = level;
    } else if (m[3] && last) {
      if (last === 'diem' ? /^[a-zđ]$/i.test(m[3]) : /^[\dIVXLC]+[a-zđ]?$/.test(m[3])) push(last, m[3]);
    }
  }
  atoms.push(cur);
  const out: Pinpoint[] = [];
  for (const a of atoms) {
    const above: Pinpoint = {};
    if (a.muc) above.muc = a.muc[0]!;
    if (a.chuong) above.chuong = a.chuong[0]!;
    if (a.phan) above.phan = a.phan[0]!;
    if (a.phuLuc) above.phuLuc = a.phuLuc[0]!;
    if (a.tieuMuc) above.tieuMuc = a.tieuMuc[0]!;
    // "Chương VI và Chương VII": a list at a level above the article, nothing below it.
    const upper = (['muc', 'chuong', 'phan', 'phuLuc'] as const).find((l) => (a[l]?.length ?? 0) > 1);
    if (upper && !a.dieu && !a.khoan && !a.diem && !a.tieuMuc) {
      for (const v of a[upper]!) out.push({ ...above, [upper]: v });
      continue;
    }
    const dieus = a.dieu ?? [undefined];
    if (dieus.length > 1 && !a.khoan && !a.diem) {
      out.push({ ...above, dieu: dieus[0]!, dieuList: a.dieu! });
      continue;
    }
    for (const dieu of dieus)
      for (const khoan of a.khoan ?? [undefined])
        for (const diem of a.diem ?? [undefined]) out.push({ ...above, ...(dieu ? { dieu } : {}), ...(khoan ? { khoan } : {}), ...(diem ? { diem } : {}) });
  }
  const real = out.filter((p) => Object.keys(p).length);
  if (!real.length) return undefined;
  const [first, ...more] = real;
  return more.length ? { ...first!, more } : first!;
}

const PIN_LEVEL = /^(?:điểm|khoản|điều|mục|chương|phần|lục)$/iu;
const PIN_VALUE = /^(?:\d{1,4}[a-zđ]?|\d{1,2}(?:\.\d{1,2})+|[a-zđ]|[IVXLC]{1,6}|[A-ZĐ])$/u;
const PIN_JOIN = /^(?:,|và|hoặc|đến|–|-)$/u;
const PIN_OF = /^(?:của|tại|thuộc)$/u;

/**
 * Pinpoints written before what a pattern matched, read backwards word by word (linear, unlike a
 * regular expression for lists): "điểm d khoản 1 Điều 44 và [Điều 58 của Luật …]", "các điều
 * 223, …, 232 và 234 Mục 5 Chương XIV của [Bộ luật …]". Returns where they start, or `start`.
 * Without a pinpoint in the match, they must end in "của/tại/thuộc"; with one, in a list word.
 */
function pinpointsBefore(text: string, start: number, hasPin: boolean): number {
  // Cheap test first (most matches have nothing before them): the word right before must fit.
  const tail = text.slice(Math.max(0, start - 12), start);
  // With a pinpoint in the match, a list runs on before it: "khoản 1 đến [khoản 9 Điều này]", "các khoản 2, 3 và [4 Điều 17 …]".
  if (hasPin ? !/(?:,|và|hoặc|–|đến|(?<![\p{L}\d])(?:\d{1,4}[a-zđ]?|[a-zđ]))[ \u00a0]*$/u.test(tail) : !/(?:của|tại|thuộc|kèm theo|(?<![\p{L}\d])(?:\d{1,4}[a-zđ]?|[a-zđ]|[IVXLC]{1,6}|[A-ZĐ]))[ \u00a0]+$/u.test(tail)) return start;
  const from = Math.max(0, start - 400);
  const window = text.slice(from, start);
  const tokens = [...window.matchAll(/[\p{L}\d.]+|[,–]/gu)];
  let k = tokens.length - 1;
  if (k < 0 || /\S/.test(window.slice(tokens[k]!.index + tokens[k]![0].length))) return start;
  const word = (i: number) => tokens[i]![0].replace(/\.$/, '');
  // "Phụ lục số 01 ban hành kèm theo [Luật …]": the appendix of that text.
  if (!hasPin && word(k) === 'theo' && k > 0 && word(k - 1) === 'kèm') {
    k -= 2;
    if (k > 0 && word(k) === 'hành' && word(k - 1) === 'ban') k -= 2;
    if (k < 1 || !(PIN_VALUE.test(word(k)) && (PIN_LEVEL.test(word(k - 1)) || (k > 1 && word(k - 1) === 'số' && PIN_LEVEL.test(word(k - 2)))))) return start;
  } else if (hasPin) {
    if (!PIN_JOIN.test(word(k)) && !(PIN_VALUE.test(word(k)) && /^(?:[a-zđ]|\d{1,4}[a-zđ]?)$/u.test(word(k)))) return start;
  } else if (PIN_OF.test(word(k))) {
    k--;
  } else if (!(k > 0 && PIN_VALUE.test(word(k)) && PIN_LEVEL.test(word(k - 1)))) {
    // Written right before without "của": "Mục 1 Chương VI Luật xây dựng số …".
    return start;
  }
  let first = -1;
  for (; k >= 0; k--) {
    const w = word(k);
    // A full stop ends a sentence or a heading ("Điều 5."): not a pinpoint list.
    if (tokens[k]![0].endsWith('.') && !/\d\.\d/.test(tokens[k]![0])) break;
    // A level word needs its number: "một số điều của Luật …" is no pinpoint.
    if (PIN_LEVEL.test(w) && !(k + 1 < tokens.length && (PIN_VALUE.test(word(k + 1)) || word(k + 1) === 'số'))) break;
    // "điểm 4.1 tiểu mục 04, mục II, Phần A thuộc Phụ lục số 01": "thuộc/của/tại" between levels.
    if (PIN_LEVEL.test(w) || PIN_VALUE.test(w) || PIN_JOIN.test(w) || /^(?:các|số|tiểu|phụ)$/iu.test(w) || (PIN_OF.test(w) && k > 0 && PIN_VALUE.test(word(k - 1)))) {
      if (PIN_LEVEL.test(w) || (/^các$/iu.test(w) && first >= 0)) first = k;
      continue;
    }
    break;
  }
  if (first < 0) return start;
  // "phụ lục", "tiểu mục": the first word of the level.
  if (first > 0 && /^(?:phụ|tiểu)$/iu.test(word(first - 1))) first--;
  if (first > 0 && /^các$/iu.test(word(first - 1))) first--;
  return from + tokens[first]!.index;
}

/** Sentence bounds around [start, end): full stops before a capital, line breaks. Semicolons do not end a sentence (lists of documents run on). */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  // Long runs without a full stop are cut about 1500 characters out, at multiples of 512, so that the
  // references of one run share their bounds (and their sentence text, built once: `sentenceText`).
  const lowS = Math.max(0, Math.floor((start - 1500) / 512) * 512);
  const highE = Math.ceil((end + 1500) / 512) * 512;
  let s = start;
  while (s > lowS) {
    const c = text[s - 1]!;
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[s] ?? ' ') && !/\d/.test(text[s - 2] ?? '')) break;
    s--;
  }
  let e = end;
  while (e < text.length && e < highE) {
    const c = text[e]!;
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && (e + 1 >= text.length || /\s/.test(text[e + 1]!))) {
      e++;
      break;
    }
    e++;
  }
  return [s, e];
}

const sentences = new Map<string, string>();
function sentenceText(text: string, s: number, e: number): string {
  const key = `${s}:${e}`;
  let out = sentences.get(key);
  if (out === undefined) sentences.set(key, (out = text.slice(s, e).trim().replace(/\s+/g, ' ')));
  return out;
}

export function findInText(text: string, context: FindContext = {}): FoundReference[] {
  const candidates: Candidate[] = [];
  PATTERNS.forEach((pattern, priority) => {
    if (!pattern.needs.test(text)) return;
    for (const m of text.matchAll(pattern.re)) {
      const groups = { ...(m.groups ?? {}) };
      let number: string | undefined;
      if (groups.ident !== undefined) {
        number = canonicalNumber(groups.ident);
        if (!number) continue;
        // A bare number must say what it is: a symbol we know, or the Party form.
        if (pattern.id === 'bare-number' && !typeFromNumber(number) && !/^\d+-[^/]+\//.test(number)) continue;
      }
      let end = m.index + m[0].length;
      // The identifier regex is loose at its end: cut the match back to the canonical number's length.
      if (groups.ident !== undefined && number) {
        const identStart = m.index + m[0].length - groups.ident.length;
        end = identStart + measure(text, identStart, number);
      }
      // The document's own number in its header ("Số: 92/2015/QH13", "LUẬT … SỐ 09/1998/QH10 NGÀY 02 THÁNG 12 NĂM 1998"): not a reference.
      if (groups.ident !== undefined && number && ownNumber(text, m.index + m[0].length - groups.ident.length, end)) continue;
      let start = m.index;
      let pinText: string | undefined;
      if (pattern.id !== 'article-list' && pattern.id !== 'this-part') {
        const at = pinpointsBefore(text, start, groups.pin !== undefined);
        if (at < start) {
          pinText = text.slice(at, start) + (groups.pin ?? '');
          start = at;
        }
      }
      candidates.push({ start, end, pattern, groups, ...(number ? { number } : {}), ...(pinText ? { pinText } : {}), priority });
    }
  });
  // Choose: earliest start, then longest, then the pattern listed first; no overlaps.
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.priority - b.priority);
  const chosen: Candidate[] = [];
  let last = -1;
  for (const c of candidates) {
    if (c.start < last) continue;
    chosen.push(c);
    last = c.end;
  }
  bounds.clear();
  sentences.clear();
  const refs = chain(text, parenthesised(text, chosen.map((c) => annotate(text, c, context))));
  // The structure decides which reference a verb governs (govern.ts); the bounds are dropped after.
  const governed = govern<Governed>(
    text,
    refs.map((r): Governed => {
      const [sentenceStart, sentenceEnd] = bounds.get(r.start) ?? sentenceAround(text, r.start, r.end);
      return { start: r.start, end: r.end, relation: r.relation, ...(r.trigger ? { trigger: r.trigger } : {}), scope: r.target.scope, ...(r.target.type ? { type: r.target.type } : {}), named: !!r.target.name, numbered: !!r.target.number && r.target.complete === true, sentenceStart, sentenceEnd };
    }),
  );
  refs.forEach((r, i) => {
    const g = governed[i]!;
    r.relation = g.relation;
    if (g.trigger) r.trigger = g.trigger;
    else delete r.trigger;
    if (g.candidate && g.relation === 'cites') r.candidate = g.candidate;
  });
  if (context.listHead) underHead(text, refs, context);
  return refs;
}

/** A list head: ends in "sau đây:" / "như sau:" and names, with a changing verb, the text its items change. */
const LIST_HEAD_END = /(?:sau[ \u00a0]+đây|như[ \u00a0]+sau)[ \u00a0]*:[ \u00a0]*$/u;
const ITEM_VERB = /^[ \u00a0]*(?:[a-zđ\d]{1,3}[.)][ \u00a0]*)?(bãi bỏ|sửa đổi, bổ sung|sửa đổi|bổ sung|thay thế)(?![\p{L}])/iu;
const ITEM_RELATION: Record<string, Relation> = { 'bãi bỏ': 'repeals', 'sửa đổi, bổ sung': 'amends', 'sửa đổi': 'amends', 'bổ sung': 'amends', 'thay thế': 'amends' };

function underHead(text: string, refs: FoundReference[], context: FindContext): void {
  const head = context.listHead!.trim();
  if (!LIST_HEAD_END.test(head)) return;
  const named = findInText(head, { selfType: context.selfType }).filter((r) => r.target.scope === 'document' && r.target.number && (r.relation === 'repeals' || r.relation === 'amends' || r.relation === 'replaces' || r.relation === 'supplements' || r.candidate === 'repeals' || r.candidate === 'amends'));
  const h = named.at(-1);
  if (!h) return;
  // The item's own verb ("a) Bãi bỏ Điều 37 …"), else the head's ("Sửa đổi, bổ sung … như sau:").
  const verb = ITEM_VERB.exec(text);
  const relation: Relation = verb ? ITEM_RELATION[verb[1]!.toLowerCase()]! : h.relation === 'cites' ? (h.candidate ?? 'cites') : h.relation;
  for (const r of refs) {
    if (r.target.scope !== 'internal' || (r.patternId !== 'bare-pinpoint' && r.patternId !== 'article-list') || !r.target.pinpoint) continue;
    r.target = { ...r.target, scope: 'document', ...(h.target.type ? { type: h.target.type } : {}), number: h.target.number!, complete: true, ...(h.target.name ? { name: h.target.name } : {}) };
    // Only a verb at the head of the item governs its provisions; one deeper in the item ("… theo quy định tại Điều 5") does not.
    // Nor does the quoted new text after "như sau:".
    const quoted = text.slice(0, r.start).search(/[:“"]/u) >= 0;
    r.relation = quoted || (verb && r.start > verb.index + verb[0].length + 160) ? 'cites' : relation;
    if (r.relation !== 'cites') r.trigger = verb ? verb[1]! : h.trigger ?? '';
  }
}

/**
 * Lists share their verb: "Luật A số …, Luật B số … hết hiệu lực" (every one ends effect),
 * "bị bãi bỏ bởi Điều 1 Luật số …; Điều 1 Luật số …" (both repeal). A plain citation next to a
 * typed one in the same sentence, separated only by list punctuation, a date or an effective-date
 * phrase, takes its relation.
 */
const LIST_GAP = /^(?:[ \u00a0]*(?:,|;|và|hoặc|cùng|có hiệu lực(?: thi hành)?(?: kể từ)? ngày [\d/]+|ngày [\d/]+|của [^,;.]{1,60}?|Điều \d+[a-zđ]?|khoản \d+|điểm [a-zđ]|Mục \d+|Chương [IVXLC]+)[ \u00a0]*)*$/u;

function chain(text: string, refs: FoundReference[]): FoundReference[] {
  const doc = refs.map((r) => r.target.scope === 'document');
  const pass = (order: number[], after: boolean) => {
    for (let k = 1; k < order.length; k++) {
      const cur = refs[order[k]!]!;
      const prev = refs[order[k - 1]!]!;
      if (!doc[order[k]!] || !doc[order[k - 1]!] || cur.relation !== 'cites' || prev.relation === 'cites' || cur.sentence !== prev.sentence) continue;
      // Backwards only for verbs written after the list ("… hết hiệu lực"); forwards for the rest.
      if ((prev.relation === 'ends-effect') !== after) continue;
      const gap = after ? text.slice(cur.end, prev.start) : text.slice(prev.end, cur.start);
      if (gap.length <= 160 && LIST_GAP.test(gap.replace(/[()]/g, ' ').trim())) {
        cur.relation = prev.relation;
        if (prev.trigger) cur.trigger = prev.trigger;
      }
    }
  };
  const idx = refs.map((_, i) => i);
  pass(idx, false);
  pass([...idx].reverse(), true);
  return refs;
}

/** A header's own number: "Số:" (a colon after "số"), or an upper-case "SỐ … NGÀY" line. */
function ownNumber(text: string, identStart: number, end: number): boolean {
  const before = text.slice(Math.max(0, identStart - 8), identStart);
  if (/[Ss][ốỐ][ \u00a0]*:[ \u00a0]*$/u.test(before)) return true;
  return /SỐ[ \u00a0]*$/u.test(before) && /^[ \u00a0]*NGÀY(?![\p{Ll}])/u.test(text.slice(end, end + 8));
}

/**
 * "Quy định 377 (Điều 9, 10, 11)", "Luật Đất đai (khoản 2 Điều 5)": articles in parentheses right
 * after a text are its pinpoint, not articles of the citing document.
 */
function parenthesised(text: string, refs: FoundReference[]): FoundReference[] {
  for (let i = 0; i + 1 < refs.length; i++) {
    const d = refs[i]!;
    const p = refs[i + 1]!;
    if (d.target.scope !== 'document' || d.target.pinpoint || p.target.scope !== 'internal' || !p.target.pinpoint) continue;
    if (!/^[ \u00a0]*\([ \u00a0]*$/u.test(text.slice(d.end, p.start)) || !/^[ \u00a0]*\)/u.test(text.slice(p.end, p.end + 3))) continue;
    d.target.pinpoint = p.target.pinpoint;
    d.end = p.end + text.slice(p.end).indexOf(')') + 1;
    d.text = text.slice(d.start, d.end);
    refs.splice(i + 1, 1);
  }
  return refs;
}

/** Length in the text of an identifier whose canonical form is `number` (spaces may sit inside). */
function measure(text: string, start: number, number: string): number {
  let i = start;
  let j = 0;
  while (i < text.length && j < number.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\u00a0') {
      i++;
      continue;
    }
    i++;
    j++;
  }
  return i - start;
}

/** Sentence bounds computed by `annotate`, by reference start, for the governance pass (one findInText at a time: JS is single-threaded). */
const bounds = new Map<number, [number, number]>();

function annotate(text: string, c: Candidate, context: FindContext): FoundReference {
  const g = c.groups;
  const typeWord = (g.type ?? g.lawtype)?.toLowerCase();
  let type: DocType | undefined = typeWord ? (typeFromName(typeWord) ?? ABBREVIATED[typeWord]) : undefined;
  const target: RefTarget = { scope: 'document' };
  const pinpoint = parsePinpoint(c.pinText ?? g.pin);
  switch (c.pattern.id) {
    case 'typed-number':
    case 'bare-number':
      target.number = c.number!;
      target.complete = true;
      type = type ?? typeFromNumber(c.number!);
      if (g.lawtype && g.name?.trim()) target.name = `${g.lawtype} ${g.name.trim()}`.replace(/\s+/g, ' ');
      break;
    case 'number-year':
    case 'short-number':
      target.number = g.partial!;
      target.complete = false;
      break;
    case 'self':
      target.scope = 'self';
      break;
    case 'internal':
      target.scope = 'internal';
      break;
    case 'article-list': {
      target.scope = g.own ? 'self' : 'internal';
      // With clauses in the list ("Điều 14, Điều 15 và khoản 3 Điều 30"), the general pinpoint reader.
      const list = [...g.list!.matchAll(/\d{1,4}/g)].map((x) => x[0]);
      const mixed = /khoản|điểm/u.test(g.list!) ? parsePinpoint(g.list) : undefined;
      target.pinpoint = mixed ?? { dieuList: list };
      break;
    }
    case 'named-law':
      target.name = `${g.type} ${g.name!.trim()}`.replace(/\s+/g, ' ');
      if (g.year) target.year = g.year;
      break;
    case 'constitution':
      target.name = 'Hiến pháp';
      if (g.year) target.year = g.year;
      // "Hiến pháp" inside the Constitution is the document itself.
      if (context.selfType === 'hien-phap' && !g.year) target.scope = 'self';
      break;
    case 'this-part':
    case 'bare-pinpoint':
      target.scope = 'internal';
      break;
    case 'old-number':
      target.number = g.old!.replace(/[ \u00a0]/g, '');
      target.complete = true;
      break;
    case 'party-named':
      target.name = `Nghị quyết ${g.name!.replace(/\s+/g, ' ')}`;
      break;
    case 'named-party-text':
      if (g.name) target.name = `Điều lệ ${g.name.replace(/\s+/g, ' ')}`;
      else {
        target.name = `Đề án ${g.partial}`;
        target.number = g.partial!;
        target.complete = false;
      }
      type = 'khac';
      break;
  }
  if (type) target.type = type;
  if (pinpoint && !target.pinpoint) target.pinpoint = pinpoint;
  // Date and issuer written right after: ", ngày 26/9/2025 của Bộ Chính trị".
  let after = c.end;
  const dateLead = /^[ \u00a0]*,?[ \u00a0]*(?:ban hành[ \u00a0]+)?ngày[ \u00a0]+/u.exec(text.slice(after, after + 30));
  if (dateLead && (target.scope === 'document')) {
    const d = findDates(text.slice(after, after + 60)).find((x) => x.start <= dateLead[0].length + 1);
    if (d) {
      target.date = d.value;
      after += d.end;
      // "Luật Thương mại ngày 10 tháng 5 năm 1997": the date tells the version.
      if (target.name && !target.year && !target.number) target.year = d.value.slice(0, 4);
    }
  }
  const issuer = target.scope === 'document' ? ISSUER.exec(text.slice(after, after + 80)) : null;
  if (issuer) target.issuer = issuer[1]!.replace(/\s+/g, ' ');
  if (target.scope === 'self' && context.selfType && !target.type) target.type = context.selfType;
  const [s, e] = sentenceAround(text, c.start, c.end);
  bounds.set(c.start, [s, e]);
  const rel = target.scope === 'document' ? relationFor(text, c.start, c.end, s, e, target.type) : { relation: 'cites' as Relation };
  return {
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    sentence: sentenceText(text, s, e),
    patternId: c.pattern.id,
    target,
    relation: rel.relation,
    ...(rel.trigger ? { trigger: rel.trigger } : {}),
  };
}
