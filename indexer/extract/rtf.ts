/**
 * RTF → the word-processor document model (src/read/office/blocks.ts). The RTF syntax is
 * tokenized by rtf-stream-parser (pinned in package.json; its documented `Tokenize` stream:
 * groups, control words with their parameter, text and `\'hh` bytes); no npm library turns a
 * Word-saved RTF into text with its tables and footnotes (rtf-stream-parser de-encapsulates
 * Outlook bodies only), so the text layer is written here, kept to what a document needs:
 *
 * - characters: `\uN` (then `\ucN` fallback characters skipped), `\'hh` bytes decoded with the
 *   code page in force — the font's `\fcharset` (163 Vietnamese → cp1258, 0 → the document's
 *   `\ansicpg`) — by iconv-lite, text runs the same way; `\~ \_ \emdash \lquote …`;
 * - structure: `\par` ends a paragraph, `\line` breaks it; `\cell` and `\row` build table rows
 *   (`\intbl` paragraphs); `{\footnote …}` becomes a note and "[n]" where it is called;
 * - skipped: font, colour and style tables, `\info`, pictures, objects, headers and footers,
 *   field instructions (their result is kept), and every `{\* …}` destination not named here.
 */
import iconv from 'iconv-lite';
import { Tokenize } from 'rtf-stream-parser';
import type { OfficeBlock, OfficeDocument, OfficeParagraph } from '../../src/read/index.ts';

interface Token {
  type: 0 | 1 | 2 | 3; // group start, group end, control, text
  word?: string;
  param?: number;
  data?: Uint8Array;
}

function tokenize(bytes: Uint8Array): Promise<Token[]> {
  return new Promise((resolve, reject) => {
    const tokens: Token[] = [];
    const t = new Tokenize();
    t.on('data', (tok: Token) => tokens.push(tok));
    t.on('end', () => resolve(tokens));
    t.on('error', reject);
    t.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}

/** Destinations whose text is not the document's. */
const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'fldinst',
  'bkmkstart', 'bkmkend', 'filetbl', 'revtbl', 'pgdsctbl', 'shppict', 'nonshppict', 'atnid', 'atnauthor', 'annotation', 'xe', 'tc', 'txe', 'ftnsep', 'ftnsepc', 'aftnsep', 'aftnsepc',
]);

/** \fcharset → code page (Word writes 163 for Vietnamese fonts). */
const CHARSET_CP: Record<number, string> = { 163: 'cp1258', 204: 'cp1251', 238: 'cp1250', 161: 'cp1253', 162: 'cp1254', 177: 'cp1255', 178: 'cp1256', 186: 'cp1257', 222: 'cp874', 128: 'shiftjis', 134: 'gbk', 129: 'cp949', 136: 'big5' };

const SYMBOLS: Record<string, string> = { '~': '\u00a0', _: '\u2011', emdash: '—', endash: '–', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', bullet: '•', tab: '\t', nestcell: ' ', emspace: ' ', enspace: ' ', '{': '{', '}': '}', '\\': '\\' };

interface State {
  skip: boolean;
  uc: number;
  font?: number;
  /** Inside a footnote's group. */
  note: boolean;
  /** Inside the font table: collecting \fN \fcharsetM. */
  fonttbl: boolean;
}

export async function readRtf(bytes: Uint8Array): Promise<OfficeDocument> {
  const tokens = await tokenize(bytes);
  if (tokens[0]?.type !== 0 || tokens[1]?.word !== 'rtf') throw new Error('not an RTF document (no {\\rtf header)');
  let ansiCp = 'cp1252';
  const fontCp = new Map<number, string>();
  let defaultFont: number | undefined;

  const blocks: OfficeBlock[] = [];
  const notes: string[] = [];
  let para = '';
  let inTable = false;
  let row: OfficeParagraph[][] = [];
  let cell: OfficeParagraph[] = [];
  let rows: OfficeParagraph[][][] = [];
  let noteText: string | undefined;
  let noteDepth = 0;

  const stack: State[] = [];
  let st: State = { skip: false, uc: 1, note: false, fonttbl: false };
  let pendingSkip = 0;
  let bytesRun: number[] = [];
  let fontInTable: number | undefined;

  const cp = () => fontCp.get(st.font ?? defaultFont ?? -1) ?? ansiCp;
  const emit = (s: string) => {
    if (st.skip || !s) return;
    if (noteText !== undefined && st.note) noteText += s;
    else para += s;
  };
  const flushBytes = () => {
    if (!bytesRun.length) return;
    const b = Buffer.from(bytesRun);
    bytesRun = [];
    emit(iconv.encodingExists(cp()) ? iconv.decode(b, cp()) : b.toString('latin1'));
  };
  const flushTable = () => {
    if (!inTable && !rows.length) return;
    if (cell.length) row.push(cell);
    if (row.length) rows.push(row);
    if (rows.length) blocks.push({ type: 'table', rows });
    rows = [];
    row = [];
    cell = [];
    inTable = false;
  };
  const endParagraph = (intbl: boolean) => {
    const text = para.replace(/\t/g, ' ');
    para = '';
    if (intbl) {
      inTable = true;
      cell.push({ type: 'p', text });
      return;
    }
    flushTable();
    blocks.push({ type: 'p', text });
  };
  let intbl = false;

  for (const tok of tokens) {
    if (tok.type !== 2 || tok.word !== "'") flushBytes();
    if (tok.type === 0) {
      stack.push(st);
      st = { ...st };
      continue;
    }
    if (tok.type === 1) {
      if (st.fonttbl && fontInTable !== undefined) fontInTable = undefined;
      if (st.note && !stack.at(-1)?.note && noteText !== undefined && stack.length === noteDepth) {
        notes.push(noteText.replace(/\s+/g, ' ').trim());
        noteText = undefined;
      }
      st = stack.pop() ?? st;
      continue;
    }
    if (tok.type === 3) {
      let s = tok.data ? Buffer.from(tok.data).toString('latin1') : '';
      if (pendingSkip) {
        const n = Math.min(pendingSkip, s.length);
        s = s.slice(n);
        pendingSkip -= n;
      }
      if (st.fonttbl || st.skip || !s) continue;
      // Text runs are bytes in the code page in force, like \'hh.
      const raw = Buffer.from(s, 'latin1');
      emit(iconv.encodingExists(cp()) ? iconv.decode(raw, cp()) : s);
      continue;
    }
    const word = tok.word!;
    const param = tok.param;
    if (word === "'") {
      if (pendingSkip) {
        pendingSkip--;
        continue;
      }
      if (st.fonttbl || st.skip) continue;
      bytesRun.push(tok.data?.[0] ?? 0x3f);
      continue;
    }
    if (word === '*') {
      // An optional destination: skipped unless we know it (none of ours are optional).
      st.skip = true;
      continue;
    }
    if (st.fonttbl) {
      if (word === 'f' && param !== undefined) fontInTable = param;
      else if (word === 'fcharset' && fontInTable !== undefined && param !== undefined) {
        const c = param === 0 ? undefined : CHARSET_CP[param];
        if (c) fontCp.set(fontInTable, c);
      }
      continue;
    }
    if (word === 'fonttbl') {
      st.fonttbl = true;
      continue;
    }
    if (SKIP.has(word)) {
      st.skip = true;
      continue;
    }
    if (st.skip) continue;
    switch (word) {
      case 'ansicpg':
        if (param) ansiCp = `cp${param}`;
        break;
      case 'deff':
        defaultFont = param;
        break;
      case 'f':
        st.font = param;
        break;
      case 'uc':
        st.uc = param ?? 1;
        break;
      case 'u': {
        const code = (param ?? 0) < 0 ? (param ?? 0) + 65536 : (param ?? 0);
        emit(String.fromCharCode(code));
        pendingSkip = st.uc;
        break;
      }
      case 'footnote':
        st.note = true;
        noteText = '';
        noteDepth = stack.length;
        // Notes are numbered by the order of their calls, as in the .docx and .doc readers.
        para += `[${notes.length + 1}]`;
        break;
      case 'chftn':
        break;
      case 'pard':
        intbl = false;
        break;
      case 'intbl':
        intbl = true;
        break;
      case 'par':
      case 'sect':
      case 'page':
        if (st.note) noteText += ' ';
        else endParagraph(intbl);
        break;
      case 'line':
        emit('\n');
        break;
      case 'cell':
        if (!st.note) {
          endParagraph(true);
          row.push(cell);
          cell = [];
        }
        break;
      case 'row':
        if (!st.note) {
          if (para.trim()) endParagraph(true);
          if (cell.length) row.push(cell);
          if (row.length) rows.push(row);
          row = [];
          cell = [];
          inTable = true;
        }
        break;
      default:
        if (SYMBOLS[word] !== undefined) emit(SYMBOLS[word]!);
    }
    if (pendingSkip && word !== 'u') pendingSkip = Math.max(0, pendingSkip - 1);
  }
  flushBytes();
  if (para.trim()) endParagraph(false);
  flushTable();
  // NFC: cp1258 writes tones as combining marks ("Lua\u0323t" → "Luật").
  for (const b of blocks) {
    if (b.type === 'p') b.text = b.text.normalize('NFC');
    else for (const r of b.rows) for (const c of r) for (const p of c) p.text = p.text.normalize('NFC');
  }
  return { blocks, notes: notes.map((n) => n.normalize('NFC')), messages: [] };
}
