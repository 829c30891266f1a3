import { openState, readCount, readCounts, stateFormatError, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { addCounts, bump, sortedCounts } from "../../_lib/counts.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { storeAdd, storeFromJSON, storeMerge, storeToJSON, valueStore, type ValueStore } from "../../_lib/quantileStore.ts";
import { valueSummary, type ValueSummary } from "../../_lib/valueSummary.ts";
import type { Schedule } from "../../models/schedule.ts";
import type { DurationAccumulatorOptions } from "./durationAccumulators.ts";
import { summaryOptions } from "./_summaryOptions.ts";
import type { Ticket } from "../../models/ticket.ts";
import type { TicketMetric } from "../../models/ticketBatch.ts";
import { addOneTicket, BATCH_COLUMNS } from "../../models/pushTicket.ts";
import { wilsonInterval, type WilsonInterval } from "../stats/wilsonInterval.ts";
import { botFacts, type BotFacts, type TicketBots } from "./ticketBots.ts";

/**
 * Options of {@link bots} and {@link botsAccumulator}.
 *
 * @category Time
 */
export interface BotsOptions extends DurationAccumulatorOptions {
  /**
   * Where the human first response of a handed-off ticket starts: `"request"` (default; the
   * customer's request, as {@link firstResponseTime}) or `"handoff"` (the last bot message before
   * the first human reply, as Chatwoot measures it).
   */
  readonly firstResponseFrom?: "request" | "handoff" | undefined;
  /** `true`: the human resolution time of a handed-off ticket starts at the handoff (the bot's time is excluded). Default `false`. */
  readonly excludeBotTime?: boolean | undefined;
  /** Business hours: with one, every time is in business milliseconds (`clock: "business"`) rather than in both clocks. Default: none (calendar). */
  readonly schedule?: Schedule | undefined;
}

/**
 * Bot figures of many tickets.
 *
 * @category Time
 */
export interface BotsSummary {
  /** `"business"` with a schedule (every time in business milliseconds), else `"calendar"`. */
  readonly clock: "calendar" | "business";
  /** Tickets with messages (read for bots). */
  readonly tickets: number;
  /** Tickets with a public bot message: the handoff rate's denominator. */
  readonly botTickets: number;
  /** Of those, tickets where a human agent replied after the bot: the handoff rate's numerator. */
  readonly handoffs: number;
  /** `handoffs / botTickets`, from 0 to 1; `undefined` when `botTickets` is 0. */
  readonly handoffRate: number | undefined;
  /** The Wilson interval of `handoffRate`. */
  readonly handoffInterval: WilsonInterval | undefined;
  /** Resolved tickets with a public bot message by the solve: the bot resolution rate's denominator. */
  readonly resolvedWithBot: number;
  /** Of those, tickets without a public human agent reply by the solve: the numerator. */
  readonly botResolved: number;
  /** `botResolved / resolvedWithBot`, from 0 to 1; `undefined` when `resolvedWithBot` is 0. */
  readonly resolutionRate: number | undefined;
  /** The Wilson interval of `resolutionRate`. */
  readonly resolutionInterval: WilsonInterval | undefined;
  /** The human first response of handed-off tickets, measured from `from`; `summary` `undefined` without any. */
  readonly firstResponse: {
    /** Where each first response starts (the `firstResponseFrom` option). */
    readonly from: "request" | "handoff";
    /** One value per handed-off ticket with a first response; `undefined` without any. */
    readonly summary: ValueSummary | undefined;
  };
  /** The resolution time of handed-off resolved tickets, the bot's time excluded when `botTimeExcluded`. */
  readonly resolution: {
    /** The `excludeBotTime` option. */
    readonly botTimeExcluded: boolean;
    /** One value per handed-off ticket with a final resolution time; `undefined` without any. */
    readonly summary: ValueSummary | undefined;
  };
  /** Tickets left out: `noMessages`. */
  readonly skipped: Readonly<Record<string, number>>;
}

/**
 * The running state of {@link botsAccumulator}.
 *
 * @category Time
 */
export interface BotsState {
  /** Tickets with messages. @internal */
  tickets: number;
  /** With a bot message. @internal */
  botTickets: number;
  /** Handed off. @internal */
  handoffs: number;
  /** Resolved with a bot message. @internal */
  resolvedWithBot: number;
  /** Resolved by the bot. @internal */
  botResolved: number;
  /** First responses of handed-off tickets. @internal */
  firstResponse: ValueStore;
  /** Resolution times of handed-off tickets. @internal */
  resolution: ValueStore;
  /** Skips by reason. @internal */
  readonly skipped: Record<string, number>;
}

const KIND = "bots";

/**
 * Bot figures as an accumulator: the bot resolution rate (resolved tickets with a bot message
 * and no public human agent reply by the solve / resolved tickets with a bot message by the
 * solve), the handoff rate (tickets where a human agent replied after a bot message / tickets
 * with a bot message), with Wilson intervals; and, over handed-off tickets, the human first
 * response and resolution times, measured from the handoff when the options say so.
 *
 * @param options - {@link BotsOptions}.
 * @returns The accumulator; `result` gives a {@link BotsSummary}.
 * @throws {@link MetricRangeError} `E_OPTION_VALUE` (`firstResponseFrom`, `excludeBotTime`, `quantiles`),
 * `E_FRACTION_RANGE`, `E_CONFIDENCE_LEVEL`; while adding, `E_INVALID_DATE`, `E_UNKNOWN_STATUS` naming the
 * ticket; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks Per ticket as {@link ticketBots}. Tickets without messages are counted in
 * `skipped.noMessages`. Chatwoot divides both counts by every conversation of a bot-enabled inbox
 * in the period instead (docs/guide/definitions.md, "Bots").
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const acc = botsAccumulator();
 * const s = acc.create();
 * acc.add(s, { id: "1", createdAt: at(0), status: "solved", solvedAt: at(5), messages: [
 *   { at: at(0), author: "customer", public: true },
 *   { at: at(1), author: "bot", public: true },
 * ] });
 * acc.result(s).resolutionRate; // => 1
 * ```
 * @see {@link https://github.com/chatwoot/chatwoot/blob/develop/app/builders/v2/reports/bot_metrics_builder.rb | Chatwoot: bot metrics (resolution rate, handoff rate)}
 * @category Time
 */
export function botsAccumulator(options?: BotsOptions): TicketMetric<BotsState, BotsSummary, BotFacts> {
  const fn = options?.caller ?? "botsAccumulator";
  const from = options?.firstResponseFrom ?? "request";
  if (from !== "request" && from !== "handoff") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: firstResponseFrom must be "request" or "handoff", got ${JSON.stringify(from)}`);
  }
  const exclude = options?.excludeBotTime ?? false;
  if (typeof exclude !== "boolean") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: excludeBotTime must be true or false, got ${JSON.stringify(exclude)}`);
  }
  const { percentiles, level, quantiles } = summaryOptions(fn, options);
  const schedule = options?.schedule;
  const facts = botFacts(schedule, fn);
  const create = (): BotsState => ({
    tickets: 0,
    botTickets: 0,
    handoffs: 0,
    resolvedWithBot: 0,
    botResolved: 0,
    firstResponse: valueStore(quantiles),
    resolution: valueStore(quantiles),
    skipped: { noMessages: 0 },
  });
  const addTicket = (s: BotsState, b: TicketBots | undefined): void => {
    if (b === undefined) {
      bump(s.skipped, "noMessages");
      return;
    }
    s.tickets++;
    if (b.botSpoke) s.botTickets++;
    if (b.handoff !== undefined) s.handoffs++;
    if (b.resolvedWithBot) s.resolvedWithBot++;
    if (b.botResolved) s.botResolved++;
    const first =
      b.firstResponse === undefined ? undefined : from === "handoff" ? b.firstResponse.fromHandoff : b.firstResponse.fromRequest;
    if (first !== undefined) storeAdd(s.firstResponse, first);
    if (b.resolution !== undefined) storeAdd(s.resolution, exclude ? b.resolution.human : b.resolution.whole);
  };
  const addRows: TicketMetric<BotsState, BotsSummary, BotFacts>["addRows"] = (state, f, _batch, rows, count) => {
    for (let k = 0; k < count; k++) addTicket(state, f.rows[rows[k] as number]);
  };
  const COUNTS = ["tickets", "botTickets", "handoffs", "resolvedWithBot", "botResolved"] as const;
  return {
    name: KIND,
    facts,
    columns: BATCH_COLUMNS.messages | BATCH_COLUMNS.solvedAt | BATCH_COLUMNS.firstSolvedAt | BATCH_COLUMNS.counts,
    create,
    add: addOneTicket(fn, facts, addRows),
    addRows,
    merge(a, b) {
      for (const k of COUNTS) a[k] += b[k];
      a.firstResponse = storeMerge(a.firstResponse, b.firstResponse);
      a.resolution = storeMerge(a.resolution, b.resolution);
      addCounts(a.skipped, b.skipped);
      return a;
    },
    result: (s) => ({
      clock: schedule === undefined ? "calendar" : "business",
      tickets: s.tickets,
      botTickets: s.botTickets,
      handoffs: s.handoffs,
      handoffRate: s.botTickets === 0 ? undefined : s.handoffs / s.botTickets,
      handoffInterval: wilsonInterval(s.handoffs, s.botTickets, { confidenceLevel: level }),
      resolvedWithBot: s.resolvedWithBot,
      botResolved: s.botResolved,
      resolutionRate: s.resolvedWithBot === 0 ? undefined : s.botResolved / s.resolvedWithBot,
      resolutionInterval: wilsonInterval(s.botResolved, s.resolvedWithBot, { confidenceLevel: level }),
      firstResponse: { from, summary: valueSummary(s.firstResponse, percentiles, level) },
      resolution: { botTimeExcluded: exclude, summary: valueSummary(s.resolution, percentiles, level) },
      skipped: sortedCounts(s.skipped),
    }),
    toJSON: (s): StateJson =>
      stateJson(KIND, 1, {
        tickets: s.tickets,
        botTickets: s.botTickets,
        handoffs: s.handoffs,
        resolvedWithBot: s.resolvedWithBot,
        botResolved: s.botResolved,
        firstResponse: storeToJSON(s.firstResponse),
        resolution: storeToJSON(s.resolution),
        skipped: { ...s.skipped },
      }),
    fromJSON(json) {
      const o = openState(json, KIND, 1);
      const s = create();
      for (const k of COUNTS) s[k] = readCount(o, KIND, k);
      if (s.botTickets > s.tickets) throw stateFormatError(KIND, "botTickets must be at most tickets", s.botTickets);
      if (s.handoffs > s.botTickets) throw stateFormatError(KIND, "handoffs must be at most botTickets", s.handoffs);
      if (s.resolvedWithBot > s.botTickets) throw stateFormatError(KIND, "resolvedWithBot must be at most botTickets", s.resolvedWithBot);
      if (s.botResolved > s.resolvedWithBot) throw stateFormatError(KIND, "botResolved must be at most resolvedWithBot", s.botResolved);
      s.firstResponse = storeFromJSON(KIND, "firstResponse", o.firstResponse);
      s.resolution = storeFromJSON(KIND, "resolution", o.resolution);
      Object.assign(s.skipped, readCounts(o, KIND, "skipped"));
      return s;
    },
  };
}

/**
 * Bot figures of many tickets; a fold of {@link botsAccumulator}.
 *
 * @param tickets - The tickets; reads `messages`, `status`, `solvedAt` and the resolution's fields.
 * @param options - {@link BotsOptions}.
 * @returns The {@link BotsSummary}.
 * @throws {@link MetricRangeError} as {@link botsAccumulator}.
 * @remarks As {@link botsAccumulator}.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const msg = (m: number, author: "customer" | "agent" | "bot") => ({ at: at(m), author, public: true });
 * const r = bots([
 *   { id: "1", createdAt: at(0), status: "solved", messages: [msg(0, "customer"), msg(1, "bot")] },
 *   { id: "2", createdAt: at(0), status: "open", messages: [msg(0, "customer"), msg(1, "bot"), msg(4, "agent")] },
 * ], { firstResponseFrom: "handoff" });
 * r.handoffRate;                      // => 0.5
 * r.resolutionRate;                   // => 1
 * r.firstResponse.summary?.median;    // => 180000
 * ```
 * @see {@link https://github.com/chatwoot/chatwoot/blob/develop/app/builders/v2/reports/bot_metrics_builder.rb | Chatwoot: bot metrics (resolution rate, handoff rate)}
 * @category Time
 */
export function bots(tickets: readonly Ticket[], options?: BotsOptions): BotsSummary {
  const acc = botsAccumulator({ ...options, caller: options?.caller ?? "bots" });
  const s = acc.create();
  for (const t of tickets) acc.add(s, t);
  return acc.result(s);
}
