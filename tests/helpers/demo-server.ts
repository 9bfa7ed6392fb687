/** A second origin for the widget tests: serves web/demo/ on its own port. */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './seeds.ts';

export async function startDemo(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const file = (req.url ?? '/').split('?')[0]!.replace(/^\/+/, '') || 'intranet.html';
    let body: Buffer;
    try {
      body = readFileSync(resolve(ROOT, 'web/demo', file.replace(/\.\./g, '')));
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
