/** The HTTP API through app.request(), no socket: routes, validation, errors, headers, auth, limits. */
import { describe, expect, it } from 'vitest';
import { seedCorpus } from './helpers/seeds.ts';
import { createApp } from '../src/server/index.ts';
import type { AdminStore } from '../src/server/index.ts';

const corpus = await seedCorpus();
const added: string[] = [];
const done = (kind: 'put' | 'remove', name: string) => ({ id: '1', kind, name, state: 'done' as const, documentIds: ['vb-x'], createdAt: '2026-01-01T00:00:00Z' });
const admin: AdminStore = {
  put: async ({ name, bytes }) => (added.push(name), { source: { name, path: `corpus/${name}`, etag: '"sha256-x"', bytes: bytes.length, documentIds: ['vb-x'] }, created: true, job: done('put', name) }),
  remove: async () => ({ source: { name: 'x.txt', path: 'corpus/x.txt', etag: '"sha256-x"', bytes: 1, documentIds: ['vb-x'] }, job: done('remove', 'x.txt') }),
  source: async () => undefined,
  job: async () => undefined,
};
const app = createApp({ corpus: () => corpus, config: { corsOrigins: ['http://intranet.local'], adminToken: 'secret-admin-token', maxBodyBytes: 10_000 }, admin });
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const json = async (path: string) => {
  const r = await get(path);
  return { status: r.status, body: (await r.json()) as any, headers: r.headers };
};

describe('read API', () => {
  it('GET /api/search returns clauses with document, path, snippet and facets', async () => {
    const { status, body } = await json('/api/search?q=tram%20y%20te%20cap%20xa');
    expect(status).toBe(200);
    expect(body.hits[0]).toMatchObject({ id: '221-kl-tw/4', path: '[4]', document: { id: '221-kl-tw', number: '221-KL/TW', type: 'ket-luan', date: '2025-11-28' } });
    expect(body.hits[0].snippet).toContain('<mark>trạm</mark>');
    expect(Object.keys(body.facets).sort()).toEqual(['corpus', 'issuer', 'series', 'status', 'type', 'year']);
    expect(typeof body.total).toBe('number');
  });
  it('accepts repeated filters as a comma list, dates, grouping', async () => {
    const { body } = await json('/api/search?q=%C4%90%E1%BA%A3ng%20%E1%BB%A7y&type=ket-luan,chi-dao&from=2025-10-01&to=2025-12-31&group=document');
    expect(body.hits.every((h: any) => h.document.date >= '2025-10-01')).toBe(true);
    expect(Array.isArray(body.groups)).toBe(true);
  });
  it('a repeated search answers the same body (served from the serialised result) with its own tookMs, and the query as asked', async () => {
    const a = await json('/api/search?q=chinh%20quyen%20dia%20phuong');
    const b = await json('/api/search?q=chinh%20quyen%20dia%20phuong');
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
    expect(typeof a.body.tookMs).toBe('number');
    expect(typeof b.body.tookMs).toBe('number');
    expect({ ...b.body, tookMs: 0 }).toEqual({ ...a.body, tookMs: 0 });
    expect(a.body.total).toBeGreaterThan(0);
    // "x " typed and "x" submitted (prefix=0) share one engine result; each answer names its own query.
    const typed = await json('/api/search?q=chinh%20quyen%20');
    const submitted = await json('/api/search?q=chinh%20quyen&prefix=0');
    expect(typed.body.query).toBe('chinh quyen ');
    expect(submitted.body.query).toBe('chinh quyen');
    expect(submitted.body.hits).toEqual(typed.body.hits);
  });
  it('a citation query answers what it names (the citation, then its hits) as the OpenAPI schema says', async () => {
    const { body } = await json(`/api/search?q=${encodeURIComponent('điểm (ii) mục 3 kl 183')}`);
    expect(body.citation).toMatchObject({ written: 'điểm (ii) mục 3 Kết luận 183', status: 'found', documentId: '183-kl-tw', clauseId: '183-kl-tw/3/1/ii', others: [], ambiguous: false });
    expect(body.hits[0]).toMatchObject({ id: '183-kl-tw/3/1/ii', match: 'citation' });
    const missing = await json(`/api/search?q=${encodeURIComponent('nghị định 15/2020')}`);
    expect(missing.body).toMatchObject({ total: 0, hits: [], citation: { status: 'not-found' } });
  });
  it('an empty query is an empty result, not an error', async () => {
    const { status, body } = await json('/api/search?q=');
    expect(status).toBe(200);
    expect(body.total).toBe(0);
  });
  it('GET /api/suggest', async () => {
    const { body } = await json('/api/suggest?q=chinh%20q');
    expect(body.suggestions).toContain('chính quyền');
  });
  it('GET /api/documents lists the four documents with status', async () => {
    const { body } = await json('/api/documents');
    expect(body.total).toBe(4);
    expect(body.documents.find((d: any) => d.id === '221-kl-tw')).toMatchObject({ status: 'current', clauses: 6 });
  });
  it('GET /api/documents/:id by id or by number; text left out, clauses in', async () => {
    for (const id of ['202-kl-tw', '202-KL%2FTW', '202-KL/TW'.replace('/', '%2F')]) {
      const { status, body } = await json(`/api/documents/${id}`);
      expect(status).toBe(200);
      expect(body.node).toMatchObject({ id: '202-kl-tw', status: 'superseded', supersededBy: '221-kl-tw' });
      expect(body.document.text).toBeUndefined();
      expect(body.document.clauses.length).toBeGreaterThan(10);
      expect(body.series.members).toEqual(['183-kl-tw', '195-kl-tw', '202-kl-tw', '221-kl-tw']);
    }
  });
  it('GET /api/documents/:id of an external node: what is known and who cites it', async () => {
    const { body } = await json('/api/documents/195-kl-tw');
    expect(body.document).toBeUndefined();
    expect(body.node).toMatchObject({ number: '195-KL/TW', inCorpus: false, date: '2025-09-26' });
    expect(body.citedBy.map((r: any) => r.clauseId)).toContain('202-kl-tw/2');
  });
  it('"in force" is said from the corpus only, and the view says so; an ended or superseded status carries no such note', async () => {
    const current = (await json('/api/documents/221-kl-tw?asOf=2025-12-20')).body.effect;
    expect(current.status).toBe('in-force');
    expect(current.caveat).toMatch(/Kho không chứa mọi văn bản/);
    const superseded = (await json('/api/documents/183-kl-tw?asOf=2025-12-20')).body.effect;
    expect(superseded.status).toBe('superseded');
    expect(superseded.caveat).toBeUndefined();
  });

  it('references, cited-by, series', async () => {
    expect((await json('/api/documents/202-kl-tw/references')).body.references.map((r: any) => r.target.number)).toContain('213-QĐ/TW');
    expect((await json('/api/documents/221-kl-tw/cited-by')).body.references.map((r: any) => r.docId)).toContain('vb-001-57c09aa3197540b1');
    expect((await json('/api/documents/183-kl-tw/series')).body.members.at(-1)).toBe('221-kl-tw');
  });
  it('GET /api/clauses/:id with raw or encoded slashes: references, cited-by, lineage, ancestors', async () => {
    const raw = await json('/api/clauses/202-kl-tw/8/fn-1');
    expect(raw.body.references[0]).toMatchObject({ relation: 'supplements', targetClauseId: '213-qd-tw/dieu-4/khoan-5' });
    expect(raw.body.ancestors).toEqual([{ id: '202-kl-tw/8', pathLabel: '8' }]);
    const enc = await json('/api/clauses/221-kl-tw%2F3');
    expect(enc.body.lineage.map((l: any) => l.from)).toContain('202-kl-tw/4/1/i');
  });
  it('GET /api/graph in JSON, DOT, Mermaid and GraphML', async () => {
    const { body } = await json('/api/graph?root=221-kl-tw&depth=2');
    expect(body.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(['221-kl-tw', '202-kl-tw', '195-kl-tw']));
    expect(body.nodes.find((n: any) => n.id === '195-kl-tw')).toMatchObject({ inCorpus: false, number: '195-KL/TW', date: '2025-09-26' });
    expect(body.edges[0]).toHaveProperty('evidence');
    const dot = await (await get('/api/graph?root=221-kl-tw&format=dot')).text();
    expect(dot).toMatch(/^digraph tracuu \{/);
    expect(await (await get('/api/graph?root=221-kl-tw&format=mermaid')).text()).toMatch(/^graph LR/);
    expect(await (await get('/api/graph?root=221-kl-tw&format=graphml')).text()).toContain('<graphml');
    const only = await json('/api/graph?root=221-kl-tw&depth=3&relation=implements');
    expect(only.body.edges.every((e: any) => e.relation === 'implements')).toBe(true);
  });
  it('POST /api/resolve finds and resolves references in pasted text', async () => {
    const r = await app.request('/api/resolve', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Triển khai thực hiện Kết luận số 221-KL/TW và Kết luận số 195-KL/TW.' });
    const body = (await r.json()) as any;
    expect(body.references.map((x: any) => [x.target.number, x.status, x.relation])).toEqual([
      ['221-KL/TW', 'resolved', 'implements'],
      ['195-KL/TW', 'external', 'implements'],
    ]);
    const j = await app.request('/api/resolve', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'theo Nghị định số 15/2020/NĐ-CP' }) });
    expect(((await j.json()) as any).references[0].target.number).toBe('15/2020/NĐ-CP');
  });
  it('GET /healthz and /openapi.json (every route documented)', async () => {
    expect((await json('/healthz')).body).toMatchObject({ status: 'ok', state: 'ready', documents: 4 });
    const doc = (await json('/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/search', '/api/suggest', '/api/documents', '/api/documents/{id}', '/api/documents/{id}/references', '/api/documents/{id}/cited-by', '/api/documents/{id}/series', '/api/clauses/{id}', '/api/graph', '/api/resolve', '/healthz']) expect(doc.paths, p).toHaveProperty([p]);
    expect(doc.paths['/api/search'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['q', 'limit', 'type', 'from', 'status']));
  });
});

describe('bad input is a 400/404 problem document, never a 500', () => {
  const cases: [string, number, string | undefined][] = [
    ['/api/search?q=' + 'a'.repeat(501), 400, 'q'],
    ['/api/search?q=x&limit=101', 400, 'limit'],
    ['/api/search?q=x&limit=abc', 400, 'limit'],
    ['/api/search?q=x&limit=-1', 400, 'limit'],
    ['/api/search?q=x&offset=1.5', 400, 'offset'],
    ['/api/search?q=x&type=foo', 400, 'type'],
    ['/api/search?q=x&status=gone', 400, 'status'],
    ['/api/search?q=x&from=2025-02-30', 400, 'from'],
    ['/api/search?q=x&from=yesterday', 400, 'from'],
    ['/api/search?q=x&from=2025-12-01&to=2025-01-01', 400, 'from'],
    ['/api/search?q=x&group=doc', 400, 'group'],
    ['/api/search?q=x&colour=red', 400, 'colour'],
    ["/api/search?q=%27%20OR%201%3D1%20--&type=%27%20OR%201%3D1", 400, 'type'],
    ['/api/suggest', 400, 'q'],
    ['/api/documents/..%2F..%2Fetc%2Fpasswd', 404, 'id'],
    ['/api/documents/%3Cscript%3E', 404, 'id'],
    ['/api/documents/x%00y', 404, 'id'],
    ['/api/documents/nope/series', 404, 'id'],
    ['/api/documents/vb-001-57c09aa3197540b1/series', 404, 'id'],
    ['/api/clauses/nope', 404, 'id'],
    ['/api/graph?depth=9', 400, 'depth'],
    ['/api/graph?format=svg', 400, 'format'],
    ['/api/graph?root=nope', 404, 'id'],
    ['/api/graph?relation=likes', 400, 'relation'],
    ['/api/nothing', 404, undefined],
    // Malformed or doubly meaningful escapes: Hono decodes once; a second decoding threw (a 500).
    ['/api/documents/%25', 404, 'id'],
    ['/api/documents/%25E0', 404, 'id'],
    ['/api/documents/%E0%A4%A', 404, 'id'],
    ['/api/documents/%', 404, 'id'],
    ['/api/documents/%ZZ', 404, 'id'],
    ['/api/documents/%25/references', 404, 'id'],
    ['/api/documents/%25/cited-by', 404, 'id'],
    ['/api/documents/%C0%AF', 404, 'id'],
    ['/api/clauses/%25', 404, 'id'],
    ['/api/clauses/202-kl-tw%2F%25', 404, 'id'],
    ['/api/clauses/%E0%A4%A', 404, 'id'],
    ['/api/graph?root=%25', 404, 'id'],
    ['/api/graph?root=%E0%A4%A', 404, 'id'],
    ['/api/graph?root=%', 404, 'id'],
    ['/api/search?q=%25', 200, undefined],
    ['/api/search?q=%E0%A4%A', 200, undefined],
    ['/api/suggest?q=%25', 200, undefined],
  ];
  it.each(cases)('%s → %d', async (path, status, param) => {
    const r = await get(path);
    expect(r.status).toBe(status);
    if (status === 200) return;
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await r.json()) as any;
    expect(body).toMatchObject({ status });
    expect(body.detail.length).toBeGreaterThan(5);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    if (param) expect(body.param).toBe(param);
  });
  it('POST /api/resolve with an empty, wrong-typed or malformed body', async () => {
    for (const [type, body, status] of [
      ['text/plain', '', 400],
      ['application/json', '{"text": 5}', 400],
      ['application/json', '{not json', 400],
      ['application/xml', '<a/>', 415],
    ] as const) {
      const r = await app.request('/api/resolve', { method: 'POST', headers: { 'content-type': type }, body });
      expect(r.status, `${type} ${body}`).toBe(status);
      expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });
});

describe('headers', () => {
  it('sets secure headers and a CSP that allows our own scripts only', async () => {
    const r = await get('/api/documents');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
  it('ETag on index-backed GETs, 304 when unchanged', async () => {
    const r = await get('/api/documents/221-kl-tw');
    const tag = r.headers.get('etag')!;
    expect(tag).toMatch(/^W\/"/);
    expect((await get('/api/documents/221-kl-tw', { 'if-none-match': tag })).status).toBe(304);
  });
  it('compresses large responses', async () => {
    const r = await get('/api/documents/202-kl-tw', { 'accept-encoding': 'gzip' });
    expect(r.headers.get('content-encoding')).toBe('gzip');
  });
  it('a mistyped page address gets a page (escaped), the API a problem document', async () => {
    const page = await get('/documents/<b>221</b>', { accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('/doc/221-kl-tw');
    expect(html).toContain('&lt;b&gt;221&lt;/b&gt;');
    expect(html).not.toContain('<b>221');
    const api = await get('/api/nope', { accept: 'text/html' });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/problem\+json/);
  });
  it('CORS: an allowed origin gets the header, another does not', async () => {
    expect((await get('/api/search?q=x', { origin: 'http://intranet.local' })).headers.get('access-control-allow-origin')).toBe('http://intranet.local');
    expect((await get('/api/search?q=x', { origin: 'http://evil.example' })).headers.get('access-control-allow-origin')).toBeNull();
    const pre = await app.request('/api/search', { method: 'OPTIONS', headers: { origin: 'http://intranet.local', 'access-control-request-method': 'GET' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://intranet.local');
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
    expect(pre.headers.get('access-control-allow-headers')).toContain('Authorization');
    const refused = await app.request('/api/search', { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' } });
    expect(refused.status).toBe(204);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
  it('CORS and caching headers ride on every API answer: Vary, ETag, exposed headers; errors too', async () => {
    const ok = await get('/api/search?q=x', { origin: 'http://intranet.local' });
    expect(ok.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(ok.headers.get('vary')).toMatch(/Origin/);
    expect(ok.headers.get('etag')).toMatch(/^W\//);
    expect(ok.headers.get('access-control-expose-headers')).toContain('ETag');
    const bad = await get('/api/documents/nope', { origin: 'http://intranet.local' });
    expect(bad.status).toBe(404);
    expect(bad.headers.get('access-control-allow-origin')).toBe('http://intranet.local');
  });
});

describe('admin and tokens', () => {
  const post = (body: unknown, token?: string, type = 'application/json') =>
    app.request('/api/documents', { method: 'POST', headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  it('needs the bearer token: 401 without, 403 wrong, 201 right', async () => {
    expect((await post({ name: 'a.txt', content: 'x' })).status).toBe(401);
    expect((await post({ name: 'a.txt', content: 'x' }, 'wrong')).status).toBe(403);
    const ok = await post({ name: 'ket-luan-moi.txt', content: 'Kết luận số 230-KL/TW' }, 'secret-admin-token');
    expect(ok.status).toBe(201);
    expect(added).toContain('ket-luan-moi.txt');
  });
  it.each(['../x.txt', 'a/b.txt', '.hidden.txt', 'x.exe', 'a\\b.txt', 'x\u0000.txt', ''])('rejects the name %j', async (name) => {
    const r = await post({ name, content: 'x' }, 'secret-admin-token');
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).param).toBe('name');
  });
  it('limits the body size (413)', async () => {
    expect((await post({ name: 'big.txt', content: 'x'.repeat(20_000) }, 'secret-admin-token')).status).toBe(413);
  });
  it('DELETE needs the token and a known document', async () => {
    expect((await app.request('/api/documents/221-kl-tw', { method: 'DELETE' })).status).toBe(401);
    expect((await app.request('/api/documents/nope', { method: 'DELETE', headers: { authorization: 'Bearer secret-admin-token' } })).status).toBe(404);
    expect((await app.request('/api/documents/221-kl-tw', { method: 'DELETE', headers: { authorization: 'Bearer secret-admin-token' } })).status).toBe(204);
  });
  it('is off (403) when no admin token is configured', async () => {
    const off = createApp({ corpus: () => corpus, config: { corsOrigins: [] }, admin });
    const r = await off.request('/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"a.txt","content":"x"}' });
    expect(r.status).toBe(403);
  });
  it('puts the read API behind TRACUU_READ_TOKEN when set', async () => {
    const locked = createApp({ corpus: () => corpus, config: { corsOrigins: [], readToken: 'r' } });
    expect((await locked.request('/api/documents')).status).toBe(401);
    expect((await locked.request('/api/documents', { headers: { authorization: 'Bearer r' } })).status).toBe(200);
  });
  it('rate-limits per client with 429 + Retry-After as a problem', async () => {
    const limited = createApp({ corpus: () => corpus, config: { corsOrigins: [], rateLimitPerMinute: 3 }, clientKey: (c) => c.req.header('x-client') ?? 'x' });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await limited.request('/api/documents', { headers: { 'x-client': 'a' } })).status);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const r = await limited.request('/api/documents', { headers: { 'x-client': 'a' } });
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await limited.request('/api/documents', { headers: { 'x-client': 'b' } })).status).toBe(200);
  });
});
