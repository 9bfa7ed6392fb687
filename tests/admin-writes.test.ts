/**
 * Issue 14, points 2 and 3, through the real server (startServer: sockets, child indexer,
 * files store): admin writes mean what they say. Creating a name that exists is 409 with the
 * existing document; replacing is explicit (PUT, or If-Match with the source's ETag);
 * concurrent writes to one name serialise; 201/204 only once the served index reflects the
 * write, else 202 with a job to poll.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, cleanup, serveProject, tempProject, type TestServer } from './helpers/server.ts';
import { wallLimit } from './helpers/timing.ts';

const doc = (n: number, extra = '') =>
  [`Kết luận số ${n}-KL/TW`, 'Hà Nội, ngày 26 tháng 12 năm 2025', 'Tại phiên họp ngày 26/12/2025, Bộ Chính trị, Ban Bí thư kết luận như sau:', `1. Tiếp tục thực hiện Kết luận số 221-KL/TW về sắp xếp trạm khí tượng thủy văn cấp xã.${extra}`].join('\n');

function client(t: () => TestServer) {
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(t().url + path, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, ...(body !== undefined && typeof body !== 'string' && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body) } : {}),
    });
  const json = async (r: Response) => ({ status: r.status, headers: r.headers, body: (await r.json()) as any });
  /** Polls a job until it is no longer pending (a stall detector stretched by the load). */
  const settle = async (location: string) => {
    const until = Date.now() + wallLimit(60_000);
    for (;;) {
      const j = await json(await call('GET', location));
      if (j.body.state !== 'pending' || Date.now() > until) return j.body;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  return { call, json, settle };
}

describe('admin writes: create, conflict, explicit replace, one name at a time (real server)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await serveProject(tempProject('admin-writes'), { adminToken: ADMIN, adminWaitMs: wallLimit(60_000) });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (t) cleanup(t.dir);
  });
  const { call, json } = client(() => t);

  it('POST of a name that exists is 409 with the existing document and ETag, and changes nothing', async () => {
    const first = await json(await call('POST', '/api/documents', { name: 'ket-luan-230.txt', content: doc(230) }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ path: 'corpus/ket-luan-230.txt', documentIds: ['230-kl-tw'], created: true });
    const again = await json(await call('POST', '/api/documents', { name: 'ket-luan-230.txt', content: doc(231) }));
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);
    expect(again.body).toMatchObject({ status: 409, param: 'name', existing: { name: 'ket-luan-230.txt', documentIds: ['230-kl-tw'], etag: first.body.etag } });
    expect(readFileSync(join(t.dir, 'corpus', 'ket-luan-230.txt'), 'utf8')).toBe(doc(230));
    expect((await fetch(`${t.url}/api/documents/230-kl-tw`)).status).toBe(200);
    expect((await fetch(`${t.url}/api/documents/231-kl-tw`)).status).toBe(404);
  }, 120_000);

  it('GET of the source gives its ETag; If-Match replaces that version only (412 when stale); PUT replaces', async () => {
    const src = await call('GET', '/api/documents/sources/ket-luan-230.txt');
    expect(src.status).toBe(200);
    const etag = src.headers.get('etag')!;
    expect(etag).toMatch(/^"sha256-[0-9a-f]{64}"$/);
    expect(await src.text()).toBe(doc(230));
    expect((await call('HEAD', '/api/documents/sources/ket-luan-230.txt')).headers.get('etag')).toBe(etag);
    const stale = await json(await call('POST', '/api/documents', { name: 'ket-luan-230.txt', content: doc(232) }, { 'if-match': '"sha256-stale"' }));
    expect(stale.status).toBe(412);
    expect(stale.body.existing.etag).toBe(etag);
    const replaced = await json(await call('POST', '/api/documents', { name: 'ket-luan-230.txt', content: doc(232) }, { 'if-match': etag }));
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ documentIds: ['232-kl-tw'], created: false });
    expect((await fetch(`${t.url}/api/documents/230-kl-tw`)).status).toBe(404);
    const put = await call('PUT', '/api/documents/sources/ket-luan-230.txt', doc(233), { 'content-type': 'text/plain; charset=utf-8' });
    expect(put.status).toBe(201);
    expect(((await put.json()) as any).documentIds).toEqual(['233-kl-tw']);
    // If-None-Match: * creates only.
    expect((await call('PUT', '/api/documents/sources/ket-luan-230.txt', doc(234), { 'content-type': 'text/plain', 'if-none-match': '*' })).status).toBe(409);
  }, 180_000);

  it('two concurrent POSTs of one name: one is stored (201/202), the other is 409', async () => {
    const rs = await Promise.all([call('POST', '/api/documents', { name: 'cung-ten.txt', content: doc(240, ' A') }), call('POST', '/api/documents', { name: 'cung-ten.txt', content: doc(241, ' B') })]);
    const codes = rs.map((r) => r.status).sort();
    expect(codes[1]).toBe(409);
    expect([201, 202]).toContain(codes[0]);
    const winner = rs.findIndex((r) => r.status !== 409);
    expect(readFileSync(join(t.dir, 'corpus', 'cung-ten.txt'), 'utf8')).toBe(doc(240 + winner, winner ? ' B' : ' A'));
  }, 180_000);
});

describe('answers say what is true: 201/204 only once served, else 202 + job (real server)', () => {
  let t: TestServer;
  beforeAll(async () => {
    // adminWaitMs 0: every write answers before its rebuild has served.
    t = await serveProject(tempProject('admin-jobs'), { adminToken: ADMIN, adminWaitMs: 0 });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (t) cleanup(t.dir);
  });
  const { call, json, settle } = client(() => t);

  it('POST answers 202 with Location /api/jobs/:id while not searchable; the job reports done with the document ids', async () => {
    const r = await json(await call('POST', '/api/documents', { name: 'ket-luan-230.txt', content: doc(230) }));
    expect(r.status).toBe(202);
    const location = r.headers.get('location')!;
    expect(location).toMatch(/^\/api\/jobs\/[\w-]+$/);
    expect(r.body.job).toMatchObject({ kind: 'put', name: 'ket-luan-230.txt', state: 'pending' });
    const job = await settle(location);
    expect(job).toMatchObject({ state: 'done', documentIds: ['230-kl-tw'] });
    // Done means served.
    expect((await fetch(`${t.url}/api/documents/230-kl-tw`)).status).toBe(200);
  }, 120_000);

  it('DELETE answers 202 while the document is still served; the job reports done and then it is gone', async () => {
    const r = await call('DELETE', '/api/documents/230-kl-tw');
    expect(r.status).toBe(202);
    expect(existsSync(join(t.dir, 'corpus', 'ket-luan-230.txt'))).toBe(false);
    const job = await settle(r.headers.get('location')!);
    expect(job).toMatchObject({ kind: 'remove', state: 'done' });
    expect((await fetch(`${t.url}/api/documents/230-kl-tw`)).status).toBe(404);
  }, 120_000);

  it('a stored file that gives no document: its job fails with the reason', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0])]), 'nhi-phan.txt');
    const r = await call('POST', '/api/documents', form);
    expect(r.status).toBe(202);
    const job = await settle(r.headers.get('location')!);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/binary/);
  }, 120_000);

  it('jobs need the admin token; an unknown job is 404', async () => {
    expect((await fetch(`${t.url}/api/jobs/x`)).status).toBe(401);
    expect((await call('GET', '/api/jobs/no-such-job')).status).toBe(404);
  });
});

describe('with the default wait, a 201 means searchable even when a rebuild was already running (real server)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await serveProject(tempProject('admin-wait'), { adminToken: ADMIN, adminWaitMs: wallLimit(60_000) });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (t) cleanup(t.dir);
  });
  const { call, json, settle } = client(() => t);

  it('POST during a running rebuild: 201 only with the document served (202 otherwise); DELETE: 204 only once gone', async () => {
    // A rebuild that started before the write: the old code answered 201 with documentIds [] when it finished.
    t.server.live.request();
    const r = await json(await call('POST', '/api/documents', { name: 'ket-luan-230.txt', content: doc(230) }));
    if (r.status === 202) expect((await settle(r.headers.get('location')!)).state).toBe('done');
    else {
      expect(r.status).toBe(201);
      expect(r.body.documentIds).toEqual(['230-kl-tw']);
    }
    expect((await fetch(`${t.url}/api/documents/230-kl-tw`)).status).toBe(200);
    t.server.live.request();
    const d = await call('DELETE', '/api/documents/230-kl-tw');
    if (d.status === 202) expect((await settle(d.headers.get('location')!)).state).toBe('done');
    else expect(d.status).toBe(204);
    expect((await fetch(`${t.url}/api/documents/230-kl-tw`)).status).toBe(404);
  }, 180_000);
});
