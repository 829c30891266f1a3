import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { ticketSla } from "../../../src/metrics/sla/index.ts";
import type { SlaPolicy } from "../../../src/models/sla.ts";
import { agent, at, bot, customer, HOUR, MINUTE, note, OFFICE, thrown, ticket, utc } from "../time/_fixtures.ts";

const FR10: SlaPolicy = { targets: [{ metric: "firstResponse", within: { minutes: 10 } }] };

describe("ticketSla", () => {
  it("achieves a target met exactly at the due time, and breaches it 1 ms later", () => {
    const onTime = ticketSla(ticket("1", { firstResponseAt: at(10) }), { policy: FR10, asOf: at(60) })?.checks[0];
    expect(onTime?.status).toBe("achieved");
    expect(onTime?.due).toEqual(at(10));
    expect(onTime?.lateBy).toBe(0);
    const late = ticketSla(ticket("2", { firstResponseAt: new Date(at(10).getTime() + 1) }), { policy: FR10, asOf: at(60) })?.checks[0];
    expect(late?.status).toBe("breached");
    expect(late?.lateBy).toBe(1);
  });

  it("is running while open before the due time, still running exactly at it, and breached after it", () => {
    const open = ticket("1");
    expect(ticketSla(open, { policy: FR10, asOf: at(5) })?.checks[0]?.status).toBe("running");
    expect(ticketSla(open, { policy: FR10, asOf: at(10) })?.checks[0]?.status).toBe("running");
    const breached = ticketSla(open, { policy: FR10, asOf: at(25) })?.checks[0];
    expect(breached?.status).toBe("breached");
    expect(breached?.end).toBeUndefined();
    expect(breached?.lateBy).toBe(15 * MINUTE);
  });

  it("returns a result of its own on every call (the hot paths reuse one; a caller never sees it change)", () => {
    const first = ticketSla(ticket("1", { firstResponseAt: at(5) }), { policy: FR10, asOf: at(30) });
    const second = ticketSla(ticket("2"), { policy: FR10, asOf: at(30) });
    expect(first?.id).toBe("1");
    expect(first?.checks.map((c) => c.status)).toEqual(["achieved"]);
    expect(second?.id).toBe("2");
    expect(second?.checks.map((c) => c.status)).toEqual(["breached"]);
    expect(first?.skipped).not.toBe(second?.skipped);
  });

  it("treats a reply after asOf as not yet sent (TSDoc example)", () => {
    const t = ticket("1", { firstResponseAt: at(5) });
    expect(ticketSla(t, { policy: FR10, asOf: at(30) })?.checks[0]?.status).toBe("achieved");
    expect(ticketSla(t, { policy: FR10, asOf: at(4) })?.checks[0]?.status).toBe("running");
    expect(
      ticketSla(ticket("2", { status: "new" }), {
        policy: { targets: [{ metric: "firstResponse", within: { minutes: 5 } }] },
        asOf: at(30),
      })?.checks[0]?.lateBy,
    ).toBe(1_500_000);
  });

  it("is undefined for a ticket created after asOf", () => {
    expect(ticketSla(ticket("1", { createdAt: at(30) }), { policy: FR10, asOf: at(10) })).toBeUndefined();
  });

  it("judges every later customer turn on the next-response target, ignoring bots and notes", () => {
    const policy: SlaPolicy = {
      targets: [
        { metric: "firstResponse", within: { minutes: 10 } },
        { metric: "nextResponse", within: { minutes: 5 } },
      ],
    };
    const t = ticket("1", {
      messages: [customer(0), agent(3), customer(10), customer(12), bot(13), note(14), agent(15), customer(20), agent(30), customer(40)],
    });
    const r = ticketSla(t, { policy, asOf: at(50) });
    expect(r?.checks.map((c) => [c.metric, c.turn, c.status, c.lateBy])).toEqual([
      ["firstResponse", 0, "achieved", 0],
      ["nextResponse", 1, "achieved", 0], // 10 → 15, exactly at due
      ["nextResponse", 2, "breached", 5 * MINUTE], // 20 → 30
      ["nextResponse", 3, "breached", 5 * MINUTE], // 40 → still open at 50
    ]);
  });

  it("starts an agent-created ticket's first response at the customer's first message", () => {
    const t = ticket("1", { messages: [agent(0), customer(30), agent(38)] });
    const c = ticketSla(t, { policy: FR10, asOf: at(60) })?.checks[0];
    expect([c?.start, c?.due, c?.status]).toEqual([at(30), at(40), "achieved"]);
  });

  it("judges resolution on the final solve; a reopened ticket open again runs against its original due time", () => {
    const policy: SlaPolicy = { targets: [{ metric: "resolution", within: { hours: 4 } }] };
    const solved = ticket("1", { status: "solved", firstSolvedAt: at(60), solvedAt: at(300), reopens: 1 });
    expect(ticketSla(solved, { policy, asOf: at(600) })?.checks[0]).toMatchObject({ status: "breached", lateBy: HOUR });
    const reopened = ticket("2", { status: "open", firstSolvedAt: at(60), solvedAt: at(60), reopens: 1 });
    expect(ticketSla(reopened, { policy, asOf: at(200) })?.checks[0]?.status).toBe("running");
    expect(ticketSla(reopened, { policy, asOf: at(300) })?.checks[0]).toMatchObject({ status: "breached", lateBy: HOUR });
  });

  it("computes business-hours due times across the weekend (4 business hours from Fri 15:00 fall due Mon 11:00)", () => {
    const policy: SlaPolicy = { targets: [{ metric: "firstResponse", within: { hours: 4 }, hours: "business" }], schedule: OFFICE };
    const created = utc(2024, 1, 5, 15);
    const onTime = ticketSla(ticket("1", { createdAt: created, firstResponseAt: utc(2024, 1, 8, 11) }), { policy, asOf: utc(2024, 1, 9) });
    expect(onTime?.checks[0]).toMatchObject({ status: "achieved", due: utc(2024, 1, 8, 11) });
    const waiting = ticket("2", { createdAt: created });
    expect(ticketSla(waiting, { policy, asOf: utc(2024, 1, 7, 12) })?.checks[0]?.status).toBe("running"); // Sunday: still time
    expect(ticketSla(waiting, { policy, asOf: utc(2024, 1, 8, 12) })?.checks[0]).toMatchObject({ status: "breached", lateBy: HOUR });
  });

  it("lists skipped metrics and anomalies", () => {
    const policy: SlaPolicy = {
      targets: [
        { metric: "firstResponse", within: 1 },
        { metric: "nextResponse", within: 1 },
        { metric: "resolution", within: 1, priority: "high" },
      ],
    };
    const r = ticketSla(ticket("1", { createdAt: at(5), firstResponseAt: at(1) }), { policy, asOf: at(60) });
    expect(r?.checks).toEqual([]);
    expect(r?.anomalies).toEqual([{ metric: "firstResponse", reason: "responseBeforeCreated" }]);
    expect(r?.skipped).toEqual([
      { metric: "nextResponse", reason: "noMessages" },
      { metric: "resolution", reason: "noTarget" },
    ]);
  });

  it("throws E_INVALID_DATE for an invalid asOf", () => {
    const e = thrown(() => ticketSla(ticket("1"), { policy: FR10, asOf: new Date(Number.NaN) })) as MetricRangeError;
    expect(e).toBeInstanceOf(MetricRangeError);
    expect(e.message).toBe("ticketSla: asOf must be a valid Date, got Invalid Date");
  });
});
