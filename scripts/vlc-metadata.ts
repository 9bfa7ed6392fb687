/**
 * `npm run report:vlc-metadata`: the metadata of every VLC law as tracuu reads it (number, type,
 * date, issuer, title), written to build/vlc-metadata.read.tsv (compare: diff it with the fixture). The fixture the test
 * holds, tests/fixtures/vlc-metadata.tsv, was made from this output and checked by reading each
 * file's header; where the reading disagrees the fixture keeps what the file says, and the test
 * lists the row as a known miss.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VFile } from 'vfile';
import { readInput } from '../src/read/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const dir = resolve(process.env.TRACUU_EXTERNAL_DIR ?? resolve(ROOT, '../shared/corpus-external'), 'vlc/corpus');

export function vlcMetadataRows(corpusDir: string): string[][] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(resolve(corpusDir, f), 'utf8');
      const d = readInput({ path: f, corpus: 'vlc', format: 'txt', text, bytes: text.length, sha256: '' }, new VFile({ path: f }))[0];
      return [f, d?.number ?? '', d?.type ?? '', d?.date ?? '', d?.issuer ?? '', d?.title ?? ''];
    });
}

if (import.meta.main ?? process.argv[1]?.endsWith('vlc-metadata.ts')) {
  const rows = [['file', 'number', 'type', 'date', 'issuer', 'title'], ...vlcMetadataRows(dir)];
  const out = resolve(ROOT, 'build/vlc-metadata.read.tsv');
  mkdirSync(resolve(ROOT, 'build'), { recursive: true });
  writeFileSync(out, rows.map((r) => r.join('\t')).join('\n') + '\n');
  console.log(`${rows.length - 1} laws → ${out}`);
}
