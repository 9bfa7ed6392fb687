/**
 * Law names learned from the corpus. A document titled "Luật Đất đai" (45/2013/QH13, 2013) is
 * also "Đất đai", "Luật Đất đai 2013", "Luật Đất đai năm 2013", "Luật Đất Đai", "luat dat dai";
 * "Bộ luật Lao động" is also "Luật Lao động"; "Luật Hôn nhân và gia đình" also "hôn nhân gia đình".
 *
 *   const names = NameIndex.build(nodes);           // documents and external nodes, with dates
 *   names.lookup('Luật đất đai', { asOf: '2015-03-01' })
 *     → { candidates: [luat-45-2013-qh13 …], others: [], ambiguous: false, basis: 'as-of' }
 *   names.longestAt(['dat', 'dai', 'nam', '2013'], 0) → { length: 2, key: 'dat dai' }
 *
 * Names are matched on their *core* (the title without "Luật"/"Bộ luật"/"Pháp lệnh"), folded
 * (no diacritics, any tone placement, any case), punctuation and "và" ignored. Several
 * documents can share a name (two versions of a law; a law in the corpus and the older one
 * it replaced, known only as an external node): all are kept, best first, and `ambiguous`
 * says when nothing written tells them apart. The year or date decides when one is given.
 */
import type { DocType, GraphNode } from '../model.ts';
import { canonicalTones, fold } from 'vietnamese-tokenizer';

/** What the index needs of a document or external node (a `GraphNode` fits). */
export type NamedDocument = Pick<GraphNode, 'id' | 'type' | 'title' | 'number' | 'date' | 'inCorpus' | 'status'>;

export interface NameCandidate {
  id: string;
  type: DocType;
  /** The name as the document writes it: "Luật Đất đai", "Bộ luật Lao động". */
  name: string;
  number?: string;
  date?: string;
  /** The year the name goes with: from the date, else from the number ("45/2013/QH13"). */
  year?: string;
  inCorpus: boolean;
  status?: GraphNode['status'];
}

export interface NameQuery {
  /** "Luật Đất đai 2013", "… năm 2013": only documents of that year. */
  year?: string;
  /** The citing document's date: the latest version issued on or before it ("in force then"). */
  asOf?: string;
  /** The type word written with the name ("Bộ luật", "Luật", "Pháp lệnh"): a preference, Luật and Bộ luật are interchangeable. */
  type?: DocType;
}

export type NameBasis = 'none' | 'only' | 'year' | 'as-of' | 'in-force';

export interface NameMatch {
  /** The documents the name (and year / date) names, best first. */
  candidates: NameCandidate[];
  /** Same name, excluded by the year or date given (shown as "other versions"). */
  others: NameCandidate[];
  /** More than one candidate and nothing written picks one: the first is only the likeliest. */
  ambiguous: boolean;
  /** What put the first candidate first: the only one, its year, the date, or being in force (current, in the corpus, newest). */
  basis: NameBasis;
}

/** Type words that start a law's name; "Hiến pháp" is a name by itself. */
const TYPE_WORDS: ReadonlyArray<readonly [string, DocType]> = [
  ['bo luat', 'bo-luat'],
  ['luat', 'luat'],
  ['phap lenh', 'phap-lenh'],
];
const FAMILY: Partial<Record<DocType, string>> = { luat: 'law', 'bo-luat': 'law', 'phap-lenh': 'phap-lenh', 'hien-phap': 'hien-phap' };

/** Folded words of a name: "Luật Phòng, chống ma tuý" → ["luat", "phong", "chong", "ma", "tuy"] ("và" and punctuation dropped). */
export function nameWords(text: string): string[] {
  return fold(text.normalize('NFC'))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && w !== 'va');
}

/** Lowercase with canonical tone placement, punctuation and "và" dropped: tells "Đất đai" from a differently marked spelling. */
function exactKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w && w !== 'và')
    .map(canonicalTones)
    .join(' ');
}

/** Splits a leading type word off folded words: ["bo","luat","lao","dong"] → ["bo-luat", ["lao","dong"]]. */
export function splitTypeWord(words: readonly string[]): [DocType | undefined, string[]] {
  for (const [w, type] of TYPE_WORDS) {
    const parts = w.split(' ');
    if (parts.every((p, i) => words[i] === p)) return [type, words.slice(parts.length)];
  }
  return [undefined, [...words]];
}

export interface NameForms {
  /** The name as written, tidied: "Luật Đất đai". */
  name: string;
  /** Folded cores it is known by: ["dat dai"]; "Bộ luật Hàng hải Việt Nam" → ["hang hai viet nam", "hang hai"]. */
  cores: string[];
  /** The core's exact spelling (canonical tones), for preferring the spelling typed. */
  exact: string;
  /** A year written in the title itself ("Luật Đất đai năm 2013"). */
  year?: string;
}

/**
 * The names a title gives: the title tidied (cut before "của Quốc hội", "số …", "ngày …",
 * a trailing year), without its type word; a doubled type word ("Luật Luật biên giới quốc gia")
 * and a trailing "Việt Nam" also give a shorter alias. Undefined when no name is left.
 */
export function nameForms(title: string | undefined, type: DocType): NameForms | undefined {
  if (type === 'hien-phap') return { name: 'Hiến pháp', cores: ['hien phap'], exact: 'hiến pháp' };
  if (!title) return undefined;
  let t = title.normalize('NFC').replace(/\s+/g, ' ').trim();
  // "Luật Số 103-sl/l.005 ngày 20-5-1957 đảm bảo quyền …": the number and date come first.
  t = t.replace(/^((?:Bộ luật|Luật|Pháp lệnh) )(?:số|Số) \S+(?: ngày \S+)? /u, '$1');
  // "… của quốc hội số 48-lct/hđnn8 ngày 21/12/1990", "… số 23-l/ctn ngày 10/07/1993".
  // ("Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân" keeps its "của Quốc hội".)
  t = t.replace(/ (?:của (?:Quốc hội|quốc hội|Chủ tịch nước|chủ tịch nước)(?= (?:số|Số|ngày) )|(?:số|Số) \d|ngày \d|(?:chủ tịch nước|Chủ tịch nước|CHỦ TỊCH NƯỚC) [^,;]*ra sắc lệnh)[\s\S]*$/u, '');
  let year: string | undefined;
  t = t.replace(/,? (?:năm )?((?:19|20)\d{2})$/u, (_, y: string) => ((year = y), ''));
  const words = nameWords(t);
  const [typeWord, core] = splitTypeWord(words);
  if (!typeWord || !core.length) return undefined;
  const cores = [core.join(' ')];
  // "Luật Luật biên giới quốc gia": the type word written twice (but "Luật Luật sư" is the law on lawyers).
  const [again, rest] = splitTypeWord(core);
  if (again && rest.length >= 2) cores.push(rest.join(' '));
  // "Bộ luật Hàng hải Việt Nam" is also "Bộ luật Hàng hải" (not "… đầu tư nước ngoài tại").
  for (const c of [...cores]) if (/ viet nam$/.test(c) && !/ (?:tai|o|cua) viet nam$/.test(c) && c.split(' ').length >= 4) cores.push(c.slice(0, -' viet nam'.length));
  const typeLen = typeWord === 'bo-luat' || typeWord === 'phap-lenh' ? 2 : 1;
  const exact = exactKey(t).split(' ').slice(typeLen).join(' ');
  return { name: t, cores, exact, ...(year ? { year } : {}) };
}

interface Entry extends NameCandidate {
  exact: string;
}

export class NameIndex {
  private constructor(
    private readonly byCore: Map<string, Entry[]>,
    /** Longest core in words: bounds `longestAt`. */
    private readonly maxWords: number,
  ) {}

  /** Indexes every document and external node that has a law-like name. */
  static build(docs: Iterable<NamedDocument>): NameIndex {
    const byCore = new Map<string, Entry[]>();
    let maxWords = 0;
    for (const d of docs) {
      const forms = nameForms(d.title, d.type);
      if (!forms) continue;
      const year = d.date?.slice(0, 4) ?? forms.year ?? /\/((?:19|20)\d{2})\//.exec(d.number ?? '')?.[1];
      const entry: Entry = {
        id: d.id,
        type: d.type,
        name: forms.name,
        ...(d.number ? { number: d.number } : {}),
        ...(d.date ? { date: d.date } : {}),
        ...(year ? { year } : {}),
        inCorpus: d.inCorpus,
        ...(d.status ? { status: d.status } : {}),
        exact: forms.exact,
      };
      for (const core of forms.cores) {
        const list = byCore.get(core) ?? [];
        if (!list.some((e) => e.id === d.id)) list.push(entry);
        byCore.set(core, list);
        maxWords = Math.max(maxWords, core.split(' ').length);
      }
    }
    return new NameIndex(byCore, maxWords);
  }

  /** How many distinct names are known. */
  get size(): number {
    return this.byCore.size;
  }

  /** Is this folded core ("dat dai") a known name? */
  has(core: string): boolean {
    return this.byCore.has(core);
  }

  /**
   * The longest known name that starts at `words[start]` (folded words, "và" dropped — see
   * `nameWords`): how far "Luật đất đai năm 2013 quy định" names a law. Undefined when none does.
   */
  longestAt(words: readonly string[], start: number): { length: number; key: string } | undefined {
    for (let n = Math.min(this.maxWords, words.length - start); n >= 1; n--) {
      const key = words.slice(start, start + n).join(' ');
      if (this.byCore.has(key)) return { length: n, key };
    }
    return undefined;
  }

  /**
   * The documents a name names: "Luật Đất đai", "Bộ luật lao động", "dat dai", "Luật Đất đai
   * năm 2013" (a year written in the name counts as `year`). Best first: the year's, or the
   * latest issued on or before `asOf`; otherwise the one in force (current, in the corpus,
   * newest). Nothing is dropped silently: what the year or date rules out is in `others`.
   */
  lookup(name: string, query: NameQuery = {}): NameMatch {
    let words = nameWords(name);
    let year = query.year;
    const last = words.at(-1);
    if (last && /^(?:19|20)\d{2}$/.test(last)) {
      year ??= last;
      // "… năm 2013" (folded "nam"), but not the "Nam" of "Việt Nam 2015".
      words = words.slice(0, words.at(-2) === 'nam' && words.at(-3) !== 'viet' ? -2 : -1);
    }
    const [typeWord, core] = splitTypeWord(words);
    const type = query.type ?? typeWord;
    // "Hiến pháp" has no type word before it; everything else is looked up by its core.
    const key = core.join(' ') || (type ? '' : words.join(' '));
    let all = [...(this.byCore.get(key) ?? (words.length ? this.byCore.get(words.join(' ')) : undefined) ?? [])];
    if (!all.length) return { candidates: [], others: [], ambiguous: false, basis: 'none' };
    // The type word: Luật and Bộ luật name the same family; a Pháp lệnh is not a Luật.
    if (type) {
      const sameType = all.filter((e) => e.type === type);
      const family = all.filter((e) => FAMILY[e.type] === FAMILY[type]);
      all = sameType.length ? sameType : family.length ? family : all;
    }
    // Typed with marks: a spelling that matches them beats one that only folds the same.
    const typed = exactKey(name).split(' ').filter((w) => !/^\d+$/.test(w) && w !== 'năm');
    if (fold(name) !== name.toLowerCase()) {
      const want = typed.slice(typed.length - core.length).join(' ');
      const exact = all.filter((e) => e.exact === want);
      if (exact.length && exact.length < all.length) all = exact;
    }
    const inForce = (a: Entry, b: Entry) =>
      rankStatus(a) - rankStatus(b) || Number(b.inCorpus) - Number(a.inCorpus) || (b.date ?? b.year ?? '').localeCompare(a.date ?? a.year ?? '');
    let candidates: Entry[];
    let others: Entry[] = [];
    let basis: NameBasis;
    if (year) {
      candidates = all.filter((e) => e.year === year);
      others = all.filter((e) => e.year !== year);
      basis = 'year';
    } else if (query.asOf) {
      const asOf = query.asOf;
      candidates = all.filter((e) => !e.date || e.date <= asOf).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
      others = all.filter((e) => e.date && e.date > asOf);
      basis = 'as-of';
    } else {
      candidates = all;
      basis = 'in-force';
    }
    candidates.sort(basis === 'as-of' ? (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || Number(b.inCorpus) - Number(a.inCorpus) : inForce);
    others.sort(inForce);
    if (candidates.length === 1 && basis === 'in-force') basis = 'only';
    const ambiguous = candidates.length > 1 && !decided(candidates, basis);
    return { candidates: candidates.map(plain), others: others.map(plain), ambiguous, basis: candidates.length ? basis : 'none' };
  }
}

/**
 * In force first: current (or not known otherwise), then the others alike — superseded and
 * repealed are both no longer in force, so in the corpus and newest decide between them (a
 * repealed 2003 law before the 1994 law it superseded).
 */
function rankStatus(e: NameCandidate): number {
  return e.status === 'repealed' || e.status === 'superseded' ? 1 : 0;
}

/** Whether the first candidate is told apart from the second by what the basis compares. */
function decided(c: NameCandidate[], basis: NameBasis): boolean {
  const [a, b] = [c[0]!, c[1]!];
  if (basis === 'as-of') return !!a.date && !!b.date && a.date !== b.date;
  if (basis === 'in-force') return rankStatus(a) !== rankStatus(b) || a.inCorpus !== b.inCorpus;
  return false;
}

function plain(e: Entry): NameCandidate {
  const { exact: _exact, ...rest } = e;
  return rest;
}
