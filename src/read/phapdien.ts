/**
 * Bộ pháp điển (phapdien.moj.gov.vn export): one HTML file per đề mục → one document whose
 * clauses are its chapters and articles. Every article keeps its source note ("(Điều 5 Nghị
 * định số 23/2015/NĐ-CP, có hiệu lực … được sửa đổi … bởi …)") as the second line of its
 * text — so the reference finder sees it — and in `meta.note`, with the vbpl.vn ItemID.
 */
import type { VFile } from 'vfile';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import type { Clause, DocumentRecord } from '../model.ts';
import { normalize } from 'vietnamese-tokenizer';
import { clauseId, clauseSegment, namedDocumentId } from '../ids.ts';
import { LineIndex } from '../segment/index.ts';
import { decode } from './html.ts';
import type { InputFile } from './input.ts';

interface Article {
  kind: 'chuong' | 'dieu';
  heading: string;
  lines: string[];
  meta: Record<string, string>;
}

function textOf(node: Node): string {
  return normalize(decode(node.rawText ?? (node as HTMLElement).text ?? '')).replace(/[\s\u00a0]+/g, ' ').trim();
}

export function readPhapdien(input: InputFile, file: VFile): DocumentRecord[] {
  const root = parse(input.text.replace(/^\uFEFF/, ''), { comment: false });
  const h3 = root.querySelector('h3');
  const heading = h3 ? textOf(h3) : '';
  const code = /Đề mục[ \u00a0]+([\d.]+)/u.exec(heading)?.[1];
  if (!code) {
    file.message('not a Bộ pháp điển đề mục page (no "Đề mục N.N" heading)', { place: { line: 1, column: 1 }, ruleId: 'phapdien-html', source: 'tracuu' });
    return [];
  }
  const topic = heading.replace(/^Đề mục[ \u00a0]+[\d.]+[ \u00a0]*/u, '').trim();
  const content = root.querySelector('._content') ?? root;
  const items: Article[] = [];
  let current: Article | undefined;
  let buffer = '';
  const flush = () => {
    const t = normalize(decode(buffer)).replace(/[\s\u00a0]+/g, ' ').trim();
    buffer = '';
    if (t && current?.kind === 'dieu') current.lines.push(t);
  };
  // A streaming walk in document order: the export's HTML nests <p> in <p> and leaves tables
  // open, so article boundaries are the classed paragraphs wherever the parser put them.
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      buffer += node.rawText;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const cls = el.classNames ?? '';
    const tag = el.rawTagName?.toLowerCase() ?? '';
    if (tag === 'script' || tag === 'style') return;
    if (cls.includes('pChuong')) {
      flush();
      const t = textOf(el);
      // "Chương I" then its title as a second pChuong.
      if (current?.kind === 'chuong' && current.lines.length === 1 && !/^Chương/u.test(t)) {
        current.lines.push(t);
        current.heading = t;
      } else items.push((current = { kind: 'chuong', heading: '', lines: [t], meta: {} }));
      return;
    }
    if (cls.includes('pDieu')) {
      flush();
      const t = textOf(el);
      items.push((current = { kind: 'dieu', heading: t, lines: [t], meta: {} }));
      return;
    }
    if (cls.includes('pGhiChu')) {
      flush();
      if (current?.kind === 'dieu') {
        const note = textOf(el);
        current.lines.push(note);
        current.meta.note = note;
        const item = /ItemID=(\d+)/.exec(el.querySelector('a')?.getAttribute('href') ?? '')?.[1];
        if (item) current.meta.vbplItemId = item;
      }
      return;
    }
    if (cls.includes('pChiDan')) {
      flush();
      if (current?.kind === 'dieu') current.meta.related = textOf(el);
      return;
    }
    const block = tag === 'p' || tag === 'tr' || tag === 'br' || tag === 'div' || tag === 'li' || tag === 'table';
    if (block) flush();
    for (const c of el.childNodes) {
      walk(c);
      if (tag === 'tr' && (c as HTMLElement).rawTagName?.toLowerCase() === 'td') buffer += ' | ';
    }
    if (block) flush();
  };
  walk(content);
  flush();
  for (const it of items) if (it.kind === 'dieu') it.lines = it.lines.map((l) => l.replace(/(?:[ \u00a0]*\|[ \u00a0]*)+$/u, '').replace(/^(?:\|[ \u00a0]*)+/u, '')).filter(Boolean);
  const docId = namedDocumentId(`phapdien ${code}`);
  let text = '';
  const clauses: Clause[] = [];
  const roots: string[] = [];
  const used = new Set<string>();
  const spans: [number, number][] = [];
  for (const it of items) {
    const start = text.length;
    text += it.lines.join('\n');
    spans.push([start, text.length]);
    text += '\n\n';
  }
  const lines = new LineIndex(text);
  let chapter: Clause | undefined;
  items.forEach((it, i) => {
    const [start, end] = spans[i]!;
    if (it.kind === 'chuong') {
      const number = /^Chương[ \u00a0]+([IVXLC\d]+)/u.exec(it.lines[0]!)?.[1] ?? String(i + 1);
      chapter = makeClause(docId, 'chuong', number, it.lines[0]!, `Chương ${number}`, it.heading, text, start, end, lines, undefined, used);
      clauses.push(chapter);
      roots.push(chapter.id);
      return;
    }
    const m = /^Điều[ \u00a0]+([\dA-Za-zĐđ]+(?:\.[\dA-Za-zĐđ]+)*)\.?[ \u00a0]*(.*)$/u.exec(it.heading);
    if (!m) {
      file.message(`article heading not understood: "${it.heading.slice(0, 60)}"`, { place: lines.position(start), ruleId: 'phapdien-article', source: 'tracuu' });
    }
    const number = m?.[1] ?? String(i + 1);
    const c = makeClause(docId, 'dieu', number, `Điều ${number}.`, `Điều ${number}`, m?.[2] ?? it.heading, text, start, end, lines, chapter, used);
    if (Object.keys(it.meta).length) c.meta = it.meta;
    if (!it.meta.note) file.message(`article ${number} has no source note`, { place: lines.position(start), ruleId: 'phapdien-no-note', source: 'tracuu' });
    clauses.push(c);
    if (chapter) chapter.children.push(c.id);
    else roots.push(c.id);
  });
  return [
    {
      id: docId,
      type: 'khac',
      typeLabel: 'Đề mục pháp điển',
      title: `Đề mục ${code} ${topic}`.trim(),
      issuer: 'Bộ Tư pháp',
      corpus: input.corpus,
      sources: [{ path: input.path, role: 'full-text', format: 'phapdien-html', sha256: input.sha256, bytes: input.bytes, corpus: input.corpus }],
      reports: [],
      text,
      roots,
      clauses,
      meta: { deMuc: code },
    },
  ];
}

function makeClause(
  docId: string,
  kind: 'chuong' | 'dieu',
  number: string,
  label: string,
  pathLabel: string,
  heading: string,
  text: string,
  start: number,
  end: number,
  lines: LineIndex,
  parent: Clause | undefined,
  used: Set<string>,
): Clause {
  let repeat = 1;
  let id = clauseId(docId, [clauseSegment(kind, number)]);
  while (used.has(id)) id = clauseId(docId, [clauseSegment(kind, number, ++repeat)]);
  used.add(id);
  return {
    id,
    docId,
    kind,
    label,
    number,
    path: id.split('/').slice(1),
    pathLabel,
    ...(heading ? { heading } : {}),
    text: text.slice(start, end),
    span: lines.span(start, end),
    ...(parent ? { parentId: parent.id } : {}),
    children: [],
  };
}
