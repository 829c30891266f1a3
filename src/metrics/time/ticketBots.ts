import { assertTicketDate } from "../../_lib/guards.ts";
import type { Message } from "../../models/message.ts";
import type { Schedule } from "../../models/schedule.ts";
import type { Ticket } from "../../models/ticket.ts";
import type { FactsProvider } from "../../models/ticketBatch.ts";
import { messageFacts, type RowFacts } from "./_messageFacts.ts";
import { hasMessages, isAgentReply, readConversation } from "./conversation.ts";
import { isSolved, resolutionEvents } from "./events.ts";
import { measureFirstResponse } from "./firstResponseTime.ts";
import { measure } from "./measure.ts";
import { replyCount } from "./_replies.ts";
import type { TimeOptions } from "./durationTypes.ts";

/**
 * The handoff from a bot to a human: the first public human agent reply that follows a public
 * bot message, and the last public bot message before it.
 *
 * @category Time
 */
export interface BotHandoff {
  /** The last public bot message before the human reply: the handoff instant. */
  readonly at: Date;
  /** The first public human agent reply after a public bot message. */
  readonly reply: Date;
}

/**
 * What the bot did on one ticket.
 *
 * @category Time
 */
export interface TicketBots {
  /** `true` when a public bot message is in the conversation. */
  readonly botSpoke: boolean;
  /** `true` when the ticket is resolved (solved or closed) and a public bot message came by the solve (`solvedAt`; any time without one). */
  readonly resolvedWithBot: boolean;
  /** `true` when `resolvedWithBot` and no public human agent reply came by the solve (the bot resolved it). */
  readonly botResolved: boolean;
  /** The handoff, `undefined` when no human replied after the bot. */
  readonly handoff: BotHandoff | undefined;
  /**
   * With a handoff: the first response time from the request (as {@link firstResponseTime}; `undefined` when it is not measured)
   * and from the handoff (`reply − at`), in milliseconds (business milliseconds with a schedule).
   */
  readonly firstResponse:
    | {
        /** From the request, as `firstResponseTime`; `undefined` when that is not measured. */
        readonly fromRequest: number | undefined;
        /** From the handoff: `handoff.reply − handoff.at`. */
        readonly fromHandoff: number;
      }
    | undefined;
  /**
   * With a handoff and a measured final resolution: the resolution time (as {@link resolutionTime}) and the same with
   * the bot's time (from the request to the handoff) taken out, in milliseconds.
   */
  readonly resolution:
    | {
        /** The final resolution time, as `resolutionTime`. */
        readonly whole: number;
        /** The same from the handoff (kept within the resolution): the bot's time excluded. */
        readonly human: number;
      }
    | undefined;
}

/**
 * What the bot did on a ticket: whether a bot spoke, whether the bot resolved the ticket (resolved,
 * a bot message and no public human agent reply by the solve), the handoff to a human (the first
 * human reply after a bot message, from the last bot message before it), and, for a handed-off
 * ticket, its first response and resolution times measured from the request and from the handoff.
 *
 * @param ticket - The ticket; reads `messages`, `status`, `createdAt`, `solvedAt` (and the resolution's fields).
 * @param options - {@link TimeOptions}: `schedule` for business time (default: calendar time).
 * @returns The facts, or `undefined` when the ticket has no messages.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `createdAt`, `solvedAt` or a message time is not a valid Date;
 * `E_UNKNOWN_STATUS`.
 * @remarks Bot messages are `author: "bot"` and public; human replies are public `agent` messages
 * (the one reply rule of the time metrics). Messages are read in time order (ties keep input
 * order). "By the solve" uses the same cutoff as the replies to resolve (`solvedAt`). The bot's
 * time is from the request start (as the resolution time starts) to the handoff, kept within the
 * resolution, so `human ≤ whole`.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const b = ticketBots({
 *   id: "1", createdAt: at(0), status: "solved", solvedAt: at(30),
 *   messages: [
 *     { at: at(0), author: "customer", public: true },
 *     { at: at(1), author: "bot", public: true },
 *     { at: at(2), author: "customer", public: true },
 *     { at: at(3), author: "bot", public: true },
 *     { at: at(10), author: "agent", public: true },
 *   ],
 * });
 * b?.botResolved;    // => false
 * b?.firstResponse;  // => { fromRequest: 600000, fromHandoff: 420000 }
 * b?.resolution;     // => { whole: 1800000, human: 1620000 }
 * ```
 * @see {@link https://github.com/chatwoot/chatwoot/blob/develop/app/builders/v2/reports/bot_metrics_builder.rb | Chatwoot: bot metrics (resolution rate, handoff rate)}
 * @category Time
 */
export function ticketBots(ticket: Ticket, options?: TimeOptions): TicketBots | undefined {
  return readBots("ticketBots", ticket, options?.schedule);
}

/** Public bot message. */
const isBotMessage = (m: Message): boolean => m.author === "bot" && m.public === true;

/** The messages in time order, stably (a copy only when they are out of order); their dates are checked by `readConversation`. */
function inOrder(messages: readonly Message[]): readonly Message[] {
  for (let i = 1; i < messages.length; i++) {
    if ((messages[i] as Message).at.getTime() < (messages[i - 1] as Message).at.getTime()) {
      return [...messages].sort((a, b) => a.at.getTime() - b.at.getTime());
    }
  }
  return messages;
}

/** The facts of a ticket without a bot message (shared, frozen). */
const NO_BOT: TicketBots = Object.freeze({
  botSpoke: false,
  resolvedWithBot: false,
  botResolved: false,
  handoff: undefined,
  firstResponse: undefined,
  resolution: undefined,
});

/** {@link ticketBots} with the caller's name for error messages. @internal */
export function readBots(fn: string, ticket: Ticket, schedule: Schedule | undefined): TicketBots | undefined {
  assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
  if (!hasMessages(ticket)) return undefined;
  readConversation(fn, ticket); // checks every message's instant
  const messages = ticket.messages ?? [];
  // Most tickets have no bot: one pass, and no other fact to read.
  if (!messages.some(isBotMessage)) return NO_BOT;
  const solvedAt = ticket.solvedAt;
  if (solvedAt !== undefined) assertTicketDate(fn, "solvedAt", solvedAt, ticket);
  const cutoff = solvedAt === undefined ? Number.POSITIVE_INFINITY : solvedAt.getTime();
  let botSpoke = false;
  let botBySolve = false;
  let lastBot: Date | undefined;
  let handoff: BotHandoff | undefined;
  for (const m of inOrder(messages)) {
    if (isBotMessage(m)) {
      botSpoke = true;
      if (m.at.getTime() <= cutoff) botBySolve = true;
      lastBot = m.at;
    } else if (handoff === undefined && lastBot !== undefined && isAgentReply(m)) {
      handoff = { at: lastBot, reply: m.at };
    }
  }
  const resolvedWithBot = isSolved(ticket) && botBySolve;
  const replies = resolvedWithBot ? replyCount(fn, ticket) : undefined;
  const botResolved = replies !== undefined && replies.kind === "counted" && replies.count === 0;
  if (handoff === undefined) return { botSpoke, resolvedWithBot, botResolved, handoff, firstResponse: undefined, resolution: undefined };
  const options = schedule === undefined ? undefined : { schedule };
  const first = measureFirstResponse(fn, ticket, options);
  const firstResponse = {
    fromRequest: first.kind === "measured" ? first.ms : undefined,
    fromHandoff: measure(handoff.at, handoff.reply, schedule),
  };
  const events = resolutionEvents(fn, ticket, "final");
  let resolution: TicketBots["resolution"];
  if (events.kind === "events" && events.end !== undefined) {
    const start = events.start.getTime();
    const end = events.end.getTime();
    // The human's part starts at the handoff, kept within [start, end].
    const human = new Date(Math.min(end, Math.max(start, handoff.at.getTime())));
    resolution = { whole: measure(events.start, events.end, schedule), human: measure(human, events.end, schedule) };
  }
  return { botSpoke, resolvedWithBot, botResolved, handoff, firstResponse, resolution };
}

/** The bots facts of a batch's rows. @internal */
export type BotFacts = RowFacts<TicketBots>;

/**
 * The bots-facts provider for a schedule (`undefined`: calendar time), whose errors name the caller.
 *
 * @internal
 */
export const botFacts: (schedule: Schedule | undefined, fn: string) => FactsProvider<BotFacts> = messageFacts("bots", readBots);
