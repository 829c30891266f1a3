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
import { DOCUMENT_SHAPE, numberPaths, REPORT_SHAPE, type Shape } from "./shape.ts";
import { didYouMean } from "./suggest.ts";
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
  /** For a name scoped to a segment: the segment, checked against the segments seen once the report is computed. */
  readonly segment?: { readonly dimensions: string; readonly key: string; readonly text: string };
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

/** What a metric of this kind can be: its smallest and largest values. */
export function domainOf(kind: ValueKind, alias?: GateAlias): readonly [number, number] {
  if (alias?.domain !== undefined) return alias.domain;
  switch (kind) {
    case "count":
    case "duration":
      return [0, Number.POSITIVE_INFINITY];
    case "fraction":
      return [0, 1];
    case "points":
      return [-100, 100];
    default:
      return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  }
}

/** `always` when `x op target` holds for every x in `domain`, `never` when for none, else `undefined`. */
export function triviality(op: GateOp, target: number, [lo, hi]: readonly [number, number]): "always" | "never" | undefined {
  switch (op) {
    case ">=":
      return target <= lo ? "always" : target > hi ? "never" : undefined;
    case ">":
      return target < lo ? "always" : target >= hi ? "never" : undefined;
    case "<=":
      return target >= hi ? "always" : target < lo ? "never" : undefined;
    case "<":
      return target > hi ? "always" : target <= lo ? "never" : undefined;
    case "==":
      return target < lo || target > hi ? "never" : lo === hi ? "always" : undefined;
    case "!=":
      return target < lo || target > hi ? "always" : lo === hi ? "never" : undefined;
  }
}

function domainText([lo, hi]: readonly [number, number], kind: ValueKind): string {
  if (hi === Number.POSITIVE_INFINITY) return `${formatValue(lo, kind)} or more`;
  return `from ${formatValue(lo, kind)} to ${formatValue(hi, kind)}`;
}

/** Refuses a gate that can never fail or never pass: its target outside what the metric can be. */
function checkTrivial(where: string, gate: Pick<Gate, "kind" | "metric" | "op" | "target" | "valueKind">, alias: GateAlias | undefined): void {
  const domain = domainOf(gate.valueKind, alias);
  const holds = triviality(gate.op, gate.target, domain);
  if (holds === undefined) return;
  const never = (gate.kind === "gate") === (holds === "always") ? "fail" : "pass";
  throw new CliError(
    "E_CLI_GATE_VALUE",
    `${where}: this ${gate.kind === "gate" ? "gate" : "--fail-if"} can never ${never}: ${gate.metric} is ${domainText(domain, gate.valueKind)}, so "${gate.op} ${formatValue(gate.target, gate.valueKind)}" ${holds === "always" ? "always holds" : "never holds"}`,
    kindHint(gate.valueKind),
  );
}

/** The names suggested for a misspelt metric: the aliases and every path to a number (relative to `report`, or under `input.`). */
function metricNames(): string[] {
  return [...GATE_ALIASES.map((a) => a.name), ...numberPaths(REPORT_SHAPE as Shape), ...numberPaths((DOCUMENT_SHAPE as { input: Shape }).input, "input")];
}

const shapeName = (shape: Shape): string => (typeof shape === "string" ? `a ${shape}` : Array.isArray(shape) ? "a list" : "an object");

/**
 * Checks a path against the document's shape ({@link DOCUMENT_SHAPE}): every name must exist,
 * `[0]` and `[key=value]` steps must select from a list, and the path must end at a number.
 * Throws `E_CLI_GATE_PATH`, with the closest names, when it does not.
 */
export function checkPath(path: readonly PathStep[], where: string, metric: string): void {
  let shape: Shape = DOCUMENT_SHAPE;
  const fail = (message: string): never => {
    throw new CliError("E_CLI_GATE_PATH", `${where}: ${message}`, "Gate names: docs/guide/cli.md (\"Gate metrics\"); paths: --format json shows the document");
  };
  path.forEach((step, i) => {
    const at = pathText(path.slice(0, i)) || "the document";
    if (typeof step === "string") {
      if (Array.isArray(shape)) {
        if (!/^\d+$/.test(step)) fail(`${at} is a list: select an element with [0] or [key=value], got ${JSON.stringify(step)}`);
        shape = (shape as readonly [Shape])[0];
      } else if (typeof shape === "object") {
        const fields = shape as Record<string, Shape>;
        if (Object.hasOwn(fields, step)) shape = fields[step] as Shape;
        else if (Object.hasOwn(fields, "*")) shape = fields["*"] as Shape;
        else {
          const name = /^([^[\]]+)\[/.exec(metric)?.[1] ?? metric;
          const near = i <= 1 ? didYouMean(name, metricNames()) : didYouMean(step, Object.keys(fields));
          fail(`unknown metric ${JSON.stringify(metric)}: ${at} has no ${JSON.stringify(step)}${near}`);
        }
      } else fail(`${at} is ${shapeName(shape)}: nothing is under it, got ${JSON.stringify(step)}`);
    } else {
      if (!Array.isArray(shape)) fail(`${at} is ${shapeName(shape)}, not a list: [${step.key}=${step.equals}] selects from a list`);
      const element = (shape as readonly [Shape])[0];
      if (typeof element !== "object" || Array.isArray(element) || !Object.hasOwn(element, step.key)) {
        const keys = typeof element === "object" && !Array.isArray(element) ? Object.keys(element) : [];
        fail(`the elements of ${at} have no ${JSON.stringify(step.key)}${didYouMean(step.key, keys)}`);
      }
      shape = element;
    }
  });
  if (shape !== "number") fail(`${pathText(path)} is ${shapeName(shape)}, not a number`);
}

const DIMENSION_NAMES = Object.keys(DIMENSIONS);

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
    path = ["report", "segments", { key: "dimensions", equals: segment.dimensions }, "segments", { key: "key", equals: key }, ...scoped.alias.path];
  } else {
    if (!/[.[]/.test(metric)) {
      throw new CliError(
        "E_CLI_GATE_PATH",
        `${where}: unknown metric ${JSON.stringify(metric)}${didYouMean(metric, metricNames())}`,
        `Names: ${GATE_ALIASES.map((a) => a.name).filter((n) => !n.includes(".business.")).join(", ")}; or a dotted path into the JSON report`,
      );
    }
    const steps = splitPath(metric, where);
    path = steps[0] === "report" || steps[0] === "input" ? steps : ["report", ...steps];
    checkPath(path, where, metric);
    // A raw path to an aliased metric is read as that metric (its units and domain).
    const text = pathText(path);
    alias = GATE_ALIASES.find((a) => pathText([a.root, ...a.path]) === text);
  }
  const kind = alias?.kind;
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
    ...(segment === undefined ? {} : { segment }),
  };
  checkTrivial(where, gate, alias);
  return gate;
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
 * Where a path stops in a document: `found` (the value, possibly `null`), `noData` (a `null`
 * or an empty list on the way: the metric has no data), or `noElement` (a `[key=value]` or
 * `[n]` step that selects nothing from a list that has elements: `seen` lists what it has).
 */
type Located =
  | { readonly at: "found"; readonly value: unknown }
  | { readonly at: "noData" }
  | { readonly at: "noElement"; readonly step: number; readonly seen: readonly string[] };

function locate(root: unknown, path: readonly PathStep[]): Located {
  let current: unknown = root;
  for (const [i, step] of path.entries()) {
    if (current === null || current === undefined) return { at: "noData" };
    if (typeof current !== "object") return { at: "found", value: undefined };
    if (Array.isArray(current) && typeof step !== "string") {
      if (current.length === 0) return { at: "noData" };
      const value = readPath(current, [step]);
      if (value === undefined) {
        const seen = current.map((e: unknown) => {
          const v = e !== null && typeof e === "object" && Object.hasOwn(e, step.key) ? (e as Record<string, unknown>)[step.key] : undefined;
          return Array.isArray(v) ? v.map(String).join(",") : String(v);
        });
        return { at: "noElement", step: i, seen };
      }
      current = value;
    } else if (Array.isArray(current) && /^\d+$/.test(step as string) && Number(step) >= current.length) {
      return current.length === 0 ? { at: "noData" } : { at: "noElement", step: i, seen: current.map((_, n) => String(n)) };
    } else {
      current = readPath(current, [step]);
    }
  }
  return { at: "found", value: current };
}

const seenList = (seen: readonly string[]): string => (seen.length > 10 ? `${seen.slice(0, 10).join(", ")}, … (${String(seen.length)} in all)` : seen.join(", "));

/**
 * Evaluates the gates against the output document (`{ report, input }`). A metric with no
 * value (`null`, or absent) is `missing`, which counts as a failure, unless `allowMissing`
 * (then `skipped`). Throws `E_CLI_GATE_PATH` when a path leads to something that is not a
 * number, or selects a segment or list element that the report does not have (a misspelt
 * `frt.median[channel=emial]` is an error, never skipped: the message lists the values seen).
 */
export function evaluateGates(gates: readonly Gate[], document: unknown, allowMissing: boolean): GateResult[] {
  return gates.map((gate): GateResult => {
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
    checkScale(gate, document);
    const holds = compare(raw, gate.op, gate.target);
    const pass = gate.kind === "gate" ? holds : !holds;
    return { ...base, actual: raw, status: pass ? "pass" : "fail", message: `${gate.metric} = ${shown(raw)}; ${want}` };
  });
}

/**
 * A survey mean (`ces`: kind `score`) lies on its survey's scale, known only once read: a
 * target that makes the gate always or never hold on `[scale.min, scale.max]` is refused then.
 */
function checkScale(gate: Gate, document: unknown): void {
  if (gate.valueKind !== "score" || gate.path[gate.path.length - 1] !== "mean") return;
  const scale = readPath(document, [...gate.path.slice(0, -1), "scale"]) as { min?: unknown; max?: unknown } | undefined;
  if (scale === undefined || typeof scale.min !== "number" || typeof scale.max !== "number") return;
  const domain = [scale.min, scale.max] as const;
  const holds = triviality(gate.op, gate.target, domain);
  if (holds === undefined) return;
  throw new CliError(
    "E_CLI_GATE_VALUE",
    `gate ${JSON.stringify(gate.text)}: this gate can never ${(gate.kind === "gate") === (holds === "always") ? "fail" : "pass"}: ${gate.metric} is a mean on the survey's ${String(scale.min)}–${String(scale.max)} scale, so "${gate.op} ${String(gate.target)}" ${holds === "always" ? "always holds" : "never holds"}`,
  );
}

/** Counts of results by status. */
export function tally(results: readonly GateResult[]): { passed: number; failed: number; skipped: number; total: number } {
  const count = (test: (r: GateResult) => boolean): number => results.filter(test).length;
  return { passed: count((r) => r.status === "pass"), failed: count(isFailure), skipped: count((r) => r.status === "skipped"), total: results.length };
}

/** The one-line summary: `all 3 passed`, `2 passed, 1 skipped`, `1 of 3 failed (1 passed, 1 skipped)`. A skipped gate is never counted as passed. */
export function summaryText(results: readonly GateResult[]): string {
  const { passed, failed, skipped, total } = tally(results);
  if (failed > 0) {
    const rest = [passed > 0 ? `${String(passed)} passed` : "", skipped > 0 ? `${String(skipped)} skipped` : ""].filter((t) => t !== "").join(", ");
    return `${String(failed)} of ${String(total)} failed${rest === "" ? "" : ` (${rest})`}`;
  }
  if (skipped === 0) return `all ${String(total)} passed`;
  return `${String(passed)} passed, ${String(skipped)} skipped`;
}

/** `true` when a result makes the command exit 1. */
export function isFailure(result: GateResult): boolean {
  return result.status === "fail" || result.status === "missing";
}
