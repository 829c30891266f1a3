/**
 * Responders and bots in the report (issue 17, items 5 and 6): the figures of every scope equal
 * the metric functions over the scope's tickets; the responder leaderboard (known answer and
 * parts serialised and merged equal to the whole); the bots options; the option errors.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { bots, responders, type Message, type Ticket } from "../../src/index.ts";
import { report, reportAccumulator, type ReportOptions } from "../../src/report/index.ts";
import { ticket } from "./arbitraries.ts";
import { RESPONDER_BOARD } from "./configs.ts";
import { codeOf } from "../_support/errors.ts";
import { toJson } from "../../src/report/json.ts";

/** 2024-01-01 09:00 UTC + `m` minutes. */
const at = (m: number): Date => new Date(Date.UTC(2024, 0, 1, 9, m));
const MIN = 60_000;
const msg = (m: number, author: Message["author"], authorId?: string): Message =>
  authorId === undefined ? { at: at(m), author, public: true } : { at: at(m), author, public: true, authorId };
const t = (id: string, channel: string, messages: Message[], fields: Partial<Ticket> = {}): Ticket => ({
  id,
  createdAt: at(0),
  status: "open",
  channel,
  messages,
  ...fields,
});

// ana answers in 2 and 4 min (median 3), ben in 10 min, an unnamed agent in 1 min; the bot hands
// T3 off to ben (bot at 1, ben at 10) and resolves T4 alone.
const TICKETS: Ticket[] = [
  t("T1", "chat", [msg(0, "customer"), msg(2, "agent", "ana")]),
  t("T2", "email", [msg(0, "customer"), msg(4, "agent", "ana"), msg(5, "agent")]),
  t("T3", "chat", [msg(0, "customer"), msg(1, "bot"), msg(10, "agent", "ben")]),
  t("T4", "chat", [msg(0, "customer"), msg(1, "bot")], { status: "solved", solvedAt: at(3) }),
  t("T5", "email", [msg(0, "customer"), msg(1, "agent")]),
];
const OPTIONS: ReportOptions = { asOf: at(600), timeZone: "UTC", segments: ["channel"] };

describe("report: responders and bots", () => {
  it("every scope's figures are the metric functions' over its tickets", () => {
    const r = report({ tickets: TICKETS }, OPTIONS);
    expect(r.responders).toEqual(toJson(responders(TICKETS)));
    const { handoffInterval: _h, resolutionInterval: _r, ...figures } = bots(TICKETS);
    expect(r.bots).toMatchObject(toJson(figures));
    expect(r.bots.handoffInterval).toMatchObject({ method: "Wilson score", confidenceLevel: 0.95 });
    expect(r.bots.handoffRate).toBe(0.5); // T3 handed off, of T3 and T4
    expect(r.bots.resolutionRate).toBe(1); // T4, the only resolved bot ticket
    const chat = r.segments[0]?.segments.find((s) => s.key[0] === "chat");
    expect(chat?.responders).toEqual(toJson(responders(TICKETS.filter((x) => x.channel === "chat"))));
  });

  it("the responder board: ranked by reply time median, the unnamed replies counted apart", () => {
    const r = report({ tickets: TICKETS }, { ...OPTIONS, leaderboard: { of: "responder", by: "replyTimeMedian", minSample: 1 } });
    expect(r.leaderboard).toMatchObject({ of: "responder", by: "replyTimeMedian", order: "asc", unassignedTickets: 0, strata: null });
    // ana: turns of 2 and 4 min → 3 min; ben: 10 min. The unnamed agent (1 min, 2 replies on T2 and T5) is not on the board.
    expect(r.leaderboard.rows.map((x) => [x.agent, x.rank, x.value, x.sample, x.tickets, x.replies])).toEqual([
      ["ana", 1, 3 * MIN, 2, 2, 2],
      ["ben", 2, 10 * MIN, 1, 1, 1],
    ]);
    expect(r.leaderboard.unknownResponder).toEqual({ tickets: 2, replies: 2 });
    // minSample 2: ben is unranked, below the sample.
    const strict = report({ tickets: TICKETS }, { ...OPTIONS, leaderboard: { of: "responder", by: "replyTimeMedian", minSample: 2 } });
    expect(strict.leaderboard.rows.map((x) => [x.agent, x.rank, x.unrankedReason])).toEqual([
      ["ana", 1, null],
      ["ben", null, "belowMinSample"],
    ]);
    // No assignee segmentation is added for a responder board.
    expect(r.segments.map((s) => s.dimensions)).toEqual([["channel"]]);
  });

  it("the assignee board carries the reply time median of the assignee's tickets", () => {
    const assigned = TICKETS.map((x) => ({ ...x, assignee: "ana" }));
    const r = report({ tickets: assigned }, { ...OPTIONS, leaderboard: { by: "replyTimeMedian", minSample: 1 } });
    // Turns of all five tickets: 2, 4, 10, 1 min → median 3 min.
    expect(r.leaderboard.rows.map((x) => [x.agent, x.replyTimeMedian, x.replies])).toEqual([["ana", 3 * MIN, null]]);
    expect(r.leaderboard.of).toBe("assignee");
  });

  it("the bots options reach the bots figures", () => {
    const r = report({ tickets: TICKETS }, { ...OPTIONS, bots: { firstResponseFrom: "handoff", excludeBotTime: true } });
    // T3: handed off at 1, ben at 10: 9 min from the handoff (10 from the request).
    expect(r.bots.firstResponse).toMatchObject({ from: "handoff", summary: { count: 1, median: 9 * MIN } });
    expect(report({ tickets: TICKETS }, OPTIONS).bots.firstResponse).toMatchObject({ from: "request", summary: { median: 10 * MIN } });
    expect(r.bots.resolution.botTimeExcluded).toBe(true);
  });

  it("option errors: leaderboard.of, a ranking a responder board cannot read, bots options, a selection without responders", () => {
    expect(codeOf(() => report({ tickets: [] }, { ...OPTIONS, leaderboard: { by: "tickets", of: "team" as never } }))).toBe(
      'E_OPTION_VALUE report: leaderboard.of must be "assignee" or "responder", got "team"',
    );
    expect(codeOf(() => report({ tickets: [] }, { ...OPTIONS, leaderboard: { by: "csat", of: "responder" } }))).toBe(
      'E_LEADERBOARD_METRIC report: leaderboard.by must be one of tickets, firstResponseMedian, replyTimeMedian when leaderboard.of is "responder", got csat',
    );
    expect(codeOf(() => report({ tickets: [] }, { ...OPTIONS, bots: { firstResponseFrom: "customer" as never } }))).toMatch(
      /^E_OPTION_VALUE report: firstResponseFrom must be "request" or "handoff"/,
    );
    expect(
      codeOf(() => report({ tickets: [] }, { ...OPTIONS, metrics: ["leaderboard"], leaderboard: { by: "tickets", of: "responder" } })),
    ).toMatch(/^E_OPTION_VALUE report: metrics has "leaderboard" ranked by tickets \(leaderboard.by\) but not "responders"/);
  });

  test.prop([fc.array(ticket, { maxLength: 60 }), fc.array(fc.nat({ max: 60 }), { maxLength: 4 })], { numRuns: 40 })(
    "responder board, responders and bots per segment: parts serialised, read back and merged equal the whole",
    (ts, cuts) => {
      const bounds = [...new Set([0, ...cuts.map((c) => Math.min(ts.length, c)), ts.length])].sort((a, b) => a - b);
      const reader = reportAccumulator(RESPONDER_BOARD);
      let merged = reader.create();
      for (let i = 0; i + 1 < bounds.length; i++) {
        const acc = reportAccumulator(RESPONDER_BOARD);
        const s = acc.create();
        for (const x of ts.slice(bounds[i], bounds[i + 1])) acc.add(s, x);
        merged = reader.merge(merged, reader.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(s)))));
      }
      const whole = report({ tickets: ts }, RESPONDER_BOARD);
      expect(reader.result(merged)).toEqual(whole);
      // The board's rows are the responders of the whole scope.
      expect(whole.leaderboard.rows.map((x) => x.agent).sort()).toEqual(whole.responders.responders.map((x) => x.responder).sort());
    },
  );
});
