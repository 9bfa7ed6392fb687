/**
 * Issue 14, points 5 and 6: limits hold before reading, names are what they look like, HEAD is
 * a read, media types are case-insensitive, the multipart upload the OpenAPI document describes
 * works (text, .docx and .pdf bytes as they are), repeated parameters are a clear 400.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/index.ts';
import type { AdminStore, PutInput } from '../src/server/index.ts';
import { describeExternal, externalPath } from './helpers/external.ts';
import { seedCorpus } from './helpers/seeds.ts';
import { ADMIN, cleanup, serveProject, tempProject, type TestServer } from './helpers/server.ts';
import { wallLimit } from './helpers/timing.ts';

const corpus = await seedCorpus();
const puts: PutInput[] = [];
const admin: AdminStore = {
  put: async (input) => (puts.push(input), { source: { name: input.name, path: `corpus/${input.name}`, etag: '"sha256-x"', bytes: input.bytes.length, documentIds: ['vb-x'] }, created: true, job: { id: '1', kind: 'put', name: input.name, state: 'done', documentIds: ['vb-x'], createdAt: '2026-01-01T00:00:00Z' } }),
  remove: async () => {
    throw new Error('not used');
  },
  source: async () => undefined,
  job: async () => undefined,
};
const app = createApp({ corpus: () => corpus, config: { corsOrigins: [], adminToken: 'tok', readToken: 'read', maxBodyBytes: 100_000 }, admin });
const auth = { authorization: 'Bearer tok' };
const read = { authorization: 'Bearer read' };

/** A body of `total` bytes made as it is read, counting what the server pulled. */
function countedStream(total: number, chunk = 64 * 1024) {
  const seen = { pulled: 0, cancelled: false };
  const piece = new Uint8Array(chunk).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (seen.pulled >= total) return c.close();
      seen.pulled += chunk;
      c.enqueue(piece);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe('limits are enforced while the body streams (413, the rest never read)', () => {
  it.each([
    ['/api/resolve', 'text/plain', read],
    ['/api/resolve', 'application/json', read],
    ['/api/documents', 'application/json', auth],
    ['/api/documents', 'multipart/form-data; boundary=x', auth],
  ])('%s (%s): a 300 MB streamed body is refused after a few chunks', async (path, type, headers) => {
    const { stream, seen } = countedStream(300 * 1024 * 1024);
    const r = await app.request(path, { method: 'POST', headers: { 'content-type': type, ...headers }, body: stream, duplex: 'half' } as RequestInit);
    expect(r.status).toBe(413);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    expect(seen.pulled).toBeLessThan(4 * 1024 * 1024);
    expect(seen.cancelled).toBe(true);
  });
  it('a declared Content-Length over the limit is refused before a byte is read', async () => {
    const { stream, seen } = countedStream(10 * 1024 * 1024);
    const r = await app.request('/api/resolve', { method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': String(10 * 1024 * 1024), ...read }, body: stream, duplex: 'half' } as RequestInit);
    expect(r.status).toBe(413);
    expect(seen.pulled).toBeLessThanOrEqual(64 * 1024);
  });
  it('a body under the limit still answers', async () => {
    const r = await app.request('/api/resolve', { method: 'POST', headers: { 'content-type': 'text/plain', ...read }, body: 'theo Kết luận số 221-KL/TW' });
    expect(r.status).toBe(200);
  });
});

describe('names: printable, at most 255 bytes as the file system counts them', () => {
  const post = (name: string) => app.request('/api/documents', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ name, content: 'Kết luận số 230-KL/TW' }) });
  it.each([
    ['DEL', 'a\u007fb.txt'],
    ['C1 NEL', 'a\u0085b.txt'],
    ['C1 CSI', 'a\u009bb.txt'],
    ['line separator', 'a\u2028b.txt'],
    ['paragraph separator', 'a\u2029b.txt'],
    ['right-to-left override', 'a\u202etxt.exe.txt'],
    ['left-to-right embedding', 'a\u202ab.txt'],
    ['first strong isolate', 'a\u2068b.txt'],
    ['pop directional isolate', 'a\u2069b.txt'],
    ['zero-width space', 'a\u200bb.txt'],
    ['zero-width joiner', 'a\u200db.txt'],
    ['byte order mark', '\ufeffa.txt'],
    ['lone surrogate', 'a\ud800b.txt'],
    ['104 Vietnamese letters (312 bytes)', `${'ệ'.repeat(104)}.txt`],
  ])('%s → 400 (param name)', async (_what, name) => {
    const r = await post(name);
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).param).toBe('name');
  });
  it('Vietnamese names up to 255 bytes are fine', async () => {
    expect((await post('Kết luận 230 của Bộ Chính trị.txt')).status).toBe(201);
    expect((await post(`${'ệ'.repeat(83)}.txt`)).status).toBe(201); // 249 + 4 bytes
  });
});

describe('HEAD is a read: the read token guards it like GET', () => {
  it.each(['/api/documents/221-kl-tw', '/api/documents', '/api/search?q=x', '/healthz'])('HEAD %s', async (path) => {
    const head = await app.request(path, { method: 'HEAD' });
    if (path === '/healthz') expect(head.status).toBe(200);
    else {
      expect(head.status).toBe(401);
      expect((await app.request(path, { method: 'HEAD', headers: read })).status).toBe(200);
    }
  });
  it('an unknown document is not told apart from a known one without the token', async () => {
    expect((await app.request('/api/documents/nope', { method: 'HEAD' })).status).toBe(401);
  });
});

describe('smaller: media types, multipart, repeated parameters', () => {
  it('media types are compared case-insensitively', async () => {
    const r = await app.request('/api/resolve', { method: 'POST', headers: { 'content-type': 'Application/JSON; Charset=UTF-8', ...read }, body: JSON.stringify({ text: 'theo Kết luận số 221-KL/TW' }) });
    expect(r.status).toBe(200);
    const a = await app.request('/api/documents', { method: 'POST', headers: { 'content-type': 'Application/JSON', ...auth }, body: JSON.stringify({ name: 'hoa-thuong.txt', content: 'Kết luận số 231-KL/TW' }) });
    expect(a.status).toBe(201);
    expect((await app.request('/api/resolve', { method: 'POST', headers: { 'content-type': 'TEXT/PLAIN', ...read }, body: 'theo Kết luận số 221-KL/TW' })).status).toBe(200);
  });
  it('the OpenAPI document describes the multipart upload, and it works: the file part is kept as bytes', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as any;
    expect(Object.keys(doc.paths['/api/documents'].post.requestBody.content)).toEqual(expect.arrayContaining(['application/json', 'multipart/form-data']));
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x80]);
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'van-ban.docx');
    const r = await app.request('/api/documents', { method: 'POST', headers: auth, body: form });
    expect(r.status).toBe(201);
    expect(puts.at(-1)!.name).toBe('van-ban.docx');
    expect([...puts.at(-1)!.bytes]).toEqual([...bytes]);
  });
  it('?q=a&q=b is a clear 400 naming q, not "q is required"', async () => {
    for (const path of ['/api/search?q=a&q=b', '/api/suggest?q=a&q=b']) {
      const r = await app.request(path, { headers: read });
      expect(r.status).toBe(400);
      const body = (await r.json()) as any;
      expect(body.param).toBe('q');
      expect(body.detail).toMatch(/more than once/);
    }
  });
});

describe('the real server: a name over 255 bytes is 400 and leaves nothing in corpus/; a 300 MB body does not grow the process', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await serveProject(tempProject('limits'), { adminToken: ADMIN, adminWaitMs: wallLimit(60_000) });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (t) cleanup(t.dir);
  });
  it('104 Vietnamese letters: 400, no .tmp-* file', async () => {
    const r = await fetch(`${t.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: `${'ệ'.repeat(104)}.txt`, content: 'Kết luận số 230-KL/TW' }) });
    expect(r.status).toBe(400);
    expect(readdirSync(join(t.dir, 'corpus'))).toEqual([]);
  });
  it('POST /api/resolve with 300 MB streamed: 413, and the server process grows by far less than the body', async () => {
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    const { stream, seen } = countedStream(300 * 1024 * 1024, 1024 * 1024);
    const r = await fetch(`${t.url}/api/resolve`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: stream, duplex: 'half' } as RequestInit).catch((e: Error) => e);
    if (r instanceof Response) expect(r.status).toBe(413);
    // The client may see the connection closed before the answer: then the server still refused early.
    const grown = process.memoryUsage().rss - before;
    expect(grown).toBeLessThan(150 * 1024 * 1024);
    expect(seen.pulled).toBeLessThan(300 * 1024 * 1024);
  }, 120_000);
});

describeExternal('the real server takes .docx and .pdf uploads as bytes (multipart, and PUT of the raw file)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await serveProject(tempProject('uploads'), { adminToken: ADMIN, adminWaitMs: wallLimit(120_000) });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (t) cleanup(t.dir);
  });
  it('a .docx in a multipart form indexes as the document it is', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(externalPath('office/docx/an-le-01-2016-al.docx'))]), 'an-le-01-2016-al.docx');
    const r = await fetch(`${t.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}` }, body: form });
    expect(r.status).toBe(201);
    const body = (await r.json()) as any;
    expect(body.documentIds).toHaveLength(1);
    const d = (await (await fetch(`${t.url}/api/documents/${body.documentIds[0]}`)).json()) as any;
    expect(d.document.number).toBe('01/2016/AL');
  }, 180_000);
  it('a .pdf PUT as raw bytes (application/pdf) indexes as the document it is', async () => {
    const r = await fetch(`${t.url}/api/documents/sources/cong-van-3917.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/pdf' }, body: readFileSync(externalPath('office/pdf/cong-van-3917-btp-bttp-2025.pdf')) });
    expect(r.status).toBe(201);
    const body = (await r.json()) as any;
    const d = (await (await fetch(`${t.url}/api/documents/${body.documentIds[0]}`)).json()) as any;
    expect(d.document.number).toBe('3917/BTP-BTTP');
  }, 180_000);
});
