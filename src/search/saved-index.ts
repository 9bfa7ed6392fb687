/**
 * A compact, lazily decoded form of a MiniSearch index: what `build/` keeps so that a
 * server starts in a fraction of a second.
 *
 * MiniSearch's own `toJSON()`/`loadJS()` turns every posting into a JSON property and,
 * at load, every posting back into a `Map` entry: 5 M postings on the VLC laws cost
 * seconds. Here the postings are one varint byte stream; loading rebuilds only the term
 * tree (from sorted terms, in one pass) and the per-document field lengths, and each
 * term's postings are decoded the first time a query touches them.
 *
 * The result is a real MiniSearch instance (its search, suggest and serialisation work on
 * it); the round trip is tested against `toJSON()` of the original.
 *
 *   bytes: "TRCU" · u32 format version · u32 header length · header (JSON, UTF-8) · body
 *   header: the MiniSearch version, its counters and field ids, the sorted terms, `extra` (caller data)
 *   body:   field lengths (varint per document per field)
 *           term offsets (varint deltas into the postings, one per term)
 *           postings: per term, per field: fieldId+1, count, then (docId delta, tf) pairs; 0 ends the term
 */
import type { Options } from 'minisearch';
import { ClauseIndex, MINISEARCH_VERSION } from './minisearch-door.ts';
import { CorruptIndexError, documentFrequencyOf, encodeTermData, Reader, TermData, Writer } from './term-data.ts';

const MAGIC = 'TRCU';
export const SAVED_INDEX_VERSION = 2;

interface Header {
  /** The MiniSearch that wrote it: another version's internals may differ, so it is refused. */
  minisearch: string;
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  /** Short id → document id, or null when every short id `i` maps to the id `String(i)`. */
  documentIds: [number, unknown][] | null;
  storedFields: [number, Record<string, unknown>][];
  terms: string[];
  extra: unknown;
}

export function saveIndex(ms: ClauseIndex<any>, extra: unknown = null): Uint8Array {
  const m = ms.state;
  const entries = [...ms.terms].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const shortIds = [...m.fieldLength.keys()].sort((a, b) => a - b);
  const identity = m.documentIds.size === m.nextId && [...m.documentIds].every(([s, id]) => id === String(s));
  const header: Header = {
    minisearch: MINISEARCH_VERSION,
    documentCount: m.documentCount,
    nextId: m.nextId,
    fieldIds: m.fieldIds,
    averageFieldLength: m.avgFieldLength,
    dirtCount: m.dirtCount,
    documentIds: identity ? null : [...m.documentIds],
    storedFields: [...m.storedFields],
    terms: entries.map((e) => e[0]),
    extra,
  };
  const w = new Writer();
  const fieldCount = Object.keys(m.fieldIds).length;
  w.varint(shortIds.length);
  let prev = 0;
  for (const s of shortIds) {
    w.varint(s - prev);
    prev = s;
    const lengths = m.fieldLength.get(s)!;
    for (let f = 0; f < fieldCount; f++) w.varint(lengths[f] ?? 0);
  }
  const postings = new Writer();
  const offsets: number[] = [];
  for (const [, data] of entries) {
    offsets.push(postings.length);
    encodeTermData(data, postings);
  }
  let at = 0;
  for (const o of offsets) {
    w.varint(o - at);
    at = o;
  }
  const head = new TextEncoder().encode(JSON.stringify(header));
  const body = w.bytes();
  const post = postings.bytes();
  const out = new Uint8Array(12 + head.length + body.length + post.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, SAVED_INDEX_VERSION);
  view.setUint32(8, head.length);
  out.set(head, 12);
  out.set(body, 12 + head.length);
  out.set(post, 12 + head.length + body.length);
  return out;
}

/** Whether these bytes are a saved index (its magic number), before trying to load them. */
export function isSavedIndex(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && new TextDecoder().decode(bytes.subarray(0, 4)) === MAGIC;
}

/**
 * Loads a saved index. Everything read is checked against what the bytes can hold (lengths,
 * counts, offsets, sorted terms): damaged bytes throw CorruptIndexError here or, for a term's
 * postings, when a query first reads them — never a loop or a wrong answer from garbage.
 * (build/ also checks the whole file's checksum before this runs.)
 */
export function loadIndex<T>(bytes: Uint8Array, options: Options<T>): { ms: ClauseIndex<T>; extra: unknown } {
  if (!isSavedIndex(bytes)) throw new CorruptIndexError('not a saved tracuu search index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4);
  if (version !== SAVED_INDEX_VERSION) throw new Error(`saved search index has format ${version}, this tracuu reads ${SAVED_INDEX_VERSION}`);
  const headLength = view.getUint32(8);
  if (headLength > bytes.length - 12) throw new CorruptIndexError(`a header of ${headLength} bytes in a file of ${bytes.length}`);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headLength))) as Header;
  } catch {
    throw new CorruptIndexError('the header is not valid JSON');
  }
  checkHeader(header);
  if (header.minisearch !== MINISEARCH_VERSION) {
    // Another version is not damage (it is rebuilt); a version that is no version is.
    if (typeof header.minisearch !== 'string' || !/^\d+\.\d+\.\d+$/.test(header.minisearch)) throw new CorruptIndexError('the MiniSearch version in the header is not a version');
    throw new Error(`saved search index was written with MiniSearch ${header.minisearch}, this tracuu uses ${MINISEARCH_VERSION}`);
  }
  const r = new Reader(bytes, 12 + headLength);
  const fieldCount = Object.keys(header.fieldIds).length;
  const docs = r.varint();
  if (docs * (1 + fieldCount) > r.end - r.at) throw new CorruptIndexError(`${docs} documents announced with ${r.end - r.at} bytes left`);
  const fieldLength = new Map<number, number[]>();
  let s = 0;
  for (let i = 0; i < docs; i++) {
    s += r.varint();
    const lengths = new Array<number>(fieldCount);
    for (let f = 0; f < fieldCount; f++) lengths[f] = r.varint();
    fieldLength.set(s, lengths);
  }
  if (header.terms.length > r.end - r.at) throw new CorruptIndexError(`${header.terms.length} terms announced with ${r.end - r.at} bytes left`);
  const offsets = new Array<number>(header.terms.length);
  let at = 0;
  for (let i = 0; i < offsets.length; i++) offsets[i] = at += r.varint();
  const base = r.at;
  if (at > bytes.length - base) throw new CorruptIndexError(`a term's postings start at ${base + at}, past the end (${bytes.length})`);
  const limits = { end: bytes.length, fields: fieldCount, maxId: header.nextId };
  const documentIds = new Map<number, unknown>(header.documentIds ?? []);
  if (!header.documentIds) for (const k of fieldLength.keys()) documentIds.set(k, String(k));
  const state = {
    documentCount: header.documentCount,
    nextId: header.nextId,
    fieldIds: header.fieldIds,
    avgFieldLength: header.averageFieldLength,
    dirtCount: header.dirtCount,
    fieldLength,
    documentIds,
    storedFields: new Map(header.storedFields),
  };
  const values = offsets.map((o) => TermData.fromBytes(bytes, base + o, limits));
  return { ms: ClauseIndex.restore(options, state, header.terms, values), extra: header.extra };
}

/** The header's shape, and terms sorted and unique (the term tree is built from that order). */
function checkHeader(h: Header): void {
  const ok =
    h !== null &&
    typeof h === 'object' &&
    Number.isInteger(h.documentCount) &&
    Number.isInteger(h.nextId) &&
    h.fieldIds !== null &&
    typeof h.fieldIds === 'object' &&
    Array.isArray(h.averageFieldLength) &&
    Array.isArray(h.storedFields) &&
    (h.documentIds === null || Array.isArray(h.documentIds)) &&
    Array.isArray(h.terms);
  if (!ok) throw new CorruptIndexError('the header is not a saved index header');
  for (let i = 0; i < h.terms.length; i++) {
    const t = h.terms[i];
    if (typeof t !== 'string' || (i > 0 && !(h.terms[i - 1]! < t))) throw new CorruptIndexError(`term ${i} is out of order`);
  }
}

/** How many documents hold `term` in `fieldId`, without decoding its postings. */
export function documentFrequency(ms: ClauseIndex<any>, term: string, fieldId: number): number {
  const data = ms.terms.get(term);
  return data ? documentFrequencyOf(data, fieldId) : 0;
}
