/**
 * RTF (indexer/extract/rtf.ts). The office corpus holds no RTF file, so the fixtures in
 * tests/fixtures/rtf are written for this test: the opening of Luật An ninh mạng (24/2018/QH14,
 * real text) laid out as Word saves it — a letterhead table, a header, font/colour/style tables,
 * \info, a footnote — once with `\uN?` escapes under \ansicpg1252 (Word's way) and once as
 * cp1258 bytes (`\'hh`, tones as combining marks) under \ansicpg1258 with a \fcharset163 font.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { extractDocument, sniff } from '../indexer/extract/index.ts';
import { readInput } from '../src/read/index.ts';

const fixture = (f: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, 'fixtures/rtf', f)));

describe.each(['luat-an-ninh-mang-unicode.rtf', 'luat-an-ninh-mang-cp1258.rtf'])('RTF: %s', (name) => {
  it('is read by content as RTF, with Vietnamese letters whole (NFC)', async () => {
    const bytes = fixture(name);
    expect(sniff(bytes)).toBe('rtf');
    const x = await extractDocument(bytes, 'rtf', { sha256: `test-${name}` });
    expect(x.notIndexed).toBeUndefined();
    expect(x.format).toBe('rtf');
    expect(x.text).toBe(x.text.normalize('NFC'));
    expect(x.text).toMatch(/^Điều 1\. Phạm vi điều chỉnh$/m);
    expect(x.text).toMatch(/^Luật này quy định về hoạt động bảo vệ an ninh quốc gia và bảo đảm trật tự, an toàn xã hội trên không gian mạng;/m);
    // The letterhead table is read cell by cell; \info, the header and the font table are not text.
    expect(x.text).toMatch(/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/m);
    expect(x.text).toMatch(/^Hà Nội, ngày 12 tháng 6 năm 2018$/m);
    expect(x.text).not.toMatch(/Times New Roman|trang đầu|tracuu fixture/);
  });

  it('becomes the document a reader sees: number, date, chapter, articles, the footnote on its clause', async () => {
    const x = await extractDocument(fixture(name), 'rtf', { sha256: `test-${name}` });
    const doc = readInput({ path: name, corpus: 'tests', format: 'rtf', text: x.text, bytes: 1, sha256: 'x', ...(x.footnotesStart !== undefined ? { layout: { footnotesStart: x.footnotesStart } } : {}) }, new VFile({ path: name }))[0]!;
    expect(doc).toMatchObject({ number: '24/2018/QH14', type: 'luat', date: '2018-06-12', title: 'Luật An ninh mạng' });
    expect(doc.clauses.filter((c) => c.kind === 'dieu').map((c) => c.number)).toEqual(['1', '2']);
    expect(doc.clauses.filter((c) => c.kind === 'khoan').map((c) => c.number)).toEqual(['1', '2']);
    const notes = doc.clauses.filter((c) => c.kind === 'footnote');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.text).toMatch(/Ghi chú của tệp thử/);
  });
});

describe('RTF: not RTF after all', () => {
  it('a file that starts like RTF but is not one is listed as unreadable, not dropped', async () => {
    const x = await extractDocument(new TextEncoder().encode('{\\rtf'), 'rtf', { sha256: 'test-bad-rtf' });
    expect(x.text).toBe('');
    expect(x.notIndexed).toBeTruthy();
  });
});
