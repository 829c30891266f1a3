/**
 * Counts by reason (skips, anomalies, statuses): the one way every accumulator keeps,
 * merges and reports them.
 *
 * @internal
 * @module
 */

/** Adds 1 to `record[key]`. @internal */
export function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** Adds `b`'s counts into `a` (same keys or new ones) and returns `a`. @internal */
export function addCounts(a: Record<string, number>, b: Readonly<Record<string, number>>): Record<string, number> {
  for (const key of Object.keys(b)) a[key] = (a[key] ?? 0) + (b[key] as number);
  return a;
}

/** A copy of `record` with its keys in code-unit order, so results do not depend on input order. @internal */
export function sortedCounts(record: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as number;
  return out;
}

/** A record of zero counts for `keys`. @internal */
export function zeroCounts(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = 0;
  return out;
}

/** Code-unit order of strings (not locale order: results must not depend on the host). @internal */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
