import type { SlaMetric, SlaPolicy } from "../../models/sla.ts";
import type { Ticket } from "../../models/ticket.ts";
import { compilePolicy, matchTarget, type MatchedSlaTarget } from "./policy.ts";

/**
 * The SLA targets that apply to one ticket: for each metric, the most specific matching
 * target of the policy.
 *
 * @param ticket - The ticket; reads `priority` and `channel`.
 * @param policy - The {@link SlaPolicy}.
 * @returns For each metric, the matched target with its milliseconds and clock, or `undefined` when no target matches.
 * @throws {@link MetricRangeError} `E_SLA_TARGET` if a target has an unknown `metric` or
 * `hours`; `E_DURATION` if a `within` is negative, not finite, or uses months or years;
 * `E_SLA_SCHEDULE` if a business-hours target has no schedule (its own or the policy's).
 * @remarks A target matches when each of its `priority` and `channel`, where given, equals
 * the ticket's field exactly (case-sensitive; a ticket without the field matches only
 * targets without the condition). The most specific match wins: priority and channel, then
 * priority only, then channel only, then a catch-all; between equals, the first in
 * `policy.targets`. The whole policy is checked, not only the targets that match.
 * @example
 * ```ts
 * const policy = { targets: [
 *   { metric: "firstResponse", within: { hours: 24 } },
 *   { metric: "firstResponse", within: { hours: 1 }, channel: "social" },
 *   { metric: "firstResponse", within: { minutes: 30 }, priority: "urgent" },
 * ] } as const;
 * const ticket = { id: "1", createdAt: new Date(0), status: "new", channel: "social", priority: "urgent" } as const;
 * slaTargetFor(ticket, policy).firstResponse?.ms; // => 1800000
 * slaTargetFor(ticket, policy).resolution;        // => undefined
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408829459866} (Zendesk SLA policies: targets by priority, conditions, business or calendar hours)
 * @category SLA
 */
export function slaTargetFor(ticket: Ticket, policy: SlaPolicy): Readonly<Record<SlaMetric, MatchedSlaTarget | undefined>> {
  const targets = compilePolicy("slaTargetFor", policy);
  return {
    firstResponse: matchTarget(targets, ticket, "firstResponse"),
    nextResponse: matchTarget(targets, ticket, "nextResponse"),
    resolution: matchTarget(targets, ticket, "resolution"),
  };
}
