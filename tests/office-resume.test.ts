/**
 * Resumable bulk import (indexer/inputs.ts, build/cache/files.jsonl): a file read before — same
 * path, size and modification time — whose extraction is cached is not opened again. Proven by
 * changing its bytes behind the stamp's back (same size, mtime put back): the second load still
 * gives the first text, so the file was not read; with a new mtime it is read again.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../indexer/inputs.ts';

const dir = mkdtempSync(join(tmpdir(), 'tracuu-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bulk import: files already read are not read again', () => {
  const file = join(dir, 'docs', 'luat.rtf');
  const cacheDir = join(dir, 'build', 'cache');
  const sourcesDir = join(dir, 'build', 'sources');

  it('an unchanged office file comes from the cache without being opened; a touched one is read again', async () => {
    const original = readFileSync(resolve(import.meta.dirname, 'fixtures/rtf/luat-an-ninh-mang-cp1258.rtf'));
    rmSync(join(dir, 'docs'), { recursive: true, force: true });
    mkdirSync(join(dir, 'docs'), { recursive: true });
    copyFileSync(resolve(import.meta.dirname, 'fixtures/rtf/luat-an-ninh-mang-cp1258.rtf'), file);
    // A whole-second mtime, so that it can be put back exactly.
    const mtime = new Date(1_700_000_000_000);
    utimesSync(file, mtime, mtime);
    const first = await loadInputs([file], { cacheDir, sourcesDir });
    expect(first.inputs).toHaveLength(1);
    expect(first.inputs[0]!.text).toMatch(/^Điều 1\. Phạm vi điều chỉnh$/m);
    expect(readFileSync(join(cacheDir, 'files.jsonl'), 'utf8')).toContain(first.inputs[0]!.sha256);

    // Same size, same mtime, other bytes: taken as unchanged, so not read.
    writeFileSync(file, Buffer.alloc(original.length, 0x20));
    utimesSync(file, mtime, mtime);
    const second = await loadInputs([file], { cacheDir, sourcesDir });
    expect(second.inputs.map((i) => [i.sha256, i.text, i.format])).toEqual(first.inputs.map((i) => [i.sha256, i.text, i.format]));

    // A new mtime: read again (and these bytes are blank).
    const later = new Date(mtime.getTime() + 5000);
    utimesSync(file, later, later);
    const third = await loadInputs([file], { cacheDir, sourcesDir });
    expect(third.inputs.map((i) => i.sha256)).not.toEqual([first.inputs[0]!.sha256]);
  });

  it('a text file is read each time (its bytes are its text) and a changed one is seen', async () => {
    const txt = join(dir, 'docs', 'a.txt');
    writeFileSync(txt, 'Điều 1. Một\nĐiều 2. Hai\n');
    const a = await loadInputs([txt], { cacheDir });
    writeFileSync(txt, 'Điều 1. Một\nĐiều 2. Ba!\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(txt, later, later);
    const b = await loadInputs([txt], { cacheDir });
    expect(b.inputs[0]!.text).toMatch(/Ba!/);
    expect(b.inputs[0]!.sha256).not.toBe(a.inputs[0]!.sha256);
  });
});
