/**
 * One row per ticket: every per-ticket duration, count, flag and skip reason the report
 * aggregates, so a KPI can be traced to the tickets behind it. The values are the facts the
 * report's own metrics compute (the same composition, the same providers), never a second
 * formula.
 *
 * @module
 */
import { isValidDate } from "../metrics/volume/timeline.ts";
import type { SlaFacts } from "../metrics/sla/slaComplianceAccumulator.ts";
import type { TicketTimes } from "../metrics/time/ticketTimes.ts";
import type { ReopenRateState } from "../metrics/volume/reopenRate.ts";
import { pushTicket } from "../models/pushTicket.ts";
import type { Ticket, TicketStatus } from "../models/ticket.ts";
import { ticketBatch, type TicketBatch } from "../models/ticketBatch.ts";
import { observeRows, planColumns, planFacts, type AnyTicketMetric } from "./_engine.ts";
import { compileOptions } from "./_options.ts";
import { TICKET_COLUMNS, type Cell, type RowContext } from "./_ticketColumns.ts";
import { reportPlan } from "./composition.ts";
import type { ReportOptions } from "./options.ts";
import type { ReportMetricName } from "./selectedTypes.ts";

/**
 * The column prefixes of the per-ticket durations: first response, first solve, final solve
 * (`resolution`), first assignment, requester wait.
 *
 * @category Report
 */
export type TicketRowDuration = "first_response" | "resolution_first" | "resolution" | "assignment" | "requester_wait";

/**
 * The column prefixes of the SLA metrics.
 *
 * @category Report
 */
export type TicketRowSla = "sla_first_response" | "sla_next_response" | "sla_resolution";

/**
 * One ticket of the tickets table ({@link ticketRows}, `--format csv --table tickets`). Every
 * field is present; `null` where the ticket has no value (and every business field without a
 * schedule, every `sla_*` field without a policy). Durations are milliseconds; `*_skip` holds
 * the reason the report counted for a ticket without a figure (its `skipped` section).
 *
 * @category Report
 */
export type TicketRow = {
  /** The ticket's id. */
  readonly id: string;
  /** `createdAt`, ISO 8601 in UTC. */
  readonly created_at: string;
  /** The normalised status. */
  readonly status: TicketStatus;
  /** The channel. */
  readonly channel: string | null;
  /** The current assignee. */
  readonly assignee: string | null;
  /** The group. */
  readonly group: string | null;
  /** The type. */
  readonly type: string | null;
  /** The priority. */
  readonly priority: string | null;
  /** The requester's id. */
  readonly requester_id: string | null;
  /** Customer turns answered (each one value of `time.responses`); `null` without messages. */
  readonly response_turns: number | null;
  /** `noMessages`, `unanswered` or `noCustomerMessage` (as `skipped.responses`). */
  readonly responses_skip: string | null;
  /** Public agent replies of a resolved ticket (`time.repliesToResolve`). */
  readonly replies_to_resolve: number | null;
  /** `unresolved` or `noReplyData` (as `skipped.repliesToResolve`). */
  readonly replies_skip: string | null;
  /** Times reopened, as exported. */
  readonly reopens: number | null;
  /** `noReopenData` or `neverSolved`: not in the reopen rate's denominator (as `reopens.skipped`). */
  readonly reopen_skip: string | null;
} & { readonly [P in TicketRowDuration as `${P}_ms` | `${P}_business_ms`]: number | null } & {
  readonly [P in TicketRowDuration as `${P}_source`]: "messages" | "fields" | "helpdesk" | null;
} & { readonly [P in TicketRowDuration as `${P}_skip`]: string | null } & {
  readonly [P in TicketRowSla as `${P}_achieved` | `${P}_breached` | `${P}_running`]: number | null;
} & { readonly [P in TicketRowSla as `${P}_skip`]: string | null };

/**
 * A column of the tickets table.
 *
 * @category Report
 */
export interface TicketRowColumn {
  /** The field of {@link TicketRow} (and the CSV header). */
  readonly name: keyof TicketRow & string;
  /** What it holds. */
  readonly description: string;
}

/**
 * Options of {@link ticketRows} and {@link ticketRowMaker}: the report's options that change a
 * ticket's figures. Give the same values as to the report the rows explain.
 *
 * @category Report
 */
export interface TicketRowsOptions {
  /** The moment of judgement (SLA checks still running). Required. */
  readonly asOf: Date;
  /** Business hours: with one, the `*_business_ms` columns. Default: none. */
  readonly schedule?: ReportOptions["schedule"];
  /** An SLA policy: with one, the `sla_*` columns. Default: none. */
  readonly slaPolicy?: ReportOptions["slaPolicy"];
  /** Only tickets created in `[from, to)` get a row, as in the report. Default: every ticket. */
  readonly period?: ReportOptions["period"];
}

/**
 * Makes the tickets table one ticket at a time (what the command streams).
 *
 * @category Report
 */
export interface TicketRowMaker {
  /** The columns written for these options (business columns with a schedule, SLA columns with a policy), in order. */
  readonly columns: readonly TicketRowColumn[];
  /** The row of `ticket`; `undefined` when it is out of the report's scope (counted in `skipped`). */
  row(ticket: Ticket): TicketRow | undefined;
  /** The same row as its values in `columns` order (what a CSV writer wants; no object built). */
  cells(ticket: Ticket): (string | number | boolean | null)[] | undefined;
  /** Tickets given no row, by reason: `invalidCreatedAt`, `outsidePeriod` (the report's `skipped.tickets`). */
  readonly skipped: Readonly<Record<"invalidCreatedAt" | "outsidePeriod", number>>;
}

const ROW_METRICS: readonly ReportMetricName[] = [
  "firstResponse",
  "responses",
  "resolutionFirst",
  "resolutionFinal",
  "assignment",
  "requesterWait",
  "repliesToResolve",
  "reopens",
];
const ROW0 = Int32Array.of(0);

/**
 * A maker of tickets-table rows: for each ticket in scope, the per-ticket figures of the
 * report's own metrics, computed by the report's composition (its facts providers: the ticket
 * times, the SLA judgements) on a one-ticket batch.
 *
 * @param options - {@link TicketRowsOptions}: `asOf` required; `schedule`, `slaPolicy`, `period`.
 * @returns A {@link TicketRowMaker}.
 * @throws {@link MetricRangeError} as the report: `E_INVALID_DATE` (`asOf`, a period bound),
 * `E_PERIOD_ORDER`, the schedule's and SLA policy's codes; from `row`, `E_INVALID_DATE` for an
 * invalid date inside a ticket and `E_UNKNOWN_STATUS`, naming the ticket.
 * @remarks A ticket whose `createdAt` is not a valid Date, or outside `period`, gets no row and is
 * counted in `skipped`, as in the report's `skipped.tickets`. Rows hold nothing of earlier
 * tickets: memory stays flat however many tickets pass.
 * @example
 * ```ts
 * const maker = ticketRowMaker({ asOf: new Date("2026-01-06T00:00:00Z") });
 * const row = maker.row({
 *   id: "1", status: "solved", createdAt: new Date("2026-01-05T09:00:00Z"),
 *   firstResponseAt: new Date("2026-01-05T09:30:00Z"), solvedAt: new Date("2026-01-05T11:00:00Z"),
 * });
 * row?.first_response_ms;   // => 1800000
 * row?.resolution_ms;       // => 7200000
 * row?.assignment_skip;     // => "unassigned"
 * ```
 * @see docs/guide/definitions.md (each figure's definition)
 * @category Report
 */
export function ticketRowMaker(options: TicketRowsOptions): TicketRowMaker {
  const fn = "ticketRows";
  const withSla = options.slaPolicy !== undefined;
  const c = compileOptions(fn, {
    asOf: options.asOf,
    timeZone: "UTC",
    schedule: options.schedule,
    slaPolicy: options.slaPolicy,
    period: options.period,
    metrics: withSla ? [...ROW_METRICS, "sla"] : ROW_METRICS,
  } as ReportOptions);
  const p = reportPlan(c, c.judgeAt, fn);
  const facts = planFacts(p, 1);
  const factsOf = (name: string): unknown => facts[p.providerOf[p.names.indexOf(name as never)] as number];
  const reopens = p.metrics.reopens as AnyTicketMetric;
  const columnsMask = planColumns(p);
  const batch: TicketBatch = ticketBatch(1);
  const shown = TICKET_COLUMNS.filter(
    (col) => col.needs === undefined || (col.needs === "schedule" ? c.ctx.schedule !== undefined : withSla),
  );
  const isShown = new Set(shown);
  const skipped = { invalidCreatedAt: 0, outsidePeriod: 0 };

  /** The reopen rate's own rule on this one ticket: the reason its state counted, if any. */
  function reopenSkip(): string | undefined {
    const state = reopens.create() as ReopenRateState;
    reopens.addRows(state, factsOf("reopens"), batch, ROW0, 1);
    const counts = state.skipped;
    for (const reason in counts) if ((counts[reason] as number) > 0) return reason;
    return undefined;
  }

  /** The context of `ticket`'s row, or `undefined` (counted) out of scope. */
  function observe(ticket: Ticket): RowContext | undefined {
    if (!isValidDate(ticket.createdAt)) {
      skipped.invalidCreatedAt++;
      return undefined;
    }
    const created = ticket.createdAt.getTime();
    if (c.period !== undefined && !(created >= c.period.from && created < c.period.to)) {
      skipped.outsidePeriod++;
      return undefined;
    }
    batch.length = 0;
    pushTicket(fn, batch, ticket, columnsMask);
    observeRows(p, facts, batch, ROW0, 1);
    return {
      ticket,
      batch,
      times: factsOf("firstResponse") as TicketTimes,
      sla: withSla ? (factsOf("sla") as SlaFacts) : undefined,
      reopenSkip: reopenSkip(),
    };
  }

  function row(ticket: Ticket): TicketRow | undefined {
    const ctx = observe(ticket);
    if (ctx === undefined) return undefined;
    const out: Record<string, Cell> = {};
    for (const col of TICKET_COLUMNS) out[col.name] = isShown.has(col) ? col.value(ctx) : null;
    return out as TicketRow;
  }

  function cells(ticket: Ticket): Cell[] | undefined {
    const ctx = observe(ticket);
    return ctx === undefined ? undefined : shown.map((col) => col.value(ctx));
  }

  return {
    columns: shown.map((col) => ({ name: col.name as TicketRowColumn["name"], description: col.description })),
    row,
    cells,
    skipped,
  };
}

/**
 * The tickets table: one {@link TicketRow} per ticket in scope, in input order, holding the
 * per-ticket figures the report aggregates (a fold of {@link ticketRowMaker}).
 *
 * @param tickets - The tickets (any iterable, read once).
 * @param options - {@link TicketRowsOptions}: `asOf` required; `schedule`, `slaPolicy`, `period`.
 * @returns The rows; aggregating a column gives the report's figure (e.g. the median of the
 * non-null `first_response_ms` is `time.firstResponse.calendar.median`, the count of
 * `first_response_skip` equal to `"unanswered"` is `skipped.firstResponse.unanswered`).
 * @throws {@link MetricRangeError} as {@link ticketRowMaker}.
 * @remarks Tickets with an invalid `createdAt` or created outside `period` get no row.
 * @example
 * ```ts
 * const rows = ticketRows(
 *   [
 *     { id: "1", status: "open", createdAt: new Date("2026-01-05T09:00:00Z"), firstResponseAt: new Date("2026-01-05T09:10:00Z") },
 *     { id: "2", status: "new", createdAt: new Date("2026-01-05T10:00:00Z") },
 *   ],
 *   { asOf: new Date("2026-01-06T00:00:00Z") },
 * );
 * rows.map((r) => r.first_response_ms);   // => [600000, null]
 * rows.map((r) => r.first_response_skip); // => [null, "unanswered"]
 * ```
 * @see docs/guide/definitions.md (each figure's definition)
 * @category Report
 */
export function ticketRows(tickets: Iterable<Ticket>, options: TicketRowsOptions): TicketRow[] {
  const maker = ticketRowMaker(options);
  const out: TicketRow[] = [];
  for (const ticket of tickets) {
    const r = maker.row(ticket);
    if (r !== undefined) out.push(r);
  }
  return out;
}
