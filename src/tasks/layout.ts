/**
 * Plans whose layout, not their sentences, says who does what by when (issue 18):
 *
 * - **tables** — the office readers keep a data table as rows of text, one line per row, cells
 *   between "|" ("| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |").
 *   The header row says which column is the task, the lead, the partners and the time; every
 *   row under it is a task with its deadline (the time cell is a slot: a bare date, month,
 *   quarter or year is the deadline; a year in the time heading, "Thời gian (năm 2026)", is the
 *   year of days written without one).
 * - **slots** — "a) Nhiệm vụ: … b) Đơn vị chủ trì: … c) Thời gian thực hiện: …" as child clauses,
 *   or "- Nội dung: … - Cơ quan chủ trì: … - Thời gian thực hiện: …" as lines of one clause: one
 *   task, its action the task slot (or the heading above the slots), its bodies and deadline
 *   read from the other slots.
 *
 * What a column or slot is for lives once, in LAYOUT_ROLES (data, with the headings it is known
 * by); a programme of a meeting ("Thời gian | Nội dung | Chủ trì", times of day in the time
 * column) and tables without a task and a lead column (scores, lists of people) are not plans.
 */
import type { Assignee } from '../model.ts';
import { keyOf, normaliseBody, readBodies } from './bodies.ts';

export type LayoutRole = 'task' | 'lead' | 'partners' | 'lead+partners' | 'time';

/** The headings a column or a slot is known by (as written; matched on the key, without a trailing parenthesis). */
export const LAYOUT_ROLES: readonly { role: LayoutRole; note: string; headings: readonly string[] }[] = [
  {
    role: 'task',
    note: 'What is to be done.',
    headings: ['Nhiệm vụ', 'Nội dung', 'Nội dung nhiệm vụ', 'Nội dung công việc', 'Nội dung thực hiện', 'Nội dung hoạt động', 'Tên nhiệm vụ', 'Nhiệm vụ cụ thể', 'Nhiệm vụ, giải pháp', 'Công việc', 'Tên công việc', 'Đầu việc', 'Hoạt động', 'Nội dung công việc cụ thể', 'Nhiệm vụ trọng tâm'],
  },
  {
    role: 'lead+partners',
    note: 'Lead and partners in one column or slot: "Sở Nội vụ chủ trì, phối hợp với …".',
    headings: ['Cơ quan chủ trì, phối hợp', 'Đơn vị chủ trì, phối hợp', 'Cơ quan chủ trì, cơ quan phối hợp', 'Đơn vị chủ trì, đơn vị phối hợp', 'Cơ quan, đơn vị chủ trì, phối hợp'],
  },
  {
    role: 'lead',
    note: 'Who leads (or, when no column says "phối hợp", who carries the task out).',
    headings: ['Cơ quan chủ trì', 'Đơn vị chủ trì', 'Chủ trì', 'Cơ quan chủ trì thực hiện', 'Đơn vị chủ trì thực hiện', 'Chủ trì thực hiện', 'Cơ quan, đơn vị chủ trì', 'Trách nhiệm thực hiện', 'Trách nhiệm', 'Đơn vị thực hiện', 'Cơ quan thực hiện', 'Cơ quan, đơn vị thực hiện', 'Đơn vị thực hiện chính', 'Đơn vị phụ trách', 'Cơ quan phụ trách', 'Đơn vị đầu mối', 'Cơ quan đầu mối', 'Phân công thực hiện', 'Người thực hiện'],
  },
  {
    role: 'partners',
    note: 'Who takes part.',
    headings: ['Cơ quan phối hợp', 'Đơn vị phối hợp', 'Phối hợp', 'Cơ quan, đơn vị phối hợp', 'Đơn vị phối hợp thực hiện', 'Cơ quan phối hợp thực hiện', 'Phối hợp thực hiện'],
  },
  {
    role: 'time',
    note: 'By when: the cell or slot is a deadline slot (a bare date, month, quarter or year is the deadline).',
    headings: ['Thời gian', 'Thời gian thực hiện', 'Thời gian hoàn thành', 'Thời hạn', 'Thời hạn hoàn thành', 'Thời hạn thực hiện', 'Hạn hoàn thành', 'Tiến độ', 'Tiến độ thực hiện', 'Tiến độ hoàn thành', 'Mốc thời gian', 'Thời gian trình'],
  },
];

const ROLE_BY_KEY = new Map<string, LayoutRole>();
for (const r of LAYOUT_ROLES) for (const h of r.headings) ROLE_BY_KEY.set(headingKey(h), r.role);

function headingKey(h: string): string {
  return keyOf(h)
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/[*_:.]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The role of a heading as written ("Thời gian hoàn thành (năm 2026)" → time), and a year it names. */
export function roleOfHeading(h: string): { role: LayoutRole; year?: number } | undefined {
  const role = ROLE_BY_KEY.get(headingKey(h));
  if (!role) return undefined;
  const y = /(?:năm|\/)\s*(\d{4})\b/iu.exec(h);
  return y ? { role, year: Number(y[1]) } : { role };
}

/* ---------------------------------------------------------------------------------------
 * Tables
 * ------------------------------------------------------------------------------------- */

export interface Cell {
  text: string;
  start: number;
  end: number;
}

/** The table lines of a clause text: runs of lines that start and end with "|". */
export function tableBlocks(text: string): { start: number; end: number; rows: Cell[][] }[] {
  const blocks: { start: number; end: number; rows: Cell[][] }[] = [];
  let at = 0;
  let current: { start: number; end: number; rows: Cell[][] } | undefined;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    if (!/^\|.*\|\s*$/u.test(line)) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { start, end: start + line.length, rows: [] };
      blocks.push(current);
    }
    current.end = start + line.length;
    const cells: Cell[] = [];
    // Cells between "| ": offsets into the clause text.
    const re = /\|([^|]*)(?=\|)/gu;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const raw = m[1]!;
      const lead = raw.length - raw.trimStart().length;
      const t = raw.trim();
      const s = start + m.index + 1 + lead;
      cells.push({ text: t, start: s, end: s + t.length });
    }
    current.rows.push(cells);
  }
  return blocks;
}

/** A clock time or a range of them ("08h20 - 08h35", "14h10", "8 giờ 30"): a meeting's programme, not a deadline. */
const CLOCK = /^\s*\d{1,2}\s*(?:h|giờ)\s*\d{0,2}(?:\s*(?:phút)?)?(?:\s*[-–]\s*\d{1,2}\s*(?:h|giờ)\s*\d{0,2})?\s*$/iu;

export interface TableRowTask {
  task: Cell;
  lead: Assignee[];
  partners: Assignee[];
  /** The time cell, to be read as a deadline slot, with the year its heading names. */
  time?: Cell;
  year?: number;
  /** Lead or time taken from the row above (a cell merged down the column). */
  inherited: boolean;
  header: string;
}

/** Tasks in the rows of a plan's table; nothing for a table that is not one. */
export function tableTasks(text: string, block: { rows: Cell[][] }): TableRowTask[] {
  const rows = block.rows;
  let h = -1;
  let roles: ({ role: LayoutRole; year?: number } | undefined)[] = [];
  for (let i = 0; i < Math.min(3, rows.length); i++) {
    const r = rows[i]!.map((c) => roleOfHeading(c.text));
    if (r.some((x) => x?.role === 'task') && r.some((x) => x?.role === 'lead' || x?.role === 'lead+partners')) {
      h = i;
      roles = r;
      break;
    }
  }
  if (h < 0) return [];
  const col = (role: LayoutRole) => roles.findIndex((x) => x?.role === role);
  const taskCol = col('task');
  const leadCol = col('lead') >= 0 ? col('lead') : col('lead+partners');
  const partnersCol = col('partners');
  // Without a partners column the lead cell may name them too ("Sở Nội vụ chủ trì, phối hợp với …").
  const combined = partnersCol < 0;
  const timeCol = col('time');
  const year = timeCol >= 0 ? roles[timeCol]!.year : undefined;
  const width = rows[h]!.length;
  const data = rows.slice(h + 1).filter((r) => r.length === width && !r.every((c) => /^\(?\d*\)?$/u.test(c.text)));
  // A programme: its time column holds times of day.
  if (timeCol >= 0) {
    const times = data.map((r) => r[timeCol]!.text).filter(Boolean);
    if (times.length && times.filter((t) => CLOCK.test(t)).length * 2 >= times.length) return [];
  }
  const out: TableRowTask[] = [];
  let prevLead: Assignee[] = [];
  let prevPartners: Assignee[] = [];
  let prevTime: Cell | undefined;
  let prevTask: Cell | undefined;
  for (const r of data) {
    let task = r[taskCol]!;
    const leadCell = r[leadCol]!;
    let inherited = false;
    // A task cell merged down the column (the reader leaves the cells under the first empty):
    // one task for each lead written beside it.
    if (!task.text && leadCell.text && prevTask) {
      task = prevTask;
      inherited = true;
    }
    if (!/\p{L}{2}/u.test(task.text)) continue;
    prevTask = task;
    let lead: Assignee[];
    let partners: Assignee[] = [];
    if (leadCell.text) {
      const read = readCell(text, leadCell, combined);
      lead = read.lead;
      partners = read.partners;
    } else {
      lead = prevLead;
      partners = combined ? prevPartners : [];
      inherited = lead.length > 0;
    }
    if (partnersCol >= 0) {
      const pc = r[partnersCol]!;
      // An empty partners cell is no partner (a lead or time cell left empty is one merged down the column).
      partners = pc.text ? readCell(text, pc, false).lead : [];
    }
    let time = timeCol >= 0 ? r[timeCol] : undefined;
    if (time && !time.text && prevTime) {
      time = prevTime;
      inherited = true;
    }
    out.push({ task, lead, partners, ...(time?.text ? { time } : {}), ...(year ? { year } : {}), inherited, header: rows[h]!.map((c) => c.text).join(' | ') });
    prevLead = lead;
    prevPartners = partners;
    prevTime = time?.text ? time : prevTime;
  }
  return out;
}

/** The bodies in a cell or slot value: the vocabulary's reader, else each part between commas or semicolons as written. */
export function readCell(text: string, cell: Cell, combined: boolean): { lead: Assignee[]; partners: Assignee[] } {
  // "Chủ trì: Sở Nội vụ", "Sở Nội vụ (chủ trì)": the word that names the column, written again in the cell.
  const label = /^\s*(?:(?:cơ quan|đơn vị)\s+)?chủ trì\s*:\s*/iu.exec(text.slice(cell.start, cell.end));
  if (label) cell = { ...cell, start: cell.start + label[0].length, text: cell.text.slice(label[0].length) };
  const own = /\s*\((?:chủ trì|cơ quan chủ trì|đơn vị chủ trì)\)\s*$/iu.exec(text.slice(cell.start, cell.end));
  if (own) cell = { ...cell, end: cell.end - own[0].length, text: cell.text.slice(0, cell.text.length - own[0].length) };
  const value = text.slice(cell.start, cell.end);
  const key = keyOf(value);
  if (combined) {
    const m = /(?<![\p{L}])(?:chủ trì)?[,;\s]*phối hợp(?:\s+(?:với|cùng))?\s*:?\s*/u.exec(key);
    if (m && m.index > 0) {
      const leadPart = { text: value.slice(0, m.index).replace(/[\s,;]*$/u, ''), start: cell.start, end: cell.start + m.index };
      leadPart.end = leadPart.start + leadPart.text.length;
      const rest = { text: value.slice(m.index + m[0].length), start: cell.start + m.index + m[0].length, end: cell.end };
      return { lead: readCell(text, leadPart, false).lead, partners: rest.text ? readCell(text, rest, false).lead : [] };
    }
  }
  const stop = () => false;
  const read = readBodies(value, key, 0, stop);
  const rest = read ? value.slice(read.end).replace(/^[\s,;.]+|[\s,;.]+$/gu, '') : value;
  const parts = read && !rest ? read.bodies.map((b) => b.text) : splitNames(value);
  return { lead: parts.map(asAssignee), partners: [] };
}

/** "Sở Nội vụ; Sở Tài chính", "Phòng CNTT, Văn phòng": names as written, split where a new one begins. */
function splitNames(value: string): string[] {
  return value
    .split(/\s*(?:;|\n|,(?=\s*(?:\p{Lu}|các\s|UBND|HĐND)))\s*/u)
    .map((s) => s.replace(/^[-+•\s]+|[\s.,;]+$/gu, '').replace(/^(?:và|với)\s+/u, ''))
    .filter((s) => /\p{L}{2}/u.test(s));
}

function asAssignee(written: string): Assignee {
  const n = normaliseBody(written);
  return { text: written, name: n.name, ...(n.bodyId ? { bodyId: n.bodyId } : {}), group: n.group };
}

/* ---------------------------------------------------------------------------------------
 * Slots
 * ------------------------------------------------------------------------------------- */

/** "a) Nhiệm vụ: …", "- Cơ quan chủ trì: …", "c) Thời gian thực hiện: Quý IV/2025": a slot and where its value starts. */
export function slotAt(text: string, from: number): { role: LayoutRole; valueStart: number; heading: string; year?: number } | undefined {
  const m = /^[ \t\u00a0]*(?:[-+•*–][ \t\u00a0]*)?(?:[a-zđ][).][ \t\u00a0]*|\d{1,2}[.)][ \t\u00a0]*)?([^:\n]{3,60}?)[ \t\u00a0]*:[ \t\u00a0]*/iu.exec(text.slice(from));
  if (!m) return undefined;
  const r = roleOfHeading(m[1]!);
  if (!r) return undefined;
  return { role: r.role, valueStart: from + m[0].length, heading: m[1]!.trim(), ...(r.year ? { year: r.year } : {}) };
}
