/**
 * fast-check generators for the report tests: messy but valid tickets and responses within
 * a few weeks around a DST change (Europe/Bucharest and America/Los_Angeles, March 2026),
 * with missing fields, anomalies (a reply before the creation), messages, histories and tags.
 */
import { fc } from "@fast-check/vitest";
import type { FieldChange, Message, StatusChange, SurveyResponse, Ticket } from "../../src/models/index.ts";
import { TICKET_STATUSES } from "../../src/models/index.ts";

export const BASE = Date.UTC(2026, 2, 1);
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** An instant in the six weeks from 2026-03-01. */
export const instant = fc.integer({ min: 0, max: 42 * DAY }).map((ms) => BASE + ms);
/** A delay, sometimes negative (bad data). */
const delay = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 0, max: 3 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: -HOUR, max: -1 }) },
);

/** The message authors of generated tickets; `undefined`: no authorId. */
const AUTHOR_IDS: readonly (string | undefined)[] = ["ana", "ben", undefined];

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 3 });

/** Assignee and group changes (an absent value unassigns), some before the creation (bad data). */
export const fieldHistory = fc.array(
  fc.record({
    d: fc.integer({ min: -HOUR, max: 2 * DAY }),
    field: fc.constantFrom("assignee" as const, "group" as const),
    value: maybe(fc.constantFrom("ana", "bob", "t1")),
  }),
  { maxLength: 4 },
);

export const ticket: fc.Arbitrary<Ticket> = fc
  .record({
    id: fc.nat({ max: 1e6 }).map(String),
    created: instant,
    status: fc.constantFrom(...TICKET_STATUSES),
    channel: maybe(fc.constantFrom("email", "chat", "")),
    type: maybe(fc.constantFrom("question", "billing", "incident")),
    priority: maybe(fc.constantFrom("normal", "urgent")),
    assignee: maybe(fc.constantFrom("ana", "bob", "cy")),
    group: maybe(fc.constantFrom("t1", "t2")),
    brand: maybe(fc.constantFrom("acme", "zeta")),
    rating: maybe(
      fc.oneof(
        fc.constantFrom("good", "bad"),
        fc.record({ score: fc.integer({ min: 0, max: 6 }), scale: maybe(fc.constantFrom({ min: 1, max: 5 }, { min: 1, max: 3 })) }),
      ),
    ),
    offered: maybe(fc.constant(true)),
    helpdesk: maybe(
      fc.record(
        {
          firstReply: fc.integer({ min: 0, max: DAY }),
          firstResolution: fc.integer({ min: 0, max: 2 * DAY }),
          fullResolution: fc.integer({ min: 0, max: 2 * DAY }),
          assignment: fc.integer({ min: 0, max: HOUR }),
          requesterWait: fc.integer({ min: 0, max: DAY }),
          requesterWaitBusiness: fc.integer({ min: 0, max: DAY }),
        },
        { requiredKeys: [] },
      ),
    ),
    tags: maybe(fc.array(fc.constantFrom("a", "b", "c", ""), { maxLength: 3 })),
    assigned: maybe(delay),
    firstResponse: maybe(delay),
    firstSolved: maybe(delay),
    solved: maybe(delay),
    reopens: maybe(fc.nat({ max: 2 })),
    replies: maybe(fc.nat({ max: 4 })),
    messages: maybe(
      fc.array(
        fc.record({
          d: fc.integer({ min: -HOUR, max: 2 * DAY }),
          author: fc.constantFrom("customer", "agent", "bot", "system"),
          public: fc.boolean(),
        }),
        { maxLength: 5 },
      ),
    ),
    history: maybe(
      fc.array(fc.record({ d: fc.integer({ min: 0, max: 2 * DAY }), status: fc.constantFrom(...TICKET_STATUSES) }), { maxLength: 3 }),
    ),
    fields: maybe(fieldHistory),
  })
  .map((r) => {
    const at = (d: number | undefined): Date | undefined => (d === undefined ? undefined : new Date(r.created + d));
    const t: Record<string, unknown> = { id: r.id, createdAt: new Date(r.created), status: r.status };
    const set = (key: string, value: unknown): void => {
      if (value !== undefined) t[key] = value;
    };
    set("channel", r.channel);
    set("type", r.type);
    set("priority", r.priority);
    set("assignee", r.assignee);
    set("group", r.group);
    set("brand", r.brand);
    if (typeof r.rating === "string") set("satisfaction", r.rating);
    else if (r.rating !== undefined) {
      set("satisfaction", r.rating.score);
      set("satisfactionScale", r.rating.scale);
    }
    set("satisfactionOffered", r.offered);
    set("helpdesk", r.helpdesk);
    set("tags", r.tags);
    set("assignedAt", at(r.assigned));
    set("firstResponseAt", at(r.firstResponse));
    set("firstSolvedAt", at(r.firstSolved));
    set("solvedAt", at(r.solved));
    set("reopens", r.reopens);
    set("replies", r.replies);
    set(
      "messages",
      r.messages?.map((m): Message => {
        const message: Message = { at: new Date(r.created + m.d), author: m.author as Message["author"], public: m.public };
        // Responders (issue 17): an authorId derived from the drawn offset, so the random stream of
        // every other property stays as it was; one message in three names none (responder unknown).
        const authorId = AUTHOR_IDS[Math.abs(m.d) % AUTHOR_IDS.length];
        return authorId === undefined ? message : { ...message, authorId };
      }),
    );
    set(
      "statusHistory",
      r.history?.map((h): StatusChange => ({ at: new Date(r.created + h.d), status: h.status })),
    );
    set(
      "fieldHistory",
      r.fields?.map((h): FieldChange => ({
        at: new Date(r.created + h.d),
        field: h.field,
        ...(h.value === undefined ? {} : { value: h.value }),
      })),
    );
    return t as unknown as Ticket;
  });

export const response: fc.Arbitrary<SurveyResponse> = fc
  .record({
    kind: fc.constantFrom("nps", "csat", "ces"),
    binary: fc.boolean(),
    score: fc.integer({ min: -1, max: 11 }),
    at: instant,
    agent: maybe(fc.constantFrom("ana", "bob", "dee")),
    channel: maybe(fc.constantFrom("email", "chat")),
  })
  .map((r) => {
    const scale =
      r.kind === "nps" ? { min: 0, max: 10 } : r.kind === "ces" ? { min: 1, max: 7 } : r.binary ? { min: 0, max: 1 } : { min: 1, max: 5 };
    return {
      kind: r.kind,
      score: r.score,
      scale,
      answeredAt: new Date(r.at),
      ...(r.agent === undefined ? {} : { agent: r.agent }),
      ...(r.channel === undefined ? {} : { channel: r.channel }),
    } as SurveyResponse;
  });
