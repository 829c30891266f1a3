import { toMilliseconds } from "../../_lib/duration.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import type { Schedule } from "../../models/schedule.ts";
import type { SlaHours, SlaMetric, SlaPolicy, SlaTarget } from "../../models/sla.ts";
import { TICKET_STATUSES, type Ticket, type TicketStatus } from "../../models/ticket.ts";

/** The SLA metrics, in report order. @internal */
export const SLA_METRICS: readonly SlaMetric[] = ["firstResponse", "nextResponse", "resolution"];

/**
 * The target that applies to a ticket for one metric, with its time allowed in milliseconds
 * and its clock.
 *
 * @category SLA
 */
export interface MatchedSlaTarget {
  /** The position of the target in `policy.targets`. */
  readonly index: number;
  /** The target as given. */
  readonly target: SlaTarget;
  /** The time allowed, in milliseconds (business milliseconds when `hours` is `business`). */
  readonly ms: number;
  /** The clock the target runs on. */
  readonly hours: SlaHours;
  /** The business hours used (the target's, else the policy's); `undefined` for calendar targets. */
  readonly schedule: Schedule | undefined;
  /** The statuses that pause the clock (`target.pauseIn`); `undefined` when none. */
  readonly pause: readonly TicketStatus[] | undefined;
}

/**
 * Validates a policy and turns each target's `within` into milliseconds.
 *
 * @internal
 */
export function compilePolicy(fn: string, policy: SlaPolicy): readonly MatchedSlaTarget[] {
  if (policy === null || typeof policy !== "object" || !Array.isArray(policy.targets)) {
    throw new MetricRangeError("E_SLA_TARGET", `${fn}: policy must have a targets array, got ${String(policy)}`);
  }
  return policy.targets.map((target, index) => {
    const name = `policy.targets[${String(index)}]`;
    if (target === null || typeof target !== "object") {
      throw new MetricRangeError("E_SLA_TARGET", `${fn}: ${name} must be an object, got ${String(target)}`);
    }
    for (const key of ["priority", "channel"] as const) {
      if (target[key] !== undefined && typeof target[key] !== "string") {
        throw new MetricRangeError("E_SLA_TARGET", `${fn}: ${name}.${key} must be a string, got ${String(target[key])}`);
      }
    }
    if (!SLA_METRICS.includes(target.metric)) {
      throw new MetricRangeError(
        "E_SLA_TARGET",
        `${fn}: ${name}.metric must be firstResponse, nextResponse or resolution, got ${String(target.metric)}`,
      );
    }
    const hours = target.hours ?? "calendar";
    if (hours !== "calendar" && hours !== "business") {
      throw new MetricRangeError("E_SLA_TARGET", `${fn}: ${name}.hours must be calendar or business, got ${String(hours)}`);
    }
    const ms = toMilliseconds(fn, `${name}.within`, target.within);
    const schedule = hours === "business" ? (target.schedule ?? policy.schedule) : undefined;
    if (hours === "business" && schedule === undefined) {
      throw new MetricRangeError("E_SLA_SCHEDULE", `${fn}: ${name} must have a schedule (or the policy one) for business hours, got none`);
    }
    const pauseIn: unknown = target.pauseIn;
    if (pauseIn !== undefined && (!Array.isArray(pauseIn) || !pauseIn.every((s) => TICKET_STATUSES.includes(s as TicketStatus)))) {
      throw new MetricRangeError(
        "E_SLA_TARGET",
        `${fn}: ${name}.pauseIn must be a list of ticket statuses (${TICKET_STATUSES.join(", ")}), got ${JSON.stringify(pauseIn) ?? String(pauseIn)}`,
      );
    }
    const pause = pauseIn === undefined || pauseIn.length === 0 ? undefined : (pauseIn as readonly TicketStatus[]);
    return { index, target, ms, hours, schedule, pause };
  });
}

/** 2 for a priority condition, 1 for a channel condition: both beat priority beats channel beats none (the SQL form orders its CASE by it). @internal */
export function specificity(target: SlaTarget): number {
  return (target.priority === undefined ? 0 : 2) + (target.channel === undefined ? 0 : 1);
}

/**
 * The most specific target of `metric` matching the ticket; the first one among equals.
 *
 * @internal
 */
export function matchTarget(targets: readonly MatchedSlaTarget[], ticket: Ticket, metric: SlaMetric): MatchedSlaTarget | undefined {
  let best: MatchedSlaTarget | undefined;
  let bestScore = -1;
  for (const candidate of targets) {
    const { target } = candidate;
    if (target.metric !== metric) continue;
    if (target.priority !== undefined && target.priority !== ticket.priority) continue;
    if (target.channel !== undefined && target.channel !== ticket.channel) continue;
    const score = specificity(target);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
