/**
 * Series of conclusions on one matter by one issuer ("tình hình, kết quả hoạt động của bộ máy
 * hệ thống chính trị và chính quyền địa phương 2 cấp"), ordered by date, and the supersession
 * they imply: the newest is the current word. Explicit relations (thay thế, bãi bỏ, hết hiệu
 * lực) override the inference and are marked as explicit.
 *
 * Two conclusions are on one matter when their trích yếu share enough folded syllable pairs
 * (overlap coefficient ≥ 0.3: one title often restates part of the other); the series is the
 * connected group, so 183 joins 202 and 221 through 195, which 202 cites with its title.
 */
import type { Edge, GraphNode, Series } from '../model.ts';
import { SERIES_WORDS } from '../doc-types.ts';
import { overlap, pairs } from './diff.ts';

const PARTY_ISSUER = /Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương/u;
const SAME_MATTER = 0.3;
const MIN_PAIRS = 4;

export function findSeries(nodes: GraphNode[], edges: Edge[]): Series[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const inCorpus = nodes.filter((n) => n.inCorpus && n.type === 'ket-luan' && n.title && n.issuer && PARTY_ISSUER.test(n.issuer));
  const cited = new Set(edges.filter((e) => inCorpus.some((n) => n.id === e.from)).map((e) => e.to));
  const candidates = [...inCorpus, ...nodes.filter((n) => !n.inCorpus && n.type === 'ket-luan' && n.title && cited.has(n.id))];
  const titles = candidates.map((n) => pairs(n.title!));
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      if (titles[i]!.size < MIN_PAIRS || titles[j]!.size < MIN_PAIRS) continue;
      if (overlap(titles[i]!, titles[j]!) >= SAME_MATTER) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, GraphNode[]>();
  candidates.forEach((n, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), n]));
  const series: Series[] = [];
  for (const members of groups.values()) {
    if (members.length < 2 || !members.some((m) => m.inCorpus)) continue;
    members.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
    const newest = [...members].reverse().find((m) => m.inCorpus)!;
    const issuer = members.find((m) => m.issuer)?.issuer;
    series.push({ id: `series-${members[0]!.id}`, title: newest.title!, ...(issuer ? { issuer } : {}), members: members.map((m) => m.id) });
    for (const m of members) {
      const node = byId.get(m.id)!;
      node.series = `series-${members[0]!.id}`;
      if (!node.issuer && issuer) node.issuer = issuer;
    }
  }
  return series;
}

/** "supersedes" edges along each series, and each member's status. Mutates the nodes. */
export function supersede(series: Series[], nodes: GraphNode[]): Edge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: Edge[] = [];
  for (const s of series) {
    const members = s.members.map((id) => byId.get(id)!);
    const newest = members.at(-1)!;
    members.forEach((m, i) => {
      if (i === 0) return;
      const older = members[i - 1]!;
      out.push({
        from: m.id,
        to: older.id,
        relation: 'supersedes',
        evidence: SERIES_WORDS.follows(`${m.number ?? m.id}${m.date ? ` (${m.date})` : ''}`, `${older.number ?? older.id}${older.date ? ` (${older.date})` : ''}`, s.title, s.issuer),
        clauses: {},
        refs: [],
        inferred: true,
      });
    });
    for (const m of members) {
      if (m === newest) m.status = 'current';
      else {
        m.status = 'superseded';
        m.supersededBy = newest.id;
        m.statusInferred = true;
        m.statusEvidence = SERIES_WORDS.latest(`${newest.number ?? newest.id}${newest.date ? ` (${newest.date})` : ''}`, s.title);
      }
    }
  }
  // Explicit endings (thay thế, bãi bỏ, hết hiệu lực) are read with their guards in status.ts, which overrides this.
  for (const n of nodes) if (n.inCorpus && !n.status) n.status = 'current';
  return out;
}
