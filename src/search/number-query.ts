/**
 * Document numbers typed any way: "195-KL/TW", "kl 195", "ket luan 195", "Kết luận số 195",
 * "NĐ 15/2020", "15/2020/NĐ-CP". The forms are data (checked by number-query.test.ts).
 */
import type { DocType, GraphNode } from '../model.ts';
import { canonicalIdentifier, fold } from 'vietnamese-tokenizer';

export interface NumberQuery {
  /** Canonical full number, or the leading part ("195", "15/2020"). */
  number: string;
  complete: boolean;
  types?: DocType[];
}

/** Type words and abbreviations, folded, → types. Longest first when matching. */
export const TYPE_WORDS: ReadonlyArray<readonly [string, DocType[]]> = [
  ['thong tu lien tich', ['thong-tu-lien-tich']],
  ['ket luan', ['ket-luan']],
  ['nghi quyet', ['nghi-quyet']],
  ['quy dinh', ['quy-dinh']],
  ['quyet dinh', ['quyet-dinh']],
  ['chi thi', ['chi-thi']],
  ['huong dan', ['huong-dan']],
  ['thong bao', ['thong-bao']],
  ['ke hoach', ['ke-hoach']],
  ['bao cao', ['bao-cao']],
  ['nghi dinh', ['nghi-dinh']],
  ['thong tu', ['thong-tu']],
  ['bo luat', ['bo-luat']],
  ['luat', ['luat', 'bo-luat']],
  ['cong van', ['cong-van']],
  ['kl', ['ket-luan']],
  ['nq', ['nghi-quyet']],
  ['qd', ['quy-dinh', 'quyet-dinh']],
  ['ct', ['chi-thi']],
  ['hd', ['huong-dan']],
  ['tb', ['thong-bao']],
  ['kh', ['ke-hoach']],
  ['bc', ['bao-cao']],
  ['nd', ['nghi-dinh']],
  ['tt', ['thong-tu']],
  ['cv', ['cong-van']],
];

const WORDS = TYPE_WORDS.map(([w]) => w.replace(/ /g, '\\s+')).join('|');
const SHORT = new RegExp(`^(${WORDS})\\s*(?:so\\s*)?:?\\s*(\\d{1,6}(?:/(?:19|20)\\d{2})?)$`);

export function parseNumberQuery(query: string): NumberQuery | null {
  const q = query.trim();
  const full = canonicalIdentifier(q.replace(/^(?:số|so)\s*/iu, ''));
  if (full) return { number: full, complete: true };
  const folded = fold(q).toLowerCase().replace(/\s+/g, ' ');
  // "luật 91/2015/QH13", "Nghị định số 15/2020/NĐ-CP": a type word, then a full number.
  const typed = new RegExp(`^(${WORDS})\\s*(?:so\\s*)?:?\\s*(.+)$`).exec(folded);
  if (typed) {
    const rest = q.slice(q.length - typed[2]!.length);
    const number = canonicalIdentifier(rest);
    const types = TYPE_WORDS.find(([w]) => w === typed[1]!.replace(/\s+/g, ' '))?.[1];
    if (number) return { number, complete: true, ...(types ? { types } : {}) };
  }
  const m = SHORT.exec(folded);
  if (!m) return null;
  const word = m[1]!.replace(/\s+/g, ' ');
  const types = TYPE_WORDS.find(([w]) => w === word)?.[1];
  return { number: m[2]!, complete: false, ...(types ? { types } : {}) };
}

/** Graph nodes a number query names. Folded comparison: "15/2020/nd-cp" = "15/2020/NĐ-CP". */
export function matchNodes(q: NumberQuery, nodes: Iterable<GraphNode>, prefix = false): GraphNode[] {
  const want = fold(q.number).toLowerCase();
  const out: GraphNode[] = [];
  for (const n of nodes) {
    if (!n.number) continue;
    const have = fold(n.number).toLowerCase().replace(/(^|[-/])0+(?=\d)/g, '$1');
    const w = want.replace(/(^|[-/])0+(?=\d)/g, '$1');
    const ok = prefix ? have.startsWith(w) : q.complete ? have === w : have.startsWith(w + '-') || have.startsWith(w + '/') || have === w;
    if (ok && (!q.types || q.types.includes(n.type))) out.push(n);
  }
  return out.sort((a, b) => Number(b.inCorpus) - Number(a.inCorpus) || (b.date ?? '').localeCompare(a.date ?? ''));
}
