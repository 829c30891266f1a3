// The time in status in the report: the hand-built New York log of test/metrics/time/_statusLog.ts
// (its figures worked out in test/metrics/time/statusTimes.test.ts) and a second ticket, through
// report(), the gates beside `wait.*`, the text rendering and the CSV rows.
import { describe, expect, it } from "vitest";
import { evaluateGates, parseGate } from "../../src/cli/gates.ts";
import type { CliDocument } from "../../src/cli/document.ts";
import { documentBlocks } from "../../src/cli/sections.ts";
import { renderText } from "../../src/cli/render/text.ts";
import { report, toRows, type ReportOptions } from "../../src/report/index.ts";
import type { Ticket } from "../../src/models/index.ts";
import { cli, FULL, json } from "../cli/_run.ts";
import { H, LOG, NEW_YORK, s, z } from "../metrics/time/_statusLog.ts";

// Mon 2026-03-09 (EDT, open 13:00–21:00Z): new 13–14, open 14–15, pending 15–16, on hold 16–18,
// solved at 18:00. Calendar = business: agent work 2 h, agent wait 1 h, on hold 2 h.
const SHORT: Ticket = {
  id: "short",
  createdAt: z("2026-03-09T13:00:00"),
  status: "solved",
  channel: "chat",
  statusHistory: [
    s("2026-03-09T14:00:00", "open"),
    s("2026-03-09T15:00:00", "pending"),
    s("2026-03-09T16:00:00", "on_hold"),
    s("2026-03-09T18:00:00", "solved"),
  ],
};
const UNRESOLVED: Ticket = {
  id: "open",
  createdAt: z("2026-03-10T13:00:00"),
  status: "open",
  statusHistory: [s("2026-03-10T14:00:00", "open")],
};
const NO_HISTORY: Ticket = { id: "plain", createdAt: z("2026-03-10T13:00:00"), status: "solved", solvedAt: z("2026-03-10T15:00:00") };
const TICKETS = [{ ...LOG, channel: "email" }, SHORT, UNRESOLVED, NO_HISTORY];
const OPTIONS: ReportOptions = {
  asOf: z("2026-03-31T00:00:00"),
  timeZone: "America/New_York",
  schedule: NEW_YORK,
  segments: [["channel"]],
};

describe("report: time in status", () => {
  const r = report({ tickets: TICKETS }, OPTIONS);

  it("medians of the two measured tickets, calendar and business; the others skipped and counted", () => {
    const t = r.time;
    // Medians of two values are their means. The log: agent work 21.5 h (business 7.5 h), agent
    // wait 18 h (1 h), on hold 30 h (3 h); the short ticket 2 h, 1 h, 2 h in both clocks.
    expect([t.agentWork.calendar?.median, t.agentWork.business?.median]).toEqual([11.75 * H, 4.75 * H]);
    expect([t.agentWait.calendar?.median, t.agentWait.business?.median]).toEqual([9.5 * H, 1 * H]);
    expect([t.onHold.calendar?.median, t.onHold.business?.median]).toEqual([16 * H, 2.5 * H]);
    expect(t.agentWork.calendar?.count).toBe(2);
    expect(t.agentWork.sources).toEqual({ messages: 0, fields: 2, helpdesk: 0 });
    const skips = { noSolveTime: 0, noStatusHistory: 1, unresolved: 1 };
    expect(t.agentWork.skipped).toEqual(skips);
    expect(r.skipped.agentWork).toEqual(skips);
    expect(r.skipped.onHold).toEqual(skips);
  });

  it("gates agentWork.*, agentWait.*, onHold.* beside wait.*, with frt's statistics, also per segment", () => {
    const doc = { report: r, input: {} };
    const results = evaluateGates(
      [
        "agentWork.median <= 12h",
        "agentWait.median < 9h",
        "onHold.business.median == 2.5h",
        "onHold.count == 2",
        "agentWork.max == 21.5h",
        "agentWait.p90[channel=chat] == 1h",
      ].map((text) => parseGate({ text, kind: "gate", source: "--gate" }, [["channel"]])),
      doc,
      false,
    );
    expect(results.map((g) => [g.gate, g.status, g.actual])).toEqual([
      ["agentWork.median <= 12h", "pass", 11.75 * H],
      ["agentWait.median < 9h", "fail", 9.5 * H],
      ["onHold.business.median == 2.5h", "pass", 2.5 * H],
      ["onHold.count == 2", "pass", 2],
      ["agentWork.max == 21.5h", "pass", 21.5 * H],
      ["agentWait.p90[channel=chat] == 1h", "pass", 1 * H],
    ]);
  });

  it("the text rendering lists them with the requester wait; the segment rows carry their medians", async () => {
    // The document of a real run (its input section), holding this report.
    const run = json(await cli([...FULL, "--format", "json", "-q"])) as CliDocument;
    const text = renderText(documentBlocks({ ...run, report: r, absent: [] }));
    for (const label of ["Requester wait", "Agent work", "Agent wait", "On hold"]) expect(text).toContain(label);
    const rows = toRows(r, "segments");
    expect(rows.map((row) => [row.segment, row.agent_work_median_ms, row.agent_wait_median_ms, row.on_hold_median_ms])).toEqual([
      // Most tickets first: the two without a channel (neither measured), then by key.
      ["(none)", null, null, null],
      ["chat", 2 * H, 1 * H, 2 * H],
      ["email", 21.5 * H, 18 * H, 30 * H],
    ]);
  });
});
