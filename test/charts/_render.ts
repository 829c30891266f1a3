/**
 * The checks every chart test makes, offline: the spec validates against the Vega-Lite JSON
 * schema installed with vega-lite (ajv, draft-07), compiles with vega-lite, and renders to SVG
 * with vega in Node (no canvas: the "none" renderer, then `toSVG`).
 */
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { expect } from "vitest";
import { compile } from "vega-lite";
import { parse, View } from "vega";
import type { ChartSpec } from "../../src/charts/index.ts";

const vegaLite = (file: string): string => readFileSync(new URL(`../../node_modules/vega-lite/${file}`, import.meta.url), "utf8");
const schema = JSON.parse(vegaLite("build/vega-lite-schema.json")) as Record<string, unknown>;
const ajv = new Ajv({ strict: false, validateFormats: false });
const validateSchema = ajv.compile(schema);

/** The schema errors of `spec` (empty when valid). */
export function schemaErrors(spec: unknown): string[] {
  if (validateSchema(spec)) return [];
  return (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}

/** The schema URL of the installed vega-lite major version. */
export const INSTALLED_SCHEMA = `https://vega.github.io/schema/vega-lite/v${(JSON.parse(vegaLite("package.json")) as { version: string }).version.split(".")[0] ?? ""}.json`;

/** The spec compiled by vega-lite and rendered by vega to an SVG string, with the view's description (its container's `aria-label`). */
export async function renderSvg(spec: ChartSpec): Promise<{ svg: string; description: string }> {
  const compiled = compile(spec as never).spec;
  const view = new View(parse(compiled), { renderer: "none" });
  try {
    return { svg: await view.toSVG(), description: view.description() };
  } finally {
    view.finalize();
  }
}

/** How many marks of `markType` (rect, symbol, line, rule, text, area) the SVG holds. */
export function markCount(svg: string, markType: string): number {
  let count = 0;
  // Not a self-closing group (a mark with no item is `<g class="mark-symbol role-mark …"/>`).
  const open = new RegExp(`<g class="mark-${markType} role-mark[^"]*"[^>]*[^/>]>`, "g");
  for (const match of svg.matchAll(open)) {
    const start = (match.index ?? 0) + match[0].length;
    // Marks of one group are its direct children: paths (or text / line elements) up to the group's end.
    const end = svg.indexOf("</g>", start);
    const body = svg.slice(start, end);
    count += (body.match(/<(path|text|line)\b/g) ?? []).length;
  }
  return count;
}

/** Every number and string leaf of `value`, with its path, that is NaN, infinite or undefined. */
export function badLeaves(value: unknown, path = "$"): string[] {
  if (value === undefined) return [path];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => badLeaves(v, `${path}[${String(i)}]`));
  return Object.entries(value).flatMap(([k, v]) => badLeaves(v, `${path}.${k}`));
}

/**
 * The checks every chart passes: schema-valid against the installed Vega-Lite schema, `$schema`
 * naming that major version, no NaN / infinite / undefined leaf, and an SVG rendered by vega
 * that carries each of `texts` (titles, axis titles). Returns the SVG.
 */
export async function checkedSvg(spec: ChartSpec, texts: readonly string[] = []): Promise<string> {
  expect(schemaErrors(spec)).toEqual([]);
  expect(spec.$schema).toBe(INSTALLED_SCHEMA);
  expect(badLeaves(spec)).toEqual([]);
  const { svg, description } = await renderSvg(spec);
  expect(svg.startsWith("<svg")).toBe(true);
  expect(description).toBe(spec.description);
  for (const text of [spec.title, ...texts]) expect(svg).toContain(escapeXml(text));
  return svg;
}

/** `text` as vega writes it into SVG. */
function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
