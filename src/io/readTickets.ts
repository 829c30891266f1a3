import { MetricRangeError } from "../_lib/errors.ts";
import type { Ticket, TicketStatus } from "../models/ticket.ts";
import { applyColumnMap, readModel, recordBatches, withBatches, type FieldSpec, type RecordBatch } from "./_engine.ts";
import { IdIndex } from "./_idIndex.ts";
import { checkTimeZone, ID_SEPARATOR, parseColumnMap, statusReader, type StatusMap } from "./_options.ts";
import { checkDateFormat } from "./dateFormat.ts";
import { isRating, readScaledRating, splitRatingScale } from "./_ratings.ts";
import {
  defaultTicketReader,
  PRE,
  PRECOMPUTED_KEYS,
  STATUS_TABLES,
  TICKET_FIELDS,
  ticketFields,
  ticketUnwrap,
  type RowPreset,
  type StatusExclusion,
} from "./_ticketPresets.ts";
import { readMessages, type ReadMessagesOptions } from "./readMessages.ts";
import { readEvents, type ReadEventsOptions } from "./readEvents.ts";
import { openJoins, type EventJoin, type MessageJoin } from "./_joins.ts";
import { EXCLUDED } from "./_presetKit.ts";
import { VENDOR_PRESETS } from "./_presetVendors.ts";
import { isThreadPreset, THREAD_PRESETS } from "./_threadPresets.ts";
import type { ThreadStats } from "./_threads.ts";
import { readThreads } from "./readThreads.ts";
import type { InputSource, ReadOptions, ReadResult, ThreadPreset, TicketPreset } from "./types.ts";

export type { EventJoin, MessageJoin } from "./_joins.ts";

/**
 * Options of {@link readTickets}.
 *
 * @category Input
 */
export interface ReadTicketsOptions extends ReadOptions {
  /** The column preset; default `"generic"`. */
  readonly preset?: TicketPreset;
  /**
   * Extra status names and their category (`{ "Escalated": "open" }` or
   * `["Escalated=open"]`), matched like the preset's names (case, spaces, `-` and `_`
   * folded); they win over the preset's table. Default: none.
   */
  readonly statusMap?: StatusMap;
  /**
   * A messages export (a source like `input`; see {@link readMessages}) to attach to the tickets by id. It is read
   * whole before the first ticket is returned and grouped per ticket id, so its messages
   * are held in memory (about 200 bytes per message). Default: none.
   */
  readonly messages?: InputSource;
  /** Options of the messages file; default: `{ timeZone, dateFormat }` of these options. */
  readonly messagesOptions?: ReadMessagesOptions;
  /**
   * A ticket history file (a source like `input`; see `readEvents`) whose status changes become
   * each ticket's `statusHistory` and whose assignee, group and priority changes its
   * `fieldHistory`, joined by id like `messages` (read whole first, held in memory). Default: none.
   */
  readonly events?: InputSource;
  /** Options of the history file; default: `{ timeZone, dateFormat, statusMap }` of these options (preset `generic`). */
  readonly eventsOptions?: ReadEventsOptions;
}

/**
 * What {@link readTickets} returns: the shared {@link ReadResult} plus the messages join.
 * Durations the helpdesk exported are on each ticket ({@link Ticket.helpdesk}).
 *
 * @category Input
 */
export interface TicketReadResult extends ReadResult<Ticket> {
  /** The messages join, when `options.messages` was given. */
  readonly messages?: MessageJoin;
  /** The history join, when `options.events` was given. */
  readonly events?: EventJoin;
  /** The thread accounting, for a thread preset (`threads`, `twcs`; see `readThreads`). */
  readonly threads?: ThreadStats;
}

/**
 * Every ticket preset {@link readTickets} reads, in the order the docs list them.
 *
 * @example
 * ```ts
 * TICKET_PRESETS.includes("zendesk-csv"); // => true
 * ```
 * @category Input
 */
export const TICKET_PRESETS: readonly TicketPreset[] = [
  "generic",
  "zendesk-csv",
  "zendesk-json",
  "freshdesk-csv",
  "intercom-json",
  ...VENDOR_PRESETS,
  ...THREAD_PRESETS,
];
const REQUIRED = new Set<string>(TICKET_FIELDS.slice(0, 3));
const MODEL_FIELD = 0;
const REQUIRED_FIELD = 1;
const PRECOMPUTED_FIELD = 2;
const EXCLUDED_FIELD = 3;
const RATING_FIELD = 4;
const precomputedKeys = new Set<string>(PRECOMPUTED_KEYS);
const keyOf = (field: string): string => (precomputedKeys.has(field) ? `${PRE}${field}` : field);
/** Fields a column map may read from two columns (`A+B`): ids joined by `/`, a date and a time of day by a space. */
const ID_FIELDS = new Set(["id", "requesterId"]);
const TIME_FIELDS = new Set(["createdAt", "assignedAt", "firstResponseAt", "firstSolvedAt", "solvedAt", "closedAt"]);

/** The preset's fields after the column map and the satisfaction scale: what {@link readTickets} reads. */
function ticketFieldSpecs(
  fn: string,
  opts: ReadTicketsOptions,
): { preset: RowPreset; fields: FieldSpec[]; timeZone: string | undefined; dateFormat: string | undefined } {
  const preset = opts.preset ?? "generic";
  if (!TICKET_PRESETS.includes(preset)) {
    throw new MetricRangeError("E_PRESET", `${fn}: preset must be one of ${TICKET_PRESETS.join(", ")}, got ${JSON.stringify(preset)}`);
  }
  if (isThreadPreset(preset)) throw new Error(`unreachable: the ${preset} preset reads no ticket columns`);
  const timeZone = checkTimeZone(fn, opts.timeZone);
  const status = statusReader(fn, preset, STATUS_TABLES[preset], opts.statusMap);
  const ctx = { timeZone, status };
  // `satisfaction=COL:MIN-MAX` states the scale of a mapped rating column.
  const rating = splitRatingScale(fn, opts.map);
  const map = parseColumnMap(fn, rating.map, [...TICKET_FIELDS, ...PRECOMPUTED_KEYS]);
  const dateFormat = checkDateFormat(fn, opts.dateFormat);
  let fields = applyColumnMap(fn, ticketFields(preset, ctx), map, (key) => defaultTicketReader(key, ctx), {
    keyOf,
    isDuration: (key) => key.startsWith(PRE),
    joinWith: (key) => (ID_FIELDS.has(key) ? ID_SEPARATOR : TIME_FIELDS.has(key) ? " " : undefined),
  });
  const scale = rating.scale;
  if (scale !== undefined) {
    const where = `the scale stated with satisfaction=${map.get("satisfaction") ?? ""}:${String(scale.min)}-${String(scale.max)}`;
    fields = fields.map((spec) => (spec.key === "satisfaction" ? { ...spec, read: readScaledRating(scale, where) } : spec));
  }
  return { preset, fields, timeZone, dateFormat };
}

/**
 * Reads a helpdesk ticket export as a stream of {@link Ticket}s through a column preset,
 * rejecting and counting every record that does not fit and every ticket left out on
 * purpose, so that `read = used + rejected + excluded`.
 *
 * @param input - The export: a {@link InputSource} (a Web `ReadableStream` of bytes, a `File`
 *   or `Blob`, an async iterable of bytes; in Node `openFile(path)` from `cx-metrics/io/node`).
 *   Its name (`.csv`, `.tsv`, `.json`, `.ndjson`, `.jsonl`, optionally `.gz`) or its first bytes
 *   decide the layout; gzip is recognised by its magic bytes.
 * @param options - {@link ReadTicketsOptions}; all optional (`preset` defaults to `"generic"`).
 * @returns The tickets (single-use async iterable, read as you iterate), the accounting
 *   (final once iterated), the rejects (every issue of every rejected record) and the
 *   messages and history joins (`messages`, `events`: attached, unmatched). An empty file gives no tickets.
 * @throws {@link InputFormatError} `E_INPUT_COLUMNS` at once when the input lacks the
 *   preset's required columns (id, creation time, status) or a mapped column;
 *   `E_INPUT_SYNTAX` when a JSON input is neither an array nor an object; `E_INPUT_EMPTY`,
 *   `E_INPUT_ENCODING` (UTF-16), `E_INPUT_DUPLICATE_COLUMN` at once; `E_INPUT_GZIP` (a damaged
 *   gzip stream) and `E_INPUT_LIMIT` (a record past 64 MiB that cannot be skipped) while the
 *   records are iterated, after those before the damage.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_OPTION_VALUE` at once when `input` is not a source (a path
 *   string is not: open it with `openFile`); `E_PRESET` for an unknown preset; `E_TIME_ZONE` for an
 *   invalid `timeZone`; `E_OPTION_VALUE` for a `dateFormat` that is not a date layout;
 *   `E_MAP_ENTRY` / `E_MAP_FIELD` for a bad column map (also, when the input is opened, a
 *   duration mapped without a unit to a column whose name states none; and a satisfaction
 *   scale whose bounds are not integers MIN < MAX); `E_STATUS_MAP` for a bad status map.
 * @remarks With a thread preset (`threads`, `twcs`) the input is a messages file linked by
 *   reply ids and this is {@link readThreads}: conversations as tickets, the accounting counting
 *   messages, `threads` set; `statusMap`, `messages` and `events` then throw `E_OPTION_VALUE`. Otherwise:
 *   a record is rejected when a required value is missing, a value the preset reads
 *   does not parse (a bad date, a negative count, an unknown status), its id repeats an
 *   earlier returned ticket's, or the CSV row is malformed; the reject names the column as
 *   the input spells it. Absent optional values are left out of the ticket (never
 *   `undefined`). Timestamps that contradict each other (solved before created) are kept,
 *   as the models are: the metrics report them. A mapped duration is read in the unit its
 *   map entry states (`firstReply=COL:h`) or its column's name states (`(hours)`, `in
 *   minutes`); dates and ids may be mapped from two columns (`createdAt=Date+Time`, joined by a
 *   space; `id=Mailbox+Number`, joined by `/`); `dateFormat` reads timestamps in another
 *   layout (docs/guide/cli.md has the rules). `rawStatus` always holds the status as
 *   exported. An unknown status is rejected with a reason that names it and `--status-map`
 *   (`statusMap` here). A status the preset marks as deleted or spam (Zendesk `deleted`;
 *   `deleted` and `spam` in the generic preset) leaves the ticket out: it is counted in
 *   `stats.excluded` and `stats.excludedBy`, not rejected, so `read = used + rejected + excluded`.
 *   Ratings fill `satisfaction`, `satisfactionScale` and `satisfactionOffered` together:
 *   Zendesk good / bad (offered and answered) and offered (no answer); Freshdesk's seven
 *   levels as 1–7; Intercom's 1–5 stars; a mapped column `satisfaction=COL:MIN-MAX` on
 *   its stated scale (out-of-scale values rejected), or without a scale good / bad /
 *   offered / unoffered or a number kept without a scale. Memory: the ids seen, for the duplicate check (decimal ids
 *   numbered in order: 1 to 4 bytes each; scattered ones 32 to 64; others about 90), and the
 *   messages file; never the whole ticket file (a JSON document wrapped in an object, such as
 *   `{ tickets, metric_sets }`, is the exception: it is parsed whole).
 * @example
 * ```ts
 * const { records, stats, rejects } = await readTickets(openFile("examples/data/tickets.csv"));
 * const tickets = [];
 * for await (const ticket of records) tickets.push(ticket);
 * stats.read === stats.used + stats.rejected; // => true
 * stats.rejected;                             // => 2
 * rejects.some((r) => r.column === "created_at" && r.reason === "must have an hour from 00 to 23"); // => true
 * ```
 * @see {@link https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/ | Zendesk ticket metrics}
 * @category Input
 */
export async function readTickets(input: InputSource, options?: ReadTicketsOptions): Promise<TicketReadResult> {
  const fn = "readTickets";
  const opts = options ?? {};
  // A thread preset reads conversations from reply links (./readThreads.ts), not ticket columns.
  const chosen = opts.preset ?? "generic";
  if (TICKET_PRESETS.includes(chosen) && isThreadPreset(chosen)) return readThreadPreset(input, opts, chosen);
  const { preset, fields, timeZone, dateFormat } = ticketFieldSpecs(fn, opts);

  const joins = await openJoins(opts, {
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(dateFormat === undefined ? {} : { dateFormat }),
    ...(opts.statusMap === undefined ? {} : { statusMap: opts.statusMap }),
  });

  // The slots of the required fields and which slots are precomputed durations, found once
  // per input (the engine hands the same `keys` array for every record).
  let slotsOf: readonly string[] | undefined;
  let idSlot = -1;
  let createdSlot = -1;
  let statusSlot = -1;
  let kinds: Uint8Array = new Uint8Array(0);
  let excludedSlots: number[] = [];
  const layout = (keys: readonly string[]): void => {
    slotsOf = keys;
    idSlot = keys.indexOf("id");
    createdSlot = keys.indexOf("createdAt");
    statusSlot = keys.indexOf("status");
    kinds = Uint8Array.from(keys, (key) =>
      REQUIRED.has(key)
        ? REQUIRED_FIELD
        : key.startsWith(PRE)
          ? PRECOMPUTED_FIELD
          : key.startsWith(EXCLUDED)
            ? EXCLUDED_FIELD
            : key === "satisfaction"
              ? RATING_FIELD
              : MODEL_FIELD,
    );
    excludedSlots = keys.flatMap((key, slot) => (key.startsWith(EXCLUDED) ? [slot] : []));
  };
  const firstRecord = new IdIndex();
  const unwrap = ticketUnwrap(preset);
  const result = await readModel<Ticket>(input, opts, {
    fn,
    preset,
    fields,
    ...(unwrap === undefined ? {} : { unwrap }),
    buildSlots: ({ keys, values, raws, record }) => {
      if (keys !== slotsOf) layout(keys);
      const status = values[statusSlot] as TicketStatus | StatusExclusion;
      // A deleted or spam ticket (by its status, or a vendor preset's exclusion fields) is
      // left out and counted, before its id is taken.
      if (typeof status === "object") return { ok: false, excluded: status.excluded };
      for (const slot of excludedSlots) {
        const reason = values[slot];
        if (typeof reason === "string") return { ok: false, excluded: reason };
      }
      const id = values[idSlot] as string;
      const first = firstRecord.add(id, record);
      if (first !== undefined) {
        return { ok: false, issues: [{ key: "id", reason: `must be unique; record ${String(first)} has the same id` }] };
      }
      const ticket: Record<string, unknown> = {
        id,
        createdAt: values[createdSlot],
        status,
        rawStatus: String(raws[statusSlot]).trim(),
      };
      let pre: Record<string, number> | undefined;
      for (let slot = 0; slot < keys.length; slot++) {
        const value = values[slot];
        if (value === undefined || kinds[slot] === REQUIRED_FIELD || kinds[slot] === EXCLUDED_FIELD) continue;
        if (kinds[slot] === PRECOMPUTED_FIELD) {
          pre ??= {};
          pre[(keys[slot] as string).slice(PRE.length)] = value as number;
        } else if (kinds[slot] === RATING_FIELD && isRating(value)) Object.assign(ticket, value);
        else ticket[keys[slot] as string] = value;
      }
      joins?.attach(ticket, id, ticket["createdAt"] as Date);
      if (pre !== undefined) ticket["helpdesk"] = pre;
      return { ok: true, value: ticket as unknown as Ticket };
    },
  });

  const batches = (): AsyncIterable<RecordBatch<Ticket>> => recordBatches(result) ?? (async function* () {})();
  if (joins === undefined) return withBatches({ ...result }, batches);
  const joined = joins;
  const inner = result.records;
  async function* records(): AsyncGenerator<Ticket> {
    yield* inner;
    joined.finish();
  }
  async function* joinedBatches(): AsyncGenerator<RecordBatch<Ticket>> {
    yield* batches();
    joined.finish();
  }
  const companions = {
    ...(joins.messages === undefined ? {} : { messages: joins.messages }),
    ...(joins.events === undefined ? {} : { events: joins.events }),
  };
  return withBatches({ ...result, records: records(), ...companions }, joinedBatches);
}

/**
 * The latest instant in the timestamp columns of a ticket export and of its messages and history files,
 * read as {@link readTickets} reads them (preset, column map, time zone, date layout) but
 * from every record, rejected and excluded ones too, and without building tickets: an upper
 * bound, often equal, of the latest instant of the tickets `readTickets` returns (their
 * timestamps and attached messages). `-Infinity` when there is none; `undefined` for input
 * that is not CSV (a JSON ticket may hold messages and status changes the columns do not
 * show). The command's default `--as-of` starts from it and checks it against what it reads.
 *
 * @internal
 */
export async function latestTicketInstant(input: InputSource, options: ReadTicketsOptions): Promise<number | undefined> {
  const fn = "readTickets";
  if (isThreadPreset(options.preset ?? "generic")) return undefined;
  const { preset, fields, timeZone, dateFormat } = ticketFieldSpecs(fn, options);
  let latest = -Infinity;
  const see = (value: unknown): void => {
    const t = value instanceof Date ? value.getTime() : Number.NaN;
    if (t > latest) latest = t;
  };
  const times = fields.filter((f) => TIME_FIELDS.has(f.key)).map((f): FieldSpec => ({ ...f, required: false }));
  const result = await readModel<never>(input, options, {
    fn,
    preset,
    fields: times,
    onlyColumns: true,
    buildSlots: ({ values }) => {
      for (const value of values) see(value);
      return { ok: false, excluded: "" };
    },
  });
  const batches = recordBatches(result)?.[Symbol.asyncIterator]();
  if (batches === undefined) return undefined;
  if (result.input.format !== "csv") {
    // Started, then stopped: the reader releases its input.
    await batches.next();
    await batches.return?.();
    return undefined;
  }
  // Every record goes through buildSlots, which keeps the latest instant and returns nothing.
  while ((await batches.next()).done !== true);
  const inherited = { ...(timeZone === undefined ? {} : { timeZone }), ...(dateFormat === undefined ? {} : { dateFormat }) };
  if (options.messages !== undefined) {
    const messages = await readMessages(options.messages, options.messagesOptions ?? inherited);
    for await (const { message } of messages.records) see(message.at);
  }
  if (options.events !== undefined) {
    const statusMap = options.statusMap === undefined ? {} : { statusMap: options.statusMap };
    const events = await readEvents(options.events, options.eventsOptions ?? { ...inherited, ...statusMap });
    for await (const { change } of events.records) see(change.at);
  }
  return latest;
}

/**
 * A thread preset through {@link readTickets}: `readThreads` with the shared options. A status
 * map, a messages file or a history file has no meaning there (the statuses and the messages
 * come from the thread itself), so each throws rather than being ignored.
 */
async function readThreadPreset(input: InputSource, opts: ReadTicketsOptions, preset: ThreadPreset): Promise<TicketReadResult> {
  const { statusMap, messages, messagesOptions, events, eventsOptions, preset: _, ...shared } = opts;
  const given = Object.entries({ statusMap, messages, messagesOptions, events, eventsOptions }).find(
    ([, value]) => value !== undefined,
  )?.[0];
  if (given !== undefined) {
    throw new MetricRangeError(
      "E_OPTION_VALUE",
      `readTickets: ${given} must be left out with the ${preset} preset (its conversations, their messages and statuses come from the reply links), got ${given === "statusMap" ? JSON.stringify(statusMap) : "a value"}`,
    );
  }
  return readThreads(input, { ...shared, preset });
}
