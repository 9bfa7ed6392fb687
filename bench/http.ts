/**
 * `npm run bench:http [-- --soak 300]`: the real server (a child process, VLC + seeds loaded)
 * under autocannon on loopback: 32 connections for 30 s over a mix of realistic requests.
 * Prints requests/s, latency, errors, non-2xx, and the server's peak RSS; --soak N runs N
 * seconds and reports memory after warm-up and at the end. Writes docs/BENCHMARKS.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { QUERIES } from './queries.ts';
import { writeSection, machine } from './doc-section.ts';

const ROOT = resolve(import.meta.dirname, '..');
const VLC = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(ROOT, '../shared/corpus-external'), 'vlc/corpus');
if (!existsSync(VLC)) {
  console.error(`bench:http needs the VLC corpus at ${VLC}`);
  process.exit(1);
}
const soakIdx = process.argv.indexOf('--soak');
const soak = soakIdx > 0 ? Number(process.argv[soakIdx + 1] ?? 300) : 0;
const duration = soak || 30;
const PORT = 3717;

const server = spawn(process.execPath, [resolve(ROOT, 'bin/tracuu.js'), 'serve', resolve(ROOT, 'seeds'), VLC, '--port', String(PORT), '--host', '127.0.0.1', '--out', '.tmp/bench-http-build', '--quiet'], {
  cwd: ROOT,
  env: { ...process.env, TRACUU_RATE_LIMIT: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((ready, fail) => {
  server.stdout.on('data', (d) => String(d).includes('serving') && ready());
  server.on('exit', (code) => fail(new Error(`server exited ${code}`)));
});
const rss = () => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};
let peak = 0;
const samples: [number, number][] = [];
const started = Date.now();
const sampler = setInterval(() => {
  const m = rss();
  peak = Math.max(peak, m);
  samples.push([(Date.now() - started) / 1000, m]);
}, 1000);

// The mix: mostly search (as typed, with and without diacritics), then documents, clauses, graph, suggest.
const paths: string[] = [];
for (const q of QUERIES) paths.push(`/api/search?q=${encodeURIComponent(q)}&limit=10`);
for (const q of ['quyen su', 'hop dong lao', 'chinh q', 'tram y', 'Luật 45']) paths.push(`/api/suggest?q=${encodeURIComponent(q)}`);
paths.push('/api/documents/221-kl-tw', '/api/documents/bo-luat-91-2015-qh13', '/api/clauses/bo-luat-91-2015-qh13/dieu-2/khoan-2', '/api/graph?root=221-kl-tw&depth=2', '/healthz', '/api/search?q=kl%20195');
let i = 0;
const result = await autocannon({
  url: `http://127.0.0.1:${PORT}`,
  connections: 32,
  duration,
  requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
});
clearInterval(sampler);
server.kill('SIGTERM');

const non2xx = result.non2xx;
const afterWarmup = samples.find(([t]) => t >= 30)?.[1] ?? samples[0]?.[1] ?? 0;
const end = samples.at(-1)?.[1] ?? 0;
const row = `| ${soak ? `soak ${duration} s` : `${duration} s`} | 32 | **${Math.round(result.requests.average).toLocaleString('en')}** | ${result.latency.p50} | **${result.latency.p99}** | ${result.errors} | ${non2xx} | ${peak.toFixed(0)} MiB |${soak ? ` ${afterWarmup.toFixed(0)} → ${end.toFixed(0)} MiB (${(((end - afterWarmup) / afterWarmup) * 100).toFixed(1)}%) |` : ' — |'}`;
console.log(row);
const doc = resolve(ROOT, 'docs/BENCHMARKS.md');
const previous = readFileSync(doc, 'utf8');
const rows = [...(previous.match(/^\| (?:soak )?\d+ s \|.*$/gm) ?? []).filter((r) => (soak ? !r.startsWith('| soak') : r.startsWith('| soak'))), row];
writeSection(
  doc,
  'bench:http',
  [
    `Command: \`npm run bench:http\` (30 s) and \`npm run bench:http -- --soak 300\` (${machine()}, 2 cores shared by server and load generator, ${new Date().toISOString().slice(0, 10)}). The server runs as its own process (\`tracuu serve seeds vlc\`, rate limit off); autocannon drives ${paths.length} request paths round-robin: ${QUERIES.length} searches, 5 suggestions, documents, a clause, a graph, health.`,
    '',
    '| run | connections | req/s | p50 ms | p99 ms | errors | non-2xx | server peak RSS | RSS after warm-up → end |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
process.exit(0);
