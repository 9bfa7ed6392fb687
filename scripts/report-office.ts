/**
 * `npm run report:office`: the office table (number, type, date, count of articles or
 * top-level items of each file in ../shared/corpus-external/office, against what a reader
 * sees) written into docs/indexer.md. OCR results are cached in build/cache.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { officeRows, officeTable } from '../indexer/office-report.ts';
import { writeSection } from '../bench/doc-section.ts';

const ROOT = resolve(import.meta.dirname, '..');
const EXTERNAL = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(ROOT, '../shared/corpus-external'));
const dir = resolve(EXTERNAL, 'office');
if (!existsSync(dir)) {
  console.error(`report:office needs ${dir} (set TRACUU_EXTERNAL_DIR)`);
  process.exit(1);
}
const t0 = performance.now();
// REPORT_OCR_PAGES=N reads at most N pages of a scan (the 87-page scan takes ~40 min of OCR on a
// loaded machine); limited rows say "ocr-limited" and their counts are then short, marked ✗.
const ocrPageLimit = Number(process.env.REPORT_OCR_PAGES) || undefined;
const rows = await officeRows(dir, { cwd: ROOT, cacheDir: resolve(ROOT, 'build/cache'), ...(ocrPageLimit ? { ocrPageLimit } : {}) });
const table = officeTable(rows);
console.log(table);
const secs = ((performance.now() - t0) / 1000).toFixed(0);
writeSection(resolve(ROOT, 'docs/indexer.md'), 'office-table', `Command: \`${ocrPageLimit ? `REPORT_OCR_PAGES=${ocrPageLimit} ` : ''}npm run report:office\` (${new Date().toISOString().slice(0, 10)}, ${secs} s with the OCR cache in build/cache as it was). Expected values: \`tests/fixtures/office-expected.json\` (read from the files; see its note).\n\n${table}`);
