/**
 * OCR with Tesseract's Vietnamese model, through the Debian packages (tesseract-ocr,
 * tesseract-ocr-vie; poppler-utils' pdftoppm renders PDF pages). Child processes live here
 * and only here. Each page's words come back as positioned items, so the same reading-order
 * step as a text PDF (src/read/pdf) removes running heads and reads the letterhead.
 *
 * Results are cached by the file's sha256 and the page number (OCR of one page takes seconds
 * on two cores; a rebuild must not pay it again).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfPage, PdfTextItem } from '../../src/read/index.ts';

/** Render resolution: 300 dpi is what Tesseract is trained for. */
export const OCR_DPI = 300;
const PT = 72 / OCR_DPI;

export interface OcrPage {
  page: PdfPage;
  /** Mean word confidence, 0–100 (weighted by word length). */
  confidence: number;
  words: number;
}

export interface OcrAvailability {
  ok: boolean;
  /** What to install when not ok. */
  missing: string[];
}

let availability: Promise<OcrAvailability> | undefined;

function run(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; maxBuffer?: number } = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024, env: options.env ?? process.env, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stderr }));
      else resolve({ stdout, stderr });
    });
  });
}

/** Whether tesseract (with the Vietnamese model) and pdftoppm are installed; asked once per process. */
export function ocrAvailable(): Promise<OcrAvailability> {
  availability ??= (async () => {
    const missing: string[] = [];
    try {
      const { stdout, stderr } = await run('tesseract', ['--list-langs']);
      if (!/^vie$/m.test(stdout + stderr)) missing.push('tesseract-ocr-vie');
    } catch {
      missing.push('tesseract-ocr', 'tesseract-ocr-vie');
    }
    try {
      await run('pdftoppm', ['-v']);
    } catch {
      missing.push('poppler-utils');
    }
    return { ok: missing.length === 0, missing };
  })();
  return availability;
}

/** Tesseract's TSV (level 5 = words) → positioned items in PDF points, y upwards. */
export function tsvToPage(tsv: string, number: number, widthPx: number, heightPx: number): OcrPage {
  const items: PdfTextItem[] = [];
  let confSum = 0;
  let confChars = 0;
  const lineBoxes = new Map<string, { top: number; height: number }>();
  const rows = tsv.split('\n').slice(1).map((r) => r.split('\t'));
  for (const r of rows) if (r[0] === '4') lineBoxes.set(`${r[2]}/${r[3]}/${r[4]}`, { top: Number(r[7]), height: Number(r[9]) });
  let w = widthPx;
  let h = heightPx;
  for (const r of rows) {
    if (r[0] === '1') {
      w = Number(r[8]) || w;
      h = Number(r[9]) || h;
    }
    if (r[0] !== '5' || r.length < 12) continue;
    const text = r.slice(11).join('\t').trim();
    if (!text) continue;
    const conf = Number(r[10]);
    const [left, top, width, height] = [Number(r[6]), Number(r[7]), Number(r[8]), Number(r[9])];
    const line = lineBoxes.get(`${r[2]}/${r[3]}/${r[4]}`) ?? { top, height };
    if (conf >= 0) {
      confSum += conf * text.length;
      confChars += text.length;
    }
    // Words of one line share its box's bottom as their baseline; the type size is about 0.8 of the box.
    items.push({ str: text, x: left * PT, y: (h - (line.top + line.height)) * PT, width: width * PT, size: Math.max(4, line.height * PT * 0.8) });
  }
  return { page: { number, width: w * PT, height: h * PT, items }, confidence: confChars ? confSum / confChars : 0, words: items.length };
}

export interface OcrOptions {
  /** Folder for cached results (by sha256 and page); none = no cache. */
  cacheDir?: string;
  sha256: string;
  /** Pages at once (each tesseract runs on one thread). */
  concurrency?: number;
}

/** OCR the given 1-based pages of a PDF (or page 1 of an image when `image` is set). */
export async function ocrPages(bytes: Uint8Array, pages: number[], options: OcrOptions & { image?: boolean }): Promise<OcrPage[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'tracuu-ocr-'));
  const src = join(tmp, options.image ? 'image' : 'file.pdf');
  let written = false;
  const cacheDir = options.cacheDir ? join(options.cacheDir, options.sha256.slice(0, 2), options.sha256) : undefined;
  const results: OcrPage[] = new Array(pages.length);
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  try {
    let next = 0;
    const worker = async () => {
      while (next < pages.length) {
        const k = next++;
        const n = pages[k]!;
        const cached = cacheDir ? join(cacheDir, `p${n}-${OCR_DPI}.tsv`) : undefined;
        let tsv: string | undefined;
        if (cached && existsSync(cached)) tsv = await readFile(cached, 'utf8');
        if (tsv === undefined) {
          if (!written) {
            written = true;
            await writeFile(src, bytes);
          }
          let image = src;
          if (!options.image) {
            const prefix = join(tmp, `p${n}`);
            await run('pdftoppm', ['-r', String(OCR_DPI), '-gray', '-f', String(n), '-l', String(n), '-singlefile', '-png', src, prefix]);
            image = `${prefix}.png`;
          }
          ({ stdout: tsv } = await run('tesseract', [image, 'stdout', '-l', 'vie', '--psm', '3', 'tsv'], { env }));
          if (!options.image) await rm(image, { force: true });
          if (cached) {
            await mkdir(cacheDir!, { recursive: true });
            await writeFile(cached, tsv);
          }
        }
        results[k] = tsvToPage(tsv, n, 2480, 3508);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return results;
}
