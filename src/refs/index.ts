/**
 * References: the mentions of other documents (and of this one) in each clause, with the
 * relation the sentence gives them. Patterns and relation triggers are data (patterns.ts,
 * relations.ts); `findInText` is the core, `findReferences` runs it over a document.
 */
import type { VFile } from 'vfile';
import type { DocumentRecord, RefTarget, Reference } from '../model.ts';
import { typeInfo } from '../doc-types.ts';
import { referenceId } from '../ids.ts';
import { LineIndex } from '../segment/index.ts';
import { findInText } from './find.ts';

export type { FoundReference, FindContext } from './find.ts';
export { findInText } from './find.ts';
export type { ReferencePattern } from './patterns.ts';
export { PATTERNS } from './patterns.ts';
export type { RelationTrigger } from './relations.ts';
export { RELATION_TRIGGERS, relationFor } from './relations.ts';

export function findReferences(doc: DocumentRecord, _file?: VFile): Reference[] {
  const lines = new LineIndex(doc.text);
  const out: Reference[] = [];
  const byId = new Map(doc.clauses.map((c) => [c.id, c]));
  for (const clause of doc.clauses) {
    // An item under a list head ("… như sau:", "… sau đây:") gets the head's text: its provisions may be another document's.
    const parent = clause.parentId ? byId.get(clause.parentId) : undefined;
    const found = findInText(clause.text, { selfType: doc.type, ...(parent ? { listHead: parent.text } : {}) });
    found.forEach((f, i) => {
      const abs = clause.span.start.offset + f.start;
      out.push({
        id: referenceId(clause.id, i + 1),
        docId: doc.id,
        clauseId: clause.id,
        start: f.start,
        end: f.end,
        span: lines.span(abs, clause.span.start.offset + f.end),
        text: f.text,
        sentence: f.sentence,
        patternId: f.patternId,
        target: f.target,
        relation: f.relation,
        ...(f.trigger ? { trigger: f.trigger } : {}),
        ...(f.candidate ? { relationCandidate: f.candidate } : {}),
      });
    });
  }
  return applyShortForms(doc, out);
}

/**
 * A short form defined in the text: "Quy định số 377-QĐ/TW … (sau đây gọi tắt là Quy định 377)",
 * "(sau đây gọi là Luật Đất đai)". The text defined is the last numbered reference before the
 * parenthesis in the same clause.
 */
export const SHORT_FORM = /\([ \u00a0]*sau[ \u00a0]+đây[ \u00a0]+(?:được[ \u00a0]+)?(?:gọi[ \u00a0]+tắt[ \u00a0]+là|gọi[ \u00a0]+chung[ \u00a0]+là|gọi[ \u00a0]+là|viết[ \u00a0]+tắt[ \u00a0]+là)[ \u00a0]*[“"]?([^)”"]{2,80}?)[”"]?[ \u00a0]*\)/gu;

const formKey = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** What a reference would be called by a short form: "quy định 377", "luật đất đai". */
function shortKeys(r: Reference): string[] {
  const t = r.target;
  const keys: string[] = [];
  if (t.name) keys.push(formKey(t.name));
  if (t.type && t.number && !t.complete) keys.push(formKey(`${typeInfo(t.type).label} ${t.number}`), formKey(`${typeInfo(t.type).label} số ${t.number}`));
  return keys;
}

/**
 * Later mentions of a short form take the defined text's number (and type, date): "Quy định 377
 * (Điều 9, 10, 11)" after "(sau đây gọi tắt là Quy định 377)" is Quy định số 377-QĐ/TW.
 */
function applyShortForms(doc: DocumentRecord, refs: Reference[]): Reference[] {
  const defs = new Map<string, { target: RefTarget; at: number }>();
  const byClause = new Map<string, Reference[]>();
  for (const r of refs) byClause.set(r.clauseId, [...(byClause.get(r.clauseId) ?? []), r]);
  for (const c of doc.clauses) {
    for (const m of c.text.matchAll(SHORT_FORM)) {
      const def = (byClause.get(c.id) ?? []).filter((r) => r.end <= m.index && r.target.scope === 'document' && r.target.number && r.target.complete).at(-1);
      if (def) defs.set(formKey(m[1]!), { target: def.target, at: c.span.start.offset + m.index + m[0].length });
    }
  }
  if (!defs.size) return refs;
  for (const r of refs) {
    if (r.target.scope !== 'document' || (r.target.number && r.target.complete)) continue;
    const d = shortKeys(r)
      .map((k) => defs.get(k))
      .find((x) => x && x.at <= r.span.start.offset);
    if (!d) continue;
    const { pinpoint } = r.target;
    r.target = { ...r.target, number: d.target.number!, complete: true, ...(d.target.type ? { type: d.target.type } : {}), ...(d.target.date ? { date: d.target.date } : {}), ...(pinpoint ? { pinpoint } : {}) };
  }
  return refs;
}
