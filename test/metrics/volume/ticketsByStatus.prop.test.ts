import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import type { Ticket } from "../../../src/models/ticket.ts";
import { TICKET_STATUSES } from "../../../src/models/ticket.ts";
import { ticketsByStatus } from "../../../src/metrics/volume/index.ts";

const AT = new Date("2024-01-01T00:00:00Z");
const tickets = fc
  .array(
    fc.record({
      status: fc.constantFrom(...TICKET_STATUSES),
      assignee: fc.option(fc.constantFrom("ana", "bo", ""), { nil: undefined }),
    }),
    { maxLength: 100 },
  )
  .map((specs): Ticket[] =>
    specs.map((s, i) => ({ id: `t${i}`, createdAt: AT, status: s.status, ...(s.assignee === undefined ? {} : { assignee: s.assignee }) })),
  );

test.prop([tickets])("the six statuses partition the tickets; unassigned is a subset of the unsolved", (ts) => {
  const c = ticketsByStatus(ts);
  expect(c.new + c.open + c.pending + c.on_hold + c.solved + c.closed).toBe(c.total);
  expect(c.total).toBe(ts.length);
  expect(c.unassigned).toBeLessThanOrEqual(c.new + c.open + c.pending + c.on_hold);
});

test.prop([tickets])("agrees with naive filtering", (ts) => {
  const c = ticketsByStatus(ts);
  for (const status of TICKET_STATUSES) expect(c[status]).toBe(ts.filter((t) => t.status === status).length);
  const unsolved = ts.filter((t) => t.status !== "solved" && t.status !== "closed");
  expect(c.unassigned).toBe(unsolved.filter((t) => !t.assignee).length);
});

test.prop([tickets])("ignores order; duplication doubles every count", (ts) => {
  const c = ticketsByStatus(ts);
  expect(ticketsByStatus([...ts].reverse())).toEqual(c);
  const doubled = ticketsByStatus([...ts, ...ts]);
  for (const key of Object.keys(c) as (keyof typeof c)[]) expect(doubled[key]).toBe(2 * c[key]);
});

test.prop([tickets, fc.nat()])("assigning a ticket never raises unassigned", (ts, at) => {
  fc.pre(ts.length > 0);
  const i = at % ts.length;
  const changed = [...ts];
  changed[i] = { ...(ts[i] as Ticket), assignee: "ana" };
  expect(ticketsByStatus(changed).unassigned).toBeLessThanOrEqual(ticketsByStatus(ts).unassigned);
});
