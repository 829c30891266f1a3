/**
 * The one implementation of the ticket-type metrics ({@link typeShares}, {@link newTypes},
 * {@link typeChange}): an accumulator that counts tickets per type in a period (and a
 * baseline), and the functions that assemble each metric's list from those counts. The
 * metrics and the report both use them.
 *
 * @internal
 * @module
 */
import { byCodeUnit as byCode } from "../../_lib/counts.ts";
import { groupKey, mergeGroups, MISSING_KEY, stateFor, type Accumulator } from "../../_lib/group.ts";
import type { Ticket } from "../../models/ticket.ts";
import { isValidDate } from "./timeline.ts";
import type { NewType } from "./newTypes.ts";
import type { TypeChangeEntry } from "./typeChange.ts";
import type { TypeShare } from "./typeShares.ts";

/** A half-open span `[from, to)` of creation times, in epoch ms (±Infinity for no bound). @internal */
export interface CreationWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * Per type: tickets in the baseline, in the period, and the first creation in the period.
 *
 * @category Volume
 */
export interface TypeTally {
  /** Tickets of the type in the baseline (0 when there is none). */
  baseline: number;
  /** Tickets of the type in the period. */
  period: number;
  /** The earliest `createdAt` in the period, epoch ms (`Infinity` for none). */
  firstSeen: number;
}

/** The per-type counts of {@link typeAccumulator}. @internal */
export interface TypeState {
  /** Per type key ({@link MISSING_KEY} for no type), in the order types were first seen. */
  readonly groups: Map<string, TypeTally>;
  /** Tickets in the baseline / in the period. */
  baseline: number;
  period: number;
  /** Tickets with an invalid `createdAt` (only when the period has a window). */
  invalidCreatedAt: number;
  /** Tickets created in neither window. */
  outside: number;
}

/** Where one ticket falls: in the baseline, in the period, and when (epoch ms). @internal */
export interface Placement {
  readonly inBaseline: boolean;
  readonly inPeriod: boolean;
  readonly at: number;
}

/**
 * The per-type tally: tickets in the baseline, in the period, and the first creation in the
 * period. Used per group by {@link typeAccumulator}, and by the report's metric sets.
 *
 * @internal
 */
export const typeTally: Accumulator<Placement, TypeTally, TypeTally> = {
  create: () => ({ baseline: 0, period: 0, firstSeen: Infinity }),
  add: (acc, p) => {
    if (p.inBaseline) acc.baseline++;
    if (p.inPeriod) {
      acc.period++;
      if (p.at < acc.firstSeen) acc.firstSeen = p.at;
    }
  },
  merge: (a, b) => {
    a.baseline += b.baseline;
    a.period += b.period;
    a.firstSeen = Math.min(a.firstSeen, b.firstSeen);
    return a;
  },
  result: (acc) => acc,
};

/**
 * Counts tickets per type (`type`; missing → `"(none)"`, the grouping mechanism's key) in
 * `period` and `baseline`, then reads `result`. Without a `period` window every ticket is in
 * the period and `createdAt` is not read; with one, a ticket with an invalid `createdAt` or
 * in neither window is counted in the state, not in a type. A ticket in both windows (they
 * may overlap) counts in both.
 *
 * @internal
 */
export function typeAccumulator<R>(
  period: CreationWindow | undefined,
  baseline: CreationWindow | undefined,
  result: (state: TypeState) => R,
): Accumulator<Ticket, TypeState, R> {
  return {
    create: () => ({ groups: new Map(), baseline: 0, period: 0, invalidCreatedAt: 0, outside: 0 }),
    add: (acc, ticket) => {
      let inBaseline = false;
      let inPeriod = true;
      let at = Infinity;
      if (period !== undefined) {
        if (!isValidDate(ticket.createdAt)) {
          acc.invalidCreatedAt++;
          return;
        }
        at = ticket.createdAt.getTime();
        inBaseline = baseline !== undefined && at >= baseline.from && at < baseline.to;
        inPeriod = at >= period.from && at < period.to;
        if (!inBaseline && !inPeriod) {
          acc.outside++;
          return;
        }
      }
      const key = groupKey(ticket.type);
      typeTally.add(stateFor(acc.groups, key, typeTally.create), { inBaseline, inPeriod, at });
      if (inBaseline) acc.baseline++;
      if (inPeriod) acc.period++;
    },
    merge: (a, b) => ({
      groups: mergeGroups(a.groups, b.groups, typeTally),
      baseline: a.baseline + b.baseline,
      period: a.period + b.period,
      invalidCreatedAt: a.invalidCreatedAt + b.invalidCreatedAt,
      outside: a.outside + b.outside,
    }),
    result,
  };
}

/**
 * The shares of {@link typeShares} from per-type counts: every type, most tickets first (ties
 * in code-unit order), the most common known type(s), and the total.
 *
 * @internal
 */
export function typeShareList(counts: Iterable<readonly [string, number]>): { types: TypeShare[]; mostCommon: string[]; total: number } {
  const entries = [...counts];
  let total = 0;
  for (const [, count] of entries) total += count;
  const types = entries
    .map(([type, count]) => ({ type, count, share: count / total }))
    .sort((a, b) => b.count - a.count || byCode(a.type, b.type));
  const known = types.filter((t) => t.type !== MISSING_KEY);
  const topCount = known[0]?.count;
  const mostCommon = known.filter((t) => t.count === topCount).map((t) => t.type);
  return { types, mostCommon, total };
}

/**
 * The new types of {@link newTypes} from per-type tallies: known types with period tickets and
 * no baseline ticket, earliest `firstSeen` first (ties by type), and the untyped period tickets.
 *
 * @internal
 */
export function newTypeList(groups: Iterable<readonly [string, TypeTally]>): { types: NewType[]; untyped: number } {
  const types: NewType[] = [];
  let untyped = 0;
  for (const [type, t] of groups) {
    if (type === MISSING_KEY) {
      untyped = t.period;
      continue;
    }
    if (t.period > 0 && t.baseline === 0) types.push({ type, count: t.period, firstSeen: new Date(t.firstSeen) });
  }
  types.sort((a, b) => a.firstSeen.getTime() - b.firstSeen.getTime() || byCode(a.type, b.type));
  return { types, untyped };
}

/** `(after − before) / before`, `undefined` when `before` is 0; never −0. @internal */
export function relativeChange(before: number, after: number): number | undefined {
  if (before === 0) return undefined;
  const r = (after - before) / before;
  return r === 0 ? 0 : r;
}

/**
 * The entries of {@link typeChange} from per-type tallies and the two periods' totals, most
 * period tickets first (then most baseline tickets, then by type).
 *
 * @internal
 */
export function typeChangeList(
  groups: Iterable<readonly [string, TypeTally]>,
  baselineTotal: number,
  periodTotal: number,
): TypeChangeEntry[] {
  const share = (count: number, total: number): number | undefined => (total === 0 ? undefined : count / total);
  const types: TypeChangeEntry[] = [];
  for (const [type, t] of groups) {
    const baselineShare = share(t.baseline, baselineTotal);
    const periodShare = share(t.period, periodTotal);
    const shareChange = baselineShare === undefined || periodShare === undefined ? undefined : periodShare - baselineShare;
    types.push({
      type,
      baseline: t.baseline,
      period: t.period,
      change: t.period - t.baseline,
      relativeChange: relativeChange(t.baseline, t.period),
      baselineShare,
      periodShare,
      shareChange: shareChange === 0 ? 0 : shareChange,
    });
  }
  types.sort((a, b) => b.period - a.period || b.baseline - a.baseline || byCode(a.type, b.type));
  return types;
}
