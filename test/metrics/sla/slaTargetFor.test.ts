import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { DEFAULT_FIRST_RESPONSE_TARGETS, slaTargetFor } from "../../../src/metrics/sla/index.ts";
import type { SlaPolicy } from "../../../src/models/sla.ts";
import { HOUR, MINUTE, OFFICE, ROMANIAN, thrown, ticket } from "../time/_fixtures.ts";

const policy: SlaPolicy = {
  targets: [
    { metric: "firstResponse", within: { hours: 24 } },
    { metric: "firstResponse", within: { hours: 1 }, channel: "social" },
    { metric: "firstResponse", within: { minutes: 30 }, priority: "urgent" },
    { metric: "firstResponse", within: { minutes: 10 }, priority: "urgent", channel: "chat" },
    { metric: "firstResponse", within: { minutes: 20 }, priority: "urgent" },
    { metric: "resolution", within: { hours: 8 }, hours: "business" },
  ],
  schedule: OFFICE,
};

const ms = (t: Parameters<typeof slaTargetFor>[0]): number | undefined => slaTargetFor(t, policy).firstResponse?.ms;

describe("slaTargetFor", () => {
  it("picks the most specific match: priority and channel, then priority, then channel, then catch-all", () => {
    expect(ms(ticket("1", { priority: "urgent", channel: "chat" }))).toBe(10 * MINUTE);
    expect(ms(ticket("2", { priority: "urgent", channel: "social" }))).toBe(30 * MINUTE);
    expect(ms(ticket("3", { priority: "low", channel: "social" }))).toBe(HOUR);
    expect(ms(ticket("4", { priority: "low", channel: "email" }))).toBe(24 * HOUR);
    expect(ms(ticket("5"))).toBe(24 * HOUR);
  });

  it("takes the first of equally specific matches, and matches case-sensitively", () => {
    expect(slaTargetFor(ticket("1", { priority: "urgent" }), policy).firstResponse?.index).toBe(2);
    expect(ms(ticket("2", { priority: "Urgent" }))).toBe(24 * HOUR);
  });

  it("gives the clock and schedule of the matched target, and undefined where nothing matches", () => {
    const r = slaTargetFor(ticket("1"), policy);
    expect(r.resolution?.hours).toBe("business");
    expect(r.resolution?.schedule).toBe(OFFICE);
    expect(r.firstResponse?.schedule).toBeUndefined();
    expect(r.nextResponse).toBeUndefined();
  });

  it(`has the source's upper bounds as default first-response targets (${ROMANIAN})`, () => {
    const d = { targets: DEFAULT_FIRST_RESPONSE_TARGETS };
    const by = (channel: string): number | undefined => slaTargetFor(ticket(channel, { channel }), d).firstResponse?.ms;
    expect([by("phone"), by("chat"), by("email"), by("web"), by("social"), by("fax")]).toEqual([
      4 * MINUTE,
      2 * MINUTE,
      24 * HOUR,
      24 * HOUR,
      HOUR,
      undefined,
    ]);
    expect(Object.isFrozen(DEFAULT_FIRST_RESPONSE_TARGETS)).toBe(true);
  });

  it("lets a more specific user target override a default", () => {
    const d: SlaPolicy = {
      targets: [...DEFAULT_FIRST_RESPONSE_TARGETS, { metric: "firstResponse", within: { hours: 8 }, channel: "email", priority: "urgent" }],
    };
    expect(slaTargetFor(ticket("1", { channel: "email", priority: "urgent" }), d).firstResponse?.ms).toBe(8 * HOUR);
    expect(slaTargetFor(ticket("2", { channel: "email" }), d).firstResponse?.ms).toBe(24 * HOUR);
  });

  it("throws E_SLA_TARGET for an unknown metric, unknown hours or a policy without targets", () => {
    const bad = (p: unknown): MetricRangeError => thrown(() => slaTargetFor(ticket("1"), p as SlaPolicy)) as MetricRangeError;
    const e1 = bad({ targets: [{ metric: "firstReply", within: 1 }] });
    expect(e1).toBeInstanceOf(MetricRangeError);
    expect(e1.code).toBe("E_SLA_TARGET");
    expect(e1.message).toBe("slaTargetFor: policy.targets[0].metric must be firstResponse, nextResponse or resolution, got firstReply");
    expect(bad({ targets: [{ metric: "resolution", within: 1, hours: "office" }] }).message).toBe(
      "slaTargetFor: policy.targets[0].hours must be calendar or business, got office",
    );
    expect(bad({}).code).toBe("E_SLA_TARGET");
  });

  it("throws E_SLA_SCHEDULE for business hours without a schedule", () => {
    const e = thrown(() =>
      slaTargetFor(ticket("1"), { targets: [{ metric: "resolution", within: 1, hours: "business" }] }),
    ) as MetricRangeError;
    expect(e.code).toBe("E_SLA_SCHEDULE");
    expect(e.message).toBe("slaTargetFor: policy.targets[0] must have a schedule (or the policy one) for business hours, got none");
  });

  it("throws E_DURATION for a negative or month-based target", () => {
    const e = thrown(() => slaTargetFor(ticket("1"), { targets: [{ metric: "resolution", within: -1 }] })) as MetricRangeError;
    expect(e.code).toBe("E_DURATION");
    expect(e.message).toBe("slaTargetFor: policy.targets[0].within must be a non-negative number of milliseconds, got -1");
    expect(
      (thrown(() => slaTargetFor(ticket("1"), { targets: [{ metric: "resolution", within: { months: 1 } }] })) as MetricRangeError).code,
    ).toBe("E_DURATION");
  });
});
