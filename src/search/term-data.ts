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

export class TermData extends Map<number, Postings> {
  #bytes: Uint8Array | undefined;
  #at = 0;
  /** Per field id: [id, tf, id, tf, …] in ascending id order. */
  #lists: (number[] | undefined)[] | undefined;

  static fromBytes(bytes: Uint8Array, at: number): TermData {
    const d = new TermData();
    d.#bytes = bytes;
    d.#at = at;
    return d;
  }

  static fromLists(lists: (number[] | undefined)[]): TermData {
    const d = new TermData();
    d.#lists = lists;
    return d;
  }

  #materialise(): void {
    if (this.#bytes) {
      const bytes = this.#bytes;
      this.#bytes = undefined;
      const r = new Reader(bytes, this.#at);
      for (let field = r.varint(); field; field = r.varint()) {
        const n = r.varint();
        const freqs: Postings = new Map();
        let id = 0;
        for (let i = 0; i < n; i++) {
          id += r.varint();
          freqs.set(id, r.varint());
        }
        super.set(field - 1, freqs);
      }
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
      const r = new Reader(this.#bytes, this.#at);
      for (let field = r.varint(); field; field = r.varint()) {
        const n = r.varint();
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
      const r = new Reader(this.#bytes, this.#at);
      for (let field = r.varint(); field; field = r.varint()) for (let i = 0, n = r.varint(); i < 2 * n; i++) r.varint();
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

export class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}
  varint(): number {
    let n = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.bytes[this.at++]!;
      n |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    return n >>> 0;
  }
}
