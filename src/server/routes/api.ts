/** The read API: search, suggest, documents, clauses, graph, resolve, health. */
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { VFile } from 'vfile';
import type { AppDeps } from '../deps.ts';
import type { DocType, DocumentRecord, Relation, SearchOptions } from '../../model.ts';
import { lookupDocumentId } from '../../corpus.ts';
import { findReferences } from '../../refs/index.ts';
import { resolveReferences } from '../../resolve/index.ts';
import { toDot, toGraphML, toMermaid } from '../../graph/index.ts';
import { LineIndex } from '../../segment/index.ts';
import { normalize } from 'vietnamese-tokenizer';
import { problem } from '../problem.ts';
import { mediaType, readLimited } from '../security.ts';

/** 200,000 characters at up to 6 bytes each (JSON \\u escapes), rounded up: 2 MiB. */
const RESOLVE_MAX_BYTES = 2 * 1024 * 1024;
import * as S from '../schemas.ts';
import { clauseView, diagnosticsView, documentSummaries, documentView, health } from '../views.ts';
import { contentDisposition, sourceContentType, sourceFileName } from '../download.ts';

const problems = {
  400: { content: { 'application/problem+json': { schema: S.Problem } }, description: 'Bad input: the detail says what, `param` says where.' },
  404: { content: { 'application/problem+json': { schema: S.Problem } }, description: 'Unknown id.' },
  429: { content: { 'application/problem+json': { schema: S.Problem } }, description: 'Too many requests (see Retry-After).' },
};
const ok = <T extends z.ZodType>(schema: T, description: string) => ({ 200: { content: { 'application/json': { schema } }, description }, ...problems });
const csv = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const json = (c: Context, data: unknown) => c.json(data as never, 200);
/** Today at the edge (the server's clock), when it has one. */
const today = (deps: AppDeps) => (deps.now ? deps.now().toISOString().slice(0, 10) : undefined);

const SEARCH_KEYS = new Set(Object.keys(S.SearchQuery.shape));

export function registerApi(app: OpenAPIHono, deps: AppDeps): void {
  const docId = (raw: string): string => {
    // Hono has decoded the parameter once; decoding it again turned "%25" into a URIError (a 500).
    const id = lookupDocumentId(deps.corpus(), raw);
    if (!id) throw problem(404, `no document "${raw}" (try GET /api/documents)`, 'id');
    return id;
  };

  app.openapi(
    createRoute({ method: 'get', path: '/api/search', summary: 'Search clauses', description: 'With or without diacritics; phrases in quotes; document numbers in any form. Results are clauses.', request: { query: S.SearchQuery }, responses: ok(S.SearchResult, 'Hits, total and facet counts') }),
    (c) => {
      for (const key of Object.keys(c.req.queries())) if (!SEARCH_KEYS.has(key)) throw problem(400, `unknown parameter "${key}"; known: ${[...SEARCH_KEYS].join(', ')}`, key);
      const q = c.req.valid('query');
      const options: SearchOptions = {
        limit: q.limit ? Number(q.limit) : 10,
        offset: q.offset ? Number(q.offset) : 0,
        ...(q.type ? { type: csv(q.type) as DocType[] } : {}),
        ...(q.issuer ? { issuer: csv(q.issuer)! } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.series ? { series: csv(q.series)! } : {}),
        ...(q.status ? { status: csv(q.status) as SearchOptions['status'] } : {}),
        ...(q.corpus ? { corpus: csv(q.corpus)! } : {}),
        ...(q.group ? { group: q.group } : {}),
        ...(q.document ? { document: q.document } : {}),
        ...(q.perDocument ? { perDocument: Number(q.perDocument) } : {}),
      };
      // "in force" is judged on a day: the one asked for, else today at the edge.
      if (options.status?.includes('in-force')) {
        const asOf = q.asOf ?? today(deps);
        if (asOf) options.asOf = asOf;
      }
      if (options.from && options.to && options.from > options.to) throw problem(400, '"from" is after "to"', 'from');
      const started = performance.now();
      // A submitted query (prefix=0) is complete; as-you-type requests complete the last word.
      const query = (q.q ?? '') + (q.prefix === '0' ? ' ' : '');
      const result = deps.corpus().search.search(query, options);
      const tookMs = Math.round((performance.now() - started) * 100) / 100;
      return c.body(searchBody(result, q.q ?? '', tookMs), 200, { 'content-type': 'application/json; charset=utf-8' }) as never;
    },
  );

  app.openapi(createRoute({ method: 'get', path: '/api/suggest', summary: 'Complete what is being typed', request: { query: S.SuggestQuery }, responses: ok(S.SuggestResponse, 'Suggestions') }), (c) => {
    const q = c.req.valid('query');
    return json(c, { query: q.q, suggestions: deps.corpus().search.suggest(q.q, q.limit ? Number(q.limit) : 8) });
  });

  app.openapi(createRoute({ method: 'get', path: '/api/documents', summary: 'List documents', responses: ok(S.DocumentList, 'Every indexed document') }), (c) => {
    const documents = documentSummaries(deps.corpus());
    return json(c, { total: documents.length, documents });
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}',
      summary: 'A document (metadata, sources, reports, clause tree) or an external node, with its effect status on a day',
      description: 'effect: the status of the document and of each provision on asOf (default today): in force, not yet in force, ended (with the date and the ending provision), partly ended, replaced, superseded (inferred); provisions repealed or amended by which clause of which document, from when.',
      request: { params: S.IdParam, query: S.DocumentQuery },
      responses: ok(S.DocumentView, 'The document'),
    }),
    (c) => {
      const corpus = deps.corpus();
      const id = docId(c.req.valid('param').id);
      const asOf = c.req.valid('query').asOf ?? today(deps);
      // A law's view is megabytes of JSON: serialise it once per index and day, not once per request.
      return c.body(memo(corpus, `doc:${id}:${asOf ?? ''}`, () => JSON.stringify(documentView(corpus, id, asOf))), 200, { 'content-type': 'application/json; charset=utf-8' }) as never;
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/sources/{n}',
      summary: 'An original file of the document, as it was given to the indexer',
      description:
        'The n-th file (from 1) of the document\'s sources then its reports, in the order the document view lists them (`document.sources`, `document.reports`). The bytes are those indexed (checked against their sha256), with the content type of their format and `Content-Disposition: attachment` with the file name (RFC 6266, `filename*=UTF-8\'\'…`).',
      request: { params: S.SourceParam },
      responses: {
        200: {
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          description: 'The original file (application/pdf, application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/plain …)',
        },
        ...problems,
      },
    }),
    async (c) => {
      const { id: raw, n } = c.req.valid('param');
      const id = docId(raw);
      const doc = deps.corpus().documents.get(id);
      const all = doc ? [...doc.sources, ...doc.reports] : [];
      const source = all[n - 1];
      if (!source) throw problem(404, doc ? `${id} has ${all.length} source file${all.length === 1 ? '' : 's'}; there is no number ${n}` : `${id} is cited but not in the corpus: it has no file`, 'n');
      const bytes = source.sha256 ? await deps.sources?.get(source.sha256) : undefined;
      if (!bytes) throw problem(404, `the original of ${source.path} is not kept with this build (rebuild the index to keep originals)`, 'n');
      return c.body(bytes as never, 200, {
        'content-type': sourceContentType(source),
        'content-disposition': contentDisposition(sourceFileName(source)),
        'content-length': String(bytes.byteLength),
        // An HTML original must never run as this site's page.
        'content-security-policy': 'sandbox',
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=3600',
      }) as never;
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/documents/{id}/references', summary: 'References the document makes', request: { params: S.IdParam }, responses: ok(S.ReferenceList, 'References') }),
    (c) => json(c, { references: deps.corpus().graph.referencesFrom(docId(c.req.valid('param').id)) }),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/documents/{id}/cited-by', summary: 'References to the document from other documents', request: { params: S.IdParam }, responses: ok(S.ReferenceList, 'References') }),
    (c) => json(c, { references: deps.corpus().graph.citing(docId(c.req.valid('param').id)) }),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/documents/{id}/series', summary: 'The series the document belongs to', request: { params: S.IdParam }, responses: ok(S.Series, 'The series, oldest first') }),
    (c) => {
      const id = docId(c.req.valid('param').id);
      const series = deps.corpus().graph.seriesOf(id);
      if (!series) throw problem(404, `${id} belongs to no series`, 'id');
      return json(c, series);
    },
  );
  // Clause ids contain slashes ("183-kl-tw/3/1/ii"): accept them raw as well as URL-encoded.
  app.get('/api/clauses/:id{.+}', (c) => {
    const id = c.req.param('id').toLowerCase();
    const asOf = S.ClauseQuery.safeParse({ asOf: c.req.query('asOf') });
    if (!asOf.success) throw problem(400, asOf.error.issues[0]!.message, 'asOf');
    const view = clauseView(deps.corpus(), id, asOf.data.asOf ?? today(deps));
    if (!view) throw problem(404, `no clause "${id}" (clause ids look like 202-kl-tw/8 or luat-53-2014-qh13/dieu-5/khoan-2)`, 'id');
    return json(c, view);
  });
  app.openapi(
    createRoute({ method: 'get', path: '/api/clauses/{id}', summary: 'A clause with its references, cited-by, lineage and effect status on a day', request: { params: S.IdParam, query: S.ClauseQuery }, responses: ok(S.ClauseView, 'The clause') }),
    (c) => {
      const id = c.req.valid('param').id.toLowerCase();
      const view = clauseView(deps.corpus(), id, c.req.valid('query').asOf ?? today(deps));
      if (!view) throw problem(404, `no clause "${id}" (clause ids look like 202-kl-tw/8 or luat-53-2014-qh13/dieu-5/khoan-2)`, 'id');
      return json(c, view);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/graph',
      summary: 'The citation graph, around a document or whole',
      request: { query: S.GraphQuery },
      responses: { ...ok(S.Graph, 'Nodes and edges (JSON), or DOT / Mermaid / GraphML text with format=') },
    }),
    (c) => {
      const q = c.req.valid('query');
      const corpus = deps.corpus();
      const depth = q.depth ? Number(q.depth) : 1;
      const graph = q.root
        ? corpus.graph.neighbourhood(docId(q.root), { depth, relations: csv(q.relation) as Relation[] | undefined, direction: q.direction ?? 'both' })
        : filterRelations(corpus.artifact.graph, csv(q.relation));
      switch (q.format ?? 'json') {
        case 'dot':
          return c.text(toDot(graph), 200, { 'content-type': 'text/vnd.graphviz; charset=utf-8' }) as never;
        case 'mermaid':
          return c.text(toMermaid(graph), 200) as never;
        case 'graphml':
          return c.text(toGraphML(graph), 200, { 'content-type': 'application/graphml+xml; charset=utf-8' }) as never;
        default:
          return json(c, graph);
      }
    },
  );

  // Documented here, handled below: the body is text/plain or JSON, validated by hand.
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'post',
      path: '/api/resolve',
      summary: 'Find and resolve the references in any text',
      description: 'Send text/plain, or JSON {"text": "…"}. Returns the references found, resolved against the corpus.',
      request: { body: { content: { 'application/json': { schema: S.ResolveBody }, 'text/plain': { schema: { type: 'string' } as never } }, required: true } },
      responses: ok(S.ReferenceList, 'References found'),
    }));
  app.post('/api/resolve',
    async (c) => {
      // Refused while streaming past the limit (413): never the whole body in memory first.
      const type = mediaType(c);
      if (type && type !== 'application/json' && type !== 'text/plain') throw problem(415, 'send text/plain or application/json', 'content-type');
      const raw = new TextDecoder().decode(await readLimited(c, deps.config.resolveMaxBodyBytes ?? RESOLVE_MAX_BYTES));
      let text: string;
      if (type === 'application/json') {
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          throw problem(400, 'the body is not valid JSON', 'body');
        }
        const parsed = S.ResolveBody.safeParse(body);
        if (!parsed.success) throw problem(400, parsed.error.issues[0]?.message ?? 'expected {"text": "…"}', 'text');
        text = parsed.data.text;
      } else {
        text = raw;
        if (!text.trim()) throw problem(400, 'text is empty', 'body');
        if (text.length > 200_000) throw problem(400, 'text is limited to 200,000 characters', 'body');
      }
      return json(c, { references: resolveText(deps, text) });
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/diagnostics', summary: 'What the last build skipped and found wrong', description: 'Files not indexed (bad name, unreadable, too large, binary, empty …) with the reason; problems found in indexed files; the last rebuild failure; damage found in build/.', responses: ok(S.Diagnostics, 'Diagnostics of the served build') }),
    (c) => json(c, diagnosticsView(deps.corpus(), deps.status?.())),
  );

  app.openapi(createRoute({ method: 'get', path: '/healthz', summary: 'Index loaded, counts, build time', responses: { 200: { content: { 'application/json': { schema: S.Health } }, description: 'Health' } } }), (c) =>
    json(c, health(deps.corpus(), deps.status?.())),
  );
}

const views = new WeakMap<object, Map<string, Uint8Array<ArrayBuffer>>>();
/** Serialised views per corpus (a rebuild brings a new corpus object, so nothing goes stale); at most 200 kept. */
const utf8 = new TextEncoder();

/**
 * A search response: the result (the engine caches it) serialised once per result and query
 * text, then only `tookMs` added per request — repeated queries (paging, typing, many users
 * asking the same) skip JSON.stringify and UTF-8 encoding of hits and facets.
 */
const searchBodies = new WeakMap<object, Map<string, Uint8Array>>();
function searchBody(result: object, query: string, tookMs: number): Uint8Array<ArrayBuffer> {
  let forResult = searchBodies.get(result);
  if (!forResult) searchBodies.set(result, (forResult = new Map()));
  let head = forResult.get(query);
  if (!head) {
    const json = JSON.stringify({ ...result, query });
    head = utf8.encode(json.slice(0, -1)); // without the closing brace
    forResult.set(query, head);
  }
  const tail = utf8.encode(`,"tookMs":${tookMs}}`);
  const body = new Uint8Array(head.length + tail.length);
  body.set(head);
  body.set(tail, head.length);
  return body;
}
/** A view serialised and UTF-8 encoded once per index: re-encoding megabytes per request cost more than sending them. */
function memo(corpus: object, key: string, make: () => string): Uint8Array<ArrayBuffer> {
  let m = views.get(corpus);
  if (!m) views.set(corpus, (m = new Map()));
  let v = m.get(key);
  if (v === undefined) {
    v = utf8.encode(make());
    m.set(key, v);
    if (m.size > 200) m.delete(m.keys().next().value!);
  }
  return v;
}

function filterRelations<G extends { nodes: unknown[]; edges: { relation: string }[] }>(g: G, relations: string[] | undefined): G {
  return relations?.length ? { ...g, edges: g.edges.filter((e) => relations.includes(e.relation)) } : g;
}

/** References in pasted text: one transient paragraph, found and resolved against the corpus. */
function resolveText(deps: AppDeps, raw: string) {
  const text = normalize(raw);
  const lines = new LineIndex(text);
  const doc: DocumentRecord = {
    id: 'input',
    type: 'khac',
    typeLabel: 'Văn bản',
    corpus: 'input',
    sources: [],
    reports: [],
    text,
    roots: ['input/p1'],
    clauses: [{ id: 'input/p1', docId: 'input', kind: 'paragraph', label: '', number: '1', path: ['p1'], pathLabel: '¶1', text, span: lines.span(0, text.length), children: [] }],
  };
  const corpus = deps.corpus();
  return resolveReferences(findReferences(doc), [...corpus.artifact.documents, doc], new VFile()).references;
}
