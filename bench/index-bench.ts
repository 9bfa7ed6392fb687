/**
 * `npm run bench:index`: end-to-end indexing throughput on the external corpus (VLC laws and
 * Bộ pháp điển), per phase, with peak memory. Writes the table into docs/BENCHMARKS.md.
 */
import { resolve } from 'node:path';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { loadInputs } from '../indexer/inputs.ts';
import { buildCorpus } from '../src/corpus.ts';
import { writeSection, machine } from './doc-section.ts';

const EXTERNAL = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(import.meta.dirname, '../../shared/corpus-external'));
const SETS: [string, string][] = [
  ['VLC (109 laws)', 'vlc/corpus'],
  ['Bộ pháp điển (47 đề mục)', 'phapdien/demuc'],
];

if (!existsSync(EXTERNAL)) {
  console.error(`bench:index needs the external corpus at ${EXTERNAL} (set TRACUU_EXTERNAL_DIR)`);
  process.exit(1);
}

// BENCH_INDEX_ONLY=formats: only the per-format table (office files), not the VLC/pháp điển phases.
const ONLY = process.env.BENCH_INDEX_ONLY;

let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const rows: string[] = [];
for (const [name, dir] of (ONLY === 'formats' ? [] : [...SETS, ['both together', '']]) as [string, string][]) {
  const paths = dir ? [resolve(EXTERNAL, dir)] : SETS.map(([, d]) => resolve(EXTERNAL, d));
  const t0 = performance.now();
  const loaded = await loadInputs(paths);
  const t1 = performance.now();
  const phases = new Map<string, number>();
  let last = performance.now();
  let lastPhase = 'read';
  const { artifact } = buildCorpus(loaded.inputs, {
    contentHash: 'bench',
    onProgress: (p) => {
      if (p.phase !== lastPhase) {
        const now = performance.now();
        phases.set(lastPhase, (phases.get(lastPhase) ?? 0) + now - last);
        last = now;
        lastPhase = p.phase;
      }
    },
  });
  const t2 = performance.now();
  phases.set(lastPhase, (phases.get(lastPhase) ?? 0) + t2 - last);
  const mb = loaded.inputs.reduce((n, i) => n + i.bytes, 0) / 1e6;
  const clauses = artifact.documents.reduce((n, d) => n + d.clauses.length, 0);
  const secs = (t2 - t0) / 1000;
  const ph = ['read', 'references', 'graph', 'search'].map((p) => `${((phases.get(p) ?? 0) / 1000).toFixed(2)}`).join(' / ');
  rows.push(
    `| ${name} | ${loaded.inputs.length} | ${mb.toFixed(1)} | ${clauses.toLocaleString('en')} | ${artifact.references.length.toLocaleString('en')} | ${((t1 - t0) / 1000).toFixed(2)} | ${ph} | ${secs.toFixed(2)} | **${(mb / secs).toFixed(1)}** | ${Math.round(clauses / secs).toLocaleString('en')} | ${(peakRss / 2 ** 20).toFixed(0)} |`,
  );
  console.error(rows.at(-1));
}
clearInterval(sample);
const table = [
  `Command: \`npm run bench:index\` (${machine()}, ${new Date().toISOString().slice(0, 10)}). End to end: read files and decode, then clean + segment, references + resolve, graph, search index (the four phases, seconds).`,
  '',
  '| corpus | files | MB | clauses | references | load s | read / refs / graph / search s | total s | MB/s | clauses/s | peak RSS MiB |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
if (ONLY !== 'formats') {
  console.log(table);
  writeSection(resolve(import.meta.dirname, '../docs/BENCHMARKS.md'), 'bench:index', table);
}

/**
 * Per format: each office file read on its own through the indexer's reader (sniff → extract →
 * decode), without the extraction cache, timed in wall and CPU seconds. CPU counts this process
 * and the OCR children (tesseract, pdftoppm) it waited for (/proc/self/stat), so the figure means
 * something on a shared, loaded machine where wall time does not.
 */
const OFFICE = resolve(EXTERNAL, 'office');
const OCR_PAGES = Number(process.env.BENCH_OCR_PAGES ?? 10);
function cpuSeconds(): number {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // utime stime cutime cstime are fields 14–17 (11–14 after the command name), in clock ticks (100/s).
  return [11, 12, 13, 14].reduce((n, i) => n + Number(f[i]), 0) / 100;
}
if (existsSync(OFFICE)) {
  const groups: [string, string][] = [
    ['.docx', 'docx'],
    ['.doc (Word 97–2003)', 'doc'],
    ['.pdf with a text layer', 'pdf'],
    ['.pdf scanned (OCR)', 'pdf-scanned'],
  ];
  const out: string[] = [];
  for (const [label, sub] of groups) {
    const files = readdirSync(resolve(OFFICE, sub)).map((f) => resolve(OFFICE, sub, f));
    let bytes = 0;
    let ocrPages = 0;
    let read = 0;
    const c0 = cpuSeconds();
    const t0 = performance.now();
    for (const f of files) {
      const loaded = await loadInputs([f], { ocrPageLimit: OCR_PAGES });
      bytes += statSync(f).size;
      for (const i of loaded.inputs) {
        read++;
        ocrPages += i.ocr?.pages.length ?? 0;
      }
    }
    const wall = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds() - c0;
    const mb = bytes / 1e6;
    out.push(`| ${label} | ${files.length} (${read} read) | ${mb.toFixed(1)} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} | ${(files.length / cpu).toFixed(2)} | ${(mb / cpu).toFixed(2)} | ${ocrPages ? `${ocrPages} | ${(ocrPages / cpu).toFixed(2)}` : '— | —'} |`);
    console.error(out.at(-1));
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const formats = [
    `Command: \`BENCH_INDEX_ONLY=formats npm run bench:index\` (${machine()}, ${new Date().toISOString().slice(0, 10)}; load average ${load} on ${cpus().length} cores — the machine is shared, so wall time is not the measure: rates are per **CPU second**, this process plus the OCR children it waited for). Files of ../shared/corpus-external/office, each read alone (sniff → extract → text), no cache; scans read by Tesseract up to ${OCR_PAGES} pages each (BENCH_OCR_PAGES). The first row also pays loading the readers (JIT, modules); the .pdf row includes the garbled-font PDF, whose 8 pages are read by OCR. Text files (.txt/.md/.html) are in the table above (VLC, pháp điển).`,
    '',
    '| format | files | MB | wall s | CPU s | files / CPU s | MB / CPU s | OCR pages | OCR pages / CPU s |',
    '|---|---|---|---|---|---|---|---|---|',
    ...out,
  ].join('\n');
  console.log(formats);
  writeSection(resolve(import.meta.dirname, '../docs/BENCHMARKS.md'), 'bench:index-formats', formats);
}
