/**
 * Regression gates: `--fail-if-worse "METRIC [by] P%"` with `--baseline previous.json` fails
 * when a median or percentile of a time metric is worse than in the baseline run by more than
 * P % **and** the worsening is significant: the interval of the difference
 * ({@link quantileChange}, from the two runs' order-statistic intervals) lies above 0.
 * docs/guide/cli.md ("Regression gates") is the reference, with the error rates.
 *
 * @internal
 * @module
 */
import { quantileChange } from "../metrics/stats/quantileChange.ts";
import { readJsonFile } from "./config.ts";
import { CliError } from "./errors.ts";
import { formatValue } from "./format.ts";
import type { PathStep } from "./gateAliases.ts";
import { locate, pathText, seenList } from "./gatePaths.ts";
import { absentResult } from "./gatesAbsent.ts";
import { resolveMetric, type GateResult } from "./gates.ts";
import { absentForPath, type AbsentInput } from "./inputsNeeded.ts";

/** One `--fail-if-worse` as written. */
export interface RegressionArg {
  readonly text: string;
  readonly source: string;
}

/** A parsed regression gate. */
export interface RegressionGate {
  readonly text: string;
  readonly metric: string;
  /** The path of the estimate (`…median` or `…p[p=0.9].value`) in the output document. */
  readonly path: readonly PathStep[];
  /** The path of its interval (`…medianInterval` or `…p[p=0.9].interval`). */
  readonly intervalPath: readonly PathStep[];
  /** The worsening allowed, as a fraction (10 % → 0.1). */
  readonly allowed: number;
  readonly needs: string | undefined;
}

/** A regression gate's judgement: the change from the baseline. */
export interface RegressionChange {
  /** The baseline run's value. */
  readonly baseline: number;
  /** The value that fails when exceeded significantly: baseline × (1 + allowed). */
  readonly limit: number;
  /** current − baseline. */
  readonly difference: number;
  /** current / baseline; `null` when the baseline is 0. */
  readonly ratio: number | null;
  /** The interval of the difference at the confidence level. */
  readonly lower: number;
  readonly upper: number;
  /** One-sided p-value of "worse than the baseline". */
  readonly pValue: number;
  readonly confidenceLevel: number;
  /** `true` when the interval of the difference lies above 0. */
  readonly significant: boolean;
  readonly method: string;
}

const SYNTAX = /^\s*(.+?)(?:\s+(?:by\s+)?([+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%)?\s*$/s;

/** Parses one `--fail-if-worse` (checked before any input is read). */
export function parseRegression(arg: RegressionArg, segmentations: readonly (readonly string[])[] = []): RegressionGate {
  const where = `${arg.source} ${JSON.stringify(arg.text.trim())}`;
  const match = SYNTAX.exec(arg.text);
  const metric = match?.[1] ?? "";
  // A comparison is a mistake here; "=" belongs only inside a segment scope ([channel=email]).
  if (match === null || metric === "" || /[<>=!]/.test(metric.replace(/\[[^\]]*\]/g, ""))) {
    throw new CliError(
      "E_CLI_GATE_SYNTAX",
      `${where}: a regression gate is <metric> [by] <percent>, e.g. "frt.median 10%", got ${JSON.stringify(arg.text)}`,
      'Examples: --fail-if-worse "frt.median 10%" --fail-if-worse "resolution.p90 by 20%" --fail-if-worse "frt.median[channel=email]"',
    );
  }
  const allowed = match[2] === undefined ? 0 : Number(match[2]) / 100;
  const { path, alias } = resolveMetric(metric, where, segmentations);
  const last = path[path.length - 1];
  const before = path[path.length - 2];
  const intervalPath =
    last === "median"
      ? [...path.slice(0, -1), "medianInterval"]
      : last === "value" && before !== undefined && typeof before !== "string"
        ? [...path.slice(0, -1), "interval"]
        : undefined;
  if (intervalPath === undefined || alias?.kind !== "duration") {
    throw new CliError(
      "E_CLI_GATE_PATH",
      `${where}: --fail-if-worse compares a median or percentile of a time metric (frt.median, resolution.p90, frt.business.median, …), got ${metric}`,
      "Those have confidence intervals, which the significance test reads; for other metrics use --gate with their interval bounds (nps.lower, csat.lower)",
    );
  }
  return { text: arg.text.trim(), metric, path, intervalPath, allowed, needs: alias.needs };
}

/** Reads `--baseline`: the JSON output of an earlier `cx-metrics report --format json`. */
export async function loadBaseline(path: string): Promise<unknown> {
  const json = await readJsonFile("--baseline", path);
  const doc = json as { report?: unknown; generator?: { name?: unknown } } | null;
  if (doc === null || typeof doc !== "object" || doc.generator?.name !== "cx-metrics" || typeof doc.report !== "object") {
    throw new CliError(
      "E_CLI_CONFIG_FILE",
      `--baseline ${path}: not a cx-metrics report (no "generator": { "name": "cx-metrics" } and "report")`,
      "Give the JSON output of an earlier run: cx-metrics report … --format json --output baseline.json",
    );
  }
  return json;
}

interface Estimate {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  readonly coverage: number;
}

/** The estimate with its interval at a gate's paths, or why there is none. */
function estimateAt(doc: unknown, gate: RegressionGate, side: string): Estimate | string {
  const located = locate(doc, gate.path);
  if (located.at === "noElement") {
    const step = gate.path[located.step] as PathStep;
    return `the ${side} has no ${typeof step === "string" ? step : `${step.key}=${step.equals}`} (seen: ${seenList(located.seen)})`;
  }
  const value = located.at === "found" ? located.value : null;
  if (value === null || value === undefined) return `the ${side} has no data for ${gate.metric}`;
  const interval = locate(doc, gate.intervalPath);
  const found = interval.at === "found" ? interval.value : null;
  const bounds = found !== null && typeof found === "object" ? (found as Partial<Estimate>) : null;
  if (
    typeof value !== "number" ||
    bounds === null ||
    typeof bounds.lower !== "number" ||
    typeof bounds.upper !== "number" ||
    typeof bounds.coverage !== "number"
  ) {
    return `the ${side} has no interval at ${pathText(gate.intervalPath)} (a report from an older cx-metrics? run the baseline again)`;
  }
  return { value, lower: bounds.lower, upper: bounds.upper, coverage: bounds.coverage };
}

/**
 * Evaluates the regression gates: `current` and `baseline` are output documents
 * (`{ report, input, … }`). A value missing on either side is `missing` (a failure) or, with
 * `allowMissing`, `skipped`; a metric the export has no input for is `absent`.
 */
export function evaluateRegressions(
  gates: readonly RegressionGate[],
  current: unknown,
  baseline: unknown,
  options: { readonly confidenceLevel: number; readonly allowMissing: boolean; readonly absent: readonly AbsentInput[] },
): GateResult[] {
  return gates.map((gate): GateResult => {
    const base = { gate: gate.text, kind: "fail-if-worse" as const, metric: gate.metric, path: pathText(gate.path), op: ">" as const };
    const lacking = absentForPath(options.absent, gate.path);
    const before = estimateAt(baseline, gate, "baseline");
    const limitOf = (b: number): number => b * (1 + gate.allowed);
    const shownAllowed = `worse by more than ${String(Number((gate.allowed * 100).toPrecision(6)))}%`;
    if (lacking !== undefined) {
      const target = typeof before === "string" ? 0 : limitOf(before.value);
      const asGate = {
        text: gate.text,
        kind: "fail-if",
        metric: gate.metric,
        path: gate.path,
        op: ">",
        target,
        valueKind: "duration",
        needs: gate.needs,
      } as const;
      return { ...absentResult(asGate, lacking, options.allowMissing), ...base };
    }
    const now = estimateAt(current, gate, "current report");
    // No judgement: a side without the figure, or a run resting on one value (no spread).
    const unjudged = (why: string, actual: number | null, target: number): GateResult => ({
      ...base,
      target,
      actual,
      unit: "duration",
      status: options.allowMissing ? "skipped" : "missing",
      message: `${why}; ${options.allowMissing ? "skipped (--allow-missing)" : "FAILS: not a pass (--allow-missing skips it)"}; fail if ${shownAllowed} and significant`,
      change: null,
    });
    if (typeof before === "string") return unjudged(before, typeof now === "string" ? null : now.value, 0);
    const limit = limitOf(before.value);
    if (typeof now === "string") return unjudged(now, null, limit);
    const c = quantileChange(before, now, { confidenceLevel: options.confidenceLevel });
    if (c === undefined) {
      return unjudged(`${gate.metric} rests on a single value in one of the runs: no spread to judge a change by`, now.value, limit);
    }
    const shown = (v: number): string => formatValue(v, "duration");
    const significant = c.lower > 0;
    const fails = significant && now.value > limit;
    const change: RegressionChange = {
      baseline: before.value,
      limit,
      difference: c.difference,
      ratio: c.ratio ?? null,
      lower: c.lower,
      upper: c.upper,
      pValue: c.pValue,
      confidenceLevel: c.confidenceLevel,
      significant,
      method: c.method,
    };
    const percent = c.ratio === undefined ? "" : ` (${c.ratio >= 1 ? "+" : ""}${((c.ratio - 1) * 100).toFixed(1)}%)`;
    const level = `${String(Number((c.confidenceLevel * 100).toPrecision(6)))}%`;
    const sign = (v: number): string => (v < 0 ? `−${shown(-v)}` : `+${shown(v)}`);
    return {
      ...base,
      target: limit,
      actual: now.value,
      unit: "duration",
      status: fails ? "fail" : "pass",
      message: `${gate.metric} = ${shown(now.value)} vs baseline ${shown(before.value)}${percent}; difference ${level} interval ${sign(c.lower)} to ${sign(c.upper)}, ${significant ? "significant" : "not significant"} (p = ${c.pValue.toPrecision(2)}); fail if ${shownAllowed} (above ${shown(limit)}) and significant`,
      change,
    };
  });
}
