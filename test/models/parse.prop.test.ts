import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { parseTicket, safeParseTickets, TicketSchema, type Ticket } from "../../src/models/schemas/index.ts";
import { exportableTicket, ticket, toExportRow } from "./arbitraries.ts";

/** The ticket with -0 written as 0, as a decimal string round trip gives it. */
function withoutNegativeZero(t: Ticket): Ticket {
  return typeof t.satisfaction === "number" && Object.is(t.satisfaction, -0) ? { ...t, satisfaction: 0 } : t;
}

test.prop([ticket])("a valid ticket passes TicketSchema and parseTicket unchanged", (t) => {
  expect(TicketSchema.parse(t)).toEqual(t);
  expect(parseTicket(t)).toEqual(t);
});

test.prop([exportableTicket, fc.boolean()])(
  "a ticket written as an export row (ISO strings or epoch ms, decimal strings, comma tags) parses back to itself",
  (t, epoch) => {
    expect(parseTicket(toExportRow(t, epoch))).toEqual(withoutNegativeZero(t));
  },
);

/** Rows of every kind: valid tickets, export rows, broken copies, junk. */
const row = fc.oneof(
  ticket,
  exportableTicket.map((t) => toExportRow(t, false)),
  fc.tuple(ticket, fc.constantFrom("id", "createdAt", "status", "replies", "tags"), fc.anything()).map(([t, key, value]) => ({
    ...t,
    [key]: value,
  })),
  fc.anything(),
);

test.prop([fc.array(row, { maxLength: 25 })])("every row is used or rejected with at least one issue: used + rejected === rows", (rows) => {
  const result = safeParseTickets(rows);
  expect(result.rows).toBe(rows.length);
  expect(result.used + result.rejected).toBe(result.rows);
  expect(result.value).toHaveLength(result.used);
  expect(result.ok).toBe(result.rejected === 0);
  const rejectedRows = new Set(result.issues.map((issue) => issue.row));
  expect(rejectedRows.size).toBe(result.rejected);
  // Agreement with a naive reference: a row is used iff parseTicket accepts it and no
  // earlier used row has its id.
  const seen = new Set<string>();
  const used: Ticket[] = [];
  rows.forEach((r, i) => {
    let parsed: Ticket | undefined;
    try {
      parsed = parseTicket(r);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined && !seen.has(parsed.id)) {
      seen.add(parsed.id);
      used.push(parsed);
      expect(rejectedRows.has(i)).toBe(false);
    } else {
      expect(rejectedRows.has(i)).toBe(true);
    }
  });
  expect(result.value).toEqual(used);
  for (const issue of result.issues) {
    expect(issue.row).toBeGreaterThanOrEqual(0);
    expect(issue.row).toBeLessThan(rows.length);
    expect(typeof issue.field).toBe("string");
    expect(issue.reason.length).toBeGreaterThan(0);
  }
});

test.prop([fc.array(ticket, { maxLength: 10 })])(
  "order of rows does not change which tickets are kept when ids are distinct",
  (tickets) => {
    const distinct = [...new Map(tickets.map((t) => [t.id, t])).values()];
    const forward = safeParseTickets(distinct);
    const backward = safeParseTickets([...distinct].reverse());
    expect(backward.value).toEqual([...forward.value].reverse());
    expect(forward.used).toBe(distinct.length);
  },
);

test.prop([fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "id"), fc.anything())])(
  "rows with prototype-named keys never pollute Object.prototype",
  (dict) => {
    const row = JSON.parse(JSON.stringify({ ...dict, createdAt: "2026-03-08T10:00:00Z", status: "open" }) ?? "{}") as unknown;
    safeParseTickets([row]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  },
);
