/**
 * Dates as Vietnamese documents write them: "26/9/2025", "02/01/2020", "31-10-2025",
 * "ngày 31 tháng 10 năm 2025"; partial "1/8" (day/month) and "10/2025" (month/year).
 * Values are ISO 8601: "2025-09-26", "--08-01" (no year), "2025-10" (no day).
 */
import { fold } from './fold.ts';

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Valid calendar day? `y` = 0 means "any year" (29 February allowed). */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  if (m === 2 && y !== 0) return d <= (isLeap(y) ? 29 : 28);
  return d <= DAYS[m]!;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** ISO "YYYY-MM-DD", or null when the day does not exist (31/02). */
export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || !isValidDate(y, m, d)) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Read 1..max ASCII digits at i; returns the end index (i when none). */
function digitsEnd(s: string, i: number, max: number, end: number): number {
  let j = i;
  while (j < end && j - i < max + 1 && isDigit(s.charCodeAt(j))) j++;
  return j;
}

function num(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

/** True when `i` is a word boundary for a date (no digit, letter or "/digit" continues it). */
function boundary(s: string, i: number, end: number): boolean {
  if (i >= end) return true;
  const c = s.charCodeAt(i);
  if (isDigit(c)) return false;
  if ((c | 0x20) >= 97 && (c | 0x20) <= 122) return false;
  if (c === 0x2f && i + 1 < end && isDigit(s.charCodeAt(i + 1))) return false; // "15/15/15..."
  return true;
}

export interface DateMatch {
  end: number;
  /** ISO: "2025-09-26", "--08-01", "2025-10". */
  value: string;
  /** Day/month without a year ("5/12"): a date only in context ("ngày 5/12"), else a fraction ("3/4 số vốn"). */
  dayMonth: boolean;
}

/**
 * A numeric date starting at `i` (which holds a digit), or null (`dayMonth` flags D/M). Grammar, tried in order:
 *   D/M/YYYY, D-M-YYYY, D.M.YYYY (same separator twice; the day must exist) · YYYY-MM-DD ·
 *   M/YYYY (month 1–12) · D/M (a day that exists in some year).
 * Bounded lookahead (≤ 10 characters): no backtracking blow-up on "15/15/15/…".
 */
export function matchNumericDate(s: string, i: number, end = s.length): DateMatch | null {
  const a1 = digitsEnd(s, i, 4, end);
  const n1 = a1 - i;
  if (n1 === 0 || n1 > 4 || a1 >= end) return null;
  const sep = s.charCodeAt(a1);
  if (sep !== 0x2f && sep !== 0x2d && sep !== 0x2e) return null;
  const a2 = digitsEnd(s, a1 + 1, 4, end);
  const n2 = a2 - a1 - 1;
  if (n1 === 4) {
    // YYYY-MM-DD
    if (sep !== 0x2d || n2 !== 2 || a2 >= end || s.charCodeAt(a2) !== 0x2d) return null;
    const a3 = digitsEnd(s, a2 + 1, 2, end);
    if (a3 - a2 - 1 !== 2 || !boundary(s, a3, end)) return null;
    const v = isoDate(num(s, i, a1), num(s, a1 + 1, a2), num(s, a2 + 1, a3));
    return v ? { end: a3, value: v, dayMonth: false } : null;
  }
  if (n1 > 2) return null;
  const first = num(s, i, a1);
  if (n2 === 4 && sep === 0x2f) {
    // M/YYYY
    if (!boundary(s, a2, end) || first < 1 || first > 12) return null;
    return { end: a2, value: `${num(s, a1 + 1, a2)}-${pad2(first)}`, dayMonth: false };
  }
  if (n2 < 1 || n2 > 2) return null;
  const second = num(s, a1 + 1, a2);
  if (a2 < end && s.charCodeAt(a2) === sep) {
    const a3 = digitsEnd(s, a2 + 1, 4, end);
    if (a3 - a2 - 1 === 4 && boundary(s, a3, end)) {
      const v = isoDate(num(s, a2 + 1, a3), second, first);
      return v ? { end: a3, value: v, dayMonth: false } : null;
    }
    if (sep !== 0x2f) return null;
    // "1/8/" followed by something that is not a year: fall through only if it is not digits.
    if (a3 > a2 + 1) return null;
  }
  if (sep !== 0x2f || !boundary(s, a2, end) || !isValidDate(0, second, first)) return null;
  return { end: a2, value: `--${pad2(second)}-${pad2(first)}`, dayMonth: true };
}

const RE_WORDS = /^(?:ngay\s*)?(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*nam\s+(\d{4})$/;
const RE_PREFIX = /^(?:ngay|hom)\s*/;

/**
 * A full date in any usual Vietnamese spelling → ISO "YYYY-MM-DD"; null when it is not a
 * complete, existing date ("31/02/2025", "1/8" without a year, "tháng 10/2025").
 * Accepts "ngày 31 tháng 10 năm 2025" (with or without diacritics, NFD, NBSP),
 * "26/9/2025", "02/01/2020", "31-10-2025", "31.10.2025", "2025-10-31", "ngày 26/9/2025".
 */
export function parseVietnameseDate(text: string): string | null {
  const s = fold(text).trim().replace(/\s+/g, ' ');
  if (s.length > 64) return null;
  const w = RE_WORDS.exec(s);
  if (w) return isoDate(Number(w[3]), Number(w[2]), Number(w[1]));
  const rest = s.replace(RE_PREFIX, '');
  if (rest.length === 0 || !isDigit(rest.charCodeAt(0))) return null;
  const m = matchNumericDate(rest, 0);
  if (!m || m.end !== rest.length || m.value.length !== 10 || m.value.startsWith('-')) return null;
  return m.value;
}
