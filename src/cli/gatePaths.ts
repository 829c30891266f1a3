/**
 * Gate paths: their syntax (`a.b[key=value][0]`), their check against the document's shape
 * before anything is read, and reading them from the document once it is computed.
 *
 * @internal
 * @module
 */
import { CliError } from "./errors.ts";
import { GATE_ALIASES, type PathStep } from "./gateAliases.ts";
import { DOCUMENT_SHAPE, numberPaths, REPORT_SHAPE, type Shape } from "./shape.ts";
import { didYouMean } from "./suggest.ts";

/** `"a b"` or `'a b'` without its quotes; other text trimmed. */
export const unquote = (text: string): string => {
  const t = text.trim();
  return (t.startsWith('"') && t.endsWith('"') && t.length >= 2) || (t.startsWith("'") && t.endsWith("'") && t.length >= 2)
    ? t.slice(1, -1)
    : t;
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

/** The names suggested for a misspelt metric: the aliases and every path to a number (relative to `report`, or under `input.`). */
export function metricNames(): string[] {
  return [
    ...GATE_ALIASES.map((a) => a.name),
    ...numberPaths(REPORT_SHAPE as Shape),
    ...numberPaths((DOCUMENT_SHAPE as { input: Shape }).input, "input"),
  ];
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
    throw new CliError(
      "E_CLI_GATE_PATH",
      `${where}: ${message}`,
      'Gate names: docs/guide/cli.md ("Gate metrics"); paths: --format json shows the document',
    );
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

/**
 * Where a path stops in a document: `found` (the value, possibly `null`), `noData` (a `null`
 * or an empty list on the way: the metric has no data), or `noElement` (a `[key=value]` or
 * `[n]` step that selects nothing from a list that has elements: `seen` lists what it has).
 */
export type Located =
  | { readonly at: "found"; readonly value: unknown }
  | { readonly at: "noData" }
  | { readonly at: "noElement"; readonly step: number; readonly seen: readonly string[] };

export function locate(root: unknown, path: readonly PathStep[]): Located {
  let current: unknown = root;
  for (const [i, step] of path.entries()) {
    if (current === null || current === undefined) return { at: "noData" };
    if (typeof current !== "object") return { at: "found", value: undefined };
    if (Array.isArray(current) && typeof step !== "string") {
      if (current.length === 0) return { at: "noData" };
      const value = readPath(current, [step]);
      if (value === undefined) {
        const seen = current.map((e: unknown) => {
          const v =
            e !== null && typeof e === "object" && Object.hasOwn(e, step.key) ? (e as Record<string, unknown>)[step.key] : undefined;
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

export const seenList = (seen: readonly string[]): string =>
  seen.length > 10 ? `${seen.slice(0, 10).join(", ")}, … (${String(seen.length)} in all)` : seen.join(", ");
