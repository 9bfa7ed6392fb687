/**
 * The one module that calls pdfjs-dist (pinned in package.json): PDF bytes → positioned text
 * per page. The legacy build runs on Node 20 without a DOM; text extraction needs no canvas.
 * pdfjs repairs broken cross-reference tables itself (Hiến pháp 2013's Công báo print).
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
  const { getDocument } = await pdfjs;
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
      pages.push({ number: p, width: view[2]! - view[0]!, height: view[3]! - view[1]!, items });
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
