/**
 * Results worth reading: the ranked list as a page shows it.
 *
 *   same text   a sentence repeated across documents (the preamble "Căn cứ Hiến pháp … Quốc hội
 *               khoá X, kỳ họp thứ 10" of 26 laws, "Chương I Những quy định chung") is one hit,
 *               the best-ranked, listing the other documents' clauses (`alsoIn`). Repeats inside
 *               one document stay separate hits: they are different places in one text (the
 *               same "b) Phạm tội 02 lần trở lên" under many articles of a code).
 *   per document  by default one document takes at most PER_DOCUMENT of the first FIRST_PAGE
 *               results; the rest of its clauses follow them, and its last hit shown there says
 *               how many more it has (`moreInDocument`; the `document` filter shows them all).
 *
 * Pinned hits (the clause a citation names, then what cites it) keep their places and count
 * towards their document's share. Both rules apply to the whole ranking, so every page of it
 * is a slice of one list and the total does not change while paging.
 */
import { fold } from 'vietnamese-tokenizer';
import type { Catalog } from './catalog.ts';

/** A document's share of the first page, by default. */
export const PER_DOCUMENT = 3;
/** The first page the share applies to. */
export const FIRST_PAGE = 10;
/** How far below the first page a page is filled from when one document holds the top (then the share is relaxed). */
const LOOKAHEAD = 200;

/** Clauses whose text (without its "3." / "a)" label, diacritics folded: "hoà" = "hòa") is the same in two or more documents. */
export class SameText {
  /** Entry → its group, or -1. */
  readonly groupOf: Int32Array;
  /** Group → its entries, in entry order. */
  readonly members: Int32Array[];

  private constructor(groupOf: Int32Array, members: Int32Array[]) {
    this.groupOf = groupOf;
    this.members = members;
  }

  static build(catalog: Catalog): SameText {
    const n = catalog.size;
    const byKey = new Map<string, number[]>();
    for (let e = 0; e < n; e++) {
      const key = sentenceKey(catalog.entries[e]!.clause.text);
      // Very short texts ("1.", a heading word) say nothing on their own.
      if (key.length < 12) continue;
      const list = byKey.get(key);
      if (list) list.push(e);
      else byKey.set(key, [e]);
    }
    const groupOf = new Int32Array(n).fill(-1);
    const members: Int32Array[] = [];
    for (const list of byKey.values()) {
      if (list.length < 2) continue;
      const doc = catalog.entries[list[0]!]!.doc.id;
      if (list.every((e) => catalog.entries[e]!.doc.id === doc)) continue;
      for (const e of list) groupOf[e] = members.length;
      members.push(Int32Array.from(list));
    }
    return new SameText(groupOf, members);
  }
}

/** A clause's text as compared: its label ("3.", "a)", "đ)", "Điều 212.") dropped, folded, lowercase, words only. */
export function sentenceKey(text: string): string {
  const body = text.replace(/^\s*(?:(?:Điều|ĐIỀU) \d{1,4}[a-zđ]?[.:]?|(?:\d{1,3}[a-zđ]?|[a-zđ]|[IVXLC]{1,6})[.)])\s+/u, '');
  return fold(body)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One row of the arranged list: an entry (or a pinned id), and what it stands for. */
export interface Row {
  /** Clause entry, or -1 for a pinned document / external node. */
  entry: number;
  /** Index into the pinned list when pinned, else -1. */
  pinned: number;
  docId: string;
  /** Entries of other documents with the same text, folded into this row: the first of each document. */
  alsoIn?: number[];
  /** Set on a document's last row within the first page when it has more results further down. */
  moreInDocument?: number;
}

export interface ArrangeInput {
  catalog: Catalog;
  same: SameText | undefined;
  /** Pinned hits, in order: ids with their entries (-1 when not a clause). */
  pinned: { entry: number; docId: string }[];
  /** The text ranking's best `k`, in order (grows on request). */
  top: (k: number) => number[];
  /** Is this entry among the text results (any rank)? */
  found: (entry: number) => boolean;
  /** Ranks a before b (same order as `top`). */
  before: (a: number, b: number) => boolean;
  /** Entries the text ranking found, in any order. */
  members: Int32Array;
  /** How many results each document has (clauses matched, pinned included). */
  perDoc: Map<string, number>;
  /** Rows wanted: offset + limit. */
  wanted: number;
  /** A document's share of the first page (0: no share). */
  perDocument: number;
  /**
   * How many of the ranking's first rows are in their exact order (a pruned run scores only
   * the best `exact` of a step exactly; the rest only count). Reading further asks for a rerun.
   */
  exact?: number;
}

/**
 * How deep `arrange` first reads the ranking for a page ending at `wanted` (offset + limit):
 * the depth a pruned run must score exactly. Folded rows and a first page one document fills
 * can need more; then `arrange` answers `{ deeper }` and the run is repeated that deep.
 */
export function firstDepth(wanted: number, perDocument: number): number {
  return Math.max(wanted, perDocument > 0 ? FIRST_PAGE : 0) + 16;
}

/**
 * The first `wanted` rows of the arranged list, and the list's length (the total).
 * Same-text groups fold into their best-ranked member; then the first page's shares.
 */
export function arrange(a: ArrangeInput): { rows: Row[]; total: number } | { deeper: number } {
  const { catalog, same, pinned } = a;
  const docOf = (e: number) => catalog.entries[e]!.doc.id;
  // Same text: the representative of each group found (its best-ranked member), and how many
  // members fold into it over the whole ranking (for the total).
  const rep = new Map<number, number>();
  let folded = 0;
  /** Representatives the total depends on (see below). */
  let dependsOnBest: number[] | undefined;
  if (same) {
    // (Runs on every query over every match: index loops, a set only for the groups touched.)
    const groupOf = same.groupOf;
    const members = a.members;
    let touched: Set<number> | undefined;
    for (let i = 0; i < members.length; i++) {
      const g = groupOf[members[i]!]!;
      if (g >= 0) (touched ??= new Set()).add(g);
    }
    for (const g of touched ?? []) {
      let best = -1;
      const group = same.members[g]!;
      // Pinned entries are not `found` (the text steps skip them).
      for (let i = 0; i < group.length; i++) {
        const e = group[i]!;
        if (a.found(e) && (best < 0 || a.before(e, best))) best = e;
      }
      if (best < 0) continue;
      rep.set(g, best);
      const doc = catalog.docOf[best];
      // The rows a group keeps are its representative's document's members: when documents hold
      // different numbers of them, the total depends on which member ranks best.
      let kept = 0;
      let otherDoc = -1;
      let otherCount = 0;
      let uneven = false;
      for (let i = 0; i < group.length; i++) {
        const e = group[i]!;
        if (!a.found(e)) continue;
        const d = catalog.docOf[e]!;
        if (d === doc) kept++;
        else {
          folded++;
          if (otherDoc < 0 || otherDoc === d) {
            otherDoc = d;
            otherCount++;
          } else uneven = true;
        }
      }
      if (otherDoc >= 0 && (uneven || otherCount !== kept)) (dependsOnBest ??= []).push(best);
    }
  }
  const total = pinned.length + a.members.length - folded;

  // The text rows in order, same-text members folded into their representative.
  const exact = a.exact ?? Number.POSITIVE_INFINITY;
  // Pruned: a representative outside the exactly scored rows may not be the best-ranked member
  // (no member is scored exactly); when the total depends on it, only an exhaustive run tells.
  if (dependsOnBest && a.members.length > exact) {
    const scored = new Set(a.top(exact));
    if (dependsOnBest.some((e) => !scored.has(e))) return { deeper: Number.POSITIVE_INFINITY };
  }
  const textRows = (k: number): { rows: Row[]; exhausted: boolean } | undefined => {
    // Past the exactly scored rows the order is not known: the caller reruns deeper.
    if (k > exact && a.members.length > exact) return undefined;
    const top = a.top(k);
    const rows: Row[] = [];
    for (const e of top) {
      const g = same ? same.groupOf[e]! : -1;
      const r = g >= 0 ? rep.get(g) : undefined;
      if (r !== undefined && r !== e) {
        if (docOf(r) !== docOf(e)) continue;
      }
      const row: Row = { entry: e, pinned: -1, docId: docOf(e) };
      if (r === e) {
        const doc = row.docId;
        const docs = new Set([doc]);
        const others: number[] = [];
        for (const m of same!.members[g]!) {
          const d = docOf(m);
          if (docs.has(d) || !a.found(m)) continue;
          docs.add(d);
          others.push(m);
        }
        if (others.length) row.alsoIn = others;
      }
      rows.push(row);
    }
    return { rows, exhausted: top.length < k };
  };

  const head: Row[] = pinned.map((p, i) => ({ entry: p.entry, pinned: i, docId: p.docId }));
  const share = a.perDocument > 0 ? a.perDocument : 0;
  const need = Math.max(a.wanted, share ? FIRST_PAGE : 0) - head.length;
  // Folded rows, and a first page one document would fill, may need more of the ranking than `wanted`.
  // (firstDepth is this k without the pinned rows: keep the two in step.)
  let k = Math.max(need, 0) + 16;
  let text = textRows(k);
  type Text = NonNullable<typeof text>;
  const enough = (t: Text) => t.exhausted || (t.rows.length >= need && (!share || t.rows.length >= LOOKAHEAD || fillsFirstPage(head, t.rows, share)));
  while (text && !enough(text)) {
    k *= 2;
    text = textRows(k);
  }
  if (!text) return { deeper: k };
  const rows = share ? shareFirstPage(head, text.rows, share, a.perDoc) : [...head, ...text.rows];
  return { rows: rows.slice(0, a.wanted), total };
}

/** Do these rows fill the first page within each document's share? */
function fillsFirstPage(head: Row[], rows: Row[], share: number): boolean {
  const count = new Map<string, number>();
  for (const r of head) count.set(r.docId, (count.get(r.docId) ?? 0) + 1);
  let placed = head.length;
  for (const r of rows) {
    if (placed >= FIRST_PAGE) return true;
    const c = count.get(r.docId) ?? 0;
    if (c < share) {
      count.set(r.docId, c + 1);
      placed++;
    }
  }
  return placed >= FIRST_PAGE;
}

/**
 * The first page with at most `share` rows per document (pinned rows keep their places and
 * count); rows held back follow it in their order. When the ranking within LOOKAHEAD rows holds
 * too few documents to fill the page, the held-back rows fill it.
 */
function shareFirstPage(head: Row[], rows: Row[], share: number, perDoc: Map<string, number>): Row[] {
  const count = new Map<string, number>();
  for (const r of head) count.set(r.docId, (count.get(r.docId) ?? 0) + 1);
  const page: Row[] = [...head];
  const held: number[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < rows.length && page.length < FIRST_PAGE && i < LOOKAHEAD; i++) {
    const r = rows[i]!;
    const c = count.get(r.docId) ?? 0;
    if (c >= share) {
      held.push(i);
      continue;
    }
    count.set(r.docId, c + 1);
    page.push(r);
    taken.add(i);
  }
  // Too few documents near the top: the held-back rows fill the page, in order.
  for (const i of held) {
    if (page.length >= FIRST_PAGE) break;
    page.push(rows[i]!);
    taken.add(i);
    count.set(rows[i]!.docId, (count.get(rows[i]!.docId) ?? 0) + 1);
  }
  // "More in this document": on each document's last row of the first page, when it has more.
  const last = new Map<string, Row>();
  for (const r of page) last.set(r.docId, r);
  for (const [docId, r] of last) {
    const more = (perDoc.get(docId) ?? 0) - (count.get(docId) ?? 0);
    if (more > 0 && (count.get(docId) ?? 0) >= share) r.moreInDocument = more;
  }
  const rest = rows.filter((_, i) => !taken.has(i));
  return [...page, ...rest];
}
