/**
 * Files that are not what they should be: each is reported with a clear diagnostic and skipped
 * or read correctly, and the rest of the corpus still indexes.
 */
import { mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, type EnsureResult } from '../indexer/store.ts';
import { ROOT } from './helpers/seeds.ts';

const LAW = 'Luật số: 10/2025/QH15\nHà Nội, ngày 1 tháng 1 năm 2025\nLUẬT\nTHỬ NGHIỆM\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về thử nghiệm.\nĐiều 2. Đối tượng áp dụng\n1. Cơ quan nhà nước.\n2. Tổ chức, cá nhân.\n';

/** Windows-1258 keeps â ê ô ă ơ ư đ precomposed and writes tones as combining marks. */
function cp1258Form(s: string): string {
  return s.normalize('NFD').replace(/([A-Za-z])(\u0323?)([\u0302\u0306\u031b])/g, (_m, a: string, dot: string, b: string) => (a + b).normalize('NFC') + dot);
}

describe('bad files', () => {
  let dir: string;
  let result: EnsureResult;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracuu-bad-'));
    cpSync(resolve(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
    const c = join(dir, 'corpus');
    cpSync(resolve(ROOT, 'corpus'), c, { recursive: true });
    writeFileSync(join(c, 'empty.txt'), '');
    writeFileSync(join(c, 'blank.txt'), '  \n\n \t\n');
    writeFileSync(join(c, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0xff, 0x00]));
    writeFileSync(join(c, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LAW.replace('10/2025', '11/2025'), 'utf16le')]));
    writeFileSync(join(c, 'crlf.txt'), LAW.replace('10/2025', '12/2025').replace(/\n/g, '\r\n'));
    writeFileSync(join(c, 'legacy-1258.txt'), iconv.encode(cp1258Form(LAW.replace('10/2025', '13/2025')), 'windows1258'));
    writeFileSync(join(c, 'bad-utf8.txt'), Buffer.concat([Buffer.from(LAW.replace('10/2025', '14/2025')), Buffer.from([0xc3, 0x28, 0xa0, 0xa1])]));
    writeFileSync(join(c, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024 + 1, 0x61));
    writeFileSync(join(c, 'bad.json'), '[{"id": "x", "articles": [');
    result = await ensureBuild({ paths: ['seeds', 'corpus'], cwd: dir, out: 'build' });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const diag = (file: string) => result.summary.diagnostics.filter((d) => d.file.endsWith(file));

  it('still indexes the seeds and the good files', () => {
    expect(result.corpus.documents.has('221-kl-tw')).toBe(true);
    expect(result.corpus.documents.has('luat-11-2025-qh15')).toBe(true);
  });
  it('skips empty, blank, binary and over-50-MB files with a diagnostic each', () => {
    expect(diag('empty.txt').map((d) => d.ruleId)).toEqual(['input-empty']);
    expect(diag('blank.txt').map((d) => d.ruleId)).toEqual(['input-empty']);
    expect(diag('binary.txt').map((d) => d.ruleId)).toEqual(['input-binary']);
    expect(diag('huge.txt').map((d) => d.ruleId)).toEqual(['input-too-large']);
    expect(diag('huge.txt')[0]!.reason).toMatch(/50 MB/);
  });
  it('reads UTF-16 with a BOM and CRLF line ends correctly', () => {
    const u = result.corpus.documents.get('luat-11-2025-qh15')!;
    expect(u.clauses.filter((c) => c.kind === 'dieu')).toHaveLength(2);
    const crlf = result.corpus.documents.get('luat-12-2025-qh15')!;
    expect(crlf.clauses.find((c) => c.id === 'luat-12-2025-qh15/dieu-2/khoan-1')!.text).toBe('1. Cơ quan nhà nước.');
  });
  it('reads a Windows-1258 file as such, and says so', () => {
    expect(diag('legacy-1258.txt').map((d) => d.ruleId)).toContain('input-legacy-encoding');
    const d = result.corpus.documents.get('luat-13-2025-qh15')!;
    expect(d.clauses.find((c) => c.kind === 'dieu')!.heading).toBe('Phạm vi điều chỉnh');
  });
  it('reports invalid UTF-8 and an unreadable JSON file without stopping', () => {
    expect(diag('bad-utf8.txt').length + diag('bad.json').length).toBeGreaterThan(0);
  });
});
