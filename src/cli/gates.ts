/**
 * CI gates: `<metric> <op> <value>` expressions over the report, evaluated after it is
 * computed. docs/guide/cli.md ("Gates") is the reference. Paths: ./gatePaths.ts; what a metric
 * can be: ./gateDomains.ts; the document's shape: ./shape.ts.
 *
 * @internal
 * @module
 */
import type { GateArg } from "./args.ts";
import { CliError } from "./errors.ts";
import { formatValue, type ValueKind } from "./format.ts";
import { GATE_ALIASES, type GateAlias, type PathStep } from "./gateAliases.ts";
import { checkScale, checkTrivial, kindHint } from "./gateDomains.ts";
import { checkPath, locate, metricNames, pathText, seenList, splitPath, unquote } from "./gatePaths.ts";
import { absentResult } from "./gatesAbsent.ts";
import type { RegressionChange } from "./regression.ts";
import { absentForPath, type AbsentInput } from "./inputsNeeded.ts";
import { DIMENSIONS } from "./segments.ts";
import { didYouMean } from "./suggest.ts";
import { parseDuration } from "./values.ts";

export { pathText, readPath, splitPath } from "./gatePaths.ts";

/** A comparison operator. */
export type GateOp = "<" | "<=" | ">" | ">=" | "==" | "!=";

/** A parsed gate. */
export interface Gate {
  /** The expression as written. */
  readonly text: string;
  /** `gate` passes when the comparison holds; `fail-if` fails when it holds. */
  readonly kind: "gate" | "fail-if";
  /** The metric as written (an alias, a scoped alias or a path). */
  readonly metric: string;
  /** The path into the output document (`{ report, input }`). */
  readonly path: readonly PathStep[];
  /** The comparison. */
  readonly op: GateOp;
  /** The target in the report's units (fractions, points, milliseconds). */
  readonly target: number;
  /** How the metric's values are shown. */
  readonly valueKind: ValueKind;
  /** The option without which the metric has no data, if any. */
  readonly needs: string | undefined;
  /** What a `null` value means besides "no data" (the alias's `noData`), if anything. */
  readonly noData?: string;
  /** For a name scoped to a segment: the segment, checked against the segments seen once the report is computed. */
  readonly segment?: { readonly dimensions: string; readonly key: string; readonly text: string };
}

/** The outcome of one gate. */
export interface GateResult {
  /** The expression as written. */
  readonly gate: string;
  /** `gate`, `fail-if`, or `fail-if-worse` (a regression gate against `--baseline`: ./regression.ts). */
  readonly kind: "gate" | "fail-if" | "fail-if-worse";
  /** The metric as written. */
  readonly metric: string;
  /** The path read, e.g. `report.survey.nps.score`. */
  readonly path: string;
  /** The comparison. */
  readonly op: GateOp;
  /** The target in the report's units. */
  readonly target: number;
  /** The value found, or `null` when the report has no value there. */
  readonly actual: number | null;
  /**
   * `pass`, `fail`, `missing` (no data: counts as a failure, exit 1), `absent` (the export has
   * no input for the metric, e.g. no assignee column: exit 2) or `skipped` (`missing` or
   * `absent`, with `--allow-missing`).
   */
  readonly status: "pass" | "fail" | "missing" | "absent" | "skipped";
  /** How to show `actual` and `target`: `count`, `fraction`, `points`, `duration`, `score`, `number`. */
  readonly unit: ValueKind;
  /** One line for people: the metric, the actual value and the target. */
  readonly message: string;
  /** For `fail-if-worse`: the change from the baseline (`null` when it cannot be judged). */
  readonly change?: RegressionChange | null;
}

const OPS: readonly GateOp[] = ["<=", ">=", "==", "!=", "<", ">"];
const GATE_RE = /^\s*(.+?)\s*(<=|>=|==|!=|<|>)\s*(\S(?:.*\S)?)\s*$/s;
const NUMBER_RE = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const PERCENT_RE = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;

/** Reads a gate's value in the report's units, checked against the metric's kind when known. */
function parseTarget(where: string, metric: string, text: string, kind: ValueKind | undefined): number {
  const value = readTarget(where, metric, text, kind);
  if (!Number.isFinite(value)) {
    throw new CliError("E_CLI_GATE_VALUE", `${where}: the value must be finite, got ${text}`, kindHint(kind ?? "number"));
  }
  return value;
}

function readTarget(where: string, metric: string, text: string, kind: ValueKind | undefined): number {
  const percent = PERCENT_RE.exec(text);
  if (percent !== null) {
    if (kind !== undefined && kind !== "fraction" && kind !== "number") {
      throw new CliError(
        "E_CLI_GATE_VALUE",
        `${where}: a percentage fits a rate only; ${metric} is a ${kind}, got ${text}`,
        kindHint(kind),
      );
    }
    return Number(percent[1]) / 100;
  }
  if (NUMBER_RE.test(text)) {
    const value = Number(text);
    if (kind === "duration" && value !== 0) {
      throw new CliError("E_CLI_GATE_VALUE", `${where}: a duration needs a unit (ms, s, m, h, d, w), got ${text}`, kindHint(kind));
    }
    if (kind === "fraction" && (value < 0 || value > 1)) {
      throw new CliError("E_CLI_GATE_VALUE", `${where}: a rate is a fraction from 0 to 1 or a percentage, got ${text}`, kindHint(kind));
    }
    return value;
  }
  const duration = parseDuration(text);
  if (duration !== undefined) {
    if (kind !== undefined && kind !== "duration" && kind !== "number") {
      throw new CliError(
        "E_CLI_GATE_VALUE",
        `${where}: a duration fits a time metric only; ${metric} is a ${kind}, got ${text}`,
        kindHint(kind),
      );
    }
    return duration;
  }
  throw new CliError(
    "E_CLI_GATE_VALUE",
    `${where}: the value must be a number (30, 0.9, -5), a percentage (90%) or a duration (45s, 30m, 4h, 2d, 1h30m), got ${JSON.stringify(text)}`,
  );
}

/** The alias table entry for a metric name (exact, then case-insensitive). */
export function findAlias(name: string): GateAlias | undefined {
  return GATE_ALIASES.find((a) => a.name === name) ?? GATE_ALIASES.find((a) => a.name.toLowerCase() === name.toLowerCase());
}

/** `frt.median[channel=email]` → the alias and the scope `[["channel", "email"]]`. */
function scopedAlias(metric: string): { alias: GateAlias; scope: [string, string][] } | undefined {
  const match = /^([^[\]]+)\[(.+)\]$/s.exec(metric);
  if (match === null) return undefined;
  const alias = findAlias((match[1] as string).trim());
  if (alias === undefined) return undefined;
  const scope: [string, string][] = [];
  for (const part of (match[2] as string).split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return undefined;
    scope.push([part.slice(0, eq).trim(), unquote(part.slice(eq + 1))]);
  }
  return { alias, scope };
}

const DIMENSION_NAMES = Object.keys(DIMENSIONS);

/** A gate's metric resolved: its path into the output document, its alias when it has one, its segment scope. */
export interface ResolvedMetric {
  readonly path: readonly PathStep[];
  readonly alias: GateAlias | undefined;
  readonly segment: Gate["segment"];
}

/**
 * Resolves a metric as gates write it: an alias, an alias scoped to a segment (checked against
 * the `--by` dimension lists `segmentations`), or a path into the document; `where` starts the
 * error messages (`E_CLI_GATE_PATH`).
 */
export function resolveMetric(metric: string, where: string, segmentations: readonly (readonly string[])[]): ResolvedMetric {
  let path: PathStep[];
  let alias = findAlias(metric);
  let segment: Gate["segment"];
  const scoped = alias === undefined ? scopedAlias(metric) : undefined;
  if (alias !== undefined) {
    path = [alias.root, ...alias.path];
  } else if (scoped !== undefined) {
    alias = scoped.alias;
    const dims = scoped.scope.map(([dim]) => {
      const name = dim.toLowerCase();
      if (!Object.hasOwn(DIMENSIONS, name)) {
        throw new CliError(
          "E_CLI_GATE_PATH",
          `${where}: unknown segment dimension ${JSON.stringify(dim)}${didYouMean(name, DIMENSION_NAMES)}`,
          `Dimensions: ${[...new Set(Object.values(DIMENSIONS))].join(", ")} (agent = assignee, team = group)`,
        );
      }
      return DIMENSIONS[name] as string;
    });
    if (!scoped.alias.segmentable) {
      throw new CliError("E_CLI_GATE_PATH", `${where}: ${scoped.alias.name} cannot be scoped to a segment`);
    }
    if (!segmentations.some((s) => s.length === dims.length && s.every((d, i) => d === dims[i]))) {
      throw new CliError("E_CLI_GATE_PATH", `${where}: a gate on a ${dims.join("+")} segment needs --by ${dims.join("+")}`);
    }
    const key = scoped.scope.map(([, v]) => v).join(",");
    segment = { dimensions: dims.join(","), key, text: scoped.scope.map(([, v], i) => `${dims[i] as string}=${v}`).join(",") };
    path = [
      "report",
      "segments",
      { key: "dimensions", equals: segment.dimensions },
      "segments",
      { key: "key", equals: key },
      ...scoped.alias.path,
    ];
  } else {
    if (!/[.[]/.test(metric)) {
      throw new CliError(
        "E_CLI_GATE_PATH",
        `${where}: unknown metric ${JSON.stringify(metric)}${didYouMean(metric, metricNames())}`,
        `Names: ${GATE_ALIASES.map((a) => a.name)
          .filter((n) => !n.includes(".business."))
          .join(", ")}; or a dotted path into the JSON report`,
      );
    }
    const steps = splitPath(metric, where);
    path = steps[0] === "report" || steps[0] === "input" ? steps : ["report", ...steps];
    checkPath(path, where, metric);
    // A raw path to an aliased metric is read as that metric (its units and domain).
    const text = pathText(path);
    alias = GATE_ALIASES.find((a) => pathText([a.root, ...a.path]) === text);
  }
  return { path, alias, segment };
}

/**
 * Parses one gate. The metric is an alias (docs/guide/cli.md lists them), an alias scoped to
 * a segment (`frt.median[channel=email]`, needs `--by channel`), a path into the Report
 * (`counts.backlog.count`, also written `report.…`), or a path into the input section
 * (`input.tickets.rejected`). `segmentations` are the `--by` dimension lists. Everything is
 * checked before any input is read: the name or path (`E_CLI_GATE_PATH`, with the closest
 * names), and the value against what the metric can be (`E_CLI_GATE_VALUE`).
 */
export function parseGate(arg: GateArg, segmentations: readonly (readonly string[])[] = []): Gate {
  const match = GATE_RE.exec(arg.text);
  if (match === null) {
    throw new CliError(
      "E_CLI_GATE_SYNTAX",
      `${arg.source}: a gate must look like <metric> <op> <value> with op one of ${OPS.join(" ")}, got ${JSON.stringify(arg.text)}`,
      'Examples: --gate "nps >= 30" --gate "frt.median <= 4h" --gate "csat >= 80%"',
    );
  }
  const [, metric = "", op = "", value = ""] = match;
  const where = `${arg.source} ${JSON.stringify(arg.text.trim())}`;
  const { path, alias, segment } = resolveMetric(metric, where, segmentations);
  // Every number in the input section is a count of rows, records or sequences, but the
  // rejected share, a fraction: so an input gate gets that domain (and its units) too.
  const kind = alias?.kind ?? (path[0] === "input" ? (path[path.length - 1] === "rejectedShare" ? "fraction" : "count") : undefined);
  const target = parseTarget(where, metric, value, kind);
  const gate: Gate = {
    text: arg.text.trim(),
    kind: arg.kind,
    metric,
    path,
    op: op as GateOp,
    target,
    valueKind: kind ?? "number",
    needs: alias?.needs,
    ...(alias?.noData === undefined ? {} : { noData: alias.noData }),
    ...(segment === undefined ? {} : { segment }),
  };
  checkTrivial(where, gate, alias);
  return gate;
}

function compare(actual: number, op: GateOp, target: number): boolean {
  switch (op) {
    case "<":
      return actual < target;
    case "<=":
      return actual <= target;
    case ">":
      return actual > target;
    case ">=":
      return actual >= target;
    case "==":
      return actual === target;
    case "!=":
      return actual !== target;
  }
}

/**
 * Evaluates the gates against the output document (`{ report, input }`). A metric whose input
 * the export lacks (`absent`, see ./inputsNeeded.ts) is `absent` whatever the report holds
 * there (exit 2); a metric with no value (`null`, or absent) is `missing`, which counts as a
 * failure. With `allowMissing` both are `skipped`. Throws `E_CLI_GATE_PATH` when a path leads to something that is not a
 * number, or selects a segment or list element that the report does not have (a misspelt
 * `frt.median[channel=emial]` is an error, never skipped: the message lists the values seen).
 */
export function evaluateGates(
  gates: readonly Gate[],
  document: unknown,
  allowMissing: boolean,
  absent: readonly AbsentInput[] = [],
): GateResult[] {
  return gates.map((gate): GateResult => {
    const lacking = absentForPath(absent, gate.path);
    if (lacking !== undefined) return absentResult(gate, lacking, allowMissing);
    const located = locate(document, gate.path);
    if (located.at === "noElement") {
      const step = gate.path[located.step] as PathStep;
      const what =
        gate.segment !== undefined && located.step === 4
          ? `no segment ${gate.segment.text}`
          : gate.segment !== undefined && located.step === 2
            ? `no ${gate.segment.dimensions.replace(/,/g, "+")} segmentation`
            : `${pathText(gate.path.slice(0, located.step))} has no element ${typeof step === "string" ? `[${step}]` : `[${step.key}=${step.equals}]`}`;
      const wanted = typeof step === "string" ? step : step.equals;
      throw new CliError(
        "E_CLI_GATE_PATH",
        `gate ${JSON.stringify(gate.text)}: ${what}; seen: ${seenList(located.seen)}${didYouMean(wanted, located.seen)}`,
        "A segment value must be written as the report shows it (--format json lists them); --allow-missing does not skip a value that is not there",
      );
    }
    const raw = located.at === "found" ? located.value : null;
    const path = pathText(gate.path);
    const shown = (v: number): string => formatValue(v, gate.valueKind);
    const base = { gate: gate.text, kind: gate.kind, metric: gate.metric, path, op: gate.op, target: gate.target, unit: gate.valueKind };
    const want = `${gate.kind === "gate" ? "target" : "fail if"} ${gate.op} ${shown(gate.target)}`;
    if (raw === null || raw === undefined) {
      const needs = (gate.needs === undefined ? "" : ` (it needs ${gate.needs})`) + (gate.noData === undefined ? "" : ` (${gate.noData})`);
      const then = allowMissing ? "skipped (--allow-missing)" : "FAILS: no data is not a pass (--allow-missing skips it)";
      return {
        ...base,
        actual: null,
        status: allowMissing ? "skipped" : "missing",
        message: `${gate.metric} has no data${needs}; ${then}; ${want}`,
      };
    }
    if (typeof raw !== "number") {
      throw new CliError(
        "E_CLI_GATE_PATH",
        `gate ${JSON.stringify(gate.text)}: ${path} is ${Array.isArray(raw) ? "a list" : `a ${typeof raw}`}, not a number`,
        "Point the gate at a number in the JSON output (--format json shows the document)",
      );
    }
    checkScale(gate, document);
    const holds = compare(raw, gate.op, gate.target);
    const pass = gate.kind === "gate" ? holds : !holds;
    return { ...base, actual: raw, status: pass ? "pass" : "fail", message: `${gate.metric} = ${shown(raw)}; ${want}` };
  });
}

/** Counts of results by status. */
export function tally(results: readonly GateResult[]): { passed: number; failed: number; absent: number; skipped: number; total: number } {
  const count = (test: (r: GateResult) => boolean): number => results.filter(test).length;
  return {
    passed: count((r) => r.status === "pass"),
    failed: count(isFailure),
    absent: count(isAbsent),
    skipped: count((r) => r.status === "skipped"),
    total: results.length,
  };
}

/**
 * The one-line summary: `all 3 passed`, `2 passed, 1 skipped`, `1 of 3 failed (1 passed, 1 skipped)`,
 * `1 of 3 not in this export, 1 failed (1 passed)`. A skipped gate is never counted as passed.
 */
export function summaryText(results: readonly GateResult[]): string {
  const { passed, failed, absent, skipped, total } = tally(results);
  if (failed > 0 || absent > 0) {
    const rest = [passed > 0 ? `${String(passed)} passed` : "", skipped > 0 ? `${String(skipped)} skipped` : ""]
      .filter((t) => t !== "")
      .join(", ");
    const head =
      absent > 0
        ? `${String(absent)} of ${String(total)} not in this export${failed > 0 ? `, ${String(failed)} failed` : ""}`
        : `${String(failed)} of ${String(total)} failed`;
    return `${head}${rest === "" ? "" : ` (${rest})`}`;
  }
  if (skipped === 0) return `all ${String(total)} passed`;
  return `${String(passed)} passed, ${String(skipped)} skipped`;
}

/** `true` when a result makes the command exit 1. */
export function isFailure(result: GateResult): boolean {
  return result.status === "fail" || result.status === "missing";
}

/** `true` when a result makes the command exit 2: the export has no input for the gate's metric. */
export function isAbsent(result: GateResult): boolean {
  return result.status === "absent";
}
