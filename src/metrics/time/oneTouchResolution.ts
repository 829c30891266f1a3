import type { Ticket } from "../../models/ticket.ts";
import { replyCount, type RepliesSkip } from "./_replies.ts";
import type { DurationSource } from "./durationTypes.ts";

/**
 * The one-touch resolution share with its counts.
 *
 * @category Time
 */
export interface OneTouchResolution {
  /** `oneTouch / resolved`, a fraction from 0 to 1; `undefined` when `resolved` is 0. */
  readonly share: number | undefined;
  /** Resolved tickets with exactly one public agent reply. */
  readonly oneTouch: number;
  /** Resolved tickets with no public agent reply (in the denominator, not the numerator). */
  readonly zeroTouch: number;
  /** Resolved tickets whose reply count is known: the denominator. */
  readonly resolved: number;
  /** How many reply counts were read from messages and how many from the `replies` field. */
  readonly sources: Readonly<Record<DurationSource, number>>;
  /** Tickets left out, by reason. */
  readonly skipped: Readonly<Record<RepliesSkip, number>>;
}

/**
 * One-touch resolution: the share of resolved tickets that were solved with exactly one
 * public agent reply.
 *
 * @param tickets - The tickets; reads `status`, `messages`, `solvedAt` and `replies`.
 * @returns The share and its counts; `share` is `undefined` when no resolved ticket has a known reply count.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a message time or a present `solvedAt`
 * (with messages) is not a valid Date; `E_COUNT_RANGE` if a `replies` field read is not a
 * non-negative integer.
 * @remarks Replies are counted as in {@link repliesToResolve}. Tickets solved with no
 * reply (zero-touch) stay in the denominator, as in Zendesk's one-touch tickets share;
 * unresolved tickets and tickets with no reply data are skipped and counted.
 * @example
 * ```ts
 * const at = new Date(Date.UTC(2024, 0, 1));
 * const r = oneTouchResolution([
 *   { id: "a", createdAt: at, status: "solved", replies: 1 },
 *   { id: "b", createdAt: at, status: "solved", replies: 3 },
 *   { id: "c", createdAt: at, status: "closed", replies: 0 },
 *   { id: "d", createdAt: at, status: "open", replies: 1 },
 * ]);
 * r.share;    // => 0.3333333333333333
 * r.zeroTouch; // => 1
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (how much back-and-forth a resolution needs)
 * @category Time
 */
export function oneTouchResolution(tickets: readonly Ticket[]): OneTouchResolution {
  const sources: Record<DurationSource, number> = { messages: 0, fields: 0, helpdesk: 0 };
  const skipped: Record<RepliesSkip, number> = { unresolved: 0, noReplyData: 0 };
  let oneTouch = 0;
  let zeroTouch = 0;
  let resolved = 0;
  for (const ticket of tickets) {
    const result = replyCount("oneTouchResolution", ticket);
    if (result.kind === "skipped") {
      skipped[result.reason]++;
      continue;
    }
    resolved++;
    sources[result.source]++;
    if (result.count === 1) oneTouch++;
    else if (result.count === 0) zeroTouch++;
  }
  return { share: resolved === 0 ? undefined : oneTouch / resolved, oneTouch, zeroTouch, resolved, sources, skipped };
}
