/**
 * The ids seen so far and the record of each, for the readers' duplicate check, kept small:
 * canonical decimal ids (`"0"`, or digits without a leading zero, up to 15 of them: what most
 * helpdesks use) live in an open-addressing table of two Float64Arrays (16 bytes a slot);
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

/** Mixes a non-negative integer below 2^53 into a 32-bit slot hash. */
function hash(value: number): number {
  const lo = value >>> 0;
  const hi = (value / 4_294_967_296) >>> 0;
  return (Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) ^ (lo >>> 15)) >>> 0;
}

/** @internal */
export class IdIndex {
  private keys = new Float64Array(1024).fill(EMPTY);
  private records = new Float64Array(1024);
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
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = hash(value) & mask;
    for (;;) {
      const key = this.keys[slot] as number;
      if (key === EMPTY) break;
      if (key === value) return this.records[slot];
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = value;
    this.records[slot] = record;
    this.count++;
    return undefined;
  }

  /** Ids held. */
  get size(): number {
    return this.count + this.others.size;
  }

  private grow(): void {
    const keys = this.keys;
    const records = this.records;
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.records = new Float64Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      if (key === EMPTY) continue;
      let slot = hash(key) & mask;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.records[slot] = records[i] as number;
    }
  }
}
