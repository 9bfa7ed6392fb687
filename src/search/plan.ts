/**
 * The query plan for text: which steps run, in which order, each only when the ones before
 * found less than is needed (a page; a later page widens only if it would otherwise be empty).
 *
 *   1. AND of the query's telling syllable pairs ("chinh_quyen"): rare terms, phrase-aware;
 *   2. short queries: AND of the words (folded, plus the exact spelling as a tie-breaker when
 *      typed with marks), then with the last word as a prefix while typing;
 *   3. OR of the pairs, then one edit on the long pairs nothing matched (typos);
 *   4. one- to three-word queries: OR of the words.
 * Clauses found by an earlier step rank before those a later step adds (`Ranking` tiers).
 */
import { analyzeToken, type Token } from 'vietnamese-tokenizer';
import { hasMarks } from './analyze.ts';
import type { Matches, StepQuery, TermSpec } from './execute.ts';
import type { Ranking } from './ranking.ts';

/** Exact spellings only break ties between folded matches ("Ban" before "bàn"): a larger boost cost relevance on ALQAC (docs/ACCURACY.md). */
const EXACT_BOOST = 0.1;

export interface TextPlan {
  /** Each query token's exact and folded term. */
  terms: { exact: string; folded: string }[];
  /** Folded syllable pairs of neighbouring tokens ("chinh_quyen"). */
  pairTerms: string[];
  /** The pairs the plan runs on: the telling ones for a short query. */
  planned: string[];
  /** At most six pairs: a query being typed, not a long question. */
  short: boolean;
  /** The last word may be unfinished (no trailing space, no phrase). */
  typing: boolean;
  tokens: Token[];
  exactToo: boolean;
}

/**
 * `common`: pairs too common to plan a short query on ("lao_dong": the longest posting lists,
 * the least weight). In a long question every pair counts towards the ranking.
 */
export function planText(tokens: Token[], bare: string, typing: boolean, common: ReadonlySet<string>): TextPlan {
  // Exact spellings tell short queries apart ("Ban" / "bàn"); in a long question the folded words already decide.
  const exactToo = tokens.length <= 4 && (hasMarks(bare) || /\p{Lu}/u.test(bare));
  const terms = tokens.map((t) => analyzeToken(t));
  const pairTerms: string[] = [];
  for (let i = 1; i < tokens.length; i++) if (!tokens[i]!.breakBefore) pairTerms.push(`${terms[i - 1]!.folded}_${terms[i]!.folded}`);
  const telling = pairTerms.filter((p) => !common.has(p));
  const short = pairTerms.length <= 6;
  const planned = telling.length && short ? telling : pairTerms;
  return { terms, pairTerms, planned, short, typing, tokens, exactToo };
}

/**
 * Runs the text steps of `plan` into `rank` until it holds `needed` clauses (or the plan ends).
 * `depth`: how many of the ranking's first rows must be exact; an OR step whose clauses rank by
 * its own scores then asks `step` for only its best `depth` scored exactly (dynamic pruning,
 * src/search/execute.ts). Its top `depth` holds at least `depth − rank.size` clauses no earlier
 * step found, so the ranking's first `depth` rows are the exhaustive run's. Every match is
 * still found: totals and facets stay exact. A step whose scores a later one merges into is
 * run exhaustively.
 */
export function runText(plan: TextPlan, step: (q: StepQuery, topK?: number) => Matches, rank: Ranking, needed: number, numberFound: boolean, depth?: number): void {
  const { terms, pairTerms, planned, short, typing } = plan;
  const word = (i: number, prefix: boolean): TermSpec[] => {
    const t = terms[i]!;
    const p = prefix && i === terms.length - 1 && t.folded.length >= 2 && plan.tokens[i]!.kind === 'syllable';
    const parts: TermSpec[] = [{ term: t.folded, field: 'folded', prefix: p }];
    if (plan.exactToo) parts.push({ term: t.exact, field: 'exact', boost: EXACT_BOOST });
    return parts;
  };
  const pairsStep = (combineWith: 'AND' | 'OR', pairs: string[], fuzzy = false): StepQuery => ({
    combineWith,
    groups: pairs.map((p) => [{ term: p, field: 'pairs', fuzzy: fuzzy && p.length >= 10 ? 1 : 0 }]),
  });
  const wordsStep = (combineWith: 'AND' | 'OR', prefix: boolean): StepQuery => ({ combineWith, groups: terms.map((_, i) => word(i, prefix)) });

  // Syllable pairs are rare terms with short posting lists: the fast, phrase-aware first pass.
  // (A long question rarely holds all its pairs: it goes straight to "any pair".)
  if (pairTerms.length && short) rank.add(step(pairsStep('AND', planned)), 0, 2);
  // Short queries: every word (a pair may span a line break the query does not have); then the last word as a prefix.
  if (rank.size < needed && terms.length && terms.length <= 4) {
    rank.add(step(wordsStep('AND', false)), 1, 1);
    if (rank.size < needed && typing) rank.add(step(wordsStep('AND', true)), 2, 0.8);
  }
  // Widen: any pair; then one edit on the long pairs nothing matched (a typo breaks the pairs it
  // touches, and fuzzy matching every pair would cost more than the whole query).
  if (rank.size < needed && pairTerms.length) {
    let any = step(pairsStep('OR', planned), depth);
    const unknown = planned.filter((p) => !any.matchedTerms.has(p) && p.length >= 10);
    // A typo's corrections add their scores to these clauses: every score must be exact.
    if (unknown.length && short && depth !== undefined) any = step(pairsStep('OR', planned));
    rank.add(any, 3, short ? 0.6 : 1);
    // Clauses the corrected pairs find rank up: their score adds to what they had, and all rank by score.
    if (unknown.length && short) rank.merge(step(pairsStep('OR', unknown, true)), 3, 0.6, 0.5);
  }
  if (rank.size < needed && !numberFound && (terms.length <= 3 || !pairTerms.length)) rank.add(step(wordsStep('OR', typing), depth), 4, 0.4);
}
