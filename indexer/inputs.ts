/**
 * The indexer's file edge: walk the paths a user gives, choose a reader by what is there,
 * decode bytes to text, hash them. Everything after this is pure (`src/`).
 *
 * Decoding never throws and never silently loses a file: each problem is a Diagnostic
 * and the file is either read correctly (BOM-marked UTF-16, legacy Windows-1258) or
 * skipped with the reason.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import iconv from 'iconv-lite';
import type { Diagnostic, SourceFormat } from '../src/model.ts';
import type { InputFile } from '../src/read/index.ts';
import { cachedExtraction, type Extraction, extractDocument, sniff } from './extract/index.ts';
import { hasSource, storeSource } from './sources.ts';

/** Files larger than this are skipped: no real legal document is, and it protects memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Names that describe a folder rather than being documents in it. */
const NOT_DOCUMENTS = /^(readme|source|license|licence|changelog|contributing|original_[a-z_]+)(\.[a-z]+)?$/i;
const SKIP_DIRS = new Set(['node_modules', 'build', '.git', '.tmp']);
/** Folder names too generic to name a corpus: use their parent's name instead. */
const GENERIC_DIRS = new Set(['corpus', 'demuc', 'data', 'docs', 'files', 'text', 'txt']);

export interface LoadedInputs {
  inputs: InputFile[];
  diagnostics: Diagnostic[];
  /** Files seen but not documents (e.g. README.md, question files), for the summary. */
  skipped: string[];
}

export interface LoadOptions {
  cwd?: string;
  /** Called once per file read, for progress bars. */
  onFile?: (path: string, done: number, total: number) => void;
  /** Folder for cached extractions and OCR results, by content hash (ensureBuild: build/cache). */
  cacheDir?: string;
  /** 'off': scans are listed as not indexed instead of read by OCR. */
  ocr?: 'auto' | 'off';
  /** Read at most this many pages of a scan by OCR (tests). */
  ocrPageLimit?: number;
  /** Keep each input's bytes here by sha256 (ensureBuild: build/sources), for download from the document page. */
  sourcesDir?: string;
}

/** Extensions the folder walk picks up; what a file is, is then decided by its bytes. */
export const DOCUMENT_EXTENSIONS = /\.(txt|md|markdown|html?|json|docx?|odt|rtf|pdf|png|jpe?g|tiff?)$/i;

export const DEFAULT_PATHS = ['seeds', 'corpus'];

export async function loadInputs(paths: string[], options: LoadOptions = {}): Promise<LoadedInputs> {
  const cwd = options.cwd ?? process.cwd();
  const files: { abs: string; corpus: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = await stat(abs);
    } catch {
      diagnostics.push(problem(p, 'input-not-found', `no such file or folder: ${p}`, 'error'));
      continue;
    }
    if (st.isDirectory()) {
      const corpus = corpusName(abs);
      for (const f of await walk(abs, diagnostics, cwd)) files.push({ abs: f, corpus: withYear(corpus, f, abs) });
    } else {
      files.push({ abs, corpus: withYear(corpusName(dirname(abs)), abs, dirname(abs)) });
    }
  }
  files.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));

  const inputs: InputFile[] = [];
  const stamps = options.cacheDir ? await loadStamps(options.cacheDir) : undefined;
  const extractOptions = (sha256: string) => ({ sha256, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}), ...(options.ocr ? { ocr: options.ocr } : {}), ...(options.ocrPageLimit ? { ocrPageLimit: options.ocrPageLimit } : {}) });
  /** An office file's extraction → an input (or the reason it is not one). */
  const accept = async (x: Extraction, shown: string, corpus: string, sha256: string, size: number, bytes: Uint8Array | undefined) => {
    for (const m of x.messages) diagnostics.push(problem(shown, m.ruleId, m.reason, m.severity));
    if (x.notIndexed) {
      diagnostics.push(problem(shown, x.unreadable ? 'input-binary' : 'input-not-indexed', `${x.notIndexed}; not indexed`, 'error'));
      return;
    }
    if (options.sourcesDir && bytes) await storeSource(options.sourcesDir, sha256, bytes);
    const layout: InputFile['layout'] = {
      ...(x.footnotesStart !== undefined ? { footnotesStart: x.footnotesStart } : {}),
      ...(x.pageStarts ? { pageStarts: x.pageStarts } : {}),
    };
    inputs.push({
      path: shown,
      corpus,
      format: x.format,
      text: x.text,
      bytes: size,
      sha256,
      ...(Object.keys(layout).length ? { layout } : {}),
      ...(x.pages !== undefined ? { pages: x.pages } : {}),
      ...(x.ocr ? { ocr: x.ocr } : {}),
    });
  };
  let done = 0;
  for (const { abs, corpus } of files) {
    const shown = displayPath(abs, cwd);
    options.onFile?.(shown, done++, files.length);
    if (NOT_DOCUMENTS.test(basename(abs))) {
      skipped.push(shown);
      continue;
    }
    let bytes: Buffer;
    let seen: Awaited<ReturnType<typeof stat>>;
    try {
      // Size first: a huge file is refused without being read into memory.
      seen = await stat(abs);
      const size = seen.size;
      if (size > MAX_FILE_BYTES) {
        diagnostics.push(problem(shown, 'input-too-large', `file is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit; skipped`, 'error'));
        continue;
      }
      // Read before (same path, size and modification time) and its extraction cached: not read again.
      const stamp = stamps?.get(abs);
      const same = stamp && stamp.size === size && stamp.mtimeMs === seen.mtimeMs;
      if (same && stamp.kind !== 'text') {
        const x = await cachedExtraction(extractOptions(stamp.sha256));
        if (x && !x.notIndexed && (!options.sourcesDir || (await hasSource(options.sourcesDir, stamp.sha256, size)))) {
          await accept(x, shown, corpus, stamp.sha256, size, undefined);
          continue;
        }
      }
      bytes = await readFile(abs);
    } catch (e) {
      diagnostics.push(problem(shown, 'input-unreadable', `file cannot be read (${ioReason(e)}); skipped`, 'error'));
      continue;
    }
    if (bytes.length > MAX_FILE_BYTES) {
      diagnostics.push(problem(shown, 'input-too-large', `file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit; skipped`, 'error'));
      continue;
    }
    // A text file unchanged since it was last read keeps its hash (its bytes are its text: read).
    const stamp = stamps?.get(abs);
    const sha256 = stamp && stamp.size === bytes.length && stamp.mtimeMs === seen.mtimeMs ? stamp.sha256 : createHash('sha256').update(bytes).digest('hex');
    const kind = sniff(bytes);
    if (kind !== 'text') {
      let x: Awaited<ReturnType<typeof extractDocument>>;
      try {
        x = await extractDocument(bytes, kind, extractOptions(sha256));
      } catch (e) {
        // A reader that throws on a damaged file: that file is skipped, the rest indexes.
        diagnostics.push(problem(shown, 'input-unreadable', `file could not be read as ${kind} (${(e as Error).message}); skipped`, 'error'));
        continue;
      }
      await accept(x, shown, corpus, sha256, bytes.length, bytes);
      if (options.cacheDir && !x.notIndexed) await appendStamp(options.cacheDir, stamps!, { path: abs, size: bytes.length, mtimeMs: seen.mtimeMs, sha256, kind });
      continue;
    }
    if (options.cacheDir && stamp?.sha256 !== sha256) await appendStamp(options.cacheDir, stamps!, { path: abs, size: bytes.length, mtimeMs: seen.mtimeMs, sha256, kind });
    const decoded = decode(bytes);
    if ('reason' in decoded) {
      diagnostics.push(problem(shown, decoded.ruleId, decoded.reason, 'error'));
      continue;
    }
    if (decoded.note) diagnostics.push(problem(shown, decoded.note.ruleId, decoded.note.reason, 'warning'));
    const format = detectFormat(abs, decoded.text);
    if (!format) {
      skipped.push(shown);
      continue;
    }
    if (decoded.text.trim() === '') {
      diagnostics.push(problem(shown, 'input-empty', 'file is empty; skipped', 'warning'));
      continue;
    }
    if (options.sourcesDir) await storeSource(options.sourcesDir, sha256, bytes);
    inputs.push({
      path: shown,
      corpus,
      format,
      text: decoded.text,
      bytes: bytes.length,
      sha256,
    });
  }
  return { inputs, diagnostics, skipped };
}

/**
 * What was read where: build/cache/files.jsonl, one line per file read (absolute path, size,
 * modification time, sha256, what its bytes are). A file with the same path, size and mtime is
 * taken as unchanged: an office file whose extraction is cached is then not opened at all, so a
 * run interrupted and started again skips what it had read; a text file is read (its bytes are
 * its text) but not hashed again. Appended line by line as files are read (an interruption loses
 * at most the line being written; a broken line is ignored); the last line for a path wins.
 * A file changed without a change of size or mtime is not seen: delete build/cache to re-read all.
 */
interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  kind: ReturnType<typeof sniff>;
}

const STAMPS = 'files.jsonl';

async function loadStamps(cacheDir: string): Promise<Map<string, FileStamp>> {
  const out = new Map<string, FileStamp>();
  const text = await readFile(join(cacheDir, STAMPS), 'utf8').catch(() => '');
  let lines = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    lines++;
    try {
      const s = JSON.parse(line) as FileStamp;
      if (typeof s.path === 'string' && typeof s.sha256 === 'string') out.set(s.path, s);
    } catch {
      // a line cut by an interruption
    }
  }
  // Rewritten when mostly superseded lines, so it stays about one line per file.
  if (lines > 2 * out.size + 1000) await writeFile(join(cacheDir, STAMPS), [...out.values()].map((s) => JSON.stringify(s)).join('\n') + '\n');
  return out;
}

async function appendStamp(cacheDir: string, stamps: Map<string, FileStamp>, stamp: FileStamp): Promise<void> {
  stamps.set(stamp.path, stamp);
  await mkdir(cacheDir, { recursive: true });
  await appendFile(join(cacheDir, STAMPS), JSON.stringify(stamp) + '\n');
}

/**
 * The files under `dir`. A folder that cannot be read, or a name that is not valid UTF-8 (zips
 * made on Windows keep names in the old code page), is a diagnostic and is skipped: one bad
 * entry never stops the rest.
 */
async function walk(dir: string, diagnostics: Diagnostic[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    diagnostics.push(problem(displayPath(dir, cwd), 'input-unreadable', `folder cannot be read (${ioReason(e)}); the files in it are not indexed`, 'error'));
    return out;
  }
  for (const e of entries) {
    const raw = e.name as unknown as Uint8Array;
    let name: string;
    try {
      name = strictUtf8.decode(raw);
    } catch {
      const shown = escapedName(raw);
      if (e.isDirectory() || DOCUMENT_EXTENSIONS.test(shown)) {
        diagnostics.push(problem(join(displayPath(dir, cwd), shown), 'input-bad-name', `${e.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8 (common in zips made on Windows); rename it to UTF-8 (e.g. convmv -f cp1258 -t utf8) to have it indexed; skipped`, 'error'));
      }
      continue;
    }
    if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
    const abs = join(dir, name);
    if (e.isDirectory()) out.push(...(await walk(abs, diagnostics, cwd)));
    else if (e.isFile() && DOCUMENT_EXTENSIONS.test(name)) out.push(abs);
  }
  return out;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A name as printable text: ASCII as it is, every other byte as \xNN. */
function escapedName(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return s;
}

/** An IO error in words (the code kept for searching). */
function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = { EACCES: 'permission denied', EPERM: 'operation not permitted', ENOENT: 'it disappeared while indexing', EISDIR: 'it is a folder', EIO: 'read error', ELOOP: 'too many symbolic links' };
  return code ? `${words[code] ?? (e as Error).message}, ${code}` : (e as Error).message;
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "…/corpus-external/vlc/corpus" → "vlc"; "seeds" → "seeds"; "…/phapdien/demuc" → "phapdien". */
export function corpusName(dir: string): string {
  let d = dir;
  while (GENERIC_DIRS.has(basename(d).toLowerCase()) && dirname(d) !== d && basename(dirname(d)) !== 'main') {
    // our own corpus/ folder keeps its name: it is the user's corpus, not a container.
    if (basename(d) === 'corpus' && !/corpus-external/.test(d)) break;
    d = dirname(d);
  }
  return slug(basename(d)) || 'corpus';
}

/** ALQAC keeps one corpus per year folder: ".../alqac/2022/law.json" → "alqac-2022". */
function withYear(corpus: string, file: string, root: string): string {
  const parent = basename(dirname(file));
  return /^(19|20)\d\d$/.test(parent) && dirname(file) !== root ? `${corpus}-${parent}` : /^(19|20)\d\d$/.test(basename(root)) ? `${slug(basename(dirname(root)))}-${basename(root)}` : corpus;
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel.startsWith('..') && rel.split('/').filter((s) => s === '..').length > 2 ? abs : rel;
}

export function detectFormat(path: string, text: string): SourceFormat | null {
  const ext = extname(path).toLowerCase();
  // Markdown saved as .txt (seed 002 is a web page exported to Markdown): read it as Markdown.
  if (ext === '.txt') return /^#{1,6}[ \t]\S/m.test(text.slice(0, 4000)) ? 'md' : 'txt';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm') return /class=['"]?pDieu/.test(text) ? 'phapdien-html' : 'html';
  if (ext === '.json') {
    // ALQAC law files: [{"id": …, "articles": [{"id", "text"}]}]. Question files are not documents.
    const head = text.slice(0, 4000).replace(/\s+/g, '');
    return /^\[\{"id":[^{}]*"articles":\[/.test(head) || /^\[\{"articles":\[/.test(head) ? 'alqac-json' : null;
  }
  return null;
}

type Decoded = { text: string; note?: { ruleId: string; reason: string } } | { ruleId: string; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → text. UTF-8 (with or without BOM) and BOM-marked UTF-16 are read as such;
 * binary files are refused; bytes that are not UTF-8 are read as Windows-1258 (the
 * legacy Vietnamese Windows code page) and reported, since silently mojibaking a
 * legal text would be worse than either.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: { ruleId: 'input-utf16', reason: 'file is UTF-16 (little-endian, with BOM); decoded' } };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: { ruleId: 'input-utf16', reason: 'file is UTF-16 (big-endian, with BOM); decoded' } };
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { ruleId: 'input-binary', reason: 'file looks binary (NUL or control bytes), not a text document; skipped' };
  try {
    return { text: utf8.decode(body) };
  } catch {
    const text = iconv.decode(Buffer.from(body), 'windows1258');
    return { text, note: { ruleId: 'input-legacy-encoding', reason: 'file is not valid UTF-8; decoded as Windows-1258 (legacy Vietnamese). Check the text, and save it as UTF-8' } };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.05;
}

function problem(file: string, ruleId: string, reason: string, severity: Diagnostic['severity']): Diagnostic {
  return { file, line: 1, column: 1, ruleId, reason, severity };
}
