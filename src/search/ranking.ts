/**
 * The running result of one query: the clauses the plan's steps found, each with the step
 * that found it first (its tier: earlier steps rank first) and its score. Arrays indexed by
 * clause entry, allocated once per engine and cleared after each query: a query that matches
 * half the corpus allocates nothing per match.
 */
import type { Matches } from './execute.ts';

const NONE = -1;
const PINNED = 127;

export class Ranking {
  private readonly tier: Int8Array;
  private readonly score: Float64Array;
  private readonly list: Int32Array;
  size = 0;
  private pinned: number[] = [];

  constructor(entries: number) {
    this.tier = new Int8Array(entries).fill(NONE);
    this.score = new Float64Array(entries);
    this.list = new Int32Array(entries);
  }

  /** Entries already listed another way (a number query's citing clauses): steps skip them. */
  pin(entry: number): void {
    this.tier[entry] = PINNED;
    this.pinned.push(entry);
  }

  /** Adds the clauses a step found that no earlier step did, at `tier`, their scores × `factor`. */
  add(m: Matches, tier: number, factor: number): void {
    for (let i = 0; i < m.ids.length; i++) {
      const id = m.ids[i]!;
      if (this.tier[id] !== NONE) continue;
      this.tier[id] = tier;
      this.score[id] = m.scores[i]! * factor;
      this.list[this.size++] = id;
    }
  }

  /**
   * Adds a step's scores to the clauses already found (× `boost`) and adds the others
   * (× `factor`); from then on everything found so far ranks by score alone, at `tier`.
   */
  merge(m: Matches, tier: number, boost: number, factor: number): void {
    for (let i = 0; i < m.ids.length; i++) {
      const id = m.ids[i]!;
      const t = this.tier[id]!;
      if (t === PINNED) continue;
      if (t === NONE) {
        this.score[id] = m.scores[i]! * factor;
        this.list[this.size++] = id;
      } else this.score[id] = this.score[id]! + m.scores[i]! * boost;
    }
    for (let i = 0; i < this.size; i++) this.tier[this.list[i]!] = tier;
  }

  /** Did a text step find this entry? */
  found(entry: number): boolean {
    const t = this.tier[entry]!;
    return t !== NONE && t !== PINNED;
  }

  /** The score an entry ranks by (valid until `clear`). */
  scoreOf(entry: number): number {
    return this.score[entry]!;
  }

  /** Does `a` rank before `b` (the order of `top`)? */
  before(a: number, b: number): boolean {
    const { tier, score } = this;
    return tier[a]! < tier[b]! || (tier[a] === tier[b] && (score[a]! > score[b]! || (score[a] === score[b] && a < b)));
  }

  /** The entries found, in the order found (a view, valid until `clear`). */
  members(): Int32Array {
    return this.list.subarray(0, this.size);
  }

  /** The best `k`: earlier step first, then higher score, then entry order. */
  top(k: number): { id: number; score: number }[] {
    const { score } = this;
    const better = (a: number, b: number) => this.before(a, b);
    const top: number[] = [];
    if (k <= 0) return [];
    for (let j = 0; j < this.size; j++) {
      const id = this.list[j]!;
      if (top.length === k && !better(id, top[k - 1]!)) continue;
      let i = top.length === k ? k - 1 : top.length;
      while (i > 0 && better(id, top[i - 1]!)) {
        top[i] = top[i - 1]!;
        i--;
      }
      top[i] = id;
    }
    return top.map((id) => ({ id, score: score[id]! }));
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.tier[this.list[i]!] = NONE;
    for (const e of this.pinned) this.tier[e] = NONE;
    this.size = 0;
    this.pinned = [];
  }
}
