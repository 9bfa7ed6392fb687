/**
 * The one module that calls pdfjs-dist (pinned in package.json): PDF bytes → positioned text
 * per page. The legacy build runs on Node 20 without a DOM; text extraction needs no canvas.
 * pdfjs repairs broken cross-reference tables itself (Hiến pháp 2013's Công báo print).
 *
 * Digitally signed documents have their number and day stamped by the signing software into
 * signature fields ("Số: 2003 /CĐ-VPCP", "ngày 07 tháng 10"): that text is in the fields'
 * appearance streams, which getTextContent does not read, so it is read from the page's
 * operator list (`stamps`; src/read/pdf/pdf-text.ts keeps those that fill a printed line).
 */
import type { PdfPage } from '../../src/read/index.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

export interface PdfText {
  pages: PdfPage[];
  /** Set when the file is not a PDF pdfjs can open, or is encrypted. */
  error?: string;
}

export async function readPdfText(bytes: Uint8Array, options: { maxPages?: number } = {}): Promise<PdfText> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument, OPS, AnnotationMode } = await pdfjs;
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const name = (e as Error).name;
    return { pages: [], error: name === 'PasswordException' ? 'the PDF is encrypted (password protected)' : `the PDF cannot be read: ${(e as Error).message}` };
  }
  const pages: PdfPage[] = [];
  try {
    const n = Math.min(doc.numPages, options.maxPages ?? Infinity);
    for (let p = 1; p <= n; p++) {
      const page = await doc.getPage(p);
      const view = page.view; // [x0, y0, x1, y1]
      const content = await page.getTextContent();
      const items: PdfPage['items'] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        // Rotated text is a watermark or a margin note ("THƯ VIỆN PHÁP LUẬT" up the side), not the text.
        if (Math.abs(b!) > 0.2 * Math.abs(a!) || Math.abs(c!) > 0.2 * Math.abs(d!)) continue;
        items.push({ str: it.str, x: e! - view[0]!, y: f! - view[1]!, width: it.width, size: Math.hypot(c!, d!) || Math.hypot(a!, b!) || it.height, font: it.fontName });
      }
      const stamps = await signatureStamps(page, OPS, AnnotationMode, view);
      pages.push({ number: p, width: view[2]! - view[0]!, height: view[3]! - view[1]!, items, ...(stamps.length ? { stamps } : {}) });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return { pages };
}

/** The number of pages without reading any text (for scans). */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | undefined> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = await pdfjs;
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false });
  try {
    const doc = await task.promise;
    const n = doc.numPages;
    await doc.destroy();
    return n;
  } catch {
    await task.destroy().catch(() => {});
    return undefined;
  }
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
/** pdfjs passes matrices as arrays or typed arrays (which may arrive as {0: …, 5: …}). */
const asMatrix = (m: unknown): Matrix => {
  if (!m) return IDENTITY;
  const o = m as Record<number, number>;
  return [0, 1, 2, 3, 4, 5].map((k) => Number(o[k] ?? IDENTITY[k])) as Matrix;
};

type Ops = PdfJs['OPS'];
type PdfJsPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/**
 * Text drawn by signature fields' appearances, positioned in page space. Only pages that carry a
 * signature field pay for the operator list. Glyph runs are followed through the form and text
 * matrices (cm, Tm, Td, TD, T*); enough for the one-line stamps signing software writes.
 */
async function signatureStamps(page: PdfJsPage, OPS: Ops, AnnotationMode: PdfJs['AnnotationMode'], view: number[]): Promise<PdfPage['items']> {
  const annotations = await page.getAnnotations();
  if (!annotations.some((a) => a.subtype === 'Widget' && a.fieldType === 'Sig')) return [];
  const list = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
  const out: PdfPage['items'] = [];
  let depth = 0;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let leading = 0;
  let fontSize = 0;
  let font = '';
  const show = (glyphs: unknown[]) => {
    let str = '';
    let advance = 0;
    for (const g of glyphs) {
      if (typeof g === 'number') {
        // A TJ adjustment: a large negative one is a word space.
        if (g <= -250 && !str.endsWith(' ')) str += ' ';
        advance -= (g / 1000) * fontSize;
        continue;
      }
      const glyph = g as { unicode?: string; width?: number } | null;
      if (!glyph) continue;
      str += glyph.unicode ?? '';
      advance += ((glyph.width ?? 0) / 1000) * fontSize;
    }
    const m = mul(ctm, tm);
    tm = mul(tm, [1, 0, 0, 1, advance, 0]);
    if (!str.trim()) return;
    // Rotated stamps are not part of a line (a slant, c alone, is italics: "07" in the date).
    if (Math.abs(m[1]) > 0.2 * Math.abs(m[0])) return;
    const size = fontSize * Math.hypot(m[2], m[3]);
    out.push({ str, x: m[4] - view[0]!, y: m[5] - view[1]!, width: advance * Math.hypot(m[0], m[1]), size, font });
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.beginAnnotation) {
      depth++;
      stack.push(ctm);
      ctm = mul(mul(IDENTITY, asMatrix(args![2])), asMatrix(args![3]));
      continue;
    }
    if (fn === OPS.endAnnotation) {
      depth = Math.max(0, depth - 1);
      ctm = stack.pop() ?? IDENTITY;
      continue;
    }
    if (!depth) continue;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = mul(ctm, asMatrix(args));
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        ctm = mul(ctm, asMatrix(args![0]));
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.beginText:
        tm = tlm = IDENTITY;
        break;
      case OPS.setFont:
        font = String(args![0]);
        fontSize = Number(args![1]);
        break;
      case OPS.setLeading:
        leading = Number(args![0]);
        break;
      case OPS.setTextMatrix:
        tm = tlm = asMatrix(args![0] ?? args);
        break;
      case OPS.setLeadingMoveText:
        leading = -Number(args![1]);
        tm = tlm = mul(tlm, [1, 0, 0, 1, Number(args![0]), Number(args![1])]);
        break;
      case OPS.moveText:
        tm = tlm = mul(tlm, [1, 0, 0, 1, Number(args![0]), Number(args![1])]);
        break;
      case OPS.nextLine:
        tm = tlm = mul(tlm, [1, 0, 0, 1, 0, -leading]);
        break;
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        tm = tlm = mul(tlm, [1, 0, 0, 1, 0, -leading]);
        show((args!.at(-1) as unknown[]) ?? []);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        show((args![0] as unknown[]) ?? []);
        break;
    }
  }
  return out;
}
