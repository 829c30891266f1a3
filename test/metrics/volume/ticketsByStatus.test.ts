import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import type { Ticket, TicketStatus } from "../../../src/models/ticket.ts";
import { ticketsByStatus } from "../../../src/metrics/volume/index.ts";
import { needsRealData, realDataPath } from "../../_support/realData.ts";
import { SPANISH } from "../../_support/sources.ts";

const AT = new Date("2024-01-01T00:00:00Z");

describe("ticketsByStatus", () => {
  it(`gives the article's four groups: unassigned, open, pending, resolved (${SPANISH}, hand-computed fixture)`, () => {
    const tickets: Ticket[] = [
      { id: "1", createdAt: AT, status: "new" }, // unassigned
      { id: "2", createdAt: AT, status: "open" }, // unassigned
      { id: "3", createdAt: AT, status: "open", assignee: "ana" },
      { id: "4", createdAt: AT, status: "pending", assignee: "ana" },
      { id: "5", createdAt: AT, status: "on_hold", assignee: "" }, // unassigned (empty assignee)
      { id: "6", createdAt: AT, status: "solved" }, // solved tickets are never unassigned
      { id: "7", createdAt: AT, status: "closed", assignee: "bo" },
    ];
    const counts = ticketsByStatus(tickets);
    expect(counts).toEqual({ unassigned: 3, new: 1, open: 2, pending: 1, on_hold: 1, solved: 1, closed: 1, total: 7 });
    expect(counts.new + counts.open).toBe(3); // the article's "open"
    expect(counts.solved + counts.closed).toBe(2); // the article's "resolved"
  });

  it("gives zeros for no tickets", () => {
    expect(ticketsByStatus([])).toEqual({ unassigned: 0, new: 0, open: 0, pending: 0, on_hold: 0, solved: 0, closed: 0, total: 0 });
  });

  it(
    "counts the real Kaggle 'Customer Support Ticket Dataset': 2,819 open, 2,881 pending, 2,769 closed (data/real/README.md)",
    needsRealData("real/customer_support_tickets.csv"),
    () => {
      const text = readFileSync(realDataPath("real/customer_support_tickets.csv"), "utf8");
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
      const mapping: Record<string, TicketStatus> = { Open: "open", "Pending Customer Response": "pending", Closed: "closed" };
      const tickets: Ticket[] = rows.map((row) => {
        const raw = row["Ticket Status"] ?? "";
        const status = mapping[raw];
        if (status === undefined) throw new Error(`unexpected status ${raw}`);
        // The file has no creation time; the purchase date stands in (createdAt is not read here).
        return { id: row["Ticket ID"] ?? "", createdAt: new Date(row["Date of Purchase"] ?? ""), status, rawStatus: raw };
      });
      const counts = ticketsByStatus(tickets);
      expect(counts).toMatchObject({ open: 2819, pending: 2881, closed: 2769, new: 0, on_hold: 0, solved: 0, total: 8469 });
      expect(counts.unassigned).toBe(2819 + 2881); // the file has no assignee column
    },
  );

  it("throws E_UNKNOWN_STATUS for a status outside the model", () => {
    let caught: unknown;
    try {
      ticketsByStatus([{ id: "1", createdAt: AT, status: "resolved" as TicketStatus }]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MetricRangeError);
    expect((caught as MetricRangeError).code).toBe("E_UNKNOWN_STATUS");
    expect((caught as MetricRangeError).message).toBe(
      'ticketsByStatus: status must be one of new, open, pending, on_hold, solved, closed, got "resolved"',
    );
  });
});
