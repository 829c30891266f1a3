import { describe, expect, it } from "vitest";
import {
  assignmentTime,
  firstResponseTime,
  firstResponseTimeAccumulator,
  firstResponseTimes,
  requesterWaitTime,
  resolutionTime,
  resolutionTimeAccumulator,
} from "../../../src/index.ts";
import { reconcile, reconciliationFromJSON, reconciliationState, reconciliationToJSON } from "../../../src/metrics/time/reconciliation.ts";
import { roundTrip } from "../../_support/accumulators.ts";
import { errorCodeOf } from "../../_support/errors.ts";
import { at, HOUR, MINUTE, OFFICE, ticket } from "./_fixtures.ts";

// Zendesk's ticket export carries "First reply time in minutes" but no first-reply instant
// (https://support.zendesk.com/hc/en-us/articles/4408886165402, "Exporting ticket data":
// the CSV columns; the metric definitions in https://support.zendesk.com/hc/en-us/articles/4408821871642).
describe("helpdesk-computed durations as a source", () => {
  it("first response: the helpdesk's minutes stand in when the ticket has no reply instant and no messages", () => {
    const r = firstResponseTime(ticket("1", { helpdesk: { firstReply: 45 * MINUTE } }));
    expect(r).toEqual({ kind: "measured", ms: 45 * MINUTE, start: at(0), end: at(45), source: "helpdesk" });
    // The timestamps win when they exist.
    expect(firstResponseTime(ticket("2", { firstResponseAt: at(30), helpdesk: { firstReply: 45 * MINUTE } }))).toMatchObject({
      ms: 30 * MINUTE,
      source: "fields",
    });
    // Without either the ticket is unanswered, as before.
    expect(firstResponseTime(ticket("3", { helpdesk: { firstResolution: HOUR } }))).toEqual({ kind: "skipped", reason: "unanswered" });
  });

  it("with a schedule the helpdesk's interval is measured in that schedule's open hours (Mon–Fri 09–17 UTC)", () => {
    // Created Friday 16:00, replied 18 h later (Saturday 10:00): one open hour, Friday 16–17.
    const friday = new Date(Date.UTC(2024, 0, 5, 16));
    const r = firstResponseTime({ id: "f", createdAt: friday, status: "open", helpdesk: { firstReply: 18 * HOUR } }, { schedule: OFFICE });
    expect(r).toMatchObject({ kind: "measured", ms: HOUR, source: "helpdesk" });
  });

  it("resolution: fullResolution for solved tickets without solvedAt, firstResolution for the first solve", () => {
    const solved = ticket("1", { status: "solved", helpdesk: { firstResolution: 2 * HOUR, fullResolution: 5 * HOUR } });
    expect(resolutionTime(solved)).toMatchObject({ kind: "measured", ms: 5 * HOUR, source: "helpdesk" });
    expect(resolutionTime(solved, { until: "first" })).toMatchObject({ kind: "measured", ms: 2 * HOUR, source: "helpdesk" });
    // An open ticket is unresolved whatever the helpdesk says of an earlier solve…
    const reopened = ticket("2", { status: "open", helpdesk: { firstResolution: 2 * HOUR, fullResolution: 5 * HOUR } });
    expect(resolutionTime(reopened)).toEqual({ kind: "skipped", reason: "unresolved" });
    // …but its first solve happened.
    expect(resolutionTime(reopened, { until: "first" })).toMatchObject({ ms: 2 * HOUR, source: "helpdesk" });
    // A solved ticket with neither solvedAt nor a helpdesk value has no solve time.
    expect(resolutionTime(ticket("3", { status: "solved" }))).toEqual({ kind: "skipped", reason: "noSolveTime" });
  });

  it("assignment and requester wait", () => {
    expect(assignmentTime(ticket("1", { helpdesk: { assignment: 10 * MINUTE } }))).toMatchObject({ ms: 10 * MINUTE, source: "helpdesk" });
    const t = ticket("2", { status: "solved", solvedAt: at(600), helpdesk: { requesterWait: 3 * HOUR, requesterWaitBusiness: 2 * HOUR } });
    expect(requesterWaitTime(t)).toMatchObject({ ms: 3 * HOUR, source: "helpdesk" });
    expect(requesterWaitTime(t, { schedule: OFFICE })).toMatchObject({ ms: 2 * HOUR, source: "helpdesk" });
    // A business value alone is not used: the calendar and business summaries hold the same tickets.
    const businessOnly = ticket("3", { status: "solved", solvedAt: at(600), helpdesk: { requesterWaitBusiness: 2 * HOUR } });
    expect(requesterWaitTime(businessOnly, { schedule: OFFICE })).toEqual({ kind: "skipped", reason: "noStatusHistory" });
  });

  it("the array function counts the sources apart", () => {
    const r = firstResponseTimes([
      ticket("1", { firstResponseAt: at(10) }),
      ticket("2", { helpdesk: { firstReply: 20 * MINUTE } }),
      ticket("3"),
    ]);
    expect(Array.from(r.values)).toEqual([10 * MINUTE, 20 * MINUTE]);
    expect(r.sources).toEqual({ messages: 0, fields: 1, helpdesk: 1 });
    expect(r.skipped).toEqual({ unanswered: 1, noCustomerMessage: 0 });
  });

  it("the accumulator states each figure's source: timestamps, helpdesk or both", () => {
    const acc = firstResponseTimeAccumulator();
    const only = (tickets: Parameters<typeof acc.add>[1][]): ReturnType<typeof acc.result> => {
      const s = acc.create();
      for (const t of tickets) acc.add(s, t);
      return acc.result(s);
    };
    expect(only([ticket("1", { firstResponseAt: at(10) })]).source).toBe("timestamps");
    expect(only([ticket("1", { helpdesk: { firstReply: MINUTE } })]).source).toBe("helpdesk");
    expect(only([ticket("1", { firstResponseAt: at(10) }), ticket("2", { helpdesk: { firstReply: MINUTE } })]).source).toBe("both");
    expect(only([ticket("1")]).source).toBeUndefined();
  });
});

describe("reconciliation: timestamps against the helpdesk's own figures", () => {
  // 10 solved tickets with solvedAt and the helpdesk's full resolution minutes; 7 agree (3 to
  // the minute, 4 within the minute Zendesk rounds to), 3 do not (tickets d, g and j).
  const rows: [id: string, minutes: number, exported: number][] = [
    ["a", 60, 60],
    ["b", 90, 90],
    ["c", 120, 120],
    ["d", 30, 75], // +45 min
    ["e", 45, 45.5],
    ["f", 200, 199.5],
    ["g", 300, 180], // −120 min
    ["h", 15, 15.9],
    ["i", 10, 9.2],
    ["j", 480, 500], // +20 min
  ];
  const tickets = rows.map(([id, minutes, exported]) =>
    ticket(id, { status: "solved", solvedAt: at(minutes), helpdesk: { fullResolution: exported * MINUTE } }),
  );

  it("names the 3 tickets that disagree, largest difference first, and the median difference", () => {
    const acc = resolutionTimeAccumulator();
    const s = acc.create();
    for (const t of tickets) acc.add(s, t);
    const r = acc.result(s);
    expect(r.sources).toEqual({ messages: 0, fields: 10, helpdesk: 0 });
    expect(r.source).toBe("timestamps");
    expect(r.reconciliation).toEqual({
      compared: 10,
      agreeing: 7,
      // Differences in minutes, sorted: −120, −0.8, −0.5, 0, 0, 0, 0.5, 0.9, 20, 45 → median (0 + 0) / 2.
      medianDifference: 0,
      largest: [
        { id: "g", timestamps: 300 * MINUTE, helpdesk: 180 * MINUTE, difference: -120 * MINUTE },
        { id: "d", timestamps: 30 * MINUTE, helpdesk: 75 * MINUTE, difference: 45 * MINUTE },
        { id: "j", timestamps: 480 * MINUTE, helpdesk: 500 * MINUTE, difference: 20 * MINUTE },
      ],
    });
    // Split, through JSON, merged: the same.
    const parts = [tickets.slice(0, 4), tickets.slice(4)].map((part) => {
      const p = acc.create();
      for (const t of part) acc.add(p, t);
      return roundTrip(acc, p);
    });
    expect(acc.result(acc.merge(parts[0] as typeof s, parts[1] as typeof s))).toEqual(r);
  });

  it("a ticket measured from the helpdesk alone is not compared with itself", () => {
    const acc = resolutionTimeAccumulator();
    const s = acc.create();
    acc.add(s, ticket("x", { status: "solved", helpdesk: { fullResolution: HOUR } }));
    expect(acc.result(s).reconciliation).toBeUndefined();
    expect(acc.result(s).source).toBe("helpdesk");
  });

  it("keeps at most five tickets, ordered by absolute difference then id", () => {
    const s = reconciliationState();
    for (let i = 0; i < 9; i++) reconcile(s, `t${String(i)}`, 0, (i % 3) * HOUR + HOUR);
    const back = reconciliationFromJSON(JSON.parse(JSON.stringify(reconciliationToJSON(s))));
    expect(back.largest.map((t) => t.id)).toEqual(["t2", "t5", "t8", "t1", "t4"]);
  });

  it("refuses a state whose largest entries do not add up (E_STATE_FORMAT)", () => {
    const json = {
      kind: "reconciliation",
      v: 1,
      diffs: [60_000],
      agreeing: 0,
      largest: [{ id: "a", timestamps: 0, helpdesk: 1, difference: 2 }],
    };
    expect(errorCodeOf(() => reconciliationFromJSON(json))).toBe("E_STATE_FORMAT");
  });
});
