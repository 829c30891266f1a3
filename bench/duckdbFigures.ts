/**
 * Figures as named numbers, to hold DuckDB's SQL (bench/duckdbSql.ts) equal to the command's
 * report: {@link flattenReport} names every number of a report's JSON by its path,
 * {@link compareFigures} lists where DuckDB's figures differ from the report's, and
 * {@link uncovered} groups the report's numbers DuckDB does not compute under the reason of
 * {@link NOT_COMPUTED}, so the bench can say what the "same KPI set" leaves out.
 */

/** Numbers named by their path in a report's JSON (`counts.statuses.open`); `null` where the report has `null`. */
export type Figures = Readonly<Record<string, number | null>>;

/** The fields that name an element of an array of objects in a path (`channels[channel=email]`). */
const NAMES = ["label", "channel", "type", "agent", "p"] as const;

/**
 * Every number (and `null`) of `value`, named by its path: object fields joined by `.`, array
 * elements as `[field=value]` when the element has one of the naming fields (`label`, `channel`,
 * `type`, `agent`, `p`), else `[index]`. Strings, booleans and dates are left out.
 *
 * @param value - A report (the `report` of the command's JSON, or `report()`'s result through JSON).
 * @param prefix - The path of `value` (empty at the top).
 * @returns The figures, in the order of the JSON.
 * @example
 * ```ts
 * flattenReport({ counts: { statuses: { open: 3 } }, p: [{ p: 0.9, value: 5 }] });
 * // => { "counts.statuses.open": 3, "p[p=0.9].p": 0.9, "p[p=0.9].value": 5 }
 * ```
 */
export function flattenReport(value: unknown, prefix = ""): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const walk = (v: unknown, path: string): void => {
    if (typeof v === "number" || v === null) out[path] = v;
    else if (Array.isArray(v)) {
      v.forEach((item: unknown, i) => {
        const name = typeof item === "object" && item !== null ? NAMES.find((n) => n in item) : undefined;
        const key = name === undefined ? String(i) : `${name}=${String((item as Record<string, unknown>)[name])}`;
        walk(item, `${path}[${key}]`);
      });
    } else if (typeof v === "object" && !(v instanceof Date)) {
      for (const [k, child] of Object.entries(v as object)) walk(child, path === "" ? k : `${path}.${k}`);
    }
  };
  walk(value, prefix);
  return out;
}

/** The prefix of figures that are facts for the bench, not figures of the report. */
export const BENCH_ONLY = "bench.";

/** The relative tolerance of every figure that is not an integer on both sides. */
export const RELATIVE_TOLERANCE = 1e-9;

/** `a` and `b` agree: equal when both are integers (counts), else within {@link RELATIVE_TOLERANCE} relative. */
function agree(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  if (Number.isInteger(a) && Number.isInteger(b)) return a === b;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Where DuckDB's figures differ from the report's, one line each (`path: duckdb vs report`);
 * empty when every figure DuckDB computes agrees. A figure named `….meanSeconds` (the basic
 * query's means) is compared, times 1000, with the report's `….mean` (ms). Integers on both
 * sides must be equal; other numbers agree within {@link RELATIVE_TOLERANCE} relative. A figure
 * the report does not have is a difference too (the SQL names it wrongly); a figure named
 * `bench.…` is the bench's own, not compared.
 *
 * @param duck - DuckDB's figures.
 * @param report - {@link flattenReport} of the report.
 * @returns The differences, in DuckDB's order.
 */
export function compareFigures(duck: Figures, report: Figures): string[] {
  const out: string[] = [];
  for (const [key, raw] of Object.entries(duck)) {
    if (key.startsWith(BENCH_ONLY)) continue;
    const seconds = key.endsWith(".meanSeconds");
    const path = seconds ? key.replace(/\.meanSeconds$/, ".mean") : key;
    const value = seconds && raw !== null ? raw * 1000 : raw;
    if (!(path in report)) out.push(`${path}: ${String(value)} vs (not in the report)`);
    else if (!agree(value, report[path] as number | null)) out.push(`${path}: ${String(value)} vs ${String(report[path])}`);
  }
  return out;
}

/** A part of the report DuckDB's SQL does not compute, and why. */
export interface NotComputed {
  /** Figures whose path matches this are left out. */
  readonly pattern: RegExp;
  /** What the part is and why the SQL leaves it out. */
  readonly reason: string;
}

/**
 * The parts of the command's default report the DuckDB same-set SQL leaves out, first match
 * wins. Anything of the report neither computed nor listed here is printed by the bench as
 * "not computed, no reason given", so the list cannot hide a part silently.
 */
export const NOT_COMPUTED: readonly NotComputed[] = [
  {
    pattern: /(^|\.)(interval|medianInterval|meanInterval)\./,
    reason: "confidence intervals (Wilson score, order-statistic binomial, log-scale t): inference, not a KPI; needs t/z quantiles",
  },
  {
    pattern: /^time\.(resolutionSurvival|firstResponseSurvival)\./,
    reason: "Kaplan–Meier survival (median, percentiles, restricted mean with censoring): product-limit estimator, not in SQL",
  },
  {
    pattern: /^leaderboard\.(priors|rows\[[^\]]*\]\.shrunk)/,
    reason: "empirical-Bayes shrinkage (beta-binomial priors by method of moments, credible intervals)",
  },
  { pattern: /^peaks\.busiest/, reason: "busiest hour / day / slot: an argmax of figures that are compared (byHour, byWeekday, cells)" },
  { pattern: /^(version|parameters\.|leaderboard\.minSample$)/, reason: "the report's version and echoed parameters, not figures" },
  {
    pattern: /^time\.(responses|requesterWait|agentWork|agentWait|onHold)\./,
    reason:
      "reply times between messages, requester wait and the time in status: they need messages or a status history, which the export lacks (every ticket skipped)",
  },
  {
    pattern: /\.sources\.(messages|helpdesk)$|\.skipped\.(noCustomerMessage|noSolveTime|noMessages)$/,
    reason: "counts of durations from messages or helpdesk fields, and their skips: none in the export (zeros)",
  },
  {
    pattern:
      /^(input\.(responses|responsesInScope|responsesJoined|responsesNotJoined|cohorts)|survey\.responses|volume\.totals\.messages|volume\.buckets\[[^\]]*\]\.messages)/,
    reason: "no survey responses, cohorts or messages in the export: zeros",
  },
  {
    pattern: /^(volume\.backlogAtStart|skipped\.|ratings\.(responseRate|skipped)|reopens\.skipped\.noReopenData)/,
    reason: "skip counters other than the main ones (all zero here), the ratings' response rate (1)",
  },
  { pattern: /\.p\[p=[0-9.]+\]\.p$/, reason: "the percentile's level itself (0.9, 0.95), not a figure" },
  {
    pattern: /^(responders|bots)\./,
    reason: "per-responder and bot figures: they read the messages' authors, which the export lacks (every ticket skipped, zeros)",
  },
];

/** The report's figures DuckDB does not compute, counted under each reason of {@link NOT_COMPUTED}. */
export interface Coverage {
  /** Figures of the report DuckDB computes and the bench compares. */
  readonly compared: number;
  /** Figures of the report. */
  readonly total: number;
  /** Figures the report leaves `null` (sections the default report does not compute: SLA, business hours, NPS…), not compared. */
  readonly nulls: number;
  /** For each reason (in {@link NOT_COMPUTED}'s order, reasons with no figure left out), how many figures it covers. */
  readonly byReason: readonly { readonly reason: string; readonly figures: number }[];
  /** Figures neither computed nor covered by a reason (the bench prints them). */
  readonly unexplained: readonly string[];
}

/**
 * What of the report the DuckDB figures cover: how many of its figures are compared, and the
 * rest under their reasons.
 *
 * @param duck - DuckDB's figures.
 * @param report - {@link flattenReport} of the report.
 * @returns The coverage.
 */
export function uncovered(duck: Figures, report: Figures): Coverage {
  const computed = new Set(Object.keys(duck).map((k) => k.replace(/\.meanSeconds$/, ".mean")));
  const counts = new Map<string, number>();
  const unexplained: string[] = [];
  let compared = 0;
  let nulls = 0;
  for (const [key, value] of Object.entries(report)) {
    if (value === null && !computed.has(key)) {
      nulls++;
      continue;
    }
    if (computed.has(key)) {
      compared++;
      continue;
    }
    const why = NOT_COMPUTED.find((n) => n.pattern.test(key));
    if (why === undefined) unexplained.push(key);
    else counts.set(why.reason, (counts.get(why.reason) ?? 0) + 1);
  }
  const byReason = NOT_COMPUTED.filter((n) => counts.has(n.reason)).map((n) => ({
    reason: n.reason,
    figures: counts.get(n.reason) as number,
  }));
  return { compared, total: Object.keys(report).length, nulls, byReason, unexplained };
}
