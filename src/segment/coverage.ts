/**
 * Coverage of a document's body: the share of its non-blank characters that some clause holds,
 * leaving out what is marked not body (letterhead, signature, "Nơi nhận"). 1.0 means every part
 * of the body reaches the reference finder and the search. Masked noise is spaces and counts as blank.
 */
import type { DocumentRecord } from '../model.ts';

export interface Coverage {
  /** Non-blank characters of the text. */
  chars: number;
  /** Of those, in some clause. */
  inClauses: number;
  /** Of those, outside any clause and marked not body. */
  notBody: number;
  /** inClauses / (chars − notBody); 1 when there is no body. */
  share: number;
  /** Lines (trimmed, cut at 100 characters) with body text in no clause. */
  missed: string[];
}

export function coverage(doc: Pick<DocumentRecord, 'text' | 'clauses' | 'notBody'>): Coverage {
  const { text } = doc;
  // 1 = in a clause, 2 = not body (clauses win where both).
  const mark = new Uint8Array(text.length);
  for (const r of doc.notBody ?? []) mark.fill(2, r.start, r.end);
  for (const c of doc.clauses) mark.fill(1, c.span.start.offset, c.span.end.offset);
  let chars = 0;
  let inClauses = 0;
  let notBody = 0;
  const missed: string[] = [];
  let lineStart = 0;
  let lineMissed = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text.charCodeAt(i);
    if (i === text.length || ch === 10) {
      if (lineMissed) missed.push(text.slice(lineStart, i).trim().slice(0, 100));
      lineStart = i + 1;
      lineMissed = false;
      continue;
    }
    if (ch === 32 || ch === 9 || ch === 13 || ch === 0xa0 || ch === 0x200b || ch === 0xfeff || ch === 0x3000) continue;
    chars++;
    if (mark[i] === 1) inClauses++;
    else if (mark[i] === 2) notBody++;
    else lineMissed = true;
  }
  const body = chars - notBody;
  return { chars, inClauses, notBody, share: body ? inClauses / body : 1, missed };
}
