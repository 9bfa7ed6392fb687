/**
 * `npm run bench:index`: end-to-end indexing throughput on the external corpus (VLC laws and
 * Bộ pháp điển), per phase, with peak memory. Writes the table into docs/BENCHMARKS.md.
 */
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
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

let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const rows: string[] = [];
for (const [name, dir] of [...SETS, ['both together', '']] as [string, string][]) {
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
console.log(table);
writeSection(resolve(import.meta.dirname, '../docs/BENCHMARKS.md'), 'bench:index', table);
