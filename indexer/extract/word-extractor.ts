/**
 * The one module that reaches into word-extractor (pinned at 1.0.4 in package.json) for
 * Word 97–2003 .doc files. Its public API returns the body with footnote calls removed and
 * table cell marks turned into tabs; we need both. Its character clean-up is a plain export
 * (`lib/filters.js` `clean`) that `word-ole-extractor.js` binds when first loaded, so we wrap
 * it before loading the extractor: footnote-call characters (0x02) and cell marks (0x07) are
 * turned into private-use markers the original clean-up keeps. If an upgrade moves that, the
 * footnote tests on VBHN 31 fail loudly (the calls and the notes would no longer pair).
 */
import { createRequire } from 'node:module';
import type { OfficeBlock, OfficeDocument } from '../../src/read/index.ts';

const require = createRequire(import.meta.url);

interface WordDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
  getFootnotes(options?: { filterUnicode?: boolean }): string;
  getEndnotes(options?: { filterUnicode?: boolean }): string;
}
interface WordExtractorClass {
  new (): { extract(source: Buffer): Promise<WordDocument> };
}

const CALL = '\uE002';
const CELL = '\uE007';

let Extractor: WordExtractorClass | undefined;
function load(): WordExtractorClass {
  if (Extractor) return Extractor;
  const filters = require('word-extractor/lib/filters.js') as { clean: (s: string) => string };
  const original = filters.clean;
  if (!(original as { tracuu?: boolean }).tracuu) {
    const wrapped = (s: string) => original(s.replace(/\x02/g, CALL).replace(/\x07/g, CELL));
    (wrapped as { tracuu?: boolean }).tracuu = true;
    filters.clean = wrapped;
  }
  Extractor = require('word-extractor') as WordExtractorClass;
  return Extractor;
}

const LETTERHEAD = /CỘNG HO?[ÀÒ]A|ĐẢNG CỘNG SẢN|Độc lập|^Số[ \u00a0]*:|Nơi nhận|^(?:TM|T\/M|KT|K\/T|TL)\.?[ \u00a0]/u;

/** A .doc's bytes → the word-processor document model (blocks + footnotes). */
export async function readDoc(bytes: Uint8Array): Promise<OfficeDocument> {
  const WordExtractor = load();
  const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const body = doc.getBody({ filterUnicode: false });
  const notesText = doc.getFootnotes({ filterUnicode: false }) + doc.getEndnotes({ filterUnicode: false });
  // Each note starts with its own call character; the text before the first is nothing.
  const notes = notesText.split(CALL).slice(1).map((n) => n.replace(/\s+/g, ' ').trim());
  const messages: OfficeDocument['messages'] = [];
  let calls = 0;
  const blocks: OfficeBlock[] = [];
  const rawLines = body.split('\n').map((raw) => raw.replace(new RegExp(CALL, 'g'), () => (++calls <= notes.length ? `[${calls}]` : '')));
  const cellsOf = rawLines.map((line) => {
    if (!line.includes(CELL)) return undefined;
    const cells = line.split(CELL).map((c) => c.trim());
    while (cells.length && !cells.at(-1)) cells.pop();
    return cells;
  });
  // A cell with several paragraphs comes out as several lines, each ending in a cell mark, between
  // the table's other rows ("In thường¶ / 13 - 14¶ / … / Phần I¶" in Phụ lục I of Nghị định 30): inside
  // a run of cell lines that holds a real row they are table text, not paragraphs ("Phần I" there is
  // an example in a cell, not a part of the appendix). A lone one-cell line is a framed paragraph.
  const inTable = new Array<boolean>(rawLines.length).fill(false);
  for (let i = 0; i < rawLines.length; ) {
    if (!cellsOf[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < rawLines.length && cellsOf[j]) j++;
    const hasRow = cellsOf.slice(i, j).some((c) => c!.length >= 2);
    for (let k = i; k < j; k++) inTable[k] = hasRow;
    i = j;
  }
  for (const [i, line] of rawLines.entries()) {
    const cells = cellsOf[i];
    if (!cells) {
      blocks.push({ type: 'p', text: line });
      continue;
    }
    if (!cells.length) continue;
    if (cells.some((c) => LETTERHEAD.test(c)) && cells.length <= 3) {
      for (const c of cells) if (c) blocks.push({ type: 'p', text: c });
    } else if (cells.length === 1 && !inTable[i]) blocks.push({ type: 'p', text: cells[0]! });
    else blocks.push({ type: 'table', rows: [cells.map((c) => [{ type: 'p' as const, text: c }])] });
  }
  if (calls !== notes.length) messages.push({ ruleId: 'doc-footnotes', reason: `${calls} footnote calls and ${notes.length} footnotes: some notes may be attached to the wrong clause` });
  return { blocks, notes, messages };
}
