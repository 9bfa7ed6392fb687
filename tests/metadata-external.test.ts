/**
 * Metadata as the document writes it: every VLC law's number, type, date, issuer and title
 * against tests/fixtures/vlc-metadata.tsv — a table made by `npm run report:vlc-metadata` and
 * checked by reading each file's header (capitals of proper nouns, no number or date glued
 * into the title, the issuer's official form).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { readInput } from '../src/read/index.ts';
import { describeExternal, externalPath } from './helpers/external.ts';

const FIELDS = ['number', 'type', 'date', 'issuer', 'title'] as const;
/** What the fixture says (read from the file) and the reader does not yet get. */
const KNOWN_MISSES: Record<string, (typeof FIELDS)[number][]> = {};

const fixture = readFileSync(resolve(import.meta.dirname, 'fixtures/vlc-metadata.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));

describeExternal('VLC metadata: the table checked by reading', () => {
  const read = new Map<string, Record<(typeof FIELDS)[number], string>>();
  beforeAll(() => {
    const dir = externalPath('vlc/corpus');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      const d = readInput({ path: f, corpus: 'vlc', format: 'txt', text, bytes: text.length, sha256: '' }, new VFile({ path: f }))[0]!;
      read.set(f, { number: d.number ?? '', type: d.type, date: d.date ?? '', issuer: d.issuer ?? '', title: d.title ?? '' });
    }
  });

  it('covers all 109 laws', () => {
    expect(fixture).toHaveLength(109);
    expect([...read.keys()].sort()).toEqual(fixture.map((r) => r[0]).sort());
  });

  it('reads number, type, date, issuer and title as the table says (known misses listed)', () => {
    const wrong: string[] = [];
    for (const [file, ...values] of fixture) {
      const got = read.get(file!)!;
      FIELDS.forEach((k, i) => {
        if (got[k] !== values[i] && !KNOWN_MISSES[file!]?.includes(k)) wrong.push(`${file} ${k}: read "${got[k]}", the file says "${values[i]}"`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('the table itself: proper nouns capitalised, nothing glued, a date and an official issuer wherever the file prints one', () => {
    for (const [file, number, , date, issuer, title] of fixture) {
      expect(title, file).not.toMatch(/^Luật Luật (?!sư$)|lời nói đầu|\bsố \d|\d{1,2}\/\d{1,2}\/\d{4}|việt nam|quốc hội/u);
      if (number) expect(date, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (issuer) expect(['Quốc hội'], file).toContain(issuer);
    }
    // The one law printed with neither number, date nor issuer (1953).
    expect(fixture.filter((r) => !r[3]).map((r) => r[0])).toEqual(['luat-cai-cach-ruong-dat.txt']);
  });
});
