/**
 * The office table: every file of ../shared/corpus-external/office read through the real
 * indexer edge (sniff → reader → OCR when needed) and the pure reader, compared with what a
 * reader sees in it (tests/fixtures/office-expected.json). Used by `npm run report:office`
 * (which writes the table into docs/indexer.md) and by tests/office-external.test.ts.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import type { DocumentRecord } from '../src/model.ts';
import { readInput } from '../src/read/index.ts';
import { loadInputs, type LoadOptions } from './inputs.ts';

export interface Expected {
  number: string | null;
  appendixOf?: string;
  type: string;
  /** null: no date printed in this file. */
  date: string | null;
  basis: 'dieu' | 'top';
  count: number | null;
  ocr?: boolean;
  /** Why the value is what it is, where a reader could doubt it. */
  note?: string;
}

export interface OfficeRow {
  file: string;
  format: string;
  pages?: number;
  ocr?: { confidence: number; pages: number };
  indexed: boolean;
  /** Why not indexed, or the reader's warnings. */
  notes: string[];
  number?: string;
  type?: string;
  date?: string;
  count?: number;
  expected: Expected;
  ok: { number: boolean; type: boolean; date: boolean; count: boolean };
}

export function loadExpected(root = resolve(import.meta.dirname, '..')): Record<string, Expected> {
  return (JSON.parse(readFileSync(resolve(root, 'tests/fixtures/office-expected.json'), 'utf8')) as { files: Record<string, Expected> }).files;
}

/** Articles for a law-like text, top-level numbered items otherwise (the count basis of SOURCE.md). */
export function countOf(doc: DocumentRecord, basis: Expected['basis']): number {
  if (basis === 'dieu') return doc.clauses.filter((c) => c.kind === 'dieu').length;
  const byId = new Map(doc.clauses.map((c) => [c.id, c]));
  return doc.roots.filter((r) => {
    const c = byId.get(r);
    return c && c.kind !== 'paragraph' && c.kind !== 'footnote';
  }).length;
}

export async function officeRows(dir: string, options: LoadOptions & { only?: (file: string) => boolean } = {}): Promise<OfficeRow[]> {
  const expected = loadExpected();
  const files = Object.keys(expected).filter((f) => !options.only || options.only(f));
  const rows: OfficeRow[] = [];
  for (const file of files) {
    const exp = expected[file]!;
    const abs = resolve(dir, file);
    const loaded = await loadInputs([abs], options);
    const input = loaded.inputs[0];
    const notes = loaded.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.ruleId}: ${d.reason}`);
    if (!input) {
      rows.push({ file, format: file.split('.').pop()!, indexed: false, notes, expected: exp, ok: { number: false, type: false, date: false, count: false } });
      continue;
    }
    const vfile = new VFile({ path: relative(process.cwd(), abs) });
    const doc = readInput(input, vfile)[0]!;
    const number = doc.number ?? doc.meta?.appendixOf;
    const count = countOf(doc, exp.basis);
    const date = doc.date ?? doc.meta?.datePartial;
    rows.push({
      file,
      format: input.format,
      ...(input.pages !== undefined ? { pages: input.pages } : {}),
      ...(input.ocr ? { ocr: { confidence: input.ocr.confidence, pages: input.ocr.pages.length } } : {}),
      indexed: true,
      notes,
      ...(number ? { number } : {}),
      type: doc.type,
      ...(date ? { date } : {}),
      count,
      expected: exp,
      ok: {
        number: (number ?? null) === (exp.number ?? exp.appendixOf ?? null),
        type: doc.type === exp.type,
        date: (date ?? null) === exp.date,
        count: exp.count === null || count === exp.count,
      },
    });
  }
  return rows;
}

const mark = (ok: boolean) => (ok ? '' : ' ✗');

export function officeTable(rows: OfficeRow[]): string {
  const lines = [
    '| file | read as | pages | number (expected) | type | date | count (basis) | notes |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const e = r.expected;
    const read = r.indexed ? `${r.format}${r.ocr ? `, OCR ${r.ocr.pages} p., conf. ${r.ocr.confidence}` : ''}` : `**not indexed** (${r.format})`;
    const num = `${r.number ?? '—'}${mark(r.ok.number)}${r.ok.number ? '' : ` (${e.number ?? e.appendixOf ?? 'none printed'})`}`;
    const type = `${r.type ?? '—'}${mark(r.ok.type)}${r.ok.type ? '' : ` (${e.type})`}`;
    const date = `${r.date ?? '—'}${mark(r.ok.date)}${r.ok.date ? '' : ` (${e.date ?? 'none printed'})`}`;
    const count = r.indexed ? `${r.count}${mark(r.ok.count)}${e.count === null ? ' (not checked)' : r.ok.count ? '' : ` (${e.count})`} ${e.basis === 'dieu' ? 'Điều' : 'top items'}` : '—';
    const notes = r.notes.map((n) => n.replace(/\|/g, '/').slice(0, 140)).slice(0, 2).join('; ');
    lines.push(`| \`${r.file}\` | ${read} | ${r.pages ?? '—'} | ${num} | ${type} | ${date} | ${count} | ${notes} |`);
  }
  const n = rows.length;
  const all = (k: keyof OfficeRow['ok']) => rows.filter((r) => r.ok[k]).length;
  lines.push('');
  lines.push(`${rows.filter((r) => r.indexed).length} of ${n} indexed; number ${all('number')}/${n}, type ${all('type')}/${n}, date ${all('date')}/${n}, count ${all('count')}/${n} as a reader sees them (✗ = differs, expected in brackets).`);
  return lines.join('\n');
}
