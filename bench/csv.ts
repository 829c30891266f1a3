/**
 * A seeded generic-preset CSV export for the command's benchmark: the columns of
 * examples/data/tickets.csv, one row per ticket of {@link generateTickets}, written through
 * a stream (with back-pressure) so a million rows never sit in memory.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Ticket, TicketStatus } from "../src/models/index.ts";
import { createRandom } from "../src/_lib/random.ts";
import { generateTickets } from "./generate.ts";

/** The header of examples/data/tickets.csv. */
export const CSV_COLUMNS = [
  "id",
  "created_at",
  "status",
  "channel",
  "type",
  "priority",
  "assignee",
  "group",
  "requester_id",
  "assigned_at",
  "first_response_at",
  "first_solved_at",
  "solved_at",
  "closed_at",
  "reopens",
  "replies",
  "satisfaction",
  "tags",
] as const;

/** Status names as a helpdesk exports them (examples/data/tickets.csv spells them so). */
const STATUS_NAMES: Readonly<Record<TicketStatus, string>> = {
  new: "New",
  open: "Open",
  pending: "Pending",
  on_hold: "On-hold",
  solved: "Solved",
  closed: "Closed",
};

const DAY = 86_400_000;

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const iso = (date: Date | undefined): string => (date === undefined ? "" : date.toISOString());

/** One CSV line (with its `\n`) for a ticket; `random` decides satisfaction. */
function line(ticket: Ticket, random: () => number): string {
  const closedAt = ticket.status === "closed" && ticket.solvedAt !== undefined ? new Date(ticket.solvedAt.getTime() + 4 * DAY) : undefined;
  // About a fifth of resolved tickets carry a rating, four good to one bad.
  const resolved = ticket.solvedAt !== undefined;
  const rating = resolved && random() < 0.2 ? (random() < 0.8 ? "good" : "bad") : "";
  return [
    ticket.id,
    iso(ticket.createdAt),
    STATUS_NAMES[ticket.status],
    ticket.channel ?? "",
    ticket.type ?? "",
    ticket.priority ?? "",
    ticket.assignee ?? "",
    ticket.group ?? "",
    ticket.requesterId ?? "",
    iso(ticket.assignedAt),
    iso(ticket.firstResponseAt),
    iso(ticket.firstSolvedAt),
    iso(ticket.solvedAt),
    iso(closedAt),
    String(ticket.reopens ?? 0),
    String(ticket.replies ?? 0),
    rating,
    (ticket.tags ?? []).join(","),
  ]
    .map(field)
    .join(",")
    .concat("\n");
}

/** Options of {@link writeTicketsCsv}. */
export interface WriteTicketsCsvOptions {
  /** How many data rows. */
  readonly rows: number;
  /** The seed of the tickets and ratings. Default 42. */
  readonly seed?: number;
}

/**
 * Writes a generic-preset ticket CSV of `options.rows` rows to `path` and resolves with its
 * size in bytes. Deterministic for a seed: the same rows, byte for byte, on every machine.
 *
 * @param path - The file to (over)write.
 * @param options - {@link WriteTicketsCsvOptions}.
 */
export async function writeTicketsCsv(path: string, options: WriteTicketsCsvOptions): Promise<number> {
  const seed = options.seed ?? 42;
  const random = createRandom(seed * 104_729 + 7);
  const out = createWriteStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  const finished = once(out, "finish");
  let batch = `${CSV_COLUMNS.join(",")}\n`;
  // Tickets without messages: the export has no message list, and generating them only costs time.
  for (const ticket of generateTickets({ count: options.rows, seed, days: 90, messageShare: 0 })) {
    batch += line(ticket, random);
    if (batch.length >= 1 << 16) {
      if (!out.write(batch)) await once(out, "drain");
      batch = "";
    }
  }
  out.end(batch);
  await finished;
  return out.bytesWritten;
}
