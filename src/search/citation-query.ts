/**
 * Citation queries: "Điều 5 Luật Đất đai", "k2 đ5 luật 45/2013/QH13", "bộ luật lao động điều
 * 35", "Điều 286 BLHS", "nghị định 15/2020" go to what they name, before any text search.
 *
 *   read      the query's tokens → pinpoint parts + one document part (number, type + number,
 *             law name from the corpus's name index, abbreviation), in any order; anything
 *             else in the query → not a citation (it is searched as text)
 *   write     the citation as a document writes it ("khoản 2 Điều 5 Luật Đất đai năm 2013")
 *   find      the reference finder (src/refs) reads that text: the same grammar as the indexer
 *   resolve   the prepared resolver (src/resolve): numbers, names (in force first), pinpoints
 *   pin       the named clause or document first, then the clauses citing it; what else the
 *             number or name may mean is listed, never silently dropped
 *
 * Query-only shapes ("đ35", "BLHS", no diacritics, the pinpoint after the name) are data in
 * citation-forms.ts, with examples the tests check.
 */
import type { CitationAlternative, CitationMatch, Clause, DocType, DocumentRecord, Graph, GraphNode, Pinpoint, RefTarget } from '../model.ts';
import { fold, tokenize, type Token } from 'vietnamese-tokenizer';
import { typeFromNumber, typeInfo } from '../doc-types.ts';
import { findInText } from '../refs/index.ts';
import { NameIndex, Resolver, nameForms, pinpointId, type ClauseLookup, type KnownDocument, type NameCandidate, type NamedDocument } from '../resolve/index.ts';
import { LAW_ABBREVIATIONS, ORDINAL_WORDS, ORDINALS, TYPE_WORDS, UNABBREVIATED_FIRST_WORDS } from './citation-forms.ts';

/** The parts of a pinpoint a query can give (Party items below a "mục" in `items`). */
type QueryPin = Pinpoint & { items?: string[] };

type DocPart =
  | { kind: 'number'; number: string; types?: readonly DocType[] }
  | { kind: 'partial'; number: string; types?: readonly DocType[] }
  | { kind: 'name'; name: string; type?: DocType; year?: string; bare?: boolean }
  | { kind: 'unknown-name'; name: string; type: DocType };

export interface ParsedCitation {
  pin: QueryPin;
  doc: DocPart;
  /** The citation as a document would write it. */
  written: string;
}

/** Words that may sit between a pinpoint and its document: "Điều 5 của Luật …", "tại khoản 2". */
const FILLER = new Set(['cua', 'tai', 'theo', 'so']);
const ROMAN = /^(?:[ivxlc]{1,7})$/;
const LAW_TYPES: readonly DocType[] = ['luat', 'bo-luat', 'phap-lenh', 'hien-phap'];
const ABBREVIATIONS = new Map<string, string>(LAW_ABBREVIATIONS.flatMap(([abbr, name]) => abbr.map((a) => [fold(a).toLowerCase().replace(/&/g, ''), name] as const)));
const TYPE_WORD_LIST = [...TYPE_WORDS].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);

interface Tok {
  /** Folded, lowercase. */
  f: string;
  /** As typed (canonical for identifiers). */
  value: string;
  kind: Token['kind'];
}

/** Tokens, with glued short forms split: "đ35" → đ 35, "k2" → k 2, "kl195" → kl 195. */
function tokensOf(query: string): Tok[] {
  const out: Tok[] = [];
  for (const t of tokenize(query)) {
    const f = fold(t.value).toLowerCase();
    const glued = t.kind === 'syllable' ? /^(dieu|khoan|d|k|kl|nq|nd|tt|qd|ct|hd|tb|kh|bc|cv)(\d{1,6}[a-z]?)$/.exec(f) : null;
    if (glued) {
      out.push({ f: glued[1]!, value: glued[1]!, kind: 'syllable' }, { f: glued[2]!, value: glued[2]!, kind: 'number' });
      continue;
    }
    // "5a" (Điều 5a) and "ii" come as syllables or numbers; keep both readings via `f`.
    out.push({ f, value: t.kind === 'identifier' ? t.value : t.text, kind: t.kind });
  }
  return out;
}

const isNumber = (t: Tok | undefined, re: RegExp) => !!t && (t.kind === 'number' || t.kind === 'syllable') && re.test(t.f);

/**
 * Reads a query as one citation, or returns undefined when anything in it is not part of one.
 * `names` decides how far a law name runs ("luat dat dai" → "Luật Đất đai").
 */
export function parseCitation(query: string, names: NameIndex, initials: NameInitials = NO_INITIALS): ParsedCitation | undefined {
  const toks = tokensOf(query);
  if (!toks.length || toks.length > 24) return undefined;
  const pin: QueryPin = {};
  let doc: DocPart | undefined;
  let hasPin = false;
  let lastPin: string | undefined;
  const set = (key: 'phan' | 'chuong' | 'muc' | 'dieu' | 'khoan' | 'diem', value: string): boolean => {
    if (pin[key] !== undefined) return false;
    pin[key] = value;
    hasPin = true;
    lastPin = key;
    return true;
  };
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const next = toks[i + 1];
    // Pinpoints.
    if ((t.f === 'dieu' || t.f === 'd') && isNumber(next, /^\d{1,4}[a-z]?$/)) {
      if (!set('dieu', next!.f)) return undefined;
      i += 2;
      continue;
    }
    if ((t.f === 'khoan' || t.f === 'k') && isNumber(next, /^\d{1,3}$/)) {
      if (!set('khoan', next!.f)) return undefined;
      i += 2;
      continue;
    }
    if ((t.f === 'diem' || t.f === 'tiet') && next && (/^[a-z]$/.test(next.f) || ROMAN.test(next.f) || /^\d{1,2}$/.test(next.f))) {
      const v = next.value.toLowerCase();
      // A letter is a law's điểm ("điểm đ" folds to "d": keep what was typed); "(ii)", "(1)" are Party items.
      if (/^\p{L}$/u.test(v) && !(pin.items?.length)) {
        if (!set('diem', v)) return undefined;
      } else {
        pin.items = [...(pin.items ?? []), v];
        hasPin = true;
        lastPin = 'items';
      }
      i += 2;
      continue;
    }
    // "ý (i)": a Party item only (a letter after "ý" is not one: "y tế").
    if (t.f === 'y' && next && (ROMAN.test(next.f) || /^\d{1,2}$/.test(next.f))) {
      pin.items = [...(pin.items ?? []), next.value.toLowerCase()];
      hasPin = true;
      lastPin = 'items';
      i += 2;
      continue;
    }
    // "mục 3 (1) (i)": items written after a Party mục, without "điểm".
    if ((lastPin === 'muc' || lastPin === 'items') && !pin.chuong && (/^\d{1,2}$/.test(t.f) || ROMAN.test(t.f))) {
      pin.items = [...(pin.items ?? []), t.f];
      lastPin = 'items';
      i++;
      continue;
    }
    if (t.f === 'chuong' && next && (ROMAN.test(next.f) || /^\d{1,3}$/.test(next.f))) {
      if (!set('chuong', next.f.toUpperCase())) return undefined;
      i += 2;
      continue;
    }
    if (t.f === 'muc' && next && (/^\d{1,3}$/.test(next.f) || ROMAN.test(next.f))) {
      if (!set('muc', next.f.toUpperCase())) return undefined;
      i += 2;
      continue;
    }
    if (t.f === 'phan') {
      let j = i + 1;
      if (toks[j]?.f === 'thu') j++;
      const w = toks[j];
      const n = w ? (ORDINALS[w.f] ?? (/^\d{1,2}$/.test(w.f) ? Number(w.f) : romanValue(w.f))) : undefined;
      if (n) {
        if (!set('phan', String(n))) return undefined;
        i = j + 1;
        continue;
      }
    }
    // The document — unless this is a filler word ("của", "tại", "số") that starts no name ("Luật Tài nguyên nước").
    const read = doc ? undefined : readDocument(toks, i, names, initials);
    if (read) {
      lastPin = undefined;
      doc = read.doc;
      i = read.end;
      continue;
    }
    if (FILLER.has(t.f)) {
      i++;
      continue;
    }
    return undefined;
  }
  if (!doc) return undefined;
  // A name without its type word ("điều 5 đất đai") is a citation only with a pinpoint.
  if (doc.kind === 'name' && doc.bare && !hasPin) return undefined;
  if (doc.kind === 'unknown-name' && !hasPin) return undefined;
  return { pin, doc, written: writeCitation(pin, doc) };
}

function romanValue(s: string): number | undefined {
  if (!ROMAN.test(s)) return undefined;
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const a = v[s[k]!]!;
    const b = v[s[k + 1] ?? ''] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

/** The document part at toks[i]: a number, a type word and a number or name, an abbreviation, or (after a pinpoint) a bare name. */
function readDocument(toks: Tok[], start: number, names: NameIndex, initials: NameInitials): { doc: DocPart; end: number } | undefined {
  let i = start;
  const t = toks[i]!;
  if (t.kind === 'identifier') return { doc: { kind: 'number', number: t.value }, end: i + 1 };
  const abbr = ABBREVIATIONS.get(t.f);
  if (abbr && t.kind === 'syllable') return withYear(toks, i + 1, { kind: 'name', name: abbr });
  // "LBHXH", "BLTTHS": the type's letter(s) and the name's initials, learned from the corpus's names.
  // (Lowercase only from four letters: "lxd" could be a typo for a word, "lbhxh" cannot.)
  const glued = t.kind === 'syllable' && (t.value === t.value.toUpperCase() || t.f.length >= 4) ? initials.glued.get(t.f) : undefined;
  if (glued) {
    const name = names.lookup(glued).candidates[0]?.name;
    if (name) return withYear(toks, i + 1, { kind: 'name', name });
  }
  // A type word ("nghị định", "kl", "luật").
  let types: readonly DocType[] | undefined;
  let typeWord = '';
  for (const [w, ts] of TYPE_WORD_LIST) {
    const parts = w.split(' ');
    if (parts.every((p, k) => toks[i + k]?.kind === 'syllable' && toks[i + k]!.f === p)) {
      types = ts;
      typeWord = w;
      i += parts.length;
      break;
    }
  }
  if (types) {
    // "Luật số 45/2013/QH13" — but "Luật Sở hữu trí tuệ" (folded "so" too) is a name.
    if (toks[i]?.f === 'so' && toks[i + 1] && /^\d/.test(toks[i + 1]!.f)) i++;
    const n = toks[i];
    if (n?.kind === 'identifier') return { doc: { kind: 'number', number: n.value, types }, end: i + 1 };
    // "Hiến pháp 2013" is a year, not a number.
    if (types.includes('hien-phap')) return withYear(toks, i, { kind: 'name', name: 'Hiến pháp', type: 'hien-phap' });
    // ("06/2003" reads as the date 2003-06: its number is what was typed.)
    const num = n?.kind === 'date' ? n.value : n?.f;
    if (n && num && /^\d{1,6}(?:\/(?:19|20)\d{2})?$/.test(num) && (n.kind === 'number' || n.kind === 'date')) return { doc: { kind: 'partial', number: num, types }, end: i + 1 };
    if (!types.some((ty) => LAW_TYPES.includes(ty))) return undefined;
    const type = typeWord === 'bo luat' ? 'bo-luat' : typeWord === 'phap lenh' ? 'phap-lenh' : 'luat';
    const name = nameAt(toks, i, names, 1, typeWord) ?? initialsAt(toks, i, names, initials);
    if (name) return withYear(toks, name.end, { kind: 'name', name: name.name, type });
    // "Điều 5 Luật abc": a law by a name the corpus does not know — up to the next pinpoint word.
    let j = i;
    while (j < toks.length && toks[j]!.kind === 'syllable' && !['dieu', 'khoan', 'diem', 'chuong', 'muc', 'nam'].includes(toks[j]!.f)) j++;
    if (j === i) return undefined;
    return { doc: { kind: 'unknown-name', name: `${typeInfo(type).label} ${toks.slice(i, j).map((x) => x.value).join(' ')}`, type }, end: j };
  }
  // A law name without its type word (only a citation with a pinpoint: see parseCitation).
  const name = nameAt(toks, i, names, 2);
  if (name) return withYear(toks, name.end, { kind: 'name', name: name.name, bare: true });
  return undefined;
}

/**
 * The longest known law name starting at toks[i] ("và" skipped as the index does): its written
 * form and where it ends. After a type word the name is looked up with it: "luật luật sư" is
 * the law named "Luật sư" (Luật Luật sư), not a law "sư".
 */
function nameAt(toks: Tok[], i: number, names: NameIndex, minWords = 1, typeWord = ''): { name: string; end: number } | undefined {
  const words: string[] = [];
  const at: number[] = [];
  for (let j = i; j < toks.length && toks[j]!.kind === 'syllable' && words.length < 24; j++) {
    if (toks[j]!.f === 'va') continue;
    words.push(toks[j]!.f);
    at.push(j);
  }
  const m = names.longestAt(words, 0);
  if (!m || m.length < minWords) return undefined;
  // (Only a name starting with a type word needs it: "luật lao động" must still find the Bộ luật.)
  const doubled = typeWord && /^(?:luat|bo luat|phap lenh) /.test(m.key);
  const written = (doubled ? names.lookup(`${typeWord} ${m.key}`).candidates[0]?.name : undefined) ?? names.lookup(m.key).candidates[0]?.name;
  return written ? { name: written, end: at[m.length - 1]! + 1 } : undefined;
}

/**
 * Law names by their initials, as officers abbreviate them: "Luật BHXH" (Bảo hiểm xã hội),
 * "Luật HN&GĐ", "Bộ luật TTHS", "Luật thuế GTGT" (full words, then initials), and glued to the
 * type's letters, "LBHXH", "BLTTHS". Learned from the names the corpus knows (`nameForms`); an
 * abbreviation two names share is dropped unless only one of them is in the corpus — a wrong
 * law is worse than none. Keys are folded; values are name cores ("bao hiem xa hoi").
 */
export interface NameInitials {
  /** After a type word: "bhxh", "thue gtgt", "tths". */
  after: Map<string, string>;
  /** Standing alone, with the type's letters: "lbhxh", "bltths". */
  glued: Map<string, string>;
}
const NO_INITIALS: NameInitials = { after: new Map(), glued: new Map() };
const LEADING_UNABBREVIATED = new Set(UNABBREVIATED_FIRST_WORDS.map((w) => fold(w)));

export function nameInitials(docs: Iterable<NamedDocument>): NameInitials {
  const seen = { after: new Map<string, Map<string, boolean>>(), glued: new Map<string, Map<string, boolean>>() };
  const add = (m: Map<string, Map<string, boolean>>, key: string, core: string, inCorpus: boolean) => {
    const cores = m.get(key) ?? new Map<string, boolean>();
    cores.set(core, (cores.get(core) ?? false) || inCorpus);
    m.set(key, cores);
  };
  for (const d of docs) {
    if (!LAW_TYPES.includes(d.type) || d.type === 'hien-phap') continue;
    const forms = nameForms(d.title, d.type);
    for (const core of forms?.cores ?? []) {
      const all = core.split(' ').filter((w) => w !== 'va');
      // A leading plural word is not abbreviated: "Luật Các tổ chức tín dụng" is "Luật TCTD".
      for (const words of LEADING_UNABBREVIATED.has(all[0]!) ? [all, all.slice(1)] : [all]) {
        if (words.length < 2) continue;
        for (let k = 0; k <= words.length - 2; k++) add(seen.after, [...words.slice(0, k), words.slice(k).map((w) => w[0]).join('')].join(' '), core, d.inCorpus);
        const letters = words.map((w) => w[0]).join('');
        add(seen.glued, (d.type === 'bo-luat' ? 'bl' : d.type === 'phap-lenh' ? 'pl' : 'l') + letters, core, d.inCorpus);
      }
    }
  }
  const decide = (m: Map<string, Map<string, boolean>>) => {
    const out = new Map<string, string>();
    for (const [key, cores] of m) {
      const all = [...cores.keys()];
      const inCorpus = all.filter((c) => cores.get(c));
      const one = all.length === 1 ? all[0] : inCorpus.length === 1 ? inCorpus[0] : undefined;
      // An initialism must not be a word or a known name itself ("an", "dan").
      if (one && key.replace(/ /g, '').length >= 2) out.set(key, one);
    }
    return out;
  };
  const glued = decide(seen.glued);
  for (const [key] of ABBREVIATIONS) glued.delete(key);
  return { after: decide(seen.after), glued };
}

/** A name given by its initials after a type word ("BHXH", "thuế GTGT", "HN&GĐ" read as HN GĐ): the longest span that is one. */
function initialsAt(toks: Tok[], i: number, names: NameIndex, initials: NameInitials): { name: string; end: number } | undefined {
  if (!initials.after.size) return undefined;
  for (let len = Math.min(4, toks.length - i); len >= 1; len--) {
    const span = toks.slice(i, i + len);
    if (span.some((t) => t.kind !== 'syllable')) continue;
    // Tried only where no known name starts: the span would otherwise be an unknown law's name.
    if (span.at(-1)!.f.length < 2) continue;
    const keys = [span.map((t) => t.f).join(' ')];
    // "HN&GĐ" comes as two tokens: capitals glued back together.
    const caps = span.findIndex((t) => t.value === t.value.toUpperCase());
    if (caps >= 0 && span.slice(caps).every((t) => t.value === t.value.toUpperCase())) keys.push([...span.slice(0, caps).map((t) => t.f), span.slice(caps).map((t) => t.f).join('')].join(' '));
    for (const key of keys) {
      const core = initials.after.get(key);
      const name = core ? names.lookup(core).candidates[0]?.name : undefined;
      if (name) return { name, end: i + len };
    }
  }
  return undefined;
}

/** A year after a name: "2013", "năm 2013". */
function withYear(toks: Tok[], i: number, doc: DocPart & { kind: 'name' }): { doc: DocPart; end: number } {
  let j = i;
  if (toks[j]?.f === 'nam' && /^(?:19|20)\d{2}$/.test(toks[j + 1]?.f ?? '')) j++;
  if (/^(?:19|20)\d{2}$/.test(toks[j]?.f ?? '')) return { doc: { ...doc, year: toks[j]!.f }, end: j + 1 };
  return { doc, end: i };
}

/** The citation written out the way documents write it: "điểm a khoản 2 Điều 5 Luật Đất đai năm 2013". */
export function writeCitation(pin: QueryPin, doc: DocPart): string {
  const parts: string[] = [];
  if (pin.diem) parts.push(`điểm ${pin.diem}`);
  for (const item of pin.items ?? []) parts.push(`điểm (${item})`);
  if (pin.khoan) parts.push(`khoản ${pin.khoan}`);
  if (pin.dieu) parts.push(`Điều ${pin.dieu}`);
  if (pin.phan) parts.push(`Phần thứ ${ORDINAL_WORDS[Number(pin.phan)] ?? pin.phan}`);
  if (pin.chuong) parts.push(`Chương ${pin.chuong}`);
  if (pin.muc) parts.push(`${pin.chuong ? 'Mục' : 'mục'} ${pin.muc}`);
  const label = (types?: readonly DocType[], number?: string) => typeInfo(types?.[0] ?? (number ? typeFromNumber(number) : undefined) ?? 'khac').label;
  switch (doc.kind) {
    case 'number':
      parts.push(`${label(doc.types, doc.number)} số ${doc.number}`);
      break;
    case 'partial':
      parts.push(`${label(doc.types)} ${doc.number}`);
      break;
    case 'name':
    case 'unknown-name':
      parts.push(doc.kind === 'name' && doc.year ? `${doc.name} năm ${doc.year}` : doc.name);
      break;
  }
  return parts.join(' ');
}

/** The reference the finder reads in the written citation (the one naming a document), or what the query said when it reads none. */
export function targetOf(parsed: ParsedCitation): RefTarget {
  const found = findInText(parsed.written).filter((f) => f.target.scope === 'document');
  const ref = found.at(-1);
  const { doc, pin } = parsed;
  const target: RefTarget = ref ? { ...ref.target } : { scope: 'document' };
  if (doc.kind === 'number' || doc.kind === 'partial') {
    target.number ??= doc.number;
    target.complete = doc.kind === 'number';
    // "qđ 15/2020" may be a Quy định or a Quyết định: the resolver is asked for each.
    if (doc.types && doc.types.length > 1) delete target.type;
  } else {
    // The finder stops a name at a function word or a comma; the name index knows where it ends.
    target.name = doc.name;
    if (doc.kind === 'name' && doc.year) target.year = doc.year;
    if (doc.kind === 'name' && doc.type) target.type = doc.type;
    else if (doc.kind === 'unknown-name') target.type = doc.type;
    delete target.number;
  }
  const pinpoint: QueryPin = { ...(target.pinpoint ?? {}) };
  for (const k of ['phan', 'chuong', 'muc', 'dieu', 'khoan', 'diem'] as const) if (pin[k] && !pinpoint[k]) pinpoint[k] = pin[k];
  if (pin.items?.length) pinpoint.items = pin.items;
  if (Object.keys(pinpoint).length) target.pinpoint = pinpoint;
  else delete target.pinpoint;
  return target;
}

export interface CitationResult {
  citation: CitationMatch;
  /** What to show first, in order: the named clause or document, then the clauses citing it. */
  pinned: { id: string; match: 'citation' | 'number' | 'cites' }[];
  /**
   * What the text search may still look for: 'all' the words, or only the numbers typed —
   * when a number names a document, or names nothing (folding "nghị định" must not find "đình chỉ").
   */
  text: 'all' | 'numbers';
}

/** Citation queries over one corpus: the name index, the resolver and who-cites-what, built once. */
export class CitationQueries {
  readonly names: NameIndex;
  readonly initials: NameInitials;
  private readonly resolver: Resolver;
  private readonly nodes = new Map<string, GraphNode>();
  /** Target (document or clause id) → clauses citing it, in graph order. */
  private readonly citing = new Map<string, string[]>();

  constructor(docs: readonly DocumentRecord[], graph: Graph | undefined, clauses?: ClauseLookup) {
    for (const d of docs) this.nodes.set(d.id, nodeOf(d));
    for (const n of graph?.nodes ?? []) if (n.type !== 'tin-tuc') this.nodes.set(n.id, { ...this.nodes.get(n.id), ...n });
    if (!clauses) {
      const map = new Map<string, Clause>();
      for (const d of docs) for (const c of d.clauses) map.set(c.id, c);
      clauses = map;
    }
    const known: KnownDocument[] = [];
    for (const n of this.nodes.values()) if (n.number) known.push({ id: n.id, number: n.number, type: n.type, ...(n.date ? { date: n.date } : {}), inCorpus: n.inCorpus });
    // In the corpus first: a number both in the corpus and cited resolves to the document.
    known.sort((a, b) => Number(b.inCorpus) - Number(a.inCorpus));
    this.names = NameIndex.build(this.nodes.values());
    this.initials = nameInitials(this.nodes.values());
    this.resolver = new Resolver(known, clauses, this.names);
    for (const e of graph?.edges ?? []) {
      if (e.inferred || !e.clauses.from || e.relation === 'reports-on') continue;
      for (const to of new Set([e.to, ...(e.clauses.to ? ancestorsOf(e.clauses.to) : [])])) {
        const list = this.citing.get(to) ?? [];
        if (!list.includes(e.clauses.from)) list.push(e.clauses.from);
        this.citing.set(to, list);
      }
    }
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  /** The query read as a citation and resolved, or undefined when it is not one. */
  run(query: string): CitationResult | undefined {
    const parsed = parseCitation(query, this.names, this.initials);
    if (!parsed) return undefined;
    const target = targetOf(parsed);
    const byNumber = parsed.doc.kind === 'number' || parsed.doc.kind === 'partial';
    let candidates: CitationAlternative[];
    let others: CitationAlternative[] = [];
    let ambiguous = false;
    if (byNumber) {
      const types = parsed.doc.kind !== 'name' && parsed.doc.kind !== 'unknown-name' ? parsed.doc.types : undefined;
      const ks = (types && types.length > 1 ? types.flatMap((type) => this.resolver.numberCandidates({ ...target, type })) : this.resolver.numberCandidates(target))
        .filter((k, i, all) => all.findIndex((x) => x.id === k.id) === i);
      candidates = ks.map((k) => this.alternative(k.id)).sort(inForce);
      ambiguous = candidates.length > 1;
    } else {
      const m = this.resolver.nameCandidates(target);
      candidates = (m?.candidates ?? []).map((c) => this.alternative(c.id, c));
      others = (m?.others ?? []).map((c) => this.alternative(c.id, c));
      ambiguous = !!m?.ambiguous;
    }
    const chosen = candidates[0];
    if (!chosen) {
      return {
        citation: { written: parsed.written, status: 'not-found', others, ambiguous: false },
        pinned: [],
        text: byNumber ? 'numbers' : 'all',
      };
    }
    others = [...candidates.slice(1), ...others];
    const pinpoint = this.pinpointFor(chosen, target.pinpoint);
    const pinned: CitationResult['pinned'] = [];
    let clauseId: string | undefined;
    let status: CitationMatch['status'];
    if (chosen.inCorpus) {
      const found = pinpoint ? this.resolver.pinpointClause(chosen.id, pinpoint) : undefined;
      clauseId = found?.id;
      status = pinpoint && !found?.exact ? 'partial' : 'found';
      pinned.push({ id: clauseId ?? chosen.id, match: clauseId ? 'citation' : byNumber ? 'number' : 'citation' });
    } else {
      clauseId = pinpoint ? pinpointId(chosen.id, pinpoint) : undefined;
      status = 'external';
      pinned.push({ id: chosen.id, match: byNumber ? 'number' : 'citation' });
    }
    // What cites it: the clause (or anything below it), else the document.
    const seen = new Set(pinned.map((p) => p.id));
    for (const c of this.citing.get(clauseId ?? chosen.id) ?? []) if (!seen.has(c)) (pinned.push({ id: c, match: 'cites' }), seen.add(c));
    return {
      citation: { written: parsed.written, status, documentId: chosen.id, ...(clauseId ? { clauseId } : {}), others, ambiguous },
      pinned,
      text: byNumber && !target.pinpoint ? 'numbers' : 'all',
    };
  }

  /** A Party document is numbered by items: "mục 3" and "điểm (ii)" are items there, a Luật's Mục sits in a Chương. */
  private pinpointFor(doc: CitationAlternative, p: QueryPin | undefined): QueryPin | undefined {
    if (!p) return undefined;
    if (LAW_TYPES.includes(doc.type) || p.dieu || p.chuong) return p;
    const items = [...(p.diem ? [p.diem] : []), ...(p.items ?? [])];
    const { diem: _diem, ...rest } = p;
    return { ...rest, ...(items.length ? { items } : {}) };
  }

  private alternative(id: string, c?: NameCandidate): CitationAlternative {
    const n = this.nodes.get(id);
    const type = n?.type ?? c?.type ?? 'khac';
    const number = n?.number ?? c?.number;
    const title = n?.title ?? c?.name;
    const date = n?.date ?? c?.date;
    const status = n?.status ?? c?.status;
    return { id, ...(number ? { number } : {}), type, typeLabel: typeInfo(type).label, ...(title ? { title } : {}), ...(date ? { date } : {}), inCorpus: n?.inCorpus ?? c?.inCorpus ?? false, ...(status ? { status } : {}) };
  }
}

/** In force first: current (or not known otherwise), in the corpus, newest (superseded and repealed alike: neither is in force). */
function inForce(a: CitationAlternative, b: CitationAlternative): number {
  const rank = (x: CitationAlternative) => (x.status === 'repealed' || x.status === 'superseded' ? 1 : 0);
  return rank(a) - rank(b) || Number(b.inCorpus) - Number(a.inCorpus) || (b.date ?? '').localeCompare(a.date ?? '');
}

/** "luat-1/dieu-5/khoan-2" → itself and "luat-1/dieu-5" (a citation of a khoản also cites its article). */
function ancestorsOf(id: string): string[] {
  const out: string[] = [];
  for (let s = id; s.includes('/'); s = s.slice(0, s.lastIndexOf('/'))) out.push(s);
  return out;
}

function nodeOf(d: DocumentRecord): GraphNode {
  return { id: d.id, ...(d.number ? { number: d.number } : {}), type: d.type, typeLabel: d.typeLabel, ...(d.title ? { title: d.title } : {}), ...(d.issuer ? { issuer: d.issuer } : {}), ...(d.date ? { date: d.date } : {}), inCorpus: true };
}
