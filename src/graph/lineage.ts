/**
 * Clause lineage: for each clause of a conclusion, the clauses of its predecessor in the series
 * that say the same thing, with a word-level diff. Consecutive in-corpus members are compared
 * (an external member has no text); a clause matches when the similarity of folded syllable
 * pairs reaches 0.3 (Dice, or 0.7 × containment for long texts, since a newer clause often
 * restates an older one inside more text).
 */
import type { DocumentRecord, LineageLink, Series } from '../model.ts';
import { dice, diffWords, overlap, pairs } from './diff.ts';

const SAME_CLAUSE = 0.24;
const MIN_WORDS = 8;
const MIN_PAIRS = 15;
const CONTAINMENT = 0.7;
const RELATED = 0.14;

/** Similarity of two pair sets: Dice, or containment when both are long enough to mean it. */
function similarity(a: Set<string>, b: Set<string>): number {
  const d = dice(a, b);
  return a.size >= MIN_PAIRS && b.size >= MIN_PAIRS ? Math.max(d, CONTAINMENT * overlap(a, b)) : d;
}

/**
 * A newer clause often merges several older ones (221 [4] has three paragraphs on three
 * matters), so each of its paragraphs is compared; the clause links to the best older clause
 * of any paragraph, and the diff is between that paragraph and that clause.
 */
export function findLineage(series: Series[], docs: Map<string, DocumentRecord>): LineageLink[] {
  const links: LineageLink[] = [];
  for (const s of series) {
    const members = s.members.map((id) => docs.get(id)).filter((d): d is DocumentRecord => !!d);
    for (let i = 1; i < members.length; i++) {
      const older = members[i - 1]!;
      const newer = members[i]!;
      const olderClauses = older.clauses.filter((c) => c.kind !== 'footnote' && c.kind !== 'title' && c.kind !== 'preamble' && c.kind !== 'appendix' && wordCount(c.text) >= MIN_WORDS).map((c) => ({ c, p: pairs(c.text) }));
      for (const c of newer.clauses) {
        if (c.kind === 'footnote' || c.kind === 'title' || c.kind === 'preamble' || c.kind === 'appendix' || wordCount(c.text) < MIN_WORDS) continue;
        const paragraphs = c.text.split(/\n\s*\n|\n/).filter((x) => wordCount(x) >= MIN_WORDS);
        const found = new Map<string, { sim: number; paragraph: string; text: string }>();
        let closest: { id: string; sim: number; paragraph: string; text: string } | undefined;
        for (const paragraph of paragraphs.length ? paragraphs : [c.text]) {
          const p = pairs(paragraph);
          let best: { id: string; text: string; sim: number } | undefined;
          for (const o of olderClauses) {
            const sim = similarity(p, o.p);
            if (!best || sim > best.sim) best = { id: o.c.id, text: o.c.text, sim };
          }
          if (!best) continue;
          if (!closest || best.sim > closest.sim) closest = { ...best, paragraph };
          if (best.sim >= SAME_CLAUSE && (found.get(best.id)?.sim ?? 0) < best.sim) found.set(best.id, { sim: best.sim, paragraph, text: best.text });
        }
        // A top-level task with no close match still gets its nearest predecessor, when there is a
        // fair one: its low similarity tells the reader how loosely it follows.
        if (!found.size && closest && closest.sim >= RELATED && !c.parentId && c.kind !== 'paragraph') found.set(closest.id, closest);
        for (const [from, f] of found) links.push({ from, to: c.id, similarity: Math.round(f.sim * 1000) / 1000, diff: diffWords(f.text, paragraphs.length > 1 ? f.paragraph : c.text) });
      }
    }
  }
  return links;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
