/**
 * Scoring the finder on tests/fixtures/refs-sample (issue 12): each labelled sentence is run
 * through `findInText` alone (no paragraph around it, so list items whose head names the
 * document — `anaphor` rows — can only be found as internal pinpoints). A found reference
 * matches a labelled occurrence when their spans overlap (see the sample's README); anything
 * found that overlaps no reference row, traps included, is an extra.
 */
import type { DocType, Pinpoint } from '../../src/model.ts';
import { findInText, type FoundReference } from '../../src/refs/index.ts';
import { isReference, type SampleRow } from './refs-sample.ts';

/** The relations whose precision matters most: a wrong one shows a law in force as changed or ended. */
export const CHANGING = ['ends-effect', 'repeals', 'replaces', 'amends'] as const;
export const SCORED_RELATIONS = ['ends-effect', 'repeals', 'replaces', 'amends', 'based-on', 'guides', 'implements', 'continues-effect', 'corrects'] as const;

export interface RelationScore {
  relation: string;
  /** Found references typed with this relation (matched or not). */
  predicted: number;
  /** Of those, matched to a row that accepts the relation. */
  correct: number;
  /** Rows whose only accepted non-cites relation is this one. */
  gold: number;
  /** Of those, found and typed with an accepted relation. */
  found: number;
}

export interface SampleScore {
  sentences: number;
  gold: number;
  predicted: number;
  matched: number;
  recall: number;
  precision: number;
  relationCorrect: number;
  relationAccuracy: number;
  relations: RelationScore[];
  pinpointGold: number;
  pinpointRight: number;
  nameGold: number;
  nameFound: number;
  misses: string[];
  extras: string[];
  wrongRelations: string[];
  wrongPinpoints: string[];
}

/** The citing document's type from the row: the VLC file name, or the source written in `where` ("← Luật số …"; Bộ pháp điển and office rows). */
function selfType(r: SampleRow): DocType | undefined {
  const name = r.source === 'vlc' ? (r.file.split('/').pop() ?? '') : (r.where.split('←')[1] ?? '').trim().toLowerCase();
  if (/^hien-phap/.test(name)) return 'hien-phap';
  if (/^bo-luat|^bộ luật/.test(name)) return 'bo-luat';
  if (/^luat|^luật/.test(name)) return 'luat';
  if (/^phap-lenh|^pháp lệnh/.test(name)) return 'phap-lenh';
  if (/^nghị định/.test(name)) return 'nghi-dinh';
  if (/^thông tư liên tịch/.test(name)) return 'thong-tu-lien-tich';
  if (/^thông tư/.test(name)) return 'thong-tu';
  if (/^nghị quyết/.test(name)) return 'nghi-quyet';
  if (/^quyết định/.test(name)) return 'quyet-dinh';
  if (/^hiến pháp/.test(name)) return 'hien-phap';
  if (/^hướng dẫn/.test(name)) return 'huong-dan';
  if (/^quy định/.test(name)) return 'quy-dinh';
  if (/^kế hoạch/.test(name)) return 'ke-hoach';
  if (/^thông báo/.test(name)) return 'thong-bao';
  if (/^báo cáo/.test(name)) return 'bao-cao';
  if (/^công văn/.test(name)) return 'cong-van';
  if (/^công điện/.test(name)) return 'cong-dien';
  if (/^án lệ/.test(name)) return 'an-le';
  return undefined;
}

/** A pinpoint in the labels' notation: top-down, "," inside a level, ";" between pinpoints. */
export function pinpointLabel(p: Pinpoint | undefined, scope: string): string {
  if (!p) return '';
  const parts: string[] = [];
  if (p.phuLuc) parts.push(`Phụ lục ${p.phuLuc}`);
  if (p.phan) parts.push(`Phần ${p.phan}`);
  if (p.chuong) parts.push(`Chương ${p.chuong}`);
  if (p.muc) parts.push(`Mục ${p.muc}`);
  if (p.tieuMuc) parts.push(`tiểu mục ${p.tieuMuc}`);
  if (p.dieuList?.length) parts.push(`Điều ${p.dieuList.join(', ')}`);
  else if (p.dieu) parts.push(`Điều ${p.dieu}`);
  else if (scope === 'internal' && (p.khoan || p.diem)) parts.push('Điều này');
  if (p.khoan) parts.push(`khoản ${p.khoan}`);
  if (p.diem) parts.push(`điểm ${p.diem}`);
  const own = parts.join(' ');
  // A further pinpoint of an internal reference is internal too ("khoản 1 và khoản 2 Điều này").
  const more = (p.more ?? []).map((m) => pinpointLabel(m, scope));
  return [own, ...more].filter(Boolean).join('; ');
}

/**
 * A pinpoint label as a set of single provisions, so that "Điều 66, 67" = "Điều 66; Điều 67" and
 * "khoản 1–3" = "khoản 1, 2, 3": the labels write lists either way.
 */
export function pinpointAtoms(label: string): Set<string> {
  const out = new Set<string>();
  for (const part of label.split(';')) {
    const levels: Array<[string, string[]]> = [];
    for (const m of part.matchAll(/(phụ lục|tiểu mục|điểm|khoản|điều|mục|chương|phần)\s+([^\s,;]+(?:\s*(?:,|–|-|đến)\s*[^\s,;–-]+)*)/giu)) {
      const values: string[] = [];
      for (const v of m[2]!.split(/\s*,\s*/)) {
        const range = /^(\d+)\s*(?:–|-|đến)\s*(\d+)$/.exec(v);
        if (range) for (let n = Number(range[1]); n <= Number(range[2]); n++) values.push(String(n));
        else values.push(v.toLowerCase());
      }
      levels.push([m[1]!.toLowerCase(), values]);
    }
    let combos = [''];
    for (const [level, values] of levels.sort((a, b) => a[0].localeCompare(b[0]))) combos = combos.flatMap((c) => values.map((v) => `${c}|${level} ${v}`));
    for (const c of combos) if (c) out.add(c);
  }
  return out;
}
const sameAtoms = (a: string, b: string) => {
  const x = pinpointAtoms(a);
  const y = pinpointAtoms(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

export function scoreSample(rows: readonly SampleRow[]): SampleScore {
  const bySid = new Map<string, SampleRow[]>();
  for (const r of rows) bySid.set(r.sid, [...(bySid.get(r.sid) ?? []), r]);
  const rel = new Map<string, RelationScore>(SCORED_RELATIONS.map((r) => [r, { relation: r, predicted: 0, correct: 0, gold: 0, found: 0 }]));
  const s: SampleScore = { sentences: bySid.size, gold: 0, predicted: 0, matched: 0, recall: 0, precision: 0, relationCorrect: 0, relationAccuracy: 0, relations: [], pinpointGold: 0, pinpointRight: 0, nameGold: 0, nameFound: 0, misses: [], extras: [], wrongRelations: [], wrongPinpoints: [] };
  for (const [sid, list] of bySid) {
    const first = list[0]!;
    const st = selfType(first);
    const found: FoundReference[] = findInText(first.sentence, st ? { selfType: st } : {});
    const golds = list.filter(isReference);
    s.gold += golds.length;
    s.predicted += found.length;
    const used = new Set<number>();
    const overlaps = (f: FoundReference, g: SampleRow) => f.start < g.end && g.start < f.end;
    for (const g of golds) {
      const only = g.relations.filter((x) => x !== 'cites');
      if (only.length === 1 && !g.relations.includes('cites') && rel.has(only[0]!)) rel.get(only[0]!)!.gold++;
      const isName = (g.kind === 'name' || g.kind === 'name-date') && !g.number;
      if (isName) s.nameGold++;
      const i = found.findIndex((f, k) => !used.has(k) && overlaps(f, g));
      if (g.pinpoint && g.kind !== 'self') s.pinpointGold++;
      if (i < 0) {
        s.misses.push(`${sid}: "${g.text}" [${g.kind}, ${g.relations.join('|')}]`);
        continue;
      }
      used.add(i);
      s.matched++;
      if (isName) s.nameFound++;
      const f = found[i]!;
      if (g.relations.includes(f.relation)) {
        s.relationCorrect++;
        if (only.length === 1 && !g.relations.includes('cites') && rel.has(only[0]!)) rel.get(only[0]!)!.found++;
      } else s.wrongRelations.push(`${sid}: "${g.text}" typed ${f.relation}, labelled ${g.relations.join('|')} — ${first.sentence.slice(0, 140)}`);
      if (g.pinpoint && g.kind !== 'self') {
        // "Điều này", "Chương này" (this-part): an internal reference to the part the clause is in, as written.
        const got = f.patternId === 'this-part' ? f.text.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : pinpointLabel(f.target.pinpoint, f.target.scope);
        if (sameAtoms(got, g.pinpoint)) s.pinpointRight++;
        else s.wrongPinpoints.push(`${sid}: "${g.text}" pinpoint "${got}", labelled "${g.pinpoint}"`);
      }
    }
    found.forEach((f, k) => {
      const r = rel.get(f.relation);
      if (r) {
        r.predicted++;
        const g = used.has(k) ? golds.find((x) => overlaps(f, x)) : undefined;
        if (g?.relations.includes(f.relation)) r.correct++;
      }
      if (!used.has(k)) s.extras.push(`${sid}: "${f.text}" (${f.patternId}, ${f.relation})`);
    });
  }
  s.recall = s.gold ? s.matched / s.gold : 1;
  s.precision = s.predicted ? s.matched / s.predicted : 1;
  s.relationAccuracy = s.matched ? s.relationCorrect / s.matched : 1;
  s.relations = [...rel.values()];
  return s;
}
