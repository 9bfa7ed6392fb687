/**
 * Every complete date in a text, with offsets: the written form "ngày 31 tháng 10 năm 2025"
 * (what a document's place-and-date line says) and numeric dates "26/9/2025". For the reader
 * and the reference finder, which need the date a document was issued or cited with.
 */
import { isoDate } from './date.ts';
import { tokenize } from './tokenize.ts';

export interface DateSpan {
  start: number;
  end: number;
  /** ISO "YYYY-MM-DD". */
  value: string;
}

// Fixed words between bounded digit groups: no nested quantifiers, linear on any input.
const RE_WRITTEN = /ngày[\s\u00a0]+(\d{1,2})[\s\u00a0]+tháng[\s\u00a0]+(\d{1,2})[\s\u00a0]*,?[\s\u00a0]*năm[\s\u00a0]+(\d{4})(?!\d)/giu;

/** Complete dates in NFC `text` (normalize first), in order; partial dates are not returned. */
export function findDates(text: string): DateSpan[] {
  const out: DateSpan[] = [];
  for (const m of text.matchAll(RE_WRITTEN)) {
    const value = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (value) out.push({ start: m.index, end: m.index + m[0].length, value });
  }
  for (const t of tokenize(text)) {
    if (t.kind === 'date' && t.value.length === 10 && !out.some((d) => t.start >= d.start && t.end <= d.end)) {
      out.push({ start: t.start, end: t.end, value: t.value });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
