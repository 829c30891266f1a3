/**
 * CI gates: `<metric> <op> <value>` expressions over the report, evaluated after it is
 * computed. docs/guide/cli.md ("Gates") is the reference.
 *
 * @internal
 * @module
 */
import type { GateArg } from "./args.ts";
import { CliError } from "./errors.ts";
import { formatValue, type ValueKind } from "./format.ts";
import { GATE_ALIASES, type GateAlias, type PathStep } from "./gateAliases.ts";
import { DIMENSIONS } from "./segments.ts";
import { parseDuration } from "./values.ts";

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
}

/** The outcome of one gate. */
export interface GateResult {
  /** The expression as written. */
  readonly gate: string;
  /** `gate` or `fail-if`. */
  readonly kind: "gate" | "fail-if";
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
  /** `pass`, `fail`, `missing` (no data: counts as a failure) or `skipped` (no data, with `--allow-missing`). */
  readonly status: "pass" | "fail" | "missing" | "skipped";
  /** How to show `actual` and `target`: `count`, `fraction`, `points`, `duration`, `score`, `number`. */
  readonly unit: ValueKind;
  /** One line for people: the metric, the actual value and the target. */
  readonly message: string;
}

const OPS: readonly GateOp[] = ["<=", ">=", "==", "!=", "<", ">"];
const GATE_RE = /^\s*(.+?)\s*(<=|>=|==|!=|<|>)\s*(\S(?:.*\S)?)\s*$/s;
const NUMBER_RE = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const PERCENT_RE = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;

const unquote = (text: string): string => {
  const t = text.trim();
  return (t.startsWith('"') && t.endsWith('"') && t.length >= 2) || (t.startsWith("'") && t.endsWith("'") && t.length >= 2) ? t.slice(1, -1) : t;
};

/** Splits the inside of `[…]`: `k=v` becomes a selection, `"name"` or `0` a property. */
function bracketStep(inner: string): PathStep | undefined {
  const trimmed = inner.trim();
  if (/^\d+$/.test(trimmed)) return trimmed;
  if (/^(".*"|'.*')$/s.test(trimmed)) return trimmed.slice(1, -1);
  const eq = trimmed.indexOf("=");
  if (eq > 0) return { key: trimmed.slice(0, eq).trim(), equals: unquote(trimmed.slice(eq + 1)) };
  return undefined;
}

/**
 * Splits a path such as `a.b["c d"].0`, `sla.byChannel[channel=email].compliance` into steps.
 * Throws `E_CLI_GATE_SYNTAX` when it cannot.
 */
export function splitPath(text: string, source: string): PathStep[] {
  const steps: PathStep[] = [];
  let at = 0;
  let current = "";
  const fail = (): never => {
    throw new CliError(
      "E_CLI_GATE_SYNTAX",
      `${source}: a metric path must be names joined by dots, with [0], ["name"] or [key=value] steps, got ${JSON.stringify(text)}`,
    );
  };
  while (at < text.length) {
    const char = text[at] as string;
    if (char === ".") {
      if (current === "") fail();
      steps.push(current);
      current = "";
      at++;
      if (at >= text.length) fail();
    } else if (char === "[") {
      if (current !== "") {
        steps.push(current);
        current = "";
      }
      const close = text.indexOf("]", at);
      if (close < 0) fail();
      const step = bracketStep(text.slice(at + 1, close));
      if (step === undefined) fail();
      steps.push(step as PathStep);
      at = close + 1;
      if (text[at] === ".") {
        at++;
        if (at >= text.length) fail();
      } else if (at < text.length && text[at] !== "[") fail();
    } else if (/\s/.test(char)) {
      fail();
    } else {
      current += char;
      at++;
    }
  }
  if (current !== "") steps.push(current);
  if (steps.length === 0) fail();
  return steps;
}

/** Shows a path as text: `a.b[channel=email].c`. */
export function pathText(path: readonly PathStep[]): string {
  let out = "";
  for (const step of path) {
    if (typeof step === "string") out += /^[\w$-]+$/.test(step) ? `${out === "" ? "" : "."}${step}` : `[${JSON.stringify(step)}]`;
    else out += `[${step.key}=${step.equals}]`;
  }
  return out;
}

function kindHint(kind: ValueKind): string {
  switch (kind) {
    case "fraction":
      return "Rates are fractions: write 0.9 or 90%";
    case "duration":
      return "Times are durations: write 90s, 30m, 4h or 2d";
    case "points":
      return "NPS is in points from -100 to 100: write 30";
    default:
      return "Write a plain number";
  }
}

/** Reads a gate's value in the report's units, checked against the metric's kind when known. */
function parseTarget(where: string, metric: string, text: string, kind: ValueKind | undefined): number {
  const percent = PERCENT_RE.exec(text);
  if (percent !== null) {
    if (kind !== undefined && kind !== "fraction" && kind !== "number") {
      throw new CliError("E_CLI_GATE_VALUE", `${where}: a percentage fits a rate only; ${metric} is a ${kind}, got ${text}`, kindHint(kind));
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
      throw new CliError("E_CLI_GATE_VALUE", `${where}: a duration fits a time metric only; ${metric} is a ${kind}, got ${text}`, kindHint(kind));
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

/**
 * Parses one gate. The metric is an alias (docs/guide/cli.md lists them), an alias scoped to
 * a segment (`frt.median[channel=email]`, needs `--by channel`), a path into the Report
 * (`counts.backlog.count`, also written `report.…`), or a path into the input section
 * (`input.tickets.rejected`). `segmentations` are the `--by` dimension lists.
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
  let path: PathStep[];
  let kind: ValueKind | undefined;
  let needs: string | undefined;
  const alias = findAlias(metric);
  const scoped = alias === undefined ? scopedAlias(metric) : undefined;
  if (alias !== undefined) {
    path = [alias.root, ...alias.path];
    kind = alias.kind;
    needs = alias.needs;
  } else if (scoped !== undefined) {
    const dims = scoped.scope.map(([dim]) => {
      const name = dim.toLowerCase();
      return Object.hasOwn(DIMENSIONS, name) ? (DIMENSIONS[name] as string) : dim;
    });
    if (!scoped.alias.segmentable) {
      throw new CliError("E_CLI_GATE_PATH", `${where}: ${scoped.alias.name} cannot be scoped to a segment`);
    }
    if (!segmentations.some((s) => s.length === dims.length && s.every((d, i) => d === dims[i]))) {
      throw new CliError("E_CLI_GATE_PATH", `${where}: a gate on a ${dims.join("+")} segment needs --by ${dims.join("+")}`);
    }
    path = [
      "report",
      "segments",
      { key: "dimensions", equals: dims.join(",") },
      "segments",
      { key: "key", equals: scoped.scope.map(([, v]) => v).join(",") },
      ...scoped.alias.path,
    ];
    kind = scoped.alias.kind;
    needs = scoped.alias.needs;
  } else {
    if (!/[.[]/.test(metric)) {
      throw new CliError(
        "E_CLI_GATE_PATH",
        `${where}: unknown metric ${JSON.stringify(metric)}; use a documented name or a dotted path into the JSON report`,
        `Names: ${GATE_ALIASES.map((a) => a.name).filter((n) => !n.includes(".business.")).join(", ")}`,
      );
    }
    const steps = splitPath(metric, where);
    path = steps[0] === "report" || steps[0] === "input" ? steps : ["report", ...steps];
  }
  const target = parseTarget(where, metric, value, kind);
  return { text: arg.text.trim(), kind: arg.kind, metric, path, op: op as GateOp, target, valueKind: kind ?? "number", needs };
}

/**
 * Reads a path through own properties only (array elements by index or by a `key=value`
 * selection; an array value is compared as its elements joined by `,`); `undefined` when absent.
 */
export function readPath(root: unknown, path: readonly PathStep[]): unknown {
  let current: unknown = root;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (typeof step === "string") {
      if (!Object.prototype.hasOwnProperty.call(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step];
    } else {
      if (!Array.isArray(current)) return undefined;
      current = (current as unknown[]).find((element) => {
        if (element === null || typeof element !== "object" || !Object.prototype.hasOwnProperty.call(element, step.key)) return false;
        const value = (element as Record<string, unknown>)[step.key];
        return (Array.isArray(value) ? value.map(String).join(",") : String(value)) === step.equals;
      });
    }
  }
  return current;
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
 * Evaluates the gates against the output document (`{ report, input }`). A metric with no
 * value (`null`, or absent) is `missing`, which counts as a failure, unless `allowMissing`
 * (then `skipped`). Throws `E_CLI_GATE_PATH` when a path leads to something that is not a number.
 */
export function evaluateGates(gates: readonly Gate[], document: unknown, allowMissing: boolean): GateResult[] {
  return gates.map((gate): GateResult => {
    const raw = readPath(document, gate.path);
    const path = pathText(gate.path);
    const shown = (v: number): string => formatValue(v, gate.valueKind);
    const base = { gate: gate.text, kind: gate.kind, metric: gate.metric, path, op: gate.op, target: gate.target, unit: gate.valueKind };
    const want = `${gate.kind === "gate" ? "target" : "fail if"} ${gate.op} ${shown(gate.target)}`;
    if (raw === null || raw === undefined) {
      const needs = gate.needs === undefined ? "" : ` (it needs ${gate.needs})`;
      const then = allowMissing ? "skipped (--allow-missing)" : "FAILS: no data is not a pass (--allow-missing skips it)";
      return { ...base, actual: null, status: allowMissing ? "skipped" : "missing", message: `${gate.metric} has no data${needs}; ${then}; ${want}` };
    }
    if (typeof raw !== "number") {
      throw new CliError(
        "E_CLI_GATE_PATH",
        `gate ${JSON.stringify(gate.text)}: ${path} is ${Array.isArray(raw) ? "a list" : `a ${typeof raw}`}, not a number`,
        "Point the gate at a number in the JSON output (--format json shows the document)",
      );
    }
    const holds = compare(raw, gate.op, gate.target);
    const pass = gate.kind === "gate" ? holds : !holds;
    return { ...base, actual: raw, status: pass ? "pass" : "fail", message: `${gate.metric} = ${shown(raw)}; ${want}` };
  });
}

/** `true` when a result makes the command exit 1. */
export function isFailure(result: GateResult): boolean {
  return result.status === "fail" || result.status === "missing";
}
