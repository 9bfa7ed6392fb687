/**
 * References: the mentions of other documents (and of this one) in each clause, with the
 * relation the sentence gives them. Patterns and relation triggers are data (patterns.ts,
 * relations.ts); `findInText` is the core, `findReferences` runs it over a document.
 */
import type { VFile } from 'vfile';
import type { DocumentRecord, Reference } from '../model.ts';
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
  return out;
}
