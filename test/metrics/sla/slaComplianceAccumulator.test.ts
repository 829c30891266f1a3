/**
 * slaComplianceAccumulator: the counts of slaCompliance, per channel too, and the
 * split / serialise / merge property.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { slaCompliance } from "../../../src/metrics/sla/slaCompliance.ts";
import { slaComplianceAccumulator } from "../../../src/metrics/sla/slaComplianceAccumulator.ts";
import type { SlaPolicy } from "../../../src/models/sla.ts";
import type { Ticket } from "../../../src/models/ticket.ts";
import { ticket } from "../../report/arbitraries.ts";
import { errorCodeOf } from "../../_support/errors.ts";
import { cutsArb, foldAll, wholeAndParts } from "../../_support/accumulators.ts";

const asOf = new Date("2024-03-01T00:00:00Z");
const policy: SlaPolicy = {
  name: "Standard",
  targets: [
    { metric: "firstResponse", within: { hours: 4 } },
    { metric: "firstResponse", within: { hours: 1 }, channel: "chat" },
    { metric: "nextResponse", within: { hours: 8 } },
    { metric: "resolution", within: { hours: 48 } },
  ],
};
const valid = (ts: readonly Ticket[]): Ticket[] => ts.filter((t) => !Number.isNaN(t.createdAt.getTime()));

describe("slaComplianceAccumulator", () => {
  test.prop([fc.array(ticket, { maxLength: 40 })], { numRuns: 60 })("counts as slaCompliance", (raw) => {
    const ts = valid(raw);
    const acc = slaComplianceAccumulator({ policy, asOf });
    const r = acc.result(foldAll(acc, ts));
    const ref = slaCompliance(ts, { policy, asOf });
    expect({ a: r.achieved, b: r.breached, r: r.running, c: r.compliance }).toEqual({
      a: ref.achieved,
      b: ref.breached,
      r: ref.running,
      c: ref.compliance,
    });
    for (const m of ["firstResponse", "nextResponse", "resolution"] as const) {
      expect([r.byMetric[m].achieved, r.byMetric[m].breached, r.byMetric[m].running]).toEqual([
        ref.byMetric[m].achieved,
        ref.byMetric[m].breached,
        ref.byMetric[m].running,
      ]);
    }
    expect(r.skipped).toEqual(Object.fromEntries(Object.entries(ref.skipped).sort(([a], [b]) => (a < b ? -1 : 1))));
    expect(Object.values(r.anomalies).reduce((x, y) => x + y, 0)).toBe(ref.anomalies.length);
    expect(r.byChannel.reduce((n, c) => n + c.achieved + c.breached + c.running, 0)).toBe(ref.achieved + ref.breached + ref.running);
  });

  test.prop([fc.array(ticket, { maxLength: 60 }), cutsArb(60)], { numRuns: 60 })(
    "parts serialised and merged equal the whole",
    (raw, cuts) => {
      const { whole, parts } = wholeAndParts(slaComplianceAccumulator({ policy, asOf }), valid(raw), cuts);
      expect(parts).toEqual(whole);
    },
  );

  it("names the field of a malformed state", () => {
    const acc = slaComplianceAccumulator({ policy, asOf });
    expect(errorCodeOf(() => acc.fromJSON({ kind: "slaCompliance", v: 2 }))).toBe("E_STATE_FORMAT");
    expect(() => acc.fromJSON({ kind: "slaCompliance", v: 1, tallies: [1] })).toThrow(/tallies must be 9 non-negative integers/);
    const good = acc.toJSON(acc.create());
    expect(() => acc.fromJSON({ ...good, byChannel: { chat: [1, -1, 0] } })).toThrow(/byChannel.chat must be 3/);
    expect(() => acc.fromJSON({ ...good, skipped: { noTarget: 1.5 } })).toThrow(/skipped.noTarget must be a non-negative integer/);
  });

  it("known answer: one achieved and one breached first response", () => {
    const acc = slaComplianceAccumulator({ policy: { targets: [{ metric: "firstResponse", within: { hours: 1 } }] }, asOf });
    const s = acc.create();
    const at = (h: number, m = 0): Date => new Date(Date.UTC(2024, 0, 1, h, m));
    acc.add(s, { id: "1", status: "open", createdAt: at(9), firstResponseAt: at(9, 30), channel: "email" });
    acc.add(s, { id: "2", status: "open", createdAt: at(9), firstResponseAt: at(11) });
    const r = acc.result(s);
    expect([r.compliance, r.achieved, r.breached, r.byChannel.map((c) => c.channel)]).toEqual([0.5, 1, 1, ["(none)", "email"]]);
  });
});
