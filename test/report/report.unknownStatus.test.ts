import { describe, expect, it } from "vitest";
import type { Ticket } from "../../src/models/index.ts";
import { report, reportAccumulator } from "../../src/report/index.ts";
import { codeOf } from "../_support/errors.ts";

// Issue 11, "Wrong numbers instead of errors": a status outside TicketStatus gave NaN counts,
// and "__proto__" was dropped without a trace (eb175fb). Such a ticket is now refused with
// E_UNKNOWN_STATUS naming it, as ticketsByStatus already did.

const options = { asOf: new Date("2026-03-10T00:00:00Z"), timeZone: "UTC" };
const ticket = (id: string, status: string): Ticket => ({ id, createdAt: new Date("2026-03-01T10:00:00Z"), status }) as unknown as Ticket;

describe("report with a status outside TicketStatus", () => {
  it.each(["escalated", "__proto__", "constructor", "Open"])("throws E_UNKNOWN_STATUS for %j, naming the ticket", (status) => {
    expect(codeOf(() => report({ tickets: [ticket("T1", "open"), ticket("T-7", status)] }, options))).toBe(
      `E_UNKNOWN_STATUS report: status must be one of new, open, pending, on_hold, solved, closed (ticket "T-7"), got ${JSON.stringify(status)}`,
    );
  });

  it("reportAccumulator refuses it while adding", () => {
    const acc = reportAccumulator(options);
    const state = acc.create();
    expect(codeOf(() => acc.add(state, ticket("X", "archived")))).toMatch(
      /^E_UNKNOWN_STATUS reportAccumulator: .*\(ticket "X"\), got "archived"$/,
    );
  });

  it("known statuses still count, with no NaN", () => {
    const r = report({ tickets: [ticket("a", "open"), ticket("b", "closed")] }, options);
    expect(r.counts.statuses).toEqual({ new: 0, open: 1, pending: 0, on_hold: 0, solved: 0, closed: 1, unassigned: 1, total: 2 });
  });
});
