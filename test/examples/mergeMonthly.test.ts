// examples/ci/merge-monthly.yml, run here step by step: its split script writes each month of
// the matrix, its "Partial report" command writes each month's partial, its "Year report"
// command merges them; the merged report is the whole export's (apart from the file list and
// per-file record numbers), with the same gates and exit code.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repo, tempDir } from "../cli/_run.ts";

const WORKFLOW = readFileSync(repo("examples/ci/merge-monthly.yml"), "utf8");

/** The value of a top-level `env` entry of the workflow. */
function env(name: string): string {
  const m = new RegExp(`^  ${name}: "?([^"\\n]+)"?$`, "m").exec(WORKFLOW);
  if (m === null) throw new Error(`merge-monthly.yml: no env ${name}`);
  return m[1] as string;
}

/** The shell command of the step named `step` (the first command of its `run` block, continuations joined). */
function command(step: string): string {
  const start = WORKFLOW.indexOf(`- name: ${step}\n`);
  expect(start).toBeGreaterThan(0);
  const lines = (WORKFLOW.slice(start).split("run: |\n")[1] as string).split("\n");
  const indent = /^ */.exec(lines[0] as string)?.[0] ?? "";
  const taken: string[] = [];
  for (const line of lines) {
    if (!line.startsWith(indent) || line.trim() === "") break;
    taken.push(line);
  }
  const joined = taken.join("\n").replace(/\\\n\s*/g, "");
  return (joined.split("\n").find((l) => l.includes("node ")) as string).trim();
}

/** The words of a command with the workflow's variables replaced and quotes removed. */
function words(cmd: string, month: string): string[] {
  const vars: Record<string, string> = { YEAR: env("YEAR"), TIME_ZONE: env("TIME_ZONE"), AS_OF: env("AS_OF") };
  const text = cmd.replaceAll("${{ matrix.month }}", month).replace(/\$([A-Z_]+)/g, (_, name: string) => vars[name] ?? `$${name}`);
  return (text.match(/"[^"]*"|\S+/g) ?? []).map((w) => w.replace(/^"|"$/g, ""));
}

describe("examples/ci/merge-monthly.yml", () => {
  it("its matrix of months, partials and merge give the whole export's report and exit code", async () => {
    const dir = tempDir();
    const months = JSON.parse(`[${/month: \[(.*)\]/.exec(WORKFLOW)?.[1] ?? ""}]`) as string[];
    expect(months).toHaveLength(12);
    const split = words(command("Export of the month"), "01");
    const partial = words(command("Partial report"), "01");
    const merge = words(command("Year report"), "01");
    expect(partial.slice(0, 3)).toEqual(["node", "dist/cli.js", "report"]);
    expect(merge.slice(0, 3)).toEqual(["node", "dist/cli.js", "merge"]);
    let used = 0;
    for (const month of months) {
      const monthDir = join(dir, month);
      const s = words(command("Export of the month"), month);
      const r = spawnSync(process.execPath, [repo(s[1] as string), s[2] as string, monthDir, ...s.slice(4).map((p) => repo(p))], {
        encoding: "utf8",
      });
      expect(r.status).toBe(0);
      const args = words(command("Partial report"), month)
        .slice(2)
        .map((w) =>
          w.startsWith("month/")
            ? join(monthDir, w.slice(6))
            : /^(partial|rejects)-/.test(w)
              ? join(dir, w)
              : w.startsWith("examples/")
                ? repo(w)
                : w,
        );
      const run = await cli(args);
      expect(run.code).toBe(0);
      used += JSON.parse(readFileSync(join(dir, `partial-${env("YEAR")}-${month}.json`), "utf8")).input.tickets.used as number;
    }
    expect(used).toBe(394);
    expect(split[split.length - 1]).toBe("examples/data/responses.csv");
    const partials = readdirSync(dir)
      .filter((f) => /^partial-.*\.json$/.test(f))
      .sort()
      .map((f) => join(dir, f));
    expect(partials).toHaveLength(12);
    const mergeArgs = merge.slice(2).flatMap((w) => (w === "partials/partial-*.json" ? partials : [w]));
    const options = mergeArgs.slice(mergeArgs.indexOf("--gate"), mergeArgs.indexOf("--format"));
    const merged = await cli([...mergeArgs.slice(0, mergeArgs.indexOf("--format")), "--format", "json", "-q"]);
    const wholeArgs = words(command("Partial report"), "01")
      .slice(2)
      .filter((w, i, all) => !/^(--partial|--rejects)$/.test(w) && !/^(--partial|--rejects)$/.test(all[i - 1] ?? ""))
      .map((w) => (w.startsWith("month/") ? repo(`examples/data/${w.slice(6)}`) : w.startsWith("examples/") ? repo(w) : w));
    const whole = await cli([...wholeArgs, ...options, "--format", "json", "-q"]);
    // The example export misses a target (exit 1): the merge says so as the whole run does.
    expect(merged.code).toBe(1);
    expect(merged.code).toBe(whole.code);
    const strip = (text: string): string =>
      JSON.stringify(JSON.parse(text, (key, value: unknown) => (["path", "record", "line", "records"].includes(key) ? undefined : value)));
    expect(strip(merged.stdout)).toBe(strip(whole.stdout));
    expect(JSON.parse(merged.stdout).gates).toHaveLength(5);
  });
});
