import type { BucketGrid } from "../../_lib/bucket.ts";
import type { Ticket } from "../../models/ticket.ts";

/**
 * Why a ticket's open interval cannot be known:
 * - `invalidCreatedAt`: `createdAt` is not a valid Date;
 * - `invalidSolvedAt`: the ticket is solved or closed and `solvedAt` is not a valid Date;
 * - `solvedWithoutSolvedAt`: the ticket is solved or closed and has no `solvedAt`;
 * - `solvedBeforeCreated`: `solvedAt` is earlier than `createdAt`.
 *
 * @internal
 */
export type TimelineProblem = "invalidCreatedAt" | "invalidSolvedAt" | "solvedWithoutSolvedAt" | "solvedBeforeCreated";

/**
 * A ticket's open interval `[created, resolved)` in epoch ms; `resolved` is `Infinity` while
 * it is unresolved (status other than `solved` and `closed`, including a reopened ticket).
 *
 * @internal
 */
export interface Timeline {
  readonly created: number;
  readonly resolved: number;
}

/** `true` for a real instant. @internal */
export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

import { isResolvedStatus } from "../../models/ticket.ts";

export { isResolvedStatus };

/**
 * The open interval of a ticket from `createdAt`, `status` and `solvedAt`, or why it has none.
 *
 * @internal
 */
export function timeline(ticket: Ticket): Timeline | TimelineProblem {
  if (!isValidDate(ticket.createdAt)) return "invalidCreatedAt";
  const created = ticket.createdAt.getTime();
  if (!isResolvedStatus(ticket.status)) return { created, resolved: Infinity };
  const solvedAt = ticket.solvedAt;
  if (solvedAt === undefined) return "solvedWithoutSolvedAt";
  if (!isValidDate(solvedAt)) return "invalidSolvedAt";
  const resolved = solvedAt.getTime();
  if (resolved < created) return "solvedBeforeCreated";
  return { created, resolved };
}

/**
 * The first bucket whose end is after `ms` (so the state "just before the end" of buckets
 * `k ≥` this index has seen an event at `ms`); `grid.length` when none. `Infinity` gives
 * `grid.length`; anything before the first end gives 0.
 *
 * @internal
 */
export function firstEndAfter(grid: BucketGrid, ms: number): number {
  const bounds = grid.bounds;
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((bounds[mid + 1] as number) > ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Adds 1 to `diff` over bucket indices `[a, b)` (a difference array of length n + 1). @internal */
export function addRange(diff: Int32Array | Float64Array, a: number, b: number): void {
  if (b <= a) return;
  diff[a] = (diff[a] as number) + 1;
  diff[b] = (diff[b] as number) - 1;
}

/** Prefix sums of a difference array, as a plain array of length `n`. @internal */
export function prefix(diff: Int32Array | Float64Array, n: number): number[] {
  const out: number[] = new Array<number>(n);
  let running = 0;
  for (let k = 0; k < n; k++) {
    running += diff[k] as number;
    out[k] = running;
  }
  return out;
}
