/**
 * The ids seen so far and the record of each, for the readers' duplicate check, kept small.
 * Canonical decimal ids (`"0"`, or digits without a leading zero, up to 15 of them: what most
 * helpdesks use) are numbers, kept in one of two places:
 *
 * - **a dense window**: pages of 4,096 consecutive id values. It starts at the first numeric id
 *   (less 1,024, so that ids a little out of order fit) and extends upward while it stays at
 *   least half full (its span at most 2 × its ids + 8,192). A page holds each id's record as its
 *   difference from the page's own line (the record of the page's first id, less its slot, plus
 *   the slot): 1 byte a slot while every difference is within ±127 (ids and records advancing
 *   together, as in an export numbered in order), else 2 bytes (±32,767: ids with gaps), else the
 *   record itself in 4. A million ids 1 … 1M take 1 MB; with every other id missing, 4 MB;
 * - **a hash table** for the others (ids below the window, beyond its reach, or records past
 *   2^32 − 2): open addressing, ids and records in two Float64Arrays, at most half full
 *   (32 to 64 bytes an id).
 *
 * Any other id lives in a `Map` (about 90 bytes an id and its text).
 *
 * An id is looked up in the window when the window covers it, and in the table when the table
 * holds anything, so an id put in the table before the window reached it is still found.
 *
 * @internal
 * @module
 */

const EMPTY = -1;
/** Id values per window page. */
const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
/** Room below the first id, for ids that come a little out of order. */
const BELOW = 1024;
/** Records above this go to the table (a page slot holds record + 1 in 32 bits). */
const MAX_PAGE_RECORD = 0xffff_fffe;

/** The canonical decimal value of `id`, or -1 when `id` is not one. */
function numericId(id: string): number {
  const n = id.length;
  if (n === 0 || n > 15) return -1;
  const first = id.charCodeAt(0);
  if (first === 48) return n === 1 ? 0 : -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * The slot hash of a non-negative integer below 2^53: runs of 64 consecutive ids keep their
 * order in 64 consecutive slots (exports list ids mostly in order, so probes stay in cache),
 * and the runs are scattered by a multiplicative hash of the rest of the id.
 */
function hash(value: number): number {
  const lo = value >>> 0;
  const hi = (value / 4_294_967_296) >>> 0;
  const run = Math.imul((lo >>> 6) ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  return ((run ^ (run >>> 13)) << 6) | (lo & 63);
}

/**
 * One window page: slot k holds the record of id `page start + k`, as `code − 1 + line + k` in
 * the narrow kinds (code 0 when the id was not seen, `line` the first id's record less its
 * slot), as `record + 1` in the wide one.
 */
interface Page {
  slots: Uint8Array | Uint16Array | Uint32Array;
  /** The page's line; unused by the wide kind. */
  line: number;
}

/** The largest code each kind holds, and the code of difference 0 (codes 1 … max). */
const NARROW_BIAS = [128, 32_768] as const;

/** @internal */
export class IdIndex {
  /** The window's first id value (-1 before the first numeric id). */
  private base = -1;
  /** The window's pages; `undefined` where no id fell yet. */
  private readonly pages: (Page | undefined)[] = [];
  /** Ids held by the window. */
  private windowCount = 0;
  /** Table ids, EMPTY when free; `records[i]` is the record of `keys[i]`. */
  private keys = new Float64Array(1024).fill(EMPTY);
  private records = new Float64Array(1024);
  private tableCount = 0;
  private readonly others = new Map<string, number>();

  /** Adds `id` first seen at `record`; returns the earlier record when `id` was already seen. */
  add(id: string, record: number): number | undefined {
    const value = numericId(id);
    if (value < 0) {
      const earlier = this.others.get(id);
      if (earlier !== undefined) return earlier;
      this.others.set(id, record);
      return undefined;
    }
    if (this.base < 0) this.base = Math.max(0, value - BELOW);
    const offset = value - this.base;
    // In the window's reach: at most 2 × its ids + 2 pages past its start.
    if (offset >= 0 && offset < 2 * this.windowCount + 2 * PAGE) {
      const index = offset >>> PAGE_BITS;
      const slot = offset & (PAGE - 1);
      const page = this.pages[index];
      const held = page === undefined ? undefined : recordAt(page, slot);
      if (held !== undefined) return held;
      if (this.tableCount > 0) {
        const earlier = this.find(value);
        if (earlier !== undefined) return earlier;
      }
      if (record <= MAX_PAGE_RECORD && Number.isInteger(record) && record >= 0) {
        put(page ?? this.newPage(index, record - slot), slot, record);
        this.windowCount++;
        return undefined;
      }
    } else if (this.tableCount > 0) {
      const earlier = this.find(value);
      if (earlier !== undefined) return earlier;
    }
    this.insert(value, record);
    return undefined;
  }

  /** Ids held. */
  get size(): number {
    return this.windowCount + this.tableCount + this.others.size;
  }

  /** Bytes held by the window and the table (not the `Map` of other ids). */
  get bytes(): number {
    let n = this.keys.byteLength + this.records.byteLength;
    for (const page of this.pages) n += page?.slots.byteLength ?? 0;
    return n;
  }

  private newPage(index: number, line: number): Page {
    const page: Page = { slots: new Uint8Array(PAGE), line };
    while (this.pages.length <= index) this.pages.push(undefined);
    this.pages[index] = page;
    return page;
  }

  /** The record of `value` in the table, if it is there. */
  private find(value: number): number | undefined {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let slot = hash(value) & mask; ; slot = (slot + 1) & mask) {
      const key = keys[slot] as number;
      if (key === EMPTY) return undefined;
      if (key === value) return this.records[slot];
    }
  }

  /** Puts `value` (not in the table) in the table. */
  private insert(value: number, record: number): void {
    if ((this.tableCount + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = keys.length - 1;
    let slot = hash(value) & mask;
    while (keys[slot] !== EMPTY) slot = (slot + 1) & mask;
    keys[slot] = value;
    this.records[slot] = record;
    this.tableCount++;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRecords = this.records;
    this.keys = new Float64Array(oldKeys.length * 2).fill(EMPTY);
    this.records = new Float64Array(oldKeys.length * 2);
    this.tableCount = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i] as number;
      if (key !== EMPTY) this.insert(key, oldRecords[i] as number);
    }
  }
}

/** The record of slot `slot`, or `undefined` when its id was not seen. */
function recordAt(page: Page, slot: number): number | undefined {
  const code = page.slots[slot] as number;
  if (code === 0) return undefined;
  if (page.slots instanceof Uint32Array) return code - 1;
  return code - NARROW_BIAS[page.slots instanceof Uint8Array ? 0 : 1] + page.line + slot;
}

/** Writes `record` (at most 2^32 − 2) at `slot`, widening the page when its kind cannot hold it. */
function put(page: Page, slot: number, record: number): void {
  for (;;) {
    const slots = page.slots;
    if (slots instanceof Uint32Array) {
      slots[slot] = record + 1;
      return;
    }
    const bias = NARROW_BIAS[slots instanceof Uint8Array ? 0 : 1];
    const code = record - page.line - slot + bias;
    if (code >= 1 && code < 2 * bias) {
      slots[slot] = code;
      return;
    }
    widen(page);
  }
}

/** The page in the next wider kind, every record kept. */
function widen(page: Page): void {
  const old = page.slots;
  const wide = old instanceof Uint8Array ? new Uint16Array(PAGE) : new Uint32Array(PAGE);
  const before = { slots: old, line: page.line };
  page.slots = wide;
  for (let k = 0; k < PAGE; k++) {
    const record = recordAt(before, k);
    if (record !== undefined) put(page, k, record);
  }
}
