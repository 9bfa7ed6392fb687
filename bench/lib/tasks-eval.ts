/**
 * Scoring the task finder against the hand labels in tests/fixtures/tasks/{tune,aside,aside-first}/*.json
 * (see the README there). A label is placed by its clause id (seeds) or by finding its quote in
 * the document (office documents, whose reader decides the clause tree); a found task matches
 * a label in the same clause whose action span holds the quote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Corpus } from '../../src/corpus.ts';
import type { Clause, DocumentRecord, Task } from '../../src/model.ts';
import { keyOf } from '../../src/tasks/index.ts';
import { fold } from 'vietnamese-tokenizer';

export interface LabelDeadline {
  kind: string;
  date?: string;
  every?: string;
  day?: number;
  text?: string;
}
export interface TaskLabel {
  clause?: string;
  path?: string;
  quote: string;
  lead: [string, string][];
  partners: [string, string][];
  deadline: LabelDeadline | null;
  ambiguous?: boolean;
  note?: string;
}
export interface LabelFile {
  file: string;
  part: Part;
  document: string;
  source: string;
  tasks: TaskLabel[];
  notTasks?: { clause?: string; quote: string; why: string }[];
  notDeadlines?: { clause?: string; text: string; why: string }[];
  links?: { from: string; to: string; kind: string }[];
}

/** tune: read while writing rules; aside: the blind part, scored once at the end; aside-first: the first-round aside documents, no longer blind for the forms their misses named. */
export const PARTS = ['tune', 'aside', 'aside-first'] as const;
export type Part = (typeof PARTS)[number];

export function readLabelFiles(dir: string): LabelFile[] {
  return PARTS.flatMap((part) =>
    readdirSync(resolve(dir, part))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ ...JSON.parse(readFileSync(resolve(dir, part, f), 'utf8')), file: `${part}/${f}`, part }) as LabelFile),
  );
}

/** The labelled document in the corpus: by id (seeds), or by the file name of a source. */
export function findLabelledDocument(corpus: Corpus, lf: LabelFile): DocumentRecord | undefined {
  const byId = corpus.documents.get(lf.document);
  if (byId) return byId;
  const name = basename(lf.document);
  return corpus.artifact.documents.find((d) => d.sources.some((s) => basename(s.path) === name));
}

const norm = (s: string) => fold(keyOf(s)).replace(/\s+/g, ' ').trim();

/** Where a quote sits: [clause, offset in its text], whitespace-insensitive; the labelled clause first. */
export function placeQuote(doc: DocumentRecord, quote: string, clauseId?: string): { clause: Clause; at: number } | undefined {
  const words = quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(words.join('\\s+'), 'u');
  const order = clauseId ? [...doc.clauses.filter((c) => c.id === clauseId)] : doc.clauses;
  // As written first, in every clause; only then without case and tone placement.
  for (const c of order) {
    const m = re.exec(c.text);
    if (m) return { clause: c, at: m.index };
  }
  const loose = new RegExp(words.map((w) => keyOf(w)).join('\\s+'), 'u');
  for (const c of order) {
    const m = loose.exec(keyOf(c.text));
    if (m) return { clause: c, at: m.index };
  }
  return undefined;
}

export interface PartScore {
  documents: number;
  unread: string[];
  labels: number;
  unplaced: string[];
  predicted: number;
  matched: number;
  leadExact: number;
  leadScored: number;
  bodies: { tp: number; fp: number; fn: number };
  deadlines: { labelled: number; predicted: number; correct: number };
  /** Predicted deadlines whose words a label says are not a deadline. */
  notDeadlinesTaken: string[];
  /** Labelled non-tasks found as tasks. */
  notTasksTaken: string[];
  datedGoal: { total: number; right: number; wrong: string[] };
  links: { labelled: number; predicted: number; correct: number };
  misses: string[];
  extras: string[];
  wrong: string[];
}

const empty = (): PartScore => ({ documents: 0, unread: [], labels: 0, unplaced: [], predicted: 0, matched: 0, leadExact: 0, leadScored: 0, bodies: { tp: 0, fp: 0, fn: 0 }, deadlines: { labelled: 0, predicted: 0, correct: 0 }, notDeadlinesTaken: [], notTasksTaken: [], datedGoal: { total: 0, right: 0, wrong: [] }, links: { labelled: 0, predicted: 0, correct: 0 }, misses: [], extras: [], wrong: [] });

export function deadlineMatches(label: LabelDeadline | null, t: Task): boolean {
  const d = t.deadline;
  if (!label || !d) return !label && !d;
  if (label.kind !== d.kind) return false;
  if (label.date && label.date !== d.date) return false;
  if (label.every && label.every !== d.every) return false;
  if (label.day && label.day !== d.day) return false;
  return true;
}

const show = (d: Task['deadline'] | LabelDeadline | null | undefined) => (d ? `${d.kind}:${d.date ?? d.every ?? ''}` : 'none');

export function scoreFiles(corpus: Corpus, files: readonly LabelFile[]): Record<Part, PartScore> {
  const out = { tune: empty(), aside: empty(), 'aside-first': empty() };
  for (const lf of files) {
    const s = out[lf.part];
    const doc = findLabelledDocument(corpus, lf);
    if (!doc) {
      s.unread.push(`${lf.file} (${lf.document}: not in the corpus — no reader for its format yet?)`);
      continue;
    }
    s.documents++;
    const predicted = corpus.tasks.ofDocument(doc.id);
    s.predicted += predicted.length;
    const used = new Set<string>();
    for (const label of lf.tasks) {
      s.labels++;
      const where = placeQuote(doc, label.quote, label.clause);
      if (label.deadline) s.deadlines.labelled++;
      const isSeedGoal = lf.part === 'tune' && !!label.clause && !!label.deadline?.date;
      if (isSeedGoal) s.datedGoal.total++;
      if (!where) {
        s.unplaced.push(`${lf.file}: "${label.quote}"`);
        continue;
      }
      const candidates = predicted.filter((t) => t.clauseId === where.clause.id && !used.has(t.id) && where.at < t.action.end && where.at >= t.action.start - 40);
      candidates.sort((a, b) => Math.abs(a.action.start - where.at) - Math.abs(b.action.start - where.at));
      const t = candidates[0];
      if (!t) {
        s.misses.push(`${where.clause.id}: "${label.quote}"`);
        if (isSeedGoal) s.datedGoal.wrong.push(`${where.clause.id} "${label.quote}": not found`);
        continue;
      }
      used.add(t.id);
      s.matched++;
      const lead = new Set(label.lead.map(([, n]) => norm(n)));
      const got = new Set(t.lead.map((a) => norm(a.name)));
      const same = lead.size === got.size && [...lead].every((x) => got.has(x));
      if (label.ambiguous) {
        // Nothing says who: a guess marked as one is not wrong; a confident name is.
        if (t.assignees === 'written') {
          s.leadScored++;
          s.wrong.push(`${t.id}: lead ${[...got].join('; ')} given as written, but the text does not say`);
        }
      } else {
        s.leadScored++;
        if (same) s.leadExact++;
        else s.wrong.push(`${t.id}: lead [${[...got].join('; ')}] ≠ [${[...lead].join('; ')}]`);
        const gold = [...label.lead.map(([, n]) => `L:${norm(n)}`), ...label.partners.map(([, n]) => `P:${norm(n)}`)];
        const mine = [...t.lead.map((a) => `L:${norm(a.name)}`), ...t.partners.map((a) => `P:${norm(a.name)}`)];
        for (const x of mine) (gold.includes(x) ? s.bodies.tp++ : s.bodies.fp++);
        for (const x of gold) if (!mine.includes(x)) s.bodies.fn++;
        const partnersGold = new Set(label.partners.map(([, n]) => norm(n)));
        const partnersMine = new Set(t.partners.map((a) => norm(a.name)));
        if (partnersGold.size !== partnersMine.size || [...partnersGold].some((x) => !partnersMine.has(x))) s.wrong.push(`${t.id}: partners [${[...partnersMine].join('; ')}] ≠ [${[...partnersGold].join('; ')}]`);
      }
      const dOk = deadlineMatches(label.deadline, t);
      if (label.deadline && dOk) s.deadlines.correct++;
      if (!dOk) s.wrong.push(`${t.id}: deadline ${show(t.deadline)} ≠ ${show(label.deadline)}`);
      if (isSeedGoal) {
        if (same && dOk) s.datedGoal.right++;
        else s.datedGoal.wrong.push(`${t.id}: ${same ? '' : 'lead '}${dOk ? '' : 'deadline'}`);
      }
    }
    for (const t of predicted) {
      if (t.deadline) s.deadlines.predicted++;
      if (!used.has(t.id)) s.extras.push(`${t.id}: "${t.action.text.slice(0, 70)}" [${t.lead.map((a) => a.name).join('; ')}]`);
    }
    for (const n of lf.notTasks ?? []) {
      const where = placeQuote(doc, n.quote, n.clause);
      if (!where) continue;
      const hit = predicted.find((t) => t.clauseId === where.clause.id && where.at >= t.action.start - 5 && where.at < t.action.start + 5);
      if (hit) s.notTasksTaken.push(`${hit.id}: "${n.quote}" (${n.why})`);
    }
    for (const n of lf.notDeadlines ?? []) {
      for (const t of predicted) {
        const d = t.deadline;
        if (!d || (n.clause && d.clauseId !== n.clause)) continue;
        if (norm(d.text).includes(norm(n.text)) || norm(n.text).includes(norm(d.text))) s.notDeadlinesTaken.push(`${t.id}: "${d.text}" (${n.why})`);
      }
    }
    for (const l of lf.links ?? []) {
      s.links.labelled++;
      const hit = corpus.tasks.links.find((x) => x.kind === l.kind && x.from.startsWith(`${l.from}#`) && x.to.startsWith(`${l.to}#`));
      if (hit) s.links.correct++;
      else s.misses.push(`link ${l.kind} ${l.from} → ${l.to}`);
    }
    if (lf.links?.length) s.links.predicted += corpus.tasks.links.filter((x) => x.kind === 'implements' && x.from.startsWith(`${doc.id}/`)).length;
  }
  return out;
}

export const ratio = (a: number, b: number) => (b ? (a / b).toFixed(3) : '—');
