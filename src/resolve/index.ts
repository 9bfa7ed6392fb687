/**
 * Resolving references: what a reference names → a document (and clause) in the corpus, an
 * external node, several candidates (ambiguous), or nothing (unresolved, with a diagnostic).
 *
 *   complete number   "195-KL/TW" → in corpus, else an external node with what is known
 *   partial number    "Nghị quyết 18" → the one complete number of that type and digits known
 *                      anywhere (the citing document first); several → ambiguous
 *   Party numbers     restart each term (khóa): several documents with one number are told
 *                      apart by the date written with the reference, then by the citing term
 *   self / internal   "Luật này", "khoản 2 Điều này" → the citing document / article
 *   pinpoint          "khoản 5, Điều 4" → the clause id in the target (also for externals)
 */
import type { VFile } from 'vfile';
import type { Clause, DocType, DocumentRecord, GraphNode, Pinpoint, Reference } from '../model.ts';
import { documentId, namedDocumentId } from '../ids.ts';
import { typeFromNumber, typeInfo } from '../doc-types.ts';
import { fold } from 'vietnamese-tokenizer';
import { Resolver, numberKey, pinpointId, type KnownDocument, type ResolverOptions } from './resolver.ts';
import { NameIndex, nameForms, type NamedDocument } from './names.ts';

export type { CitingContext, ClauseLookup, ClauseNode, KnownDocument, NameResolution, ResolverOptions } from './resolver.ts';
export { Resolver, numberKey, pinpointId } from './resolver.ts';

export type { NameBasis, NameCandidate, NameForms, NameMatch, NameQuery, NamedDocument } from './names.ts';
export { NameIndex, nameForms, nameWords, splitTypeWord } from './names.ts';

export interface Resolved {
  references: Reference[];
  /** Nodes for documents cited but not in the corpus, with what is known. */
  externals: GraphNode[];
}

/**
 * A name's external node id: the name, and the year when one is written ("Luật khoáng sản ngày 20
 * tháng 3 năm 1996" → "luat-khoang-san-1996"), so two versions of a name are two nodes.
 */
export function namedVersionId(name: string, year?: string): string {
  return namedDocumentId(year ? `${name} ${year}` : name);
}

export function resolveReferences(references: Reference[], docs: DocumentRecord[], file?: VFile, options: ResolverOptions = {}): Resolved {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const clauses = new Map<string, Clause>();
  for (const d of docs) for (const c of d.clauses) clauses.set(c.id, c);
  const sourceOf = (docId: string) => byId.get(docId)?.sources[0]?.path ?? docId;

  // Law names: every document of the corpus, every document cited by number with its name
  // ("Bộ luật dân sự số 33/2005/QH11"), every version cited by name with a year or date
  // ("Luật khoáng sản ngày 20 tháng 3 năm 1996") — so a name without a year can be read as the
  // version in force on the citing document's date.
  const named: NamedDocument[] = docs.map((d) => ({ id: d.id, type: d.type, inCorpus: true, ...(d.title ? { title: d.title } : {}), ...(d.number ? { number: d.number } : {}), ...(d.date ? { date: d.date } : {}) }));
  const namedIds = new Set(named.map((n) => n.id));
  const add = (n: NamedDocument) => {
    if (namedIds.has(n.id)) return;
    namedIds.add(n.id);
    named.push(n);
  };
  const lawNames = references.map((r) => { const y = r.target.name && !r.target.number && !r.target.year ? yearAfter(r) : undefined; return y ? { ...r, target: { ...r.target, year: y } } : r; }).filter((r) => r.target.scope === 'document' && r.target.name && nameForms(r.target.name, r.target.type ?? 'luat'));
  for (const { target: t } of lawNames) {
    if (!t.number || t.complete === false) continue;
    const inCorpus = docs.find((d) => d.number && numberKey(d.number) === numberKey(t.number!));
    if (!inCorpus) add({ id: documentId(t.number, t.type ?? typeFromNumber(t.number) ?? 'khac'), type: t.type ?? 'luat', title: t.name!, number: t.number, inCorpus: false, ...(t.date ? { date: t.date } : {}) });
  }
  // A version named with a year or date that no known document of that name has: its own node.
  const known = NameIndex.build(named);
  for (const { target: t } of lawNames) {
    if (t.number || !(t.year || t.date)) continue;
    const year = t.year ?? t.date!.slice(0, 4);
    const same = known.lookup(t.name!, { year, ...(t.type ? { type: t.type } : {}) }).candidates.filter((c) => !t.date || !c.date || c.date === t.date);
    if (!same.length) add({ id: namedVersionId(t.name!, year), type: t.type ?? 'luat', title: t.date ? t.name! : `${t.name!} năm ${year}`, inCorpus: false, ...(t.date ? { date: t.date } : {}) });
  }
  const names = NameIndex.build(named);

  // Every complete number known: in the corpus, and cited anywhere.
  const resolver = new Resolver([], clauses, names, options);
  for (const d of docs) if (d.number) resolver.add({ id: d.id, number: d.number, type: d.type, ...(d.date ? { date: d.date } : {}), ...(d.term ? { term: d.term } : {}), inCorpus: true });
  for (const r of references) {
    const t = r.target;
    if (t.scope === 'document' && t.number && t.complete !== false && !resolver.byCompleteNumber(t.number).some((k) => k.inCorpus)) {
      const type = t.type ?? typeFromNumber(t.number) ?? 'khac';
      resolver.add({ id: documentId(t.number, type), number: t.number, type, ...(t.date ? { date: t.date } : {}), inCorpus: false });
    }
  }
  // The complete numbers each document writes: its partial numbers ("Nghị quyết 18") mean those first.
  const ownNumbers = new Map<string, Set<string>>();
  for (const r of references) {
    if (r.target.scope !== 'document' || !r.target.number || r.target.complete === false) continue;
    for (const k of resolver.byCompleteNumber(r.target.number)) {
      const set = ownNumbers.get(r.docId) ?? new Set<string>();
      set.add(k.number);
      ownNumbers.set(r.docId, set);
    }
  }

  const externals = new Map<string, GraphNode>();
  const external = (id: string, r: Reference, number: string | undefined, type: DocType): void => {
    const seen = externals.get(id);
    const t = r.target;
    if (seen) {
      if (!seen.date && t.date) seen.date = t.date;
      if (!seen.issuer && t.issuer) seen.issuer = t.issuer;
      if (!seen.title) {
        const title = titleAfter(r);
        if (title) seen.title = title;
      }
      return;
    }
    const title = titleAfter(r);
    externals.set(id, {
      id,
      ...(number ? { number } : {}),
      type,
      typeLabel: typeInfo(type).label,
      ...(title ? { title } : t.name ? { title: t.name } : {}),
      ...(t.issuer ? { issuer: t.issuer } : {}),
      ...(t.date ? { date: t.date } : {}),
      inCorpus: false,
    });
  };

  /**
   * Points `r` at a document: in the corpus, at the clause its pinpoint names; outside it, at an
   * external node and the clause id the pinpoint would have there. False when a pinpoint names
   * no clause of a document in the corpus.
   */
  const attach = (r: Reference, id: string, inCorpus: boolean, number: string | undefined, type: DocType): boolean => {
    const pinpoint = r.target.pinpoint;
    r.targetDocId = id;
    if (inCorpus) {
      r.status = 'resolved';
      const target = resolver.pinpointClause(id, pinpoint);
      if (target) r.targetClauseId = target.id;
      return target !== undefined || !pinpoint;
    }
    r.status = 'external';
    external(id, r, number, type);
    const target = pinpoint && pinpointId(id, pinpoint);
    if (target) r.targetClauseId = target;
    return true;
  };

  const message = (r: Reference, reason: string, ruleId: string) => {
    if (!file) return;
    const m = file.message(reason, { place: r.span.start, ruleId, source: 'tracuu' });
    m.file = sourceOf(r.docId);
  };

  const out = references.map((ref): Reference => {
    const r: Reference = { ...ref };
    delete r.candidates;
    const year = r.target.name && !r.target.number && !r.target.year ? yearAfter(r) : undefined;
    if (year) r.target = { ...r.target, year };
    const t = r.target;
    if (t.scope === 'self' || t.scope === 'internal') {
      r.status = 'resolved';
      r.targetDocId = r.docId;
      const target = resolver.pinpointClause(r.docId, t.pinpoint, t.scope === 'internal' ? r.clauseId : undefined);
      if (target) r.targetClauseId = target.id;
      return r;
    }
    let candidates: KnownDocument[] = [];
    if (t.number) {
      const date = byId.get(r.docId)?.date;
      const own = ownNumbers.get(r.docId);
      candidates = resolver.numberCandidates(t, { docId: r.docId, ...(date ? { date } : {}), ...(own ? { ownNumbers: own } : {}) });
    } else if (t.name) {
      const citing = byId.get(r.docId)?.date;
      const byName = resolver.resolveName(t, { docId: r.docId, ...(citing ? { date: citing } : {}) });
      if (byName.status === 'ambiguous') {
        r.status = 'ambiguous';
        r.candidates = byName.candidates.map((c) => c.id);
        message(r, `"${r.text}" may name ${byName.candidates.map((c) => `${c.number ?? c.name}${c.date ? ` (${c.date})` : ''}`).join(' or ')}${citing ? ` as of ${citing}` : ''}; kept ambiguous`, 'ambiguous-name');
        return r;
      }
      const version = byName.candidates[0];
      if (byName.status === 'resolved' && version) {
        attach(r, version.id, version.inCorpus, version.number, version.type);
        return r;
      }
      const name = fold(t.name).toLowerCase();
      const year = t.year ?? t.date?.slice(0, 4);
      // A title written exactly alike (names the NameIndex does not read: "Điều lệ …"), never one
      // issued after the citing document or of another year than the one written.
      const hits = byName.excluded.length
        ? []
        : docs.filter((d) => d.title && fold(d.title).toLowerCase() === name && !(citing && d.date && d.date > citing) && !(year && d.date && d.date.slice(0, 4) !== year));
      if (hits.length === 1) {
        r.status = 'resolved';
        r.targetDocId = hits[0]!.id;
        const target = resolver.pinpointClause(hits[0]!.id, t.pinpoint);
        if (target) r.targetClauseId = target.id;
        return r;
      }
      attach(r, namedVersionId(t.name, year), false, undefined, t.type ?? 'luat');
      return r;
    }
    if (candidates.length > 1) candidates = byTitleInSentence(candidates, r, byId);
    if (candidates.length > 1) {
      r.status = 'ambiguous';
      r.candidates = candidates.map((k) => k.id);
      message(r, `"${r.text}" may name ${candidates.map((k) => `${k.number} (${k.id})`).join(' or ')}; kept ambiguous`, 'ambiguous-reference');
      return r;
    }
    const k = candidates[0];
    if (!k) {
      r.status = 'unresolved';
      message(r, `"${r.text}" names no known document${t.number ? ` (${typeInfo(t.type ?? 'khac').label} ${t.number})` : ''}`, 'unresolved-reference');
      return r;
    }
    if (!attach(r, k.id, k.inCorpus, k.number, k.type) && t.pinpoint?.dieu) message(r, `"${r.text}": ${k.number} has no ${pinpointLabel(t.pinpoint)}`, 'pinpoint-not-found');
    return r;
  });
  return { references: out, externals: [...externals.values()] };
}

/**
 * "Luật bảo vệ và phát triển rừng năm 1991": a year written right after a name the finder did not
 * take into it — it tells the version (src/refs keeps names short; the year is read here).
 */
function yearAfter(r: Reference): string | undefined {
  const i = r.sentence.indexOf(r.text);
  if (i < 0) return undefined;
  return /^[ \u00a0]+năm[ \u00a0]+((?:19|20)\d{2})(?!\d)/u.exec(r.sentence.slice(i + r.text.length))?.[1];
}

function pinpointLabel(p: Pinpoint): string {
  return [p.diem && `điểm ${p.diem}`, p.khoan && `khoản ${p.khoan}`, p.dieu && `Điều ${p.dieu}`].filter(Boolean).join(' ');
}

/** "Kết luận số 195-KL/TW, ngày 26/9/2025 về bộ máy … 2 cấp." → "Về bộ máy … 2 cấp": the trích yếu written with a citation. */
/**
 * Documents sharing a number, told apart by the sentence that cites it: the one whose title
 * (without its type word) the sentence writes ("Luật số 35-L/CTN … Luật Thuế chuyển quyền sử
 * dụng đất"). Added by i13 (identity): only candidates in the corpus have a title to match.
 */
function byTitleInSentence(candidates: KnownDocument[], r: Reference, docs: Map<string, DocumentRecord>): KnownDocument[] {
  const sentence = ' ' + fold(r.sentence).toLowerCase().replace(/[^a-z0-9]+/g, ' ') + ' ';
  const named = candidates.filter((k) => {
    const d = docs.get(k.id);
    if (!d?.title) return false;
    let t = fold(d.title).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const type = fold(d.typeLabel).toLowerCase();
    if (t.startsWith(type + ' ')) t = t.slice(type.length + 1);
    return t.split(' ').length >= 2 && sentence.includes(' ' + t + ' ');
  });
  return named.length === 1 ? named : candidates;
}

function titleAfter(r: Reference): string | undefined {
  const i = r.sentence.indexOf(r.text);
  if (i < 0) return undefined;
  const after = r.sentence.slice(i + r.text.length);
  const m = /^[ \u00a0]*,?[ \u00a0]*(?:ngày[ \u00a0]+[\d/]+[ \u00a0]*)?(?:của[ \u00a0]+[^,;]{1,80}?[ \u00a0]+)?về[ \u00a0]+([^;()]{5,200}?)(?=[;.(]|,[ \u00a0]+(?:nhất là|đồng thời|trong đó)|$)/u.exec(after);
  return m ? 'Về ' + m[1]!.trim() : undefined;
}
