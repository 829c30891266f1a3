// Known answers for the strict model schemas (the models exactly). Sources: the model
// interfaces in src/models/*.ts; NPS 0–10 from "Top 3 Statistieken om de kwaliteit van de
// klantenservice te meten" (seed article 003); retention cohorts from "8 valori ale
// serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (seed 000).
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  CallSchema,
  CohortSchema,
  MessageSchema,
  ScheduleSchema,
  StatusChangeSchema,
  SurveyResponseSchema,
  TicketSchema,
  TimeRangeSchema,
} from "../../src/models/schemas/index.ts";
import { REASONS } from "../../src/_lib/reasons.ts";

const at = new Date("2026-03-08T10:00:00Z");

/** The issues of a failed parse as `path: message`. */
function issues(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("TicketSchema", () => {
  const minimal = { id: "42", createdAt: at, status: "open" };

  it("accepts the three required fields and drops unknown keys", () => {
    expect(TicketSchema.parse({ ...minimal, extra: 1 })).toEqual(minimal);
  });

  it("accepts every optional field", () => {
    const full = {
      ...minimal,
      rawStatus: "Open",
      channel: "email",
      type: "question",
      priority: "high",
      assignee: "ana",
      group: "tier 1",
      requesterId: "c-1",
      assignedAt: at,
      firstResponseAt: at,
      firstSolvedAt: at,
      solvedAt: at,
      closedAt: at,
      reopens: 0,
      replies: 3,
      satisfaction: "good",
      tags: ["vip"],
      messages: [{ at, author: "customer", public: true }],
      statusHistory: [{ at, status: "new" }],
    };
    expect(TicketSchema.parse(full)).toEqual(full);
    expect(TicketSchema.parse({ ...minimal, satisfaction: 4 }).satisfaction).toBe(4);
  });

  it("keeps tickets whose timestamps contradict each other (solved before created)", () => {
    const ticket = { ...minimal, solvedAt: new Date("2026-03-01T00:00:00Z") };
    expect(TicketSchema.safeParse(ticket).success).toBe(true);
  });

  it.each([
    [{ createdAt: at, status: "open" }, `id: ${REASONS.required}`],
    [{ ...minimal, id: "" }, `id: ${REASONS.nonEmptyString}`],
    [{ ...minimal, id: 42 }, `id: ${REASONS.nonEmptyString}`],
    [{ ...minimal, createdAt: "2026-03-08T10:00:00Z" }, `createdAt: ${REASONS.date}`],
    [{ ...minimal, createdAt: new Date(Number.NaN) }, `createdAt: ${REASONS.date}`],
    [{ ...minimal, status: "Open" }, `status: ${REASONS.status}`],
    [{ ...minimal, reopens: -1 }, `reopens: ${REASONS.count}`],
    [{ ...minimal, replies: 1.5 }, `replies: ${REASONS.count}`],
    [{ ...minimal, replies: "3" }, `replies: ${REASONS.count}`],
    [{ ...minimal, satisfaction: "great" }, `satisfaction: ${REASONS.satisfaction}`],
    [{ ...minimal, satisfaction: Number.NaN }, `satisfaction: ${REASONS.satisfaction}`],
    [{ ...minimal, tags: "a,b" }, `tags: ${REASONS.array}`],
    [{ ...minimal, tags: ["a", 1] }, `tags.1: ${REASONS.string}`],
    [{ ...minimal, assignee: undefined }, `assignee: ${REASONS.undefinedOptional}`],
    [{ ...minimal, messages: [{ at, author: "agent", public: "yes" }] }, `messages.0.public: ${REASONS.boolean}`],
    [{ ...minimal, messages: [{ at, author: "admin", public: true }] }, `messages.0.author: ${REASONS.author}`],
    [{ ...minimal, statusHistory: [{ at, status: "done" }] }, `statusHistory.0.status: ${REASONS.status}`],
    [null, `: ${REASONS.object}`],
  ])("rejects %j", (value, expected) => {
    expect(issues(TicketSchema, value)).toEqual([expected]);
  });
});

describe("MessageSchema and StatusChangeSchema", () => {
  it("accept the models", () => {
    expect(MessageSchema.parse({ at, author: "bot", public: false, authorId: "b1" })).toEqual({
      at,
      author: "bot",
      public: false,
      authorId: "b1",
    });
    expect(StatusChangeSchema.parse({ at, status: "solved" })).toEqual({ at, status: "solved" });
  });

  it("reject a missing time", () => {
    expect(issues(MessageSchema, { author: "bot", public: false })).toEqual([`at: ${REASONS.required}`]);
    expect(issues(StatusChangeSchema, { status: "solved" })).toEqual([`at: ${REASONS.required}`]);
  });
});

describe("SurveyResponseSchema", () => {
  const csat = { kind: "csat", score: 4, scale: { min: 1, max: 5 }, answeredAt: at };

  it("accepts scores on the scale bounds", () => {
    expect(SurveyResponseSchema.parse({ ...csat, score: 1 }).score).toBe(1);
    expect(SurveyResponseSchema.parse({ ...csat, score: 5, agent: "ana" }).agent).toBe("ana");
    expect(SurveyResponseSchema.parse({ kind: "nps", score: 0, scale: { min: 0, max: 10 }, answeredAt: at }).score).toBe(0);
    expect(SurveyResponseSchema.parse({ kind: "csat", score: 1, scale: { min: 0, max: 1 }, answeredAt: at }).score).toBe(1);
  });

  it.each([
    [{ ...csat, score: 6 }, `score: ${REASONS.scoreRange}`],
    [{ ...csat, score: 0 }, `score: ${REASONS.scoreRange}`],
    [{ ...csat, scale: { min: 5, max: 5 } }, `scale.min: ${REASONS.scaleOrder}`],
    [{ ...csat, scale: { min: 5, max: 1 } }, `scale.min: ${REASONS.scaleOrder}`],
    [{ ...csat, kind: "nps", score: 9, scale: { min: 1, max: 10 } }, `scale: ${REASONS.npsScale}`],
    [{ ...csat, kind: "nps", score: 9.5, scale: { min: 0, max: 10 } }, `score: ${REASONS.integer}`],
    [{ ...csat, kind: "survey" }, `kind: ${REASONS.kind}`],
    [{ ...csat, score: Number.POSITIVE_INFINITY }, `score: ${REASONS.integer}`],
    [{ ...csat, score: 4.5 }, `score: ${REASONS.integer}`],
    [{ ...csat, scale: { min: 0.5, max: 5 } }, `scale.min: ${REASONS.integer}`],
    [{ ...csat, scale: undefined }, `scale: ${REASONS.required}`],
  ])("rejects %j", (value, expected) => {
    expect(issues(SurveyResponseSchema, value)).toEqual([expected]);
  });
});

describe("CohortSchema", () => {
  const cohort = { label: "2026-01", start: at, size: 1000, active: [900, 850, 870] };

  it("accepts active counts up to size, rising again allowed", () => {
    expect(CohortSchema.parse({ ...cohort, active: [1000, 0, 5], period: "week" })).toEqual({
      ...cohort,
      active: [1000, 0, 5],
      period: "week",
    });
    expect(CohortSchema.parse({ ...cohort, size: 0, active: [] }).size).toBe(0);
  });

  it.each([
    [{ ...cohort, active: [900, 1001] }, [`active.1: ${REASONS.activeSize}`]],
    [{ ...cohort, active: [-1] }, [`active.0: ${REASONS.count}`]],
    [{ ...cohort, active: [1.5] }, [`active.0: ${REASONS.count}`]],
    [{ ...cohort, size: -1 }, [`size: ${REASONS.count}`]],
    [{ ...cohort, period: "fortnight" }, [`period: ${REASONS.period}`]],
    [{ ...cohort, label: "" }, [`label: ${REASONS.nonEmptyString}`]],
    [{ ...cohort, active: [1001, 1002] }, [`active.0: ${REASONS.activeSize}`, `active.1: ${REASONS.activeSize}`]],
  ])("rejects %j", (value, expected) => {
    expect(issues(CohortSchema, value)).toEqual(expected);
  });
});

describe("ScheduleSchema", () => {
  const schedule = {
    timeZone: "Europe/Bucharest",
    weekly: { mon: [["09:00", "17:00"]], fri: [["22:00", "06:00"]], sun: [["00:00", "24:00"]] },
    holidays: ["2026-12-25", "2028-02-29"],
    overrides: [
      { date: "2026-12-24", hours: [["09:00", "13:00"]] },
      { date: "2026-12-31", hours: [] },
    ],
  };

  it("accepts the model, with midnight-crossing and whole-day ranges", () => {
    expect(ScheduleSchema.parse(schedule)).toEqual(schedule);
    expect(ScheduleSchema.parse({ timeZone: "UTC", weekly: {} })).toEqual({ timeZone: "UTC", weekly: {} });
  });

  it.each([
    [{ ...schedule, timeZone: "Europe/Atlantis" }, `timeZone: ${REASONS.timeZone}`],
    [{ ...schedule, weekly: { monday: [] } }, `weekly: Unrecognized key: "monday"`],
    [{ ...schedule, weekly: { mon: [["9:00", "17:00"]] } }, `weekly.mon.0.0: ${REASONS.clockStart}`],
    [{ ...schedule, weekly: { mon: [["24:00", "17:00"]] } }, `weekly.mon.0.0: ${REASONS.clockStart}`],
    [{ ...schedule, weekly: { mon: [["09:00", "24:01"]] } }, `weekly.mon.0.1: ${REASONS.clockEnd}`],
    [{ ...schedule, weekly: { mon: [["09:00", "17:60"]] } }, `weekly.mon.0.1: ${REASONS.clockEnd}`],
    [{ ...schedule, weekly: { mon: [["09:00", "09:00"]] } }, `weekly.mon.0.1: ${REASONS.emptyRange}`],
    [{ ...schedule, weekly: { mon: [["09:00"]] } }, `weekly.mon.0: ${REASONS.timeRange}`],
    [{ ...schedule, holidays: ["2026-02-29"] }, `holidays.0: ${REASONS.localDate}`],
    [{ ...schedule, holidays: ["25/12/2026"] }, `holidays.0: ${REASONS.localDate}`],
    [
      {
        ...schedule,
        overrides: [
          { date: "2026-12-24", hours: [] },
          { date: "2026-12-24", hours: [] },
        ],
      },
      `overrides.1.date: ${REASONS.duplicateOverride}`,
    ],
  ])("rejects %j", (value, expected) => {
    expect(issues(ScheduleSchema, value)).toEqual([expected]);
  });

  it("TimeRangeSchema gives a readonly [start, end] pair", () => {
    expect(TimeRangeSchema.parse(["08:30", "12:00"])).toEqual(["08:30", "12:00"]);
  });
});

describe("CallSchema", () => {
  const base = { arrivedAt: new Date("2026-03-02T09:00:00Z"), outcome: "served" as const };
  it("accepts a served call, a queued abandoned call, and refuses contradictions with their path", () => {
    expect(CallSchema.safeParse({ ...base, queuedAt: base.arrivedAt, wait: 5_000, handleTime: 60_000, agent: "ann" }).success).toBe(true);
    expect(CallSchema.safeParse({ ...base, outcome: "abandoned", queuedAt: base.arrivedAt, wait: 5_000 }).success).toBe(true);
    const paths = (value: unknown): string[] => {
      const r = CallSchema.safeParse(value);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(paths({ ...base, wait: 5_000 })).toEqual(["queuedAt: must be given together with queuedAt and wait"]);
    expect(paths({ ...base, outcome: "abandoned", agent: "ann" })).toEqual(["agent: must be absent on an abandoned call"]);
    expect(paths({ ...base, handleTime: -1 })).toEqual(["handleTime: must be a finite number of ms ≥ 0"]);
    expect(paths({ ...base, outcome: "maybe" })).toEqual(["outcome: must be served or abandoned"]);
  });
});
