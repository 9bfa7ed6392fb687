/**
 * Finding tasks in a document, in verb-named steps (after eyecite):
 *   find    — in each clause, where a task starts: a trigger ("Giao X"), a body as subject, a
 *             subjectless item under a heading that names bodies, a subjectless paragraph after
 *             a task (its assignees inferred);
 *   read    — its assignees (lead, and partners after "phối hợp với") and its action span, up to
 *             where the next task starts;
 *   date    — its deadline: written in its span, or stated once for the items above
 *             ("toàn bộ các nhiệm vụ nêu trên …"), or in a "Thời gian thực hiện" slot or a
 *             heading's window above it.
 * A heading ("Giao Đảng ủy Chính phủ:", "1. Sở Y tế:", "Trách nhiệm của …") is not a task: it
 * gives its bodies to the items under it.
 */
import type { Assignee, Clause, Deadline, DocumentRecord, Task } from '../model.ts';
import { taskId } from '../ids.ts';
import { keyOf, normaliseBody, readBodies, type BodySpan } from './bodies.ts';
import { chooseDeadline, findDeadlines, ITEMS_ABOVE, WINDOW, type FoundDeadline } from './deadlines.ts';
import { ACTION_WORDS, CLOSING_BEFORE_TRIGGER, NOT_TASK_AFTER_BODIES, NOT_TRIGGER_BEFORE, REPORT_WORK_PARTS, TRIGGERS } from './patterns.ts';
import { readCell, slotAt, tableBlocks, tableTasks, type LayoutRole } from './layout.ts';

/** Bodies a heading gives to the items under it. */
interface Context {
  lead: Assignee[];
  partners: Assignee[];
  from: string;
}

/** A task found in one text, before ids and deadlines of scope other than its own. */
export interface FoundTask {
  start: number; // where the task's sentence starts
  actionStart: number;
  actionEnd: number;
  lead: Assignee[];
  partners: Assignee[];
  assignees: Task['assignees'];
  assigneesFrom?: string;
  patternId: string;
  trigger: string;
  /** A heading (ends with ":" and has items): gives its bodies to the items, is not a task. */
  heading: boolean;
}

const phraseAt = (key: string, i: number, p: string) => key.startsWith(p, i) && !/[\p{L}\p{N}]/u.test(key[i + p.length] ?? ' ');
const startsAction = (key: string, i: number) => ACTION_WORDS.some((w) => phraseAt(key, i, w));
const skip = (s: string, i: number) => {
  while (i < s.length && /[ \u00a0,]/.test(s[i]!)) i++;
  return i;
};

function assignees(spans: readonly BodySpan[]): Assignee[] {
  return spans.map((b) => {
    const n = normaliseBody(b.text);
    return { text: b.text, name: n.name, ...(n.bodyId ? { bodyId: n.bodyId } : {}), group: n.group };
  });
}

/** Partners: the bodies after the first "phối hợp (chặt chẽ) (với|cùng)" or "cùng với" near the start of the action. */
function readPartners(text: string, key: string, from: number, to: number): Assignee[] {
  const window = key.slice(from, Math.min(to, from + 160));
  const m = /(?<![\p{L}])(?:phối hợp(?: chặt chẽ)?(?: với| cùng)?|cùng với)\s+/u.exec(window);
  if (!m) return [];
  const at = from + m.index + m[0].length;
  const read = readBodies(text, key, at, (i) => startsAction(key, i));
  return read ? assignees(read.bodies) : [];
}

/** Sentence starts in a clause text: the body start, each paragraph, after ". ", "; " and ": " (before a capital). */
function sentenceStarts(text: string, bodyStart: number): { at: number; paragraph: boolean; bullet: boolean }[] {
  const out = [{ at: bodyStart, paragraph: true, bullet: false }];
  // A paragraph may open with a bullet ("- ", "+ ", "•"): the sentence starts after it.
  const re = /\n\s*(?:[-+•*–][ \u00a0]+)?|[.;:]["”)]?[ \u00a0]+(?=\S)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[0].length;
    if (at >= text.length || at <= bodyStart) continue;
    const paragraph = m[0].startsWith('\n');
    if (!paragraph && text[m.index] === ':' && !/\p{Lu}/u.test(text[at]!)) continue;
    out.push({ at, paragraph, bullet: paragraph && /[-+•*–][ \u00a0]+$/u.test(m[0]) });
  }
  return out;
}

/** Leading words that do not change who acts: "Theo đó,", "Đồng thời,", "Trong đó,". */
const LEAD_IN = /^(?:theo đó|đồng thời|bên cạnh đó|ngoài ra|mặt khác|trong đó|cụ thể)\s*,\s*/u;

/**
 * Tasks starting in `text` (one clause's own text). `inherited` is the heading context of the
 * clause; `previous` the assignees of the last task before this clause's text, for subjectless
 * paragraphs. `hasChildren` decides whether a text ending with ":" is a heading.
 */
export function findTasksInText(
  text: string,
  options: { bodyStart?: number; inherited?: Context; hasChildren?: boolean; isItem?: boolean; previous?: Context; key?: string; clauseId?: string } = {},
): FoundTask[] {
  const key = options.key ?? keyOf(text);
  const bodyStart = options.bodyStart ?? 0;
  const found: FoundTask[] = [];
  const stop = (i: number) => startsAction(key, i);
  let local: (Context & { at?: number }) | undefined;
  for (const { at: s0, paragraph, bullet } of sentenceStarts(text, bodyStart)) {
    let s = s0;
    const lead = LEAD_IN.exec(key.slice(s, s + 30));
    if (lead) s += lead[0].length;
    if (found.some((f) => f.actionStart > s)) continue;
    const sentenceEnd = nextBoundary(text, s);
    // Who is invited, not who must act: "- Lãnh đạo các Bộ: Công an, Quốc phòng, …".
    if (isNameList(text, key, s, sentenceEnd) && /:\s*$/u.test(text.slice(Math.max(0, s - 3), s))) continue;
    // A paragraph that only names bodies ("a) Trung tâm Phát triển quỹ đất tỉnh", "Sở Nội vụ:") heads the bullets after it.
    const read = /\p{Lu}/u.test(text[s] ?? '') ? readBodies(text, key, s, stop) : null;
    if (paragraph && read) {
      const only = bodiesOnly(text, read);
      if (only) {
        local = { lead: only, partners: [], from: options.clauseId ?? '', at: s };
        continue;
      }
    }
    if (read && text[skip(text, read.end)] === ':' && isNameList(text, key, skip(text, skip(text, read.end) + 1), sentenceEnd)) continue;
    const t = findTrigger(text, key, s, sentenceEnd, stop) ?? (read ? findSubject(text, key, read, stop) : null) ?? afterGrounds(text, key, s, sentenceEnd, stop);
    if (t) {
      found.push({ ...t, start: s0 });
      continue;
    }
    // A bullet under a paragraph that names bodies: any sentence that opens a paragraph.
    const underLocal = !!local && bullet && (!found.length || found.at(-1)!.start < local.at! || found.at(-1)!.patternId === 'bullet');
    // A subjectless item under a heading, or a subjectless paragraph after a task.
    if (!(paragraph && (startsAction(key, s) || underLocal) && /\p{Lu}/u.test(text[s] ?? ''))) continue;
    if (NOT_TASK_AFTER_BODIES.some((n) => phraseAt(key, s, n.words))) continue;
    const prev = found.at(-1);
    if (underLocal) {
      found.push({ start: s0, actionStart: s, actionEnd: text.length, lead: local!.lead, partners: [], assignees: 'written', ...(local!.from ? { assigneesFrom: local!.from } : {}), patternId: 'bullet', trigger: '', heading: false });
    } else if (s === bodyStart && options.inherited) {
      found.push({ start: s0, actionStart: s, actionEnd: text.length, lead: options.inherited.lead, partners: options.inherited.partners, assignees: options.inherited.lead.length ? 'written' : 'unknown', assigneesFrom: options.inherited.from, patternId: 'item', trigger: '', heading: false });
    } else if (prev && !prev.heading) {
      found.push({ start: s0, actionStart: s, actionEnd: text.length, lead: prev.lead, partners: [], assignees: prev.lead.length ? 'inferred' : 'unknown', ...(prev.assigneesFrom ? { assigneesFrom: prev.assigneesFrom } : {}), patternId: 'paragraph', trigger: '', heading: false });
    } else if (s === bodyStart && options.previous) {
      // A paragraph of its own after a task's paragraph (no numbering): the same bodies, as a guess.
      found.push({ start: s0, actionStart: s, actionEnd: text.length, lead: options.previous.lead, partners: [], assignees: options.previous.lead.length ? 'inferred' : 'unknown', assigneesFrom: options.previous.from, patternId: 'paragraph', trigger: '', heading: false });
    } else if (options.inherited && s > bodyStart) {
      found.push({ start: s0, actionStart: s, actionEnd: text.length, lead: options.inherited.lead, partners: [], assignees: 'inferred', assigneesFrom: options.inherited.from, patternId: 'paragraph', trigger: '', heading: false });
    }
  }
  // Spans end where the next task's sentence starts.
  for (let i = 0; i < found.length; i++) {
    const end = i + 1 < found.length ? found[i + 1]!.start : text.length;
    found[i]!.actionEnd = trimEnd(text, found[i]!.actionStart, end);
    found[i]!.heading = !!options.hasChildren && /:\s*$/u.test(text.slice(found[i]!.start, found[i]!.actionEnd));
    if (!found[i]!.partners.length && found[i]!.patternId !== 'item') found[i]!.partners = readPartners(text, key, found[i]!.actionStart, found[i]!.actionEnd);
  }
  return found;
}

/**
 * "Căn cứ quy định của Luật Công chứng năm 2024, Điều lệ … của Bộ trưởng Bộ Tư pháp, Ủy ban nhân
 * dân tỉnh, thành phố chỉ đạo …" (dispatch 3917/BTP-BTTP): the grounds come first, the body acts
 * after one of their commas. The first comma followed by bodies and an action gives the task.
 */
function afterGrounds(text: string, key: string, s: number, end: number, stop: (i: number) => boolean): Omit<FoundTask, 'start'> | null {
  if (!GROUNDS.test(key.slice(s, s + 20))) return null;
  for (let i = text.indexOf(', ', s); i >= 0 && i < end; i = text.indexOf(', ', i + 2)) {
    const at = i + 2;
    if (!/\p{Lu}/u.test(text[at] ?? '')) continue;
    const read = readBodies(text, key, at, stop);
    const t = read ? findSubject(text, key, read, stop) : null;
    if (t) return t;
  }
  return null;
}
const GROUNDS = /^(?:căn cứ|trên cơ sở)\s/u;

/** A list of names and nothing else ("Công an, Quốc phòng, Ngoại giao, Tư pháp"): three or more short capitalised items, none an action. */
function isNameList(text: string, key: string, from: number, to: number): boolean {
  const seg = text.slice(from, to);
  if (!/^\p{Lu}/u.test(seg)) return false;
  const parts = seg.split(/,|\s+và\s+/u);
  if (parts.length < 3) return false;
  let at = from;
  for (const p of parts) {
    const words = p.trim().split(/\s+/u).filter(Boolean);
    const i = at + (p.length - p.trimStart().length);
    at += p.length + 1;
    if (words.length === 0 || words.length > 6 || startsAction(key, i)) return false;
  }
  return true;
}

function nextBoundary(text: string, from: number): number {
  const m = /[.;\n](?=\s|$)/u.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end;
}

/** Where a trigger word may start (key form): one pass over the sentence instead of a test at every character. */
const TRIGGER_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...new Set(TRIGGERS.map((t) => t.words.split(' ')[0]!))].join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** "… Giao X …", "Yêu cầu X …", "Đề nghị X …" inside the sentence [s, end). */
function findTrigger(text: string, key: string, s: number, end: number, stop: (i: number) => boolean): Omit<FoundTask, 'start'> | null {
  TRIGGER_RE.lastIndex = s;
  for (let m = TRIGGER_RE.exec(key); m && m.index < end; m = TRIGGER_RE.exec(key)) {
    const i = m.index;
    for (const t of TRIGGERS) {
      if (!phraseAt(key, i, t.words)) continue;
      if (t.words === 'giao' && NOT_TRIGGER_BEFORE.test(key.slice(Math.max(0, i - 14), i))) continue;
      if (CLOSING_BEFORE_TRIGGER.test(key.slice(Math.max(0, i - 12), i))) continue;
      // "Đồng ý ủy quyền …" is an authorisation; the trigger words must not follow "được".
      const after = i + t.words.length;
      const read = readBodies(text, key, after, stop);
      if (!read) continue;
      const nb = normaliseBody(read.bodies[0]!.text);
      if (nb.issuer) continue;
      let a = skip(text, read.end);
      if (text[a] === ':') a = skip(text, a + 1);
      if (!(stop(a) || a >= text.length || /^\s*$/u.test(text.slice(a, a + 1)) || text[read.end] === ':')) continue;
      if (NOT_TASK_AFTER_BODIES.some((n) => phraseAt(key, a, n.words))) continue;
      return { actionStart: a, actionEnd: end, lead: assignees(read.bodies), partners: [], assignees: 'written', patternId: t.id, trigger: text.slice(i, after), heading: false };
    }
  }
  return null;
}

/** A body as subject at `s`: bodies, then an action word (or "được giao", or ":"), not the issuer, not praise or accountability. */
function findSubject(text: string, key: string, read: { bodies: BodySpan[]; end: number }, stop: (i: number) => boolean): Omit<FoundTask, 'start'> | null {
  const bodies = read.bodies.map((b) => normaliseBody(b.text));
  if (bodies.every((b) => b.issuer)) return null;
  let a = skip(text, read.end);
  let trigger = '';
  if (phraseAt(key, a, 'được giao')) {
    trigger = text.slice(a, a + 9);
    a = skip(text, a + 9);
  } else if (text[a] === ':') {
    trigger = ':';
    a = skip(text, a + 1);
  } else if (!stop(a)) return null;
  if (NOT_TASK_AFTER_BODIES.some((n) => phraseAt(key, a, n.words))) return null;
  if (phraseAt(key, a, 'phải') && NOT_TASK_AFTER_BODIES.some((n) => phraseAt(key, a, n.words))) return null;
  return { actionStart: a, actionEnd: text.length, lead: assignees(read.bodies), partners: [], assignees: 'written', patternId: 'subject', trigger: trigger || text.slice(a, a + (/[\p{L}]+(?:\s[\p{L}]+)?/u.exec(text.slice(a))?.[0].length ?? 0)), heading: false };
}

/** Bodies and nothing else up to the end of the paragraph (a colon allowed): a heading in the text. */
function bodiesOnly(text: string, read: { bodies: BodySpan[]; end: number }): Assignee[] | null {
  const nl = text.indexOf('\n', read.end);
  const rest = text.slice(read.end, nl < 0 ? text.length : nl);
  if (!/^\s*:?\s*$/u.test(rest)) return null;
  if (read.bodies.every((b) => normaliseBody(b.text).issuer)) return null;
  return assignees(read.bodies);
}

/** Where the clause's own words begin, after its label ("3.", "(ii)", "[4]", "Điều 5."). */
function bodyStartOf(c: Clause): number {
  if (!c.label) return 0;
  const i = c.text.indexOf(c.label);
  return i < 0 ? 0 : skip(c.text, i + c.label.length);
}

/** A heading that names bodies without a verb: "1. Sở Nội vụ:", "a) Trung tâm Phát triển quỹ đất tỉnh", "Trách nhiệm của các sở, ban, ngành …". */
function headingBodies(c: Clause, bodyStart: number, key: string): Assignee[] | null {
  const text = c.text;
  let at = bodyStart;
  const resp = /^(?:trách nhiệm của|nhiệm vụ của)\s+/u.exec(key.slice(at));
  if (resp) at += resp[0].length;
  const read = readBodies(text, key, at, (i) => startsAction(key, i));
  if (!read) return null;
  const rest = text.slice(read.end).replace(/\s+$/u, '');
  if (!/^\s*(?::|có trách nhiệm\s*:?|thực hiện\s*:|thực hiện các nhiệm vụ sau\s*:)?$/iu.test(rest)) return null;
  const bodies = read.bodies.map((b) => normaliseBody(b.text));
  if (bodies.every((b) => b.issuer)) return null;
  return assignees(read.bodies);
}

/** Laws, decrees, circulars: rules that last, whose days without a year recur every year. */
const NORMATIVE = new Set<Document['type']>(['luat', 'bo-luat', 'hien-phap', 'phap-lenh', 'nghi-dinh', 'thong-tu', 'thong-tu-lien-tich', 'van-ban-hop-nhat']);
type Document = DocumentRecord;

export interface ExtractOptions {
  /** Year for dates written without one; defaults to the document's. */
  year?: number;
}

/** Every task of a document, in document order, with its deadline. */
export function extractTasks(doc: DocumentRecord, options: ExtractOptions = {}): Task[] {
  const year = options.year ?? (doc.date ? Number(doc.date.slice(0, 4)) : undefined);
  const dctx = { ...(year ? { year } : {}), ...(NORMATIVE.has(doc.type) ? { yearlessIsYearly: true } : {}) };
  const byId = new Map(doc.clauses.map((c) => [c.id, c]));
  const contexts = new Map<string, Context>();
  const tasks: Task[] = [];
  // Deadlines that reach beyond their own task: after a list, in a slot, in a heading.
  const wide: { clause: Clause; d: FoundDeadline; scope: Deadline['scope'] }[] = [];
  const ctxOf = (c: Clause): Context | undefined => (c.parentId ? contexts.get(c.parentId) : undefined);

  // Plans laid out in slots over child clauses ("a) Nhiệm vụ … b) Đơn vị chủ trì … c) Thời gian …").
  const slotTasks = childSlotTasks(doc, byId);
  let n = 0;
  // A report gives work only in its parts that look ahead (REPORT_WORK_PARTS); elsewhere it tells work done.
  const gives = doc.type === 'bao-cao' ? reportWorkClauses(doc, byId) : undefined;
  // A clause's tasks in the order their actions are written, numbered.
  const pushNumbered = (all: Omit<Task, 'id'>[]) => {
    const xs = gives ? all.filter((t) => gives.has(t.clauseId)) : all;
    xs.sort((a, b) => a.action.start - b.action.start);
    n = 0;
    for (const t of xs) tasks.push({ id: taskId(t.clauseId, ++n), ...t });
  };
  let previous: { clause: Clause; ctx: Context } | undefined;
  for (const c of doc.clauses) {
    // The title and the preamble ("Thực hiện Kết luận …", "Căn cứ …") name no one's task; appendices may (a plan's table).
    if (c.kind === 'footnote' || c.kind === 'title' || c.kind === 'preamble') continue;
    const bodyStart = bodyStartOf(c);
    const inherited = ctxOf(c);
    const hasChildren = c.children.length > 0;
    const clauseTasks: Omit<Task, 'id'>[] = [];
    const planned = slotTasks.byClause.get(c.id) ?? [];
    for (const p of planned) clauseTasks.push(slotTask(doc, c, p, dctx));
    // A slot of a plan (or the heading its slots stand under) is not read again for sentences.
    if (slotTasks.consumed.has(c.id)) {
      previous = undefined;
      n = 0;
      pushNumbered(clauseTasks);
      continue;
    }
    // Table rows and slot lines are read by their layout; the sentence finder sees blanks there.
    const blocks = tableBlocks(c.text);
    const lines = lineSlots(c.text, bodyStart);
    let text = c.text;
    for (const r of [...blocks, ...lines.map((g) => ({ start: g.start, end: g.end }))]) text = text.slice(0, r.start) + text.slice(r.start, r.end).replace(/[^\n]/gu, ' ') + text.slice(r.end);
    for (const b of blocks) for (const row of tableTasks(c.text, b)) clauseTasks.push(tableTask(doc, c, row, dctx));
    for (const g of lines) {
      const t = lineSlotTask(doc, c, g, bodyStart, dctx);
      if (t) clauseTasks.push(t);
    }
    // An unnumbered paragraph right after a paragraph holding a task may continue it.
    const prev = c.kind === 'paragraph' && previous?.clause.kind === 'paragraph' && previous.clause.parentId === c.parentId ? previous.ctx : undefined;
    const key = keyOf(text);
    const found = findTasksInText(text, { key, clauseId: c.id, bodyStart, ...(inherited ? { inherited } : {}), hasChildren, isItem: c.kind !== 'paragraph', ...(prev ? { previous: prev } : {}) });
    const last = found.filter((f) => !f.heading).at(-1);
    previous = last ? { clause: c, ctx: { lead: last.lead, partners: [], from: last.assigneesFrom ?? c.id } } : undefined;
    // A clause's context for its items: its heading's bodies, or what it inherited.
    const heading = found.filter((f) => f.heading).at(-1);
    const named = !found.length && hasChildren ? headingBodies(c, bodyStart, key) : null;
    if (heading) contexts.set(c.id, { lead: heading.lead, partners: heading.partners, from: c.id });
    else if (named) contexts.set(c.id, { lead: named, partners: [], from: c.id });
    else if (inherited && hasChildren && (!found.length || /:\s*$/u.test(c.text))) contexts.set(c.id, inherited);

    n = 0;
    for (const f of found) {
      if (f.heading) continue;
      const own = findDeadlines(c.text.slice(f.actionStart, f.actionEnd), dctx).map((d) => ({ ...d, start: d.start + f.actionStart, end: d.end + f.actionStart }));
      const chosen = chooseDeadline(own);
      for (const d of own) if (ITEMS_ABOVE.test(c.text.slice(Math.max(f.actionStart, d.start - 90), d.start))) wide.push({ clause: c, d, scope: 'items-above' });
      const action = { text: c.text.slice(f.actionStart, f.actionEnd), start: f.actionStart, end: f.actionEnd };
      clauseTasks.push({
        docId: doc.id,
        clauseId: c.id,
        action,
        lead: f.lead,
        partners: f.partners,
        ...(chosen ? { deadline: { ...chosen, clauseId: c.id, scope: 'own' as const } } : {}),
        assignees: f.assignees,
        ...(f.assigneesFrom && f.assigneesFrom !== c.id ? { assigneesFrom: f.assigneesFrom } : {}),
        patternId: f.patternId,
        trigger: f.trigger,
      });
    }
    pushNumbered(clauseTasks);
    // A window or slot outside any task's span: "Thời gian thực hiện: Quý IV/2025", "… từ nay đến ngày 30/6/2025".
    const outside = found.length ? text.slice(0, found[0]!.start) : text;
    if (WINDOW.test(found.length ? outside.slice(bodyStart) : key.slice(bodyStart))) {
      const slot = /^\s*(?:thời gian|thời hạn)/iu.test(key.slice(bodyStart));
      const ds = findDeadlines(outside, { ...dctx, slot: true });
      const d = chooseDeadline(ds);
      if (d) wide.push({ clause: c, d, scope: slot ? 'slot' : 'heading' });
    }
  }

  // The document's title window applies to every task without a deadline.
  if (doc.title && WINDOW.test(doc.title)) {
    const d = chooseDeadline(findDeadlines(doc.title, { ...dctx, slot: true }));
    if (d) for (const t of tasks) if (!t.deadline) t.deadline = { ...d, clauseId: doc.roots[0] ?? doc.id, start: 0, end: 0, scope: 'heading' };
  }
  for (const w of wide) {
    const targets = tasksReached(w.clause, w.scope, tasks, byId);
    for (const t of targets) if (!t.deadline) t.deadline = { ...w.d, clauseId: w.clause.id, scope: w.scope };
  }
  return tasks;
}

/** The first line of a heading, in key form. */
export function headingLine(text: string): string {
  const nl = text.indexOf('\n');
  return keyOf(nl < 0 ? text : text.slice(0, nl)).slice(0, 200);
}
export const isReportWorkHeading = (text: string) => {
  const line = headingLine(text);
  return REPORT_WORK_PARTS.words.some((w) => line.includes(w));
};

/** Clauses of a report inside a part that gives work: under a heading (an ancestor, or the clause itself when it has items) named by REPORT_WORK_PARTS. */
function reportWorkClauses(doc: DocumentRecord, byId: Map<string, Clause>): Set<string> {
  const out = new Set<string>();
  for (const c of doc.clauses) {
    let ok = c.children.length > 0 && isReportWorkHeading(c.text);
    for (let p = c.parentId ? byId.get(c.parentId) : undefined; !ok && p; p = p.parentId ? byId.get(p.parentId) : undefined) ok = isReportWorkHeading(p.text);
    if (ok) out.add(c.id);
  }
  return out;
}

/** The tasks a wide deadline reaches: the list above it, the slot's siblings, the heading's items. */
function tasksReached(clause: Clause, scope: Deadline['scope'], tasks: Task[], byId: Map<string, Clause>): Task[] {
  if (scope === 'items-above') {
    let top = clause;
    while (top.parentId && byId.get(top.parentId)?.kind !== 'chuong' && byId.get(top.parentId)?.kind !== 'phan') top = byId.get(top.parentId)!;
    const prefix = top.id;
    const end = tasks.findIndex((t) => t.clauseId === clause.id && t.deadline?.clauseId === clause.id);
    return tasks.filter((t, i) => (t.clauseId === prefix || t.clauseId.startsWith(prefix + '/')) && (end < 0 || i <= end));
  }
  const root = scope === 'slot' && clause.parentId ? clause.parentId : clause.id;
  return tasks.filter((t) => t.clauseId === root || t.clauseId.startsWith(root + '/'));
}

/* ---------------------------------------------------------------------------------------
 * Plans laid out in tables and slots (src/tasks/layout.ts reads the layout; here they become tasks).
 * ------------------------------------------------------------------------------------- */

interface SlotValue {
  role: LayoutRole;
  clause: Clause;
  start: number;
  end: number;
  heading: string;
  year?: number;
}
interface PlannedSlots {
  action: { start: number; end: number };
  slots: SlotValue[];
}

const isLead = (r: LayoutRole) => r === 'lead' || r === 'lead+partners';
/** Slots make a task when one names who leads, and either one says what or there is more than that one. */
const makesTask = (slots: readonly SlotValue[]) => slots.some((x) => isLead(x.role)) && (slots.some((x) => x.role === 'task') || slots.length >= 2);

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /[\s;.]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** "1. … a) Nhiệm vụ: … b) Đơn vị chủ trì: … c) Thời gian thực hiện: …": the task each group of slot children makes. */
function childSlotTasks(doc: DocumentRecord, byId: Map<string, Clause>): { byClause: Map<string, PlannedSlots[]>; consumed: Set<string> } {
  const byClause = new Map<string, PlannedSlots[]>();
  const consumed = new Set<string>();
  for (const p of doc.clauses) {
    if (p.children.length < 1) continue;
    const slots: SlotValue[] = [];
    for (const id of p.children) {
      const ch = byId.get(id);
      if (!ch) continue;
      const s = slotAt(ch.text, bodyStartOf(ch));
      if (!s) continue;
      const v = trimmed(ch.text, s.valueStart, ch.text.length);
      slots.push({ role: s.role, clause: ch, ...v, heading: s.heading, ...(s.year ? { year: s.year } : {}) });
    }
    if (!makesTask(slots)) continue;
    const taskSlot = slots.find((x) => x.role === 'task');
    const owner = taskSlot?.clause ?? p;
    const action = taskSlot ? { start: taskSlot.start, end: taskSlot.end } : trimmed(p.text, bodyStartOf(p), p.text.length);
    if (action.end - action.start < 3) continue;
    byClause.set(owner.id, [...(byClause.get(owner.id) ?? []), { action, slots }]);
    for (const x of slots) consumed.add(x.clause.id);
    if (!taskSlot) consumed.add(p.id);
  }
  return { byClause, consumed };
}

/** Slot lines inside one clause ("- Nội dung: …", "- Cơ quan chủ trì: …", "- Thời gian thực hiện: …"), grouped. */
function lineSlots(text: string, bodyStart: number): { start: number; end: number; action: { start: number; end: number }; slots: Omit<SlotValue, 'clause'>[] }[] {
  const lines: { start: number; end: number; slot?: Omit<SlotValue, 'clause'> }[] = [];
  for (let at = bodyStart; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const s = slotAt(text, at);
    lines.push({ start: at, end, ...(s && s.valueStart <= end ? { slot: { role: s.role, ...trimmed(text, s.valueStart, end), heading: s.heading, ...(s.year ? { year: s.year } : {}) } } : {}) });
    at = end + 1;
  }
  const groups: { start: number; end: number; action: { start: number; end: number }; slots: Omit<SlotValue, 'clause'>[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.slot) continue;
    let j = i;
    const slots: Omit<SlotValue, 'clause'>[] = [];
    // A new "Nội dung" slot starts the next task.
    while (j < lines.length && lines[j]!.slot && !(slots.length && lines[j]!.slot!.role === 'task')) slots.push(lines[j++]!.slot!);
    const asClause = slots.map((x) => ({ ...x, clause: undefined as unknown as Clause }));
    if (makesTask(asClause)) {
      const taskSlot = slots.find((x) => x.role === 'task');
      let start = lines[i]!.start;
      let action = taskSlot ? { start: taskSlot.start, end: taskSlot.end } : undefined;
      // No "Nội dung" slot: the line above the slots says what.
      if (!action && i > 0 && !lines[i - 1]!.slot && !groups.some((g) => g.end >= lines[i - 1]!.start)) {
        action = trimmed(text, lines[i - 1]!.start, lines[i - 1]!.end);
        start = lines[i - 1]!.start;
      }
      if (action && action.end - action.start >= 3) groups.push({ start, end: lines[j - 1]!.end, action, slots });
    }
    i = j - 1;
  }
  return groups;
}

function slotDeadline(clause: Clause, slot: { start: number; end: number; year?: number }, dctx: { year?: number }, scope: Deadline['scope']): Deadline | undefined {
  const ds = findDeadlines(clause.text.slice(slot.start, slot.end), { ...dctx, slot: true, ...(slot.year ? { year: slot.year } : {}) });
  const d = chooseDeadline(ds);
  return d ? { ...d, start: d.start + slot.start, end: d.end + slot.start, clauseId: clause.id, scope } : undefined;
}

function slotBodies(slots: readonly SlotValue[]): { lead: Assignee[]; partners: Assignee[]; from?: string; heading: string } {
  const lead: Assignee[] = [];
  const partners: Assignee[] = [];
  let from: string | undefined;
  let heading = '';
  for (const x of slots) {
    const cell = { text: x.clause.text.slice(x.start, x.end), start: x.start, end: x.end };
    if (isLead(x.role)) {
      const r = readCell(x.clause.text, cell, true);
      lead.push(...r.lead);
      partners.push(...r.partners);
      from ??= x.clause.id;
      heading ||= x.heading;
    } else if (x.role === 'partners') partners.push(...readCell(x.clause.text, cell, false).lead);
  }
  return { lead, partners, ...(from ? { from } : {}), heading };
}

function slotTask(doc: DocumentRecord, c: Clause, p: PlannedSlots, dctx: { year?: number }): Omit<Task, 'id'> {
  const b = slotBodies(p.slots);
  const time = p.slots.find((x) => x.role === 'time');
  const deadline = time ? slotDeadline(time.clause, time, dctx, 'slot') : undefined;
  return {
    docId: doc.id,
    clauseId: c.id,
    action: { text: c.text.slice(p.action.start, p.action.end), ...p.action },
    lead: b.lead,
    partners: b.partners,
    ...(deadline ? { deadline } : {}),
    assignees: b.lead.length ? 'written' : 'unknown',
    ...(b.from && b.from !== c.id ? { assigneesFrom: b.from } : {}),
    patternId: 'slots',
    trigger: b.heading,
  };
}

function lineSlotTask(doc: DocumentRecord, c: Clause, g: ReturnType<typeof lineSlots>[number], _bodyStart: number, dctx: { year?: number }): Omit<Task, 'id'> | null {
  return slotTask(doc, c, { action: g.action, slots: g.slots.map((x) => ({ ...x, clause: c })) }, dctx);
}

function tableTask(doc: DocumentRecord, c: Clause, row: ReturnType<typeof tableTasks>[number], dctx: { year?: number }): Omit<Task, 'id'> {
  const deadline = row.time ? slotDeadline(c, { ...row.time, ...(row.year ? { year: row.year } : {}) }, dctx, 'own') : undefined;
  return {
    docId: doc.id,
    clauseId: c.id,
    action: { text: row.task.text, start: row.task.start, end: row.task.end },
    lead: row.lead,
    partners: row.partners,
    ...(deadline ? { deadline } : {}),
    assignees: !row.lead.length ? 'unknown' : row.inherited ? 'inferred' : 'written',
    patternId: 'table',
    trigger: row.header,
  };
}
