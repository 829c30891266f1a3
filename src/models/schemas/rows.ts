/**
 * The coercing row schemas behind the parse helpers. A row is first read by hand-written
 * field readers (one pass, no per-field zod transforms, which cost ~1.5 µs each in zod 4):
 * timestamps from strings or epoch milliseconds, numbers from decimal strings, tags from a
 * comma-separated string, booleans from "true"/"false", raw helpdesk status names; and
 * `undefined`, `null` or a blank string count as absent. Every field problem becomes an
 * issue with its path. When all fields could be read, the strict model schema validates
 * the result, so the parse helpers return exactly what the exported schemas accept and the
 * cross-field invariants are checked in one place.
 *
 * @internal
 * @module
 */
import { z } from "zod";
import {
  isMissing,
  readBoolean,
  readChoice,
  readCount,
  readId,
  readInteger,
  readSatisfaction,
  readStatus,
  readTags,
  readText,
  readTimestamp,
} from "./fields.ts";
import { CohortSchema } from "./cohort.ts";
import { REASONS } from "../../_lib/reasons.ts";
import { ScheduleSchema } from "./schedule.ts";
import { SurveyResponseSchema } from "./survey.ts";
import { TicketSchema } from "./ticket.ts";
import { TICKET_FIELDS } from "../ticket.ts";

type Path = (string | number)[];
interface Problem {
  readonly path: Path;
  readonly message: string;
  readonly input: unknown;
}
const FAIL = Symbol("fail");
type Reader<T> = (value: unknown, path: Path, problems: Problem[]) => T | typeof FAIL;
type Coerced<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

function leaf<T>(read: (value: unknown) => Coerced<T>): Reader<T> {
  return (value, path, problems) => {
    const result = read(value);
    if (result.ok) return result.value;
    problems.push({ path, message: result.reason, input: value });
    return FAIL;
  };
}

function list<T>(item: Reader<T>): Reader<T[]> {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.push({ path, message: REASONS.array, input: value });
      return FAIL;
    }
    const out: T[] = [];
    let failed = false;
    for (let i = 0; i < value.length; i++) {
      const read = item(value[i], [...path, i], problems);
      if (read === FAIL) failed = true;
      else out.push(read);
    }
    return failed ? FAIL : out;
  };
}

type Fields = Readonly<Record<string, readonly [reader: Reader<unknown>, required: boolean]>>;

/**
 * Reads the own properties named in `fields` into a fresh object; other keys
 * (`__proto__`, `constructor`, extra CSV columns) are never read or copied.
 */
function record(fields: Fields): Reader<Record<string, unknown>> {
  const entries = Object.entries(fields);
  return (value, path, problems) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push({ path, message: value === undefined ? REASONS.required : REASONS.object, input: value });
      return FAIL;
    }
    const out: Record<string, unknown> = {};
    let failed = false;
    for (const [key, [reader, required]] of entries) {
      const raw = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
      if (isMissing(raw)) {
        if (required) {
          problems.push({ path: [...path, key], message: REASONS.required, input: raw });
          failed = true;
        }
        continue;
      }
      const read = reader(raw, [...path, key], problems);
      if (read === FAIL) failed = true;
      else out[key] = read;
    }
    return failed ? FAIL : out;
  };
}

/** Ticket rows keep a raw status name in `rawStatus` (unless the row has its own). */
function withRawStatus(inner: Reader<Record<string, unknown>>): Reader<Record<string, unknown>> {
  return (value, path, problems) => {
    const out = inner(value, path, problems);
    if (out !== FAIL && out["rawStatus"] === undefined) {
      const raw = (value as Record<string, unknown>)["status"];
      if (typeof raw === "string" && raw !== out["status"]) out["rawStatus"] = raw;
    }
    return out;
  };
}

/** A zod schema that reads a row with `reader`, then validates it with `schema`. */
function rowSchema<S extends z.ZodType>(reader: Reader<unknown>, schema: S): z.ZodPreprocess<S> {
  return z.preprocess((input, ctx) => {
    const problems: Problem[] = [];
    const out = reader(input, [], problems);
    for (const problem of problems) ctx.issues.push({ code: "custom", ...problem });
    return out === FAIL ? undefined : out;
  }, schema);
}

const req = <T>(reader: Reader<T>): readonly [Reader<unknown>, boolean] => [reader, true];
const opt = <T>(reader: Reader<T>): readonly [Reader<unknown>, boolean] => [reader, false];

const text = leaf(readText);
const id = leaf(readId);
const count = leaf(readCount);
const integer = leaf(readInteger);

function build(timeZone: string | undefined) {
  const at = leaf(readTimestamp({ timeZone }));
  const message = record({
    at: req(at),
    author: req(leaf(readChoice(["customer", "agent", "bot", "system"], REASONS.author))),
    public: req(leaf(readBoolean)),
    authorId: opt(id),
  });
  const statusChange = record({ at: req(at), status: req(leaf(readStatus)), authorId: opt(id) });
  const fieldChange = record({
    at: req(at),
    field: req(leaf(readChoice(TICKET_FIELDS, REASONS.field))),
    value: opt(id),
    authorId: opt(id),
  });
  const ticket = withRawStatus(
    record({
      id: req(id),
      createdAt: req(at),
      status: req(leaf(readStatus)),
      rawStatus: opt(text),
      channel: opt(text),
      type: opt(text),
      priority: opt(text),
      assignee: opt(id),
      group: opt(id),
      requesterId: opt(id),
      assignedAt: opt(at),
      firstResponseAt: opt(at),
      firstSolvedAt: opt(at),
      solvedAt: opt(at),
      closedAt: opt(at),
      reopens: opt(count),
      replies: opt(count),
      satisfaction: opt(leaf(readSatisfaction)),
      tags: opt(leaf(readTags)),
      messages: opt(list(message)),
      statusHistory: opt(list(statusChange)),
      fieldHistory: opt(list(fieldChange)),
    }),
  );
  const survey = record({
    kind: req(leaf(readChoice(["nps", "csat", "ces"], REASONS.kind))),
    score: req(integer),
    scale: req(record({ min: req(integer), max: req(integer) })),
    answeredAt: req(at),
    ticketId: opt(id),
    customerId: opt(id),
    agent: opt(id),
    channel: opt(text),
  });
  const cohort = record({
    label: req(id),
    start: req(at),
    size: req(count),
    active: req(list(count)),
    period: opt(leaf(readChoice(["day", "week", "month", "quarter", "year"], REASONS.period))),
  });
  return {
    ticket: rowSchema(ticket, TicketSchema),
    survey: rowSchema(survey, SurveyResponseSchema),
    cohort: rowSchema(cohort, CohortSchema),
  };
}

/** The row schemas for one `timeZone` option. @internal */
export type RowSchemas = ReturnType<typeof build>;

const cache = new Map<string | undefined, RowSchemas>();

/**
 * The row schemas that read naive timestamps in `timeZone` (which the caller has
 * validated), built once per zone.
 *
 * @internal
 */
export function rowSchemas(timeZone: string | undefined): RowSchemas {
  let schemas = cache.get(timeZone);
  if (schemas === undefined) {
    schemas = build(timeZone);
    if (cache.size < 64) cache.set(timeZone, schemas);
  }
  return schemas;
}

/** Top-level keys of a schedule whose blank value counts as absent. */
const SCHEDULE_OPTIONAL = ["holidays", "overrides"] as const;

/** The schedule schema, with `null` or blank `holidays`/`overrides` treated as absent. @internal */
export const scheduleRowSchema = z.preprocess((input) => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(ScheduleSchema.shape)) {
    if (!Object.hasOwn(input, key)) continue;
    const value = (input as Record<string, unknown>)[key];
    if (isMissing(value) && (SCHEDULE_OPTIONAL as readonly string[]).includes(key)) continue;
    out[key] = value;
  }
  return out;
}, ScheduleSchema);
