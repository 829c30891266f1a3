/**
 * The columnar batch of tickets the engine folds: instants and counts in typed arrays (`NaN`
 * for absent), the status as a code, labels as dictionary codes (`-1` for absent), and the few
 * variable-length parts (tags, messages, status history) as references, only where present.
 * `report(tickets)` fills batches from `Ticket` objects once; the command's reader may fill them
 * directly. Per-ticket facts derived from a batch (first response, resolution, SLA judgements)
 * are computed once per row by a {@link FactsProvider}, and the metrics read them through
 * {@link TicketMetric.addRows}.
 *
 * @module
 */
import type { MetricAccumulator } from "../_lib/accumulator.ts";
import type { Message } from "./message.ts";
import { TICKET_STATUSES, type FieldChange, type HelpdeskDurations, type StatusChange, type Ticket, type TicketStatus } from "./ticket.ts";

/**
 * Label values seen in a run, each with a stable code (its index in `values`).
 *
 * @category Engine
 */
export interface LabelDictionary {
  /** The label of each code. */
  readonly values: string[];
  /** The code of each label. */
  readonly codes: Map<string, number>;
}

/** The labels a batch dictionary-encodes. @category Engine */
export const BATCH_LABELS = ["channel", "assignee", "group", "type", "priority", "brand"] as const;

/** A label a batch dictionary-encodes. @category Engine */
export type BatchLabel = (typeof BATCH_LABELS)[number];

/**
 * A columnar batch of up to `capacity` tickets; rows `0 … length − 1` are filled.
 *
 * @category Engine
 */
export interface TicketBatch {
  /** Rows filled. */
  length: number;
  /** Rows it can hold. */
  readonly capacity: number;
  /** Ticket ids. */
  readonly id: string[];
  /** Epoch ms; `NaN` when the `createdAt` is not a valid Date (the row is counted as skipped). */
  readonly createdAt: Float64Array;
  /** Epoch ms, `NaN` when absent. */
  readonly firstResponseAt: Float64Array;
  /** Epoch ms, `NaN` when absent. */
  readonly assignedAt: Float64Array;
  /** Epoch ms, `NaN` when absent. */
  readonly firstSolvedAt: Float64Array;
  /** Epoch ms, `NaN` when absent. */
  readonly solvedAt: Float64Array;
  /** Index in {@link TICKET_STATUSES}. */
  readonly status: Uint8Array;
  /** Public agent replies, `NaN` when absent. */
  readonly replies: Float64Array;
  /** Times reopened, `NaN` when absent. */
  readonly reopens: Float64Array;
  /** The satisfaction rating on its scale (`"good"` 1, `"bad"` 0 on 0–1), `NaN` when absent or without a scale. */
  readonly rating: Float64Array;
  /** The lowest score of the rating's scale (`NaN` when no rating). */
  readonly ratingMin: Float64Array;
  /** The highest score of the rating's scale (`NaN` when no rating). */
  readonly ratingMax: Float64Array;
  /**
   * Survey facts: bit 0 a survey was offered (`satisfactionOffered`, or any rating), bit 1 a
   * numeric rating without a `satisfactionScale` (unusable for CSAT).
   */
  readonly ratingFlags: Uint8Array;
  /** Dictionary codes of the labels, `-1` when absent (`undefined` or `""`). */
  readonly labels: Readonly<Record<BatchLabel, Int32Array>>;
  /** The dictionaries of the labels, shared by every batch of a run. */
  readonly dictionaries: Readonly<Record<BatchLabel, LabelDictionary>>;
  /** Tags, `undefined` when none. */
  readonly tags: (readonly string[] | undefined)[];
  /** The conversation, `undefined` when absent or empty. */
  readonly messages: (readonly Message[] | undefined)[];
  /** The status history, `undefined` when absent or empty. */
  readonly statusHistory: (readonly StatusChange[] | undefined)[];
  /** The assignee, group and priority history, `undefined` when absent or empty. */
  readonly fieldHistory: (readonly FieldChange[] | undefined)[];
  /** The durations the helpdesk exported, `undefined` when none. */
  readonly helpdesk: (HelpdeskDurations | undefined)[];
  /** The object a row was read from, when it was read from one (custom segment keys, SLA targets read it). */
  readonly source: (Ticket | undefined)[];
}

/** A new empty label dictionary. @category Engine */
export function labelDictionary(): LabelDictionary {
  return { values: [], codes: new Map() };
}

/** New dictionaries for every batch label. @category Engine */
export function labelDictionaries(): Record<BatchLabel, LabelDictionary> {
  return {
    channel: labelDictionary(),
    assignee: labelDictionary(),
    group: labelDictionary(),
    type: labelDictionary(),
    priority: labelDictionary(),
    brand: labelDictionary(),
  };
}

/**
 * A new empty batch of `capacity` rows, encoding labels with `dictionaries` (share them
 * between the batches of one run so codes stay stable).
 *
 * @category Engine
 */
export function ticketBatch(
  capacity: number,
  dictionaries: Readonly<Record<BatchLabel, LabelDictionary>> = labelDictionaries(),
): TicketBatch {
  const f64 = (): Float64Array => new Float64Array(capacity);
  const i32 = (): Int32Array => new Int32Array(capacity);
  return {
    length: 0,
    capacity,
    id: new Array<string>(capacity),
    createdAt: f64(),
    firstResponseAt: f64(),
    assignedAt: f64(),
    firstSolvedAt: f64(),
    solvedAt: f64(),
    status: new Uint8Array(capacity),
    replies: f64(),
    reopens: f64(),
    rating: f64(),
    ratingMin: f64(),
    ratingMax: f64(),
    ratingFlags: new Uint8Array(capacity),
    labels: { channel: i32(), assignee: i32(), group: i32(), type: i32(), priority: i32(), brand: i32() },
    dictionaries,
    tags: new Array<readonly string[] | undefined>(capacity),
    messages: new Array<readonly Message[] | undefined>(capacity),
    statusHistory: new Array<readonly StatusChange[] | undefined>(capacity),
    fieldHistory: new Array<readonly FieldChange[] | undefined>(capacity),
    helpdesk: new Array<HelpdeskDurations | undefined>(capacity),
    source: new Array<Ticket | undefined>(capacity),
  };
}

/** The code of `value` in `d`, added when new; `-1` for `undefined` or `""`. @category Engine */
export function labelCode(d: LabelDictionary, value: string | undefined): number {
  if (value === undefined || value === "") return -1;
  let code = d.codes.get(value);
  if (code === undefined) {
    code = d.values.length;
    d.values.push(value);
    d.codes.set(value, code);
  }
  return code;
}

/** The status of a row. @category Engine */
export function statusAt(batch: TicketBatch, row: number): TicketStatus {
  return TICKET_STATUSES[batch.status[row] as number] as TicketStatus;
}

/** Bit of {@link TicketBatch.ratingFlags}: a survey was offered. @category Engine */
export const RATING_OFFERED = 1;
/** Bit of {@link TicketBatch.ratingFlags}: a numeric rating without a scale. @category Engine */
export const RATING_NO_SCALE = 2;

/**
 * The ticket of a row: the object it was read from, or one rebuilt from the columns (for the
 * few rules that read a whole ticket, such as an SLA target's conditions).
 *
 * @category Engine
 */
export function rowTicket(batch: TicketBatch, row: number): Ticket {
  const source = batch.source[row];
  // The rebuild is its own function: its closures capture `batch` and `row`, and V8 would
  // allocate their context on every call, even those that return the source.
  return source !== undefined ? source : rebuildTicket(batch, row);
}

/** A ticket rebuilt from the columns of a row without a source. */
function rebuildTicket(batch: TicketBatch, row: number): Ticket {
  const date = (ms: number): Date | undefined => (Number.isNaN(ms) ? undefined : new Date(ms));
  const label = (name: BatchLabel): string | undefined => {
    const code = batch.labels[name][row] as number;
    return code < 0 ? undefined : batch.dictionaries[name].values[code];
  };
  const count = (x: number): number | undefined => (Number.isNaN(x) ? undefined : x);
  const fields: Record<string, unknown> = {
    id: batch.id[row],
    createdAt: new Date(batch.createdAt[row] as number),
    status: statusAt(batch, row),
    channel: label("channel"),
    assignee: label("assignee"),
    group: label("group"),
    type: label("type"),
    priority: label("priority"),
    brand: label("brand"),
    firstResponseAt: date(batch.firstResponseAt[row] as number),
    assignedAt: date(batch.assignedAt[row] as number),
    firstSolvedAt: date(batch.firstSolvedAt[row] as number),
    solvedAt: date(batch.solvedAt[row] as number),
    replies: count(batch.replies[row] as number),
    reopens: count(batch.reopens[row] as number),
    tags: batch.tags[row],
    messages: batch.messages[row],
    statusHistory: batch.statusHistory[row],
    fieldHistory: batch.fieldHistory[row],
    helpdesk: batch.helpdesk[row],
    ...ratingOf(batch, row),
  };
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields as unknown as Ticket;
}

/** The rating fields of a row, as a ticket has them. */
function ratingOf(batch: TicketBatch, row: number): Partial<Ticket> {
  const flags = batch.ratingFlags[row] as number;
  const score = batch.rating[row] as number;
  const out: { -readonly [K in keyof Ticket]?: Ticket[K] } = {};
  if ((flags & RATING_OFFERED) !== 0) out.satisfactionOffered = true;
  if (Number.isNaN(score)) return out;
  if (batch.ratingMin[row] === 0 && batch.ratingMax[row] === 1 && (score === 0 || score === 1))
    out.satisfaction = score === 1 ? "good" : "bad";
  else {
    out.satisfaction = score;
    out.satisfactionScale = { min: batch.ratingMin[row] as number, max: batch.ratingMax[row] as number };
  }
  return out;
}

/**
 * Per-ticket facts derived from batch rows, computed ONCE per row whatever the number of
 * metrics and segments that read them: `create` storage for a batch's rows, `observe` one row.
 * Providers with options (a schedule, the moment of judgement) are made by factories; the
 * metrics that read a provider's facts hold that very provider, and a composition runs each
 * distinct provider once per row.
 *
 * @typeParam F - The facts storage (typed arrays, one slot per row).
 * @category Engine
 */
export interface FactsProvider<F> {
  /** A name for messages. */
  readonly name: string;
  /**
   * Storage for `capacity` rows. `needs` is the union of the {@link TicketMetric.needs} of the
   * metrics that will read it (`undefined`: everything the provider can compute); a provider may
   * then compute only those parts.
   */
  create(capacity: number, needs?: number): F;
  /** Called before the rows of a new batch are observed (to reset storage shared by rows). */
  begin?(facts: F): void;
  /** Computes the facts of `row` (its `createdAt` is valid) into `facts`. */
  observe(facts: F, batch: TicketBatch, row: number): void;
}

/**
 * A metric over tickets that reads per-ticket facts: a {@link MetricAccumulator} of tickets
 * (`add(state, ticket)` observes the ticket and adds its facts), which the engine drives
 * batch-wise: each provider observes each row once, then `addRows` adds a list of rows (the
 * whole batch, or one segment's rows) to a state.
 *
 * @category Engine
 */
export interface TicketMetric<S, R, F> extends MetricAccumulator<Ticket, S, R> {
  /** Where this metric's per-ticket facts come from. */
  readonly facts: FactsProvider<F>;
  /**
   * The parts of its provider's facts this metric reads, as the provider's bit mask
   * (`undefined`: all of them). The engine gives each provider the union over the metrics it
   * feeds, so parts no metric reads are never computed.
   */
  readonly needs?: number;
  /**
   * The optional batch columns this metric reads, as a mask of `BATCH_COLUMNS` (`undefined`:
   * all of them). A composition fills only the union over its metrics; a column left out reads
   * as absent, so a metric must declare every column it reads (a property test checks it).
   */
  readonly columns?: number;
  /** Adds rows `rows[0 … count − 1]` of `batch`, whose facts are in `facts`, to `state`. */
  addRows(state: S, facts: F, batch: TicketBatch, rows: Int32Array, count: number): void;
}

/**
 * The provider of metrics that read only a batch's columns (status, labels, instants): it
 * computes nothing.
 *
 * @category Engine
 */
export const COLUMNS: FactsProvider<null> = { name: "columns", create: () => null, observe: () => undefined };
