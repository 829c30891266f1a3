/**
 * The tickets table on hand-built tickets, every figure worked out by hand below (business hours
 * Monday–Friday 09:00–17:00 UTC; asOf Monday 2026-01-12 12:00 UTC).
 */
import { describe, expect, it } from "vitest";
import type { Schedule, SlaPolicy, Ticket } from "../../src/models/index.ts";
import { report, ticketRowMaker, ticketRows } from "../../src/report/index.ts";
import { errorCodeOf } from "../_support/errors.ts";

const day = [["09:00", "17:00"]] as const;
const schedule: Schedule = { timeZone: "UTC", weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } };
const slaPolicy: SlaPolicy = { name: "1h", targets: [{ metric: "firstResponse", within: { hours: 1 }, hours: "business" }] };
const asOf = new Date("2026-01-12T12:00:00Z");
const at = (iso: string): Date => new Date(iso);

const tickets: Ticket[] = [
  // Mon 09:00 → reply 09:30 (30 min), assigned 09:05 (5 min), solved 11:00 (2 h), one reply, never reopened.
  {
    id: "t1",
    createdAt: at("2026-01-05T09:00:00Z"),
    status: "solved",
    channel: "email",
    requesterId: "c1",
    assignedAt: at("2026-01-05T09:05:00Z"),
    firstResponseAt: at("2026-01-05T09:30:00Z"),
    firstSolvedAt: at("2026-01-05T11:00:00Z"),
    solvedAt: at("2026-01-05T11:00:00Z"),
    replies: 1,
    reopens: 0,
  },
  // Fri 16:00, never answered: the 1 business hour runs out Fri 17:00, breached at asOf.
  { id: "t2", createdAt: at("2026-01-09T16:00:00Z"), status: "open", channel: "chat", requesterId: "c1" },
  // Mon 17:30 (after hours) → reply Tue 09:15: 15 h 45 min calendar, 15 min business (achieved).
  { id: "t3", createdAt: at("2026-01-05T17:30:00Z"), status: "pending", firstResponseAt: at("2026-01-06T09:15:00Z"), reopens: 1 },
  // Created after asOf: not judged by the SLA (notCreated).
  { id: "t4", createdAt: at("2026-01-12T13:00:00Z"), status: "new" },
  // An invalid createdAt: no row, as the report skips it.
  { id: "t5", createdAt: new Date(Number.NaN), status: "new" },
];

describe("ticketRows", () => {
  const rows = ticketRows(tickets, { asOf, schedule, slaPolicy });
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));

  it("gives one row per ticket in scope, in input order", () => {
    expect(rows.map((r) => r.id)).toEqual(["t1", "t2", "t3", "t4"]);
    expect(byId.t1?.created_at).toBe("2026-01-05T09:00:00.000Z");
    expect(byId.t1?.channel).toBe("email");
    expect(byId.t3?.channel).toBeNull();
    expect(byId.t1?.requester_id).toBe("c1");
  });

  it("measures the durations in calendar and business time", () => {
    expect(byId.t1?.first_response_ms).toBe(30 * 60_000);
    expect(byId.t1?.first_response_business_ms).toBe(30 * 60_000);
    expect(byId.t1?.first_response_source).toBe("fields");
    expect(byId.t1?.assignment_ms).toBe(5 * 60_000);
    expect(byId.t1?.resolution_ms).toBe(2 * 3_600_000);
    expect(byId.t1?.resolution_first_ms).toBe(2 * 3_600_000);
    expect(byId.t3?.first_response_ms).toBe(15.75 * 3_600_000);
    expect(byId.t3?.first_response_business_ms).toBe(15 * 60_000);
  });

  it("names why a ticket has no figure", () => {
    expect(byId.t2?.first_response_ms).toBeNull();
    expect(byId.t2?.first_response_skip).toBe("unanswered");
    expect(byId.t2?.resolution_skip).toBe("unresolved");
    expect(byId.t2?.assignment_skip).toBe("unassigned");
    expect(byId.t1?.requester_wait_skip).toBe("noStatusHistory");
    expect(byId.t1?.replies_to_resolve).toBe(1);
    expect(byId.t2?.replies_skip).toBe("unresolved");
    expect(byId.t1?.reopen_skip).toBeNull();
    expect(byId.t3?.reopen_skip).toBeNull(); // reopened once, so solved once
    expect(byId.t3?.reopens).toBe(1);
    expect(byId.t2?.reopen_skip).toBe("noReopenData");
  });

  it("judges the SLA per metric", () => {
    expect([byId.t1?.sla_first_response_achieved, byId.t1?.sla_first_response_breached]).toEqual([1, 0]);
    expect([byId.t2?.sla_first_response_achieved, byId.t2?.sla_first_response_breached]).toEqual([0, 1]);
    expect(byId.t3?.sla_first_response_achieved).toBe(1);
    expect(byId.t1?.sla_resolution_skip).toBe("noTarget");
    expect(byId.t4?.sla_first_response_skip).toBe("notCreated");
    expect(byId.t4?.sla_first_response_achieved).toBe(0);
  });

  it("agrees with the report on the same tickets", () => {
    const r = report({ tickets }, { asOf, timeZone: "UTC", schedule, slaPolicy });
    // 30 min and 15 h 45 min: the R-7 median of two values is their mean, 8 h 7 min 30 s.
    expect(r.time.firstResponse?.calendar?.median).toBe((30 * 60_000 + 15.75 * 3_600_000) / 2);
    expect(r.time.firstResponse?.business?.median).toBe((30 * 60_000 + 15 * 60_000) / 2);
    expect(r.sla?.byMetric.firstResponse.breached).toBe(1);
  });

  it("leaves out business and SLA columns without a schedule or policy, and counts what gets no row", () => {
    const maker = ticketRowMaker({ asOf, period: { from: at("2026-01-06T00:00:00Z"), to: at("2026-01-13T00:00:00Z") } });
    const names = maker.columns.map((c) => c.name);
    expect(names).not.toContain("first_response_business_ms");
    expect(names.some((n) => n.startsWith("sla_"))).toBe(false);
    expect(names.slice(0, 3)).toEqual(["id", "created_at", "status"]);
    const kept = tickets.map((t) => maker.row(t)).filter((r) => r !== undefined);
    expect(kept.map((r) => r.id)).toEqual(["t2", "t4"]);
    expect(kept[0]?.first_response_business_ms).toBeNull();
    expect(maker.skipped).toEqual({ invalidCreatedAt: 1, outsidePeriod: 2 });
  });

  it("cells are the row's values in column order", () => {
    const maker = ticketRowMaker({ asOf, schedule, slaPolicy });
    for (const t of tickets) {
      const cells = maker.cells(t);
      const row = ticketRows([t], { asOf, schedule, slaPolicy })[0];
      if (row === undefined) expect(cells).toBeUndefined();
      else expect(cells).toEqual(maker.columns.map((c) => row[c.name]));
    }
    expect(maker.columns.length).toBe(Object.keys(rows[0] ?? {}).length);
  });

  it("refuses an invalid asOf and a bad status like the report", () => {
    expect(errorCodeOf(() => ticketRowMaker({ asOf: new Date(Number.NaN) }))).toBe("E_INVALID_DATE");
    const bad = { id: "x", createdAt: at("2026-01-05T09:00:00Z"), status: "waiting" } as unknown as Ticket;
    expect(errorCodeOf(() => ticketRows([bad], { asOf }))).toBe("E_UNKNOWN_STATUS");
  });
});
