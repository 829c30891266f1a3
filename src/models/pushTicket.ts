/**
 * Filling a {@link TicketBatch} from `Ticket` objects: {@link pushTicket}, and the
 * {@link BATCH_COLUMNS} that say which columns a caller needs filled.
 *
 * Reading a ticket's field costs most when it leads to another object (a `Date`, a label
 * string to look up, a list): over a million tickets each such read is a likely cache miss.
 * A composition that knows which columns its metrics read (each `TicketMetric` declares
 * them in `columns`) fills only those; the others are written as absent.
 *
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { TICKET_STATUSES, type Ticket } from "./ticket.ts";
import { assertTicketDate } from "../_lib/guards.ts";
import {
  labelCode,
  RATING_NO_SCALE,
  RATING_OFFERED,
  ticketBatch,
  type BatchLabel,
  type FactsProvider,
  type TicketBatch,
} from "./ticketBatch.ts";

/**
 * The optional columns of a {@link TicketBatch}, as bits of a mask (`id`, `createdAt`,
 * `status` and the row's source ticket are always filled):
 *
 * - `firstResponseAt`, `assignedAt`, `firstSolvedAt`, `solvedAt`: the instants;
 * - `counts`: `replies` and `reopens`;
 * - `rating`: `rating`, `ratingMin`, `ratingMax`, `ratingFlags`;
 * - `tags`, `messages`, `statusHistory`, `fieldHistory`, `helpdesk`: the lists and exported durations;
 * - `channel`, `assignee`, `group`, `type`, `priority`, `brand`: the label codes.
 *
 * @category Engine
 */
export const BATCH_COLUMNS = {
  /** `firstResponseAt`. */
  firstResponseAt: 1 << 0,
  /** `assignedAt`. */
  assignedAt: 1 << 1,
  /** `firstSolvedAt`. */
  firstSolvedAt: 1 << 2,
  /** `solvedAt`. */
  solvedAt: 1 << 3,
  /** `replies` and `reopens`. */
  counts: 1 << 4,
  /** `rating`, `ratingMin`, `ratingMax`, `ratingFlags` (from `satisfaction*`). */
  rating: 1 << 5,
  /** `tags`. */
  tags: 1 << 6,
  /** `messages`. */
  messages: 1 << 7,
  /** `statusHistory`. */
  statusHistory: 1 << 8,
  /** `helpdesk` (the exported durations). */
  helpdesk: 1 << 9,
  /** The `channel` label code. */
  channel: 1 << 10,
  /** The `assignee` label code. */
  assignee: 1 << 11,
  /** The `group` label code. */
  group: 1 << 12,
  /** The `type` label code. */
  type: 1 << 13,
  /** The `priority` label code. */
  priority: 1 << 14,
  /** The `brand` label code. */
  brand: 1 << 15,
  /** `fieldHistory`. */
  fieldHistory: 1 << 16,
} as const satisfies Record<string, number> & Record<BatchLabel, number>;

/** Every optional column of {@link BATCH_COLUMNS}: the default of {@link pushTicket}. @category Engine */
export const ALL_BATCH_COLUMNS = (1 << 17) - 1;

const STATUS_CODE = new Map<unknown, number>(TICKET_STATUSES.map((s, i) => [s, i]));

/** The epoch ms of a ticket's optional instant `value` (read by the caller: a keyed read by field name would be megamorphic), `NaN` when absent. */
function instant(fn: string, ticket: Ticket, field: string, value: Date | undefined): number {
  if (value === undefined) return Number.NaN;
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new MetricRangeError("E_INVALID_DATE", `${fn}: ${field} of ticket ${ticket.id} must be a valid Date, got ${String(value)}`);
  }
  return ms;
}

/** Writes the ticket's satisfaction rating (score and scale) and survey flags into `row`. */
function pushRating(batch: TicketBatch, row: number, ticket: Ticket): void {
  const rating = ticket.satisfaction;
  let score = Number.NaN;
  let min = Number.NaN;
  let max = Number.NaN;
  let flags = ticket.satisfactionOffered === true ? RATING_OFFERED : 0;
  if (rating === "good" || rating === "bad") {
    score = rating === "good" ? 1 : 0;
    min = 0;
    max = 1;
    flags |= RATING_OFFERED;
  } else if (typeof rating === "number") {
    flags |= RATING_OFFERED;
    const scale = ticket.satisfactionScale;
    if (scale === undefined) flags |= RATING_NO_SCALE;
    else {
      score = rating;
      min = scale.min;
      max = scale.max;
    }
  }
  batch.rating[row] = score;
  batch.ratingMin[row] = min;
  batch.ratingMax[row] = max;
  batch.ratingFlags[row] = flags;
}

/**
 * Writes `ticket` into row `batch.length` and increments `length` (the batch must not be full).
 * Only the optional columns in `columns` are read from the ticket; the others are written as
 * absent (`NaN`, `-1`, `undefined`), so a reused batch never shows a previous row's value.
 *
 * @param fn - The function named in errors.
 * @param columns - A mask of {@link BATCH_COLUMNS} (default {@link ALL_BATCH_COLUMNS}).
 * @throws `E_UNKNOWN_STATUS` when the status is not a `TicketStatus` (naming the ticket);
 * `E_INVALID_DATE` when an instant it reads, other than `createdAt`, is present but not a valid
 * Date (an invalid `createdAt` is written as `NaN`: the row is skipped and counted).
 * @example
 * ```ts
 * const batch = ticketBatch(2);
 * pushTicket("example", batch, { id: "1", status: "open", createdAt: new Date("2026-01-01T00:00:00Z"), channel: "email" }, BATCH_COLUMNS.channel);
 * batch.labels.channel[0]; // => 0 (the code of "email")
 * ```
 * @category Engine
 */
export function pushTicket(fn: string, batch: TicketBatch, ticket: Ticket, columns: number = ALL_BATCH_COLUMNS): void {
  const row = batch.length;
  const status = STATUS_CODE.get(ticket.status);
  if (status === undefined) {
    throw new MetricRangeError(
      "E_UNKNOWN_STATUS",
      `${fn}: status must be one of ${TICKET_STATUSES.join(", ")} (ticket ${JSON.stringify(String(ticket.id))}), got ${JSON.stringify(String(ticket.status))}`,
    );
  }
  const c = BATCH_COLUMNS;
  const created = ticket.createdAt;
  batch.id[row] = ticket.id;
  batch.createdAt[row] = created instanceof Date ? created.getTime() : Number.NaN;
  batch.status[row] = status;
  batch.source[row] = ticket;
  batch.firstResponseAt[row] =
    (columns & c.firstResponseAt) === 0 ? Number.NaN : instant(fn, ticket, "firstResponseAt", ticket.firstResponseAt);
  batch.assignedAt[row] = (columns & c.assignedAt) === 0 ? Number.NaN : instant(fn, ticket, "assignedAt", ticket.assignedAt);
  batch.firstSolvedAt[row] = (columns & c.firstSolvedAt) === 0 ? Number.NaN : instant(fn, ticket, "firstSolvedAt", ticket.firstSolvedAt);
  batch.solvedAt[row] = (columns & c.solvedAt) === 0 ? Number.NaN : instant(fn, ticket, "solvedAt", ticket.solvedAt);
  const counts = (columns & c.counts) !== 0;
  batch.replies[row] = counts ? (ticket.replies ?? Number.NaN) : Number.NaN;
  batch.reopens[row] = counts ? (ticket.reopens ?? Number.NaN) : Number.NaN;
  const d = batch.dictionaries;
  const l = batch.labels;
  l.channel[row] = (columns & c.channel) === 0 ? -1 : labelCode(d.channel, ticket.channel);
  l.assignee[row] = (columns & c.assignee) === 0 ? -1 : labelCode(d.assignee, ticket.assignee);
  l.group[row] = (columns & c.group) === 0 ? -1 : labelCode(d.group, ticket.group);
  l.type[row] = (columns & c.type) === 0 ? -1 : labelCode(d.type, ticket.type);
  l.priority[row] = (columns & c.priority) === 0 ? -1 : labelCode(d.priority, ticket.priority);
  l.brand[row] = (columns & c.brand) === 0 ? -1 : labelCode(d.brand, ticket.brand);
  if ((columns & c.rating) !== 0) pushRating(batch, row, ticket);
  else {
    batch.rating[row] = Number.NaN;
    batch.ratingMin[row] = Number.NaN;
    batch.ratingMax[row] = Number.NaN;
    batch.ratingFlags[row] = 0;
  }
  batch.tags[row] = (columns & c.tags) === 0 ? undefined : nonEmpty(ticket.tags);
  batch.messages[row] = (columns & c.messages) === 0 ? undefined : nonEmpty(ticket.messages);
  batch.statusHistory[row] = (columns & c.statusHistory) === 0 ? undefined : nonEmpty(ticket.statusHistory);
  batch.fieldHistory[row] = (columns & c.fieldHistory) === 0 ? undefined : nonEmpty(ticket.fieldHistory);
  batch.helpdesk[row] = (columns & c.helpdesk) === 0 ? undefined : ticket.helpdesk;
  batch.length = row + 1;
}

/** A list, or `undefined` when it is absent or empty. */
function nonEmpty<T>(list: readonly T[] | undefined): readonly T[] | undefined {
  return list === undefined || list.length === 0 ? undefined : list;
}

/**
 * The `add(state, ticket)` of a {@link TicketMetric}: the ticket goes into a private one-row
 * batch, `facts` observes it and `addRows` adds it, so adding one ticket and adding a batch run
 * the very same code.
 *
 * @throws `E_UNKNOWN_STATUS`, `E_INVALID_DATE` (any instant, `createdAt` included) naming `fn`.
 * @category Engine
 */
export function addOneTicket<S, F>(
  fn: string,
  facts: FactsProvider<F>,
  addRows: (state: S, facts: F, batch: TicketBatch, rows: Int32Array, count: number) => void,
  needs?: number,
): (state: S, ticket: Ticket) => void {
  let batch: TicketBatch | undefined;
  let storage: F | undefined;
  const rows = Int32Array.of(0);
  return (state, ticket) => {
    batch ??= ticketBatch(1);
    storage ??= facts.create(1, needs);
    batch.length = 0;
    pushTicket(fn, batch, ticket);
    assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
    facts.begin?.(storage);
    facts.observe(storage, batch, 0);
    addRows(state, storage, batch, rows, 1);
  };
}
