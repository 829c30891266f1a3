import { describe, expect, test } from "vitest";
import { wilsonInterval } from "../../src/metrics/stats/index.ts";
import { report, reportAccumulator, type ReportOptions } from "../../src/report/index.ts";
import { AS_OF, DECEMBER, JANUARY, RESPONSES, TICKETS, ZONE } from "./fixture.ts";

const MIN = 60_000;

/** The Wilson interval the report attaches to x / n at 95 % (checked against the formula in report.intervals.test.ts). */
function wilson(x: number, n: number): unknown {
  const w = wilsonInterval(x, n);
  return w === undefined ? null : { lower: w.lower, upper: w.upper, confidenceLevel: 0.95, method: "Wilson score" };
}

/**
 * The hand-built fixture (test/report/fixture.ts). Every expected number below is worked out
 * by hand in the comments from the fixture's tickets. Source of the metrics: "8 valori ale
 * serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (FRT,
 * resolution time, backlog, channel), "4 مقاييس دعم العملاء التي تدفع النمو" (volume, types,
 * new types, SLA misses) and the Russian article on tying support to revenue
 * (seeds/004_6074af7efb9983f6.txt: every metric team-wide and per agent, by channel).
 */
const options: ReportOptions = {
  asOf: AS_OF,
  timeZone: ZONE,
  period: JANUARY,
  compareTo: DECEMBER,
  segments: ["channel", "assignee", "tag", ["channel", "type"]],
  slaPolicy: {
    name: "Fixture",
    targets: [
      { metric: "firstResponse", within: { hours: 1 } },
      { metric: "resolution", within: { hours: 3 } },
    ],
  },
  leaderboard: { by: "firstResponseMedian", minSample: 3 },
};

const r = report({ tickets: TICKETS, responses: RESPONSES }, options);

describe("report: known answers on the hand-built fixture", () => {
  test("scope and input counts", () => {
    // January: T1–T7. December (compareTo): P1, P2, P3, O2. November: O1, outside both.
    expect(r.version).toBe(1);
    // No response names a ticket: none is joined; the 7 in scope go by their agent and channel.
    expect(r.input).toEqual({
      tickets: 12,
      ticketsInScope: 7,
      responses: 9,
      responsesInScope: 7,
      responsesJoined: 0,
      responsesNotJoined: 7,
      cohorts: 0,
    });
    expect(r.skipped.tickets).toEqual({ invalidCreatedAt: 0, outsidePeriod: 1 });
    // The CSAT 11 on 1–5 is off its scale; the December CSAT is in compareTo, not outside.
    expect(r.skipped.surveyResponses).toEqual({ invalidAnsweredAt: 0, outsidePeriod: 0, scoreOutOfScale: 1 });
  });

  test("statuses, resolution rate, backlog and channel mix", () => {
    // new T5, open T4, pending T6, solved T1 T3 T7, closed T2; unassigned and unsolved: T5.
    expect(r.counts.statuses).toEqual({ new: 1, open: 1, pending: 1, on_hold: 0, solved: 3, closed: 1, unassigned: 1, total: 7 });
    // Resolved by the end of January: T1, T2, T3, T7 → 4 / 7.
    expect(r.counts.resolutionRate).toMatchObject({
      value: 4 / 7,
      received: 7,
      resolved: 4,
      unresolved: 3,
      judgedAt: JANUARY.to.toISOString(),
    });
    // Threshold = mean resolution time (120 + 240 + 30 + 90) / 4 = 120 min; T4, T5, T6 are older.
    expect(r.counts.backlog).toEqual({ count: 3, threshold: 120 * MIN, averagedResolutions: 4, unresolved: 3, resolved: 4 });
    // email T1 T2 T6 T7, chat T3 T4 T5.
    expect(r.counts.channelMix?.channels).toEqual([
      { channel: "email", count: 4, share: 4 / 7 },
      { channel: "chat", count: 3, share: 3 / 7 },
    ]);
  });

  test("durations", () => {
    // FRT (min): T1 30, T2 60, T3 10, T4 20, T6 90, T7 15 (from messages); T5 unanswered.
    const frt = r.time.firstResponse;
    expect(frt.calendar).toMatchObject({ count: 6, total: 225 * MIN, mean: 37.5 * MIN, median: 25 * MIN, min: 10 * MIN, max: 90 * MIN });
    expect(frt.business).toBeNull();
    expect(frt.sources).toEqual({ messages: 1, fields: 5, helpdesk: 0 });
    expect(frt.skipped).toEqual({ noCustomerMessage: 0, unanswered: 1 });
    // Final resolution (min): T1 120, T2 240, T3 30, T7 90 → median 105.
    expect(r.time.resolutionFinal.calendar).toMatchObject({ count: 4, median: 105 * MIN });
    // Assignment (min): T1 10, T2 20, T3 5, T4 5, T6 30, T7 5 → median 7.5; T5 unassigned.
    expect(r.time.assignment.calendar).toMatchObject({ count: 6, median: 7.5 * MIN });
    // Customer turns: only T7 has messages, two turns of 15 min.
    expect(r.time.responses.calendar).toMatchObject({ count: 2, median: 15 * MIN });
    expect(r.time.responses.skipped).toEqual({ noMessages: 6, unanswered: 0, noCustomerMessage: 0 });
    // Replies of resolved tickets: T1 1, T2 2, T3 1, T7 2 (messages) → one-touch 2 / 4.
    expect(r.time.oneTouch).toEqual({ share: 0.5, oneTouch: 2, zeroTouch: 0, resolved: 4, interval: wilson(2, 4) });
    expect(r.time.repliesToResolve).toMatchObject({ count: 4, mean: 1.5, median: 1.5 });
  });

  test("SLA", () => {
    // First response ≤ 1 h: T1 T2 (exactly 60 min counts) T3 T4 T7 achieved; T5 (unanswered, due
    // long before asOf) and T6 (90 min) breached. Resolution ≤ 3 h: T1 T3 T7 achieved; T2
    // (240 min), T4 T5 T6 (open, past due) breached. No next-response target: 7 noTarget.
    expect(r.sla).toMatchObject({ policy: "Fixture", compliance: 8 / 14, achieved: 8, breached: 6, running: 0, breaches: 6 });
    expect(r.sla?.byMetric.firstResponse).toEqual({ compliance: 5 / 7, achieved: 5, breached: 2, running: 0, interval: wilson(5, 7) });
    expect(r.sla?.byMetric.resolution).toEqual({ compliance: 3 / 7, achieved: 3, breached: 4, running: 0, interval: wilson(3, 7) });
    expect(r.sla?.interval).toEqual(wilson(8, 14));
    expect(r.sla?.skipped.noTarget).toBe(7);
    // email: T1 a a, T2 a b, T6 b b, T7 a a → 5 / 3; chat: T3 a a, T4 a b, T5 b b → 3 / 3.
    expect(r.sla?.byChannel).toEqual([
      { channel: "email", compliance: 5 / 8, achieved: 5, breached: 3, running: 0, interval: wilson(5, 8) },
      { channel: "chat", compliance: 0.5, achieved: 3, breached: 3, running: 0, interval: wilson(3, 6) },
    ]);
  });

  test("survey", () => {
    // NPS: 9, 6, 10 → 2 promoters, 1 detractor → (2 − 1) / 3 × 100.
    expect(r.survey?.nps).toMatchObject({ score: (1 / 3) * 100, total: 3, promoters: 2, passives: 0, detractors: 1 });
    // CSAT: 5 (of 1–5: satisfied), 3 (not), 1 (of 0–1: top point, satisfied) → 2 / 3.
    expect(r.survey?.csat).toEqual({ score: 2 / 3, satisfied: 2, total: 3, interval: wilson(2, 3) });
    // CES: one 6 on 1–7 (easy: ≥ 5).
    expect(r.survey?.ces).toEqual([{ scale: { min: 1, max: 7 }, count: 1, mean: 6, easyShare: 1 }]);
  });

  test("segments per channel, per agent, per tag (overlapping) and channel × type", () => {
    const [byChannel, byAgent, byTag, byPair] = r.segments;
    expect(byChannel?.dimensions).toEqual(["channel"]);
    // The NPS 10 has no channel: it makes a "(none)" segment with survey results and 0 tickets.
    expect(byChannel?.segments.map((s) => [s.key, s.tickets, s.survey?.responses])).toEqual([
      [["email"], 4, 3],
      [["chat"], 3, 3],
      [["(none)"], 0, 1],
    ]);
    const email = byChannel?.segments[0];
    // email responses: CSAT 5 and 3 → 1 / 2; NPS 6 → −100.
    expect(email?.survey?.csat?.score).toBe(0.5);
    expect(email?.survey?.nps?.score).toBe(-100);
    // email FRT: T1 30, T2 60, T6 90, T7 15 → median 45 min; resolution rate: T1 T2 T7 of 4.
    expect(email?.time.firstResponse.calendar?.median).toBe(45 * MIN);
    expect(email?.counts.resolutionRate.value).toBe(3 / 4);
    expect(byAgent?.segments.map((s) => [s.key[0], s.tickets])).toEqual([
      ["Ana", 3],
      ["Bob", 3],
      ["(none)", 1],
    ]);
    // Tags: T1 in vip and web, T2 in web, T3–T7 none → 1 + 2 + 5 = 8 > 7 tickets.
    expect(byTag?.overlapping).toBe(true);
    expect(byTag?.segments.map((s) => [s.key[0], s.tickets])).toEqual([
      ["(none)", 5],
      ["web", 2],
      ["vip", 1],
    ]);
    // Tags carry no survey results (responses have no tag).
    expect(byTag?.segments[0]?.survey).toBeNull();
    expect(byPair?.dimensions).toEqual(["channel", "type"]);
    expect(byPair?.segments.map((s) => [s.key, s.tickets])).toEqual([
      [["chat", "billing"], 2],
      [["email", "incident"], 2],
      [["email", "question"], 2],
      [["chat", "question"], 1],
    ]);
  });

  test("leaderboard by FRT median with a minimum sample", () => {
    // Ana FRT 30, 60, 90 → 60 min; Bob 10, 20, 15 → 15 min; both have 3 ≥ minSample 3.
    expect(r.leaderboard).toMatchObject({ by: "firstResponseMedian", order: "asc", minSample: 3, clock: "calendar", unassignedTickets: 1 });
    expect(r.leaderboard.rows.map((row) => [row.agent, row.rank, row.value, row.sample])).toEqual([
      ["Bob", 1, 15 * MIN, 3],
      ["Ana", 2, 60 * MIN, 3],
    ]);
    // Ana's CSAT: 5 and 3 → 0.5; Bob's: 1 on 0–1 → 1. One-touch: Ana T1 of T1 T2; Bob T3 of T3 T7.
    expect(r.leaderboard.rows.map((row) => [row.agent, row.csat, row.oneTouchShare, row.resolutionMedian])).toEqual([
      ["Bob", 1, 0.5, 60 * MIN],
      ["Ana", 0.5, 0.5, 180 * MIN],
    ]);
    // With minSample 4 nobody is ranked.
    const strict = report(
      { tickets: TICKETS, responses: RESPONSES },
      { ...options, leaderboard: { by: "firstResponseMedian", minSample: 4 } },
    );
    expect(strict.leaderboard.rows.map((row) => [row.agent, row.rank, row.unrankedReason])).toEqual([
      ["Ana", null, "belowMinSample"],
      ["Bob", null, "belowMinSample"],
    ]);
    // By CSAT, ties share a rank; an agent without answers is unranked for noData.
    const csat = report(
      {
        tickets: TICKETS,
        responses: [
          ...RESPONSES,
          { kind: "csat", score: 4, scale: { min: 1, max: 5 }, answeredAt: new Date("2026-01-12T00:00:00Z"), agent: "Ana" },
        ],
      },
      { ...options, leaderboard: { by: "csat", minSample: 1 } },
    );
    expect(csat.leaderboard.rows.map((row) => [row.agent, row.rank, row.value])).toEqual([
      ["Bob", 1, 1],
      ["Ana", 2, 2 / 3],
    ]);
  });

  test("period comparison", () => {
    const c = r.comparison;
    expect(c?.previous.tickets).toBe(4);
    const change = (metric: string): unknown => c?.changes.find((x) => x.metric === metric);
    // 7 vs 4 tickets: +3, +75 %.
    expect(change("tickets")).toEqual({ metric: "tickets", current: 7, previous: 4, change: 3, relativeChange: 0.75, test: null });
    // FRT median 25 min vs (40, 5, 15 → 15 min): +10 min, +2/3.
    expect(change("time.firstResponse.calendar.median")).toEqual({
      metric: "time.firstResponse.calendar.median",
      current: 25 * MIN,
      previous: 15 * MIN,
      change: 10 * MIN,
      relativeChange: 10 / 15,
      test: null,
    });
    // Resolution rate 4/7 vs 3/4 (O2 still open at the end of December).
    expect(change("counts.resolutionRate.value")).toMatchObject({ current: 4 / 7, previous: 3 / 4 });
    // CSAT 2/3 vs 1 (the December 4 of 5).
    expect(change("survey.csat.score")).toMatchObject({ current: 2 / 3, previous: 1 });
    // December has no NPS: the change is null, not NaN.
    expect(change("survey.nps.score")).toEqual({
      metric: "survey.nps.score",
      current: (1 / 3) * 100,
      previous: null,
      change: null,
      relativeChange: null,
      test: null,
    });
  });

  test("types: shares, new types and change vs compareTo", () => {
    // January: question T1 T2 T5, billing T3 T4, incident T6 T7.
    expect(r.types.shares).toEqual([
      { type: "question", count: 3, share: 3 / 7 },
      { type: "billing", count: 2, share: 2 / 7 },
      { type: "incident", count: 2, share: 2 / 7 },
    ]);
    expect(r.types.mostCommon).toEqual(["question"]);
    // December has question (P1, P3) and billing (P2, O2): incident is new, first seen at T6.
    expect(r.types.newTypes).toEqual([{ type: "incident", count: 2, firstSeen: "2026-01-07T13:00:00.000Z" }]);
    expect(r.types.change?.map((t) => [t.type, t.baseline, t.period, t.change, t.relativeChange])).toEqual([
      ["question", 2, 3, 1, 0.5],
      ["billing", 2, 2, 0, 0],
      ["incident", 0, 2, 2, null],
    ]);
  });

  test("volume per local day and the heatmap", () => {
    const v = r.volume;
    expect(v?.range).toEqual({ from: JANUARY.from.toISOString(), to: JANUARY.to.toISOString() });
    expect(v?.buckets).toHaveLength(31);
    // O2 (December, still open) is the backlog at the start.
    expect(v?.backlogAtStart).toBe(1);
    const day = (label: string): unknown => v?.buckets.find((b) => b.label === label);
    // Jan 5: T1, T2 created and solved → backlog stays 1.
    expect(day("2026-01-05")).toMatchObject({ created: 2, resolved: 2, active: 3, backlog: 1 });
    // Jan 6: T3 created and solved, T4 created → 2.
    expect(day("2026-01-06")).toMatchObject({ created: 2, resolved: 1, backlog: 2 });
    // Jan 7: T5, T6 → 4; Jan 8: T7 created and solved, 2 customer and 2 agent messages.
    expect(day("2026-01-07")).toMatchObject({ created: 2, resolved: 0, backlog: 4 });
    expect(day("2026-01-08")).toMatchObject({ created: 1, resolved: 1, messagesIn: 2, messagesOut: 2, backlog: 4 });
    expect(v?.totals).toEqual({ created: 7, resolved: 4, messagesIn: 2, messagesOut: 2 });
    // Heatmap, local time (UTC+2): Mon 10h, 11h; Tue 12h, 13h; Wed 14h, 15h; Thu 16h. January
    // 2026 has 4 Mondays, 4 Tuesdays, 4 Wednesdays and 5 Thursdays.
    const p = r.peaks;
    expect(p?.total).toBe(7);
    expect(p?.byWeekday.slice(0, 4)).toEqual([
      { sum: 2, occurrences: 4, average: 0.5 },
      { sum: 2, occurrences: 4, average: 0.5 },
      { sum: 2, occurrences: 4, average: 0.5 },
      { sum: 1, occurrences: 5, average: 0.2 },
    ]);
    expect(p?.cells[0]?.[10]).toEqual({ sum: 1, occurrences: 4, average: 0.25 });
    expect(p?.busiestDay?.weekday).toBe("mon");
  });

  test("the report is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  test("the accumulator folds chunks to the same report", () => {
    const acc = reportAccumulator(options);
    const a = acc.create();
    const b = acc.create();
    TICKETS.forEach((t, i) => acc.add(i % 2 === 0 ? a : b, t));
    RESPONSES.forEach((x, i) => acc.addResponse(i % 3 === 0 ? a : b, x));
    expect(acc.result(acc.merge(a, b))).toEqual(r);
  });
});

describe("report: edge cases", () => {
  test("no data: zero counts and null metrics, never NaN", () => {
    const empty = report({ tickets: [] }, { asOf: AS_OF, timeZone: ZONE, segments: ["channel"] });
    expect(empty.tickets).toBe(0);
    expect(empty.counts.resolutionRate.value).toBeNull();
    expect(empty.counts.channelMix).toBeNull();
    expect(empty.time.firstResponse.calendar).toBeNull();
    expect(empty.survey?.nps).toBeNull();
    expect(empty.volume).toBeNull();
    expect(empty.peaks).toBeNull();
    expect(empty.customers).toBeNull();
    expect(empty.comparison).toBeNull();
    expect(empty.segments[0]?.segments).toEqual([]);
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
  });

  test("a ticket with an invalid createdAt is counted as skipped and read no further", () => {
    const bad = { id: "x", createdAt: new Date(Number.NaN), status: "open" as const };
    const out = report({ tickets: [bad, ...TICKETS] }, options);
    expect(out.skipped.tickets?.invalidCreatedAt).toBe(1);
    expect(out.tickets).toBe(7);
    expect(out.skipped.volume?.invalidCreatedAt).toBe(1);
  });

  test("a custom dimension (difficulty) with a response key", () => {
    const difficulty = {
      name: "difficulty",
      key: (t: { replies?: number }) => ((t.replies ?? 0) >= 2 ? "hard" : "easy"),
      responseKey: () => "easy",
    };
    const out = report({ tickets: TICKETS, responses: RESPONSES }, { ...options, segments: [difficulty] });
    // hard: T2 (2 replies); easy: T1 T3 T4 T5 T6 T7 (T7 has no replies field).
    expect(out.segments[0]?.dimensions).toEqual(["difficulty"]);
    expect(out.segments[0]?.segments.map((s) => [s.key[0], s.tickets])).toEqual([
      ["easy", 6],
      ["hard", 1],
    ]);
    expect(out.segments[0]?.segments[0]?.survey?.responses).toBe(7);
  });

  test("business hours: each duration is also summarised in business time", () => {
    const schedule = {
      timeZone: ZONE,
      weekly: {
        mon: [["09:00", "17:00"]],
        tue: [["09:00", "17:00"]],
        wed: [["09:00", "17:00"]],
        thu: [["09:00", "17:00"]],
        fri: [["09:00", "17:00"]],
      },
    } as const;
    const out = report({ tickets: TICKETS }, { ...options, schedule });
    // All January FRTs fall inside Mon–Thu 10:00–17:00 local, so business = calendar.
    expect(out.time.firstResponse.business).toEqual(out.time.firstResponse.calendar);
    expect(out.leaderboard.clock).toBe("business");
    expect(out.parameters.businessHours).toBe(true);
  });
});
