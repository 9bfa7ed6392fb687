/**
 * Issue 14, point 1: a damaged build/ is detected when it is opened and rebuilt from the sources
 * — never served as if whole. Through the real server (startServer: sockets, child indexer).
 *
 * Each case copies a good build, damages one file the way a disk, a copy or a person would, and
 * starts the server on it: the answers must be the good build's, and /healthz must say what was
 * found and done.
 */
import { cpSync, readdirSync, readFileSync, readlinkSync, lstatSync, rmSync, writeFileSync, truncateSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../../indexer/store.ts';
import { cleanup, serveProject, tempProject, tracuu } from '../helpers/server.ts';

const QUERY = '/api/search?q=chinh%20quyen%20dia%20phuong&limit=20';
const CLAUSE = '/api/clauses/221-kl-tw/4';

let template: string;
let good: { total: number; ids: string[]; clause: string };

beforeAll(async () => {
  template = tempProject('damage-template');
  await ensureBuild({ paths: ['seeds', 'corpus'], cwd: template, out: 'build' });
  const s = await serveProject(template);
  try {
    const r = (await (await fetch(s.url + QUERY)).json()) as any;
    const c = (await (await fetch(s.url + CLAUSE)).json()) as any;
    good = { total: r.total, ids: r.hits.map((h: any) => h.id), clause: c.clause.text };
  } finally {
    await s.close();
  }
  expect(good.total).toBeGreaterThan(5);
  expect(good.clause).toContain('các trạm y tế cấp xã');
}, 120_000);
afterAll(() => cleanup(template));

/** A copy of the template project, its build/current symlink kept as a link. */
function copyProject(): { dir: string; build: string } {
  const dir = `${template}-${Math.random().toString(36).slice(2, 8)}`;
  cpSync(template, dir, { recursive: true, verbatimSymlinks: true });
  return { dir, build: join(dir, 'build', readlinkSync(join(dir, 'build', 'current'))) };
}

/** Deterministic "random" bytes (a damaged sector is not chosen by the test). */
function noise(seed: number, n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

const damages: [string, string, (file: string) => void][] = [
  ['search.bin cut to half its length', 'search.bin', (f) => truncateSync(f, Math.floor(statSync(f).size / 2))],
  [
    'search.bin with a zeroed tail',
    'search.bin',
    (f) => {
      const b = readFileSync(f);
      b.fill(0, Math.floor(b.length * 0.6));
      writeFileSync(f, b);
    },
  ],
  [
    'text edited inside corpus.json (still valid JSON)',
    'corpus.json',
    (f) => {
      const s = readFileSync(f, 'utf8');
      expect(s).toContain('các trạm y tế cấp xã');
      writeFileSync(f, s.replaceAll('các trạm y tế cấp xã', 'các trạm y tế cấp xx'));
    },
  ],
  ['manifest.json removed', 'manifest.json', (f) => rmSync(f)],
];

describe('a damaged build is detected on open and rebuilt from the sources', () => {
  it.each(damages)('%s', async (_name, file, damage) => {
    const { dir, build } = copyProject();
    damage(join(build, file));
    const s = await serveProject(dir);
    try {
      expect(s.logs.join('\n')).not.toMatch(/index reused/);
      const r = (await (await fetch(s.url + QUERY)).json()) as any;
      expect(r.total).toBe(good.total);
      expect(r.hits.map((h: any) => h.id)).toEqual(good.ids);
      const c = (await (await fetch(s.url + CLAUSE)).json()) as any;
      expect(c.clause.text).toBe(good.clause);
      const health = (await (await fetch(s.url + '/healthz')).json()) as any;
      expect(health).toMatchObject({ status: 'ok', state: 'ready' });
      // What was found and done is said, not hidden.
      expect(health.integrity).toEqual([expect.objectContaining({ file: expect.stringContaining(file), action: 'rebuilt' })]);
    } finally {
      await s.close();
      cleanup(dir);
    }
  });

  it('random bytes in the postings: the damage is found before any query runs, no request stalls', async () => {
    const { dir, build } = copyProject();
    const f = join(build, 'search.bin');
    const b = readFileSync(f);
    noise(14, 4096).copy(b, Math.floor(b.length * 0.7));
    writeFileSync(f, b);
    // The server runs in its own process here: on a CPU-pinning index a stalled server must not
    // stall the test. (The old code stalled every request for 20 s and more; 10 s is a stall detector.)
    const child = tracuu(['serve', 'seeds', 'corpus', '--port', '0', '--quiet'], dir);
    try {
      const url = await new Promise<string>((ok, fail) => {
        const t = setTimeout(() => fail(new Error('server did not start')), 60_000);
        const poll = setInterval(() => {
          const m = /on (http:\/\/localhost:\d+)/.exec(child.output());
          if (m) {
            clearTimeout(t);
            clearInterval(poll);
            ok(m[1]!);
          }
        }, 100);
      });
      for (const q of ['chinh quyen dia phuong', 'tram y te', 'Đảng ủy', 'bộ máy', 'kết luận', 'cấp xã', 'ngân sách', 'cán bộ']) {
        const r = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`, { signal: AbortSignal.timeout(10_000) });
        expect(r.status, q).toBe(200);
      }
      const r = (await (await fetch(url + QUERY, { signal: AbortSignal.timeout(10_000) })).json()) as any;
      expect(r.total).toBe(good.total);
      const health = (await (await fetch(url + '/healthz', { signal: AbortSignal.timeout(10_000) })).json()) as any;
      expect(health.integrity).toEqual([expect.objectContaining({ file: expect.stringContaining('search.bin'), action: 'rebuilt' })]);
    } finally {
      process.kill(child.pid, 'SIGKILL');
      await child.done;
      cleanup(dir);
    }
  });
});

describe('build/current that is not a link', () => {
  it('is repaired: the server starts, current is a link again, no folder is left behind, the next start reuses', async () => {
    const { dir } = copyProject();
    const out = join(dir, 'build');
    const target = readlinkSync(join(out, 'current'));
    // A copy that followed the link: current is now a real folder.
    rmSync(join(out, 'current'));
    cpSync(join(out, target), join(out, 'current'), { recursive: true });
    try {
      for (let round = 0; round < 2; round++) {
        const s = await serveProject(dir);
        try {
          expect(((await (await fetch(s.url + QUERY)).json()) as any).total).toBe(good.total);
          if (round === 1) expect(s.logs.join('\n')).toMatch(/index reused/);
        } finally {
          await s.close();
        }
        expect(lstatSync(join(out, 'current')).isSymbolicLink()).toBe(true);
        expect(readdirSync(out).filter((e) => e.startsWith('v-') || e.startsWith('.tmp-') || e.startsWith('.broken'))).toHaveLength(1);
      }
    } finally {
      cleanup(dir);
    }
  });
});
