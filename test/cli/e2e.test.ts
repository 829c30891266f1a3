// End to end: the real executable in a child process (node --import tsx src/cli/main.ts).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repo } from "./_run.ts";

function exec(args: readonly string[], stdin?: Buffer): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", repo("src/cli/main.ts"), ...args], {
      cwd: repo("."),
      env: { ...process.env, TZ: "Pacific/Kiritimati" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("cx-metrics as a process", () => {
  it("exit 0: JSON on stdout (not a terminal), summary on stderr, whatever the host TZ", async () => {
    const r = await exec(["report", "examples/data/tickets.csv", "--timezone", "Europe/Bucharest", "--gate", "tickets >= 394"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      version: number;
      input: { tickets: { read: number } };
      report: { peaks: { busiestHour: { hour: number } } };
    };
    expect(doc.version).toBe(1);
    expect(doc.input.tickets.read).toBe(396);
    expect(doc.report.peaks.busiestHour.hour).toBe(14);
    expect(r.stderr).toContain("rows read 396, used 394, rejected 2");
  });

  it("exit 1 on a failed gate, 2 on bad input, and stdin works", async () => {
    const failed = await exec(["report", "examples/data/tickets.csv", "--fail-if", "backlog > 10", "-q"]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("FAIL    backlog > 10");
    const bad = await exec(["report", "examples/data/tickets.csv", "--preset", "freshdesk-csv", "--timezone", "UTC"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("does not fit the freshdesk-csv preset");
    const piped = await exec(["report", "-", "--format", "markdown", "-q"], readFileSync(repo("examples/data/tickets.csv")));
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith("# cx-metrics report")).toBe(true);
  });

  it("a reader that stops early (| head) costs no stack trace and no gate-failure exit code", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        repo("src/cli/main.ts"),
        "report",
        "examples/data/tickets.csv",
        "--timezone",
        "UTC",
        "--by",
        "channel,assignee,type",
        "--format",
        "json",
        "-q",
      ],
      {
        cwd: repo("."),
      },
    );
    let stderr = "";
    let first = 0;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    // Take the first chunk, then close the pipe as `head -c` does; the report is larger than a pipe's buffer.
    child.stdout.once("data", (chunk: Buffer) => {
      first = chunk.length;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(first).toBeGreaterThan(0);
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });

  it("report --partial from standard input and to standard output, then merge: the whole run's figures, exit 1 on a failed gate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cx-e2e-"));
    const lines = readFileSync(repo("examples/data/tickets.csv"), "utf8").split("\n");
    const [header] = lines;
    const halves = [lines.slice(1, 200), lines.slice(200)].map((part) => Buffer.from(`${header as string}\n${part.join("\n")}`));
    const options = ["--timezone", "Europe/Bucharest", "--as-of", "2026-12-01T00:00:00Z", "--by", "channel", "-q"];
    const partials: string[] = [];
    for (const [i, half] of halves.entries()) {
      const r = await exec(["report", "-", "--input-format", "csv", ...options, "--partial", "-"], half);
      expect(r.code).toBe(0);
      const path = join(dir, `part${String(i)}.json`);
      writeFileSync(path, r.stdout);
      partials.push(path);
    }
    const merged = await exec(["merge", ...partials, "-q", "--format", "json", "--gate", "tickets >= 394", "--fail-if", "backlog > 10"]);
    const whole = await exec([
      "report",
      "examples/data/tickets.csv",
      ...options,
      "--format",
      "json",
      "--gate",
      "tickets >= 394",
      "--fail-if",
      "backlog > 10",
    ]);
    expect(merged.code).toBe(1);
    expect(whole.code).toBe(1);
    const report = (r: { stdout: string }): unknown => (JSON.parse(r.stdout) as { report: unknown }).report;
    expect(report(merged)).toEqual(report(whole));
    expect(merged.stderr).toBe(whole.stderr);
  });

  it("--version prints the package version", async () => {
    const r = await exec(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync(repo("package.json"), "utf8")) as { version: string }).version);
  });
});
