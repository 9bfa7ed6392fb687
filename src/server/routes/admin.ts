/**
 * Adding, replacing and removing documents over HTTP: off without TRACUU_ADMIN_TOKEN, bearer
 * token, body limit enforced while the body streams, safe names. The routes speak only the
 * AdminStore interface (../admin-store.ts): files or PostgreSQL behind it.
 *
 *   POST   /api/documents                 create (409 if the name exists; If-Match: replace that version)
 *   PUT    /api/documents/sources/:name   create or replace (If-Match / If-None-Match: * honoured)
 *   GET    /api/documents/sources/:name   the source's bytes, with its ETag (HEAD too)
 *   DELETE /api/documents/:id             remove a document's source file
 *   DELETE /api/documents/sources/:name   remove a source by name (If-Match honoured)
 *   GET    /api/jobs/:id                  what became of a write: pending, done, failed
 *
 * An answer says what is true: 201/204 only once the served index reflects the write; else
 * 202 Accepted with `Location: /api/jobs/:id` (the job says when it is done).
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.ts';
import { problem } from '../problem.ts';
import { mediaType, readLimited, requireToken } from '../security.ts';
import * as S from '../schemas.ts';
import { lookupDocumentId } from '../../corpus.ts';
import { type Job, type PutInput, STORE_ERROR_STATUS, StoreError, type WriteResult } from '../admin-store.ts';

/** Extensions a stored source may have; what it is, is then decided by its bytes (the readers sniff magic bytes). */
export const SOURCE_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'docx', 'doc', 'odt', 'rtf', 'pdf'] as const;

/**
 * Characters a name may not hold, as data: each makes a name that shows as something it is not
 * (in a listing, a log line, a terminal) or that a file system or tool treats specially.
 */
export const FORBIDDEN_NAME_CHARACTERS: { range: RegExp; what: string }[] = [
  { range: /[\u0000-\u001f]/, what: 'control characters (U+0000–U+001F)' },
  { range: /\u007f/, what: 'DEL (U+007F)' },
  { range: /[\u0080-\u009f]/, what: 'C1 control characters (U+0080–U+009F)' },
  { range: /[\u2028\u2029]/, what: 'line and paragraph separators (U+2028, U+2029)' },
  { range: /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/, what: 'bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): they make "abc‮txt.exe" read as another name' },
  { range: /[\u200b-\u200d\u2060\ufeff]/, what: 'zero-width characters (U+200B–U+200D, U+2060, U+FEFF)' },
  { range: /[\\/]/, what: 'folder separators ("/", "\\")' },
];

/** The longest name in UTF-8 bytes: what ext4, XFS, btrfs and ZFS allow in one path component. */
export const MAX_NAME_BYTES = 255;

const utf8 = new TextEncoder();
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A plain file name, NFC, printable, at most 255 UTF-8 bytes, ending in a known extension:
 * nothing that could leave corpus/, hide what it is, or fail at the file system. 400 otherwise.
 */
export function checkName(name: string): string {
  const bad = (why: string) => problem(400, `name ${why}`, 'name');
  if (typeof name !== 'string' || LONE_SURROGATE.test(name)) throw bad('is not valid Unicode text (a lone surrogate cannot be written as a file name)');
  // Checked before trimming: trim() would silently drop a leading U+FEFF or U+2028.
  for (const { range, what } of FORBIDDEN_NAME_CHARACTERS) if (range.test(name)) throw bad(`may not contain ${what}`);
  const n = name.normalize('NFC').trim();
  if (!n) throw bad('is empty');
  if (n.startsWith('.') || n.includes('..')) throw bad('may not start with "." or contain ".."');
  const bytes = utf8.encode(n).length;
  if (bytes > MAX_NAME_BYTES) throw bad(`is ${bytes} bytes in UTF-8; a file name is limited to ${MAX_NAME_BYTES} bytes (Vietnamese letters take 2–3 bytes each)`);
  if (!new RegExp(`\\.(${SOURCE_EXTENSIONS.join('|')})$`, 'i').test(n)) throw bad(`must end in ${SOURCE_EXTENSIONS.map((e) => `.${e}`).join(', ')}`);
  return n;
}

/** Kept for callers of the old name. */
export const safeName = checkName;

const DEFAULT_MAX_BODY = 5 * 1024 * 1024;
const DEFAULT_WAIT_MS = 5_000;

export function registerAdmin(app: OpenAPIHono, deps: AppDeps): void {
  const store = () => {
    if (!deps.admin || !deps.config.adminToken) throw problem(403, 'adding and removing documents is off: set TRACUU_ADMIN_TOKEN to enable it', 'authorization');
    return deps.admin;
  };
  const auth = requireToken(() => deps.config.adminToken, 'this operation');
  const maxBody = () => deps.config.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const waitMs = () => deps.config.adminWaitMs ?? DEFAULT_WAIT_MS;
  const admin = async (c: Context, next: () => Promise<void>) => {
    store();
    await auth(c, next);
  };
  app.use('/api/documents', async (c, next) => (c.req.method === 'POST' ? admin(c, next) : next()));
  app.use('/api/documents/sources/*', admin);
  app.use('/api/jobs/*', admin);
  app.use('/api/documents/:id', async (c, next) => (c.req.method === 'DELETE' ? admin(c, next) : next()));

  /** The document a request carries: JSON {name, content}, multipart with a `file`, or raw bytes (PUT). */
  const readDocument = async (c: Context, nameFromPath?: string): Promise<{ name: string; bytes: Uint8Array; metadata?: Record<string, string> }> => {
    const type = mediaType(c);
    const raw = await readLimited(c, maxBody());
    if (type === 'application/json') {
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder().decode(raw));
      } catch {
        throw problem(400, 'the body is not valid JSON', 'body');
      }
      const parsed = (nameFromPath ? S.AddDocumentBody.partial({ name: true }) : S.AddDocumentBody).safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw problem(400, issue?.message ?? 'expected {name, content}', String(issue?.path[0] ?? 'body'));
      }
      if (!parsed.data.content.trim()) throw problem(400, 'content is empty', 'content');
      return { name: nameFromPath ?? parsed.data.name!, bytes: utf8.encode(parsed.data.content), ...(parsed.data.metadata ? { metadata: parsed.data.metadata } : {}) };
    }
    if (type === 'multipart/form-data') {
      // Parsed from the bytes already counted against the limit.
      const form = await new Request('http://form.local/', { method: 'POST', headers: { 'content-type': c.req.header('content-type')! }, body: raw }).formData().catch(() => {
        throw problem(400, 'the form could not be read (multipart/form-data with a "file" part)', 'body');
      });
      const file = form.get('file');
      if (!file || typeof file === 'string') throw problem(400, 'the form needs a "file" part with the document', 'file');
      const given = form.get('name');
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (!bytes.length) throw problem(400, 'the file is empty', 'file');
      return { name: nameFromPath ?? (typeof given === 'string' && given ? given : file.name), bytes };
    }
    if (nameFromPath) {
      // PUT of the source itself: the bytes as they are (text, .docx, .pdf: the readers sniff them).
      if (!raw.length) throw problem(400, 'the body is empty', 'body');
      return { name: nameFromPath, bytes: raw };
    }
    throw problem(415, `send application/json {name, content} or multipart/form-data with a "file" part${type ? `, not ${type}` : ''}`, 'content-type');
  };

  const write = async (c: Context, input: PutInput) => {
    let result: WriteResult;
    try {
      result = await store().put(input, { waitMs: waitMs() });
    } catch (e) {
      throw storeProblem(e);
    }
    return answer(c, result, 'put');
  };

  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'post',
      path: '/api/documents',
      summary: 'Add a document (admin)',
      description:
        'JSON {name, content, metadata?}, or multipart/form-data with a `file` part (and optionally a `name` field): text, .docx, .pdf … as bytes. Creates a new source: 409 when the name exists (with the existing ETag and document ids); with `If-Match: <ETag>` replaces that version (412 if it changed). 201 once searchable; otherwise 202 with `Location: /api/jobs/:id`. Needs Authorization: Bearer <TRACUU_ADMIN_TOKEN>.',
      security: [{ bearer: [] }],
      request: {
        body: {
          content: { 'application/json': { schema: S.AddDocumentBody }, 'multipart/form-data': { schema: S.AddDocumentForm } },
          required: true,
        },
      },
      responses: writeResponses('Stored and searchable'),
    }),
  );
  app.post('/api/documents', async (c) => {
    const doc = await readDocument(c);
    const name = checkName(doc.name);
    const ifMatch = c.req.header('if-match');
    return write(c, { name, bytes: doc.bytes, mode: ifMatch ? 'replace' : 'create', ...(ifMatch ? { ifMatch } : {}), ...(doc.metadata ? { metadata: doc.metadata } : {}) });
  });

  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'put',
      path: '/api/documents/sources/{name}',
      summary: 'Create or replace a source (admin)',
      description: 'The body is the file (any media type: its bytes), JSON {content}, or multipart with a `file` part. `If-Match: <ETag>` replaces only that version (412 otherwise); `If-None-Match: *` only creates (409 if it exists).',
      security: [{ bearer: [] }],
      request: { params: S.SourceNameParam },
      responses: writeResponses('Stored and searchable'),
    }),
  );
  app.put('/api/documents/sources/:name', async (c) => {
    const name = checkName(c.req.param('name'));
    const doc = await readDocument(c, name);
    const ifMatch = c.req.header('if-match');
    const createOnly = c.req.header('if-none-match')?.trim() === '*';
    return write(c, { name, bytes: doc.bytes, mode: createOnly ? 'create' : 'replace', ...(ifMatch ? { ifMatch } : {}), ...(doc.metadata ? { metadata: doc.metadata } : {}) });
  });

  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'get',
      path: '/api/documents/sources/{name}',
      summary: 'A stored source, with its ETag (admin)',
      security: [{ bearer: [] }],
      request: { params: S.SourceNameParam },
      responses: { 200: { description: 'The bytes as stored; ETag for If-Match' }, 404: { description: 'No such source' } },
    }),
  );
  app.get('/api/documents/sources/:name', async (c) => {
    const name = checkName(c.req.param('name'));
    const src = await store().source(name);
    if (!src) throw problem(404, `no source "${name}"`, 'name');
    // no-transform: compressed, the strong ETag would be made weak, and If-Match needs the strong one.
    const headers = { ETag: src.etag, 'content-type': contentTypeOf(name), 'cache-control': 'no-store, no-transform', 'x-document-ids': src.documentIds.join(',') };
    // Hono answers HEAD from this GET handler and drops the body.
    return c.body(src.content as Uint8Array<ArrayBuffer>, 200, headers);
  });

  app.openAPIRegistry.registerPath(
    createRoute({ method: 'delete', path: '/api/documents/{id}', summary: 'Remove a document (admin)', description: '204 once it is no longer served; otherwise 202 with `Location: /api/jobs/:id`.', security: [{ bearer: [] }], request: { params: S.IdParam }, responses: removeResponses() }),
  );
  app.delete('/api/documents/:id', async (c) => {
    const raw = c.req.param('id');
    const id = lookupDocumentId(deps.corpus(), raw);
    if (!id || !deps.corpus().documents.has(id)) throw problem(404, `no document "${raw}" in the corpus`, 'id');
    let result: WriteResult;
    try {
      result = await store().remove({ docId: id }, { waitMs: waitMs() });
    } catch (e) {
      if (e instanceof StoreError && e.code === 'not-found') throw problem(404, `"${raw}" does not come from a source added over HTTP (under corpus/); only those can be removed`, 'id');
      throw storeProblem(e);
    }
    return answer(c, result, 'remove');
  });

  app.openAPIRegistry.registerPath(
    createRoute({ method: 'delete', path: '/api/documents/sources/{name}', summary: 'Remove a source by name (admin)', security: [{ bearer: [] }], request: { params: S.SourceNameParam }, responses: removeResponses() }),
  );
  app.delete('/api/documents/sources/:name', async (c) => {
    const name = checkName(c.req.param('name'));
    const ifMatch = c.req.header('if-match');
    let result: WriteResult;
    try {
      result = await store().remove({ name }, { waitMs: waitMs(), ...(ifMatch ? { ifMatch } : {}) });
    } catch (e) {
      throw storeProblem(e);
    }
    return answer(c, result, 'remove');
  });

  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'get',
      path: '/api/jobs/{id}',
      summary: 'What became of a write (admin)',
      security: [{ bearer: [] }],
      request: { params: S.IdParam },
      responses: { 200: { content: { 'application/json': { schema: S.JobSchema } }, description: 'pending, done (documentIds) or failed (error)' }, 404: { description: 'Unknown job (jobs are kept in memory, the newest 1,000)' } },
    }),
  );
  app.get('/api/jobs/:id', async (c) => {
    const job = await store().job(c.req.param('id'));
    if (!job) throw problem(404, `no job "${c.req.param('id')}" (jobs are kept in memory by the instance that took the write, the newest 1,000)`, 'id');
    return c.json(job as never, 200, { 'cache-control': 'no-store' });
  });
}

/** 201/204 when the served index reflects the write; 202 + Location while it does not yet; 422 when it never will. */
function answer(c: Context, r: WriteResult, kind: 'put' | 'remove'): Response {
  const location = `/api/jobs/${encodeURIComponent(r.job.id)}`;
  const headers: Record<string, string> = { ETag: r.source.etag, 'cache-control': 'no-store' };
  if (r.job.state === 'done') {
    if (kind === 'remove') return c.body(null, 204, { 'cache-control': 'no-store' });
    return c.json({ path: r.source.path, documentIds: r.job.documentIds ?? [], etag: r.source.etag, created: Boolean(r.created), job: jobView(r.job) } as never, 201, { ...headers, Location: location });
  }
  if (r.job.state === 'failed') {
    throw problem(422, `${r.source.path} was stored but gives no searchable document: ${r.job.error ?? 'unknown reason'} (GET /api/diagnostics lists it)`, kind === 'put' ? 'content' : undefined, { Location: location }, { job: jobView(r.job), path: r.source.path, etag: r.source.etag });
  }
  return c.json({ path: r.source.path, etag: r.source.etag, ...(kind === 'put' ? { created: Boolean(r.created) } : {}), job: jobView(r.job) } as never, 202, { ...headers, Location: location });
}

const jobView = (j: Job) => ({ ...j, location: `/api/jobs/${encodeURIComponent(j.id)}` });

function storeProblem(e: unknown): Error {
  if (!(e instanceof StoreError)) return e as Error;
  const status = STORE_ERROR_STATUS[e.code];
  const extra = e.existing ? { existing: { name: e.existing.name, path: e.existing.path, etag: e.existing.etag, documentIds: e.existing.documentIds } } : undefined;
  const hint =
    e.code === 'conflict'
      ? ' — to replace it, PUT /api/documents/sources/{name} or POST with If-Match: <its ETag>'
      : e.code === 'precondition-failed'
        ? ' — GET /api/documents/sources/{name} for its current ETag'
        : '';
  return problem(status, `${e.message}${hint}`, e.code === 'invalid-name' || e.code === 'conflict' || e.code === 'not-found' ? 'name' : e.code === 'too-large' ? 'body' : undefined, e.code === 'unavailable' ? { 'Retry-After': '10' } : {}, extra);
}

function contentTypeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return (
    {
      txt: 'text/plain; charset=utf-8',
      md: 'text/markdown; charset=utf-8',
      html: 'text/plain; charset=utf-8',
      htm: 'text/plain; charset=utf-8',
      pdf: 'application/pdf',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      doc: 'application/msword',
      odt: 'application/vnd.oasis.opendocument.text',
      rtf: 'application/rtf',
    }[ext] ?? 'application/octet-stream'
  );
}

function writeResponses(ok: string) {
  const problemDoc = (description: string) => ({ content: { 'application/problem+json': { schema: S.Problem } }, description });
  return {
    201: { content: { 'application/json': { schema: S.AddedResponse } }, description: ok },
    202: { content: { 'application/json': { schema: S.AcceptedResponse } }, description: 'Stored; not yet searchable. Poll the Location (/api/jobs/:id).' },
    400: problemDoc('Bad name or body'),
    409: problemDoc('The name exists (its ETag and document ids in `existing`)'),
    412: problemDoc('If-Match does not match the current source'),
    413: problemDoc('Body over the limit'),
    415: problemDoc('Unsupported media type'),
    422: problemDoc('Stored, but it gives no searchable document (reason in detail)'),
  };
}

function removeResponses() {
  return {
    204: { description: 'Removed and no longer served' },
    202: { content: { 'application/json': { schema: S.AcceptedResponse } }, description: 'Removed; still served until the rebuild. Poll the Location.' },
    404: { description: 'No such document or source' },
  };
}
