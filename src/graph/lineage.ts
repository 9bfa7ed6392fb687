/**
 * Clause lineage: for each clause of a conclusion, the clauses of its predecessor in the series
 * that say the same thing, with a word-level diff. Consecutive in-corpus members are compared
 * (an external member has no text); a clause matches when the Dice coefficient of folded
 * syllable pairs reaches 0.3, keeping the best match per newer clause.
 */
import type { DocumentRecord, LineageLink, Series } from '../model.ts';
import { dice, diffWords, pairs } from './diff.ts';

const SAME_CLAUSE = 0.3;
const MIN_WORDS = 8;

export function findLineage(series: Series[], docs: Map<string, DocumentRecord>): LineageLink[] {
  const links: LineageLink[] = [];
  for (const s of series) {
    const members = s.members.map((id) => docs.get(id)).filter((d): d is DocumentRecord => !!d);
    for (let i = 1; i < members.length; i++) {
      const older = members[i - 1]!;
      const newer = members[i]!;
      const olderClauses = older.clauses.filter((c) => c.kind !== 'footnote' && c.text.split(/\s+/).length >= MIN_WORDS).map((c) => ({ c, p: pairs(c.text) }));
      for (const c of newer.clauses) {
        if (c.kind === 'footnote' || c.text.split(/\s+/).length < MIN_WORDS) continue;
        const p = pairs(c.text);
        let best: { id: string; text: string; sim: number } | undefined;
        for (const o of olderClauses) {
          const sim = dice(p, o.p);
          if (sim >= SAME_CLAUSE && (!best || sim > best.sim)) best = { id: o.c.id, text: o.c.text, sim };
        }
        if (best) links.push({ from: best.id, to: c.id, similarity: Math.round(best.sim * 1000) / 1000, diff: diffWords(best.text, c.text) });
      }
    }
  }
  return links;
}
