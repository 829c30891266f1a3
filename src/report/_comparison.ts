/**
 * The period comparison and the ticket-type sections.
 *
 * @internal
 * @module
 */
import { MISSING_KEY } from "../_lib/group.ts";
import type { ChangeJson, MetricSetJson, TypesJson } from "./types.ts";

/** The metrics compared, as paths into {@link MetricSetJson}. @internal */
export const COMPARED: readonly string[] = [
  "tickets",
  "counts.resolutionRate.value",
  "time.firstResponse.calendar.median",
  "time.firstResponse.calendar.mean",
  "time.firstResponse.business.median",
  "time.responses.calendar.median",
  "time.resolutionFinal.calendar.median",
  "time.resolutionFinal.calendar.mean",
  "time.resolutionFinal.business.median",
  "time.assignment.calendar.median",
  "time.oneTouch.share",
  "time.repliesToResolve.mean",
  "sla.compliance",
  "sla.breaches",
  "survey.nps.score",
  "survey.csat.score",
];

function at(set: MetricSetJson, path: string): number | null {
  let value: unknown = set;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return null;
    value = (value as Record<string, unknown>)[part];
  }
  return typeof value === "number" ? value : null;
}

const zero = (x: number): number => (x === 0 ? 0 : x);

/** One metric side by side. @internal */
export function change(metric: string, current: number | null, previous: number | null): ChangeJson {
  const both = current !== null && previous !== null;
  return {
    metric,
    current,
    previous,
    change: both ? zero(current - previous) : null,
    relativeChange: both && previous !== 0 ? zero((current - previous) / previous) : null,
  };
}

/**
 * The compared metrics (those present in at least one period), plus the CES mean when both
 * periods' most answered scale is the same.
 *
 * @internal
 */
export function changes(current: MetricSetJson, previous: MetricSetJson): ChangeJson[] {
  const out: ChangeJson[] = [];
  for (const path of COMPARED) {
    const a = at(current, path);
    const b = at(previous, path);
    if (a === null && b === null && (path.startsWith("sla.") || path.includes(".business."))) continue;
    out.push(change(path, a, b));
  }
  const c = current.survey?.ces[0];
  const p = previous.survey?.ces[0];
  if (c !== undefined && p !== undefined && c.scale.min === p.scale.min && c.scale.max === p.scale.max) {
    out.push(change("survey.ces[0].mean", c.mean, p.mean));
  }
  return out;
}

/** Per type: tickets and the earliest `createdAt`. @internal */
export type TypeCounts = ReadonlyMap<string, { readonly count: number; readonly firstSeen: number }>;

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The types section, as `typeShares`, `newTypes` and `typeChange`. @internal */
export function typesResult(period: TypeCounts, baseline: TypeCounts | undefined): TypesJson {
  let total = 0;
  for (const t of period.values()) total += t.count;
  const shares = [...period]
    .map(([type, t]) => ({ type, count: t.count, share: t.count / total }))
    .sort((a, b) => b.count - a.count || byCode(a.type, b.type));
  const known = shares.filter((t) => t.type !== MISSING_KEY);
  const top = known[0]?.count;
  const mostCommon = known.filter((t) => t.count === top).map((t) => t.type);
  if (baseline === undefined) return { shares, mostCommon, newTypes: null, change: null };
  let baseTotal = 0;
  for (const t of baseline.values()) baseTotal += t.count;
  const newTypes = [...period]
    .filter(([type, t]) => type !== MISSING_KEY && t.count > 0 && (baseline.get(type)?.count ?? 0) === 0)
    .sort((a, b) => a[1].firstSeen - b[1].firstSeen || byCode(a[0], b[0]))
    .map(([type, t]) => ({ type, count: t.count, firstSeen: new Date(t.firstSeen).toISOString() }));
  const keys = new Set([...baseline.keys(), ...period.keys()]);
  const share = (n: number, of: number): number | null => (of === 0 ? null : n / of);
  const rows = [...keys].map((type) => {
    const b = baseline.get(type)?.count ?? 0;
    const p = period.get(type)?.count ?? 0;
    const baselineShare = share(b, baseTotal);
    const periodShare = share(p, total);
    return {
      type,
      baseline: b,
      period: p,
      change: p - b,
      relativeChange: b === 0 ? null : zero((p - b) / b),
      baselineShare,
      periodShare,
      shareChange: baselineShare === null || periodShare === null ? null : zero(periodShare - baselineShare),
    };
  });
  rows.sort((x, y) => y.period - x.period || y.baseline - x.baseline || byCode(x.type, y.type));
  return { shares, mostCommon, newTypes, change: rows };
}
