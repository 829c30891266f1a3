import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { statusTimeAccumulator, statusTimes, type StatusTimeFigure, type StatusTimeValues } from "../../../src/metrics/time/index.ts";
import type { FieldChange, Schedule, StatusChange, Ticket } from "../../../src/models/index.ts";
import { TICKET_STATUSES } from "../../../src/models/index.ts";
import { cutsArb, wholeAndParts } from "../../_support/accumulators.ts";
import { fieldHistory } from "../../report/arbitraries.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Around the Bucharest and New York spring-forward changes (2026-03-08 and 2026-03-29).
const BASE = Date.UTC(2026, 2, 1);
const BUCHAREST: Schedule = {
  timeZone: "Europe/Bucharest",
  weekly: {
    mon: [["09:00", "17:00"]],
    tue: [["09:00", "17:00"]],
    wed: [
      ["09:00", "12:00"],
      ["13:00", "18:00"],
    ],
    sun: [["02:00", "05:00"]],
  },
};
const NEW_YORK: Schedule = { timeZone: "America/New_York", weekly: { fri: [["22:00", "06:00"]], sun: [["00:00", "24:00"]] } };

const historyTicket: fc.Arbitrary<Ticket> = fc
  .record({
    created: fc.integer({ min: 0, max: 40 * DAY }),
    status: fc.constantFrom(...TICKET_STATUSES),
    history: fc.array(fc.record({ d: fc.integer({ min: 0, max: 4 * DAY }), status: fc.constantFrom(...TICKET_STATUSES) }), {
      maxLength: 8,
    }),
    fields: fc.option(fieldHistory, { nil: undefined }),
    solved: fc.option(fc.integer({ min: -HOUR, max: 5 * DAY }), { nil: undefined }),
  })
  .map((r) => {
    const created = BASE + r.created;
    const t: { -readonly [K in keyof Ticket]: Ticket[K] } = { id: String(r.created), createdAt: new Date(created), status: r.status };
    t.statusHistory = r.history.map((h): StatusChange => ({ at: new Date(created + h.d), status: h.status }));
    if (r.fields !== undefined) {
      t.fieldHistory = r.fields.map((h): FieldChange => ({
        at: new Date(created + h.d),
        field: h.field,
        ...(h.value === undefined ? {} : { value: h.value }),
      }));
    }
    if (r.solved !== undefined) t.solvedAt = new Date(created + r.solved);
    return t;
  });

const SIX = ["new", "open", "pending", "on_hold", "solved", "closed"] as const;
const FIGURES: readonly (keyof StatusTimeValues)[] = [
  ...SIX,
  "agentWork",
  "agentWait",
  "onHold",
  "solve",
  "unassigned",
  "firstAssignmentToResolution",
  "lastAssignmentToResolution",
];

test.prop([historyTicket, fc.constantFrom(BUCHAREST, NEW_YORK)])(
  "with a history, the time in the six statuses sums to the lifetime (created to the last solve), and each business figure is at most its calendar one",
  (ticket, schedule) => {
    const r = statusTimes(ticket, { schedule });
    if (r.kind !== "measured") return;
    const c = r.calendar;
    expect(SIX.reduce((sum, k) => sum + c[k], 0)).toBe(r.end.getTime() - r.start.getTime());
    expect(c.solve).toBe(r.end.getTime() - r.start.getTime());
    expect(c.agentWork).toBe(c.new + c.open);
    const b = r.business as StatusTimeValues;
    expect(SIX.reduce((sum, k) => sum + b[k], 0)).toBe(b.solve);
    for (const k of FIGURES) {
      const cal = c[k];
      const bus = b[k];
      expect(cal === undefined).toBe(bus === undefined);
      if (cal !== undefined && bus !== undefined) {
        expect(bus).toBeGreaterThanOrEqual(0);
        expect(bus).toBeLessThanOrEqual(cal);
      }
    }
    if (c.unassigned !== undefined) expect(c.unassigned).toBeLessThanOrEqual(c.new + c.open + c.pending + c.on_hold);
    if (c.firstAssignmentToResolution !== undefined) {
      expect(c.firstAssignmentToResolution).toBeGreaterThanOrEqual(c.lastAssignmentToResolution as number);
    }
  },
);

test.prop([
  fc.array(historyTicket, { maxLength: 30 }),
  cutsArb(30),
  fc.constantFrom<StatusTimeFigure>("agentWork", "unassigned", "lastAssignmentToResolution"),
])("the accumulators: folded in parts, serialised and merged, they give the whole's result", (tickets, cuts, figure) => {
  const acc = statusTimeAccumulator(figure, { schedule: BUCHAREST });
  const { whole, parts } = wholeAndParts(acc, tickets, cuts);
  expect(parts).toEqual(whole);
  // Every ticket is measured, skipped or reported as an anomaly: none is dropped.
  const counted = (whole.calendar?.count ?? 0) + Object.values(whole.skipped).reduce((a, b) => a + b, 0);
  expect(counted + Object.values(whole.anomalies).reduce((a, b) => a + b, 0)).toBe(tickets.length);
});
