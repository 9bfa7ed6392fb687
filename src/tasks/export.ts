/**
 * Tasks out: CSV (RFC 4180, for the spreadsheets officers keep by hand) and iCalendar (RFC 5545:
 * one VEVENT per dated deadline, recurring ones with an RRULE, a link back to the clause).
 * Pure: the caller gives the base URL of the pages and the stamp (the build time).
 */
import type { TaskView } from '../model.ts';
import { deadlineLabel } from './link.ts';

const names = (xs: { name: string }[]) => xs.map((a) => a.name).join('; ');

export const CSV_COLUMNS = ['id', 'document', 'number', 'clause', 'clause_path', 'lead', 'partners', 'assignees', 'action', 'deadline', 'deadline_kind', 'deadline_date', 'deadline_every', 'deadline_text', 'deadline_scope', 'overdue', 'url'] as const;

/** One CSV cell: quoted when it must be; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
function cell(v: string | number | boolean | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a header, CRLF line ends and a UTF-8 byte order mark (spreadsheets then read Vietnamese right). */
export function tasksToCsv(tasks: readonly TaskView[], baseUrl = ''): string {
  const rows = tasks.map((t) =>
    [
      t.id,
      t.docId,
      t.document.number ?? '',
      t.clauseId,
      t.clausePath,
      names(t.lead),
      names(t.partners),
      t.assignees,
      t.action.text.replace(/\s+/g, ' ').trim(),
      deadlineLabel(t.deadline) ?? '',
      t.deadline?.kind ?? '',
      t.deadline?.date ?? '',
      t.deadline?.every ?? '',
      t.deadline?.text ?? '',
      t.deadline?.scope ?? '',
      t.overdue === undefined ? '' : t.overdue ? 'yes' : 'no',
      clauseUrl(baseUrl, t),
    ].map(cell).join(','),
  );
  return `\ufeff${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function clauseUrl(baseUrl: string, t: { docId: string; clauseId: string }): string {
  return `${baseUrl}/doc/${encodeURIComponent(t.docId)}#${encodeURIComponent(t.clauseId)}`;
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const utf8 = new TextEncoder();

/** Lines of at most 75 octets (§3.1), continued with CRLF + space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (utf8.encode(line).length <= 75) return line;
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8.encode(ch).length;
    if (bytes + n > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const day = (iso: string) => iso.replace(/-/g, '');

/** The first occurrence of a recurring deadline on or after `from` (ISO), and its RRULE. Null when it has no calendar meaning ("thường xuyên", "định kỳ"). */
export function recurrence(t: Pick<TaskView, 'deadline'>, from: string): { start: string; rrule: string } | null {
  const d = t.deadline;
  if (!d || d.kind !== 'recurring') return null;
  const [y, m, dd] = from.split('-').map(Number) as [number, number, number];
  const iso = (yy: number, mm: number, x: number) => new Date(Date.UTC(yy, mm - 1, x)).toISOString().slice(0, 10);
  switch (d.every) {
    case 'month': {
      if (!d.day) return { start: from, rrule: 'FREQ=MONTHLY' };
      const first = dd <= d.day ? iso(y, m, d.day) : iso(y, m + 1, d.day);
      return { start: first, rrule: `FREQ=MONTHLY;BYMONTHDAY=${d.day}` };
    }
    case 'year': {
      if (!d.day || !d.month) return { start: from, rrule: 'FREQ=YEARLY' };
      const thisYear = iso(y, d.month, d.day);
      return { start: thisYear >= from ? thisYear : iso(y + 1, d.month, d.day), rrule: `FREQ=YEARLY;BYMONTH=${d.month};BYMONTHDAY=${d.day}` };
    }
    case 'week':
      return { start: from, rrule: 'FREQ=WEEKLY' };
    case 'two-weeks':
      return { start: from, rrule: 'FREQ=WEEKLY;INTERVAL=2' };
    case 'quarter':
      return { start: from, rrule: 'FREQ=MONTHLY;INTERVAL=3' };
    default:
      return null;
  }
}

export interface IcsOptions {
  /** Where the pages are ("https://tracuu.example"): each event links back to its clause. */
  baseUrl: string;
  /** DTSTAMP (§3.8.7.2): when the information was made — the build time, so the file is stable. */
  stamp: string;
  name?: string;
}

/**
 * A calendar of the tasks' deadlines: one all-day VEVENT per task with a date (day, or the last
 * day of a month, quarter or year), a recurring VEVENT with an RRULE for "hằng tháng (ngày 25)"
 * and the like; tasks due "thường xuyên" or at an undated event have no calendar date and are
 * left out (the CSV keeps them).
 */
export function tasksToIcs(tasks: readonly TaskView[], options: IcsOptions): string {
  const stamp = options.stamp.replace(/[-:]/g, '').replace(/\.\d+/, '').replace(/Z?$/, 'Z');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//tracuu//nhiem vu va thoi han//VI', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.name ?? 'tracuu — nhiệm vụ')}`];
  for (const t of tasks) {
    const d = t.deadline;
    if (!d) continue;
    let start: string | undefined;
    let rrule: string | undefined;
    if (d.kind === 'recurring') {
      const r = recurrence(t, t.document.date ?? d.date ?? options.stamp.slice(0, 10));
      if (!r) continue;
      start = r.start;
      rrule = r.rrule;
    } else if (d.date) start = d.date;
    if (!start) continue;
    const next = new Date(Date.parse(`${start}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const who = names(t.lead) || 'chưa rõ đơn vị';
    const doc = [t.document.typeLabel, t.document.number].filter(Boolean).join(' ') || t.docId;
    const url = clauseUrl(options.baseUrl, t);
    const description = [
      t.action.text.replace(/\s+/g, ' ').trim(),
      `Chủ trì: ${who}${t.assignees === 'inferred' ? ' (suy ra)' : ''}`,
      ...(t.partners.length ? [`Phối hợp: ${names(t.partners)}`] : []),
      `Thời hạn: ${d.text}`,
      `${doc}, ${t.clausePath}: ${url}`,
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${t.id}@tracuu`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day(start)}`,
      `DTEND;VALUE=DATE:${day(next)}`,
      ...(rrule ? [`RRULE:${rrule}`] : []),
      `SUMMARY:${escapeText(`${who}: ${t.action.text.replace(/\s+/g, ' ').trim().slice(0, 90)}`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `URL:${url}`,
      `CATEGORIES:${escapeText(doc)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
