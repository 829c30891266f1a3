/**
 * The JSON of the responders and bots figures of a scope (issue 17, items 5 and 6).
 *
 * @module
 */
import type { BotsSummary } from "../metrics/time/bots.ts";
import type { RespondersSummary } from "../metrics/time/responders.ts";
import type { Json } from "./json.ts";
import type { IntervalJson } from "./types.ts";

/**
 * Per-responder figures of the tickets of a scope (the result of `respondersAccumulator` as
 * JSON): each `authorId` of a public agent reply with its tickets touched, replies sent, first
 * responses credited and reply times; `unknown` for the replies without `authorId`.
 *
 * @category Report
 */
export type RespondersJson = Json<RespondersSummary>;

/**
 * Bot figures of the tickets of a scope (the result of `botsAccumulator` as JSON): the bot
 * resolution and handoff rates with their Wilson intervals, and the human first response and
 * resolution times of handed-off tickets.
 *
 * @category Report
 */
export type BotsJson = Omit<Json<BotsSummary>, "handoffInterval" | "resolutionInterval"> & {
  /** The Wilson interval of `handoffRate`; `null` without bot tickets. */
  readonly handoffInterval: IntervalJson | null;
  /** The Wilson interval of `resolutionRate`; `null` without resolved bot tickets. */
  readonly resolutionInterval: IntervalJson | null;
};
