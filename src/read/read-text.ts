/**
 * Plain text, Markdown and simple HTML pages → one DocumentRecord.
 *
 *   clean (NFC, mask markup and noise with spaces) → layout (header | body | tail | footnotes)
 *   → metadata → segment the body into clauses
 *
 * The document's `text` is the cleaned text: same length as the NFC input, so every clause
 * span and every diagnostic position points at the right place in what the user wrote.
 */
import type { VFile } from 'vfile';
import type { DocumentRecord, Source } from '../model.ts';
import { normalize } from 'vietnamese-tokenizer';
import { blocksOf, detectMode, LineIndex, markerValue, segment } from '../segment/index.ts';
import { documentId, unnumberedDocumentId } from '../ids.ts';
import { maskMarkdown } from './markdown.ts';
import { maskNoise } from './noise.ts';
import { extractMetadata } from './metadata.ts';
import { partyTerm, typeInfo } from '../doc-types.ts';
import { htmlToText } from './html.ts';
import type { InputFile } from './input.ts';

const BODY_START_PARTY = /^(?:Tại (?:phiên họp|cuộc họp|Hội nghị)|Sau khi nghe|Căn cứ)/u;
const BODY_START_LAW = /^(?:Căn cứ|Phần|PHẦN|Chương|CHƯƠNG|Điều|ĐIỀU)[ \u00a0]/u;
const TOP_ITEM = /^(?:1\.(?!\d)|\[1\]|1[ \u00a0]?[-–]|I[.\-–])[ \u00a0]|^(?:Phần|PHẦN)[ \u00a0]+(?:I|thứ nhất|THỨ NHẤT)[ \u00a0]*[.:]?$/u;
const BODY_END_PARTY = /^(?:Nơi nhận[ \u00a0]*:?|T\/M[ \u00a0]|TM\.?[ \u00a0]+\p{Lu}|KT\.[ \u00a0]|K\/T[ \u00a0]+\p{Lu})/u;
// "Bản Hiến pháp này đã được …" (1992); a consolidated text's certification "[VĂN PHÒNG QUỐC HỘI] XÁC THỰC VĂN BẢN HỢP NHẤT".
const BODY_END_LAW = /^(?:(?:Bản[ \u00a0]+)?(?:Luật|Bộ luật|Hiến pháp|Pháp lệnh|Nghị quyết) này (?:đã )?được .{0,200}thông qua|(?:[\p{Lu} ]{0,40}[ \u00a0])?XÁC THỰC VĂN BẢN HỢP NHẤT|Nơi nhận[ \u00a0]*:?|T\/M[ \u00a0]|TM\.[ \u00a0]|KT\.[ \u00a0]|CHỦ TỊCH(?: QUỐC HỘI| NƯỚC)?$)/u;

/** Where appendices and forms begin after the signature. */
const APPENDIX_HEADING = /^(?:PHỤ LỤC|Phụ lục|MẪU SỐ|Mẫu số|Mẫu[ \u00a0]+\d|DANH MỤC|Biểu mẫu|BIỂU MẪU)/u;

export interface Layout {
  mode: 'law' | 'party';
  bodyStart: number;
  bodyEnd: number;
  footnotes?: { start: number; end: number };
}

export function cleanText(input: InputFile): { text: string; removed: { start: number; end: number; ruleId: string }[]; datelineDate?: string } {
  let text = input.format === 'html' ? htmlToText(input.text) : normalize(input.text);
  if (input.format === 'html') text = normalize(text);
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
  // Control characters other than tab/newline are never content; CR of CRLF neither.
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\r]/g, ' ');
  const dateline = /^[ \u00a0]*date[ \u00a0]+(\d{4}-\d{2}-\d{2})/mu.exec(text.slice(0, 200));
  if (input.format === 'md') text = maskMarkdown(text);
  const masked = maskNoise(text);
  return { text: masked.text, removed: masked.removed, ...(dateline ? { datelineDate: dateline[1] } : {}) };
}

/** Where a binary reader's offsets (into its raw text) land in the normalised text. */
function remapOffsets(raw: string, offsets: number[]): number[] {
  // NFC only shortens: count normalised lengths of the prefixes, in one pass over the sorted offsets.
  return offsets.map((o) => normalize(raw.slice(0, o)).length);
}

export function findLayout(text: string, footnotesStart?: number): Layout {
  // An appendix issued as its own file is not a law even when its sample forms hold "Điều 1.".
  const mode = /^\s*(?:Phụ lục|PHỤ LỤC)\b/u.test(text.slice(0, 200)) ? 'party' : detectMode(text, 0, footnotesStart ?? text.length);
  const blocks = blocksOf(text, 0, text.length);
  const lineOf = (b: { start: number; end: number }) => text.slice(b.start, b.end);
  let bodyStart = 0;
  if (mode === 'law') {
    const i = blocks.findIndex((b) => BODY_START_LAW.test(lineOf(b)));
    bodyStart = i >= 0 ? blocks[i]!.start : 0;
  } else {
    const i = blocks.findIndex((b) => BODY_START_PARTY.test(lineOf(b)) || TOP_ITEM.test(lineOf(b)));
    if (i >= 0) bodyStart = blocks[i]!.start;
    else {
      // No opening formula and no numbering: the first line is a title when it reads like one.
      const first = blocks[0];
      const isTitle = first && blocks.length > 1 && !/[.:;]$/u.test(lineOf(first)) && lineOf(first).length < 300;
      bodyStart = isTitle ? blocks[1]!.start : (first?.start ?? 0);
    }
  }
  const limit = footnotesStart ?? text.length;
  let bodyEnd = limit;
  const endRe = mode === 'law' ? BODY_END_LAW : BODY_END_PARTY;
  // In a law, the closing formula comes after the last article.
  let lastArticle = -1;
  if (mode === 'law') {
    // The last article of the text itself: numbering that starts again after an appendix
    // heading or a form ("Phụ lục", "Mẫu số") is a sample decision's "Điều 1–3", not the law's.
    let prev = 0;
    let appendixSince = false;
    for (const [i, b] of blocks.entries()) {
      if (b.start >= limit) break;
      const line = lineOf(b);
      const m = /^(?:Điều|ĐIỀU)[ \u00a0]+(\d{1,4})/u.exec(line);
      if (!m) {
        if (lastArticle >= 0 && APPENDIX_HEADING.test(line)) appendixSince = true;
        continue;
      }
      const n = Number(m[1]);
      if (n < prev && appendixSince) break;
      prev = n;
      appendixSince = false;
      lastArticle = i;
    }
  }
  // In other texts, after the last top-level section: a sample signature block inside section II
  // ("Ví dụ:" / "T/M ĐOÀN CHỦ TỊCH" in 36-HD/VPTW, "Nơi nhận" in a Phụ lục's form) is not the end
  // when "III-" or "Phần II" follows.
  const lastTop = mode === 'party' ? lastTopSection(blocks.filter((b) => b.start >= bodyStart && b.start < limit).map(lineOf)) : -1;
  const topAt = lastTop >= 0 ? blocks.findIndex((b) => b.start >= bodyStart) + lastTop : -1;
  const endAt = blocks.findIndex((b, i) => b.start > bodyStart && b.start < limit && i > lastArticle && i > topAt && endRe.test(lineOf(b)));
  if (endAt >= 0) bodyEnd = blocks[endAt]!.start;
  let footnotes: Layout['footnotes'];
  if (footnotesStart !== undefined) footnotes = { start: footnotesStart, end: text.length };
  else if (mode === 'party' && bodyEnd < text.length) {
    const f = blocks.find((b) => b.start >= bodyEnd && /^\[\d{1,3}\]/.test(lineOf(b)));
    if (f) footnotes = { start: f.start, end: text.length };
  }
  return { mode, bodyStart, bodyEnd, ...(footnotes ? { footnotes } : {}) };
}

/** Top-level section headings: Roman "I." / Party "I-", and "Phần I" / "Phần thứ nhất". */
const TOP_SECTIONS: readonly { re: RegExp; value: (m: RegExpExecArray) => number }[] = [
  { re: /^(X{0,2}(?:IX|IV|V?I{1,3}|V|X))[.\-–][ \u00a0]+\S/u, value: (m) => markerValue(m[1]!, 'roman') },
  { re: /^(?:Phần|PHẦN)[ \u00a0]+(?:(?:thứ|THỨ)[ \u00a0]+)?([IVX]{1,4}|nhất|hai|ba|tư|năm|NHẤT|HAI|BA|TƯ|NĂM)[ \u00a0]*[.:]?$/u, value: (m) => markerValue(m[1]!, 'phan') },
];

/**
 * Index of the last line that continues a top-level sequence begun at I (I, II, III …). A
 * repeat of the current number is ignored (an example in a table cell); going back to I is an
 * appendix starting its own numbering, which ends the sequence.
 */
export function lastTopSection(lines: readonly string[]): number {
  let last = -1;
  for (const { re, value } of TOP_SECTIONS) {
    let prev = 0;
    for (const [i, line] of lines.entries()) {
      const m = re.exec(line);
      if (!m) continue;
      const v = value(m);
      if (v === prev + 1) {
        prev = v;
        if (v > 1 && i > last) last = i;
      } else if (v < prev) break;
    }
  }
  return last;
}

export function readText(input: InputFile, file: VFile): DocumentRecord[] {
  const cleaned = cleanText(input);
  const text = cleaned.text;
  if (!text.trim()) {
    file.message('the file has no text', { place: { line: 1, column: 1 }, ruleId: 'empty-document', source: 'tracuu' });
    return [];
  }
  const lines = new LineIndex(text);
  const hinted = input.layout;
  const raw = input.format === 'html' ? undefined : input.text;
  const [footnotesStart, ...pageStarts] = raw && hinted ? remapOffsets(raw, [hinted.footnotesStart ?? raw.length, ...(hinted.pageStarts ?? [])]) : [];
  const layout = findLayout(text, hinted?.footnotesStart !== undefined ? footnotesStart : undefined);
  const bodyBlocks = blocksOf(text, layout.bodyStart, layout.bodyEnd);
  const bodyLead = bodyBlocks[0] ? text.slice(bodyBlocks[0].start, bodyBlocks[0].end) : '';
  const meta = extractMetadata({
    header: text.slice(0, layout.bodyStart),
    tail: text.slice(layout.bodyEnd, layout.footnotes?.start ?? text.length),
    bodyLead,
    mode: layout.mode,
    ...(cleaned.datelineDate ? { datelineDate: cleaned.datelineDate } : {}),
    bodyEnd: text.slice(Math.max(layout.bodyStart, layout.bodyEnd - 400), layout.bodyEnd),
  });
  // A news page (dateline, related-news block, photo captions) — not a legal portal's download page.
  const noise = new Set(cleaned.removed.map((r) => r.ruleId));
  const isNews = noise.has('news-dateline') || noise.has('related-news') || (noise.has('photo-caption') && !noise.has('download-title'));
  let type = meta.type ?? (isNews ? 'tin-tuc' : 'khac');
  // A provincial instruction carrying out a central text, with no number of its own.
  if (!meta.number && /^Triển khai thực hiện|chỉ đạo các sở, ban, ngành/iu.test(text.slice(0, 2000)) && meta.issuer?.startsWith('UBND')) type = 'chi-dao';
  if (!meta.number && meta.partialNumber) type = isNews ? 'tin-tuc' : type;
  const id = meta.number ? documentId(meta.number, type) : unnumberedDocumentId(input.path);
  if (!meta.number && !meta.partialNumber) {
    file.message(`no document number found; the document gets the id ${id}`, { place: lines.position(layout.bodyStart), ruleId: 'no-number', source: 'tracuu' });
  }
  const seg = segment(text, file, {
    docId: id,
    start: layout.bodyStart,
    end: layout.bodyEnd,
    mode: layout.mode,
    lines,
    ...(layout.footnotes ? { footnotes: layout.footnotes } : {}),
  });
  if (!seg.clauses.length) {
    file.message('no clauses found in the body', { place: lines.position(layout.bodyStart), ruleId: 'no-clauses', source: 'tracuu' });
  }
  if (hinted?.pageStarts?.length) {
    // The page of each clause: the last page starting at or before it.
    for (const c of seg.clauses) c.page = pageOf(pageStarts, c.span.start.offset);
  }
  const numbered = seg.clauses.some((c) => c.kind !== 'paragraph');
  const source: Source = {
    path: input.path,
    role: meta.partialNumber && !numbered ? 'report' : isNews ? 'news' : 'full-text',
    format: input.format,
    sha256: input.sha256,
    bytes: input.bytes,
    corpus: input.corpus,
    ...(meta.title ? { title: meta.title } : {}),
    ...(input.pages !== undefined ? { pages: input.pages } : {}),
    ...(hinted?.pageStarts?.length ? { pageStarts } : {}),
    ...(input.ocr ? { ocr: input.ocr } : {}),
  };
  const info = typeInfo(type);
  const docMeta: Record<string, string> = {};
  if (meta.partialNumber) docMeta.reportOf = meta.partialNumber;
  if (meta.appendixOf) docMeta.appendixOf = meta.appendixOf;
  if (meta.datePartial) docMeta.datePartial = meta.datePartial;
  if (meta.partialNumber && meta.type) docMeta.reportOfType = meta.type;
  if (isNews) docMeta.noise = cleaned.removed.map((r) => r.ruleId).filter((v, i, a) => a.indexOf(v) === i).join(',');
  const doc: DocumentRecord = {
    id,
    ...(meta.number ? { number: meta.number } : {}),
    type,
    typeLabel: info.label,
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.issuer ? { issuer: meta.issuer } : {}),
    ...(meta.place ? { place: meta.place } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    ...(info.party && meta.date ? { term: partyTerm(meta.date)! } : {}),
    ...(meta.signer ? { signer: meta.signer } : {}),
    ...(meta.signerTitle ? { signerTitle: meta.signerTitle } : {}),
    ...(meta.recipients?.length ? { recipients: meta.recipients } : {}),
    corpus: input.corpus,
    sources: [source],
    reports: [],
    text,
    roots: seg.roots,
    clauses: seg.clauses,
    ...(Object.keys(docMeta).length ? { meta: docMeta } : {}),
  };
  return [doc];
}

/** 1-based page holding `offset`, from the page start offsets (index 0 = page 1). */
export function pageOf(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
