/**
 * Screenshots of the search page, a document page, the tasks page, the graph page and the widget demo, for
 * the README: `node bin/run.js scripts/screenshots.ts` (needs /usr/bin/chromium).
 */
import { resolve } from 'node:path';
import { startServer } from '../indexer/commands/serve.ts';
import { launch } from '../tests/helpers/browser.ts';
import { startDemo } from '../tests/helpers/demo-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'docs/screenshots');
const server = await startServer({ port: 0, quiet: true, cwd: ROOT, out: '.tmp/screens-build', log: () => {} });
// The demo intranet on another origin.
const demo = await startDemo();
const demoPort = Number(new URL(demo.url).port);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
try {
  await page.goto(`${server.url}/?q=tram+y+te+cap+xa`);
  await page.waitForSelector('ol.hits li');
  await page.screenshot({ path: `${OUT}/search.png` });
  await page.goto(`${server.url}/doc/202-kl-tw`);
  await page.waitForSelector('.clause');
  await page.screenshot({ path: `${OUT}/document.png` });
  // Tasks as of a fixed day, so the picture (what is overdue) does not change with the day it is taken.
  await page.goto(`${server.url}/tasks?asOf=2025-12-20`);
  await page.waitForSelector('article.task');
  await page.screenshot({ path: `${OUT}/tasks.png` });
  await page.goto(`${server.url}/graph?root=221-kl-tw&depth=2`);
  await page.waitForFunction(() => (window as unknown as { __tracuuGraph?: unknown }).__tracuuGraph);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/graph.png` });
  // The widget: the server must allow the demo origin; restart it with CORS for it.
  await server.close();
  const withCors = await startServer({ port: 0, quiet: true, cwd: ROOT, out: '.tmp/screens-build', log: () => {}, corsOrigins: [`http://localhost:${demoPort}`] });
  await page.goto(`http://localhost:${demoPort}/intranet.html?endpoint=${encodeURIComponent(withCors.url)}`);
  const input = page.locator('tracuu-search input');
  await input.fill('tram y te');
  await page.waitForSelector('tracuu-search li[role=option]');
  await page.screenshot({ path: `${OUT}/widget.png` });
  await withCors.close();
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await demo.close();
}
