/**
 * Word's automatic numbering, turned back into the labels a reader sees ("1.", "a)",
 * "Điều 5.", "1.2."). The numbers are not in the text of a .docx: a paragraph says only
 * "list 7, level 1", and numbering.xml says how level 1 of list 7 is drawn. Counting is done
 * here, in document order, the way Word does it:
 *
 * - counters belong to the abstract list, so two `w:num`s over one `w:abstractNum` continue
 *   each other, unless a `w:num` restarts a level with `w:startOverride` (applied once, when
 *   that `w:num` is first used);
 * - using a level resets the levels below it, unless a lower level's `w:lvlRestart` says
 *   it restarts only after a higher level (or never, 0);
 * - `%n` in `w:lvlText` is level n's current value in level n's own format (all decimal when
 *   `w:isLgl`); a level not used yet shows its start value;
 * - a paragraph style can carry the numbering (`w:pStyle` with `w:numPr`, through `w:basedOn`).
 */
import { child, elements, type XmlElement } from './xml.ts';

export interface LevelDef {
  start: number;
  format: string;
  text: string;
  /** 1-based level after which this level restarts; 0 = never; undefined = after any higher level. */
  restart?: number;
  legal: boolean;
  /** What follows the label: a tab (shown as a space), a space, or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
  /** The paragraph style this level is linked to, if any. */
  style?: string;
}

export interface NumberingDefs {
  abstracts: Map<string, LevelDef[]>;
  nums: Map<string, { abstractId: string; starts: Map<number, number>; levels: Map<number, LevelDef> }>;
}

export interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

const val = (el: XmlElement | undefined): string | undefined => el?.attrs['w:val'];

function levelDef(lvl: XmlElement): LevelDef {
  const restart = val(child(lvl, 'w:lvlRestart'));
  const legal = child(lvl, 'w:isLgl');
  const suff = val(child(lvl, 'w:suff'));
  const style = val(child(lvl, 'w:pStyle'));
  return {
    start: Number(val(child(lvl, 'w:start')) ?? 0),
    format: val(child(lvl, 'w:numFmt')) ?? 'decimal',
    text: val(child(lvl, 'w:lvlText')) ?? '',
    ...(restart !== undefined ? { restart: Number(restart) } : {}),
    legal: !!legal && val(legal) !== '0' && val(legal) !== 'false',
    suffix: suff === 'space' ? 'space' : suff === 'nothing' ? 'nothing' : 'tab',
    ...(style ? { style } : {}),
  };
}

export function readNumberingDefs(root: XmlElement | undefined): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map() };
  const numbering = root ? child(root, 'w:numbering') : undefined;
  if (!numbering) return defs;
  for (const abs of elements(numbering, 'w:abstractNum')) {
    const levels: LevelDef[] = [];
    for (const lvl of elements(abs, 'w:lvl')) levels[Number(lvl.attrs['w:ilvl'] ?? 0)] = levelDef(lvl);
    defs.abstracts.set(abs.attrs['w:abstractNumId'] ?? '', levels);
  }
  for (const num of elements(numbering, 'w:num')) {
    const starts = new Map<number, number>();
    const levels = new Map<number, LevelDef>();
    for (const o of elements(num, 'w:lvlOverride')) {
      const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
      const so = val(child(o, 'w:startOverride'));
      if (so !== undefined) starts.set(ilvl, Number(so));
      const lvl = child(o, 'w:lvl');
      if (lvl) levels.set(ilvl, levelDef(lvl));
    }
    defs.nums.set(num.attrs['w:numId'] ?? '', { abstractId: val(child(num, 'w:abstractNumId')) ?? '', starts, levels });
  }
  return defs;
}

export function readStyleNumbering(root: XmlElement | undefined): Map<string, StyleNumbering> {
  const out = new Map<string, StyleNumbering>();
  const styles = root ? child(root, 'w:styles') : undefined;
  if (!styles) return out;
  for (const s of elements(styles, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (!id) continue;
    const numPr = child(child(s, 'w:pPr'), 'w:numPr');
    const numId = val(child(numPr, 'w:numId'));
    const ilvl = val(child(numPr, 'w:ilvl'));
    const basedOn = val(child(s, 'w:basedOn'));
    out.set(id, { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}), ...(basedOn ? { basedOn } : {}) });
  }
  return out;
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Word's letters: a … z, then aa … zz (the letter repeated), never "đ". */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

const VI_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

/** One value in a level's format (formats Vietnamese legal texts use; others fall back to decimal). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'vietnameseCounting':
      return VI_DIGITS[n] ?? String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Bullets drawn from symbol fonts (private-use code points) become a plain bullet. */
function bullet(text: string): string {
  if (!text) return '';
  const c = text.codePointAt(0)!;
  if (c >= 0xe000 && c <= 0xf8ff) return '•';
  return text;
}

/** Counts through a document: call `label` for every numbered paragraph, in order. */
export class NumberingCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly numsSeen = new Set<string>();

  constructor(
    private readonly defs: NumberingDefs,
    private readonly styles: Map<string, StyleNumbering>,
  ) {}

  /** The numbering of a paragraph: direct `w:numPr` first, then its style chain. */
  resolve(direct: { numId?: string; ilvl?: number }, styleId: string | undefined): { numId: string; ilvl: number } | undefined {
    let numId = direct.numId;
    let ilvl = direct.ilvl;
    let style = styleId;
    const seen = new Set<string>();
    while ((numId === undefined || ilvl === undefined) && style && !seen.has(style)) {
      seen.add(style);
      const s = this.styles.get(style);
      if (!s) break;
      if (numId === undefined && s.numId !== undefined) numId = s.numId;
      if (ilvl === undefined && s.ilvl !== undefined) ilvl = s.ilvl;
      style = s.basedOn;
    }
    if (numId === undefined || numId === '0') return undefined;
    if (ilvl === undefined && styleId) {
      // A level linked to the paragraph's style names its own level.
      const num = this.defs.nums.get(numId);
      const levels = num ? this.defs.abstracts.get(num.abstractId) : undefined;
      const linked = levels?.findIndex((l) => l?.style === styleId);
      if (linked !== undefined && linked >= 0) ilvl = linked;
    }
    return { numId, ilvl: ilvl ?? 0 };
  }

  /** The label Word draws for the next paragraph of (numId, ilvl), with its suffix; undefined if none. */
  label(numId: string, ilvl: number): string | undefined {
    const num = this.defs.nums.get(numId);
    if (!num) return undefined;
    const levels = this.defs.abstracts.get(num.abstractId);
    if (!levels) return undefined;
    const level = (i: number): LevelDef | undefined => num.levels.get(i) ?? levels[i];
    const def = level(ilvl);
    if (!def) return undefined;
    let counters = this.counters.get(num.abstractId);
    if (!counters) this.counters.set(num.abstractId, (counters = []));
    if (!this.numsSeen.has(numId)) {
      this.numsSeen.add(numId);
      for (const [l, start] of num.starts) counters[l] = start - 1;
    }
    counters[ilvl] = counters[ilvl] === undefined ? def.start : counters[ilvl]! + 1;
    for (let l = ilvl + 1; l < 9; l++) {
      const r = level(l)?.restart;
      if (r === undefined || (r !== 0 && r <= ilvl + 1)) counters[l] = undefined;
    }
    if (def.format === 'bullet') return withSuffix(bullet(def.text), def.suffix);
    const text = def.text.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const ld = level(l);
      const value = counters![l] ?? ld?.start ?? 1;
      return formatNumber(value, def.legal ? 'decimal' : (ld?.format ?? 'decimal'));
    });
    return withSuffix(text, def.suffix);
  }
}

function withSuffix(label: string, suffix: LevelDef['suffix']): string {
  if (!label) return '';
  return suffix === 'nothing' ? label : label + ' ';
}
