/**
 * The clause segmenter: numbered structure as written → a clause tree.
 *
 * Two passes over the body's paragraphs (one paragraph = one non-blank line):
 *  1. `find` opens a node for every marker (at a paragraph start, or inline in Party texts),
 *     keeping a stack of open nodes: a marker whose style is already open closes back to that
 *     level (a sibling); a new style nests under the deepest open node. Unnumbered paragraphs
 *     continue the deepest clause opened at a paragraph start, or become `paragraph` clauses.
 *  2. `annotate` gives every node its id (via src/ids.ts), path, pathLabel and span.
 * Problems (a gap 3 → 5, an orphan footnote) are vfile messages; segmentation always goes on.
 */
import type { VFile } from 'vfile';
import type { Clause, ClauseKind, NumberingStyle } from '../model.ts';
import { clauseId, clauseSegment } from '../ids.ts';
import { LineIndex } from './position.ts';
import { INLINE_MARKER, MARKERS, markerValue, matchMarker, type MarkerPattern } from './markers.ts';

export interface SegmentOptions {
  docId: string;
  /** Offsets into `text` of the body to segment (header and signature block excluded). */
  start?: number;
  end?: number;
  /** "law" for Phần/Chương/Mục/Điều/Khoản/Điểm, "party" for 1./[1]/(1)/(i)/a); "auto" decides. */
  mode?: 'law' | 'party' | 'auto';
  /** Where "[1] …" footnote bodies sit (after the signature), if anywhere. */
  footnotes?: { start: number; end: number };
  /** A shared line index of `text`, when the caller has one. */
  lines?: LineIndex;
}

export interface Segmented {
  roots: string[];
  clauses: Clause[];
}

interface Node {
  kind: ClauseKind;
  style?: NumberingStyle;
  label: string;
  number: string;
  value: number;
  rank: number;
  start: number;
  ownEnd: number;
  /** Still collecting its own text (no child opened yet). */
  ownOpen: boolean;
  atParagraphStart: boolean;
  /** Outline depth ("1.2." = 2). */
  depth?: number;
  heading?: string;
  parent?: Node;
  children: Node[];
  footnotes: Node[];
  paragraphs: number;
  path: string[];
  pathLabel: string;
  id: string;
}

/** A new node: what varies is given, the rest starts empty (ids and labels come in `annotate`). */
function makeNode(fields: Pick<Node, 'kind' | 'label' | 'number' | 'value' | 'rank' | 'start' | 'ownEnd' | 'ownOpen' | 'atParagraphStart'> & Partial<Node>): Node {
  return { children: [], footnotes: [], paragraphs: 0, path: [], pathLabel: '', id: '', ...fields };
}

interface Block {
  start: number;
  end: number;
}

const LAW_RANK: Partial<Record<ClauseKind, number>> = { phan: 1, chuong: 2, muc: 3, dieu: 4, khoan: 5, diem: 6 };
const ITEM_RANK = 7;
// "Phần I" heads the parts of appendices and reports outside laws too.
const PARTY_MARKERS = MARKERS.filter((m) => m.kind === 'item' || m.kind === 'phan');
const DIEU_LINE = /^(?:Điều|ĐIỀU)[ \u00a0]+\d{1,4}[a-zđ]?(?![\p{L}\d/])/gmu;

/** "law" when the body has at least two "Điều N" lines. */
export function detectMode(text: string, start = 0, end = text.length): 'law' | 'party' {
  const body = text.slice(start, end);
  let n = 0;
  DIEU_LINE.lastIndex = 0;
  while (DIEU_LINE.exec(body) && ++n < 2);
  return n >= 2 ? 'law' : 'party';
}

/** Non-blank lines of text[start, end), trimmed of surrounding spaces. */
export function blocksOf(text: string, start: number, end: number): Block[] {
  const blocks: Block[] = [];
  let i = start;
  while (i < end) {
    let nl = text.indexOf('\n', i);
    if (nl < 0 || nl > end) nl = end;
    let s = i;
    let e = nl;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) blocks.push({ start: s, end: e });
    i = nl + 1;
  }
  return blocks;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0 || c === 0x200b || c === 0x3000 || c === 0xfeff;
}

export function segment(text: string, file: VFile, options: SegmentOptions): Segmented {
  const start = options.start ?? 0;
  const end = Math.min(options.end ?? text.length, text.length);
  const lines = options.lines ?? new LineIndex(text);
  const mode = !options.mode || options.mode === 'auto' ? detectMode(text, start, end) : options.mode;
  const state = new SegmentState(text, file, lines, mode);
  for (const block of blocksOf(text, start, end)) state.paragraph(block);
  if (options.footnotes) state.attachFootnotes(blocksOf(text, options.footnotes.start, options.footnotes.end), start, end);
  return state.annotate(options.docId);
}

class SegmentState {
  readonly roots: Node[] = [];
  readonly stack: Node[] = [];
  rootParagraphs = 0;

  constructor(
    readonly text: string,
    readonly file: VFile,
    readonly lines: LineIndex,
    readonly mode: 'law' | 'party',
  ) {}

  paragraph(block: Block): void {
    const line = this.text.slice(block.start, block.end);
    const m = matchMarker(line, this.mode === 'law' ? MARKERS : PARTY_MARKERS);
    if (m && !this.isFalseMarker(m.pattern, line, m.length)) {
      const node = this.open(m.pattern, m.number, block.start, block.start + m.length, true);
      node.ownEnd = block.end;
      if (node.kind === 'dieu') node.heading = cleanHeading(line.slice(m.length)) || undefined;
      else if (node.kind === 'chuong' || node.kind === 'phan' || node.kind === 'muc') node.heading = cleanHeading(line.slice(m.length)) || undefined;
      if (this.mode === 'party') this.inline(block.start + m.length, block.end);
      return;
    }
    const headed = this.stack.at(-1);
    // "Chương I" on one line, "NHỮNG QUY ĐỊNH CHUNG" on the next: the heading, not a paragraph.
    if (headed && !headed.heading && (headed.kind === 'chuong' || headed.kind === 'phan' || headed.kind === 'muc') && headed.ownOpen && isUpperLine(line)) {
      headed.heading = cleanHeading(line);
      headed.ownEnd = block.end;
      return;
    }
    this.continuation(block);
    if (this.mode === 'party' && this.stack.length) this.inline(block.start, block.end);
  }

  /** "1. 000 đồng" style false starts are not worth guarding; but a law's "1." before any Điều is an item. */
  isFalseMarker(pattern: MarkerPattern, line: string, length: number): boolean {
    // A marker with nothing after it is a stray number, unless it is a heading-only line (Chương I).
    if (pattern.kind === 'item' && length >= line.length) return true;
    return false;
  }

  open(pattern: MarkerPattern, number: string, start: number, labelEnd: number, atParagraphStart: boolean): Node {
    let kind: ClauseKind = pattern.kind;
    const style = pattern.style;
    const inDieu = this.stack.some((n) => n.kind === 'dieu');
    if (this.mode === 'law' && kind === 'item') {
      if (style === 'dot' && inDieu) kind = 'khoan';
      else if (style === 'letter' && inDieu) kind = 'diem';
    }
    const rank = LAW_RANK[kind] ?? ITEM_RANK;
    // "1.2.3." is level 3 of an outline: its own number is the last part.
    const depth = style === 'outline' ? number.split('.').length : 0;
    if (style === 'outline') number = number.split('.').at(-1)!;
    const value = markerValue(number, style ?? kind);
    // Text before this marker in the same paragraph belongs to the nodes open until now — also to
    // those this marker closes ("(i) … (ii) … (2) …" in one paragraph: (ii) ends where (2) starts).
    for (const n of this.stack) if (n.ownEnd > start) n.ownEnd = trimEnd(this.text, n.start, start);
    let parent: Node | undefined;
    let previous: Node | undefined;
    if (rank < ITEM_RANK) {
      while (this.stack.length && this.stack.at(-1)!.rank >= rank) {
        const top = this.stack.pop()!;
        if (top.kind === kind) previous = top;
      }
      parent = this.stack.at(-1);
      // A khoản after a điểm closes the điểm but must still see its earlier sibling khoản.
      if (!previous) previous = (parent ? parent.children : this.roots).filter((n) => n.kind === kind).at(-1);
    } else {
      const idx = findLastIndex(this.stack, (n) => n.rank === ITEM_RANK && n.style === style && (n.depth ?? 0) === depth);
      if (idx >= 0) {
        previous = this.stack[idx];
        this.stack.length = idx;
      }
      parent = this.stack.at(-1);
    }
    if (previous) {
      if (previous.ownEnd > start) previous.ownEnd = trimEnd(this.text, previous.start, start);
      if (value !== previous.value + 1 && !(kind === 'dieu' || kind === 'chuong' || kind === 'phan')) {
        this.message(`numbering jumps from ${previous.label.trim()} to ${this.text.slice(start, labelEnd).trim()}`, start, 'numbering-gap');
      } else if (value !== previous.value + 1 && value > previous.value + 1) {
        this.message(`numbering jumps from ${previous.label.trim()} to ${this.text.slice(start, labelEnd).trim()}`, start, 'numbering-gap');
      }
    }
    const node = makeNode({ kind, ...(kind === 'item' && style ? { style } : {}), ...(depth ? { depth } : {}), label: this.text.slice(start, labelEnd).trim(), number, value, rank, start, ownEnd: labelEnd, ownOpen: true, atParagraphStart, ...(parent ? { parent } : {}) });
    if (parent) parent.ownOpen = false;
    (parent ? parent.children : this.roots).push(node);
    this.stack.push(node);
    return node;
  }

  continuation(block: Block): void {
    const idx = findLastIndex(this.stack, (n) => n.atParagraphStart);
    const target = idx >= 0 ? this.stack[idx] : undefined;
    if (target && target.ownOpen) {
      this.stack.length = idx + 1;
      target.ownEnd = block.end;
      return;
    }
    if (target) this.stack.length = idx + 1;
    const node = makeNode({ kind: 'paragraph', label: '', number: String(target ? ++target.paragraphs : ++this.rootParagraphs), value: 0, rank: 99, start: block.start, ownEnd: block.end, ownOpen: false, atParagraphStart: true, ...(target ? { parent: target } : {}) });
    (target ? target.children : this.roots).push(node);
  }

  /** Inline "(1)", "(i)" inside a paragraph: only when the numbering around makes them items. */
  inline(from: number, to: number): void {
    const slice = this.text.slice(from, to);
    for (const m of slice.matchAll(INLINE_MARKER)) {
      const number = m[1]!;
      const pattern = MARKERS.find((p) => p.id === (/^\d/.test(number) ? 'paren' : 'roman-paren'))!;
      const value = markerValue(number, pattern.style!);
      const idx = findLastIndex(this.stack, (n) => n.rank === ITEM_RANK && n.style === pattern.style);
      const before = slice.slice(Math.max(0, m.index - 4), m.index).trimEnd();
      const valid = idx >= 0 ? value === this.stack[idx]!.value + 1 : value === 1 && before.endsWith(':');
      if (!valid) continue;
      const pos = from + m.index;
      const node = this.open(pattern, number, pos, pos + m[0].length, false);
      node.ownEnd = to;
    }
  }

  /** Footnote bodies ("[1] Bổ sung nội dung …") go to the clause whose text calls "[1]". */
  attachFootnotes(blocks: Block[], bodyStart: number, bodyEnd: number): void {
    let current: Node | undefined;
    for (const block of blocks) {
      const line = this.text.slice(block.start, block.end);
      const m = /^\[(\d{1,3})\][ \u00a0]*/u.exec(line);
      if (!m) {
        if (current) current.ownEnd = block.end;
        continue;
      }
      const number = m[1]!;
      const call = this.findCall(number, bodyStart, bodyEnd);
      const host = call === undefined ? undefined : this.deepestAt(call);
      if (!host) this.message(`footnote [${number}] is not called from any clause`, block.start, 'footnote-orphan');
      current = makeNode({ kind: 'footnote', label: `[${number}]`, number, value: Number(number), rank: 99, start: block.start, ownEnd: block.end, ownOpen: true, atParagraphStart: true, ...(host ? { parent: host } : {}) });
      if (host) host.footnotes.push(current);
      else this.roots.push(current);
    }
  }

  /** Offset of an inline call "[n]" (not at a paragraph start) in the body. */
  findCall(number: string, start: number, end: number): number | undefined {
    const needle = `[${number}]`;
    let i = this.text.indexOf(needle, start);
    while (i >= 0 && i < end) {
      const lineStart = this.text.lastIndexOf('\n', i - 1) + 1;
      if (this.text.slice(lineStart, i).trim()) return i;
      i = this.text.indexOf(needle, i + 1);
    }
    return undefined;
  }

  deepestAt(offset: number): Node | undefined {
    let best: Node | undefined;
    const visit = (nodes: Node[]) => {
      for (const n of nodes) {
        if (n.start <= offset && offset <= n.ownEnd && n.kind !== 'paragraph') best = n;
        if (n.start <= offset) visit(n.children);
      }
    };
    visit(this.roots);
    if (!best) {
      // The call may sit in a continuation paragraph: take the last clause starting before it.
      const visitAll = (nodes: Node[]) => {
        for (const n of nodes) {
          if (n.start <= offset && n.kind !== 'paragraph') best = n;
          visitAll(n.children);
        }
      };
      visitAll(this.roots);
    }
    return best;
  }

  message(reason: string, offset: number, ruleId: string): void {
    this.file.message(reason, { place: this.lines.position(offset), ruleId, source: 'tracuu' });
  }

  annotate(docId: string): Segmented {
    const clauses: Clause[] = [];
    const used = new Set<string>();
    const repeats = new Map<string, number>();
    const visit = (node: Node, parent: Node | undefined) => {
      // Phần, Chương and Điều ids are flat: "Điều 5" is unique in a law and citations name it alone.
      const flat = node.kind === 'dieu' || node.kind === 'chuong' || node.kind === 'phan';
      node.path = flat || !parent ? [] : [...parent.path];
      const seg = clauseSegment(node.kind, node.kind === 'phan' ? String(node.value || node.number) : node.number);
      let repeat = 1;
      const base = clauseId(docId, [...node.path, seg]);
      let id = base;
      // Remember the last repeat per id: thousands of repeats must not cost a scan each.
      if (used.has(id)) {
        repeat = repeats.get(base) ?? 1;
        do id = clauseId(docId, [...node.path, clauseSegment(node.kind, node.number, ++repeat)]);
        while (used.has(id));
        repeats.set(base, repeat);
      }
      if (repeat > 1) this.message(`${node.label || 'paragraph'} repeats an earlier number; id ${id}`, node.start, 'duplicate-number');
      used.add(id);
      node.id = id;
      node.path = id.split('/').slice(1);
      node.pathLabel = pathLabelOf(node, parent);
      const ownEnd = trimEnd(this.text, node.start, node.ownEnd);
      const clause: Clause = {
        id,
        docId,
        kind: node.kind,
        ...(node.style ? { style: node.style } : {}),
        label: node.label,
        number: node.kind === 'paragraph' ? '' : node.number,
        path: node.path,
        pathLabel: node.pathLabel,
        ...(node.heading ? { heading: node.heading } : {}),
        text: this.text.slice(node.start, ownEnd),
        span: this.lines.span(node.start, ownEnd),
        ...(parent ? { parentId: parent.id } : {}),
        children: [],
      };
      clauses.push(clause);
      for (const c of node.children) {
        visit(c, node);
        clause.children.push(c.id);
      }
      for (const f of node.footnotes) {
        visit(f, node);
        (clause.footnotes ??= []).push(f.id);
      }
    };
    for (const r of this.roots) visit(r, undefined);
    clauses.sort((a, b) => a.span.start.offset - b.span.start.offset);
    return { roots: this.roots.map((r) => r.id), clauses };
  }
}

function isLawContainer(n: Node): boolean {
  return n.kind === 'phan' || n.kind === 'chuong' || n.kind === 'muc';
}

const ITEM_LABEL: Record<NumberingStyle, (n: string) => string> = {
  dot: (n) => n,
  bracket: (n) => `[${n}]`,
  paren: (n) => `(${n})`,
  'roman-paren': (n) => `(${n})`,
  letter: (n) => `${n})`,
  roman: (n) => n,
  outline: (n) => n,
  none: (n) => n,
};

/** The path as a person writes it: "3.(1).(ii)", "[4]", "Điều 5 khoản 2 điểm a", "Chương II Mục 1". */
function pathLabelOf(node: Node, parent: Node | undefined): string {
  const up = parent?.pathLabel ?? '';
  switch (node.kind) {
    case 'phan':
      return node.label.replace(/[.:]$/, '');
    case 'chuong':
      return `Chương ${node.number}`;
    case 'muc':
      return up ? `${up} Mục ${node.number}` : `Mục ${node.number}`;
    case 'dieu':
      return `Điều ${node.number}`;
    case 'khoan':
      return `${up} khoản ${node.number}`.trim();
    case 'diem':
      return `${up} điểm ${node.number}`.trim();
    case 'paragraph':
      return up ? `${up} ¶${node.number}` : `¶${node.number}`;
    case 'footnote':
      return up ? `${up} [${node.number}]` : `[${node.number}]`;
    default: {
      const own = ITEM_LABEL[node.style ?? 'none'](node.number);
      return parent && parent.kind === 'item' ? `${up}.${own}` : up && parent?.kind !== 'paragraph' && !isLawContainer(parent!) ? `${up} ${own}` : own;
    }
  }
}

function cleanHeading(s: string): string {
  return s.replace(/^[\s.:\-–]+/u, '').replace(/\s+/gu, ' ').trim();
}

/** A heading line in capitals ("NHỮNG QUY ĐỊNH CHUNG"): letters present, none lower-case. */
function isUpperLine(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s) && s.length < 300;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function findLastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i]!)) return i;
  return -1;
}
