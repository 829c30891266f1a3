// Gates: the expression grammar, the aliases, evaluation, and their exit codes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { GateArg } from "../../src/cli/args.ts";
import { GATE_ALIASES } from "../../src/cli/gateAliases.ts";
import { evaluateGates, parseGate, readPath, splitPath } from "../../src/cli/gates.ts";
import { cli, DATA, FULL, json, repo } from "./_run.ts";
import { cliCodeOf as code } from "../_support/errors.ts";

const gate = (text: string, kind: GateArg["kind"] = "gate"): GateArg => ({ text, kind, source: "--gate" });

describe("parseGate", () => {
  it("reads aliases with numbers, percentages and durations in the report's units", () => {
    expect(parseGate(gate("nps >= 30"))).toMatchObject({
      path: ["report", "survey", "nps", "score"],
      op: ">=",
      target: 30,
      valueKind: "points",
    });
    expect(parseGate(gate("csat >= 80%")).target).toBeCloseTo(0.8, 12);
    expect(parseGate(gate("csat>=0.8")).target).toBe(0.8);
    expect(parseGate(gate("frt.median <= 4h")).target).toBe(14_400_000);
    expect(parseGate(gate("frt.p90 < 1h30m")).target).toBe(5_400_000);
    expect(parseGate(gate("sla.firstResponse.compliance >= 0.9")).path).toEqual([
      "report",
      "sla",
      "byMetric",
      "firstResponse",
      "compliance",
    ]);
    expect(parseGate(gate("rejected == 0")).path).toEqual(["input", "tickets", "rejected"]);
  });

  it("reads raw paths into the report and the input section", () => {
    expect(parseGate(gate("counts.backlog.unresolved < 60")).path).toEqual(["report", "counts", "backlog", "unresolved"]);
    expect(parseGate(gate("report.tickets > 1")).path).toEqual(["report", "tickets"]);
    expect(parseGate(gate("input.tickets.blankLines == 0")).path).toEqual(["input", "tickets", "blankLines"]);
    expect(splitPath("sla.byChannel[channel=email].compliance", "x")).toEqual([
      "sla",
      "byChannel",
      { key: "channel", equals: "email" },
      "compliance",
    ]);
    expect(splitPath('segments[0].segments["a b"].tickets', "x")).toEqual(["segments", "0", "segments", "a b", "tickets"]);
  });

  it("scopes an alias to a segment requested with --by (agent = assignee)", () => {
    const g = parseGate(gate("frt.median[agent=Ana Popescu] <= 2h"), [["assignee"]]);
    expect(g.path).toEqual([
      "report",
      "segments",
      { key: "dimensions", equals: "assignee" },
      "segments",
      { key: "key", equals: "Ana Popescu" },
      "time",
      "firstResponse",
      "calendar",
      "median",
    ]);
    expect(code(() => parseGate(gate("frt.median[channel=email] <= 2h"), [["assignee"]]))).toBe("E_CLI_GATE_PATH");
  });

  it("E_CLI_GATE_SYNTAX: not <metric> <op> <value>, or a bad path", () => {
    expect(code(() => parseGate(gate("nps at least 30")))).toBe("E_CLI_GATE_SYNTAX");
    expect(code(() => parseGate(gate("counts..backlog > 1")))).toBe("E_CLI_GATE_SYNTAX");
  });

  it("E_CLI_GATE_PATH: an unknown name that is not a path", () => {
    expect(code(() => parseGate(gate("happiness > 1")))).toBe("E_CLI_GATE_PATH");
  });

  it("E_CLI_GATE_VALUE: a value that does not fit the metric", () => {
    expect(code(() => parseGate(gate("frt.median <= 4")))).toBe("E_CLI_GATE_VALUE"); // a duration needs a unit
    expect(code(() => parseGate(gate("csat >= 80")))).toBe("E_CLI_GATE_VALUE"); // a rate is 0..1 or %
    expect(code(() => parseGate(gate("nps >= 30%")))).toBe("E_CLI_GATE_VALUE"); // NPS is in points
    expect(code(() => parseGate(gate("tickets > 4h")))).toBe("E_CLI_GATE_VALUE");
    expect(code(() => parseGate(gate("tickets > lots")))).toBe("E_CLI_GATE_VALUE");
  });
});

describe("evaluateGates", () => {
  const doc = { report: { tickets: 10, survey: { nps: null }, counts: { backlog: { count: 3 } }, sla: null, list: [1] }, input: {} };

  it("passes, fails, and fails on no data unless allowed", () => {
    const gates = ["tickets >= 10", "tickets > 10", "nps >= 30", "sla.compliance >= 90%", "counts.backlog.count != 3"].map((t) =>
      parseGate(gate(t)),
    );
    expect(evaluateGates(gates, doc, false).map((r) => r.status)).toEqual(["pass", "fail", "missing", "missing", "fail"]);
    expect(evaluateGates(gates, doc, true).map((r) => r.status)).toEqual(["pass", "fail", "skipped", "skipped", "fail"]);
    expect(evaluateGates([parseGate(gate("sla.compliance >= 90%"))], doc, false)[0]?.message).toMatch(/no data \(it needs --sla\)/);
  });

  it("--fail-if fails when its condition holds", () => {
    const [held, notHeld] = evaluateGates(
      [parseGate(gate("backlog > 2", "fail-if")), parseGate(gate("backlog > 5", "fail-if"))],
      doc,
      false,
    );
    expect([held?.status, notHeld?.status]).toEqual(["fail", "pass"]);
  });

  it("E_CLI_GATE_PATH at evaluation: a path to something that is not a number", () => {
    expect(code(() => evaluateGates([parseGate(gate("report.list > 1"))], doc, false))).toBe("E_CLI_GATE_PATH");
  });

  it("reads own properties only (no prototype keys)", () => {
    expect(readPath({}, ["constructor"])).toBeUndefined();
    expect(readPath({}, ["__proto__"])).toBeUndefined();
    expect(readPath({ a: [{ k: "x", v: 1 }] }, ["a", { key: "k", equals: "x" }, "v"])).toBe(1);
  });
});

describe("aliases against a real report", () => {
  it("every alias reads a number in the full example report (requester wait and the time in status have no status history: null)", async () => {
    const r = await cli([...FULL, "--value-per-customer", "243", "--format", "json", "-q"]);
    expect(r.code).toBe(0);
    const doc = json(r);
    const notNumbers = GATE_ALIASES.filter((a) => typeof readPath(doc, [a.root, ...a.path]) !== "number").map((a) => a.name);
    const bounds = ["median", "p90", "p95"].flatMap((q) => [`${q}.lower`, `${q}.upper`]);
    const stats = ["median", "mean", "p90", "p95", "min", "max", "count", ...bounds];
    // Kaplan–Meier quantiles past the curve's reach (52 of 394 tickets still open at --as-of, censored): not reached, null.
    const notReached = ["resolution.km.p90.upper", "resolution.km.p95", "resolution.km.p95.upper"];
    const notReachedBusiness = ["resolution.business.km.p90.upper", "resolution.business.km.p95", "resolution.business.km.p95.lower"];
    expect(notNumbers).toEqual([
      ...stats.map((s) => `wait.${s}`),
      ...stats.map((s) => `wait.business.${s}`),
      ...["agentWork", "agentWait", "onHold"].flatMap((n) => [...stats.map((s) => `${n}.${s}`), ...stats.map((s) => `${n}.business.${s}`)]),
      ...notReached,
      ...notReachedBusiness,
      "resolution.business.km.p95.upper",
    ]);
    // Spot checks against the same document.
    expect(readPath(doc, ["report", "survey", "nps", "score"])).toBeCloseTo(29.82456, 4);
    expect(readPath(doc, ["input", "tickets", "rejected"])).toBe(2);
  });

  it("docs/guide/cli.md documents every alias", () => {
    const docs = readFileSync(repo("docs/guide/cli.md"), "utf8");
    const missing = GATE_ALIASES.filter((a) => !a.name.includes(".business.") && !docs.includes(`\`${a.name}\``)).map((a) => a.name);
    expect(missing).toEqual([]);
  });
});

describe("gates through the command (exit codes)", () => {
  const base = ["report", DATA.tickets, "--responses", DATA.responses, "--format", "json", "-q"];

  it("exit 0 when every gate passes; each result is in the JSON", async () => {
    const r = await cli([...base, "--gate", "nps >= 25", "--gate", "frt.median <= 1h", "--fail-if", "backlog > 60"]);
    expect(r.code).toBe(0);
    expect(json(r).gates.map((g: { status: string }) => g.status)).toEqual(["pass", "pass", "pass"]);
    expect(json(r).exitCode).toBe(0);
    expect(r.stderr).toMatch(/PASS {4}nps >= 25: nps = 29\.8; target >= 25/);
  });

  it("exit 1 when a gate fails, naming the actual value", async () => {
    const r = await cli([...base, "--gate", "nps >= 30", "--gate", "csat >= 80%"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("FAIL    nps >= 30: nps = 29.8; target >= 30");
    expect(r.stderr).toContain("FAIL    csat >= 80%: csat = 71.6%; target >= 80.0%");
    expect(r.stderr).toContain("gates: 2 of 2 failed");
  });

  it("a gate on a metric with no data fails (exit 1) unless --allow-missing (exit 0)", async () => {
    const missing = await cli([...base, "--gate", "sla.compliance >= 90%"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/MISSING sla\.compliance >= 90%: sla\.compliance has no data \(it needs --sla\)/);
    const allowed = await cli([...base, "--gate", "sla.compliance >= 90%", "--allow-missing"]);
    expect(allowed.code).toBe(0);
    expect(json(allowed).gates[0].status).toBe("skipped");
  });

  it("scoped gates and gates from a file", async () => {
    const scoped = await cli([
      ...base,
      "--by",
      "channel",
      "--gate",
      "frt.median[channel=chat] <= 5m",
      "--gate",
      "frt.median[channel=email] <= 1h",
    ]);
    expect(scoped.code).toBe(1);
    expect(json(scoped).gates.map((g: { status: string }) => g.status)).toEqual(["pass", "fail"]);
    const file = await cli([
      "report",
      repo("test/fixtures/cli/clean.csv"),
      "--gates",
      repo("test/fixtures/cli/gates.json"),
      "--format",
      "json",
      "-q",
    ]);
    expect(file.code).toBe(0);
    expect(json(file).gates.map((g: { gate: string; kind: string }) => `${g.kind} ${g.gate}`)).toEqual([
      "gate tickets >= 3",
      "gate frt.median <= 30m",
      "fail-if resolution.rate < 50%",
    ]);
  });

  it("exit 2 for a bad gate, before reading anything", async () => {
    const r = await cli([...base, "--gate", "frt.median <= 4"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("a duration needs a unit");
    expect(r.stdout).toBe("");
  });

  it("gate results appear in every format", async () => {
    for (const format of ["table", "markdown", "csv"]) {
      const args = ["report", DATA.tickets, "--format", format, "-q", "--gate", "tickets >= 394"];
      const r = await cli(format === "csv" ? [...args, "--table", "gates"] : args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("tickets >= 394");
    }
  });
});
