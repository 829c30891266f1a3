import { assertDate, assertTicketDate } from "../../_lib/guards.ts";
import type { SlaMetric } from "../../models/sla.ts";
import type { Ticket } from "../../models/ticket.ts";
import type { AnomalyReason } from "../time/durationTypes.ts";
import { evaluateTicket, SLA_SKIPS, SLA_STATUSES, type SlaObserver, type SlaSkip } from "./_evaluate.ts";
import type { SlaOptions } from "./_options.ts";
import { compilePolicy, SLA_METRICS } from "./policy.ts";

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

const BREACHED = SLA_STATUSES.indexOf("breached");

/** Counts the checks and skips of every ticket and keeps its breaches and anomalies (`id`: the ticket being judged). */
class Compliance implements SlaObserver {
  id = "";
  /** Checks per metric and status, in `SLA_METRICS` × `SLA_STATUSES` order. */
  readonly counts = new Float64Array(SLA_METRICS.length * SLA_STATUSES.length);
  /** Skips per reason, in `SLA_SKIPS` order. */
  readonly skips = new Float64Array(SLA_SKIPS.length);
  readonly breaches: SlaBreach[] = [];
  readonly anomalies: { id: string; metric: SlaMetric; reason: AnomalyReason }[] = [];

  check(metric: number, turn: number, status: number, _start: Date, end: Date | undefined, due: number, lateBy: number): void {
    (this.counts[metric * SLA_STATUSES.length + status] as number)++;
    if (status === BREACHED) {
      this.breaches.push({
        id: this.id,
        metric: SLA_METRICS[metric] as SlaMetric,
        turn,
        due: new Date(due),
        lateBy,
        open: end === undefined,
      });
    }
  }

  skip(_metric: number, reason: number): void {
    (this.skips[reason] as number)++;
  }

  anomaly(metric: number, reason: AnomalyReason): void {
    this.anomalies.push({ id: this.id, metric: SLA_METRICS[metric] as SlaMetric, reason });
  }

  /** The counts of one metric (its index), or of all metrics together (`undefined`). */
  counted(metric: number | undefined): Counts {
    const c = { achieved: 0, breached: 0, running: 0 };
    for (let m = 0; m < SLA_METRICS.length; m++) {
      if (metric !== undefined && m !== metric) continue;
      for (let s = 0; s < SLA_STATUSES.length; s++)
        c[SLA_STATUSES[s] as keyof Counts] += this.counts[m * SLA_STATUSES.length + s] as number;
    }
    return c;
  }
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
  const observer = new Compliance();
  let notCreated = 0;
  for (const ticket of tickets) {
    assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
    if (ticket.createdAt.getTime() > asOf) {
      notCreated++;
      continue;
    }
    observer.id = ticket.id;
    evaluateTicket(fn, ticket, targets, asOf, observer);
  }
  const per = SLA_METRICS.map((_, m) => observer.counted(m));
  const [firstResponse, nextResponse, resolution] = per as [Counts, Counts, Counts];
  const replies = (key: "achieved" | "breached"): number => firstResponse[key] + nextResponse[key];
  const skipped = { notCreated } as Record<SlaSkip | "notCreated", number>;
  for (let r = 0; r < SLA_SKIPS.length; r++) skipped[SLA_SKIPS[r] as SlaSkip] = observer.skips[r] as number;
  return {
    ...tally(observer.counted(undefined)),
    byMetric: { firstResponse: tally(firstResponse), nextResponse: tally(nextResponse), resolution: tally(resolution) },
    breaches: observer.breaches,
    missedReplies: replies("breached"),
    judgedReplies: replies("achieved") + replies("breached"),
    skipped,
    anomalies: observer.anomalies,
  };
}
