import {
  openState,
  readArray,
  readCount,
  readCounts,
  readObject,
  stateFormatError,
  stateJson,
  type StateJson,
} from "../../_lib/accumulator.ts";
import { addCounts, bump, byCodeUnit, sortedCounts } from "../../_lib/counts.ts";
import { storeAdd, storeFromJSON, storeMerge, storeToJSON, valueStore, type ValueStore } from "../../_lib/quantileStore.ts";
import { valueSummary, type ValueSummary } from "../../_lib/valueSummary.ts";
import type { Schedule } from "../../models/schedule.ts";
import type { DurationAccumulatorOptions } from "./durationAccumulators.ts";
import { summaryOptions } from "./_summaryOptions.ts";
import type { Ticket } from "../../models/ticket.ts";
import type { TicketMetric } from "../../models/ticketBatch.ts";
import { addOneTicket, BATCH_COLUMNS } from "../../models/pushTicket.ts";
import { responderFacts, type ResponderFacts, type TicketResponders } from "./ticketResponders.ts";

/**
 * Options of {@link responders} and {@link respondersAccumulator}.
 *
 * @category Time
 */
export interface RespondersOptions extends DurationAccumulatorOptions {
  /** Business hours: with one, every time is in business milliseconds (`clock: "business"`) rather than in both clocks. Default: none (calendar). */
  readonly schedule?: Schedule | undefined;
}

/**
 * The figures of one responder.
 *
 * @category Time
 */
export interface ResponderFigures {
  /** The responder's `authorId`; `null` for replies without one (responder unknown). */
  readonly responder: string | null;
  /** Tickets on which the responder sent at least one public reply (tickets touched). */
  readonly tickets: number;
  /** Public agent replies sent. */
  readonly replies: number;
  /** The first response times credited to the responder (one per ticket whose first response they sent); `undefined` without any. */
  readonly firstResponse: ValueSummary | undefined;
  /** The response times of the customer turns the responder's replies ended; `undefined` without any. */
  readonly replyTime: ValueSummary | undefined;
}

/**
 * The responders of many tickets.
 *
 * @category Time
 */
export interface RespondersSummary {
  /** `"business"` with a schedule (every time in business milliseconds), else `"calendar"`. */
  readonly clock: "calendar" | "business";
  /** Tickets with messages (read for responders). */
  readonly tickets: number;
  /** Of those, tickets with at least one public agent reply. */
  readonly answered: number;
  /** One entry per `authorId` seen on a public agent reply, most replies first (ties by id). */
  readonly responders: readonly ResponderFigures[];
  /** The replies without `authorId` (`responder: null`), counted like a responder's; `undefined` when every reply names its author. */
  readonly unknown: ResponderFigures | undefined;
  /** Tickets left out: `noMessages`. */
  readonly skipped: Readonly<Record<string, number>>;
}

/** One responder's running figures. @internal */
interface Tally {
  tickets: number;
  replies: number;
  firstResponse: ValueStore;
  replyTime: ValueStore;
}

/**
 * The running state of {@link respondersAccumulator}.
 *
 * @category Time
 */
export interface RespondersState {
  /** Per `authorId`. @internal */
  readonly byResponder: Map<string, Tally>;
  /** Replies without `authorId`. @internal */
  unknown: Tally;
  /** Tickets with messages. @internal */
  tickets: number;
  /** Tickets with a reply. @internal */
  answered: number;
  /** Skips by reason. @internal */
  readonly skipped: Record<string, number>;
}

const KIND = "responders";

/**
 * Per-responder figures as an accumulator: for each `authorId` of a public agent reply, the
 * tickets touched, replies sent, the first responses credited (see {@link ticketResponders}) and
 * the response times of the customer turns its replies ended; replies without `authorId` are
 * tallied apart as "responder unknown".
 *
 * @param options - {@link RespondersOptions}.
 * @returns The accumulator; `result` gives a {@link RespondersSummary}.
 * @throws {@link MetricRangeError} `E_FRACTION_RANGE`, `E_CONFIDENCE_LEVEL`, `E_OPTION_VALUE`; while
 * adding, `E_INVALID_DATE` naming the ticket; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks Tickets without messages are counted in `skipped.noMessages`. A responder's
 * `tickets` over all responders can exceed the tickets answered: several agents can reply on one
 * ticket. The sum of `firstResponse.count` over responders and `unknown` is the number of
 * tickets with a first response read from messages.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const acc = respondersAccumulator();
 * const s = acc.create();
 * acc.add(s, { id: "1", createdAt: at(0), status: "open", messages: [
 *   { at: at(0), author: "customer", public: true },
 *   { at: at(4), author: "agent", public: true, authorId: "ana" },
 * ] });
 * acc.result(s).responders[0]?.firstResponse?.median; // => 240000
 * ```
 * @see {@link https://github.com/chatwoot/chatwoot/blob/develop/app/listeners/reporting_event_listener.rb | Chatwoot: reporting events (first_response, reply_time)}
 * @category Time
 */
export function respondersAccumulator(options?: RespondersOptions): TicketMetric<RespondersState, RespondersSummary, ResponderFacts> {
  const fn = options?.caller ?? "respondersAccumulator";
  const { percentiles, level, quantiles } = summaryOptions(fn, options);
  const schedule = options?.schedule;
  const facts = responderFacts(schedule, fn);
  const tally = (): Tally => ({ tickets: 0, replies: 0, firstResponse: valueStore(quantiles), replyTime: valueStore(quantiles) });
  const create = (): RespondersState => ({ byResponder: new Map(), unknown: tally(), tickets: 0, answered: 0, skipped: { noMessages: 0 } });
  const of = (s: RespondersState, responder: string | undefined): Tally => {
    if (responder === undefined) return s.unknown;
    let t = s.byResponder.get(responder);
    if (t === undefined) s.byResponder.set(responder, (t = tally()));
    return t;
  };
  const addTicket = (s: RespondersState, r: TicketResponders | undefined): void => {
    if (r === undefined) {
      bump(s.skipped, "noMessages");
      return;
    }
    s.tickets++;
    if (r.replies.length > 0) s.answered++;
    for (const { responder, replies } of r.replies) {
      const t = of(s, responder);
      t.tickets++;
      t.replies += replies;
    }
    if (r.firstResponse !== undefined) storeAdd(of(s, r.firstResponse.responder).firstResponse, r.firstResponse.ms);
    for (const turn of r.turns) storeAdd(of(s, turn.responder).replyTime, turn.ms);
  };
  const addRows: TicketMetric<RespondersState, RespondersSummary, ResponderFacts>["addRows"] = (state, f, _batch, rows, count) => {
    for (let k = 0; k < count; k++) addTicket(state, f.rows[rows[k] as number]);
  };
  const mergeTally = (a: Tally, b: Tally): void => {
    a.tickets += b.tickets;
    a.replies += b.replies;
    a.firstResponse = storeMerge(a.firstResponse, b.firstResponse);
    a.replyTime = storeMerge(a.replyTime, b.replyTime);
  };
  const figures = (responder: string | null, t: Tally): ResponderFigures => ({
    responder,
    tickets: t.tickets,
    replies: t.replies,
    firstResponse: valueSummary(t.firstResponse, percentiles, level),
    replyTime: valueSummary(t.replyTime, percentiles, level),
  });
  const tallyJson = (t: Tally) => ({
    tickets: t.tickets,
    replies: t.replies,
    firstResponse: storeToJSON(t.firstResponse),
    replyTime: storeToJSON(t.replyTime),
  });
  const readTally = (o: Readonly<Record<string, unknown>>, field: string): Tally => ({
    tickets: readCount({ [`${field}.tickets`]: o.tickets }, KIND, `${field}.tickets`),
    replies: readCount({ [`${field}.replies`]: o.replies }, KIND, `${field}.replies`),
    firstResponse: storeFromJSON(KIND, `${field}.firstResponse`, o.firstResponse),
    replyTime: storeFromJSON(KIND, `${field}.replyTime`, o.replyTime),
  });
  return {
    name: KIND,
    facts,
    columns: BATCH_COLUMNS.messages,
    create,
    add: addOneTicket(fn, facts, addRows),
    addRows,
    merge(a, b) {
      for (const [id, t] of b.byResponder) mergeTally(of(a, id), t);
      mergeTally(a.unknown, b.unknown);
      a.tickets += b.tickets;
      a.answered += b.answered;
      addCounts(a.skipped, b.skipped);
      return a;
    },
    result(s) {
      const list = [...s.byResponder].map(([id, t]) => figures(id, t));
      list.sort((x, y) => y.replies - x.replies || byCodeUnit(x.responder as string, y.responder as string));
      const u = s.unknown;
      const unknown = u.replies === 0 ? undefined : figures(null, u);
      return {
        clock: schedule === undefined ? "calendar" : "business",
        tickets: s.tickets,
        answered: s.answered,
        responders: list,
        unknown,
        skipped: sortedCounts(s.skipped),
      };
    },
    toJSON: (s): StateJson =>
      stateJson(KIND, 1, {
        responders: [...s.byResponder].sort(([x], [y]) => byCodeUnit(x, y)).map(([id, t]) => ({ id, ...tallyJson(t) })),
        unknown: tallyJson(s.unknown),
        tickets: s.tickets,
        answered: s.answered,
        skipped: { ...s.skipped },
      }),
    fromJSON(json) {
      const o = openState(json, KIND, 1);
      const s = create();
      readArray(o, KIND, "responders").forEach((item, i) => {
        const field = `responders[${String(i)}]`;
        if (item === null || typeof item !== "object" || Array.isArray(item))
          throw stateFormatError(KIND, `${field} must be an object`, item);
        const entry = item as Record<string, unknown>;
        if (typeof entry.id !== "string") throw stateFormatError(KIND, `${field}.id must be a string`, entry.id);
        if (s.byResponder.has(entry.id)) throw stateFormatError(KIND, `${field}.id must not repeat`, entry.id);
        s.byResponder.set(entry.id, readTally(entry, field));
      });
      s.unknown = readTally(readObject(o, KIND, "unknown"), "unknown");
      s.tickets = readCount(o, KIND, "tickets");
      s.answered = readCount(o, KIND, "answered");
      if (s.answered > s.tickets) throw stateFormatError(KIND, "answered must be at most tickets", s.answered);
      Object.assign(s.skipped, readCounts(o, KIND, "skipped"));
      return s;
    },
  };
}

/**
 * Per-responder figures of many tickets; a fold of {@link respondersAccumulator}.
 *
 * @param tickets - The tickets; reads `messages` (and `createdAt`).
 * @param options - {@link RespondersOptions}.
 * @returns The {@link RespondersSummary}.
 * @throws {@link MetricRangeError} as {@link respondersAccumulator}.
 * @remarks As {@link respondersAccumulator}.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const r = responders([
 *   { id: "1", createdAt: at(0), status: "open", messages: [
 *     { at: at(0), author: "customer", public: true },
 *     { at: at(2), author: "agent", public: true, authorId: "ana" },
 *     { at: at(5), author: "agent", public: true },
 *   ] },
 *   { id: "2", createdAt: at(0), status: "new" },
 * ]);
 * r.responders.map((x) => [x.responder, x.replies]); // => [["ana", 1]]
 * r.unknown?.replies;                                // => 1
 * r.skipped;                                         // => { noMessages: 1 }
 * ```
 * @see {@link https://github.com/chatwoot/chatwoot/blob/develop/app/listeners/reporting_event_listener.rb | Chatwoot: reporting events (first_response, reply_time)}
 * @category Time
 */
export function responders(tickets: readonly Ticket[], options?: RespondersOptions): RespondersSummary {
  const acc = respondersAccumulator({ ...options, caller: options?.caller ?? "responders" });
  const s = acc.create();
  for (const t of tickets) acc.add(s, t);
  return acc.result(s);
}
