// A damaged partial never crashes merge: one value anywhere in the file replaced by random JSON
// (or removed) gives a report (exit 0 or 1: the damage fell where nothing is checked, such as a
// description text) or a clear error (exit 2), never an internal error (exit 3).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { beforeAll, describe, expect } from "vitest";
import { cli, DATA, tempDir } from "./_run.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in `value` (object keys and array indexes), the root excluded. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.slice(0, 6).forEach((v, i) => (out.push([...prefix, i]), paths(v, [...prefix, i], out)));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      paths(v, [...prefix, k], out);
    }
  return out;
}

/** A copy of `doc` with the value at `path` replaced by `by` (removed when `by` is undefined). */
function damaged(doc: Json, path: readonly (string | number)[], by: Json | undefined): Json {
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let at: Record<string | number, Json> = copy;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (by === undefined && !Array.isArray(at)) delete at[last];
  else at[last] = by ?? null;
  return copy as Json;
}

describe("merge of a damaged partial", () => {
  let doc: Json = null;
  // The state's paths, and the rest's (far fewer): each drawn half of the time.
  let groups: (string | number)[][][] = [];
  const dir = tempDir();
  beforeAll(async () => {
    const path = join(dir, "good.json");
    const r = await cli([
      "report",
      DATA.tickets,
      "--responses",
      DATA.responses,
      "--as-of",
      "2026-12-01T00:00:00Z",
      "--by",
      "channel",
      "--partial",
      path,
      "-q",
    ]);
    expect(r.code).toBe(0);
    doc = JSON.parse(readFileSync(path, "utf8")) as Json;
    const all = paths(doc);
    groups = [all.filter((p) => p[0] === "state"), all.filter((p) => p[0] !== "state")];
  });

  test.prop([fc.boolean(), fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })], { numRuns: 80 })(
    "gives a report or a clear error, never an internal error",
    async (inState, pick, by) => {
      const group = groups[inState ? 0 : 1] as (string | number)[][];
      const path = group[pick % group.length] as (string | number)[];
      const file = join(dir, "bad.json");
      writeFileSync(file, JSON.stringify(damaged(doc, path, by as Json | undefined)));
      const r = await cli(["merge", file, "--format", "json", "-q"]);
      expect(r.stderr).not.toMatch(/internal error/);
      expect([0, 1, 2]).toContain(r.code);
    },
  );
});
