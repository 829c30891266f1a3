/**
 * THE list of the tickets table's columns (`ticketRows`, `--format csv --table tickets`): each
 * column's name, what it needs (a schedule, an SLA policy), its description and how its value is
 * read from the facts the report's own metrics computed for the ticket. Adding a per-ticket
 * column is adding one entry here and its field in `TicketRow` (./ticketRows.ts); the CSV header,
 * the rows and `ticketRowColumns` follow.
 *
 * @internal
 * @module
 */
import type { SlaStatus } from "../metrics/sla/index.ts";
import { SLA_METRICS } from "../metrics/sla/policy.ts";
import { slaFactCount, slaFactSkip, type SlaFacts } from "../metrics/sla/slaComplianceAccumulator.ts";
import {
  FROM_FIELDS,
  FROM_HELPDESK,
  FROM_MESSAGES,
  reasonOf,
  REPLIES_NO_DATA,
  REPLIES_UNRESOLVED,
  TICKET_DURATIONS,
  TURNS_NO_CUSTOMER,
  TURNS_NO_MESSAGES,
  TURNS_UNANSWERED,
  type TicketTimes,
} from "../metrics/time/ticketTimes.ts";
import type { Ticket } from "../models/ticket.ts";
import type { TicketBatch } from "../models/ticketBatch.ts";

/** What one row's values are read from. @internal */
export interface RowContext {
  /** The ticket as given. */
  readonly ticket: Ticket;
  /** The one-row batch it was pushed into (row 0). */
  readonly batch: TicketBatch;
  /** The ticket times of the duration and reply metrics (row 0). */
  readonly times: TicketTimes;
  /** The SLA judgements (row 0); `undefined` without a policy. */
  readonly sla: SlaFacts | undefined;
  /** The reopen-rate standing from the reopen-rate metric's own rule: `undefined` when counted, else its skip reason. */
  readonly reopenSkip: string | undefined;
}

/** A cell of the tickets table. @internal */
export type Cell = string | number | boolean | null;

/** One column: its name, what it needs, its meaning, its value. @internal */
export interface ColumnDef {
  readonly name: string;
  /** `schedule`: only with business hours; `slaPolicy`: only with an SLA policy. */
  readonly needs?: "schedule" | "slaPolicy";
  readonly description: string;
  readonly value: (c: RowContext) => Cell;
}

/** The column prefix of each per-ticket duration, in `TICKET_DURATIONS` order. @internal */
export const DURATION_PREFIXES = ["first_response", "resolution_first", "resolution", "assignment", "requester_wait"] as const;

const DURATION_MEANING: readonly string[] = [
  "first response time (time.firstResponse)",
  "time to the first solve (time.resolutionFirst)",
  "time to the final solve (time.resolutionFinal)",
  "time to the first assignment (time.assignment)",
  "requester wait time (time.requesterWait)",
];

const SOURCES = ["messages", "fields", "helpdesk"] as const;

function measured(c: RowContext, d: number): boolean {
  return (c.times.code[d] as number) <= FROM_HELPDESK;
}

function durationColumns(d: number): ColumnDef[] {
  const p = DURATION_PREFIXES[d] as string;
  const what = DURATION_MEANING[d] as string;
  return [
    {
      name: `${p}_ms`,
      description: `The ${what}, calendar ms; empty when not measured (see ${p}_skip)`,
      value: (c) => (measured(c, d) ? (c.times.cal[d] as number) : null),
    },
    {
      name: `${p}_business_ms`,
      needs: "schedule",
      description: `The ${what} in business hours, ms; empty when not measured, or for a helpdesk's calendar-only figure`,
      value: (c) => {
        const bus = c.times.bus[d] as number;
        return measured(c, d) && !Number.isNaN(bus) ? bus : null;
      },
    },
    {
      name: `${p}_source`,
      description: `Where the ${what} came from: messages, fields (the ticket's timestamps) or helpdesk (a duration the helpdesk exported)`,
      value: (c) => {
        const code = c.times.code[d] as number;
        return code === FROM_MESSAGES || code === FROM_FIELDS || code === FROM_HELPDESK ? SOURCES[code] : null;
      },
    },
    {
      name: `${p}_skip`,
      description: `Why the ticket has no ${what}: a skip or anomaly reason, as counted in the report's skipped.${TICKET_DURATIONS[d] as string}; empty when measured`,
      value: (c) => (measured(c, d) ? null : reasonOf(c.times.code[d] as number)),
    },
  ];
}

/** `firstResponse` → `first_response`. */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const label = (v: string | undefined): Cell => (v === undefined || v === "" ? null : v);

/** The SLA metrics' column prefixes, in `SLA_METRICS` order. */
const SLA_PREFIXES: readonly string[] = SLA_METRICS.map((m) => `sla_${snake(m)}`);
/** In the order of the SLA facts' counts. */
const SLA_STATUS_NAMES = ["achieved", "breached", "running"] as const satisfies readonly SlaStatus[];

function slaColumns(m: number): ColumnDef[] {
  const p = SLA_PREFIXES[m] as string;
  const metric = SLA_METRICS[m] as string;
  return [
    ...SLA_STATUS_NAMES.map((status, s): ColumnDef => ({
      name: `${p}_${status}`,
      needs: "slaPolicy",
      description: `Checks of the ${metric} target ${status} at asOf (sla.byMetric.${metric}.${status}; next response: one check per customer turn)`,
      value: (c) => (c.sla === undefined ? null : slaFactCount(c.sla, 0, m, s)),
    })),
    {
      name: `${p}_skip`,
      needs: "slaPolicy",
      description: `Why the ticket was not judged on ${metric}: notCreated, a skip or an anomaly reason (sla.skipped, sla.anomalies); empty when judged`,
      value: (c) => (c.sla === undefined ? null : (slaFactSkip(c.sla, 0, m) ?? null)),
    },
  ];
}

/**
 * Every column of the tickets table, in order. Columns with `needs` are written only when the
 * run has that option.
 *
 * @internal
 */
export const TICKET_COLUMNS: readonly ColumnDef[] = [
  { name: "id", description: "The ticket's id", value: (c) => c.ticket.id },
  { name: "created_at", description: "When it was created (ISO 8601, UTC)", value: (c) => c.ticket.createdAt.toISOString() },
  { name: "status", description: "Its normalised status", value: (c) => c.ticket.status },
  { name: "channel", description: "Its channel", value: (c) => label(c.ticket.channel) },
  { name: "assignee", description: "Its current assignee", value: (c) => label(c.ticket.assignee) },
  { name: "group", description: "Its group", value: (c) => label(c.ticket.group) },
  { name: "type", description: "Its type", value: (c) => label(c.ticket.type) },
  { name: "priority", description: "Its priority", value: (c) => label(c.ticket.priority) },
  { name: "requester_id", description: "The requester's (customer's) id", value: (c) => label(c.ticket.requesterId) },
  ...TICKET_DURATIONS.flatMap((_, d) => durationColumns(d)),
  {
    name: "response_turns",
    description: "Customer turns answered, each one value of time.responses",
    value: (c) => (c.times.turnFlag[0] === TURNS_NO_MESSAGES ? null : (c.times.turnCount[0] as number)),
  },
  {
    name: "responses_skip",
    description:
      "Why the ticket's turns are not all in time.responses: noMessages, unanswered (its answered turns still count), noCustomerMessage",
    value: (c) => {
      const flag = c.times.turnFlag[0] as number;
      return flag === TURNS_NO_MESSAGES
        ? "noMessages"
        : flag === TURNS_UNANSWERED
          ? "unanswered"
          : flag === TURNS_NO_CUSTOMER
            ? "noCustomerMessage"
            : null;
    },
  },
  {
    name: "replies_to_resolve",
    description: "Public agent replies of a resolved ticket (time.repliesToResolve; 1 is one-touch)",
    value: (c) => {
      const n = c.times.replies[0] as number;
      return n >= 0 ? n : null;
    },
  },
  {
    name: "replies_skip",
    description: "Why there is no replies_to_resolve: unresolved or noReplyData",
    value: (c) => {
      const n = c.times.replies[0] as number;
      return n === REPLIES_UNRESOLVED ? "unresolved" : n === REPLIES_NO_DATA ? "noReplyData" : null;
    },
  },
  {
    name: "reopens",
    description: "Times reopened, as exported",
    value: (c) => {
      const n = c.batch.reopens[0] as number;
      return Number.isNaN(n) ? null : n;
    },
  },
  {
    name: "reopen_skip",
    description: "Why the ticket is not in the reopen rate's denominator: noReopenData or neverSolved",
    value: (c) => c.reopenSkip ?? null,
  },
  ...SLA_METRICS.flatMap((_, m) => slaColumns(m)),
];
