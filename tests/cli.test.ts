/** The CLI, in-process: commands print what they should and exit with the right code. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../indexer/cli.ts';
import { ROOT } from './helpers/seeds.ts';

const out = mkdtempSync(join(tmpdir(), 'tracuu-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
process.chdir(ROOT);

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const logs: string[] = [];
  const errs: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void logs.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => void errs.push(a.join(' ')));
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (logs.push(String(s)), true));
  const ewrite = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await main(argv);
    return { code, stdout: logs.join('\n'), stderr: errs.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
    write.mockRestore();
    ewrite.mockRestore();
  }
}

describe('tracuu index', () => {
  it('--json prints {documents, clauses, diagnostics, levels} with ASCII level keys', async () => {
    const r = await run('index', 'seeds', '--out', out, '--json', '--force');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(Object.keys(s)).toEqual(['documents', 'clauses', 'diagnostics', 'levels', 'formats', 'files']);
    expect(s.documents).toBe(4);
    // Every file accounted for: five seeds, one a news report attached to 221-KL/TW; per format.
    expect(s.files.filter((f: any) => f.status === 'indexed')).toHaveLength(4);
    expect(s.files.filter((f: any) => f.status === 'report').map((f: any) => f.documents)).toEqual([['221-kl-tw']]);
    expect(s.formats).toEqual({ txt: { files: 5, indexed: 4, attached: 1, failed: [], skipped: 0 } });
    expect(Object.keys(s.levels).sort()).toEqual(['appendix', 'chuong', 'diem', 'dieu', 'footnote', 'item', 'khoan', 'muc', 'paragraph', 'phan', 'preamble', 'title']);
    // Outside the numbered body: 202-KL/TW's title, 001's "Triển khai thực hiện …" line (src/segment/frame.ts).
    expect([s.levels.title, s.levels.preamble]).toEqual([1, 1]);
    expect(s.levels.footnote).toBe(1);
    expect(s.levels.item).toBeGreaterThan(40);
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'no-number', line: 3, column: 1 }));
  });
  it('a mixed folder: the end report per format says what was indexed, attached and not indexed, and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracuu-mixed-'));
    try {
      const seed = readFileSync(join(ROOT, 'seeds/000_5aebc353f5666171.txt'));
      writeFileSync(join(dir, 'a.txt'), seed);
      writeFileSync(join(dir, 'copy-of-a.txt'), seed); // the same file twice: one document, two sources
      writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.4\nnot really a pdf');
      writeFileSync(join(dir, 'README.md'), '# about this folder');
      const r = await run('index', dir, '--out', join(dir, 'build'), '--json', '--force');
      const s = JSON.parse(r.stdout);
      expect(s.formats.txt).toMatchObject({ files: 2, indexed: 1, attached: 1 });
      expect(s.formats.pdf.failed).toHaveLength(1);
      expect(s.formats.pdf.failed[0].reason).toMatch(/pdf|damaged|read/i);
      expect(s.formats.md).toMatchObject({ files: 1, skipped: 1 });
      const text = await run('index', dir, '--out', join(dir, 'build'));
      expect(text.stdout).toMatch(/4 files: \.txt 1 indexed, 1 attached · /);
      expect(text.stdout).toMatch(/not indexed: .*broken\.pdf — /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a summary and remark-style diagnostics, and reuses an unchanged build', async () => {
    const r = await run('index', 'seeds', '--out', out);
    expect(r.stdout).toMatch(/seeds\/001_57c09aa3197540b1\.txt:3:1 {2}warning {2}no document number found/);
    expect(r.stdout).toMatch(/4 documents, \d+ clauses \(item \d+, paragraph \d+, footnote 1, title 1, preamble 1\)/);
    expect(r.stdout).toContain('unchanged, loaded');
  });
  it('refuses an unknown option with the usage and exit code 2', async () => {
    const r = await run('index', '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: tracuu index');
  });
  it('reports a missing path as an error and exits 1, indexing the rest', async () => {
    const r = await run('index', 'seeds', 'no-such-folder', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no such file or folder: no-such-folder');
  });
});

describe('tracuu docs / show', () => {
  it('docs lists the four seed documents', async () => {
    const r = await run('docs', '--in', 'seeds', '--out', out);
    expect(r.stdout).toMatch(/^183-kl-tw +183-KL\/TW +Kết luận +2025-08-01/m);
    expect(r.stdout).toContain('4 documents');
  });
  it('show prints the clause tree with ids, by number in any spelling', async () => {
    const r = await run('show', '183- kl/tw', '--in', 'seeds', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('number   183-KL/TW');
    expect(r.stdout).toMatch(/^ {4}3\.\(1\)\.\(ii\) +183-kl-tw\/3\/1\/ii$/m);
  });
  it('show --as-of prints the effect status on that day, in words; a bad day is a usage error', async () => {
    const late = await run('show', '183-KL/TW', '--as-of', '2025-12-20', '--in', 'seeds', '--out', out);
    expect(late.code).toBe(0);
    expect(late.stdout).toMatch(/^effect {3}2025-12-20: Có văn bản mới hơn cùng loạt \(suy ra\) từ \d{4}-\d{2}-\d{2}/m);
    const early = await run('show', '183-KL/TW', '--as-of', '2020-01-01', '--in', 'seeds', '--out', out);
    expect(early.stdout).toMatch(/^effect {3}2020-01-01: Chưa có hiệu lực/m);
    const json = JSON.parse((await run('show', '183-KL/TW', '--as-of', '2020-01-01', '--json', '--in', 'seeds', '--out', out)).stdout);
    expect(json.effect).toMatchObject({ asOf: '2020-01-01', status: 'not-yet-in-force' });
    expect(json.document.id).toBe('183-kl-tw');
    for (const bad of ['2020-02-30', 'hôm qua']) {
      const r = await run('show', '183-KL/TW', '--as-of', bad, '--in', 'seeds', '--out', out);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('--as-of');
    }
  });
  it('show --json gives the document in the exported type, without its text', async () => {
    const r = await run('show', '202-KL/TW', '--json', '--in', 'seeds', '--out', out);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ id: '202-kl-tw', number: '202-KL/TW', type: 'ket-luan' });
    expect(d.text).toBeUndefined();
    expect(d.clauses.find((c: { id: string }) => c.id === '202-kl-tw/8/fn-1')).toMatchObject({ kind: 'footnote' });
  });
  it('an unknown document is a usage error that says what exists', async () => {
    const r = await run('show', '999-KL/TW', '--in', 'seeds', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no document "999-KL/TW" in the index');
  });
});

describe('tracuu tasks', () => {
  it('prints tasks with their deadline, overdue on --as-of, and what they repeat', async () => {
    await run('index', 'seeds', '--out', out);
    const r = await run('tasks', '--out', out, '--document', '202-KL/TW', '--as-of', '2025-12-20');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('15/12/2025     QUÁ HẠN 202-KL/TW 4.(1).(i)  Đảng ủy Chính phủ');
    expect(r.stdout).toContain('nhắc lại từ 183-KL/TW 3.(2), thời hạn 31/8/2025 → 15/12/2025');
    expect(r.stdout).toMatch(/16 tasks, 6 overdue on 2025-12-20/);
  });
  it('--assignee in any spelling, --json, --csv, --ics', async () => {
    const j = JSON.parse((await run('tasks', '--out', out, '--assignee', 'so noi vu', '--json', '--as-of', '2025-12-01')).stdout);
    expect(j.tasks.map((t: { id: string }) => t.id)).toEqual(['vb-001-57c09aa3197540b1/p7#t1']);
    expect((await run('tasks', '--out', out, '--assignee', 'Sở Nội vụ', '--csv')).stdout).toContain('vb-001-57c09aa3197540b1/p7#t1,');
    const ics = (await run('tasks', '--out', out, '--ics', '--due-before', '2025-09-01')).stdout;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(7);
  });
  it('refuses a date that is not YYYY-MM-DD, and two output formats', async () => {
    expect((await run('tasks', '--out', out, '--due-before', '31/12/2025')).code).toBe(2);
    expect((await run('tasks', '--out', out, '--csv', '--ics')).code).toBe(2);
  });
});
