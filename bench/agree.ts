/**
 * The hand pass's figures read out of a report ({@link figuresOfReport}: a full `Report` or the
 * `SelectedReport` of `HAND_OPTIONS`' metrics) and the list of
 * differences between two sets of figures ({@link compareFigures}): counts must be equal,
 * durations, means, quantiles, thresholds and rates within 1e-9 relative. The bench
 * (bench/handBench.ts) and test/bench/hand.test.ts both use them.
 */
import type { SelectedReport } from "../src/report/index.ts";
import type { HandFigures, HandScope, HandSummary } from "./hand.ts";

/** The part of a report scope (the whole report, or one segment) the hand pass computes. */
type ReportScope = Pick<SelectedReport, "counts" | "time">;

/** A selected section, or an error naming it when the report did not compute it. */
function needed<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`figuresOfReport: the report has no ${name} (select it in metrics)`);
  return value;
}

function summaryOf(metric: NonNullable<SelectedReport["time"]["firstResponse"]>): HandSummary | undefined {
  const json = metric.calendar;
  if (json === null) return undefined;
  const p90 = json.p.find((q) => q.p === 0.9);
  if (p90 === undefined) throw new Error("figuresOfReport: the report has no p90 (percentiles must include 0.9)");
  return { count: json.count, total: json.total, mean: json.mean, median: json.median, p90: p90.value };
}

function scopeOf(scope: ReportScope): HandScope {
  const statuses = needed(scope.counts.statuses, "counts.statuses");
  const resolutionRate = needed(scope.counts.resolutionRate, "counts.resolutionRate");
  const backlog = needed(scope.counts.backlog, "counts.backlog");
  return {
    statuses: {
      new: statuses.new,
      open: statuses.open,
      pending: statuses.pending,
      on_hold: statuses.on_hold,
      solved: statuses.solved,
      closed: statuses.closed,
      unassigned: statuses.unassigned,
      total: statuses.total,
    },
    firstResponse: summaryOf(needed(scope.time.firstResponse, "time.firstResponse")),
    resolution: summaryOf(needed(scope.time.resolutionFinal, "time.resolutionFinal")),
    resolutionRate: {
      value: resolutionRate.value ?? undefined,
      received: resolutionRate.received,
      resolved: resolutionRate.resolved,
      unresolved: resolutionRate.unresolved,
      resolvedByStatusOnly: resolutionRate.resolvedByStatusOnly,
    },
    backlog: {
      count: backlog.count ?? undefined,
      threshold: backlog.threshold ?? undefined,
      unresolved: backlog.unresolved,
      resolved: backlog.resolved,
    },
  };
}

/**
 * The hand pass's figures as `report()` gives them: the whole report, and the segments of
 * the `["channel"]` segmentation (which must be the report's first).
 */
export function figuresOfReport(report: SelectedReport): HandFigures {
  const segmentation = report.segments[0];
  if (segmentation?.dimensions.length !== 1 || segmentation.dimensions[0] !== "channel") {
    throw new Error('figuresOfReport: the report\'s first segmentation must be ["channel"]');
  }
  const byChannel: Record<string, HandScope> = {};
  for (const segment of segmentation.segments) byChannel[segment.key[0] as string] = scopeOf(segment);
  return { overall: scopeOf(report), byChannel };
}

const RELATIVE = 1e-9;

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b));
}

/** Differences between two flat records of numbers (or `undefined`), prefixed by `path`. */
function diff(path: string, a: object | undefined, b: object | undefined, exact: readonly string[], out: string[]): void {
  if (a === undefined || b === undefined) {
    if (a !== b) out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    return;
  }
  const left = a as Record<string, number | undefined>;
  const right = b as Record<string, number | undefined>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const x = left[key];
    const y = right[key];
    const same = x === undefined || y === undefined ? x === y : exact.includes(key) ? x === y : close(x, y);
    if (!same) out.push(`${path}.${key}: ${String(x)} vs ${String(y)}`);
  }
}

const COUNTS = ["new", "open", "pending", "on_hold", "solved", "closed", "unassigned", "total", "count", "received", "resolved"];
const EXACT = [...COUNTS, "unresolved", "resolvedByStatusOnly"];

function diffScope(path: string, a: HandScope, b: HandScope, out: string[]): void {
  diff(`${path}.statuses`, a.statuses, b.statuses, EXACT, out);
  diff(`${path}.firstResponse`, a.firstResponse, b.firstResponse, EXACT, out);
  diff(`${path}.resolution`, a.resolution, b.resolution, EXACT, out);
  diff(`${path}.resolutionRate`, a.resolutionRate, b.resolutionRate, EXACT, out);
  diff(`${path}.backlog`, a.backlog, b.backlog, EXACT, out);
}

/**
 * Where `a` (the hand pass) and `b` (the report) differ, one line each as `path: a vs b`;
 * empty when they agree. Counts are compared exactly, every other figure within 1e-9 relative.
 */
export function compareFigures(a: HandFigures, b: HandFigures): string[] {
  const out: string[] = [];
  diffScope("overall", a.overall, b.overall, out);
  for (const channel of new Set([...Object.keys(a.byChannel), ...Object.keys(b.byChannel)])) {
    const x = a.byChannel[channel];
    const y = b.byChannel[channel];
    if (x === undefined || y === undefined)
      out.push(`channel ${channel}: ${x === undefined ? "missing in the hand pass" : "missing in the report"}`);
    else diffScope(`channel ${channel}`, x, y, out);
  }
  return out;
}
