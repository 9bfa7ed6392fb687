/** Adding and removing documents over HTTP: off without TRACUU_ADMIN_TOKEN, bearer token, body limit, safe names. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../deps.ts';
import { problem } from '../problem.ts';
import { requireToken } from '../security.ts';
import * as S from '../schemas.ts';
import { lookupDocumentId } from '../../corpus.ts';

/** A plain file name ending .txt/.md/.html: nothing that could leave corpus/. */
export function safeName(name: string): string {
  const n = name.normalize('NFC').trim();
  if (!n || n.length > 120 || /[\\/\u0000-\u001f]/.test(n) || n.startsWith('.') || n.includes('..') || !/\.(txt|md|html)$/i.test(n)) {
    throw problem(400, 'name must be a plain file name ending in .txt, .md or .html (no folders, no "..", not starting with ".")', 'name');
  }
  return n;
}

export function registerAdmin(app: OpenAPIHono, deps: AppDeps): void {
  const enabled = () => Boolean(deps.admin && deps.config.adminToken);
  const gate = async (_c: Context, next: () => Promise<unknown>) => {
    if (!enabled()) throw problem(403, 'adding and removing documents is off: set TRACUU_ADMIN_TOKEN to enable it', 'authorization');
    return next();
  };
  const limit = bodyLimit({
    maxSize: deps.config.maxBodyBytes ?? 5 * 1024 * 1024,
    onError: () => {
      throw problem(413, `the body is larger than ${deps.config.maxBodyBytes ?? 5 * 1024 * 1024} bytes`, 'body');
    },
  });
  const auth = requireToken(() => deps.config.adminToken, 'this operation');
  app.use('/api/documents', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    await gate(c, () => auth(c, () => limit(c, next) as Promise<void>) as Promise<void>);
  });
  app.use('/api/documents/:id', async (c, next) => {
    if (c.req.method !== 'DELETE') return next();
    await gate(c, () => auth(c, next) as Promise<void>);
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/documents',
      summary: 'Add a document (admin)',
      description: 'JSON {name, content, metadata?} or multipart/form-data with a `file`. Stored under corpus/ and indexed. Needs Authorization: Bearer <TRACUU_ADMIN_TOKEN>.',
      security: [{ bearer: [] }],
      request: { body: { content: { 'application/json': { schema: S.AddDocumentBody } }, required: true } },
      responses: { 201: { content: { 'application/json': { schema: S.AddedResponse } }, description: 'Stored and indexed' } },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      let name: string;
      let content: string;
      let metadata: Record<string, string> | undefined;
      if (type.startsWith('multipart/form-data')) {
        const form = await c.req.formData().catch(() => {
          throw problem(400, 'the form could not be read', 'body');
        });
        const file = form.get('file');
        if (!file || typeof file === 'string') throw problem(400, 'the form needs a "file" field with the document', 'file');
        name = (form.get('name') as string | null) ?? file.name;
        content = await file.text();
      } else if (type.startsWith('application/json')) {
        const body = await c.req.json().catch(() => {
          throw problem(400, 'the body is not valid JSON', 'body');
        });
        const parsed = S.AddDocumentBody.safeParse(body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw problem(400, issue?.message ?? 'expected {name, content}', String(issue?.path[0] ?? 'body'));
        }
        ({ name, content, metadata } = parsed.data);
      } else throw problem(415, 'send application/json or multipart/form-data', 'content-type');
      if (!content.trim()) throw problem(400, 'content is empty', 'content');
      const stored = await deps.admin!.add({ name: safeName(name), content, ...(metadata ? { metadata } : {}) });
      return c.json(stored as never, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/api/documents/{id}', summary: 'Remove a document (admin)', security: [{ bearer: [] }], request: { params: S.IdParam }, responses: { 204: { description: 'Removed' } } }),
    async (c) => {
      const raw = c.req.valid('param').id;
      const id = lookupDocumentId(deps.corpus(), raw);
      if (!id || !deps.corpus().documents.has(id)) throw problem(404, `no document "${raw}" in the corpus`, 'id');
      const removed = await deps.admin!.remove(id);
      if (!removed) throw problem(404, `"${raw}" does not come from a file under corpus/; only those can be removed`, 'id');
      return c.body(null, 204);
    },
  );
}
