/**
 * The PostgreSQL part of `npm run bench:http`: one database (a private cluster, as the tests
 * start one) holding seeds + the VLC laws; one `tracuu serve --db` instance alone, then two
 * instances on the same database, each under the same autocannon load (the two runs at once,
 * as two load-balanced backends would see it). Also checks that both instances give the same
 * answers. Writes the `bench:http-db` section of docs/BENCHMARKS.md.
 *
 * On one 2-core machine the two instances and the load generator share the same cores, so the
 * sum cannot double here; the figure that carries over is per-instance throughput with its own
 * cores, and that both answer alike.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { QUERIES } from './queries.ts';
import { machine, writeSection } from './doc-section.ts';
import { hasPostgres, startCluster } from '../tests/helpers/postgres.ts';

const ROOT = resolve(import.meta.dirname, '..');
const VLC = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(ROOT, '../shared/corpus-external'), 'vlc/corpus');
if (!existsSync(VLC) || !hasPostgres) {
  console.error(`bench:http (database part) needs the VLC corpus at ${VLC} and PostgreSQL 15 binaries (apt-get install postgresql-15)`);
  process.exit(1);
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 16;
const work = mkdtempSync(join(tmpdir(), 'tracuu-bench-db-'));
const cluster = await startCluster();
const tracuu = (args: string[]) => execFileSync(process.execPath, [resolve(ROOT, 'bin/tracuu.js'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
tracuu(['db', 'migrate', '--db', cluster.url]);
console.log(tracuu(['db', 'import', resolve(ROOT, 'seeds'), VLC, '--db', cluster.url, '--out', join(work, 'import'), '--quiet']).trim());

const servers: ChildProcess[] = [];
async function instance(name: string, port: number): Promise<string> {
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/tracuu.js'), 'serve', '--db', cluster.url, '--port', String(port), '--host', '127.0.0.1', '--out', join(work, name), '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, TRACUU_RATE_LIMIT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.push(child);
  await new Promise<void>((ready, fail) => {
    child.stdout!.on('data', (d) => String(d).includes('serving') && ready());
    child.on('exit', (code) => fail(new Error(`instance ${name} exited ${code}`)));
  });
  return `http://127.0.0.1:${port}`;
}

const paths = QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=10`);
const load = (url: string) => {
  let i = 0;
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }] });
};

try {
  const a = await instance('a', 3721);
  const alone = await load(a);
  const b = await instance('b', 3722);
  // Same answers from both: every query's hit ids, in order.
  let same = 0;
  for (const p of paths) {
    const [x, y] = await Promise.all([a, b].map(async (u) => JSON.stringify(((await (await fetch(u + p)).json()) as { hits: { id: string }[] }).hits.map((h) => h.id))));
    if (x === y) same++;
  }
  const [ra, rb] = await Promise.all([load(a), load(b)]);
  const total = ra.requests.average + rb.requests.average;
  const rows = [
    `| one instance | ${CONNECTIONS} | **${Math.round(alone.requests.average).toLocaleString('en')}** | ${alone.latency.p50} | ${alone.latency.p99} | ${alone.errors + alone.non2xx} |`,
    `| two instances, one database (sum; a / b) | ${CONNECTIONS} + ${CONNECTIONS} | **${Math.round(total).toLocaleString('en')}** (${Math.round(ra.requests.average).toLocaleString('en')} / ${Math.round(rb.requests.average).toLocaleString('en')}) | ${ra.latency.p50} / ${rb.latency.p50} | ${ra.latency.p99} / ${rb.latency.p99} | ${ra.errors + ra.non2xx + rb.errors + rb.non2xx} |`,
  ];
  console.log(rows.join('\n'));
  console.log(`same answers from both instances: ${same}/${paths.length} queries`);
  writeSection(
    resolve(ROOT, 'docs/BENCHMARKS.md'),
    'bench:http-db',
    [
      `Command: \`npm run bench:http\` (its second part, bench/http-db.ts; ${machine()}, 2 cores, ${new Date().toISOString().slice(0, 10)}). A private PostgreSQL 15 cluster holds seeds + the VLC laws (\`tracuu db import\`); \`tracuu serve --db\` instances (child processes, rate limit off) each build their own index from it. Load: autocannon, ${CONNECTIONS} connections per instance for ${SECONDS} s over ${paths.length} searches round-robin; with two instances, both loads run at once.`,
      '',
      '| setup | connections | req/s | p50 ms | p99 ms | errors + non-2xx |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      `Same answers from both instances (hit ids in order): **${same}/${paths.length}** queries. On this one 2-core machine the two instances and the load generator share the same two cores, so the sum cannot be twice one instance's; what carries over to a deployment with a machine per instance is that each instance serves from its own memory with no database round-trip per query (the database is read only when the sources change).`,
    ].join('\n'),
  );
} finally {
  for (const s of servers) s.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  cluster.destroy();
  rmSync(work, { recursive: true, force: true });
}
process.exit(0);
