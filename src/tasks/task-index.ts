/** Read-only queries over the tasks of a corpus: by id, document, clause, body, due date; built once per corpus. */
import type { DocumentRecord, GraphNode, Task, TaskLink, TaskView } from '../model.ts';
import { keyOf } from './bodies.ts';
import { deadlineLabel } from './link.ts';
import { fold } from 'vietnamese-tokenizer';

export interface TaskQuery {
  /** A body: its id ("so-noi-vu"), or words of its name with or without diacritics ("Sở Nội vụ", "noi vu"). */
  assignee?: string;
  /** Document ids. */
  documents?: readonly string[];
  /** ISO dates: deadlines on or before / on or after (tasks without a dated deadline are left out when either is set). */
  dueBefore?: string;
  dueAfter?: string;
  /** Only tasks whose deadline has passed on `asOf` (true) or has not (false). */
  overdue?: boolean;
  /** ISO date for "overdue"; the caller's today (the clock lives at the edge). */
  asOf?: string;
}

const fk = (s: string) => fold(keyOf(s)).replace(/\s+/g, ' ').trim();

/** Dated deadlines can be overdue; recurring ones and events without a date cannot. */
export function isOverdue(t: Task, asOf: string): boolean {
  return !!t.deadline?.date && t.deadline.kind !== 'recurring' && t.deadline.date < asOf;
}

export class TaskIndex {
  private readonly byId = new Map<string, Task>();
  private readonly byDoc = new Map<string, Task[]>();
  private readonly linksByTask = new Map<string, TaskLink[]>();
  private readonly names = new Map<string, string>();

  constructor(
    readonly tasks: readonly Task[],
    readonly links: readonly TaskLink[],
    private readonly docs: ReadonlyMap<string, DocumentRecord>,
    private readonly node: (id: string) => GraphNode | undefined = () => undefined,
  ) {
    for (const t of tasks) {
      this.byId.set(t.id, t);
      this.byDoc.set(t.docId, [...(this.byDoc.get(t.docId) ?? []), t]);
      this.names.set(t.id, [...t.lead, ...t.partners].map((a) => `${fk(a.name)}|${fk(a.text)}|${a.bodyId ?? ''}`).join('\n'));
    }
    for (const l of links) {
      this.linksByTask.set(l.from, [...(this.linksByTask.get(l.from) ?? []), l]);
      this.linksByTask.set(l.to, [...(this.linksByTask.get(l.to) ?? []), l]);
    }
  }

  get(id: string): Task | undefined {
    return this.byId.get(id);
  }

  ofDocument(docId: string): Task[] {
    return this.byDoc.get(docId) ?? [];
  }

  /** Tasks matching every filter given, in document order within deadline order (dated first, earliest first). */
  query(q: TaskQuery = {}): Task[] {
    const docs = q.documents?.length ? new Set(q.documents) : undefined;
    const who = q.assignee ? fk(q.assignee) : undefined;
    const out = this.tasks.filter((t) => {
      if (docs && !docs.has(t.docId)) return false;
      if (who && !this.names.get(t.id)!.split('\n').some((line) => line.split('|').some((part) => part === who || part.includes(who)))) return false;
      const date = t.deadline?.kind !== 'recurring' ? t.deadline?.date : undefined;
      if ((q.dueBefore || q.dueAfter) && !date) return false;
      if (q.dueBefore && date! > q.dueBefore) return false;
      if (q.dueAfter && date! < q.dueAfter) return false;
      if (q.overdue !== undefined && q.asOf && isOverdue(t, q.asOf) !== q.overdue) return false;
      return true;
    });
    const order = new Map(this.tasks.map((t, i) => [t.id, i]));
    return out.sort((a, b) => {
      const da = a.deadline?.kind !== 'recurring' ? a.deadline?.date : undefined;
      const db = b.deadline?.kind !== 'recurring' ? b.deadline?.date : undefined;
      if (da && db && da !== db) return da < db ? -1 : 1;
      if (!!da !== !!db) return da ? -1 : 1;
      return order.get(a.id)! - order.get(b.id)!;
    });
  }

  /** The task as shown: document, clause path, links with the other side, overdue on `asOf`. */
  view(t: Task, asOf?: string): TaskView {
    const doc = this.docs.get(t.docId);
    const clausePath = (id: string) => this.docs.get(id.split('/')[0]!)?.clauses.find((c) => c.id === id)?.pathLabel ?? id;
    const links = (this.linksByTask.get(t.id) ?? []).map((l) => {
      const otherId = l.from === t.id ? l.to : l.from;
      const other = this.byId.get(otherId);
      const otherDoc = other ? this.docs.get(other.docId) : undefined;
      const deadline = deadlineLabel(other?.deadline);
      return {
        ...l,
        direction: l.from === t.id ? ('earlier' as const) : ('later' as const),
        other: { taskId: otherId, docId: other?.docId ?? '', ...(otherDoc?.number ? { number: otherDoc.number } : {}), clauseId: other?.clauseId ?? '', clausePath: other ? clausePath(other.clauseId) : '', ...(deadline ? { deadline } : {}) },
      };
    });
    const node = this.node(t.docId);
    return {
      ...t,
      document: { id: t.docId, ...(doc?.number ? { number: doc.number } : {}), type: doc?.type ?? node?.type ?? 'khac', typeLabel: doc?.typeLabel ?? node?.typeLabel ?? '', ...(doc?.title ? { title: doc.title } : {}), ...(doc?.date ? { date: doc.date } : {}) },
      clausePath: clausePath(t.clauseId),
      links,
      ...(asOf ? { overdue: isOverdue(t, asOf) } : {}),
    };
  }
}
