// Known answers for the parse helpers: coercions of export-style rows, every reason, the
// error codes and prototype safety. Sources: RFC 3339 for timestamps
// (https://www.rfc-editor.org/rfc/rfc3339); the Kaggle "Customer Support Ticket Dataset"
// and Zendesk's Tickets API for the raw status names; "Top 3 Statistieken om de kwaliteit
// van de klantenservice te meten" (seed 003) for survey scales.
import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../src/index.ts";
import {
  ModelValidationError,
  parseCohort,
  parseSchedule,
  parseSurveyResponse,
  parseTicket,
  safeParseCohorts,
  safeParseSurveyResponses,
  safeParseTickets,
  type FieldIssue,
} from "../../src/models/schemas/index.ts";
import { REASONS } from "../../src/_lib/reasons.ts";
import { TIMESTAMP_REASONS } from "../../src/_lib/timestamp.ts";

const iso = "2026-03-08T10:00:00Z";
const at = new Date(iso);

/** The issues `fn` throws with, or fails. */
function thrown(fn: () => unknown): { error: ModelValidationError; issues: readonly FieldIssue[] } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ModelValidationError) return { error, issues: error.issues };
    throw error;
  }
  throw new Error("expected a ModelValidationError");
}

describe("parseTicket: coercions", () => {
  it("reads an export-style row", () => {
    const ticket = parseTicket({
      id: 1017,
      createdAt: "2026-03-08 10:00:00-08:00",
      status: "Pending Customer Response",
      channel: "Email",
      assignee: 77,
      requesterId: "",
      firstResponseAt: 1772993000000,
      solvedAt: "  ",
      reopens: "2",
      replies: " 3 ",
      satisfaction: "4.0",
      tags: " vip, billing ,,refund ",
    });
    expect(ticket).toEqual({
      id: "1017",
      createdAt: new Date("2026-03-08T18:00:00Z"),
      status: "pending",
      rawStatus: "Pending Customer Response",
      channel: "Email",
      assignee: "77",
      firstResponseAt: new Date(1772993000000),
      reopens: 2,
      replies: 3,
      satisfaction: 4,
      tags: ["vip", "billing", "refund"],
    });
  });

  it("treats undefined, null and blank strings as absent", () => {
    const ticket = parseTicket({ id: "1", createdAt: iso, status: "open", channel: null, type: undefined, priority: " \t" });
    expect(Object.keys(ticket)).toEqual(["id", "createdAt", "status"]);
  });

  it("keeps the category without rawStatus, and an explicit rawStatus over the row's status", () => {
    expect(parseTicket({ id: "1", createdAt: iso, status: "solved" })).not.toHaveProperty("rawStatus");
    expect(parseTicket({ id: "1", createdAt: iso, status: "Resolved" }).rawStatus).toBe("Resolved");
    expect(parseTicket({ id: "1", createdAt: iso, status: "On-hold", rawStatus: "Waiting for vendor" })).toMatchObject({
      status: "on_hold",
      rawStatus: "Waiting for vendor",
    });
  });

  it("reads satisfaction good/bad in any case", () => {
    expect(parseTicket({ id: "1", createdAt: iso, status: "open", satisfaction: "Good" }).satisfaction).toBe("good");
    expect(parseTicket({ id: "1", createdAt: iso, status: "open", satisfaction: "BAD" }).satisfaction).toBe("bad");
    expect(parseTicket({ id: "1", createdAt: iso, status: "open", satisfaction: 0 }).satisfaction).toBe(0);
  });

  it("keeps tags given as an array exactly, and reads a comma-separated string", () => {
    expect(parseTicket({ id: "1", createdAt: iso, status: "open", tags: [" a ", "b,c"] }).tags).toEqual([" a ", "b,c"]);
    expect(parseTicket({ id: "1", createdAt: iso, status: "open", tags: "a" }).tags).toEqual(["a"]);
    expect(parseTicket({ id: "1", createdAt: iso, status: "open", tags: [] }).tags).toEqual([]);
  });

  it('reads messages and status history, with public as true/false/"true"/"false"', () => {
    const ticket = parseTicket({
      id: "1",
      createdAt: iso,
      status: "solved",
      messages: [
        { at: iso, author: "customer", public: "true" },
        { at: "2026-03-08T10:05:00Z", author: "Agent", public: "FALSE", authorId: 7 },
        { at: "2026-03-08T10:06:00Z", author: "agent", public: true },
      ],
      statusHistory: [
        { at: iso, status: "New" },
        { at: "2026-03-08T10:06:00Z", status: "Resolved" },
      ],
    });
    expect(ticket.messages).toEqual([
      { at, author: "customer", public: true },
      { at: new Date("2026-03-08T10:05:00Z"), author: "agent", public: false, authorId: "7" },
      { at: new Date("2026-03-08T10:06:00Z"), author: "agent", public: true },
    ]);
    expect(ticket.statusHistory).toEqual([
      { at, status: "new" },
      { at: new Date("2026-03-08T10:06:00Z"), status: "solved" },
    ]);
  });

  it("reads naive timestamps in the timeZone option (gap and overlap in America/Los_Angeles)", () => {
    const timeZone = "America/Los_Angeles";
    const ticket = parseTicket({ id: "1", createdAt: "2026-03-08 02:30:00", solvedAt: "2026-11-01T01:30", status: "solved" }, { timeZone });
    expect(ticket.createdAt.toISOString()).toBe("2026-03-08T10:30:00.000Z");
    expect(ticket.solvedAt?.toISOString()).toBe("2026-11-01T08:30:00.000Z");
  });

  it("keeps a ticket solved before it was created (the time metrics report it)", () => {
    const ticket = parseTicket({ id: "1", createdAt: iso, solvedAt: "2026-03-01T00:00:00Z", status: "solved" });
    expect(ticket.solvedAt?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("does not change the row", () => {
    const row = { id: 5, createdAt: iso, status: "Open", tags: "a,b" };
    const copy = structuredClone(row);
    parseTicket(row);
    expect(row).toEqual(copy);
  });
});

describe("parseTicket: every reason", () => {
  const base = { id: "1", createdAt: iso, status: "open" };
  it.each([
    [{ createdAt: iso, status: "open" }, "id", undefined, REASONS.required],
    [{ ...base, id: true }, "id", true, REASONS.id],
    [{ ...base, id: Number.NaN }, "id", Number.NaN, REASONS.id],
    [{ ...base, createdAt: "2026-03-08 10:00:00" }, "createdAt", "2026-03-08 10:00:00", TIMESTAMP_REASONS.naive],
    [{ ...base, createdAt: "2026-02-30T10:00:00Z" }, "createdAt", "2026-02-30T10:00:00Z", TIMESTAMP_REASONS.day],
    [{ ...base, createdAt: "03/08/2026" }, "createdAt", "03/08/2026", TIMESTAMP_REASONS.format],
    [{ ...base, createdAt: 1.5 }, "createdAt", 1.5, TIMESTAMP_REASONS.epochInteger],
    [{ ...base, createdAt: "20260308" }, "createdAt", "20260308", TIMESTAMP_REASONS.compactDate],
    [{ ...base, createdAt: {} }, "createdAt", {}, TIMESTAMP_REASONS.type],
    [{ ...base, status: "Escalated" }, "status", "Escalated", REASONS.status],
    [{ ...base, status: 3 }, "status", 3, REASONS.status],
    [{ ...base, channel: 5 }, "channel", 5, REASONS.string],
    [{ ...base, reopens: "-1" }, "reopens", "-1", REASONS.count],
    [{ ...base, replies: "2.5" }, "replies", "2.5", REASONS.count],
    [{ ...base, replies: "3 replies" }, "replies", "3 replies", REASONS.count],
    [{ ...base, satisfaction: "meh" }, "satisfaction", "meh", REASONS.satisfaction],
    [{ ...base, tags: [1, 2] }, "tags", [1, 2], REASONS.tags],
    [{ ...base, messages: "hi" }, "messages", "hi", REASONS.array],
    [{ ...base, messages: [42] }, "messages.0", 42, REASONS.object],
    [{ ...base, messages: [{ at: iso, author: "agent", public: "yes" }] }, "messages.0.public", "yes", REASONS.boolean],
    [{ ...base, messages: [{ at: iso, author: "robot", public: true }] }, "messages.0.author", "robot", REASONS.author],
    [{ ...base, messages: [{ author: "agent", public: true }] }, "messages.0.at", undefined, REASONS.required],
    [{ ...base, statusHistory: [{ at: iso, status: "x" }] }, "statusHistory.0.status", "x", REASONS.status],
    ["a row", "", "a row", REASONS.object],
    [[base], "", [base], REASONS.object],
    [null, "", null, REASONS.object],
    [undefined, "", undefined, REASONS.required],
  ])("rejects %j at %s", (row, field, value, reason) => {
    const { error, issues } = thrown(() => parseTicket(row));
    expect(error.code).toBe("E_INVALID_TICKET");
    expect(issues).toEqual([{ field, value, reason }]);
  });

  it("lists every issue and names the first in the message", () => {
    const { error, issues } = thrown(() => parseTicket({ id: "", createdAt: "soon", status: "x", replies: -2 }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.name).toBe("ModelValidationError");
    expect(issues.map((i) => i.field)).toEqual(["id", "createdAt", "status", "replies"]);
    expect(error.message).toBe('parseTicket: id is required, got "" (and 3 more issues)');
  });

  it("writes the message as `fn: field reason, got value`", () => {
    expect(() => parseTicket({ id: "1", createdAt: "2026-03-08 10:00:00", status: "open" })).toThrow(
      'parseTicket: createdAt has no UTC offset; pass the timeZone option to read it as local time in that zone, got "2026-03-08 10:00:00"',
    );
    expect(() => parseTicket(42)).toThrow("parseTicket: the record must be an object, got 42");
  });
});

describe("prototype safety", () => {
  it("ignores __proto__, constructor and prototype keys and pollutes nothing", () => {
    const row = JSON.parse(
      '{"id":"1","createdAt":"2026-03-08T10:00:00Z","status":"open","__proto__":{"polluted":true,"status":"closed"},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}',
    ) as Record<string, unknown>;
    expect(Object.hasOwn(row, "__proto__")).toBe(true);
    const ticket = parseTicket(row);
    expect(ticket).toEqual({ id: "1", createdAt: at, status: "open" });
    expect(Object.getPrototypeOf(ticket)).toBe(Object.prototype);
    expect(Object.hasOwn(ticket, "__proto__")).toBe(false);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>)["polluted"]).toBeUndefined();
    const batch = safeParseTickets([row, { ...row }]);
    expect(batch.rejected).toBe(1); // the copy repeats id "1"
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("does not read inherited fields", () => {
    const proto = { id: "inherited", createdAt: iso, status: "open" };
    const row = Object.create(proto) as Record<string, unknown>;
    const { issues } = thrown(() => parseTicket(row));
    expect(issues.map((i) => i.field)).toEqual(["id", "createdAt", "status"]);
  });

  it("accepts objects without a prototype", () => {
    const row = Object.assign(Object.create(null) as Record<string, unknown>, { id: "1", createdAt: iso, status: "open" });
    expect(parseTicket(row).id).toBe("1");
  });

  it("reports nested __proto__ keys in messages as unknown (ignored)", () => {
    const row = JSON.parse(
      '{"id":"1","createdAt":"2026-03-08T10:00:00Z","status":"open","messages":[{"at":"2026-03-08T10:00:00Z","author":"agent","public":true,"__proto__":{"author":"bot"}}]}',
    ) as unknown;
    expect(parseTicket(row).messages).toEqual([{ at, author: "agent", public: true }]);
  });
});

describe("safeParseTickets", () => {
  it("keeps valid rows in order and reports the others by row index", () => {
    const result = safeParseTickets([
      { id: "a", createdAt: iso, status: "Open" },
      { id: "b", createdAt: "bad", status: "open" },
      { id: "c", createdAt: iso, status: "Closed" },
      { id: "a", createdAt: iso, status: "closed" },
      7,
    ]);
    expect(result.value.map((t) => t.id)).toEqual(["a", "c"]);
    expect(result.issues).toEqual([
      { row: 1, field: "createdAt", value: "bad", reason: TIMESTAMP_REASONS.format },
      { row: 3, field: "id", value: "a", reason: "must be unique; row 0 has the same id" },
      { row: 4, field: "", value: 7, reason: REASONS.object },
    ]);
    expect(result).toMatchObject({ ok: false, rows: 5, used: 2, rejected: 3 });
  });

  it("accepts a later row with the id of a rejected one", () => {
    const result = safeParseTickets([
      { id: "a", createdAt: "bad", status: "open" },
      { id: "a", createdAt: iso, status: "open" },
    ]);
    expect(result).toMatchObject({ used: 1, rejected: 1 });
  });

  it("gives ok and zero counts for no rows", () => {
    expect(safeParseTickets([])).toEqual({ ok: true, value: [], issues: [], rows: 0, used: 0, rejected: 0 });
  });

  it("throws E_TIME_ZONE for a timeZone that is not a zone", () => {
    expect(() => safeParseTickets([], { timeZone: "Mars/Olympus_Mons" })).toThrow(MetricRangeError);
    expect(() => safeParseTickets([], { timeZone: "Mars/Olympus_Mons" })).toThrow(
      'safeParseTickets: timeZone must be a valid IANA time zone, got "Mars/Olympus_Mons"',
    );
    try {
      parseTicket({}, { timeZone: "" });
    } catch (error) {
      expect(error).toBeInstanceOf(MetricRangeError);
      expect((error as MetricRangeError).code).toBe("E_TIME_ZONE");
    }
    expect.assertions(4);
  });
});

describe("survey responses", () => {
  const row = { kind: "NPS", score: "9", scale: { min: "0", max: "10" }, answeredAt: iso, ticketId: 12, channel: "chat" };

  it("reads an export-style row", () => {
    expect(parseSurveyResponse(row)).toEqual({
      kind: "nps",
      score: 9,
      scale: { min: 0, max: 10 },
      answeredAt: at,
      ticketId: "12",
      channel: "chat",
    });
  });

  it.each([
    [{ ...row, score: "11" }, "score", "11", REASONS.scoreRange],
    [{ ...row, score: "9.5" }, "score", "9.5", REASONS.integer],
    [{ ...row, score: "nine" }, "score", "nine", REASONS.integer],
    [{ ...row, kind: "csat", score: "4.5", scale: { min: 1, max: 5 } }, "score", "4.5", REASONS.integer],
    [{ ...row, kind: "ces", score: "4", scale: { min: 1, max: "7.5" } }, "scale.max", "7.5", REASONS.integer],
    [{ ...row, kind: "ces", scale: { min: 7, max: 1 } }, "scale.min", 7, REASONS.scaleOrder],
    [{ ...row, scale: { min: 1, max: 10 } }, "scale", { min: 1, max: 10 }, REASONS.npsScale],
    [{ ...row, scale: { min: "", max: 10 } }, "scale.min", "", REASONS.required],
    [{ ...row, scale: "0-10" }, "scale", "0-10", REASONS.object],
    [{ ...row, kind: "rating" }, "kind", "rating", REASONS.kind],
    [{ ...row, answeredAt: null }, "answeredAt", null, REASONS.required],
  ])("rejects %j at %s", (input, field, value, reason) => {
    const { error, issues } = thrown(() => parseSurveyResponse(input));
    expect(error.code).toBe("E_INVALID_SURVEY_RESPONSE");
    expect(issues).toEqual([{ field, value, reason }]);
  });

  it("safeParseSurveyResponses keeps the valid rows", () => {
    const result = safeParseSurveyResponses([row, { ...row, score: -1 }, { ...row, kind: "csat", score: 1, scale: { min: 0, max: 1 } }]);
    expect(result.value.map((r) => r.score)).toEqual([9, 1]);
    expect(result).toMatchObject({ ok: false, rows: 3, used: 2, rejected: 1 });
    expect(result.issues).toEqual([{ row: 1, field: "score", value: -1, reason: REASONS.scoreRange }]);
  });
});

describe("cohorts", () => {
  const row = { label: "2026-01", start: "2026-01-01", size: "100", active: ["90", 80, "85"], period: "Month" };

  it("reads an export-style row with a naive start in the timeZone", () => {
    expect(parseCohort(row, { timeZone: "Europe/Bucharest" })).toEqual({
      label: "2026-01",
      start: new Date("2025-12-31T22:00:00Z"),
      size: 100,
      active: [90, 80, 85],
      period: "month",
    });
  });

  it.each([
    [{ ...row, active: ["90", "101"] }, "active.1", "101", REASONS.activeSize],
    [{ ...row, active: ["-1"] }, "active.0", "-1", REASONS.count],
    [{ ...row, active: "90,80" }, "active", "90,80", REASONS.array],
    [{ ...row, size: "1e2.5" }, "size", "1e2.5", REASONS.count],
    [{ ...row, period: "fortnight" }, "period", "fortnight", REASONS.period],
    [{ ...row, label: "" }, "label", "", REASONS.required],
  ])("rejects %j at %s", (input, field, value, reason) => {
    const { error, issues } = thrown(() => parseCohort(input, { timeZone: "UTC" }));
    expect(error.code).toBe("E_INVALID_COHORT");
    expect(issues).toEqual([{ field, value, reason }]);
  });

  it("safeParseCohorts needs a timeZone for a naive start", () => {
    const result = safeParseCohorts([row, { ...row, start: "2026-01-01T00:00:00Z" }]);
    expect(result).toMatchObject({ used: 1, rejected: 1 });
    expect(result.issues).toEqual([{ row: 0, field: "start", value: "2026-01-01", reason: TIMESTAMP_REASONS.naive }]);
  });
});

describe("parseSchedule", () => {
  const schedule = { timeZone: "America/Los_Angeles", weekly: { mon: [["09:00", "17:00"]] } };

  it("accepts a schedule and treats null holidays/overrides as absent", () => {
    expect(parseSchedule({ ...schedule, holidays: null, overrides: "" })).toEqual(schedule);
  });

  it.each([
    [{ ...schedule, timeZone: "PST8PDT-ish" }, "timeZone", "PST8PDT-ish", REASONS.timeZone],
    [{ ...schedule, weekly: { Monday: [] } }, "weekly.Monday", [], REASONS.weekday],
    [{ ...schedule, weekly: { mon: [["09:00", "25:00"]] } }, "weekly.mon.0.1", "25:00", REASONS.clockEnd],
    [{ ...schedule, holidays: ["2026-02-29"] }, "holidays.0", "2026-02-29", REASONS.localDate],
    [{ weekly: {} }, "timeZone", undefined, REASONS.required],
    [{ timeZone: "UTC" }, "weekly", undefined, REASONS.required],
  ])("rejects %j at %s", (input, field, value, reason) => {
    const { error, issues } = thrown(() => parseSchedule(input));
    expect(error.code).toBe("E_INVALID_SCHEDULE");
    expect(issues).toEqual([{ field, value, reason }]);
  });
});

describe("−0 at the boundary", () => {
  it('a numeric −0 count becomes 0, as the string "-0" does', () => {
    const row = { id: "1", createdAt: "2026-01-01T00:00:00Z", status: "open", replies: -0 };
    expect(Object.is(parseTicket(row).replies, 0)).toBe(true);
  });
});
