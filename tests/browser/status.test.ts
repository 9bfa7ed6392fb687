/**
 * Effect status in the pages, in real headless Chromium (Debian's, driven by playwright-core):
 * the search page's "in force only" toggle with its day, and the document page's evidence of a
 * series supersession said in Vietnamese under a Vietnamese label. Every page passes axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axe, hasChromium, launch } from '../helpers/browser.ts';
import { ROOT } from '../helpers/seeds.ts';
import { startServer, type Started } from '../../indexer/commands/serve.ts';
import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const run = hasChromium || process.env.CI === 'true' ? describe : describe.skip;

run(`effect status in the pages (Chromium)${hasChromium ? '' : ' — skipped: /usr/bin/chromium not found'}`, () => {
  let dir: string;
  let server: Started;
  let browser: Browser;
  let page: Page;
  const docsShown = async () => new Set((await page.locator('ol.hits li').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))).map((id) => id.split('/')[0]));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracuu-status-web-'));
    cpSync(resolve(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
    server = await startServer({ paths: ['seeds'], cwd: dir, port: 0, quiet: true, log: () => {}, rateLimitPerMinute: 0 });
    browser = await launch();
    page = await browser.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('"Chỉ văn bản còn hiệu lực" leaves out superseded conclusions; the day decides (asOf in the URL); axe-core passes', async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent('bộ máy')}`);
    await page.locator('ol.hits li').first().waitFor();
    expect(await page.locator('#in-force').isChecked()).toBe(false);
    await expect.poll(async () => (await docsShown()).has('183-kl-tw'), { timeout: 15_000 }).toBe(true);
    // In force today: 221-KL/TW (the newest of its series), not 183-KL/TW.
    await page.locator('#in-force').check();
    await page.waitForURL(/inForce=1/);
    await expect.poll(async () => [...(await docsShown())].sort().join(' '), { timeout: 15_000 }).not.toContain('183-kl-tw');
    expect(await docsShown()).toContain('221-kl-tw');
    // On 10 November 2025 202-KL/TW was the one in force and 221-KL/TW not yet issued.
    await page.locator('#as-of').fill('2025-11-10');
    await page.locator('#as-of').dispatchEvent('change');
    await page.waitForURL(/asOf=2025-11-10/);
    await expect.poll(async () => [...(await docsShown())].sort().join(' '), { timeout: 15_000 }).toContain('202-kl-tw');
    expect(await docsShown()).not.toContain('221-kl-tw');
    expect(await docsShown()).not.toContain('183-kl-tw');
    expect(await axe(browser, `${server.url}/?q=bo+may&inForce=1&asOf=2025-11-10`, 'ol.hits li')).toEqual([]);
  });

  it('a series supersession is shown with its Vietnamese evidence, labelled as inferred from the series (not "Căn cứ")', async () => {
    await page.goto(`${server.url}/doc/183-kl-tw?asOf=2025-12-20`);
    await page.locator('section.effect').waitFor();
    const text = (await page.locator('section.effect').textContent()) ?? '';
    expect(text).toContain('Suy ra từ loạt văn bản');
    expect(text).not.toContain('Căn cứ:');
    expect(text).toMatch(/ban hành sau .* trong loạt “/u);
    expect(text).not.toMatch(/follows|same issuer/u);
    expect(await axe(browser, `${server.url}/doc/183-kl-tw?asOf=2025-12-20`, 'section.effect')).toEqual([]);
  });
});
