/** The web app's files (search page, document page, graph page, widget) from deps.assets. */
import type { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { problem } from '../problem.ts';

export function registerPages(app: Hono, deps: AppDeps): void {
  const send = (path: string, cache = 'no-cache') => {
    const asset = deps.assets?.get(path);
    if (!asset) throw problem(404, `no page "${path}"`);
    return new Response(asset.body as BodyInit, { headers: { 'content-type': asset.type, 'cache-control': cache } });
  };
  app.get('/', () => send('index.html'));
  app.get('/doc/:id{.+}', () => send('document.html'));
  app.get('/graph', () => send('graph.html'));
  app.get('/tasks', () => send('tasks.html'));
  app.get('/embed.js', () => send('embed.js', 'public, max-age=300'));
  app.get('/demo/:file{.+}', (c) => send(`demo/${c.req.param('file')}`));
  app.get('/assets/:file{.+}', (c) => {
    const file = c.req.param('file');
    if (file.includes('..')) throw problem(404, 'no such file');
    return send(`assets/${file}`, 'public, max-age=300');
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));
}
