/** Tasks and deadlines: list with filters (JSON, CSV, iCalendar) and one task by id. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { lookupDocumentId } from '../../corpus.ts';
import { parseTaskId } from '../../ids.ts';
import { tasksToCsv, tasksToIcs } from '../../tasks/index.ts';
import { problem } from '../problem.ts';
import * as S from '../schemas.ts';

const KEYS = new Set(Object.keys(S.TaskQuery.shape));
const problems = {
  400: { content: { 'application/problem+json': { schema: S.Problem } }, description: 'Bad input: the detail says what, `param` says where.' },
  404: { content: { 'application/problem+json': { schema: S.Problem } }, description: 'Unknown document, series or task.' },
};

/** Today at the edge's clock, as an ISO date; src/ never reads the clock itself. */
const today = (deps: AppDeps) => (deps.now ? deps.now().toISOString().slice(0, 10) : undefined);

export function registerTasks(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tasks',
      summary: 'Tasks and their deadlines',
      description: 'Who must do what, by when, found in every clause. Filter by body, document, series and due date; "overdue" is judged on asOf (default today). format=csv or ics exports every match.',
      request: { query: S.TaskQuery },
      responses: {
        200: {
          content: { 'application/json': { schema: S.TaskList }, 'text/csv': { schema: { type: 'string' } as never }, 'text/calendar': { schema: { type: 'string' } as never } },
          description: 'The tasks, dated first, earliest first',
        },
        ...problems,
      },
    }),
    (c) => {
      for (const key of Object.keys(c.req.queries())) if (!KEYS.has(key)) throw problem(400, `unknown parameter "${key}"; known: ${[...KEYS].join(', ')}`, key);
      const q = c.req.valid('query');
      const corpus = deps.corpus();
      if (q.dueBefore && q.dueAfter && q.dueAfter > q.dueBefore) throw problem(400, '"dueAfter" is after "dueBefore"', 'dueAfter');
      const asOf = q.asOf ?? today(deps);
      if (q.overdue && !asOf) throw problem(400, 'overdue needs asOf (YYYY-MM-DD): this server has no clock', 'asOf');
      const documents: string[] = [];
      for (const raw of (q.document ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
        const id = lookupDocumentId(corpus, raw);
        if (!id) throw problem(404, `no document "${raw}" (try GET /api/documents)`, 'document');
        documents.push(id);
      }
      if (q.series) {
        const member = lookupDocumentId(corpus, q.series);
        const series = corpus.artifact.series.find((s) => s.id === q.series) ?? (member ? corpus.graph.seriesOf(member) : undefined);
        if (!series) throw problem(404, `no series "${q.series}" (a series id, or a document of one)`, 'series');
        const members = new Set(series.members);
        if (documents.length) {
          const both = documents.filter((d) => members.has(d));
          documents.splice(0, documents.length, ...(both.length ? both : ['\u0000none']));
        } else documents.push(...series.members);
      }
      const found = corpus.tasks.query({
        ...(q.assignee ? { assignee: q.assignee } : {}),
        ...(documents.length ? { documents } : {}),
        ...(q.dueBefore ? { dueBefore: q.dueBefore } : {}),
        ...(q.dueAfter ? { dueAfter: q.dueAfter } : {}),
        ...(q.overdue ? { overdue: q.overdue === 'true', asOf: asOf! } : {}),
      });
      const origin = new URL(c.req.url).origin;
      if (q.format === 'csv' || q.format === 'ics') {
        const views = found.map((t) => corpus.tasks.view(t, asOf));
        const body = q.format === 'csv' ? tasksToCsv(views, origin) : tasksToIcs(views, { baseUrl: origin, stamp: corpus.artifact.builtAt });
        const type = q.format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'text/calendar; charset=utf-8';
        return c.body(body, 200, { 'content-type': type, 'content-disposition': `attachment; filename="tracuu-nhiem-vu.${q.format}"` }) as never;
      }
      const limit = q.limit ? Number(q.limit) : 200;
      const offset = q.offset ? Number(q.offset) : 0;
      const tasks = found.slice(offset, offset + limit).map((t) => corpus.tasks.view(t, asOf));
      return c.json({ total: found.length, ...(asOf ? { asOf } : {}), offset, limit, tasks } as never, 200);
    },
  );

  // Task ids hold slashes and "#" ("183-kl-tw/3/1/i#t1"): send "#" as %23.
  app.get('/api/tasks/:id{.+}', (c) => {
    const id = c.req.param('id').toLowerCase();
    if (!parseTaskId(id)) throw problem(400, `"${id}" is not a task id (they look like 183-kl-tw/3/1/i#t1, with # sent as %23)`, 'id');
    const corpus = deps.corpus();
    const task = corpus.tasks.get(id);
    if (!task) throw problem(404, `no task "${id}" (try GET /api/tasks?document=…)`, 'id');
    const asOf = c.req.query('asOf') ?? today(deps);
    if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw problem(400, 'asOf must be a date written YYYY-MM-DD', 'asOf');
    return c.json(corpus.tasks.view(task, asOf) as never, 200);
  });
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'get',
      path: '/api/tasks/{id}',
      summary: 'One task: its action, bodies, deadline, and the tasks it repeats or implements',
      request: { params: S.IdParam },
      responses: { 200: { content: { 'application/json': { schema: S.TaskView } }, description: 'The task' }, ...problems },
    }),
  );
}
