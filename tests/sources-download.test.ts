/**
 * The original is kept: each source's bytes stored by sha256 with the build, served by
 * GET /api/documents/:id/sources/:n with its content type and a safe file name, and offered on
 * the document view as "Tải bản gốc (PDF, 4 trang)".
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../indexer/inputs.ts';
import { sourcePath, sourceStore } from '../indexer/sources.ts';
import { buildCorpus, openCorpus } from '../src/corpus.ts';
import { createApp } from '../src/server/index.ts';
import { contentDisposition } from '../src/server/download.ts';
import { ROOT } from './helpers/seeds.ts';
import { describeExternal, externalPath } from './helpers/external.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function appFor(paths: string[], cwd: string) {
  const store = mkdtempSync(join(tmpdir(), 'tracuu-sources-'));
  dirs.push(store);
  const loaded = await loadInputs(paths, { cwd, sourcesDir: store, ocr: 'off' });
  const { artifact, search } = buildCorpus(loaded.inputs, { contentHash: 'test', now: () => new Date('2026-01-01T00:00:00Z') });
  const corpus = openCorpus(artifact, search);
  return { store, corpus, app: createApp({ corpus: () => corpus, config: { corsOrigins: [] }, sources: sourceStore(store) }) };
}

describe('Content-Disposition (RFC 6266)', () => {
  it.each([
    ['Nghị định 30.pdf', `attachment; filename="Nghi dinh 30.pdf"; filename*=UTF-8''Ngh%E1%BB%8B%20%C4%91%E1%BB%8Bnh%2030.pdf`],
    ['221-KL-TW.txt', `attachment; filename="221-KL-TW.txt"; filename*=UTF-8''221-KL-TW.txt`],
    ['a"b;c\\d%e.doc', `attachment; filename="a_b_c_d_e.doc"; filename*=UTF-8''a%22b%3Bc%5Cd%25e.doc`],
    ['x\r\nSet-Cookie: a=b.pdf', `attachment; filename="xSet-Cookie: a=b.pdf"; filename*=UTF-8''xSet-Cookie%3A%20a%3Db.pdf`],
    ["Tờ trình (05)'s.docx", `attachment; filename="To trinh (05)'s.docx"; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20%2805%29%27s.docx`],
    ['', `attachment; filename="ban-goc"; filename*=UTF-8''ban-goc`],
  ])('%j', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
    expect(header).not.toMatch(/[\r\n]/);
  });
});

describe('GET /api/documents/:id/sources/:n (seeds)', async () => {
  const { app, corpus, store } = await appFor(['seeds'], ROOT);
  const doc = corpus.documents.get('221-kl-tw')!;

  it('stores every input by sha256 and serves the bytes given, with type and file name', async () => {
    const source = doc.sources[0]!;
    const original = readFileSync(join(ROOT, source.path));
    expect(readFileSync(sourcePath(store, source.sha256))).toEqual(original);
    const r = await app.request('/api/documents/221-kl-tw/sources/1');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(source.format === 'md' ? 'text/markdown; charset=utf-8' : 'text/plain; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(contentDisposition(source.path.replace(/^.*\//, '')));
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await r.arrayBuffer())).toEqual(original);
  });

  it('the document view offers each file for download', async () => {
    const body = (await (await app.request('/api/documents/221-kl-tw')).json()) as any;
    expect(body.document.sources[0].download).toMatchObject({ href: '/api/documents/221-kl-tw/sources/1', label: 'Tải bản gốc (Markdown)' });
  });

  it('a missing file, a bad number, an unknown document: problems, never a 500', async () => {
    expect((await app.request(`/api/documents/221-kl-tw/sources/${doc.sources.length + doc.reports.length + 1}`)).status).toBe(404);
    expect((await app.request('/api/documents/221-kl-tw/sources/0')).status).toBe(400);
    expect((await app.request('/api/documents/221-kl-tw/sources/x')).status).toBe(400);
    expect((await app.request('/api/documents/khong-co/sources/1')).status).toBe(404);
    const bare = createApp({ corpus: () => corpus, config: { corsOrigins: [] } });
    const r = await bare.request('/api/documents/221-kl-tw/sources/1');
    expect(r.status).toBe(404);
    expect(((await r.json()) as any).detail).toMatch(/not kept/);
  });

  it('refuses bytes that are not what their hash says', async () => {
    const s = sourceStore(store);
    expect(await s.get('../../etc/passwd')).toBeUndefined();
    expect(await s.get('0'.repeat(64))).toBeUndefined();
  });
});

describeExternal('a PDF original: content type, pages, and the page of each clause', () => {
  it('serves the Bộ Tư pháp letter as application/pdf, labelled with its 4 pages', async () => {
    const f = 'pdf/cong-van-3917-btp-bttp-2025.pdf';
    const { app, corpus } = await appFor([externalPath('office', f)], ROOT);
    const doc = [...corpus.documents.values()][0]!;
    const view = (await (await app.request(`/api/documents/${encodeURIComponent(doc.id)}`)).json()) as any;
    expect(view.document.sources[0].download).toMatchObject({ label: 'Tải bản gốc (PDF, 4 trang)', contentType: 'application/pdf', fileName: 'cong-van-3917-btp-bttp-2025.pdf' });
    const r = await app.request(view.document.sources[0].download.href);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await r.arrayBuffer())).toEqual(readFileSync(externalPath('office', f)));
    const pages = doc.clauses.map((c) => c.page);
    expect(pages.every((p) => typeof p === 'number' && p >= 1 && p <= 4)).toBe(true);
    expect(new Set(pages).size).toBeGreaterThan(1);
  }, 120_000);
});
