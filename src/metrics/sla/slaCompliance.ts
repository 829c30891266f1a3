import { assertDate, assertTicketDate } from "../../_lib/guards.ts";
import type { SlaMetric } from "../../models/sla.ts";
import type { Ticket } from "../../models/ticket.ts";
import type { AnomalyReason } from "../time/durationTypes.ts";
import { evaluateTicket, slaSink, type SlaSkip } from "./_evaluate.ts";
import type { SlaOptions } from "./_options.ts";
import { compilePolicy } from "./policy.ts";

/**
 * Compliance counts of one metric, or of all metrics together.
 *
 * @category SLA
 */
export interface SlaTally {
  /** `achieved / (achieved + breached)`, from 0 to 1; `undefined` when nothing was decided. */
  readonly compliance: number | undefined;
  /** Checks whose stop event came by the due time. */
  readonly achieved: number;
  /** Checks late: stopped after the due time, or still open past it at `asOf`. */
  readonly breached: number;
  /** Checks still open and not yet due at `asOf`: excluded from `compliance`, counted here. */
  readonly running: number;
}

/**
 * One breach.
 *
 * @category SLA
 */
export interface SlaBreach {
  /** The ticket's id. */
  readonly id: string;
  /** The metric breached. */
  readonly metric: SlaMetric;
  /** The customer turn (0 for first response and resolution; 1 and up for next responses). */
  readonly turn: number;
  /** When the target fell due. */
  readonly due: Date;
  /** How late, in calendar milliseconds (up to `asOf` when still open). */
  readonly lateBy: number;
  /** `true` when the stop event has not happened by `asOf`. */
  readonly open: boolean;
}

/**
 * SLA compliance of many tickets at a moment, with every breach and every skip.
 *
 * @category SLA
 */
export interface SlaComplianceResult extends SlaTally {
  /** The same counts per metric. */
  readonly byMetric: Readonly<Record<SlaMetric, SlaTally>>;
  /** Every breach, in input order. */
  readonly breaches: readonly SlaBreach[];
  /** Replies that missed their window: breached first-response and next-response checks (every customer turn). */
  readonly missedReplies: number;
  /** Customer turns judged on a response target (achieved + breached first and next responses). */
  readonly judgedReplies: number;
  /** What was not judged: `notCreated` counts tickets created after `asOf`; the others count (ticket, metric) pairs. */
  readonly skipped: Readonly<Record<SlaSkip | "notCreated", number>>;
  /** Tickets whose data contradicts itself, per metric. */
  readonly anomalies: readonly {
    /** The ticket's id. */
    readonly id: string;
    /** The metric whose data contradicts itself. */
    readonly metric: SlaMetric;
    /** What contradicts what, e.g. a reply before the ticket was created. */
    readonly reason: AnomalyReason;
  }[];
}

interface Counts {
  achieved: number;
  breached: number;
  running: number;
}

/** compliance = achieved / (achieved + breached), `undefined` when nothing was decided: THE compliance formula. @internal */
export function tally(c: Counts): SlaTally {
  const decided = c.achieved + c.breached;
  return { compliance: decided === 0 ? undefined : c.achieved / decided, achieved: c.achieved, breached: c.breached, running: c.running };
}

/**
 * SLA compliance: the share of decided SLA checks that were achieved, achieved / (achieved
 * + breached), over every ticket, metric and customer turn, as of `asOf`.
 *
 * @param tickets - The tickets; see {@link ticketSla} for the fields read.
 * @param options - {@link SlaOptions}: `policy` and `asOf`, both required.
 * @returns Overall and per-metric compliance with counts, the breaches, the missed replies
 * and the skips; `compliance` is `undefined` when no check was decided (all running or none judged).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `asOf` or a timestamp read is not a
 * valid Date; `E_SLA_TARGET`, `E_SLA_SCHEDULE` and `E_DURATION` for an invalid policy.
 * @remarks Each ticket is judged as in {@link ticketSla}. Running checks are excluded from
 * the compliance and counted; a check still open past its due time is already breached.
 * `missedReplies` answers "how often did a reply miss the recommended window": breached
 * first-response checks plus breached next-response checks (one per customer turn). Tickets
 * created after `asOf` are skipped and counted.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const policy = { targets: [{ metric: "firstResponse", within: { minutes: 10 } }] } as const;
 * const r = slaCompliance(
 *   [
 *     { id: "a", createdAt: at(0), status: "open", firstResponseAt: at(10) }, // exactly at due: achieved
 *     { id: "b", createdAt: at(0), status: "open", firstResponseAt: at(25) }, // 15 min late
 *     { id: "c", createdAt: at(25), status: "new" },                          // running
 *   ],
 *   { policy, asOf: at(30) },
 * );
 * r.compliance;         // => 0.5
 * r.running;            // => 1
 * r.breaches[0]?.lateBy; // => 900000
 * ```
 * @see "4 مقاييس دعم العملاء التي تدفع النمو" (how many times a reply missed the recommended SLA window)
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408829459866} (Zendesk SLA policies)
 * @category SLA
 */
export function slaCompliance(tickets: readonly Ticket[], options: SlaOptions): SlaComplianceResult {
  const fn = "slaCompliance";
  assertDate(fn, "asOf", options.asOf);
  const targets = compilePolicy(fn, options.policy);
  const asOf = options.asOf.getTime();
  const all: Counts = { achieved: 0, breached: 0, running: 0 };
  const per: Record<SlaMetric, Counts> = {
    firstResponse: { achieved: 0, breached: 0, running: 0 },
    nextResponse: { achieved: 0, breached: 0, running: 0 },
    resolution: { achieved: 0, breached: 0, running: 0 },
  };
  const skipped: Record<SlaSkip | "notCreated", number> = {
    notCreated: 0,
    noTarget: 0,
    noCustomerMessage: 0,
    noMessages: 0,
    noFollowUp: 0,
    noSolveTime: 0,
  };
  const breaches: SlaBreach[] = [];
  const sink = slaSink(); // one result reused for every ticket: each is read before the next
  const anomalies: { id: string; metric: SlaMetric; reason: AnomalyReason }[] = [];
  for (const ticket of tickets) {
    assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
    if (ticket.createdAt.getTime() > asOf) {
      skipped.notCreated++;
      continue;
    }
    const result = evaluateTicket(fn, ticket, targets, asOf, sink);
    for (const check of result.checks) {
      all[check.status]++;
      per[check.metric][check.status]++;
      if (check.status === "breached") {
        breaches.push({
          id: ticket.id,
          metric: check.metric,
          turn: check.turn,
          due: check.due,
          lateBy: check.lateBy,
          open: check.end === undefined,
        });
      }
    }
    for (const skip of result.skipped) skipped[skip.reason]++;
    for (const anomaly of result.anomalies) anomalies.push({ id: ticket.id, ...anomaly });
  }
  const replies = (key: "achieved" | "breached"): number => per.firstResponse[key] + per.nextResponse[key];
  return {
    ...tally(all),
    byMetric: { firstResponse: tally(per.firstResponse), nextResponse: tally(per.nextResponse), resolution: tally(per.resolution) },
    breaches,
    missedReplies: replies("breached"),
    judgedReplies: replies("achieved") + replies("breached"),
    skipped,
    anomalies,
  };
}
