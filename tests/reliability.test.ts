/**
 * Keeping an index for months: the real server on a free port, a file added to corpus/ is
 * indexed and swapped in while the old index keeps answering, a failed rebuild keeps the last
 * good index (and /healthz says why), and a killed index run never leaves build/ unloadable.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/seeds.ts';
import { wallLimit } from './helpers/timing.ts';
import { startServer, type Started } from '../indexer/commands/serve.ts';
import { currentDir, loadBuild } from '../indexer/store.ts';

const NEW_DOC = ['Kết luận số 230-KL/TW', 'Hà Nội, ngày 26 tháng 12 năm 2025', 'Tại phiên họp ngày 26/12/2025, Bộ Chính trị, Ban Bí thư kết luận như sau:', '1. Tiếp tục thực hiện Kết luận số 221-KL/TW về sắp xếp trạm khí tượng thủy văn cấp xã.'].join('\n');

describe('the real server, live reindexing', () => {
  let dir: string;
  let server: Started;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracuu-live-'));
    cpSync(resolve(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
    mkdirSync(join(dir, 'corpus'));
    server = await startServer({ paths: ['seeds', 'corpus'], cwd: dir, port: 0, quiet: true, log: () => {}, watch: true, rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = async (path: string) => (await fetch(server.url + path)).json() as Promise<any>;

  it('listens on a free port and answers /healthz and /api/search', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 'ok', state: 'ready', documents: 4 });
    expect((await get('/api/search?q=tram%20y%20te')).hits[0].id).toBe('221-kl-tw/4');
  });

  it('indexes a file added to corpus/ in the background and swaps it in', async () => {
    writeFileSync(join(dir, 'corpus', 'ket-luan-230.txt'), NEW_DOC);
    // While rebuilding, the old index answers.
    expect((await get('/api/search?q=tram%20y%20te')).total).toBeGreaterThan(0);
    await waitFor(async () => (await get('/healthz')).documents === 5, 30_000);
    const hits = (await get('/api/search?q=khi%20tuong%20thuy%20van')).hits;
    expect(hits[0].docId).toBe('230-kl-tw');
    expect((await get('/api/documents/221-kl-tw/cited-by')).references.map((r: any) => r.docId)).toContain('230-kl-tw');
  });

  it('a failed rebuild keeps the last good index serving and says why on /healthz', async () => {
    // A file where the indexer must write its build: the rebuild fails, whoever runs it.
    const build = join(dir, 'build');
    renameSync(build, build + '-moved');
    writeFileSync(build, 'not a directory');
    try {
      await server.live.idle();
      writeFileSync(join(dir, 'corpus', 'another.txt'), NEW_DOC.replace('230', '231'));
      await new Promise((r) => setTimeout(r, 600));
      await server.live.idle();
      const health = await get('/healthz');
      expect(health).toMatchObject({ status: 'degraded', state: 'failed', documents: 5 });
      expect(health.lastError).toMatch(/EEXIST|ENOTDIR|not a directory|exists/i);
      expect((await get('/api/search?q=tram%20y%20te')).hits[0].id).toBe('221-kl-tw/4');
    } finally {
      rmSync(build);
      renameSync(build + '-moved', build);
    }
    await server.live.rebuild();
    await server.live.idle();
    expect(await get('/healthz')).toMatchObject({ status: 'ok', state: 'ready', documents: 6 });
  });
});

describe('adding and removing documents over HTTP, for real', () => {
  let dir: string;
  let server: Started;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracuu-admin-'));
    cpSync(resolve(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
    mkdirSync(join(dir, 'corpus'));
    // Waits for its rebuild as long as the machine needs (else the truthful answer is 202 + a job: tests/admin-writes.test.ts).
    server = await startServer({ paths: ['seeds', 'corpus'], cwd: dir, port: 0, quiet: true, log: () => {}, adminToken: 'tok', rateLimitPerMinute: 0, adminWaitMs: wallLimit(60_000) });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const call = (method: string, path: string, body?: unknown) =>
    fetch(server.url + path, { method, headers: { authorization: 'Bearer tok', 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });

  it('POST stores the file under corpus/ and indexes it; DELETE removes it', async () => {
    const added = await call('POST', '/api/documents', { name: 'ket-luan-230.txt', content: NEW_DOC });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ path: 'corpus/ket-luan-230.txt', documentIds: ['230-kl-tw'] });
    expect(existsSync(join(dir, 'corpus', 'ket-luan-230.txt'))).toBe(true);
    const found = (await (await fetch(server.url + '/api/search?q=khi%20tuong%20thuy%20van')).json()) as any;
    expect(found.hits[0].docId).toBe('230-kl-tw');
    expect((await call('DELETE', '/api/documents/230-kl-tw')).status).toBe(204);
    expect(existsSync(join(dir, 'corpus', 'ket-luan-230.txt'))).toBe(false);
    expect((await fetch(server.url + '/api/documents/230-kl-tw')).status).toBe(404);
    // Seeds are not under corpus/: they cannot be removed over HTTP.
    expect((await call('DELETE', '/api/documents/221-kl-tw')).status).toBe(404);
  });

  it('refuses names that would leave corpus/, and keeps nothing of them', async () => {
    for (const name of ['../escape.txt', '..\\escape.txt', '/etc/passwd.txt', 'sub/dir.txt']) {
      expect((await call('POST', '/api/documents', { name, content: 'x' })).status).toBe(400);
    }
    expect(existsSync(join(dir, 'escape.txt'))).toBe(false);
  });
});

describe('killing an index run at any moment', () => {
  it('never leaves a build/ that fails to load (SIGKILL at random points)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracuu-kill-'));
    cpSync(resolve(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
    try {
      const index = (extra: string[] = []) => {
        const child = spawn(process.execPath, [resolve(ROOT, 'bin/tracuu.js'), 'index', 'seeds', '--out', 'build', '--quiet', ...extra], { cwd: dir, stdio: 'ignore' });
        return { child, closed: new Promise((r) => child.on('close', r)) };
      };
      await index().closed;
      const good = await currentDir(join(dir, 'build'));
      expect(good).not.toBeNull();
      for (const delay of [30, 120, 250, 400, 600, 900]) {
        const { child, closed } = index(['--force']);
        await new Promise((r) => setTimeout(r, delay));
        child.kill('SIGKILL');
        await closed;
        const cur = await currentDir(join(dir, 'build'));
        expect(cur, `after a kill at ${delay} ms`).not.toBeNull();
        const { corpus } = await loadBuild(cur!);
        expect(corpus.documents.size).toBe(4);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Waits for `check`; `ms` is for a machine that is not oversubscribed (stretched by the load: a stall detector, not a speed test). */
async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + wallLimit(ms);
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}
