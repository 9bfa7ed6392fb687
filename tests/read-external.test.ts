/** Reading real text nobody here wrote: every VLC law, every Bộ pháp điển article. */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { describeExternal, externalPath } from './helpers/external.ts';
import { readInput } from '../src/read/index.ts';
import type { DocumentRecord } from '../src/model.ts';

describeExternal('VLC: 109 full laws, 15 of them decomposed Unicode', () => {
  // Read in beforeAll: a skipped describe still runs its body to collect the tests.
  let files: string[] = [];
  const docs = new Map<string, DocumentRecord>();
  let expected = 0;
  beforeAll(() => {
    const dir = externalPath('vlc/corpus');
    files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    for (const f of files) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      // The reference count: lines that begin "Điều N" once the text is NFC.
      expected += (text.normalize('NFC').match(/^[ \t\u00a0]*Điều \d+/gmu) ?? []).length;
      const [doc] = readInput({ path: f, corpus: 'vlc', format: 'txt', text, bytes: text.length, sha256: '' }, new VFile({ path: f }));
      if (doc) docs.set(f, doc);
    }
  });

  it('parses every file into a document with clauses', () => {
    expect(files).toHaveLength(109);
    expect(docs.size).toBe(109);
    for (const [f, d] of docs) expect(d.clauses.length, f).toBeGreaterThan(0);
  });

  it('finds one article per line beginning "Điều N" (NFD files included)', () => {
    const found = [...docs.values()].reduce((n, d) => n + d.clauses.filter((c) => c.kind === 'dieu').length, 0);
    expect(expected).toBeGreaterThan(11_000);
    expect(found).toBe(expected);
  });

  it('reads number, type, date and issuer of the civil code', () => {
    expect(docs.get('bo-luat-dan-su.txt')).toMatchObject({ id: 'bo-luat-91-2015-qh13', number: '91/2015/QH13', type: 'bo-luat', date: '2015-11-24', issuer: 'Quốc hội', title: 'Bộ luật Dân sự' });
    const khoan = docs.get('bo-luat-dan-su.txt')!.clauses.find((c) => c.id === 'bo-luat-91-2015-qh13/dieu-2/khoan-2')!;
    expect(khoan.pathLabel).toBe('Điều 2 khoản 2');
    expect(khoan.text).toMatch(/^2\. Quyền dân sự chỉ có thể bị hạn chế/u);
  });

  it('composes decomposed files (hien-phap.txt) and finds their articles', () => {
    const d = docs.get('hien-phap.txt')!;
    expect(d.text).toBe(d.text.normalize('NFC'));
    expect(d.clauses.filter((c) => c.kind === 'dieu').length).toBe(120);
  });
});

describeExternal('Bộ pháp điển: 47 đề mục, 8,705 articles with source notes', () => {
  let docs: DocumentRecord[] = [];
  let articles: DocumentRecord['clauses'] = [];
  beforeAll(() => {
    const dir = externalPath('phapdien/demuc');
    docs = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) => readInput({ path: f, corpus: 'phapdien', format: 'phapdien-html', text: readFileSync(`${dir}/${f}`, 'utf8'), bytes: 0, sha256: '' }, new VFile({ path: f })));
    articles = docs.flatMap((d) => d.clauses.filter((c) => c.kind === 'dieu'));
  });

  it('makes every article a clause', () => {
    expect(docs).toHaveLength(47);
    expect(articles).toHaveLength(8705);
  });

  it('keeps the source note as metadata (8,702 articles have one) and in the text', () => {
    const noted = articles.filter((a) => a.meta?.note);
    expect(noted).toHaveLength(8702);
    for (const a of noted.slice(0, 200)) expect(a.text).toContain(a.meta!.note!);
  });

  it('reads the article of the youth law as published', () => {
    const a = articles.find((c) => c.label === 'Điều 36.3.LQ.1.')!;
    expect(a).toMatchObject({ id: 'phapdien-36-3/dieu-36-3-lq-1', heading: 'Thanh niên' });
    expect(a.meta?.note).toMatch(/^\(Điều 1 Luật số 57\/2020\/QH14 Luật Thanh niên ngày 16\/06\/2020/u);
    expect(a.text).toContain('Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.');
  });
});
