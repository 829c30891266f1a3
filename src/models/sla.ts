import type { DurationInput } from "../_lib/duration.ts";
import type { Schedule } from "./schedule.ts";
import type { TicketStatus } from "./ticket.ts";

/**
 * What an SLA target times.
 *
 * - `firstResponse`: from the customer's request to the first public reply by a human agent
 *   (the start and stop events of `firstResponseTime`).
 * - `nextResponse`: every later customer turn, from the first unanswered customer message to
 *   the next public agent reply (the turns of `customerTurns` after the first one).
 * - `resolution`: from the customer's request to the final solve (`solvedAt`).
 *
 * @category Models
 */
export type SlaMetric = "firstResponse" | "nextResponse" | "resolution";

/**
 * Which clock an SLA target runs on: every hour of the day (`calendar`) or only the open
 * hours of a {@link Schedule} (`business`).
 *
 * @category Models
 */
export type SlaHours = "calendar" | "business";

/**
 * One SLA target: a metric, the time allowed, and the tickets it applies to.
 *
 * @example
 * ```ts
 * const urgentEmail: SlaTarget = { metric: "firstResponse", within: { hours: 1 }, priority: "urgent", channel: "email" };
 * ```
 * @category Models
 */
export interface SlaTarget {
  /** The metric the target times. */
  readonly metric: SlaMetric;
  /** The time allowed: milliseconds or a date-fns `Duration` of fixed-length units (`{ hours: 24 }`). */
  readonly within: DurationInput;
  /** Applies only to tickets with exactly this `priority`; any priority when absent. */
  readonly priority?: string | undefined;
  /** Applies only to tickets with exactly this `channel`; any channel when absent. */
  readonly channel?: string | undefined;
  /** The clock: `calendar` (default) or `business` (needs `schedule` here or on the policy). */
  readonly hours?: SlaHours | undefined;
  /** The business hours of this target; default: the policy's `schedule`. Read only when `hours` is `business`. */
  readonly schedule?: Schedule | undefined;
  /**
   * The statuses in which this target's clock stops, read from the ticket's `statusHistory`
   * (Zendesk: `pending` and `on_hold` for requester wait and agent work time; `pending` for a
   * next-reply clock). Default: none, the clock never pauses (and a ticket without a status
   * history never pauses).
   */
  readonly pauseIn?: readonly TicketStatus[] | undefined;
}

/**
 * A service-level agreement: targets for first response, next response and resolution, by
 * priority and/or channel.
 *
 * For a ticket and a metric, the target used is the most specific one that matches: a
 * target matches when each of its `priority` and `channel` (where given) equals the
 * ticket's field exactly; a target giving both beats one giving only `priority`, which
 * beats one giving only `channel`, which beats a catch-all; between equally specific
 * matches, the first in `targets` wins. A ticket with no matching target for a metric is
 * not judged on it.
 *
 * @example
 * ```ts
 * const policy: SlaPolicy = {
 *   name: "Standard",
 *   schedule: { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]] } },
 *   targets: [
 *     { metric: "firstResponse", within: { hours: 24 }, hours: "business" },
 *     { metric: "firstResponse", within: { hours: 1 }, priority: "urgent" },
 *     { metric: "resolution", within: { hours: 48 } },
 *   ],
 * };
 * ```
 * @category Models
 */
export interface SlaPolicy {
  /** A label for reports. */
  readonly name?: string | undefined;
  /** The targets, in order of precedence among equally specific matches. */
  readonly targets: readonly SlaTarget[];
  /** The default business hours of targets whose `hours` is `business`. */
  readonly schedule?: Schedule | undefined;
}
