import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { oneTouchResolution, repliesToResolve } from "../../../src/metrics/time/index.ts";
import { agent, at, bot, customer, note, SPANISH, thrown, ticket } from "./_fixtures.ts";

describe("repliesToResolve", () => {
  it(`counts public agent replies up to the final solve (${SPANISH}: back-and-forth; TSDoc example)`, () => {
    const r = repliesToResolve([
      ticket("a", { status: "solved", replies: 3 }),
      ticket("b", { status: "closed", solvedAt: at(9), messages: [customer(0), agent(5), note(6), bot(7), agent(10)] }),
      ticket("c", { replies: 1 }),
      ticket("d", { status: "solved" }),
    ]);
    expect([...r.values]).toEqual([3, 1]);
    expect(r.ids).toEqual(["a", "b"]);
    expect(r.sources).toEqual({ messages: 1, fields: 1, helpdesk: 0 });
    expect(r.skipped).toEqual({ unresolved: 1, noReplyData: 1 });
  });

  it("counts every reply of a reopened ticket up to its final solve", () => {
    const t = ticket("r", {
      status: "solved",
      firstSolvedAt: at(10),
      solvedAt: at(40),
      reopens: 1,
      messages: [customer(0), agent(5), customer(20), agent(30), agent(50)],
    });
    expect([...repliesToResolve([t]).values]).toEqual([2]);
  });

  it("throws E_COUNT_RANGE for a replies field that is not a non-negative integer", () => {
    const error = thrown(() => repliesToResolve([ticket("1", { status: "solved", replies: -1 })]));
    expect(error).toBeInstanceOf(MetricRangeError);
    expect((error as MetricRangeError).code).toBe("E_COUNT_RANGE");
    expect((error as MetricRangeError).message).toBe("repliesToResolve: replies of ticket 1 must be a non-negative integer, got -1");
  });
});

describe("oneTouchResolution", () => {
  it("is the share of resolved tickets solved with exactly one reply, zero-touch in the denominator (TSDoc example)", () => {
    const r = oneTouchResolution([
      ticket("a", { status: "solved", replies: 1 }),
      ticket("b", { status: "solved", replies: 3 }),
      ticket("c", { status: "closed", replies: 0 }),
      ticket("d", { replies: 1 }),
    ]);
    expect(r).toEqual({
      share: 1 / 3,
      oneTouch: 1,
      zeroTouch: 1,
      resolved: 3,
      sources: { messages: 0, fields: 3, helpdesk: 0 },
      skipped: { unresolved: 1, noReplyData: 0 },
    });
  });

  it("reads the reply count from messages, ignoring bots and notes", () => {
    const r = oneTouchResolution([ticket("a", { status: "solved", messages: [customer(0), bot(1), note(2), agent(3)] })]);
    expect(r.share).toBe(1);
  });

  it("is undefined when nothing is resolved", () => {
    expect(oneTouchResolution([ticket("a")]).share).toBeUndefined();
    expect(oneTouchResolution([]).share).toBeUndefined();
  });
});
