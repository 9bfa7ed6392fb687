/**
 * .docx (OOXML) → OfficeDocument: the main document part in reading order, with Word's
 * automatic numbering drawn back (numbering.ts), footnotes and endnotes called "[n]",
 * tables as rows, text boxes after the paragraph that anchors them. Headers and footers are
 * separate parts and are not read: running heads are not the document. Deleted revisions,
 * hidden text and field codes are left out; field results are kept.
 */
import type { OfficeBlock, OfficeDocument, OfficeParagraph, ReaderMessage } from './blocks.ts';
import { NumberingCounter, readNumberingDefs, readStyleNumbering } from './numbering.ts';
import { child, elements, parseXml, textOf, unzipParts, type XmlElement } from './xml.ts';

const PARTS = new Set(['word/document.xml', 'word/numbering.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/endnotes.xml', '[Content_Types].xml']);

export function readDocx(bytes: Uint8Array): OfficeDocument {
  const parts = unzipParts(bytes, (p) => PARTS.has(p));
  const main = parts.get('word/document.xml');
  if (!main) return { blocks: [], notes: [], messages: [{ ruleId: 'docx-invalid', reason: 'no word/document.xml in the package: not a Word document' }] };
  const parse = (p: string) => (parts.has(p) ? parseXml(parts.get(p)!) : undefined);
  const reader = new DocxReader(
    new NumberingCounter(readNumberingDefs(parse('word/numbering.xml')), readStyleNumbering(parse('word/styles.xml'))),
    notesById(parse('word/footnotes.xml'), 'w:footnote'),
    notesById(parse('word/endnotes.xml'), 'w:endnote'),
  );
  const body = child(child(parseXml(main), 'w:document'), 'w:body');
  if (body) reader.container(body, reader.blocks);
  return { blocks: reader.blocks, notes: reader.notes, messages: reader.messages };
}

function notesById(root: XmlElement | undefined, name: string): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  const list = root ? root.children.find((c): c is XmlElement => typeof c !== 'string') : undefined;
  if (!list) return out;
  for (const n of elements(list, name)) {
    // Separator notes (type="separator", "continuationSeparator") are not notes.
    if (n.attrs['w:type'] && n.attrs['w:type'] !== 'normal') continue;
    out.set(n.attrs['w:id'] ?? '', n);
  }
  return out;
}

class DocxReader {
  readonly blocks: OfficeBlock[] = [];
  readonly notes: string[] = [];
  readonly messages: ReaderMessage[] = [];
  /** Paragraphs of text boxes met inside a paragraph, emitted after it. */
  private pendingBoxes: OfficeParagraph[] = [];

  constructor(
    private readonly numbering: NumberingCounter,
    private readonly footnotes: Map<string, XmlElement>,
    private readonly endnotes: Map<string, XmlElement>,
  ) {}

  /** Body, cell, text box or content control: paragraphs and tables in order. */
  container(el: XmlElement, out: OfficeBlock[]): void {
    for (const c of elements(el)) {
      if (c.name === 'w:p') {
        out.push(this.paragraph(c));
        if (this.pendingBoxes.length) {
          out.push(...this.pendingBoxes);
          this.pendingBoxes = [];
        }
      } else if (c.name === 'w:tbl') out.push(this.table(c));
      else if (c.name === 'w:sdt') this.container(child(c, 'w:sdtContent') ?? c, out);
      else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:smartTag') this.container(c, out);
    }
  }

  table(tbl: XmlElement): OfficeBlock {
    const rows: OfficeParagraph[][][] = [];
    for (const tr of elements(tbl, 'w:tr')) {
      const row: OfficeParagraph[][] = [];
      for (const tc of elements(tr).filter((e) => e.name === 'w:tc' || e.name === 'w:sdt')) {
        const cell = tc.name === 'w:sdt' ? (child(child(tc, 'w:sdtContent'), 'w:tc') ?? tc) : tc;
        // A vertically merged continuation cell is drawn as part of the cell above.
        const vMerge = child(child(cell, 'w:tcPr'), 'w:vMerge');
        const blocks: OfficeBlock[] = [];
        this.container(cell, blocks);
        const paras = blocks.flatMap((b) => (b.type === 'p' ? [b] : b.rows.flat(2)));
        row.push(vMerge && vMerge.attrs['w:val'] !== 'restart' ? [] : paras);
      }
      rows.push(row);
    }
    return { type: 'table', rows };
  }

  paragraph(p: XmlElement): OfficeParagraph {
    const pPr = child(p, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const numId = child(numPr, 'w:numId')?.attrs['w:val'];
    const ilvl = child(numPr, 'w:ilvl')?.attrs['w:val'];
    const style = child(pPr, 'w:pStyle')?.attrs['w:val'];
    const text = this.runs(p);
    const num = this.numbering.resolve({ ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}) }, style);
    const label = num ? this.numbering.label(num.numId, num.ilvl) : undefined;
    return { type: 'p', text, ...(label ? { label } : {}) };
  }

  /** The visible text of a paragraph (or a hyperlink, field, insertion inside it). */
  runs(el: XmlElement): string {
    let out = '';
    for (const c of elements(el)) {
      switch (c.name) {
        case 'w:r':
          out += this.run(c);
          break;
        case 'w:hyperlink':
        case 'w:fldSimple':
        case 'w:ins':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:sdt':
        case 'w:sdtContent':
        case 'w:moveTo':
          out += this.runs(c);
          break;
        default:
          break; // w:del, w:moveFrom, w:pPr, bookmarks, proofing marks
      }
    }
    return out;
  }

  run(r: XmlElement): string {
    const rPr = child(r, 'w:rPr');
    const vanish = child(rPr, 'w:vanish');
    if (vanish && vanish.attrs['w:val'] !== '0' && vanish.attrs['w:val'] !== 'false') return '';
    let out = '';
    for (const c of elements(r)) {
      switch (c.name) {
        case 'w:t':
          out += textOf(c);
          break;
        case 'w:tab':
        case 'w:ptab':
          out += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          out += c.attrs['w:type'] === 'page' ? '\n' : '\n';
          break;
        case 'w:noBreakHyphen':
          out += '-';
          break;
        case 'w:footnoteReference':
          out += this.note(this.footnotes.get(c.attrs['w:id'] ?? ''), c.attrs['w:customMarkFollows']);
          break;
        case 'w:endnoteReference':
          out += this.note(this.endnotes.get(c.attrs['w:id'] ?? ''), c.attrs['w:customMarkFollows']);
          break;
        case 'mc:AlternateContent':
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          this.boxes(c);
          break;
        default:
          break; // w:instrText (field codes), w:rPr, w:fldChar, w:lastRenderedPageBreak …
      }
    }
    return out;
  }

  note(body: XmlElement | undefined, customMark: string | undefined): string {
    if (!body) return '';
    const paras: string[] = [];
    for (const p of elements(body, 'w:p')) paras.push(this.runs(p).replace(/\s+/g, ' ').trim());
    this.notes.push(paras.filter(Boolean).join(' '));
    // A custom mark ("*") is typed in the next run; a numbered note shows its number.
    return customMark === '1' || customMark === 'true' ? '' : `[${this.notes.length}]`;
  }

  /** Text boxes (w:txbxContent) inside drawings: their paragraphs, once (not the VML fallback too). */
  boxes(el: XmlElement): void {
    if (el.name === 'mc:AlternateContent') {
      const choice = child(el, 'mc:Choice') ?? child(el, 'mc:Fallback');
      if (choice) this.boxes(choice);
      return;
    }
    for (const c of elements(el)) {
      if (c.name === 'w:txbxContent') {
        const blocks: OfficeBlock[] = [];
        this.container(c, blocks);
        for (const b of blocks) if (b.type === 'p') this.pendingBoxes.push(b);
        else this.pendingBoxes.push(...b.rows.flat(2));
      } else this.boxes(c);
    }
  }
}
