/** fast-check generators of valid models and of export-style rows, for the model tests. */
import { fc } from "@fast-check/vitest";
import type { Message, StatusChange, Ticket } from "../../src/models/schemas/index.ts";
import { TICKET_STATUSES } from "../../src/models/schemas/index.ts";

/** A string that is not blank (the parse helpers read blank strings as absent). */
export const word = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "");

/** A Date from year 1900 to 2200, the range the schemas and parse helpers accept. */
export const date = fc.date({
  min: new Date("1900-01-01T00:00:00.000Z"),
  max: new Date("2200-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

export const status = fc.constantFrom(...TICKET_STATUSES);

export const message: fc.Arbitrary<Message> = fc.record(
  {
    at: date,
    author: fc.constantFrom("customer", "agent", "bot", "system"),
    public: fc.boolean(),
    authorId: word,
  },
  { requiredKeys: ["at", "author", "public"] },
) as fc.Arbitrary<Message>;

export const statusChange: fc.Arbitrary<StatusChange> = fc.record({ at: date, status });

/** A valid {@link Ticket}: every optional field present or absent (never `undefined`). */
export const ticket: fc.Arbitrary<Ticket> = fc.record(
  {
    id: word,
    createdAt: date,
    status,
    rawStatus: word,
    channel: word,
    type: word,
    priority: word,
    assignee: word,
    group: word,
    requesterId: word,
    assignedAt: date,
    firstResponseAt: date,
    firstSolvedAt: date,
    solvedAt: date,
    closedAt: date,
    reopens: fc.nat(),
    replies: fc.nat(),
    satisfaction: fc.oneof(
      fc.constantFrom("good" as const, "bad" as const),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)) /* the parsers normalise −0 to 0 */,
    ),
    tags: fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
    messages: fc.array(message, { maxLength: 3 }),
    statusHistory: fc.array(statusChange, { maxLength: 3 }),
  },
  { requiredKeys: ["id", "createdAt", "status"] },
) as fc.Arbitrary<Ticket>;

/** A tag that survives writing tags as one comma-separated string. */
const csvTag = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes(",") && s.trim() === s && s !== "");

/** A ticket whose tags survive {@link toExportRow}. */
export const exportableTicket: fc.Arbitrary<Ticket> = fc
  .tuple(ticket, fc.option(fc.array(csvTag, { minLength: 1, maxLength: 4 }), { nil: undefined }))
  .map(([t, tags]) => {
    const { tags: _drop, ...rest } = t;
    return tags === undefined ? rest : { ...rest, tags };
  });

/**
 * The ticket written as an export would write it: timestamps as ISO strings (or epoch
 * milliseconds), numbers as decimal strings, tags as one comma-separated string, messages'
 * `public` as "true"/"false".
 */
export function toExportRow(t: Ticket, epoch: boolean): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(t)) {
    if (value instanceof Date) row[key] = epoch ? value.getTime() : value.toISOString();
    else if (typeof value === "number") row[key] = String(value);
    else if (key === "tags") row[key] = (value as string[]).join(",");
    else if (key === "messages") {
      row[key] = (value as Message[]).map((m) => ({ ...m, at: m.at.toISOString(), public: String(m.public) }));
    } else if (key === "statusHistory") {
      row[key] = (value as StatusChange[]).map((s) => ({ ...s, at: s.at.toISOString() }));
    } else row[key] = value;
  }
  return row;
}
