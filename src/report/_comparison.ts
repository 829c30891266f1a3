/**
 * The period comparison and the ticket-type sections.
 *
 * @internal
 * @module
 */
import { newTypeList, typeChangeList, typeShareList, type TypeTally } from "../metrics/volume/typeTallies.ts";
import type { ChangeJson, TypesJson } from "./types.ts";
import type { SelectedMetricSetJson as MetricSetJson } from "./selectedTypes.ts";

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

/** `true` when the metric of `path` (its section: `counts.x`, `time.x`, or the top field) is `null`: not selected. */
function notSelected(set: MetricSetJson, path: string): boolean {
  const parts = path.split(".");
  const section = parts[0] === "counts" || parts[0] === "time" ? parts.slice(0, 2) : parts.slice(0, 1);
  if (section[0] === "sla" || section[0] === "tickets") return false;
  let value: unknown = set;
  for (const part of section) value = (value as Record<string, unknown>)[part];
  return value === null;
}

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
    if (notSelected(current, path)) continue;
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

/** Per type: tickets of a metric set (`period`) and their earliest `createdAt`. @internal */
export type TypeCounts = ReadonlyMap<string, TypeTally>;

/** The tallies of `newTypes` and `typeChange`: the baseline set's period counts become `baseline`. */
function tallies(period: TypeCounts, baseline: TypeCounts): Map<string, TypeTally> {
  const groups = new Map<string, TypeTally>();
  for (const [type, t] of baseline) groups.set(type, { baseline: t.period, period: 0, firstSeen: Infinity });
  for (const [type, t] of period) {
    const found = groups.get(type);
    if (found === undefined) groups.set(type, { baseline: 0, period: t.period, firstSeen: t.firstSeen });
    else {
      found.period = t.period;
      found.firstSeen = t.firstSeen;
    }
  }
  return groups;
}

/** The types section, with the very assembly of `typeShares`, `newTypes` and `typeChange`. @internal */
export function typesResult(period: TypeCounts, baseline: TypeCounts | undefined): TypesJson {
  const shares = typeShareList([...period].map(([type, t]) => [type, t.period] as const));
  if (baseline === undefined) return { shares: shares.types, mostCommon: shares.mostCommon, newTypes: null, change: null };
  let baseTotal = 0;
  for (const t of baseline.values()) baseTotal += t.period;
  const groups = tallies(period, baseline);
  return {
    shares: shares.types,
    mostCommon: shares.mostCommon,
    newTypes: newTypeList(groups).types.map((t) => ({ ...t, firstSeen: t.firstSeen.toISOString() })),
    change: typeChangeList(groups, baseTotal, shares.total).map((t) => ({
      ...t,
      relativeChange: t.relativeChange ?? null,
      baselineShare: t.baselineShare ?? null,
      periodShare: t.periodShare ?? null,
      shareChange: t.shareChange ?? null,
    })),
  };
}
