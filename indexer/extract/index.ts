/**
 * Office documents, PDFs and scans → text, chosen by content (magic bytes), not by the
 * file's name: a .doc that is really a .docx, or a PDF saved as .bin, is read for what it is.
 * Takes bytes, not paths, so an upload can use it as well as the folder walker.
 *
 *   sniff → read with the library made for the format (docx: fflate + saxes; doc:
 *   word-extractor; rtf: rtf-stream-parser's tokenizer; pdf: pdfjs-dist; scans: tesseract) → the pure layout steps in
 *   src/read (office/blocks.ts, pdf/pdf-text.ts)
 *
 * A file that cannot be read comes back with `notIndexed` and the reason, never silently.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OcrInfo, SourceFormat } from '../../src/model.ts';
import { layoutOffice, pdfToText, readDocx, readOdt, type PdfPage } from '../../src/read/index.ts';
import { ocrAvailable, ocrPages } from './ocr.ts';
import { readPdfText } from './pdfjs.ts';
import { readDoc } from './word-extractor.ts';
import { readRtf } from './rtf.ts';

/** What the bytes are. `text` goes to the text decoder (txt, md, html, json). */
export type Sniffed = 'pdf' | 'docx' | 'odt' | 'doc' | 'rtf' | 'image' | 'zip' | 'ole' | 'text';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

export function sniff(bytes: Uint8Array): Sniffed {
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // The first entries name the package: [Content_Types].xml / word/… for OOXML, "mimetype" for ODF.
    const head = ascii(bytes, 0, Math.min(bytes.length, 64 * 1024));
    if (/mimetypeapplication\/vnd\.oasis\.opendocument\.text/.test(head)) return 'odt';
    if (head.includes('word/')) return 'docx';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (ascii(bytes, 0, 6) === '{\\rtf1' || ascii(bytes, 0, 5) === '{\\rtf') return 'rtf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image';
  return 'text';
}

export interface ExtractMessage {
  ruleId: string;
  reason: string;
  severity: 'error' | 'warning' | 'info';
}

export interface Extraction {
  format: SourceFormat;
  text: string;
  footnotesStart?: number;
  pageStarts?: number[];
  pages?: number;
  ocr?: OcrInfo;
  messages: ExtractMessage[];
  /** Set when nothing could be indexed: why. */
  notIndexed?: string;
  /** The bytes are damaged or not what they claim (reported as input-binary), rather than a scan without OCR. */
  unreadable?: boolean;
}

const FORMAT_OF: Record<Exclude<Sniffed, 'text'>, SourceFormat> = { pdf: 'pdf', docx: 'docx', odt: 'odt', doc: 'doc', ole: 'doc', rtf: 'rtf', image: 'image', zip: 'docx' };
const DESCRIBE: Record<Exclude<Sniffed, 'text'>, string> = { pdf: 'a PDF', docx: 'a Word (.docx) file', odt: 'an OpenDocument text', doc: 'a Word 97–2003 file', ole: 'a Word 97–2003 file', rtf: 'an RTF file', image: 'an image', zip: 'a zip package' };

export interface ExtractOptions {
  sha256: string;
  /** Folder for cached extractions and OCR pages (by content hash). */
  cacheDir?: string;
  /** 'off' never runs OCR (scans are then listed as not indexed). */
  ocr?: 'auto' | 'off';
  /** OCR at most this many pages of a file (tests; the rest is reported). */
  ocrPageLimit?: number;
}

/** Bumped when extraction changes, so cached extractions are not reused across versions. */
const EXTRACT_VERSION = 4;

function cachePath(options: ExtractOptions): string | undefined {
  return options.cacheDir ? join(options.cacheDir, 'extract', `${options.sha256}-v${EXTRACT_VERSION}${options.ocr === 'off' ? '-noocr' : ''}${options.ocrPageLimit ? `-p${options.ocrPageLimit}` : ''}.json`) : undefined;
}

/** The cached extraction of these bytes (by sha256), if there is one: no need to read the file. */
export async function cachedExtraction(options: ExtractOptions): Promise<Extraction | undefined> {
  const cached = cachePath(options);
  if (!cached || !existsSync(cached)) return undefined;
  try {
    return JSON.parse(await readFile(cached, 'utf8')) as Extraction;
  } catch {
    return undefined; // a damaged cache entry: extract again
  }
}

export async function extractDocument(bytes: Uint8Array, kind: Exclude<Sniffed, 'text'>, options: ExtractOptions): Promise<Extraction> {
  const cached = cachePath(options);
  const hit = await cachedExtraction(options);
  if (hit) return hit;
  let result: Extraction;
  try {
    result = await extractUncached(bytes, kind, options);
  } catch (e) {
    // A reader or a child process failed on these bytes (a truncated image, a damaged package).
    const reason = ((e as { stderr?: string }).stderr || (e as Error).message).split('\n').find((l) => l.trim()) ?? 'unknown error';
    return { format: FORMAT_OF[kind], text: '', messages: [], notIndexed: `looks like ${DESCRIBE[kind]} but cannot be read (${reason.trim().slice(0, 200)})`, unreadable: true };
  }
  if (cached && !result.notIndexed) {
    await mkdir(join(options.cacheDir!, 'extract'), { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(result));
    await rename(tmp, cached);
  }
  return result;
}

async function extractUncached(bytes: Uint8Array, kind: Exclude<Sniffed, 'text'>, options: ExtractOptions): Promise<Extraction> {
  const fail = (format: SourceFormat, reason: string): Extraction => ({ format, text: '', messages: [], notIndexed: reason, unreadable: true });
  const warn = (m: { ruleId: string; reason: string }): ExtractMessage => ({ ...m, severity: 'warning' });
  switch (kind) {
    case 'docx':
    case 'odt': {
      try {
        const doc = kind === 'docx' ? readDocx(bytes) : readOdt(bytes);
        const out = layoutOffice(doc);
        if (!out.text.trim()) return fail(kind, `the ${kind === 'docx' ? 'Word' : 'OpenDocument'} file has no text`);
        return { format: kind, text: out.text, ...(out.footnotesStart !== undefined ? { footnotesStart: out.footnotesStart } : {}), messages: out.messages.map(warn) };
      } catch (e) {
        return fail(kind, `the ${kind === 'docx' ? '.docx' : '.odt'} package cannot be read: ${(e as Error).message}`);
      }
    }
    case 'ole': {
      try {
        const doc = await readDoc(bytes);
        const out = layoutOffice(doc);
        if (!out.text.trim()) return fail('doc', 'the Word 97–2003 file has no text');
        return { format: 'doc', text: out.text, ...(out.footnotesStart !== undefined ? { footnotesStart: out.footnotesStart } : {}), messages: out.messages.map(warn) };
      } catch (e) {
        return fail('doc', `not a Word 97–2003 document word-extractor can read (an Excel or PowerPoint file?): ${(e as Error).message}`);
      }
    }
    case 'rtf': {
      try {
        const out = layoutOffice(await readRtf(bytes));
        if (!out.text.trim()) return fail('rtf', 'the RTF file has no text');
        return { format: 'rtf', text: out.text, ...(out.footnotesStart !== undefined ? { footnotesStart: out.footnotesStart } : {}), messages: out.messages.map(warn) };
      } catch (e) {
        return fail('rtf', `the RTF file cannot be read: ${(e as Error).message}`);
      }
    }
    case 'zip':
      return fail('docx', 'a zip package that is neither a Word (.docx) nor an OpenDocument text (.odt) file');
    case 'image':
      return ocrImage(bytes, options);
    case 'pdf':
      return extractPdf(bytes, options);
    default:
      return fail('txt', `unknown file type ${kind as string}`);
  }
}

async function ocrImage(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  const avail = await ocrAvailable();
  if (!avail.ok || options.ocr === 'off') return { format: 'image', text: '', messages: [], notIndexed: notInstalled(avail.missing, options) };
  const [page] = await ocrPages(bytes, [1], { ...options, image: true });
  const out = pdfToText([page!.page]);
  return {
    format: 'image',
    text: out.text,
    pageStarts: out.pageStarts,
    pages: 1,
    ocr: { engine: 'tesseract', language: 'vie', confidence: round(page!.confidence), pages: [1], pageConfidence: [round(page!.confidence)] },
    messages: [],
  };
}

function notInstalled(missing: string[], options: ExtractOptions): string {
  if (options.ocr === 'off') return 'a scan (no text layer) and OCR is turned off';
  return `a scan (no text layer): OCR needs ${missing.join(', ')} — install with: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils`;
}

const round = (n: number) => Math.round(n * 10) / 10;

async function extractPdf(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  const read = await readPdfText(bytes);
  if (read.error) return { format: 'pdf', text: '', messages: [], notIndexed: read.error };
  const pages = read.pages;
  const first = pdfToText(pages);
  const messages: ExtractMessage[] = first.messages.filter((m) => m.ruleId !== 'pdf-garbled-text').map((m) => ({ ...m, severity: 'warning' as const }));
  let want = [...new Set([...first.emptyPages, ...first.garbledPages])].sort((a, b) => a - b);
  const scanned = first.emptyPages.length === pages.length;
  if (!want.length) return { format: 'pdf', text: first.text, pageStarts: first.pageStarts, pages: pages.length, ...(first.footnotesStart !== undefined ? { footnotesStart: first.footnotesStart } : {}), messages };

  const avail = await ocrAvailable();
  if (!avail.ok || options.ocr === 'off') {
    if (scanned) return { format: 'pdf', text: '', pages: pages.length, messages, notIndexed: notInstalled(avail.missing, options) };
    if (first.garbledPages.length) return { format: 'pdf', text: '', pages: pages.length, messages, notIndexed: `the text layer is garbled on page(s) ${first.garbledPages.join(', ')} (fonts without a correct Unicode map) and OCR is not available: ${notInstalled(avail.missing, options)}` };
    messages.push({ ruleId: 'pdf-pages-not-read', reason: `page(s) ${first.emptyPages.join(', ')} have no text layer and OCR is not available; they are not indexed`, severity: 'warning' });
    return { format: 'pdf', text: first.text, pageStarts: first.pageStarts, pages: pages.length, messages };
  }
  if (first.garbledPages.length) messages.push({ ruleId: 'pdf-garbled-text', reason: `the text layer of page(s) ${first.garbledPages.join(', ')} is garbled (fonts without a correct Unicode map); read with OCR instead`, severity: 'warning' });
  if (options.ocrPageLimit && want.length > options.ocrPageLimit) {
    messages.push({ ruleId: 'ocr-limited', reason: `OCR limited to ${options.ocrPageLimit} of ${want.length} pages`, severity: 'warning' });
    want = want.slice(0, options.ocrPageLimit);
  }
  const ocred = await ocrPages(bytes, want, options);
  const byNumber = new Map(ocred.map((o) => [o.page.number, o]));
  const mixed: PdfPage[] = pages.map((p) => byNumber.get(p.number)?.page ?? p);
  const out = pdfToText(mixed);
  const conf = ocred.map((o) => round(o.confidence));
  const weights = ocred.map((o) => Math.max(1, o.words));
  const mean = conf.reduce((s, c, i) => s + c * weights[i]!, 0) / weights.reduce((s, w) => s + w, 0);
  const low = ocred.filter((o) => o.confidence < 70).map((o) => o.page.number);
  if (low.length) messages.push({ ruleId: 'ocr-low-confidence', reason: `OCR confidence below 70 on page(s) ${low.join(', ')}: check the text against the scan`, severity: 'warning' });
  messages.push({ ruleId: 'ocr', reason: `read by OCR (tesseract, vie): ${want.length} page(s), mean confidence ${round(mean)}`, severity: 'info' });
  return {
    format: 'pdf',
    text: out.text,
    pageStarts: out.pageStarts,
    pages: pages.length,
    ...(out.footnotesStart !== undefined ? { footnotesStart: out.footnotesStart } : {}),
    ocr: { engine: 'tesseract', language: 'vie', confidence: round(mean), pages: want, pageConfidence: conf },
    messages,
  };
}
