/**
 * The web app in real headless Chromium (Debian's, driven by playwright-core): search,
 * document page, graph, the widget across origins, and documents that try to run script.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axe, hasChromium, launch } from '../helpers/browser.ts';
import { startDemo } from '../helpers/demo-server.ts';
import { ROOT } from '../helpers/seeds.ts';
import { startServer, type Started } from '../../indexer/commands/serve.ts';

const run = hasChromium || process.env.CI === 'true' ? describe : describe.skip;

const XSS = [
  'Kết luận số 999-KL/TW về kiểm thử an toàn hiển thị',
  '1. Nội dung độc <script>window.__pwned = 1</script> phải hiện như chữ.',
  '2. Ảnh độc <img src=x onerror="window.__pwned = 2"> và liên kết [bấm](javascript:window.__pwned=3) cũng vậy.',
  '3. Thẻ <svg onload="window.__pwned=4"></svg> và "><script>window.__pwned=5</script> không chạy.',
].join('\n');
// Two conclusions sharing a sentence, one with more matching items than its share of a page.
const REPEAT = (n: number, items: string[]) => [`Kết luận số ${n}-KL/TW về kiểm thử kết quả lặp lại`, '1. Các cấp uỷ tăng cường kiểm tra giám sát việc thực hiện Kết luận này.', ...items.map((t, i) => `${i + 2}. ${t}`)].join('\n');

run(`web app in Chromium${hasChromium ? '' : ' — skipped: /usr/bin/chromium not found (apt-get install chromium)'}`, () => {
  let dir: string;
  let server: Started;
  let demo: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracuu-web-'));
    cpSync(resolve(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus', 'xss.txt'), XSS);
    writeFileSync(join(dir, 'corpus', 'kl-901.txt'), REPEAT(901, ['Kiểm tra giám sát công tác cán bộ.', 'Kiểm tra giám sát việc dùng ngân sách.', 'Kiểm tra giám sát đầu tư công.', 'Kiểm tra giám sát quản lý đất đai.']));
    writeFileSync(join(dir, 'corpus', 'kl-902.txt'), REPEAT(902, ['Báo cáo kết quả trước quý IV.']));
    // Enough other documents that the first page can be filled without 901's fourth item.
    for (let n = 903; n <= 910; n++) writeFileSync(join(dir, 'corpus', `kl-${n}.txt`), [`Kết luận số ${n}-KL/TW về kiểm thử`, `1. Uỷ ban kiểm tra giám sát chuyên đề số ${n - 900} trong năm.`].join('\n'));
    demo = await startDemo();
    server = await startServer({ paths: ['seeds', 'corpus'], cwd: dir, port: 0, quiet: true, log: () => {}, corsOrigins: [demo.url], rateLimitPerMinute: 0 });
    browser = await launch();
    page = await browser.newPage();
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await demo?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('typing "tram y te" shows 221-KL/TW clause [4] with the words highlighted', async () => {
    await page.goto(server.url);
    await page.locator('#q').pressSequentially('tram y te', { delay: 20 });
    const first = page.locator('ol.hits li').first();
    await first.waitFor();
    // The page searches as one types: "tram y" may show its own first hit before "tram y te" lands.
    await expect.poll(() => first.getAttribute('data-id'), { timeout: 15_000 }).toBe('221-kl-tw/4');
    expect(await first.locator('.path').textContent()).toBe('[4]');
    expect(await first.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['trạm', 'y', 'tế']));
    expect(page.url()).toContain('q=tram+y+te');
  });

  it('opens 202-KL/TW and follows its reference to 195-KL/TW, shown as not in the corpus', async () => {
    await page.goto(`${server.url}/doc/202-kl-tw`);
    await page.locator('h1').waitFor();
    expect(await page.locator('.doc-head .kicker').textContent()).toContain('202-KL/TW');
    await page.locator('.clause a[data-target="195-kl-tw"]').first().click();
    await page.waitForURL(/\/doc\/195-kl-tw/);
    await page.locator('.badge.ext').first().waitFor();
    expect(await page.locator('.doc-head').textContent()).toContain('195-KL/TW');
    expect(await page.locator('.clauses').textContent()).toContain('202-kl-tw/2');
  });

  it('shows the effect status on a chosen day, in words, and the day can be changed; passes axe-core', async () => {
    await page.goto(`${server.url}/doc/183-kl-tw?asOf=2025-12-20`);
    await page.locator('section.effect').waitFor();
    expect(await page.locator('.effect-now').textContent()).toContain('Có văn bản mới hơn cùng loạt (suy ra)');
    expect(await page.locator('.doc-head .badge.effect').getAttribute('data-effect')).toBe('superseded');
    expect(await page.locator('#asof').inputValue()).toBe('2025-12-20');
    // A day before the conclusion was issued: not yet in force (inferred from its date).
    await page.locator('#asof').fill('2020-01-01');
    await page.locator('form.asof button').click();
    await page.waitForURL(/asOf=2020-01-01/);
    await page.locator('.effect-now [data-effect="not-yet-in-force"]').waitFor();
    expect(await page.locator('.effect-now').textContent()).toContain('Chưa có hiệu lực');
    // In force: said with the note that the corpus does not hold every document.
    await page.goto(`${server.url}/doc/221-kl-tw?asOf=2025-12-20`);
    await page.locator('.effect-caveat').waitFor();
    expect(await page.locator('.effect-caveat').textContent()).toContain('Kho không chứa mọi văn bản');
    expect(await axe(browser, `${server.url}/doc/221-kl-tw?asOf=2025-12-20`, 'section.effect')).toEqual([]);
    expect(await axe(browser, `${server.url}/doc/183-kl-tw?asOf=2025-12-20`, 'section.effect')).toEqual([]);
    expect(await axe(browser, `${server.url}/doc/221-kl-tw?asOf=2020-01-01`, 'section.effect')).toEqual([]);
  });

  it('draws the graph with the series 183 → 195 → 202 → 221', async () => {
    await page.goto(`${server.url}/graph?root=221-kl-tw&depth=3`);
    const graph = await page.waitForFunction(() => (window as any).__tracuuGraph).then((h) => h.jsonValue() as Promise<{ nodes: string[]; edges: { from: string; to: string; relation: string }[] }>);
    expect(graph.nodes).toEqual(expect.arrayContaining(['183-kl-tw', '195-kl-tw', '202-kl-tw', '221-kl-tw']));
    const chain = graph.edges.filter((e) => e.relation === 'supersedes').map((e) => `${e.from}>${e.to}`);
    expect(chain).toEqual(expect.arrayContaining(['221-kl-tw>202-kl-tw', '202-kl-tw>195-kl-tw', '195-kl-tw>183-kl-tw']));
    expect(await page.locator('#cy canvas').count()).toBeGreaterThan(0);
  });

  it('the widget on another origin gets results through CORS', async () => {
    await page.goto(`${demo.url}/intranet.html?endpoint=${encodeURIComponent(server.url)}`);
    const input = page.locator('tracuu-search input');
    await input.waitFor();
    await input.pressSequentially('tram y te', { delay: 20 });
    const option = page.locator('tracuu-search li[role=option]').first();
    await option.waitFor();
    expect(await option.locator('a').getAttribute('href')).toBe(`${server.url}/doc/221-kl-tw#221-kl-tw%2F4`);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await input.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBeTruthy();
    // Host CSS does not leak in: the page paints inputs yellow, the widget's stays its own.
    const bg = await input.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 0)');
  });

  it('the widget is refused from an origin not on the allowlist', async () => {
    const other = await startServer({ paths: ['seeds'], cwd: dir, port: 0, quiet: true, log: () => {}, corsOrigins: ['http://intranet.example'], out: 'build-other', rateLimitPerMinute: 0 });
    try {
      await page.goto(`${demo.url}/intranet.html?endpoint=${encodeURIComponent(other.url)}`);
      // embed.js itself is refused too (module scripts need CORS): load the widget from the allowed server, point it at the other.
      await page.goto(`${demo.url}/intranet.html?endpoint=${encodeURIComponent(server.url)}`);
      await page.locator('tracuu-search input').waitFor();
      await page.locator('tracuu-search').evaluate((el, url) => el.setAttribute('endpoint', url), other.url);
      await page.locator('tracuu-search input').pressSequentially('tram y te', { delay: 20 });
      await page.waitForFunction(() => document.querySelector('tracuu-search')?.getAttribute('data-state') === 'error');
      expect(await page.locator('tracuu-search li[role=option]').count()).toBe(0);
      expect(await page.locator('tracuu-search li.m').textContent()).toContain('Không kết nối được');
    } finally {
      await other.close();
    }
  });

  it('the same sentence in two documents is one hit ("và 1 văn bản khác"); a document past its share offers "more in this document"; axe-core passes', async () => {
    const url = `${server.url}/?q=${encodeURIComponent('tăng cường kiểm tra giám sát')}`;
    await page.goto(url);
    await page.locator('ol.hits li').first().waitFor();
    expect(await page.locator('details.also-in summary').allTextContents()).toEqual(['và 1 văn bản khác có cùng nội dung']);
    const ids = await page.locator('ol.hits li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')));
    expect(ids.filter((id) => id?.startsWith('901-kl-tw/')).length).toBe(3);
    const more = page.locator('a.more-in-doc');
    expect(await more.textContent()).toBe('Thêm 2 kết quả trong văn bản này');
    expect(await axe(browser, url, 'details.also-in')).toEqual([]);
    await more.click();
    await page.locator('p.only-doc').waitFor();
    expect(page.url()).toContain('document=901-kl-tw');
    const inDoc = await page.locator('ol.hits li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')));
    expect(inDoc).toHaveLength(5);
    expect(inDoc.every((id) => id?.startsWith('901-kl-tw/'))).toBe(true);
    expect(await axe(browser, page.url(), 'p.only-doc')).toEqual([]);
  });

  it('text that looks like script never runs: search page, document page, graph tooltip, widget', async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent('nội dung độc script')}`);
    await page.locator('ol.hits li').first().waitFor();
    expect(await page.locator('ol.hits').textContent()).toContain('<script>');
    await page.goto(`${server.url}/doc/999-kl-tw`);
    await page.locator('.clause').first().waitFor();
    expect(await page.locator('.clauses').textContent()).toContain('onerror=');
    expect(await page.locator('.clauses img, .clauses script, .clauses svg').count()).toBe(0);
    await page.goto(`${server.url}/graph?root=999-kl-tw&depth=1`);
    await page.waitForFunction(() => (window as any).__tracuuGraph);
    await page.goto(`${demo.url}/intranet.html?endpoint=${encodeURIComponent(server.url)}`);
    await page.locator('tracuu-search input').pressSequentially('anh doc img', { delay: 10 });
    await page.locator('tracuu-search li[role=option]').first().waitFor();
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
