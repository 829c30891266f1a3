import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { slaCompliance } from "../../../src/metrics/sla/index.ts";
import type { SlaPolicy } from "../../../src/models/sla.ts";
import { agent, ARABIC, at, customer, MINUTE, thrown, ticket } from "../time/_fixtures.ts";

const FR10: SlaPolicy = { targets: [{ metric: "firstResponse", within: { minutes: 10 } }] };

describe("slaCompliance", () => {
  it("is achieved / (achieved + breached), running excluded and counted (TSDoc example)", () => {
    const r = slaCompliance(
      [
        ticket("a", { firstResponseAt: at(10) }),
        ticket("b", { firstResponseAt: at(25) }),
        ticket("c", { createdAt: at(25), status: "new" }),
      ],
      { policy: FR10, asOf: at(30) },
    );
    expect([r.compliance, r.achieved, r.breached, r.running]).toEqual([0.5, 1, 1, 1]);
    expect(r.breaches).toEqual([{ id: "b", metric: "firstResponse", turn: 0, due: at(10), lateBy: 15 * MINUTE, open: false }]);
  });

  it("is undefined when nothing was decided", () => {
    expect(slaCompliance([ticket("a")], { policy: FR10, asOf: at(5) }).compliance).toBeUndefined();
    expect(slaCompliance([], { policy: FR10, asOf: at(5) }).compliance).toBeUndefined();
  });

  it("counts an open ticket past its due time as breached already", () => {
    const r = slaCompliance([ticket("a")], { policy: FR10, asOf: at(12) });
    expect(r.compliance).toBe(0);
    expect(r.breaches[0]).toMatchObject({ id: "a", open: true, lateBy: 2 * MINUTE });
  });

  it(`counts the replies that missed their window over every customer turn (${ARABIC})`, () => {
    const policy: SlaPolicy = {
      targets: [
        { metric: "firstResponse", within: { minutes: 10 } },
        { metric: "nextResponse", within: { minutes: 5 } },
        { metric: "resolution", within: { hours: 1 } },
      ],
    };
    const r = slaCompliance(
      [
        ticket("a", {
          status: "solved",
          solvedAt: at(45),
          messages: [customer(0), agent(12), customer(20), agent(24), customer(30), agent(40)],
        }),
        ticket("b", { messages: [customer(0), agent(5)] }),
        ticket("c", { createdAt: at(100) }),
      ],
      { policy, asOf: at(90) },
    );
    expect(r.missedReplies).toBe(2); // a: first response 12 > 10, turn 2 took 10 > 5
    expect(r.judgedReplies).toBe(4);
    expect(r.byMetric.firstResponse).toEqual({ compliance: 0.5, achieved: 1, breached: 1, running: 0 });
    expect(r.byMetric.nextResponse).toEqual({ compliance: 0.5, achieved: 1, breached: 1, running: 0 });
    expect(r.byMetric.resolution).toEqual({ compliance: 0.5, achieved: 1, breached: 1, running: 0 });
    // b is unresolved at 90 min, one hour after a due time of 60 min: breached, open.
    expect(r.breaches.map((x) => [x.id, x.metric, x.turn])).toEqual([
      ["a", "firstResponse", 0],
      ["a", "nextResponse", 2],
      ["b", "resolution", 0],
    ]);
    expect(r.skipped.notCreated).toBe(1);
    expect([r.achieved, r.breached]).toEqual([3, 3]);
  });

  it("reports anomalies with the ticket id and skips tickets without targets", () => {
    const policy: SlaPolicy = { targets: [{ metric: "firstResponse", within: 1, channel: "chat" }] };
    const r = slaCompliance(
      [ticket("x", { channel: "chat", createdAt: at(5), firstResponseAt: at(1) }), ticket("y", { channel: "email" })],
      { policy, asOf: at(60) },
    );
    expect(r.anomalies).toEqual([{ id: "x", metric: "firstResponse", reason: "responseBeforeCreated" }]);
    expect(r.skipped).toEqual({ notCreated: 0, noTarget: 5, noCustomerMessage: 0, noMessages: 0, noFollowUp: 0, noSolveTime: 0 });
    expect(r.compliance).toBeUndefined();
  });

  it("throws E_INVALID_DATE for an invalid asOf and E_SLA_TARGET for a bad policy", () => {
    const e = thrown(() => slaCompliance([], { policy: FR10, asOf: new Date(Number.NaN) })) as MetricRangeError;
    expect(e.code).toBe("E_INVALID_DATE");
    expect(e.message).toBe("slaCompliance: asOf must be a valid Date, got Invalid Date");
    const p = thrown(() => slaCompliance([], { policy: { targets: [{ metric: "x", within: 1 }] } as unknown as SlaPolicy, asOf: at(0) }));
    expect((p as MetricRangeError).code).toBe("E_SLA_TARGET");
  });
});

describe("malformed policies", () => {
  it("E_SLA_TARGET for a target that is not an object, or a non-string channel", () => {
    const asOf = new Date("2026-01-01T00:00:00Z");
    const bad = [{ targets: [null] }, { targets: [{ metric: "firstResponse", within: 60_000, channel: 5 }] }] as unknown as SlaPolicy[];
    for (const policy of bad) {
      expect(thrown(() => slaCompliance([], { policy, asOf }))).toMatchObject({ code: "E_SLA_TARGET" });
      expect(() => slaCompliance([], { policy, asOf })).toThrow(MetricRangeError);
    }
  });
});

describe("next response accounting", () => {
  it("counts a ticket with no customer message after the first reply as noFollowUp, not as nothing", () => {
    const policy: SlaPolicy = { targets: [{ metric: "nextResponse", within: 10 * MINUTE }] };
    const r = slaCompliance([ticket("once", { messages: [customer(0), agent(2)] })], { policy, asOf: at(60) });
    expect(r.byMetric.nextResponse).toMatchObject({ achieved: 0, breached: 0, running: 0 });
    expect(r.skipped.noFollowUp).toBe(1);
  });
});
