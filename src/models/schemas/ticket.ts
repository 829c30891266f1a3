import { z } from "zod";
import {
  expect,
  expectOptional,
  instant,
  nonEmptyText,
  optionalCount,
  optionalInstant,
  optionalText,
  text,
  ticketStatus,
} from "./fields.ts";
import { MessageSchema } from "./message.ts";
import { REASONS } from "../../_lib/reasons.ts";
import { HELPDESK_DURATION_KEYS, TICKET_FIELDS, type HelpdeskDurationKey, type TicketSatisfaction } from "../ticket.ts";

const isSatisfaction = (value: unknown): value is TicketSatisfaction =>
  value === "good" || value === "bad" || (typeof value === "number" && Number.isFinite(value));

/**
 * A {@link TicketStatus} category: `new`, `open`, `pending`, `on_hold`, `solved` or
 * `closed`. Raw helpdesk names are not accepted here; see {@link normalizeStatus}.
 *
 * @category Models
 */
export const TicketStatusSchema = ticketStatus;

/**
 * The {@link StatusChange} model exactly: `at` a valid `Date`, `status` a
 * {@link TicketStatus} category.
 *
 * @category Models
 */
export const StatusChangeSchema = z.object(
  { at: instant, status: ticketStatus, authorId: optionalText },
  { error: expect(REASONS.object) },
);

/**
 * The {@link FieldChange} model exactly: `at` a valid `Date`, `field` one of
 * {@link TICKET_FIELDS}, `value` and `authorId` optional non-empty strings.
 *
 * @category Models
 */
export const FieldChangeSchema = z.object(
  {
    at: instant,
    field: z.enum(TICKET_FIELDS as ["assignee", "group", "priority"], { error: expect(REASONS.field) }),
    value: optionalText,
    authorId: optionalText,
  },
  { error: expect(REASONS.object) },
);

/**
 * The {@link Ticket} model exactly. Required: `id` (a non-empty string), `createdAt` (a
 * valid `Date`), `status` (a category). Optional fields, when present, must have their
 * model type (an optional key holding `undefined` is rejected, as under
 * `exactOptionalPropertyTypes`); `reopens` and `replies` are non-negative integers;
 * `satisfaction` is `"good"`, `"bad"` or a finite number. Unknown keys are dropped.
 *
 * Timestamps that contradict each other (solved before created) are accepted on purpose:
 * the time metrics report such tickets by id instead of losing them at the boundary.
 *
 * @example
 * ```ts
 * const ticket = TicketSchema.parse({ id: "42", createdAt: new Date("2026-03-08T10:00:00Z"), status: "open" });
 * ticket.status; // => "open"
 * ```
 * @category Models
 */
export const TicketSchema = z.object(
  {
    id: nonEmptyText,
    createdAt: instant,
    status: ticketStatus,
    rawStatus: optionalText,
    channel: optionalText,
    type: optionalText,
    priority: optionalText,
    assignee: optionalText,
    group: optionalText,
    brand: optionalText,
    requesterId: optionalText,
    assignedAt: optionalInstant,
    firstResponseAt: optionalInstant,
    firstSolvedAt: optionalInstant,
    solvedAt: optionalInstant,
    closedAt: optionalInstant,
    reopens: optionalCount,
    replies: optionalCount,
    // A custom check rather than a union: zod 4 runs an absent optional key's schema and a
    // failing union builds costly nested issues, on every row.
    satisfaction: z.custom<TicketSatisfaction>(isSatisfaction, { error: expectOptional(REASONS.satisfaction) }).exactOptional(),
    satisfactionScale: z
      .object({ min: z.number().finite(), max: z.number().finite() }, { error: expectOptional(REASONS.object) })
      .refine((scale) => scale.min < scale.max, { error: "min must be below max" })
      .readonly()
      .exactOptional(),
    satisfactionOffered: z.boolean({ error: expectOptional(REASONS.boolean) }).exactOptional(),
    helpdesk: z
      .object(
        Object.fromEntries(HELPDESK_DURATION_KEYS.map((key) => [key, z.number().finite().nonnegative().exactOptional()])) as Record<
          HelpdeskDurationKey,
          z.ZodExactOptional<z.ZodNumber>
        >,
        { error: expectOptional(REASONS.object) },
      )
      .readonly()
      .exactOptional(),
    tags: z
      .array(text, { error: expectOptional(REASONS.array) })
      .readonly()
      .exactOptional(),
    messages: z
      .array(MessageSchema, { error: expectOptional(REASONS.array) })
      .readonly()
      .exactOptional(),
    statusHistory: z
      .array(StatusChangeSchema, { error: expectOptional(REASONS.array) })
      .readonly()
      .exactOptional(),
    fieldHistory: z
      .array(FieldChangeSchema, { error: expectOptional(REASONS.array) })
      .readonly()
      .exactOptional(),
  },
  { error: expect(REASONS.object) },
);
