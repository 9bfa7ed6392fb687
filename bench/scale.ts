/**
 * `npm run bench:scale [-- --full] [-- --sizes 1,4]`: the VLC laws copied N times (1×, 4×, 10×;
 * 30× with --full; each copy renumbered so nothing merges, bench/lib/scale-corpus.ts), each
 * indexed by `tracuu index` and served by `tracuu serve --watch` as child processes — what an
 * admin runs. Per size: clauses, index build time and the indexer's peak RSS, start-up from
 * build/ (spawn to "serving"), the server's peak RSS, search p50/p99 over HTTP for 300 distinct
 * queries one at a time (none cached), and how long one added file takes to become searchable.
 * Prints the table and writes it into docs/BENCHMARKS.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { copyName, makeScaledCorpus, renumber } from './lib/scale-corpus.ts';
import { scaleQueries } from './lib/scale-queries.ts';
import { machine, writeSection } from './doc-section.ts';

const ROOT = resolve(import.meta.dirname, '..');
const VLC = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(ROOT, '../shared/corpus-external'), 'vlc/corpus');
if (!existsSync(VLC)) {
  console.error(`bench:scale needs the VLC corpus at ${VLC}`);
  process.exit(1);
}
const argv = process.argv.slice(2);
const sizesArg = argv.indexOf('--sizes');
const SIZES = sizesArg >= 0 ? argv[sizesArg + 1]!.split(',').map(Number) : argv.includes('--full') ? [1, 4, 10, 30] : [1, 4, 10];
const WORK = resolve(ROOT, '.tmp/scale');
const TRACUU = resolve(ROOT, 'bin/tracuu.js');
const MAX_RSS = resolve(ROOT, 'bench/lib/max-rss.mjs');
/** The law added while serving, and the number its new copy gets. */
const ADDED = 'luat-bao-chi.txt';

interface Row {
  n: number;
  clauses: number;
  buildS: number;
  buildRss: number;
  startS: number;
  serverRss: number;
  p50: number;
  p99: number;
  addedS: number | null;
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const procStatus = (pid: number, field: string) => {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
};

/** Runs `tracuu args…` to its end; resolves with wall seconds and peak RSS. */
async function runTracuu(args: string[]): Promise<{ seconds: number; maxRss: number }> {
  const rssFile = join(WORK, `.max-rss-${process.pid}`);
  const started = performance.now();
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, ['--import', MAX_RSS, TRACUU, ...args], { cwd: ROOT, env: { ...process.env, TRACUU_MAX_RSS_FILE: rssFile }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', done);
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`tracuu ${args.join(' ')} exited with ${code}`);
  return { seconds, maxRss: Number(await readFile(rssFile, 'utf8')) };
}

async function measure(n: number, queries: string[]): Promise<Row> {
  const dir = join(WORK, `${n}x`);
  const corpus = await makeScaledCorpus(VLC, dir, n);
  const out = join(WORK, `${n}x-build`);
  await rm(out, { recursive: true, force: true });
  console.error(`${n}×: indexing ${corpus} …`);
  const build = await runTracuu(['index', corpus, '--out', out, '--quiet']);
  const manifest = JSON.parse(await readFile(join(out, 'current', 'manifest.json'), 'utf8')) as { summary: { clauses: number } };

  console.error(`${n}×: serving …`);
  const started = performance.now();
  const server = spawn(process.execPath, [TRACUU, 'serve', corpus, '--out', out, '--port', '0', '--host', '127.0.0.1', '--watch', '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, TRACUU_RATE_LIMIT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ready, fail) => {
    server.stdout.on('data', (d) => {
      const m = /serving .* on (http:\/\/\S+)/.exec(String(d));
      if (m) ready(m[1]!.replace('localhost', '127.0.0.1'));
    });
    server.on('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  const startS = (performance.now() - started) / 1000;
  const search = async (q: string) => {
    const res = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&limit=10`);
    if (!res.ok) throw new Error(`${res.status} for ${q}`);
    return (await res.json()) as { hits: { docId: string; match: string }[] };
  };
  try {
    for (let i = 0; i < 5; i++) await search(`khởi động ${i}`);
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await search(q);
      times.push(performance.now() - t);
    }
    const serverRss = procStatus(server.pid!, 'VmHWM');

    // One new file: a further renumbered copy of one law, searched by its new number.
    console.error(`${n}×: adding one file …`);
    const added = join(corpus, copyName(ADDED, n + 1));
    const number = /(\d+\/\d{4}\/QH\d+)/.exec(renumber(readFileSync(join(VLC, ADDED), 'utf8'), n + 1))![1]!;
    const t0 = performance.now();
    await writeFile(added, renumber(readFileSync(join(VLC, ADDED), 'utf8'), n + 1));
    let addedS: number | null = null;
    while ((performance.now() - t0) / 1000 < 1800) {
      // A connection reset while the server swaps in the new build is retried (the server itself must stay up).
      const found = await search(number).catch((e: unknown) => {
        if (server.exitCode !== null) throw e;
        return { hits: [] };
      });
      if (found.hits.some((h) => h.match === 'number')) {
        addedS = (performance.now() - t0) / 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return { n, clauses: manifest.summary.clauses, buildS: build.seconds, buildRss: build.maxRss, startS, serverRss, p50: pct(times, 50), p99: pct(times, 99), addedS };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(join(corpus, copyName(ADDED, n + 1)), { force: true });
    await rm(out, { recursive: true, force: true });
  }
}

const queries = await scaleQueries(VLC);
await rm(WORK, { recursive: true, force: true }).catch(() => {});
const rows: Row[] = [];
const line = (r: Row) =>
  `| ${r.n}× | ${r.clauses.toLocaleString('en')} | ${r.buildS.toFixed(1)} s | ${gb(r.buildRss)} | ${r.startS.toFixed(2)} s | ${gb(r.serverRss)} | ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms | ${r.addedS === null ? 'not within 30 min' : `${r.addedS.toFixed(1)} s`} |`;
const head = ['| corpus | clauses | index build | indexing peak RSS | start-up from build/ | server peak RSS | search p50 / p99 over HTTP | one added file searchable |', '|---|---|---|---|---|---|---|---|'];
console.log(head.join('\n'));
for (const n of SIZES) {
  const r = await measure(n, queries);
  rows.push(r);
  console.log(line(r));
}
await copyFile(join(ROOT, 'docs/BENCHMARKS.md'), join(WORK, 'BENCHMARKS.md.bak')).catch(() => {});
writeSection(
  join(ROOT, 'docs/BENCHMARKS.md'),
  'bench:scale',
  [
    `Command: \`npm run bench:scale${sizesArg >= 0 ? ` -- --sizes ${SIZES.join(',')}` : SIZES.includes(30) ? ' -- --full' : ''}\` (${machine()}, ${new Date().toISOString().slice(0, 10)}; the machine is shared, 2 cores: figures are noisy). The VLC laws copied N times, each copy renumbered so nothing merges; \`tracuu index\` then \`tracuu serve --watch\` as child processes; ${queries.length} distinct queries (bench/lib/scale-queries.ts) one at a time over HTTP, none cached; one added file = a further renumbered copy of ${ADDED} written into the corpus folder while serving, timed until a search for its number finds it. RSS figures are peaks (the indexer's maxRSS, the server's VmHWM after the queries).`,
    '',
    ...head,
    ...rows.map(line),
  ].join('\n'),
);
