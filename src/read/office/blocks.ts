/**
 * What every word-processor reader (.docx, .odt, .doc, .rtf) produces, and how it becomes
 * the plain text the rest of the pipeline reads:
 *
 * - a paragraph is one line, its automatic number (if any) written in front as Word draws it;
 * - a layout table (the two-column letterhead, the "Nơi nhận | signature" block) is read cell
 *   by cell, each paragraph on its own line, so "Số: …" and "Hà Nội, ngày …" stay whole and
 *   the metadata finders see them; a data table is kept as rows, one line per row, cells
 *   between "|" — rows never open clauses (a "1." in an STT column is a row, not an item);
 * - footnote calls are written "[n]" where the call is, and the notes follow the body as
 *   "[n] text" paragraphs (the segmenter attaches each to the clause that calls it).
 */

export interface OfficeParagraph {
  type: 'p';
  text: string;
  /** The automatic label ("1. ", "a) ", "Điều 5. "), already with its separator. */
  label?: string;
}

export interface OfficeTable {
  type: 'table';
  /** rows → cells → paragraphs */
  rows: OfficeParagraph[][][];
}

export type OfficeBlock = OfficeParagraph | OfficeTable;

export interface ReaderMessage {
  reason: string;
  ruleId: string;
}

export interface OfficeDocument {
  blocks: OfficeBlock[];
  /** Footnote (and endnote) bodies, numbered 1… in the order of their calls. */
  notes: string[];
  messages: ReaderMessage[];
}

/** Extracted plain text with the facts the layout step cannot see in it. */
export interface ExtractedText {
  text: string;
  /** Where the appended "[n] …" notes start, if there are any. */
  footnotesStart?: number;
  /** Offsets where each page starts (PDF, OCR). */
  pageStarts?: number[];
  messages: ReaderMessage[];
}

const LETTERHEAD = /CỘNG HO?[ÒOÀ]A? XÃ HỘI|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập[ \u00a0]*[-–][ \u00a0]*Tự do|^Số[ \u00a0]*:|Nơi nhận|^(?:TM|T\/M|KT|K\/T|TL|Q)\.?[ \u00a0]+\p{Lu}/mu;

function cellText(cell: OfficeParagraph[]): string {
  return cell.map((p) => (p.label ?? '') + p.text).join(' ').replace(/\s+/g, ' ').trim();
}

/** A table laid out for position, not for data: few rows, and the letterhead or signature in it. */
export function isLayoutTable(t: OfficeTable): boolean {
  const cols = Math.max(0, ...t.rows.map((r) => r.length));
  if (t.rows.length > 4 || cols > 3) return false;
  return t.rows.some((r) => r.some((c) => c.some((p) => LETTERHEAD.test(p.text))));
}

export function layoutOffice(doc: OfficeDocument): ExtractedText {
  const lines: string[] = [];
  const para = (p: OfficeParagraph) => {
    // A soft line break inside a paragraph is a new line for a reader too.
    for (const [i, piece] of (p.text.split('\n') as string[]).entries()) {
      const text = (i === 0 ? (p.label ?? '') : '') + piece;
      lines.push(text.replace(/[ \t\u00a0]+$/u, ''));
    }
  };
  for (const b of doc.blocks) {
    if (b.type === 'p') {
      para(b);
      continue;
    }
    if (isLayoutTable(b)) {
      for (const row of b.rows) for (const cell of row) for (const p of cell) para(p);
      lines.push('');
      continue;
    }
    for (const row of b.rows) {
      const cells = row.map(cellText);
      if (cells.every((c) => !c)) continue;
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  let text = lines.join('\n');
  let footnotesStart: number | undefined;
  if (doc.notes.length) {
    text += '\n\n';
    footnotesStart = text.length;
    text += doc.notes.map((n, i) => `[${i + 1}] ${n.replace(/\s+/g, ' ').trim()}`).join('\n') + '\n';
  }
  return { text, ...(footnotesStart !== undefined ? { footnotesStart } : {}), messages: doc.messages };
}
