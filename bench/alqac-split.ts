/**
 * The ALQAC tuning discipline (issue 11): relevance is tuned on ONE part — a seeded random 60%
 * of ALQAC 2022's questions — and reported on what was not tuned on: the other 40% of 2022
 * (the same four laws, questions never looked at) and ALQAC 2023 train (other laws, other
 * writers). The split is a pure function of the question list, so anyone can redo it.
 */
export interface Split<T> {
  tune: T[];
  aside: T[];
}

/** Seeded Fisher–Yates shuffle (LCG, seed 2022), first 60% tune, the rest aside. */
export function splitQuestions<T>(questions: readonly T[], seed = 2022, share = 0.6): Split<T> {
  let x = seed;
  const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const idx = questions.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  const cut = Math.round(questions.length * share);
  return { tune: idx.slice(0, cut).map((i) => questions[i]!), aside: idx.slice(cut).map((i) => questions[i]!) };
}
