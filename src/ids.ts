/**
 * Stable ids: the one module that formats and parses document, clause and reference ids.
 * Everything that needs an id calls this; nothing else builds one with string concatenation.
 *
 *   document   221-kl-tw · 15-2020-nd-cp · luat-53-2014-qh13 · vb-001-57c09aa3197540b1
 *              luat-35-l-ctn~thue-chuyen-quyen-su-dung-dat (two documents with one number: "~" + what tells them apart)
 *   clause     202-kl-tw/8 · 183-kl-tw/3/1/ii · luat-53-2014-qh13/dieu-5/khoan-2/diem-a
 *              outside the numbered body: 294-qd-tw/tieu-de · 294-qd-tw/mo-dau-2 · luat-61-2020-qh14/phu-luc-i
 *   reference  202-kl-tw/2#r1
 *   task       183-kl-tw/3/1/i#t1
 *
 * Ids are ASCII slugs ([a-z0-9-], "~" for a repeated sibling), so they are safe in URLs
 * and HTML anchors without escaping.
 */
import type { ClauseKind, DocType } from './model.ts';
import { fold } from 'vietnamese-tokenizer';

/** Symbol codes that already name the document type; documents whose number has none get a type prefix. */
const TYPE_CODES: Partial<Record<DocType, string[]>> = {
  'ket-luan': ['kl'],
  'nghi-quyet': ['nq'],
  'quy-dinh': ['qd'],
  'quyet-dinh': ['qd'],
  'chi-thi': ['ct'],
  'huong-dan': ['hd'],
  'thong-bao': ['tb'],
  'ke-hoach': ['kh'],
  'bao-cao': ['bc'],
  'nghi-dinh': ['nd'],
  'thong-tu': ['tt'],
  'thong-tu-lien-tich': ['ttlt'],
  'van-ban-hop-nhat': ['vbhn'],
  'phap-lenh': ['pl'],
  'cong-van': ['cv'],
  'cong-dien': ['cd'],
  'an-le': ['al'],
};

/** ASCII slug: folded, lowercased, runs of anything else become one "-". */
export function slugify(text: string): string {
  return fold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The id of a document with a number: "221-KL/TW" → "221-kl-tw"; a Luật "53/2014/QH13" →
 * "luat-53-2014-qh13" (its symbol does not say it is a law).
 */
export function documentId(number: string, type: DocType): string {
  const slug = slugify(number);
  const codes = TYPE_CODES[type] ?? [];
  const parts = slug.split('-');
  return parts.some((p) => codes.includes(p)) ? slug : `${type}-${slug}`;
}

/**
 * Two different documents printed with one number (the 1994 laws 35-L/CTN; every province's
 * "Quyết định số 12/2020/QĐ-UBND"): each gets the number's id, "~", and a slug of what tells it
 * apart — its title without the type word, at most six words ("thue-chuyen-quyen-su-dung-dat"),
 * else its issuer or date. Only documents that collide are qualified: every other id stays as it was.
 */
export function qualifiedDocumentId(baseId: string, qualifier: string): string {
  const q = slugify(qualifier).split('-').filter(Boolean).slice(0, 6).join('-');
  return q ? `${baseId}~${q}` : baseId;
}

export interface ParsedDocumentId {
  /** The id the number alone gives ("luat-35-l-ctn"). */
  base: string;
  /** What tells documents with that number apart, when more than one has it. */
  qualifier?: string;
}

/** "luat-35-l-ctn~thue-chuyen-quyen-su-dung-dat" → { base: "luat-35-l-ctn", qualifier: "thue-chuyen-quyen-su-dung-dat" }. */
export function parseDocumentId(id: string): ParsedDocumentId | null {
  if (!/^[a-z0-9][a-z0-9-]*(~[a-z0-9][a-z0-9-]*)?$/.test(id)) return null;
  const at = id.indexOf('~');
  return at < 0 ? { base: id } : { base: id.slice(0, at), qualifier: id.slice(at + 1) };
}

/** The id of a document without a number, from its source file name: "001_57c09aa3197540b1.txt" → "vb-001-57c09aa3197540b1". */
export function unnumberedDocumentId(sourceName: string): string {
  const base = sourceName.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '');
  return `vb-${slugify(base) || 'untitled'}`;
}

/** Named documents without a number (ALQAC "Luật Cư trú"): "luat-cu-tru". */
export function namedDocumentId(name: string): string {
  return slugify(name) || 'untitled';
}

const SEGMENT_PREFIX: Partial<Record<ClauseKind, string>> = {
  phan: 'phan',
  chuong: 'chuong',
  muc: 'muc',
  dieu: 'dieu',
  khoan: 'khoan',
  diem: 'diem',
  footnote: 'fn',
  paragraph: 'p',
  preamble: 'mo-dau',
  appendix: 'phu-luc',
};

/**
 * One path segment. Items keep their number ("8", "ii", "a"); law levels are prefixed
 * ("dieu-5", "khoan-2", "diem-a", "chuong-ii"); paragraphs and footnotes use an ordinal
 * ("p1", "fn-1"). `repeat` > 1 marks a sibling with the same number ("3~2").
 */
export function clauseSegment(kind: ClauseKind, number: string, repeat = 1): string {
  // "đ)" follows "d)" in Vietnamese point lists: folding it to "d" would collide.
  const n = slugify(number.replace(/[đĐ]/g, 'dd'));
  const prefix = SEGMENT_PREFIX[kind];
  let seg: string;
  // The title is one per document: "tieu-de" (src/segment/frame.ts).
  if (kind === 'title') seg = 'tieu-de';
  else if (kind === 'paragraph') seg = `p${n}`;
  else if (prefix) seg = `${prefix}-${n}`;
  else seg = n;
  return repeat > 1 ? `${seg}~${repeat}` : seg;
}

export interface ParsedSegment {
  kind: ClauseKind;
  number: string;
  repeat: number;
}

export function parseSegment(segment: string): ParsedSegment {
  const [body = '', rep] = segment.split('~');
  const repeat = rep ? Number(rep) : 1;
  if (body === 'tieu-de') return { kind: 'title', number: '', repeat };
  const frame = /^(mo-dau|phu-luc)-(.+)$/.exec(body);
  if (frame) return { kind: frame[1] === 'mo-dau' ? 'preamble' : 'appendix', number: frame[2]!, repeat };
  const m = /^(phan|chuong|muc|dieu|khoan|diem|fn)-(.+)$/.exec(body);
  if (m) {
    const kind = (m[1] === 'fn' ? 'footnote' : m[1]) as ClauseKind;
    return { kind, number: m[2]!, repeat };
  }
  const p = /^p(\d+)$/.exec(body);
  if (p) return { kind: 'paragraph', number: p[1]!, repeat };
  return { kind: 'item', number: body, repeat };
}

export function clauseId(docId: string, path: readonly string[]): string {
  return [docId, ...path].join('/');
}

export interface ParsedClauseId {
  docId: string;
  path: string[];
}

const ID_RE = /^[a-z0-9][a-z0-9~-]*(\/[a-z0-9][a-z0-9~-]*)*$/;

/** Parses a clause id (or a bare document id, whose path is empty). Returns null for anything malformed. */
export function parseClauseId(id: string): ParsedClauseId | null {
  if (!ID_RE.test(id)) return null;
  const [docId, ...path] = id.split('/');
  return { docId: docId!, path };
}

export function isValidId(id: string): boolean {
  return ID_RE.test(id);
}

export function referenceId(clauseIdValue: string, ordinal: number): string {
  return `${clauseIdValue}#r${ordinal}`;
}

export function parseReferenceId(id: string): { clauseId: string; ordinal: number } | null {
  const m = /^(.+)#r(\d+)$/.exec(id);
  if (!m || !parseClauseId(m[1]!)) return null;
  return { clauseId: m[1]!, ordinal: Number(m[2]) };
}

/** A task of a clause: "183-kl-tw/3/1/i#t1" (ordinal within the clause, from 1). */
export function taskId(clauseIdValue: string, ordinal: number): string {
  return `${clauseIdValue}#t${ordinal}`;
}

export function parseTaskId(id: string): { clauseId: string; ordinal: number } | null {
  const m = /^(.+)#t(\d+)$/.exec(id);
  if (!m || !parseClauseId(m[1]!) || Number(m[2]) < 1) return null;
  return { clauseId: m[1]!, ordinal: Number(m[2]) };
}

/** Id for a node that is not in the corpus but is known by number ("195-kl-tw"), same scheme as documents. */
export const externalDocumentId = documentId;
