import { assertCount, assertTicketDate } from "../../_lib/guards.ts";
import type { Ticket } from "../../models/ticket.ts";
import { hasMessages, readConversation } from "./conversation.ts";
import { isSolved } from "./events.ts";
import type { DurationSource } from "./durationTypes.ts";

/**
 * Why a ticket has no reply count to resolve: `unresolved` (not solved or closed now) or
 * `noReplyData` (neither `messages` nor `replies`).
 *
 * @category Time
 */
export type RepliesSkip = "unresolved" | "noReplyData";

/**
 * The number of public agent replies a resolved ticket received, or why it is skipped.
 *
 * @internal
 */
export function replyCount(
  fn: string,
  ticket: Ticket,
):
  | { readonly kind: "counted"; readonly count: number; readonly source: DurationSource }
  | { readonly kind: "skipped"; readonly reason: RepliesSkip } {
  if (!isSolved(ticket)) return { kind: "skipped", reason: "unresolved" };
  if (hasMessages(ticket)) {
    const solvedAt = ticket.solvedAt;
    if (solvedAt !== undefined) assertTicketDate(fn, "solvedAt", solvedAt, ticket);
    const cutoff = solvedAt === undefined ? Number.POSITIVE_INFINITY : solvedAt.getTime();
    return { kind: "counted", count: readConversation(fn, ticket, cutoff).replyCount, source: "messages" };
  }
  if (ticket.replies !== undefined) {
    assertCount(fn, `replies of ticket ${ticket.id}`, ticket.replies);
    return { kind: "counted", count: ticket.replies, source: "fields" };
  }
  return { kind: "skipped", reason: "noReplyData" };
}
