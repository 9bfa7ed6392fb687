/** `tracuu index [paths…] [--out DIR] [--json] [--force]`: build everything into one artifact directory. */
import { command, parse } from '../args.ts';
import { createProgress } from '../progress.ts';
import { ensureBuild, type BuildSummary } from '../store.ts';
import { BuildLockedError } from '../build-lock.ts';
import type { Diagnostic, FileAccount } from '../../src/model.ts';

const USAGE = `usage: tracuu index [paths…] [--out DIR] [--json] [--force] [--quiet] [--no-wait]

Reads .txt/.md/.html, Word (.docx, .doc), ODT and PDF files (scans by OCR when
tesseract is installed), ALQAC law.json and Bộ pháp điển .html from the given files
or folders (default: seeds/ and corpus/) and writes build/ (or --out DIR). The end
report says, per format, how many files were indexed, attached to another document
(a second copy, a news report) or not indexed and why; --json lists every file.
Extractions and OCR are cached by content hash in build/cache: an interrupted run
started again does not read those files again.
An unchanged corpus is not rebuilt unless --force. A damaged build/ is rebuilt.

One indexer writes a build/ at a time: when another one is writing it, this one waits
and says who it is; with --no-wait it stops at once (exit code 4) and says who holds it.`;

export async function run(args: string[]): Promise<number> {
  return command(async () => {
    const { values, positionals } = parse(args, { out: { type: 'string' }, json: { type: 'boolean' }, force: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' }, 'no-wait': { type: 'boolean' } }, USAGE);
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const progress = createProgress(process.stderr, Boolean(values.quiet || values.json));
    const started = performance.now();
    let result;
    try {
      result = await ensureBuild({
        paths: positionals,
        out: values.out as string | undefined,
        force: Boolean(values.force),
        wait: !values['no-wait'],
        onProgress: (p) => progress.update(p.phase, p.done, p.total, p.item),
        // Notices (waiting for another indexer, damage repaired) go to stderr even with --quiet/--json.
        onNotice: (line) => {
          progress.done();
          console.error(line);
        },
      });
    } catch (e) {
      progress.done();
      if (!(e instanceof BuildLockedError)) throw e;
      console.error(`tracuu: ${e.message}`);
      return 4;
    }
    progress.done();
    const s = result.summary;
    if (values.json) {
      console.log(JSON.stringify({ documents: s.documents, clauses: s.clauses, diagnostics: s.diagnostics, levels: s.levels, formats: formatReport(s.files ?? []), files: s.files ?? [] }, null, 2));
      return 0;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(printSummary(s, result.rebuilt ? `built in ${seconds}s` : 'unchanged, loaded', result.dir));
    return s.diagnostics.some((d) => d.severity === 'error' && d.ruleId.startsWith('input-not-found')) ? 1 : 0;
  });
}

export function printSummary(s: BuildSummary, how: string, dir: string): string {
  const lines: string[] = [];
  const shown = s.diagnostics.filter((d) => d.severity !== 'info');
  for (const d of shown.slice(0, 40)) lines.push(formatDiagnostic(d));
  if (shown.length > 40) lines.push(`… ${shown.length - 40} more (tracuu index --json lists them all)`);
  if (lines.length) lines.push('');
  const levels = Object.entries(s.levels)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  lines.push(`${s.documents} documents, ${s.clauses} clauses (${levels}), ${s.references} references — ${how} → ${dir}`);
  if (s.files?.length) lines.push(...formatLines(s.files));
  const byRule = new Map<string, number>();
  for (const d of s.diagnostics) byRule.set(`${d.severity} ${d.ruleId}`, (byRule.get(`${d.severity} ${d.ruleId}`) ?? 0) + 1);
  if (byRule.size) lines.push(`diagnostics: ${[...byRule].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  return lines.join('\n');
}

/** remark-style: file:line:column  severity  reason  rule-id */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity.padEnd(7)}  ${d.reason}  ${d.ruleId}`;
}

export interface FormatCounts {
  files: number;
  /** The leading text of a document. */
  indexed: number;
  /** Another copy of a document, or a report on one: kept as its source. */
  attached: number;
  /** Not indexed, each with its reason. */
  failed: { path: string; reason: string }[];
  skipped: number;
}

const EXTENSION = /\.([a-z0-9]+)$/i;

/** Per format (the file's extension, lower case): indexed / attached / failed with reasons. */
export function formatReport(files: FileAccount[]): Record<string, FormatCounts> {
  const out: Record<string, FormatCounts> = {};
  for (const f of files) {
    const ext = (EXTENSION.exec(f.path.split('#')[0]!)?.[1] ?? f.format ?? 'other').toLowerCase();
    const c = (out[ext] ??= { files: 0, indexed: 0, attached: 0, failed: [], skipped: 0 });
    c.files++;
    if (f.status === 'indexed') c.indexed++;
    else if (f.status === 'source' || f.status === 'report') c.attached++;
    else if (f.status === 'skipped') c.skipped++;
    else c.failed.push({ path: f.path, reason: f.reason ?? 'not indexed' });
  }
  return out;
}

function formatLines(files: FileAccount[]): string[] {
  const report = formatReport(files);
  const lines = [`${files.length} files: ${Object.entries(report)
    .sort((a, b) => b[1].files - a[1].files)
    .map(([ext, c]) => `.${ext} ${c.indexed} indexed${c.attached ? `, ${c.attached} attached` : ''}${c.failed.length ? `, ${c.failed.length} failed` : ''}${c.skipped ? `, ${c.skipped} skipped` : ''}`)
    .join(' · ')}`];
  const failed = Object.values(report).flatMap((c) => c.failed);
  for (const f of failed.slice(0, 20)) lines.push(`  not indexed: ${f.path} — ${f.reason}`);
  if (failed.length > 20) lines.push(`  … ${failed.length - 20} more not indexed (tracuu index --json lists them all)`);
  return lines;
}
