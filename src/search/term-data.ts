/**
 * One term's entry in MiniSearch's index (field id → document → term frequency), kept
 * compact until something reads it: as the saved index's bytes (after a load) or as the
 * flat lists the bulk builder filled (after a build). The first read through the Map
 * interface — MiniSearch's only way in — turns it into real Maps; saving an untouched term
 * copies its postings without making any.
 *
 * Postings format (per term): for each field, fieldId+1, count, then count × (document id
 * delta, term frequency), all varints, ascending document ids; a 0 ends the term.
 */
export type Postings = Map<number, number>;

/**
 * One field's postings as columns: document ids ascending, each one's term frequency. What the
 * query path reads (src/search/execute.ts): decoding into typed arrays costs a fraction of
 * building a Map entry per posting, which was the largest share of an uncached query's time
 * (docs/BENCHMARKS.md, HTTP).
 */
export interface PostingList {
  ids: Int32Array;
  tfs: Int32Array;
}

/**
 * Bytes of a saved index that cannot be what the writer wrote: a number running past the end,
 * a count larger than the bytes left, a document id beyond the last one. Decoding stops at the
 * first such byte — never a loop over a count read from garbage — and the server answers 503
 * and rebuilds instead of serving from it.
 */
export class CorruptIndexError extends Error {
  constructor(message: string) {
    super(`the search index is damaged: ${message}`);
    this.name = 'CorruptIndexError';
  }
}

/** What any valid postings list of one saved index stays within. */
export interface PostingLimits {
  /** Bytes after this offset are not postings. */
  end: number;
  /** Number of fields (a field id is 1…fields in the stream). */
  fields: number;
  /** The largest short document id. */
  maxId: number;
}

export class TermData extends Map<number, Postings> {
  #bytes: Uint8Array | undefined;
  #at = 0;
  #limits: PostingLimits | undefined;
  /** Per field id: [id, tf, id, tf, …] in ascending id order. */
  #lists: (number[] | undefined)[] | undefined;
  /** Per field id: the postings as columns (made on the first `postingList` call, kept). */
  #columns: (PostingList | undefined)[] | undefined;

  static fromBytes(bytes: Uint8Array, at: number, limits?: PostingLimits): TermData {
    const d = new TermData();
    d.#bytes = bytes;
    d.#at = at;
    d.#limits = limits;
    return d;
  }

  #reader(): Reader {
    return new Reader(this.#bytes!, this.#at, this.#limits?.end ?? this.#bytes!.length);
  }

  /** The next field id and its posting count, checked against what the bytes left can hold. */
  #field(r: Reader): [field: number, count: number] {
    const field = r.varint();
    if (!field) return [0, 0];
    if (this.#limits && field > this.#limits.fields) throw new CorruptIndexError(`field ${field - 1} of ${this.#limits.fields} at byte ${r.at}`);
    const n = r.varint();
    // Each posting takes at least two bytes: a larger count was not written by us.
    if (n > (r.end - r.at) / 2) throw new CorruptIndexError(`${n} postings announced with ${r.end - r.at} bytes left at byte ${r.at}`);
    return [field, n];
  }

  static fromLists(lists: (number[] | undefined)[]): TermData {
    const d = new TermData();
    d.#lists = lists;
    return d;
  }

  /**
   * A field's postings as columns, without making Maps; kept for the next query. From the
   * saved bytes every field is decoded with the same checks as the Map interface (a damaged
   * term throws on every read); from the builder's lists or Maps, copied.
   */
  postingList(fieldId: number): PostingList | undefined {
    // Once the Maps exist they are the truth (MiniSearch may have changed them).
    if (!this.#bytes && !this.#lists) {
      this.#columns = undefined;
      return columnsOfField(super.get(fieldId));
    }
    if (!this.#columns) {
      const columns: (PostingList | undefined)[] = [];
      if (this.#bytes) {
        const r = this.#reader();
        const maxId = this.#limits?.maxId ?? Number.MAX_SAFE_INTEGER;
        for (let [field, n] = this.#field(r); field; [field, n] = this.#field(r)) {
          const ids = new Int32Array(n);
          const tfs = new Int32Array(n);
          let id = 0;
          for (let i = 0; i < n; i++) {
            const delta = r.varint();
            if (i > 0 && delta === 0) throw new CorruptIndexError(`document ids out of order at byte ${r.at}`);
            id += delta;
            if (id > maxId) throw new CorruptIndexError(`document ${id} beyond the last (${maxId}) at byte ${r.at}`);
            ids[i] = id;
            tfs[i] = r.varint();
          }
          columns[field - 1] = { ids, tfs };
        }
      } else if (this.#lists) {
        this.#lists.forEach((list, field) => {
          if (!list?.length) return;
          const n = list.length / 2;
          const ids = new Int32Array(n);
          const tfs = new Int32Array(n);
          for (let i = 0; i < n; i++) {
            ids[i] = list[2 * i]!;
            tfs[i] = list[2 * i + 1]!;
          }
          columns[field] = { ids, tfs };
        });
      }
      this.#columns = columns;
    }
    return this.#columns[fieldId];
  }

  #materialise(): void {
    if (this.#bytes) {
      // Decoded completely before anything is kept: a damaged term throws on every read, never
      // answers as an empty one.
      const r = this.#reader();
      const maxId = this.#limits?.maxId ?? Number.MAX_SAFE_INTEGER;
      const decoded: [number, Postings][] = [];
      for (let [field, n] = this.#field(r); field; [field, n] = this.#field(r)) {
        const freqs: Postings = new Map();
        let id = 0;
        for (let i = 0; i < n; i++) {
          const delta = r.varint();
          if (i > 0 && delta === 0) throw new CorruptIndexError(`document ids out of order at byte ${r.at}`);
          id += delta;
          if (id > maxId) throw new CorruptIndexError(`document ${id} beyond the last (${maxId}) at byte ${r.at}`);
          freqs.set(id, r.varint());
        }
        decoded.push([field - 1, freqs]);
      }
      this.#bytes = undefined;
      for (const [field, freqs] of decoded) super.set(field, freqs);
    } else if (this.#lists) {
      const lists = this.#lists;
      this.#lists = undefined;
      lists.forEach((list, field) => {
        if (!list) return;
        const freqs: Postings = new Map();
        for (let i = 0; i < list.length; i += 2) freqs.set(list[i]!, list[i + 1]!);
        super.set(field, freqs);
      });
    }
  }

  /** How many documents hold the term in this field, without materialising. */
  sizeOf(fieldId: number): number {
    if (this.#lists) return (this.#lists[fieldId]?.length ?? 0) / 2;
    if (this.#bytes) {
      const r = this.#reader();
      for (let [field, n] = this.#field(r); field; [field, n] = this.#field(r)) {
        if (field - 1 === fieldId) return n;
        for (let i = 0; i < 2 * n; i++) r.varint();
      }
      return 0;
    }
    return super.get(fieldId)?.size ?? 0;
  }

  /** Appends the term's postings to `w` in the saved format. */
  encode(w: Writer): void {
    if (this.#bytes) {
      const r = this.#reader();
      for (let [field, n] = this.#field(r); field; [field, n] = this.#field(r)) for (let i = 0; i < 2 * n; i++) r.varint();
      w.copy(this.#bytes.subarray(this.#at, r.at));
      return;
    }
    if (this.#lists) {
      this.#lists.forEach((list, field) => {
        if (!list?.length) return;
        w.varint(field + 1);
        w.varint(list.length / 2);
        let last = 0;
        for (let i = 0; i < list.length; i += 2) {
          w.varint(list[i]! - last);
          w.varint(list[i + 1]!);
          last = list[i]!;
        }
      });
      w.varint(0);
      return;
    }
    encodeMaps(this, w);
  }

  override get(k: number) {
    this.#materialise();
    return super.get(k);
  }
  override has(k: number) {
    this.#materialise();
    return super.has(k);
  }
  override set(k: number, v: Postings) {
    this.#materialise();
    return super.set(k, v);
  }
  override delete(k: number) {
    this.#materialise();
    return super.delete(k);
  }
  override clear() {
    this.#materialise();
    super.clear();
  }
  override get size() {
    this.#materialise();
    return super.size;
  }
  override keys() {
    this.#materialise();
    return super.keys();
  }
  override values() {
    this.#materialise();
    return super.values();
  }
  override entries() {
    this.#materialise();
    return super.entries();
  }
  override forEach(f: (v: Postings, k: number, m: Map<number, Postings>) => void, thisArg?: unknown) {
    this.#materialise();
    super.forEach(f, thisArg);
  }
  override [Symbol.iterator]() {
    this.#materialise();
    return super[Symbol.iterator]();
  }
}

const mapColumns = new WeakMap<Postings, PostingList>();

/** A field's postings as columns, for any term data (MiniSearch's own Maps included: read once, kept while the Map lives). */
export function postingListOf(data: Map<number, Postings>, fieldId: number): PostingList | undefined {
  return data instanceof TermData ? data.postingList(fieldId) : columnsOfField(data.get(fieldId));
}

function columnsOfField(freqs: Postings | undefined): PostingList | undefined {
  if (!freqs?.size) return undefined;
  let list = mapColumns.get(freqs);
  if (!list || list.ids.length !== freqs.size) mapColumns.set(freqs, (list = columnsOfMap(freqs)));
  return list;
}

function columnsOfMap(freqs: Postings): PostingList {
  const ids = Int32Array.from(freqs.keys()).sort();
  const tfs = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) tfs[i] = freqs.get(ids[i]!)!;
  return { ids, tfs };
}

/** How many documents hold a term in a field, for any term data (MiniSearch's own Maps included), without materialising. */
export function documentFrequencyOf(data: Map<number, Postings>, fieldId: number): number {
  return data instanceof TermData ? data.sizeOf(fieldId) : (data.get(fieldId)?.size ?? 0);
}

/** Any term data (MiniSearch's own Maps included) in the saved format. */
export function encodeTermData(data: Map<number, Postings>, w: Writer): void {
  if (data instanceof TermData) data.encode(w);
  else encodeMaps(data, w);
}

function encodeMaps(data: Map<number, Postings>, w: Writer): void {
  for (const [fieldId, freqs] of data) {
    if (!freqs.size) continue;
    w.varint(fieldId + 1);
    w.varint(freqs.size);
    const ids = [...freqs.keys()].sort((a, b) => a - b);
    let last = 0;
    for (const id of ids) {
      w.varint(id - last);
      w.varint(freqs.get(id)!);
      last = id;
    }
  }
  w.varint(0);
}

export class Writer {
  private buf = new Uint8Array(1 << 16);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  varint(n: number): void {
    this.room(5);
    while (n >= 0x80) {
      this.buf[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.length++] = n;
  }
  copy(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Reads varints (at most 5 bytes, at most 2³²−1) and never past `end`: bad bytes throw CorruptIndexError. */
export class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
    readonly end: number = bytes.length,
  ) {
    if (at > end || end > bytes.length) throw new CorruptIndexError(`an offset (${at}) beyond the end (${end})`);
  }
  varint(): number {
    const bytes = this.bytes;
    let at = this.at;
    if (at >= this.end) throw new CorruptIndexError(`the data ends early (byte ${at})`);
    let b = bytes[at++]!;
    if (b < 0x80) {
      this.at = at;
      return b;
    }
    let n = b & 0x7f;
    for (let shift = 7; shift < 28; shift += 7) {
      if (at >= this.end) throw new CorruptIndexError(`the data ends inside a number (byte ${at})`);
      b = bytes[at++]!;
      n |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.at = at;
        return n;
      }
    }
    if (at >= this.end) throw new CorruptIndexError(`the data ends inside a number (byte ${at})`);
    b = bytes[at++]!;
    // The fifth byte holds the top 4 bits of a 32-bit number; anything more is not ours.
    if (b > 0x0f) throw new CorruptIndexError(`a number longer than 32 bits at byte ${at - 1}`);
    this.at = at;
    return n + b * 0x10000000;
  }
}
