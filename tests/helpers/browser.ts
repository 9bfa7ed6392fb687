/** Debian's Chromium driven by playwright-core — never a downloaded browser. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.TRACUU_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

// Flags that work on this machine: headless, no sandbox as root, no background networking
// (the closed network refuses it, noisily).
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core WCAG 2 AA violations on a page (a context that lets the test inject it past the CSP). */
export async function axe(browser: Browser, url: string, ready: string): Promise<string[]> {
  const context = await browser.newContext({ bypassCSP: true });
  const p = await context.newPage();
  await p.goto(url);
  await p.locator(ready).first().waitFor();
  await p.addScriptTag({ path: AXE });
  const result = await p.evaluate(async () => {
    const r = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: any) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target?.join(' ')}`);
  });
  await context.close();
  return result;
}
