/**
 * `npm run bench:http [-- --soak 300 | --uncached | --no-db]`: the real server (a child process, VLC +
 * seeds loaded) on loopback.
 *
 *   uncached   first, one request at a time: 300 distinct queries (2–4 words cut from the laws,
 *              half without diacritics) that no cache can have seen, each after a /healthz (the
 *              floor: the same server, socket and JSON, no search); latency as the client
 *              sees it, and the server's own `tookMs`. `--uncached` runs only this.
 *   load       autocannon, 32 connections for 30 s over a mix of realistic requests: requests/s,
 *              latency, errors, non-2xx, the server's peak RSS; --soak N runs N seconds and
 *              reports memory after warm-up and at the end.
 *   db         then bench/http-db.ts: one instance on PostgreSQL alone, then two on one database
 *              (not with --soak or --no-db).
 *
 * Writes docs/BENCHMARKS.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { resolve } from 'node:path';
import { fold } from 'vietnamese-tokenizer';
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

/** 300 distinct queries: 2–4 consecutive words from the laws' lines (seeded), every other one folded. */
export function uncachedQueries(n = 300, seed = 11): string[] {
  let x = seed;
  const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const files = readdirSync(VLC).filter((f) => f.endsWith('.txt')).sort();
  const out = new Set<string>();
  while (out.size < n) {
    const text = readFileSync(resolve(VLC, files[Math.floor(rand() * files.length)]!), 'utf8');
    const lines = text.split('\n').filter((l) => l.split(' ').length >= 6);
    const words = lines[Math.floor(rand() * lines.length)]!.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
    const len = 2 + Math.floor(rand() * 3);
    const at = Math.floor(rand() * Math.max(1, words.length - len));
    let q = words.slice(at, at + len).join(' ').toLowerCase();
    if (q.split(' ').length < 2) continue;
    if (out.size % 2) q = fold(q);
    out.add(q);
  }
  return [...out];
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function get(path: string): Promise<{ ms: number; body: string }> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    request({ host: '127.0.0.1', port: PORT, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => (res.statusCode === 200 ? done({ ms: performance.now() - t0, body }) : fail(new Error(`${path}: ${res.statusCode}`))));
    })
      .on('error', fail)
      .end();
  });
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const f2 = (x: number) => x.toFixed(2);

// The cache-proof run, before any load (and before autocannon's mix fills the cache).
const queries = uncachedQueries();
for (let w = 0; w < 20; w++) await get('/healthz');
for (const q of ['khởi động một', 'khoi dong hai']) await get(`/api/search?q=${encodeURIComponent(q)}&limit=10&prefix=0`);
const floor: number[] = [];
const client: number[] = [];
const took: number[] = [];
const slow: [number, string][] = [];
for (const q of queries) {
  floor.push((await get('/healthz')).ms);
  const r = await get(`/api/search?q=${encodeURIComponent(q)}&limit=10&prefix=0`);
  client.push(r.ms);
  const t = (JSON.parse(r.body) as { tookMs: number }).tookMs;
  took.push(t);
  slow.push([t, q]);
}
slow.sort((a, b) => b[0] - a[0]);
const uncachedRow = `| ${queries.length} distinct, one at a time | ${f2(pct(floor, 50))} / ${f2(pct(floor, 99))} | **${f2(pct(client, 50))}** / **${f2(pct(client, 99))}** | ${f2(pct(client, 50) - pct(floor, 50))} | ${f2(pct(took, 50))} / ${f2(pct(took, 99))} / ${f2(Math.max(...took))} |`;
console.log(uncachedRow);
console.log('slowest (server tookMs):', slow.slice(0, 8).map(([t, q]) => `${q} ${f2(t)}`).join(' · '));
const uncachedOnly = process.argv.includes('--uncached');
const uncachedSection = [
  `Command: \`npm run bench:http\` (its first part; this part alone: \`npm run bench:http -- --uncached\`; ${machine()}, 2 cores shared with other work, ${new Date().toISOString().slice(0, 10)}, load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} at the start). The server as above; the client sends one request at a time on one keep-alive socket: a \`/healthz\` (the floor — the same server, socket and JSON, no search), then a search no cache has seen — ${queries.length} distinct queries of 2–4 consecutive words cut from the laws (seeded), every other one without diacritics, \`limit=10&prefix=0\`. Milliseconds.`,
  '',
  '| run | /healthz p50 / p99 | search p50 / p99 (client) | p50 above the floor | server tookMs p50 / p99 / max |',
  '|---|---|---|---|---|',
  uncachedRow,
  '',
  `Slowest by the server's own \`tookMs\`: ${slow.slice(0, 5).map(([t, q]) => `"${q}" ${f2(t)}`).join(', ')}.`,
].join('\n');
writeSection(resolve(ROOT, 'docs/BENCHMARKS.md'), 'bench:http-uncached', uncachedSection);
if (uncachedOnly) {
  server.kill('SIGTERM');
  process.exit(0);
}

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
// Then several instances on one PostgreSQL database (bench/http-db.ts), in the same run.
if (!soak && !process.argv.includes('--no-db')) {
  const { spawnSync } = await import('node:child_process');
  process.exit(spawnSync(process.execPath, [resolve(ROOT, 'bin/run.js'), resolve(ROOT, 'bench/http-db.ts')], { stdio: 'inherit' }).status ?? 1);
}
process.exit(0);
