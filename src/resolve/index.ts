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
import { clauseId, clauseSegment, documentId, namedDocumentId, parseClauseId } from '../ids.ts';
import { typeFromNumber, typeInfo, partyTerm } from '../doc-types.ts';
import { fold } from 'vietnamese-tokenizer';

export type { NameBasis, NameCandidate, NameForms, NameMatch, NameQuery, NamedDocument } from './names.ts';
export { NameIndex, nameForms, nameWords, splitTypeWord } from './names.ts';

export interface Resolved {
  references: Reference[];
  /** Nodes for documents cited but not in the corpus, with what is known. */
  externals: GraphNode[];
}

interface Known {
  id: string;
  number: string;
  type: DocType;
  date?: string;
  term?: string;
  inCorpus: boolean;
}

export function resolveReferences(references: Reference[], docs: DocumentRecord[], file?: VFile): Resolved {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const clauses = new Map<string, Clause>();
  for (const d of docs) for (const c of d.clauses) clauses.set(c.id, c);
  const sourceOf = (docId: string) => byId.get(docId)?.sources[0]?.path ?? docId;

  // Every complete number known: in the corpus, and cited anywhere.
  const known = new Map<string, Known[]>();
  const addKnown = (k: Known) => {
    const list = known.get(k.number) ?? [];
    if (!list.some((x) => x.id === k.id)) list.push(k);
    known.set(k.number, list);
  };
  for (const d of docs) if (d.number) addKnown({ id: d.id, number: d.number, type: d.type, ...(d.date ? { date: d.date } : {}), ...(d.term ? { term: d.term } : {}), inCorpus: true });
  for (const r of references) {
    const t = r.target;
    if (t.scope === 'document' && t.number && t.complete !== false && !known.get(t.number)?.some((k) => k.inCorpus)) {
      const type = t.type ?? typeFromNumber(t.number) ?? 'khac';
      addKnown({ id: documentId(t.number, type), number: t.number, type, ...(t.date ? { date: t.date } : {}), inCorpus: false });
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

  const message = (r: Reference, reason: string, ruleId: string) => {
    if (!file) return;
    const m = file.message(reason, { place: r.span.start, ruleId, source: 'tracuu' });
    m.file = sourceOf(r.docId);
  };

  const out = references.map((ref): Reference => {
    const r: Reference = { ...ref };
    delete r.candidates;
    const t = r.target;
    if (t.scope === 'self' || t.scope === 'internal') {
      r.status = 'resolved';
      r.targetDocId = r.docId;
      const target = pinpointClause(r.docId, t.pinpoint, clauses, t.scope === 'internal' ? r.clauseId : undefined);
      if (target) r.targetClauseId = target;
      return r;
    }
    let candidates: Known[] = [];
    if (t.number && t.complete !== false) {
      candidates = known.get(t.number) ?? [];
    } else if (t.number) {
      // "Nghị quyết 18": complete numbers of that type whose digits match; the citing document's own first.
      const digits = t.number.split(/[-/]/)[0]!;
      const all = [...known.values()].flat().filter((k) => k.number.split(/[-/]/)[0] === digits && (!t.type || k.type === t.type));
      const own = all.filter((k) => references.some((x) => x.docId === r.docId && x.target.number === k.number));
      candidates = own.length ? own : all;
      // A Party number without its year: prefer the documents of the citing document's term.
      if (candidates.length > 1) {
        const term = partyTerm(byId.get(r.docId)?.date);
        const same = candidates.filter((k) => !k.term || k.term === term);
        if (same.length) candidates = same;
      }
    } else if (t.name) {
      const name = fold(t.name).toLowerCase();
      const hits = docs.filter((d) => d.title && fold(d.title).toLowerCase() === name);
      if (hits.length === 1) {
        r.status = 'resolved';
        r.targetDocId = hits[0]!.id;
        const target = pinpointClause(hits[0]!.id, t.pinpoint, clauses);
        if (target) r.targetClauseId = target;
        return r;
      }
      const id = namedDocumentId(t.name);
      r.status = 'external';
      r.targetDocId = id;
      external(id, r, undefined, t.type ?? 'luat');
      if (t.pinpoint) r.targetClauseId = pinpointId(id, t.pinpoint);
      return r;
    }
    // Party numbers restart each term: the date written with the reference tells them apart.
    if (candidates.length > 1 && t.date) {
      const dated = candidates.filter((k) => k.date === t.date);
      if (dated.length) candidates = dated;
    }
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
    r.targetDocId = k.id;
    if (k.inCorpus) {
      r.status = 'resolved';
      const target = pinpointClause(k.id, t.pinpoint, clauses);
      if (target) r.targetClauseId = target;
      else if (t.pinpoint?.dieu) message(r, `"${r.text}": ${k.number} has no ${pinpointLabel(t.pinpoint)}`, 'pinpoint-not-found');
    } else {
      r.status = 'external';
      external(k.id, r, k.number, k.type);
      if (t.pinpoint) r.targetClauseId = pinpointId(k.id, t.pinpoint);
    }
    return r;
  });
  return { references: out, externals: [...externals.values()] };
}

/** The clause id a pinpoint names in a target (whether or not that clause is known). */
export function pinpointId(docId: string, p: Pinpoint): string | undefined {
  if (!p.dieu) return undefined;
  const path = [clauseSegment('dieu', p.dieu)];
  if (p.khoan) path.push(clauseSegment('khoan', p.khoan));
  if (p.diem) path.push(clauseSegment('diem', p.diem));
  return clauseId(docId, path);
}

function pinpointLabel(p: Pinpoint): string {
  return [p.diem && `điểm ${p.diem}`, p.khoan && `khoản ${p.khoan}`, p.dieu && `Điều ${p.dieu}`].filter(Boolean).join(' ');
}

/** The deepest existing clause a pinpoint reaches; "khoản 2 Điều này" is relative to the citing article. */
function pinpointClause(docId: string, p: Pinpoint | undefined, clauses: Map<string, Clause>, from?: string): string | undefined {
  if (!p) return undefined;
  let p2 = p;
  if (!p.dieu && from) {
    const parsed = parseClauseId(from);
    const dieu = parsed?.path.find((s) => s.startsWith('dieu-'))?.slice(5);
    if (dieu) p2 = { ...p, dieu };
  }
  if (!p2.dieu) return undefined;
  const full = pinpointId(docId, p2);
  for (let id = full; id && id.includes('/'); id = id.slice(0, id.lastIndexOf('/'))) if (clauses.has(id)) return id;
  return undefined;
}

/** "Kết luận số 195-KL/TW, ngày 26/9/2025 về bộ máy … 2 cấp." → "Về bộ máy … 2 cấp": the trích yếu written with a citation. */
function titleAfter(r: Reference): string | undefined {
  const i = r.sentence.indexOf(r.text);
  if (i < 0) return undefined;
  const after = r.sentence.slice(i + r.text.length);
  const m = /^[ \u00a0]*,?[ \u00a0]*(?:ngày[ \u00a0]+[\d/]+[ \u00a0]*)?(?:của[ \u00a0]+[^,;]{1,80}?[ \u00a0]+)?về[ \u00a0]+([^;()]{5,200}?)(?=[;.(]|,[ \u00a0]+(?:nhất là|đồng thời|trong đó)|$)/u.exec(after);
  return m ? 'Về ' + m[1]!.trim() : undefined;
}
