/**
 * The prepared resolver: every document known (in the corpus, or cited by a complete number),
 * the clauses, the law names — built once, then asked per reference. `resolveReferences` asks
 * it for each reference found in the corpus; the search asks it for what a person typed
 * (src/search/citation-query.ts), so a citation resolves the same way in a text and in a query.
 */
import type { Clause, DocType, Pinpoint, RefTarget } from '../model.ts';
import { clauseId, clauseSegment, parseClauseId } from '../ids.ts';
import { partyTerm } from '../doc-types.ts';
import { fold } from 'vietnamese-tokenizer';
import type { NameCandidate, NameIndex, NameMatch } from './names.ts';

export interface KnownDocument {
  id: string;
  number: string;
  type: DocType;
  date?: string;
  term?: string;
  inCorpus: boolean;
}

/** Who cites: partial numbers and internal pinpoints are read in the citing document's context. */
export interface CitingContext {
  docId?: string;
  /** The citing document's date: Party numbers restart each term; a name means the version in force then. */
  date?: string;
  /** Complete numbers the citing document writes elsewhere: "Nghị quyết 18" is the "18-NQ/TW" it names in full. */
  ownNumbers?: ReadonlySet<string>;
}

/** What the resolver needs of a clause: its kind, number and children (a `Clause` fits). */
export type ClauseNode = Pick<Clause, 'id' | 'kind' | 'number' | 'children'>;
/** Clauses by id (a `Map` fits; the search passes a view over its own entries rather than a second map). */
export interface ClauseLookup {
  has(id: string): boolean;
  get(id: string): ClauseNode | undefined;
}

/** A number as compared: folded, lowercase, no leading zeros ("01/VBHN-VPQH" = "1/vbhn-vpqh", "15/2020/ND-CP" = "15/2020/NĐ-CP"). */
export function numberKey(number: string): string {
  return fold(number).toLowerCase().replace(/(^|[-/])0+(?=\d)/g, '$1');
}

/**
 * What a name without a number ("Luật Đất đai", "Luật Thương mại ngày 10 tháng 5 năm 1997") names
 * for the document that writes it. `resolved`: one version, by the year or date written, or the one
 * in force on the citing document's date. `ambiguous`: several (or one issued but not yet in force
 * then) and nothing written decides. `none`: no known version fits (the caller makes an external node).
 */
export interface NameResolution {
  status: 'resolved' | 'ambiguous' | 'none';
  candidates: NameCandidate[];
  /** What decided: the year or date written, the citing document's date, the only version known. */
  basis: 'date' | 'year' | 'in-force-on' | 'only' | 'none';
  /** Versions of that name left out because they were issued after the citing document or carry another year/date. */
  excluded: NameCandidate[];
}

export interface ResolverOptions {
  /** The day a document takes effect (its own "có hiệu lực từ ngày …"), when known; else its date of issue counts. */
  effectiveOf?: (docId: string) => string | undefined;
}

const LAW_FAMILY = new Set<DocType>(['luat', 'bo-luat']);
function sameFamily(a: DocType, b: DocType): boolean {
  return a === b || (LAW_FAMILY.has(a) && LAW_FAMILY.has(b));
}

/** Issued after the day `d` (ISO): by its date, else by the year its number or name gives. */
function issuedAfter(c: Pick<NameCandidate, 'date' | 'year'>, d: string): boolean {
  if (c.date) return c.date > d;
  return !!c.year && c.year > d.slice(0, 4);
}

export class Resolver {
  private readonly byNumber = new Map<string, KnownDocument[]>();

  constructor(
    known: Iterable<KnownDocument>,
    private readonly clauses: ClauseLookup,
    /** Law names; without them a name resolves only to a title written exactly alike (see resolveReferences). */
    readonly names?: NameIndex,
    private readonly options: ResolverOptions = {},
  ) {
    for (const k of known) this.add(k);
  }

  /** Adds a document (in the corpus, or an external node known by its complete number); the first with an id wins. */
  add(k: KnownDocument): void {
    const key = numberKey(k.number);
    const list = this.byNumber.get(key) ?? [];
    if (!list.some((x) => x.id === k.id)) list.push(k);
    this.byNumber.set(key, list);
  }

  /** Every known document with this complete number (in the corpus first, as added). */
  byCompleteNumber(number: string): KnownDocument[] {
    return this.byNumber.get(numberKey(number)) ?? [];
  }

  /**
   * The documents a numbered target may name. Complete: that number. Partial ("Nghị quyết 18",
   * "Nghị định 15/2020"): complete numbers of that type that start with it — the citing
   * document's own first, then (Party numbers) those of its term; then the written date decides.
   */
  numberCandidates(t: RefTarget, context: CitingContext = {}): KnownDocument[] {
    if (!t.number) return [];
    let candidates: KnownDocument[];
    if (t.complete !== false) {
      candidates = this.byCompleteNumber(t.number);
    } else {
      const want = numberKey(t.number);
      const all: KnownDocument[] = [];
      for (const [key, list] of this.byNumber) {
        if (!(key.startsWith(`${want}/`) || key.startsWith(`${want}-`) || key === want)) continue;
        for (const k of list) if (!t.type || k.type === t.type || (t.type === 'luat' && k.type === 'bo-luat')) all.push(k);
      }
      const own = context.ownNumbers ? all.filter((k) => context.ownNumbers!.has(k.number)) : [];
      candidates = own.length ? own : all;
      // A Party number without its year: prefer the documents of the citing document's term.
      if (candidates.length > 1 && context.date) {
        const term = partyTerm(context.date);
        const same = candidates.filter((k) => !k.term || k.term === term);
        if (same.length) candidates = same;
      }
    }
    // Party numbers restart each term: the date written with the reference tells them apart.
    if (candidates.length > 1 && t.date) {
      const dated = candidates.filter((k) => k.date === t.date);
      if (dated.length) candidates = dated;
    }
    // Two documents printed with one number (35-L/CTN, 1994): a document citing that number cites itself.
    if (candidates.length > 1 && context.docId) {
      const self = candidates.filter((k) => k.id === context.docId);
      if (self.length) candidates = self;
    }
    return candidates;
  }

  /** The documents a law name names (`NameIndex.lookup`), as of the citing document's date when there is one. */
  nameCandidates(t: RefTarget, context: CitingContext = {}): NameMatch | undefined {
    if (!t.name || !this.names) return undefined;
    return this.names.lookup(t.name, { ...(t.year ? { year: t.year } : context.date ? { asOf: context.date } : {}), ...(t.type ? { type: t.type } : {}) });
  }

  /**
   * The version a name without a number names, for a document dated `context.date`:
   *  - a date written ("ngày 10 tháng 5 năm 1997") or a year ("năm 2013") keeps the versions of that
   *    day or year; one is resolved, several are ambiguous, none is `none` (an older version not in
   *    the corpus: the caller gives it an external node with the name and date);
   *  - otherwise the version in force on the citing date: the newest issued on or before it, when it
   *    has taken effect by then; one issued but not yet in force is ambiguous with the one before it;
   *  - a version issued after the citing document is never chosen (a law of 2013 cannot cite one of 2015).
   */
  resolveName(t: RefTarget, context: CitingContext = {}): NameResolution {
    const none: NameResolution = { status: 'none', candidates: [], basis: 'none', excluded: [] };
    if (!t.name || !this.names) return none;
    const year = t.year ?? t.date?.slice(0, 4);
    const m = this.names.lookup(t.name, { ...(year ? { year } : {}), ...(t.type ? { type: t.type } : {}) });
    let candidates = m.candidates;
    const excluded = [...m.others];
    const keep = (f: (c: NameCandidate) => boolean) => {
      for (const c of candidates) if (!f(c)) excluded.push(c);
      candidates = candidates.filter(f);
    };
    // A Pháp lệnh is not a Luật (the name index falls back to any type; here a wrong version is worse than none).
    if (t.type) keep((c) => sameFamily(c.type, t.type!));
    // A law naming its own title without "này" names an earlier version ("Luật Khoáng sản ngày 20 tháng 3 năm 1996").
    if (context.docId) keep((c) => c.id !== context.docId);
    // Another day of the same year is another document; a version without a known day stays possible.
    if (t.date) keep((c) => !c.date || c.date === t.date);
    if (context.date) keep((c) => !issuedAfter(c, context.date!));
    if (!candidates.length) return { ...none, excluded };
    if (year || t.date) {
      const exact = t.date ? candidates.filter((c) => c.date === t.date) : [];
      if (exact.length === 1) return { status: 'resolved', candidates: exact, basis: 'date', excluded };
      return candidates.length === 1 ? { status: 'resolved', candidates, basis: t.date ? 'date' : 'year', excluded } : { status: 'ambiguous', candidates, basis: 'none', excluded };
    }
    if (!context.date) return candidates.length === 1 ? { status: 'resolved', candidates, basis: 'only', excluded } : { status: 'ambiguous', candidates, basis: 'none', excluded };
    const day = (c: NameCandidate) => c.date ?? c.year ?? '';
    candidates = [...candidates].sort((a, b) => day(b).localeCompare(day(a)));
    const [newest, previous] = candidates;
    // Two versions of one year and no day to tell them apart: nothing decides.
    if (previous && (!newest!.date || !previous.date) && newest!.year === previous.year) return { status: 'ambiguous', candidates, basis: 'none', excluded };
    const effective = this.options.effectiveOf?.(newest!.id) ?? newest!.date;
    // Issued, not yet in force on the citing day: the citing text may mean it or the one in force.
    if (effective && effective > context.date) return { status: 'ambiguous', candidates: previous ? [newest!, previous] : [newest!], basis: 'none', excluded };
    return { status: 'resolved', candidates: [newest!], basis: candidates.length === 1 ? 'only' : 'in-force-on', excluded };
  }

  /**
   * The deepest existing clause a pinpoint reaches in a document, and whether it is the whole
   * pinpoint; "khoản 2 Điều này" is relative to the citing clause (`from`). Phần, Chương and
   * Điều ids are flat; Mục sits under its Chương; a chapter is found written either way
   * ("Chương 2" = "Chương II"). In a Party document "mục 3" is item 3 and its `items` ("(1)",
   * "(ii)") are found below it, at any depth when only one clause there has that number.
   */
  pinpointClause(docId: string, p: Pinpoint | undefined, from?: string): { id: string; exact: boolean } | undefined {
    if (!p) return undefined;
    let p2 = p;
    if (!p.dieu && from && (p.khoan || p.diem)) {
      const dieu = parseClauseId(from)?.path.find((s) => s.startsWith('dieu-'))?.slice(5);
      if (dieu) p2 = { ...p, dieu };
    }
    if (!p2.dieu && p2.muc && !p2.chuong && this.clauses.has(clauseId(docId, [p2.muc]))) return this.partyItem(docId, p2.muc, p2.items ?? []);
    let best: { id: string; exact: boolean } | undefined;
    for (const variant of chapterVariants(p2)) {
      const full = pinpointId(docId, variant);
      if (!full) continue;
      for (let id = full; id && id.includes('/'); id = id.slice(0, id.lastIndexOf('/')))
        if (this.clauses.has(id)) {
          if (!best || id.length > best.id.length) best = { id, exact: id === full };
          break;
        }
      if (best?.exact) break;
    }
    return best;
  }

  /** "mục 3" then "(1)", "(ii)": each number a child of the one before, or else the only descendant with that number. */
  private partyItem(docId: string, top: string, items: readonly string[]): { id: string; exact: boolean } {
    let id = clauseId(docId, [top]);
    for (const n of items) {
      const want = n.toLowerCase();
      const child = this.clauses.get(id)?.children.find((c) => this.clauses.get(c)?.number.toLowerCase() === want);
      const found = child ?? this.onlyDescendant(id, want);
      if (!found) return { id, exact: false };
      id = found;
    }
    return { id, exact: true };
  }

  private onlyDescendant(id: string, number: string): string | undefined {
    const hits: string[] = [];
    const walk = (c: string) => {
      for (const k of this.clauses.get(c)?.children ?? []) {
        if (this.clauses.get(k)?.number.toLowerCase() === number) hits.push(k);
        walk(k);
      }
    };
    walk(id);
    return hits.length === 1 ? hits[0] : undefined;
  }

  /** A clause by id, when it exists. */
  clause(id: string): ClauseNode | undefined {
    return this.clauses.get(id);
  }
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
function toRoman(n: number): string {
  let out = '';
  for (const [v, r] of ROMAN) while (n >= v) (out += r), (n -= v);
  return out;
}
function fromRoman(s: string): number | undefined {
  if (!/^[IVXLCDM]+$/i.test(s)) return undefined;
  let n = 0;
  let rest = s.toUpperCase();
  for (const [v, r] of ROMAN) while (rest.startsWith(r)) (n += v), (rest = rest.slice(r.length));
  return rest ? undefined : n;
}

/** A chapter as written and the other way round ("2" and "II"): laws number chapters either way. */
function chapterVariants(p: Pinpoint): Pinpoint[] {
  if (!p.chuong || p.dieu) return [p];
  const c = p.chuong;
  const other = /^\d+$/.test(c) ? toRoman(Number(c)) : String(fromRoman(c) ?? '');
  return other && other !== c ? [p, { ...p, chuong: other }] : [p];
}

/** The clause id a pinpoint names in a target (whether or not that clause is known). */
export function pinpointId(docId: string, p: Pinpoint): string | undefined {
  if (!p.dieu) {
    // Without an article: a chapter (with its section) or a part.
    if (p.chuong) return clauseId(docId, [clauseSegment('chuong', p.chuong), ...(p.muc ? [clauseSegment('muc', p.muc)] : [])]);
    if (p.phan) return clauseId(docId, [clauseSegment('phan', p.phan)]);
    return undefined;
  }
  const path = [clauseSegment('dieu', p.dieu)];
  if (p.khoan) path.push(clauseSegment('khoan', p.khoan));
  if (p.diem) path.push(clauseSegment('diem', p.diem));
  return clauseId(docId, path);
}
