/**
 * The external corpus (`../shared/corpus-external`) is on CI and developers' machines, not
 * in a user's fresh clone. Tests that need it use `describeExternal`: skipped with a clear
 * message when it is absent, except under CI=true, where its absence is a failure.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';

export const EXTERNAL_DIR = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(import.meta.dirname, '../../../shared/corpus-external'));

export function externalPath(...parts: string[]): string {
  return resolve(EXTERNAL_DIR, ...parts);
}

export const hasExternal = existsSync(EXTERNAL_DIR);

export function describeExternal(name: string, fn: () => void): void {
  if (hasExternal) {
    describe(name, fn);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`external corpus missing at ${EXTERNAL_DIR} (required under CI=true)`);
    });
  } else {
    describe.skip(`${name} — skipped: external corpus not found at ${EXTERNAL_DIR} (set TRACUU_EXTERNAL_DIR)`, fn);
  }
}
