/**
 * Tasks across documents. A task of a later conclusion whose clause continues an earlier
 * conclusion's clause (the clause lineage of src/graph pairs them) `repeats` the earlier task —
 * with the deadline change when there is one ("31/8/2025 → 15/12/2025"). A task of a document
 * that implements another (a provincial instruction for a conclusion, found by its
 * "triển khai thực hiện Kết luận số 221-KL/TW") `implements` the task it restates most closely.
 */
import type { Deadline, LineageLink, Reference, Task, TaskLink } from '../model.ts';
import { canonicalTones, fold } from 'vietnamese-tokenizer';

/** Folded syllable pairs of a text. */
function pairs(text: string): Set<string> {
  const w = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((x) => fold(canonicalTones(x)));
  const out = new Set<string>();
  for (let i = 1; i < w.length; i++) out.add(`${w[i - 1]}_${w[i]}`);
  return out;
}

/** Dice, or 0.7 × containment when both are long (a restatement inside more text). */
export function actionSimilarity(a: string, b: string): number {
  const pa = pairs(a);
  const pb = pairs(b);
  if (!pa.size || !pb.size) return 0;
  let common = 0;
  for (const p of pa) if (pb.has(p)) common++;
  const dice = (2 * common) / (pa.size + pb.size);
  const containment = common / Math.min(pa.size, pb.size);
  return pa.size >= 15 && pb.size >= 15 ? Math.max(dice, 0.7 * containment) : dice;
}

/** A deadline as a person writes it: "31/8/2025", "tháng 2/2026", "năm 2025", "hằng tháng (ngày 25)". */
export function deadlineLabel(d: Pick<Deadline, 'kind' | 'date' | 'every' | 'day' | 'month' | 'text'> | undefined): string | undefined {
  if (!d) return undefined;
  if (d.date && d.kind === 'date') {
    const [y, m, day] = d.date.split('-');
    return `${Number(day)}/${Number(m)}/${y}`;
  }
  if (d.date && d.kind === 'month') return `tháng ${Number(d.date.slice(5, 7))}/${d.date.slice(0, 4)}`;
  if (d.date && d.kind === 'quarter') return `quý ${['I', 'II', 'III', 'IV'][Math.floor((Number(d.date.slice(5, 7)) - 1) / 3)]}/${d.date.slice(0, 4)}`;
  if (d.date && d.kind === 'year') return `năm ${d.date.slice(0, 4)}`;
  return d.text;
}

const REPEAT = 0.2;
const IMPLEMENT = 0.22;

export function linkTasks(tasks: readonly Task[], lineage: readonly LineageLink[], references: readonly Reference[]): TaskLink[] {
  const byClause = new Map<string, Task[]>();
  const byDoc = new Map<string, Task[]>();
  for (const t of tasks) {
    byClause.set(t.clauseId, [...(byClause.get(t.clauseId) ?? []), t]);
    byDoc.set(t.docId, [...(byDoc.get(t.docId) ?? []), t]);
  }
  const links: TaskLink[] = [];
  const change = (older: Task, newer: Task): TaskLink['deadlineChange'] => {
    const a = deadlineLabel(older.deadline);
    const b = deadlineLabel(newer.deadline);
    return a === b ? undefined : { ...(a ? { from: a } : {}), ...(b ? { to: b } : {}) };
  };

  // Asked again: lineage pairs the clauses; within them, the closest actions pair the tasks.
  for (const l of lineage) {
    const older = byClause.get(l.from) ?? [];
    const newer = byClause.get(l.to) ?? [];
    for (const n of newer) {
      let best: { t: Task; sim: number } | undefined;
      for (const o of older) {
        const sim = actionSimilarity(o.action.text, n.action.text);
        if (!best || sim > best.sim) best = { t: o, sim };
      }
      if (!best) continue;
      // One task on each side: the lineage already says they are the same matter.
      const sim = older.length === 1 && newer.length === 1 ? Math.max(best.sim, l.similarity) : best.sim;
      if (sim < REPEAT) continue;
      const dc = change(best.t, n);
      links.push({ from: n.id, to: best.t.id, kind: 'repeats', similarity: round(sim), ...(dc ? { deadlineChange: dc } : {}) });
    }
  }

  // Carried out: a document that implements another; each of its tasks to the closest task there.
  const implemented = new Map<string, Set<string>>();
  for (const r of references) {
    if (r.relation !== 'implements' || !r.targetDocId || r.targetDocId === r.docId) continue;
    implemented.set(r.docId, (implemented.get(r.docId) ?? new Set()).add(r.targetDocId));
  }
  for (const [docId, targets] of implemented) {
    for (const t of byDoc.get(docId) ?? []) {
      let best: { t: Task; sim: number } | undefined;
      for (const target of targets)
        for (const o of byDoc.get(target) ?? []) {
          const sim = actionSimilarity(o.action.text, t.action.text);
          if (!best || sim > best.sim) best = { t: o, sim };
        }
      if (best && best.sim >= IMPLEMENT) {
        const dc = change(best.t, t);
        links.push({ from: t.id, to: best.t.id, kind: 'implements', similarity: round(best.sim), ...(dc ? { deadlineChange: dc } : {}) });
      }
    }
  }
  return links;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
