/**
 * Positioned PDF text → the lines a reader sees, in reading order:
 *
 *   group items into lines (superscript digits join the line below them)
 *   → drop running headers, footers and page numbers (lines at the top or bottom of pages
 *     that repeat, digits aside, or are only a page number)
 *   → read the two-column letterhead and the "Nơi nhận | signature" block column by column
 *   → move page-bottom footnotes (small type, starting with their number) after the body
 *   → join wrapped lines back into paragraphs (a line that fills the measure, followed by
 *     one that starts at the left margin, is one paragraph)
 *
 * Every page's start offset is kept, so each clause knows its page. Pages whose text layer
 * is garbled (fonts without a correct Unicode map) are reported, for OCR.
 */
import type { ExtractedText, ReaderMessage } from '../office/blocks.ts';
import type { PdfPage, PdfTextItem } from './types.ts';
import { matchMarker } from '../../segment/index.ts';

interface Segment {
  x0: number;
  x1: number;
  items: PdfTextItem[];
}

interface Line {
  page: number;
  y: number;
  x0: number;
  x1: number;
  size: number;
  segments: Segment[];
  /** Superscript digits attached to this line, by x. */
  sups: PdfTextItem[];
  /** Letterhead or signature block: never joined with neighbours. */
  fixed?: boolean;
  footnote?: boolean;
  text?: string;
}

export interface PdfExtracted extends ExtractedText {
  pageCount: number;
  /** 1-based numbers of pages with no text layer (to OCR). */
  emptyPages: number[];
  /** 1-based numbers of pages whose text layer is garbled (to OCR). */
  garbledPages: number[];
}

const VIETNAMESE_LETTER = /[a-zA-ZàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]/u;

/**
 * Share of letters that are not Vietnamese: a text layer drawn with fonts that map glyphs to
 * the wrong code points reads "6Ӣ CÔNG 7+ѬѪ1*" for "SỞ CÔNG THƯƠNG" — Cyrillic and Latin
 * Extended letters in a Vietnamese text. Real Vietnamese text scores near 0.
 */
export function garbledScore(text: string): number {
  let letters = 0;
  let foreign = 0;
  for (const ch of text.normalize('NFC')) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (!VIETNAMESE_LETTER.test(ch)) foreign++;
  }
  return letters ? foreign / letters : 0;
}

/** A page is garbled above this share of foreign letters (measured: clean pages ≤ 0.005, the Lào Cai plan ≥ 0.1). */
export const GARBLED_THRESHOLD = 0.03;

const PAGE_NUMBER = /^(?:[-–—]?[ \u00a0]*\d{1,4}[ \u00a0]*[-–—]?|Trang[ \u00a0]+\d{1,4}(?:[ \u00a0]*\/[ \u00a0]*\d{1,4})?|\d{1,4}[ \u00a0]*\/[ \u00a0]*\d{1,4})$/u;

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The most common value after rounding (the body's font size, the left margin). */
function mode(xs: number[], round = 1): number {
  const counts = new Map<number, number>();
  for (const x of xs) {
    const k = Math.round(x / round) * round;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best = 0;
  let n = -1;
  for (const [k, c] of counts) if (c > n) (best = k), (n = c);
  return best;
}

function segmentText(seg: Segment): string {
  let out = '';
  let prev: PdfTextItem | undefined;
  for (const it of seg.items) {
    if (prev) {
      const gap = it.x - (prev.x + prev.width);
      if (gap > 0.15 * Math.max(it.size, prev.size) && !/\s$/u.test(out) && !/^\s/u.test(it.str)) out += ' ';
    }
    out += it.str;
    prev = it;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

function groupLines(page: PdfPage, bodySize: number): Line[] {
  const items = page.items.filter((i) => i.str.trim());
  // Superscript digits (footnote calls, "m2"): small type, raised; placed later.
  const isSup = (i: PdfTextItem) => /^\d{1,3}$/u.test(i.str.trim()) && i.size < 0.8 * bodySize;
  const main = items.filter((i) => !isSup(i)).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of main) {
    const tol = 0.4 * Math.max(it.size, 4);
    let line: Line | undefined;
    for (let k = lines.length - 1; k >= 0 && k >= lines.length - 4; k--) {
      if (Math.abs(lines[k]!.y - it.y) <= tol) {
        line = lines[k];
        break;
      }
    }
    if (!line) {
      line = { page: page.number, y: it.y, x0: it.x, x1: it.x + it.width, size: it.size, segments: [], sups: [] };
      lines.push(line);
    }
    line.segments.push({ x0: it.x, x1: it.x + it.width, items: [it] });
    line.size = Math.max(line.size, it.size);
  }
  for (const s of items.filter(isSup)) {
    // The line whose baseline is just below the superscript, and which spans it.
    let best: Line | undefined;
    let bestD = Infinity;
    for (const l of lines) {
      const d = s.y - l.y;
      if (d < -0.3 * l.size || d > 0.9 * l.size) continue;
      const minX = Math.min(...l.segments.map((g) => g.x0));
      const maxX = Math.max(...l.segments.map((g) => g.x1));
      if (s.x < minX - 2 * l.size || s.x > maxX + 2 * l.size) continue;
      if (Math.abs(d) < bestD) (best = l), (bestD = Math.abs(d));
    }
    if (best) best.sups.push(s);
    else lines.push({ page: page.number, y: s.y, x0: s.x, x1: s.x + s.width, size: s.size, segments: [{ x0: s.x, x1: s.x + s.width, items: [s] }], sups: [] });
  }
  lines.sort((a, b) => b.y - a.y);
  for (const l of lines) {
    // Merge items into segments, split where the gap is a column gap.
    const its = l.segments.flatMap((g) => g.items).sort((a, b) => a.x - b.x);
    const segs: Segment[] = [];
    for (const it of its) {
      const last = segs.at(-1);
      if (last && it.x - last.x1 < 1.5 * Math.max(it.size, l.size * 0.8)) {
        last.items.push(it);
        last.x1 = Math.max(last.x1, it.x + it.width);
      } else segs.push({ x0: it.x, x1: it.x + it.width, items: [it] });
    }
    l.segments = segs;
    l.x0 = segs[0]?.x0 ?? l.x0;
    l.x1 = Math.max(...segs.map((g) => g.x1));
  }
  return lines;
}

/** Text of a line (or of some of its segments): superscript digits as "[n]" when they are footnote calls. */
function lineText(l: Line, calls: Set<string>, segments = l.segments): string {
  if (!segments.length) return '';
  const lo = segments[0]!.x0 - 1;
  const hi = segments.at(-1)!.x1 + 2 * l.size;
  const sups = new Set(l.sups.filter((s) => s.x >= lo && s.x <= hi));
  const items = [...segments.flatMap((g) => g.items), ...sups].sort((a, b) => a.x - b.x);
  let s = '';
  let prev: PdfTextItem | undefined;
  for (const it of items) {
    const sup = sups.has(it);
    if (prev) {
      const gap = it.x - (prev.x + prev.width);
      if (!sup && gap > 0.15 * Math.max(it.size, prev.size) && !/\s$/u.test(s) && !/^\s/u.test(it.str)) s += ' ';
    }
    if (sup) {
      const n = it.str.trim();
      s += calls.has(n) ? `[${n}]` : n;
    } else s += it.str;
    prev = it;
  }
  return s.replace(/\s+/gu, ' ').trim();
}

/**
 * Signature-field text joins the page only where it fills a blank of a printed line: the number
 * and day stamped at signing ("Số: [2003] /CĐ-VPCP", "ngày [07] tháng 10"), on the baseline of
 * that line and over no printed text. The signer's block a signing service draws in a margin
 * ("Người ký: …, Thời gian ký: …") lies on no line and is left out.
 */
export function withStamps(page: PdfPage): PdfPage {
  if (!page.stamps?.length) return page;
  const printed = page.items.filter((i) => i.str.trim());
  const fills = (s: PdfTextItem) => {
    const line = printed.filter((i) => Math.abs(i.y - s.y) <= 0.4 * Math.max(i.size, s.size));
    if (!line.length) return false;
    const x0 = s.x + 0.5;
    const x1 = s.x + s.width - 0.5;
    return !line.some((i) => i.x < x1 && i.x + i.width > x0);
  };
  const kept = page.stamps.filter(fills);
  return kept.length ? { ...page, items: [...page.items, ...kept] } : page;
}

export function pdfToText(input: PdfPage[]): PdfExtracted {
  const pages = input.map(withStamps);
  const messages: ReaderMessage[] = [];
  const allItems = pages.flatMap((p) => p.items.filter((i) => i.str.trim()));
  const sizes: number[] = [];
  for (const i of allItems) for (let k = 0; k < Math.min(i.str.length, 50); k++) sizes.push(i.size);
  const bodySize = mode(sizes, 0.5) || 12;

  const emptyPages: number[] = [];
  const garbledPages: number[] = [];
  const perPage: Line[][] = pages.map((p) => {
    const text = p.items.map((i) => i.str).join('');
    if (text.replace(/\s/g, '').length < 20) emptyPages.push(p.number);
    else if (garbledScore(text) > GARBLED_THRESHOLD) garbledPages.push(p.number);
    return groupLines(p, bodySize);
  });

  removeRunning(pages, perPage);

  // Footnotes at the foot of a page: after the last body-size line, small type, starting with a number.
  const calls = new Set<string>();
  for (const lines of perPage) {
    let k = lines.length;
    let start = -1;
    while (k-- > 0) {
      const l = lines[k]!;
      if (l.size >= 0.92 * bodySize && !l.footnote) break;
      const first = l.segments[0]?.items[0];
      const startsWithNumber = (l.sups.length && l.sups.some((s) => s.x <= l.x0 + 1)) || (first && /^\d{1,3}$/u.test(first.str.trim()) && first.size < 0.92 * bodySize);
      if (startsWithNumber) start = k;
    }
    if (start < 0) continue;
    for (let j = start; j < lines.length; j++) lines[j]!.footnote = true;
    for (let j = start; j < lines.length; j++) {
      const l = lines[j]!;
      const lead = l.sups.find((s) => s.x <= l.x0 + 1) ?? l.segments[0]?.items[0];
      if (lead && /^\d{1,3}$/u.test(lead.str.trim())) calls.add(lead.str.trim());
    }
  }

  // The letterhead (on page 1, and on an attachment's first page), then the signature block.
  for (const [pi, lines] of perPage.entries()) {
    for (let k = 0; k < Math.min(lines.length, 4); k++) {
      const x = mottoX(lines[k]!);
      if (x !== undefined) {
        // From the motto's line: a gazette prints centred headings above the letterhead
        // ("VĂN BẢN QUY PHẠM PHÁP LUẬT" / "CHÍNH PHỦ" in Công báo), which are not columns.
        markColumns(lines, k, x - 1, true);
        break;
      }
    }
    const at = lines.findIndex((l) => !l.fixed && /^Nơi nhận/u.test(segmentText(l.segments[0] ?? { x0: 0, x1: 0, items: [] })));
    // The signer sits in the right half of the page.
    if (at >= 0) markColumns(lines, at, pages[pi]!.width * 0.45, false);
  }

  // Margins of the body, for joining wrapped lines.
  const bodyLines = perPage.flat().filter((l) => !l.fixed && !l.footnote && Math.abs(l.size - bodySize) < 1.5);
  const left = mode(bodyLines.map((l) => l.x0), 2);
  const right = median(bodyLines.map((l) => l.x1).filter((x) => x > left)) || 0;
  const rightFull = Math.max(...bodyLines.map((l) => l.x1).filter((x) => x <= right + 4 * bodySize).sort((a, b) => a - b).slice(-Math.max(1, Math.floor(bodyLines.length * 0.3))), right);

  let text = '';
  const pageStarts: number[] = [];
  const notes: string[] = [];
  let prev: Line | undefined;
  for (const [pi, lines] of perPage.entries()) {
    pageStarts[pi] = text.length;
    for (const l of lines) {
      if (l.footnote) {
        const t = lineText(l, calls);
        if (/^\[\d{1,3}\]/u.test(t) || !notes.length) notes.push(t);
        else notes[notes.length - 1] += ' ' + t;
        continue;
      }
      const t = l.text ?? lineText(l, calls);
      if (!t) continue;
      const joins =
        prev &&
        !prev.fixed &&
        !l.fixed &&
        prev.x1 >= rightFull - 2.5 * bodySize &&
        l.x0 <= left + 0.8 * bodySize &&
        Math.abs(l.size - prev.size) < 1.5 &&
        (prev.page !== l.page || prev.y - l.y < 2.2 * l.size);
      if (joins) {
        if (pageStarts[pi] === text.length) pageStarts[pi] = text.length + 1;
        text += ' ' + t;
      } else {
        if (text) text += '\n';
        if (pageStarts[pi] === text.length - 1 || pageStarts[pi]! > text.length) pageStarts[pi] = text.length;
        text += t;
      }
      prev = l;
    }
    if (pageStarts[pi]! > text.length) pageStarts[pi] = text.length;
  }
  text = text.normalize('NFC');
  let footnotesStart: number | undefined;
  if (notes.length) {
    text += '\n\n';
    footnotesStart = text.length;
    text += notes.map((n) => n.normalize('NFC')).join('\n') + '\n';
  } else text += '\n';
  if (garbledPages.length) messages.push({ ruleId: 'pdf-garbled-text', reason: `the text layer of page${garbledPages.length > 1 ? 's' : ''} ${garbledPages.join(', ')} is garbled (fonts without a correct Unicode map)` });
  return { text, pageStarts, ...(footnotesStart !== undefined ? { footnotesStart } : {}), messages, pageCount: pages.length, emptyPages, garbledPages };
}

/** Lines at the top or bottom of pages that repeat (digits aside) or are only a page number. */
function removeRunning(pages: PdfPage[], perPage: Line[][]): void {
  const key = (l: Line) => lineText(l, new Set()).replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const zone = (l: Line, p: PdfPage) => l.y > p.height * 0.88 || l.y < p.height * 0.1;
  const counts = new Map<string, number>();
  for (const [i, lines] of perPage.entries()) {
    const seen = new Set<string>();
    for (const l of lines) if (zone(l, pages[i]!)) seen.add(key(l));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minRepeat = Math.max(2, Math.ceil(pages.length * 0.25));
  for (const [i, lines] of perPage.entries()) {
    const p = pages[i]!;
    const keep = lines.filter((l, j) => {
      if (!zone(l, p)) return true;
      const t = lineText(l, new Set());
      const edge = j <= 1 || j >= lines.length - 2;
      if (edge && PAGE_NUMBER.test(t)) return false;
      // "Điều 8" heading the top of a page is the text, though "Điều #" repeats (Hiến pháp 2013, Công báo);
      // so is a letterhead on every page (3917/BTP-BTTP attaches two more letters to the first).
      if (pages.length >= 3 && (counts.get(key(l)) ?? 0) >= minRepeat && key(l).length > 1 && !isHeading(t) && !MOTTO.test(t) && !MOTTO_LINE2.test(t)) return false;
      return true;
    });
    perPage[i] = keep;
  }
}

const HEADING_KINDS = new Set(['phan', 'chuong', 'muc', 'dieu']);
/** A structural heading (Phần, Chương, Mục, Điều): never a running head. */
function isHeading(line: string): boolean {
  const m = matchMarker(line);
  return !!m && HEADING_KINDS.has(m.pattern.kind);
}

// "HÒA" and the older spelling "HOÀ" (Bộ Tư pháp's 3917/BTP-BTTP).
const MOTTO = /CỘNG[ \u00a0]*H(?:ÒA|OÀ)[ \u00a0]*XÃ|ĐẢNG[ \u00a0]*CỘNG[ \u00a0]*SẢN[ \u00a0]*VIỆT/u;
const MOTTO_LINE2 = /^Độc[ \u00a0]*lập[ \u00a0]*[-–][ \u00a0]*Tự[ \u00a0]*do/u;

/** Where the national motto ("CỘNG HÒA XÃ HỘI …") or the Party's name starts on a line, when it is not at the line's start. */
function mottoX(l: Line): number | undefined {
  const items = l.segments.flatMap((g) => g.items).sort((a, b) => a.x - b.x);
  let text = '';
  const at: number[] = [];
  let prev: PdfTextItem | undefined;
  for (const it of items) {
    // Items can split a word ("C" "Ộ" "NG H" "ÒA" in Công báo): a space only where there is a gap.
    if (prev && it.x - (prev.x + prev.width) > 0.15 * Math.max(it.size, prev.size)) text += ' ';
    at.push(text.length);
    text += it.str.normalize('NFC');
    prev = it;
  }
  const m = MOTTO.exec(text);
  if (!m || m.index === 0) return undefined;
  const k = at.findLastIndex((o) => o <= m.index);
  const it = items[k]!;
  // Inside an item: advance by the share of its characters before the match.
  const inside = (m.index - at[k]!) / Math.max(1, it.str.length);
  return it.x + inside * it.width;
}

/**
 * Two columns side by side (letterhead: issuer | national motto; signature block: Nơi nhận |
 * signer): read the left column, then the right. The split is the middle of the widest gap of
 * the first two-segment line; the block ends at the first line that crosses it.
 */
function markColumns(lines: Line[], from: number, splitAt: number | undefined, letterhead: boolean): void {
  let split: number | undefined = splitAt;
  for (let k = from; split === undefined && k < Math.min(lines.length, from + 4); k++) {
    const segs = lines[k]!.segments;
    if (segs.length < 2) continue;
    let best = 0;
    for (let s = 1; s < segs.length; s++) {
      const gap = segs[s]!.x0 - segs[s - 1]!.x1;
      if (gap > best) (best = gap), (split = (segs[s]!.x0 + segs[s - 1]!.x1) / 2);
    }
    break;
  }
  if (split === undefined) return;
  const sides = (l: Line) => {
    const items = l.segments.flatMap((g) => g.items).sort((p, q) => p.x - q.x);
    // In a signature block the right side starts after a real gap: "… Bộ Công an;" may run past the middle.
    let at = items.findIndex((i, k) => i.x >= split! && (letterhead || k === 0 || i.x - (items[k - 1]!.x + items[k - 1]!.width) > 1.2 * l.size));
    if (at < 0) at = items.length;
    return { left: items.slice(0, at), right: items.slice(at) };
  };
  /** A line that runs across the split: an item straddles it, or the two sides touch. */
  const crosses = (l: Line) => {
    const { left, right } = sides(l);
    if (left.some((i) => i.x + i.width > split! + 3)) return true;
    const a = left.at(-1);
    const b = right[0];
    return !!a && !!b && b.x - (a.x + a.width) < 0.8 * l.size;
  };
  let end = from;
  // A letterhead ends at the first line that crosses the split (the title); a signature block at the page's end.
  while (end < lines.length) {
    if (letterhead && crosses(lines[end]!)) break;
    end++;
  }
  if (end - from < 2) return;
  const leftLines: Line[] = [];
  const rightLines: Line[] = [];
  const part = (l: Line, items: PdfTextItem[]): Line => {
    const seg: Segment = { x0: items[0]!.x, x1: Math.max(...items.map((i) => i.x + i.width)), items };
    const sups = l.sups.filter((s) => s.x >= seg.x0 - 1 && s.x <= seg.x1 + 2 * l.size);
    const out: Line = { ...l, segments: [seg], x0: seg.x0, x1: seg.x1, sups, fixed: true };
    out.text = lineText(out, new Set());
    return out;
  };
  for (const l of lines.slice(from, end)) {
    const { left, right } = sides(l);
    if (left.length) leftLines.push(part(l, left));
    if (right.length) rightLines.push(part(l, right));
  }
  lines.splice(from, end - from, ...leftLines, ...rightLines);
}
