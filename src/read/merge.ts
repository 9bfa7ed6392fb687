/**
 * One document, many sources — and never two documents made one.
 *
 * A document is identified by its number *and* its issuer, date and title. Texts with the same
 * number are the same document only when what else they say agrees (titles alike, issuers and
 * dates compatible); two different texts printed with one number (the 1994 laws 35-L/CTN, every
 * province's "Quyết định số 12/2020/QĐ-UBND") stay two documents, each with a qualified id
 * (`src/ids.ts`: "luat-35-l-ctn~thue-chuyen-quyen-su-dung-dat"). Texts without a number are
 * the same document when they are the same bytes, or of one type with the same title and a
 * compatible date (a .doc and the Công báo PDF of the Constitution).
 *
 * The same document in several files is one document with several sources: the best text leads
 * (typed text — Word, ODT, plain text — over a PDF text layer, over OCR; then the fuller one) and
 * every other file is kept as a further source. A news report naming a document ("Kết luận số
 * 221 của Bộ Chính trị", issued the same day) is attached to it as a report.
 */
import type { VFile } from 'vfile';
import { fold } from 'vietnamese-tokenizer';
import type { Clause, DocumentRecord, Source } from '../model.ts';
import { qualifiedDocumentId } from '../ids.ts';

export function mergeDocuments(docs: DocumentRecord[], file?: VFile): DocumentRecord[] {
  const reports: DocumentRecord[] = [];
  /** Groups of texts judged to be one document, by the id their number (or file name) gives. */
  const byBase = new Map<string, DocumentRecord[][]>();
  const order: DocumentRecord[][] = [];
  for (const doc of docs) {
    if (!doc.number && doc.meta?.reportOf) {
      reports.push(doc);
      continue;
    }
    const groups = byBase.get(doc.id) ?? [];
    byBase.set(doc.id, groups);
    // A text without a number has an id from its file name: it joins another text only by content (below).
    const home = doc.number ? groups.find((g) => g[0]!.number && sameDocument(g[0]!, doc)) : undefined;
    if (home) home.push(doc);
    else {
      const g = [doc];
      groups.push(g);
      order.push(g);
    }
  }
  // Texts without a number join their twin: the same bytes, the same title, or the same words.
  const twins = new TwinIndex(order);
  for (const g of [...order]) {
    if (g[0]!.number || g.length > 1) continue;
    const twin = twins.find(g);
    if (!twin) continue;
    twin.push(...g);
    order.splice(order.indexOf(g), 1);
    const groups = byBase.get(g[0]!.id)!;
    groups.splice(groups.indexOf(g), 1);
  }

  const merged = new Map<DocumentRecord[], DocumentRecord>();
  for (const g of order) merged.set(g, mergeGroup(g, file));
  // One number, several documents: each gets a qualified id.
  for (const [base, groups] of byBase) {
    if (groups.length < 2) continue;
    const leads = groups.map((g) => merged.get(g)!);
    const qs = qualifiers(leads);
    leads.forEach((d, i) => merged.set(groups[i]!, renameDocument(d, qualifiedDocumentId(base, qs[i]!))));
    const named = groups.map((g) => merged.get(g)!);
    const what = named[0]!.number ? `numbered ${named[0]!.number}` : `without a number, in files of one name (${base})`;
    if (file) file.info(`${named.length} different documents are ${what} (${named.map((d) => `${d.id}: ${d.title ?? d.issuer ?? d.date ?? d.sources[0]!.path}`).join('; ')}); each keeps its own id, and references to the number are resolved by context or kept ambiguous`, {
      ruleId: 'same-number',
      source: 'tracuu',
    }).file = named.map((d) => d.sources[0]!.path).join(', ');
  }

  const byId = new Map<string, DocumentRecord>();
  for (const g of order) {
    const d = merged.get(g)!;
    byId.set(d.id, d);
  }
  const unattached = new Map<string, string>();
  for (const report of reports) {
    const target = findSubject(report, [...byId.values()]);
    if (!target) {
      // The same page saved twice is one page with two files.
      const sha = report.sources[0]?.sha256;
      const twin = sha ? byId.get(unattached.get(sha) ?? '') : undefined;
      if (twin) byId.set(twin.id, { ...twin, sources: [...twin.sources, ...report.sources] });
      else {
        byId.set(report.id, report);
        if (sha) unattached.set(sha, report.id);
      }
      continue;
    }
    const source: Source = { ...report.sources[0]!, role: 'report', ...(report.title ? { title: report.title } : {}) };
    byId.set(target.id, fill({ ...target, reports: [...target.reports, source] }, report));
  }
  return [...byId.values()];
}

/** How good a text is: typed (Word, ODT, plain text, HTML) over a PDF text layer over OCR. */
export function textQuality(doc: DocumentRecord): number {
  const s = doc.sources[0];
  if (!s) return 0;
  if (s.ocr) return 1;
  if (s.format === 'pdf' || s.format === 'image') return 2;
  return 3;
}

/** The best text leads; the others become further sources of it. */
function mergeGroup(group: DocumentRecord[], file?: VFile): DocumentRecord {
  if (group.length === 1) return group[0]!;
  const ranked = [...group].sort((a, b) => textQuality(b) - textQuality(a) || b.clauses.length - a.clauses.length);
  const lead = ranked[0]!;
  let out: DocumentRecord = { ...lead, sources: ranked.flatMap((d) => d.sources), reports: ranked.flatMap((d) => d.reports) };
  for (const other of ranked.slice(1)) out = fill(out, other);
  // A copy with the number blank (or unreadable) leads: the number another copy prints names it.
  const numbered = !lead.number ? ranked.find((d) => d.number) : undefined;
  if (numbered) out = renameDocument({ ...out, number: numbered.number! }, numbered.id);
  if (file) file.info(`${group.length} files hold the same document ${out.number ?? out.title ?? out.id}: ${lead.sources[0]!.path} leads (${WHY[textQuality(lead)]}), ${ranked
    .slice(1)
    .map((d) => d.sources[0]!.path)
    .join(', ')} kept as further sources`, { ruleId: 'same-document', source: 'tracuu' }).file = lead.sources[0]!.path;
  return out;
}

const WHY = ['', 'OCR text', 'a PDF text layer', 'typed text'];

/** Texts with one number: the same document unless what else they say disagrees. */
export function sameDocument(a: DocumentRecord, b: DocumentRecord): boolean {
  if (sameBytes(a, b)) return true;
  if (a.type !== b.type) return false;
  if (!compatible(a.issuer, b.issuer) || !datesCompatible(a, b)) return false;
  const ta = titleWords(a);
  const tb = titleWords(b);
  // Nothing to compare: the number, type, issuer and date agree — one document (as before).
  if (!ta.length || !tb.length) return true;
  return similarity(ta, tb) >= 0.6;
}

/**
 * Finds the document an unnumbered text is another copy of: the same bytes, or one type, a
 * compatible issuer and date, and either the same title (three words at least, or an appendix
 * of the same decree) or the same words — at least 40% of the sampled three-word runs of the
 * shorter text (a .doc and the Công báo PDF of the Constitution; a Word text and its OCR'd scan).
 * Sampled runs are indexed, so a corpus of thousands of texts is not compared pair by pair.
 */
class TwinIndex {
  private readonly byPrint = new Map<number, DocumentRecord[][]>();
  private readonly byTitle = new Map<string, DocumentRecord[][]>();
  private readonly prints = new Map<DocumentRecord[], Set<number>>();
  constructor(private readonly groups: DocumentRecord[][]) {
    for (const g of groups) {
      const p = fingerprint(g[0]!);
      this.prints.set(g, p);
      for (const h of p) push(this.byPrint, h, g);
      const t = titleWords(g[0]!).join(' ');
      if (t) push(this.byTitle, t, g);
    }
  }

  find(g: DocumentRecord[]): DocumentRecord[] | undefined {
    const doc = g[0]!;
    const live = new Set(this.groups);
    const shared = new Map<DocumentRecord[], number>();
    const mine = this.prints.get(g)!;
    for (const h of mine) for (const o of this.byPrint.get(h) ?? []) if (o !== g) shared.set(o, (shared.get(o) ?? 0) + 1);
    const scored: { o: DocumentRecord[]; score: number }[] = [];
    for (const [o, n] of shared) {
      const least = Math.min(mine.size, this.prints.get(o)!.size);
      // Words alone are not enough where the date is unknown: constitutions, codes and their
      // consolidations repeat their predecessors. Both dates known and agreeing, or a copy with no
      // date of its own (a scan, a part) joining a numbered document.
      const lead = o[0]!;
      const dated = Boolean((lead.date ?? lead.meta?.datePartial) && (doc.date ?? doc.meta?.datePartial));
      if (least >= 20 && n / least >= 0.4 && (dated || (lead.number && !doc.date))) scored.push({ o, score: n / least });
    }
    const t = titleWords(doc);
    if (t.length >= 3 || (t.length && doc.meta?.appendixOf)) for (const o of this.byTitle.get(t.join(' ')) ?? []) if (o !== g) scored.push({ o, score: 1 });
    const fits = scored.filter(({ o }) => live.has(o) && o.every((d) => comparable(d, doc)));
    fits.sort((a, b) => Number(Boolean(b.o[0]!.number)) - Number(Boolean(a.o[0]!.number)) || b.score - a.score);
    return fits[0]?.o ?? this.groups.find((o) => o !== g && o.some((d) => sameBytes(d, doc)));
  }
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Nothing they say contradicts it: one type, the same decree for an appendix, compatible issuers and dates. */
function comparable(a: DocumentRecord, b: DocumentRecord): boolean {
  return a.type === b.type && (a.meta?.appendixOf ?? '') === (b.meta?.appendixOf ?? '') && compatible(a.issuer, b.issuer) && datesCompatible(a, b);
}

/** A sample of a text's three-word runs (folded): about one in eight, chosen by hash so two copies sample alike. */
function fingerprint(doc: DocumentRecord): Set<number> {
  const body = doc.clauses.length ? doc.clauses.map((c) => c.text).join(' ') : doc.text;
  const words = key(body.slice(0, 80_000)).split(' ');
  const out = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) {
    const h = fnv(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    if ((h & 7) === 0) out.add(h);
  }
  return out;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sameBytes(a: DocumentRecord, b: DocumentRecord): boolean {
  const x = a.sources[0]?.sha256;
  return Boolean(x) && x === b.sources[0]?.sha256 && a.sources[0]?.path.split('#')[1] === b.sources[0]?.path.split('#')[1];
}

function key(s: string): string {
  return fold(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Issuers agree when unknown on one side or when one names the other ("Quốc hội" ⊂ "Quốc hội khóa XIII"). */
function compatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const x = key(a);
  const y = key(b);
  return x.includes(y) || y.includes(x);
}

/** Dates agree when unknown on one side, equal, or one is the other's month or year (a copy with the day blank). */
function datesCompatible(a: DocumentRecord, b: DocumentRecord): boolean {
  const x = a.date ?? a.meta?.datePartial;
  const y = b.date ?? b.meta?.datePartial;
  if (!x || !y) return true;
  return x.startsWith(y) || y.startsWith(x);
}

/** The title's words without the type word and "về (việc)": what the document is about. */
function titleWords(d: DocumentRecord): string[] {
  if (!d.title) return [];
  let t = key(d.title);
  const type = key(d.typeLabel);
  if (type && t.startsWith(type + ' ')) t = t.slice(type.length + 1);
  t = t.replace(/^ve (viec )?/, '');
  return t.split(' ').filter(Boolean);
}

/** Dice over words, or containment when one title is the other's start plus trailing detail ("… của Quốc hội số …"). */
function similarity(a: string[], b: string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  const dice = (2 * common) / (x.size + y.size);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const prefix = short.length >= 2 && short.every((w, i) => long[i] === w) ? 1 : 0;
  return Math.max(dice, prefix);
}

/** What tells documents with one number apart: their titles, else their issuers, else their dates, else their order. */
function qualifiers(docs: DocumentRecord[]): string[] {
  const tries: ((d: DocumentRecord) => string)[] = [(d) => titleWords(d).slice(0, 6).join(' '), (d) => d.issuer ?? '', (d) => d.date ?? ''];
  for (const t of tries) {
    const qs = docs.map((d) => key(t(d)).split(' ').slice(0, 6).join(' '));
    if (qs.every(Boolean) && new Set(qs).size === qs.length) return qs;
  }
  return docs.map((d, i) => `${key(titleWords(d).slice(0, 5).join(' ') || d.issuer || d.date || 'van ban')} ${i + 1}`);
}

/** The same document under another id: every clause id, parent, child, footnote and root follows. */
export function renameDocument(doc: DocumentRecord, id: string): DocumentRecord {
  if (doc.id === id) return doc;
  const from = doc.id + '/';
  const to = id + '/';
  const re = (x: string) => (x.startsWith(from) ? to + x.slice(from.length) : x);
  const clauses = doc.clauses.map(
    (c): Clause => ({
      ...c,
      id: re(c.id),
      docId: id,
      ...(c.parentId ? { parentId: re(c.parentId) } : {}),
      children: c.children.map(re),
      ...(c.footnotes ? { footnotes: c.footnotes.map(re) } : {}),
    }),
  );
  return { ...doc, id, roots: doc.roots.map(re), clauses };
}

/** The document a report is about: same type, number starting with the partial number, same date when both are known. */
function findSubject(report: DocumentRecord, docs: DocumentRecord[]): DocumentRecord | undefined {
  const partial = report.meta!.reportOf!;
  const type = report.meta?.reportOfType;
  const candidates = docs.filter(
    (d) => d.number && d.number.split(/[-/]/)[0] === partial && (!type || d.type === type) && (!report.date || !d.date || d.date === report.date),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Metadata the leading source lacks, taken from another (a report names the signer, say). */
function fill(doc: DocumentRecord, from: DocumentRecord): DocumentRecord {
  const out = { ...doc };
  if (!out.signer && from.signer) {
    out.signer = from.signer;
    if (from.signerTitle) out.signerTitle = from.signerTitle;
  }
  if (!out.date && from.date) out.date = from.date;
  if (!out.issuer && from.issuer) out.issuer = from.issuer;
  if (!out.title && from.title) out.title = from.title;
  return out;
}
