/**
 * The ids seen so far and the record of each, for the readers' duplicate check, kept small:
 * canonical decimal ids (`"0"`, or digits without a leading zero, up to 15 of them: what most
 * helpdesks use) live in an open-addressing table, one Float64Array of (id, record) pairs
 * (16 bytes a slot, one cache line per probe);
 * any other id in a `Map`. A million numeric ids take about 32 MB instead of about 90 MB.
 *
 * @internal
 * @module
 */

const EMPTY = -1;

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

/** @internal */
export class IdIndex {
  /** Slot i holds the id at 2i (EMPTY when free) and its record at 2i + 1. */
  private table = new Float64Array(2048).fill(EMPTY);
  private count = 0;
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
    if ((this.count + 1) * 4 > this.table.length) this.grow();
    const table = this.table;
    const mask = (table.length >>> 1) - 1;
    let slot = hash(value) & mask;
    for (;;) {
      const key = table[2 * slot] as number;
      if (key === EMPTY) break;
      if (key === value) return table[2 * slot + 1];
      slot = (slot + 1) & mask;
    }
    table[2 * slot] = value;
    table[2 * slot + 1] = record;
    this.count++;
    return undefined;
  }

  /** Ids held. */
  get size(): number {
    return this.count + this.others.size;
  }

  private grow(): void {
    const old = this.table;
    const table = new Float64Array(old.length * 2).fill(EMPTY);
    const mask = (table.length >>> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      const key = old[i] as number;
      if (key === EMPTY) continue;
      let slot = hash(key) & mask;
      while (table[2 * slot] !== EMPTY) slot = (slot + 1) & mask;
      table[2 * slot] = key;
      table[2 * slot + 1] = old[i + 1] as number;
    }
    this.table = table;
  }
}
