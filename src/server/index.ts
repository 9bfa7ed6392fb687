/**
 * The HTTP server: `createApp(deps)` → a Hono app. Pure (no sockets, files or env): the
 * `serve` command gives it a live corpus, assets and config; tests call `app.request()`.
 *
 *   /api/*        JSON API (schemas in schemas.ts → /openapi.json)
 *   /healthz      health
 *   / /doc/:id /graph /embed.js /assets/*   the web app
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import type { Context, Next } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from './deps.ts';
import { onError, problem } from './problem.ts';
import { escapeHtml } from '../search/index.ts';
import { corsFor, isRead, pageHeaders, rateLimit, requireToken } from './security.ts';
import { registerApi } from './routes/api.ts';
import { registerAdmin } from './routes/admin.ts';
import { registerPages } from './routes/pages.ts';
import { registerTasks } from './routes/tasks.ts';

export type { AppDeps, AdminStore, CorpusStatus, ServerConfig, Asset } from './deps.ts';
export { safeName, checkName, MAX_NAME_BYTES, SOURCE_EXTENSIONS } from './routes/admin.ts';
export { StoreError, JobBook, sourceEtag, etagMatches, STORE_ERROR_STATUS } from './admin-store.ts';
export type { Job, JobState, PutInput, PutMode, RemoveTarget, SourceInfo, StoreErrorCode, WriteOptions, WriteResult } from './admin-store.ts';

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    // Validation failures are 400 problems naming the parameter, never a 500.
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const param = issue?.path.map(String).join('.') || undefined;
        const detail = issue?.code === 'invalid_value' && param ? `${param} must be one of: ${(issue as { values?: unknown[] }).values?.join(', ')}` : (issue?.message ?? 'invalid request');
        throw problem(400, issue?.code === 'invalid_type' && param ? `${param} is required` : detail, param);
      }
    },
  });
  app.onError(onError(deps.log, deps.damaged));
  app.notFound((c) => {
    // A person who mistyped a page address gets a page, not a JSON problem document.
    if (c.req.method === 'GET' && !c.req.path.startsWith('/api/') && c.req.header('accept')?.includes('text/html')) return c.html(notFoundPage(c.req.path), 404);
    throw problem(404, `no route ${c.req.method} ${c.req.path}`);
  });

  app.use('*', logger(deps));
  app.use('*', pageHeaders);
  app.use('*', compress());
  // Vary is set before the handler (cheap); set afterwards, compress would copy the finished response.
  app.use('*', async (c, next) => {
    c.header('Vary', 'Accept-Encoding');
    await next();
  });
  app.use('/api/*', corsFor(deps.config.corsOrigins));
  app.use('/healthz', corsFor(deps.config.corsOrigins));
  app.use('/embed.js', corsFor(deps.config.corsOrigins));
  app.use('/api/*', rateLimit(deps));
  // One value per parameter: "?q=a&q=b" is a clear 400 (lists are comma-separated: type=a,b).
  app.use('/api/*', async (c, next) => {
    for (const [key, values] of Object.entries(c.req.queries())) if (values.length > 1) throw problem(400, `"${key}" is given more than once; give it once (lists are comma-separated: type=a,b)`, key);
    await next();
  });
  // The read API may sit behind a token too (TRACUU_READ_TOKEN): GET and HEAD alike (a HEAD
  // tells whether a document exists). Admin routes check their own token.
  app.use('/api/*', async (c, next) => ((isRead(c.req.method) && !ADMIN_READS.test(c.req.path)) || c.req.path === '/api/resolve' ? requireToken(() => deps.config.readToken, 'the API')(c, next) : next()));
  app.use('/api/*', etag(deps));

  registerAdmin(app, deps);
  registerApi(app, deps);
  registerTasks(app, deps);
  registerPages(app as never, deps);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'tracuu', version: '1.0.0', description: 'Cross-reference search over Vietnamese legal and Party documents: clauses, references, citation graph.' },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  return app;
}

/** Reads that belong to the admin (sources with their own strong ETag, jobs): the admin token guards them. */
const ADMIN_READS = /^\/api\/(documents\/sources|jobs)\//;

/** Weak ETag from the index's content hash and the URL: the index only changes on rebuild. */
function etag(deps: AppDeps) {
  return async (c: Context, next: Next) => {
    if (!isRead(c.req.method) || ADMIN_READS.test(c.req.path)) return next();
    const tag = `W/"${deps.corpus().artifact.contentHash.slice(0, 16)}-${hash(c.req.url)}"`;
    if (c.req.header('if-none-match') === tag) return c.body(null, 304, { ETag: tag });
    await next();
    // On the response itself: c.header() after the handler would copy the body into a stream.
    if (c.res.status === 200) c.res.headers.set('ETag', tag);
  };
}

function notFoundPage(path: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Không tìm thấy trang — tracuu</title><link rel="stylesheet" href="/assets/app.css"></head>
<body><header class="top"><a class="brand" href="/">tra<span>cuu</span></a><nav><a href="/">Tìm kiếm</a><a href="/graph">Đồ thị trích dẫn</a><a href="/tasks">Nhiệm vụ</a><a href="/openapi.json">API</a></nav></header>
<main><p class="empty">Không có trang <code>${escapeHtml(path)}</code>. Văn bản mở tại <code>/doc/&lt;mã hoặc số hiệu&gt;</code>, ví dụ <a href="/doc/221-kl-tw">/doc/221-kl-tw</a>; hoặc <a href="/">tìm kiếm</a>.</p></main></body></html>`;
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

function logger(deps: AppDeps) {
  return async (c: Context, next: Next) => {
    const started = performance.now();
    await next();
    deps.log?.(`${c.req.method} ${c.req.path} ${c.res.status as ContentfulStatusCode} ${(performance.now() - started).toFixed(1)}ms`);
  };
}
