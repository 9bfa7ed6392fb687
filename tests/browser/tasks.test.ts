/**
 * The tasks page and the tasks beside their clauses, in real headless Chromium (Debian's):
 * filters by body, document, due date and overdue; the timeline by month; overdue relative to
 * the day given; the .ics download parses; axe-core finds no WCAG 2 AA violation.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ICAL from 'ical.js';
import { axe, hasChromium, launch } from '../helpers/browser.ts';
import { ROOT } from '../helpers/seeds.ts';
import { startServer, type Started } from '../../indexer/commands/serve.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = hasChromium || process.env.CI === 'true' ? describe : describe.skip;

run(`tasks page in Chromium${hasChromium ? '' : ' — skipped: /usr/bin/chromium not found (apt-get install chromium)'}`, () => {
  let server: Started;
  let browser: Browser;
  let page: Page;
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'tracuu-tasks-web-'));
    server = await startServer({ paths: ['seeds'], cwd: ROOT, out, port: 0, quiet: true, log: () => {}, rateLimitPerMinute: 0, now: () => new Date('2025-12-20T08:00:00Z') });
    browser = await launch();
    page = await browser.newPage({ acceptDownloads: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('shows every task on a timeline by month, overdue marked against the day given', async () => {
    await page.goto(`${server.url}/tasks?asOf=2025-12-20`);
    await page.locator('article.task').first().waitFor();
    expect(await page.locator('#summary').textContent()).toBe('50 nhiệm vụ · 13 quá hạn · tính đến ngày 20/12/2025');
    const months = await page.locator('section.month').evaluateAll((els) => els.map((e) => e.getAttribute('data-month')));
    expect(months).toEqual(['2025-08', '2025-12', '~none', '~recurring']);
    expect(await page.locator('section[data-month="2025-08"] article.task.overdue').count()).toBe(7);
    // 31/12/2025 is not past on 20/12/2025.
    const dec = page.locator('section[data-month="2025-12"] article.task');
    expect(await dec.count()).toBe(10);
    expect(await page.locator('section[data-month="2025-12"] article.task.overdue').count()).toBe(6);
    expect(await page.locator('section[data-month="2025-12"] h2 .badge').textContent()).toBe('tháng này');
    const card = page.locator('article.task[data-id="202-kl-tw/4/1/i#t1"]');
    expect(await card.locator('.where a').getAttribute('href')).toBe('/doc/202-kl-tw#202-kl-tw%2F4%2F1%2Fi');
    expect(await card.locator('.task-links').textContent()).toContain('Nhắc lại từ 183-KL/TW 3.(2) — thời hạn 31/8/2025 → 15/12/2025');
    expect(await card.locator('.task-head').textContent()).toContain('hạn chung nêu sau các nhiệm vụ');
  });

  it('filters by body (any spelling), overdue, document and due dates, and keeps them in the address', async () => {
    await page.locator('#assignee').fill('so noi vu');
    await page.locator('#filters button[type=submit]').click();
    await page.waitForFunction(() => document.querySelectorAll('article.task').length === 1);
    expect(await page.locator('article.task').getAttribute('data-id')).toBe('vb-001-57c09aa3197540b1/p7#t1');
    expect(page.url()).toContain('assignee=so+noi+vu');
    await page.locator('#reset').click();
    await page.waitForFunction(() => document.querySelectorAll('article.task').length === 50);
    await page.locator('#overdue').check();
    await page.waitForFunction(() => document.querySelectorAll('article.task').length === 13);
    expect(await page.locator('article.task:not(.overdue)').count()).toBe(0);
    await page.locator('#overdue').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('article.task').length === 50);
    await page.locator('#document').selectOption('221-kl-tw');
    await page.waitForFunction(() => document.querySelectorAll('article.task').length === 7);
    await page.locator('#reset').click();
    await page.locator('#dueAfter').fill('2025-12-01');
    await page.locator('#dueBefore').fill('2025-12-31');
    await page.locator('#filters button[type=submit]').click();
    await page.waitForFunction(() => document.querySelectorAll('article.task').length === 10);
    expect(await page.locator('section.month').evaluateAll((els) => els.map((e) => e.getAttribute('data-month')))).toEqual(['2025-12']);
  });

  it('the .ics download holds what is shown and parses', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ics').click()]);
    expect(download.suggestedFilename()).toBe('tracuu-nhiem-vu.ics');
    const text = readFileSync((await download.path())!, 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBe(10);
    expect(events.every((e) => e.startDate.toString() >= '2025-12-01' && e.startDate.toString() <= '2025-12-31')).toBe(true);
    expect(String(events[0]!.component.getFirstPropertyValue('url'))).toMatch(new RegExp(`^${server.url}/doc/`));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
    expect(readFileSync((await csv.path())!, 'utf8').trim().split('\r\n').length).toBe(11);
  });

  it('passes axe-core WCAG 2 AA', async () => {
    expect(await axe(browser, `${server.url}/tasks?asOf=2025-12-20`, 'article.task')).toEqual([]);
    expect(await axe(browser, `${server.url}/tasks?asOf=2025-12-20&overdue=true&assignee=dang+uy`, 'article.task')).toEqual([]);
  });

  it('the document page shows each task beside its clause, and passes axe-core', async () => {
    await page.goto(`${server.url}/doc/202-kl-tw?asOf=2025-12-20`);
    await page.locator('.clause-tasks').first().waitFor();
    const item = page.locator('[id="202-kl-tw/4/1/i"] > .clause-tasks article.task');
    expect(await item.locator('.due').textContent()).toBe('15/12/2025');
    expect(await item.locator('.badge.late').count()).toBe(1);
    expect(await item.locator('.who').textContent()).toContain('Đảng ủy Chính phủ');
    expect(await page.locator('.side').textContent()).toContain('Nhiệm vụ (16)');
    expect(await axe(browser, `${server.url}/doc/202-kl-tw?asOf=2025-12-20`, '.clause-tasks')).toEqual([]);
  });
});
