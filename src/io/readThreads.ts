import type { AuthorRole } from "../models/message.ts";
import type { Ticket } from "../models/ticket.ts";
import { applyColumnMap, readModel, withBatches, type RecordBatch } from "./_engine.ts";
import { IdIndex } from "./_idIndex.ts";
import { InputFormatError } from "./InputFormatError.ts";
import { checkTimeZone, parseColumnMap } from "./_options.ts";
import { MetricRangeError } from "../_lib/errors.ts";
import { buildConversations, type ThreadMessage, type ThreadStats } from "./_threads.ts";
import { isThreadPreset, THREAD_CHANNEL, THREAD_FIELDS, THREAD_PRESETS, threadFields, threadReaderFor } from "./_threadPresets.ts";

/** Whether a preset name is a thread preset (for the command's checks). @internal */
export { isThreadPreset };
import type { InputInfo, InputSource, ReadOptions, ReadResult, ThreadPreset } from "./types.ts";

/**
 * Options of {@link readThreads}: the shared {@link ReadOptions} (`format`, `delimiter`,
 * `timeZone`, `dateFormat`, `map` with the fields `id`, `at`, `author`, `inReplyTo`,
 * `authorId`, `responses`), the preset and the channel.
 *
 * @category Input
 */
export interface ReadThreadsOptions extends ReadOptions {
  /**
   * The layout: `"threads"` (this library's columns `id`, `at`, `author`, `in_reply_to`,
   * `author_id`, `responses`) or `"twcs"` (the "Customer Support on Twitter" data set:
   * `tweet_id`, `created_at` in Twitter's layout, `inbound`, `in_response_to_tweet_id`,
   * `author_id`, `response_tweet_id`). Default `"threads"`.
   */
  readonly preset?: ThreadPreset;
  /** The channel written on every conversation; default `"social"` (`threads`) or `"twitter"` (`twcs`). */
  readonly channel?: string;
}

/**
 * What {@link readThreads} returns: the conversations as tickets, the accounting of the
 * messages read (`read = used + rejected + excluded`, `used` being the messages placed in a
 * conversation), and the thread accounting.
 *
 * @category Input
 */
export interface ThreadReadResult extends ReadResult<Ticket> {
  /** Conversations, answered ones, several responders, and the response lists' cross-check. */
  readonly threads: ThreadStats;
}

/** The ticket fields a conversation may carry, in model order, for `InputInfo.fields`. */
const TICKET_FIELDS_OF_THREADS = ["id", "createdAt", "status", "channel", "brand", "requesterId", "firstResponseAt"] as const;

/**
 * Reads a messages file whose messages link by reply ids (a social channel: each message names
 * the one it answers) and returns its conversations as tickets with their messages. A
 * conversation starts at a customer message that answers none and holds every message whose
 * chain of reply links leads to it; every other message is counted by reason.
 *
 * @param input - The file: a {@link InputSource} (in Node `openFile(path)` from `cx-metrics/io/node`).
 *   CSV, JSON or NDJSON, optionally gzip-compressed, as for `readTickets`.
 * @param options - {@link ReadThreadsOptions}; all optional (`preset` defaults to `"threads"`).
 * @returns The conversations (one ticket per start, in the file order of their starts), the
 *   accounting of the messages read and the thread accounting ({@link ThreadStats}). The whole
 *   file is read before this resolves (a reply may come before the message it answers), so
 *   every message is held in memory (a few hundred bytes each).
 * @throws {@link InputFormatError} `E_INPUT_COLUMNS` when the id, time, author or reply-link
 *   column is missing; `E_INPUT_SYNTAX`, `E_INPUT_EMPTY`, `E_INPUT_ENCODING`,
 *   `E_INPUT_DUPLICATE_COLUMN`, `E_INPUT_GZIP`, `E_INPUT_LIMIT` as `readTickets`.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_PRESET` for an unknown preset;
 *   `E_OPTION_VALUE` when `input` is not a source or `dateFormat` is not a layout;
 *   `E_TIME_ZONE`, `E_MAP_ENTRY`, `E_MAP_FIELD` for bad options.
 * @remarks The rules (docs/guide/definitions.md, "Threads from reply links"):
 * - A message is rejected (counted in `stats.rejected`, with its reasons) when its id, time or
 *   author is missing or does not parse, a reply link or response list does not parse, or its
 *   id repeats an earlier message's.
 * - A **conversation** starts at a `customer` message that answers none (blank reply link);
 *   it holds every message whose chain of reply links reaches that start.
 * - Every other message read is **excluded**, counted in `stats.excludedBy` by the reason of the
 *   top of its chain: `parent not found` (the chain reaches a reply whose parent is not among
 *   the messages read: absent from the file, or rejected), `not opened by a customer` (it starts at an agent's, bot's
 *   or system message that answers none: a brand's tweet starts nothing), `reply cycle`.
 * - The ticket: `id` the start's id; `createdAt` its time; `requesterId` its author;
 *   `brand` the author (`author_id`) of the conversation's first agent message in time
 *   (ties in file order), the account that replied; `firstResponseAt` that message's time;
 *   `status` `open` when an agent replied, else `new` (a thread has no status of its own:
 *   nothing is ever solved); `channel`; `messages` every message of the conversation, oldest
 *   first, all public.
 * - Several brands in one thread: the first to reply is the brand; the others' replies stay
 *   in the conversation as agent messages with their own `authorId` (counted in
 *   `threads.severalResponders`).
 * - The reply link decides membership; a `responses` list is only cross-checked
 *   (`threads.listedAbsent`, `threads.listConflicts`).
 * - `twcs`: `inbound` `True` is the customer, `False` the brand; ids written as floats by
 *   pandas (`3.0`) are read as `3`; `created_at` is read in Twitter's layout
 *   `EEE MMM dd HH:mm:ss xx yyyy` (the offset applied, the weekday checked against the date).
 * @example
 * ```ts
 * const { records, stats, threads } = await readThreads(openFile("twcs.csv"), { preset: "twcs" });
 * for await (const ticket of records) console.log(ticket.brand, ticket.firstResponseAt);
 * stats.read === stats.used + stats.rejected + stats.excluded; // => true
 * threads.conversations;                                       // => 1285 (the 5,000-row head)
 * ```
 * @see {@link https://www.kaggle.com/datasets/thoughtvector/customer-support-on-twitter | Customer Support on Twitter (Thought Vector)}
 * @see {@link https://developer.x.com/en/docs/twitter-api/v1/data-dictionary/object-model/tweet | Twitter's Tweet object (`in_reply_to_status_id`, `created_at`)}
 * @category Input
 */
export async function readThreads(input: InputSource, options?: ReadThreadsOptions): Promise<ThreadReadResult> {
  const fn = "readThreads";
  const opts = options ?? {};
  const preset = opts.preset ?? "threads";
  if (!isThreadPreset(preset)) {
    throw new MetricRangeError("E_PRESET", `${fn}: preset must be one of ${THREAD_PRESETS.join(", ")}, got ${JSON.stringify(preset)}`);
  }
  const timeZone = checkTimeZone(fn, opts.timeZone);
  const map = parseColumnMap(fn, opts.map, THREAD_FIELDS);
  const fields = applyColumnMap(fn, threadFields(preset, timeZone), map, threadReaderFor);
  const firstRecord = new IdIndex();
  const result = await readModel<ThreadMessage>(input, opts, {
    fn,
    preset,
    fields,
    build: ({ values, record }) => {
      const id = values["id"] as string;
      const first = firstRecord.add(id, record);
      if (first !== undefined) {
        return { ok: false, issues: [{ key: "id", reason: `must be unique; record ${String(first)} has the same id` }] };
      }
      const inReplyTo = values["inReplyTo"] as string | undefined;
      const authorId = values["authorId"] as string | undefined;
      const responses = values["responses"] as string[] | undefined;
      const message: ThreadMessage = {
        id,
        at: values["at"] as Date,
        author: values["author"] as AuthorRole,
        record,
        ...(inReplyTo === undefined ? {} : { inReplyTo }),
        ...(authorId === undefined ? {} : { authorId }),
        ...(responses === undefined ? {} : { responses }),
      };
      return { ok: true, value: message };
    },
  });
  const link = fields.find((spec) => spec.key === "inReplyTo");
  const checkLink = (): void => {
    if (link !== undefined && result.input.fields.includes("inReplyTo")) return;
    const expected = link?.columns ?? [];
    throw new InputFormatError(
      "E_INPUT_COLUMNS",
      `${fn}: ${result.input.name}: the ${preset} preset needs the reply link column (${expected.map((c) => JSON.stringify(c)).join(" or ") || "inReplyTo, unmapped"}), found ${result.input.columns.map((c) => JSON.stringify(c)).join(", ")}`,
      { preset, found: result.input.columns, expected, missing: expected.slice(0, 1), input: result.input.name },
    );
  };
  // A CSV header tells at once; JSON paths are known once the records are read.
  if (result.input.format === "csv") checkLink();
  const messages: ThreadMessage[] = [];
  for await (const message of result.records) messages.push(message);
  if (result.input.format !== "csv") checkLink();

  const built = buildConversations(messages, opts.channel ?? THREAD_CHANNEL[preset]);
  const stats = result.stats;
  for (const [reason, count] of Object.entries(built.excluded)) {
    stats.excluded += count;
    stats.used -= count;
    stats.excludedBy[reason] = (stats.excludedBy[reason] ?? 0) + count;
  }
  const tickets = built.conversations.map((c) => c.ticket);
  const info: InputInfo = { ...result.input, ...ticketFieldsOf(tickets, result.input) };
  const batches = async function* (): AsyncGenerator<RecordBatch<Ticket>> {
    const size = 1024;
    for (let at = 0; at < built.conversations.length; at += size) {
      const part = built.conversations.slice(at, at + size);
      yield { models: part.map((c) => c.ticket), records: part.map((c) => c.record) };
    }
  };
  async function* records(): AsyncGenerator<Ticket> {
    yield* tickets;
  }
  return withBatches({ records: records(), stats, rejects: result.rejects, input: info, threads: built.stats }, batches);
}

/** `InputInfo.fields` and `blankFields` in ticket terms: the fields a conversation can carry, and those none carries. */
function ticketFieldsOf(tickets: readonly Ticket[], read: InputInfo): Pick<InputInfo, "fields" | "blankFields"> {
  const withAuthor = read.fields.includes("authorId");
  const fields = TICKET_FIELDS_OF_THREADS.filter((field) => withAuthor || (field !== "brand" && field !== "requesterId"));
  const blankFields = fields.filter((field) => !tickets.some((ticket) => ticket[field] !== undefined));
  return { fields, blankFields };
}
