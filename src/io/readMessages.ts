import type { AuthorRole, Message } from "../models/message.ts";
import { REASONS } from "../_lib/reasons.ts";
import { applyColumnMap, readModel, type FieldSpec } from "./_engine.ts";
import { checkTimeZone, ID_SEPARATOR, parseColumnMap } from "./_options.ts";
import { readBoolean, readChoice, readId, readTimestamp, readText } from "./_values.ts";
import type { InputSource, ReadOptions, ReadResult } from "./types.ts";

/**
 * One message of a messages file, with the id of the ticket it belongs to.
 *
 * @category Input
 */
export interface TicketMessage {
  /** The id of the ticket the message belongs to. */
  readonly ticketId: string;
  /** The message. */
  readonly message: Message;
}

/**
 * Options of {@link readMessages}: the shared {@link ReadOptions} (`format`, `delimiter`,
 * `timeZone`, `dateFormat`, `map` with the fields `ticketId`, `at`, `author`, `public`, `authorId`).
 *
 * @category Input
 */
export type ReadMessagesOptions = ReadOptions;

/** Fields a column map may read from two columns (`A+B`): ids joined by `/`, a date and a time of day by a space. */
const JOINED_IDS = new Set(["ticketId"]);

const FIELDS = ["ticketId", "at", "author", "public", "authorId"] as const;

const AUTHOR_SYNONYMS = new Map<string, string>([
  ["end-user", "customer"],
  ["end_user", "customer"],
  ["enduser", "customer"],
  ["requester", "customer"],
  ["user", "customer"],
  ["contact", "customer"],
  ["lead", "customer"],
  ["admin", "agent"],
  ["teammate", "agent"],
  ["operator", "bot"],
]);

/** A message's author: customer, agent, bot or system, with the usual synonyms (end-user, admin, operator, …). @internal */
export const readAuthorRole = readChoice(["customer", "agent", "bot", "system"], REASONS.author, AUTHOR_SYNONYMS);

/**
 * Reads a messages file (columns `ticket_id`, `at`, `author`, `public`, `author_id`) as a
 * stream of {@link TicketMessage}s, rejecting and counting the rows that do not fit.
 *
 * @param input - The export: a {@link InputSource} (a Web `ReadableStream` of bytes, a `File`
 *   or `Blob`, an async iterable of bytes; in Node `openFile(path)` from `cx-metrics/io/node`).
 *   Its name (`.csv`, `.tsv`, `.json`, `.ndjson`, `.jsonl`, optionally `.gz`) or its first bytes
 *   decide the layout; gzip is recognised by its magic bytes.
 * @param options - {@link ReadMessagesOptions}; all optional.
 * @returns The messages (single-use async iterable) with the accounting; `read === used +
 *   rejected` once iterated. An empty file gives no messages.
 * @throws {@link InputFormatError} `E_INPUT_COLUMNS` at once when `ticket_id`, `at`,
 *   `author` or `public` is missing; `E_INPUT_SYNTAX` for JSON that is not an array or object.
 * @throws {@link InputFormatError} `E_INPUT_EMPTY`, `E_INPUT_ENCODING`, `E_INPUT_DUPLICATE_COLUMN`,
 *   `E_INPUT_GZIP`, `E_INPUT_LIMIT` for inputs that cannot be read (see `readTickets`).
 * @throws `MetricRangeError` (from `cx-metrics`) `E_OPTION_VALUE` at once when `input` is not a source (a path
 *   string is not: open it with `openFile`); `E_TIME_ZONE`, `E_OPTION_VALUE` (`dateFormat`), `E_MAP_ENTRY`,
 *   `E_MAP_FIELD` for bad options.
 * @remarks `author` is `customer`, `agent`, `bot` or `system` (also `end-user`, `requester`,
 *   `user`, `contact`, `lead` → customer; `admin`, `teammate` → agent; `operator` → bot);
 *   `public` is `true`/`false`. Messages are returned in file order.
 * @example
 * ```ts
 * const { records, stats } = await readMessages(openFile("examples/data/messages.csv"));
 * for await (const { ticketId, message } of records) console.log(ticketId, message.author);
 * stats.read === stats.used + stats.rejected; // => true
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc4180 | RFC 4180 (CSV)}
 * @category Input
 */
export async function readMessages(input: InputSource, options?: ReadMessagesOptions): Promise<ReadResult<TicketMessage>> {
  const fn = "readMessages";
  const opts = options ?? {};
  const timeZone = checkTimeZone(fn, opts.timeZone);
  const map = parseColumnMap(fn, opts.map, FIELDS);
  const base: FieldSpec[] = [
    { key: "ticketId", columns: ["ticket_id", "ticketId"], read: readId, required: true },
    { key: "at", columns: ["at"], read: readTimestamp(timeZone), required: true },
    { key: "author", columns: ["author"], read: readAuthorRole, required: true },
    { key: "public", columns: ["public"], read: readBoolean, required: true },
    { key: "authorId", columns: ["author_id", "authorId"], read: readText },
  ];
  const fields = applyColumnMap(fn, base, map, () => readText, {
    joinWith: (key) => (JOINED_IDS.has(key) ? ID_SEPARATOR : key === "at" ? " " : undefined),
  });
  return readModel<TicketMessage>(input, opts, {
    fn,
    preset: "messages",
    fields,
    build: ({ values }) => {
      const authorId = values["authorId"] as string | undefined;
      const message: Message = {
        at: values["at"] as Date,
        author: values["author"] as AuthorRole,
        public: values["public"] as boolean,
        ...(authorId === undefined ? {} : { authorId }),
      };
      return { ok: true, value: { ticketId: values["ticketId"] as string, message } };
    },
  });
}
