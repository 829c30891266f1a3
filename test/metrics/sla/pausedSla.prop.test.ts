import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { ticketSla } from "../../../src/metrics/sla/index.ts";
import type { SlaPolicy, SlaTarget, TicketStatus } from "../../../src/models/index.ts";
import { TICKET_STATUSES } from "../../../src/models/index.ts";
import { ticket } from "../../report/arbitraries.ts";

const SCHEDULE = { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]], sun: [["02:00", "05:00"]] } } as const;
const ASOF = new Date(Date.UTC(2026, 3, 20));

test.prop([
  ticket,
  fc.subarray([...TICKET_STATUSES]),
  fc.constantFrom<SlaTarget["metric"]>("firstResponse", "resolution", "nextResponse"),
  fc.boolean(),
])(
  "a clock that pauses falls due no earlier than one that does not; pausing in no status changes nothing",
  (t, pauseIn, metric, business) => {
    const base: SlaTarget = { metric, within: { hours: 3 }, ...(business ? { hours: "business" as const } : {}) };
    const judge = (target: SlaTarget) => ticketSla(t, { policy: { schedule: SCHEDULE, targets: [target] } as SlaPolicy, asOf: ASOF });
    const plain = judge(base);
    const paused = judge({ ...base, pauseIn: pauseIn as TicketStatus[] });
    // The same checks but for the target as given (which holds the empty pauseIn).
    const withoutTarget = (r: typeof plain) => r?.checks.map(({ target: _target, ...c }) => c);
    expect(withoutTarget(judge({ ...base, pauseIn: [] }))).toEqual(withoutTarget(plain));
    expect(paused?.checks.length).toBe(plain?.checks.length);
    plain?.checks.forEach((c, i) => {
      const p = paused?.checks[i];
      expect(p?.due.getTime()).toBeGreaterThanOrEqual(c.due.getTime());
      // A later due time can only turn a breach into an achievement or a running clock, never the reverse.
      if (c.status !== "breached") expect(p?.status).toBe(c.status);
      expect(p?.breachAt === undefined).toBe(p?.status === "achieved");
    });
  },
);
