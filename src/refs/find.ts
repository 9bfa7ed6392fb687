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

export interface FoundReference {
  start: number;
  end: number;
  text: string;
  sentence: string;
  patternId: string;
  target: RefTarget;
  relation: Relation;
  trigger?: string;
}

export interface FindContext {
  /** The citing document's type: "Luật này" in a Luật is the document itself. */
  selfType?: DocType;
}

interface Candidate {
  start: number;
  end: number;
  pattern: ReferencePattern;
  groups: Record<string, string | undefined>;
  number?: string;
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

function parsePinpoint(pin: string | undefined): Pinpoint | undefined {
  if (!pin) return undefined;
  const p: Pinpoint = {};
  const diem = /điểm[ \u00a0]+([a-zđ])/iu.exec(pin);
  const khoan = /khoản[ \u00a0]+(\d{1,3})/iu.exec(pin);
  const dieu = /điều[ \u00a0]+(\d{1,4}[a-zđ]?)/iu.exec(pin);
  if (diem) p.diem = diem[1]!.toLowerCase();
  if (khoan) p.khoan = khoan[1]!;
  if (dieu) p.dieu = dieu[1]!;
  return Object.keys(p).length ? p : undefined;
}

/** Sentence bounds around [start, end): full stops before a capital, line breaks. Semicolons do not end a sentence (lists of documents run on). */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0) {
    const c = text[s - 1]!;
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[s] ?? ' ') && !/\d/.test(text[s - 2] ?? '')) break;
    s--;
    if (start - s > 1500) break;
  }
  let e = end;
  while (e < text.length) {
    const c = text[e]!;
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && (e + 1 >= text.length || /\s/.test(text[e + 1]!))) {
      e++;
      break;
    }
    e++;
    if (e - end > 1500) break;
  }
  return [s, e];
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
      candidates.push({ start: m.index, end, pattern, groups, ...(number ? { number } : {}), priority });
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
  return chain(text, chosen.map((c) => annotate(text, c, context)));
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

function annotate(text: string, c: Candidate, context: FindContext): FoundReference {
  const g = c.groups;
  const typeWord = (g.type ?? g.lawtype)?.toLowerCase();
  let type: DocType | undefined = typeWord ? (typeFromName(typeWord) ?? ABBREVIATED[typeWord]) : undefined;
  const target: RefTarget = { scope: 'document' };
  const pinpoint = parsePinpoint(g.pin);
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
      const list = [...g.list!.matchAll(/\d{1,4}/g)].map((x) => x[0]);
      target.pinpoint = { dieuList: list };
      break;
    }
    case 'named-law':
      target.name = `${g.type} ${g.name!.trim()}`;
      if (g.year) target.year = g.year;
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
    }
  }
  const issuer = target.scope === 'document' ? ISSUER.exec(text.slice(after, after + 80)) : null;
  if (issuer) target.issuer = issuer[1]!.replace(/\s+/g, ' ');
  if (target.scope === 'self' && context.selfType && !target.type) target.type = context.selfType;
  const [s, e] = sentenceAround(text, c.start, c.end);
  const rel = target.scope === 'document' ? relationFor(text, c.start, c.end, s, e, target.type) : { relation: 'cites' as Relation };
  return {
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    sentence: text.slice(s, e).trim().replace(/\s+/g, ' '),
    patternId: c.pattern.id,
    target,
    relation: rel.relation,
    ...(rel.trigger ? { trigger: rel.trigger } : {}),
  };
}
