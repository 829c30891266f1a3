/**
 * Ticket counts as accumulators that read a batch's columns directly: statuses, channel mix,
 * resolution rate, backlog and per-type counts. Each applies its metric's own rule
 * (`isResolvedStatus`, `resolutionStanding`, `backlogStanding`); the array functions
 * (`ticketsByStatus`, `channelMix`, `resolutionRate`, `backlog`) apply the same rules.
 *
 * @module
 */
import { openState, readCount, readCounts, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { isResolvedStatus, TICKET_STATUSES } from "../../models/ticket.ts";
import { COLUMNS, type LabelDictionary, type TicketBatch, type TicketMetric } from "../../models/ticketBatch.ts";
import { addOneTicket, BATCH_COLUMNS } from "../../models/pushTicket.ts";
import { channelMixOf, type ChannelMix } from "./channelMix.ts";
import { isUnassignedOpen, type TicketsByStatus } from "./ticketsByStatus.ts";

/** `isResolvedStatus` of each status code (the batch's index in TICKET_STATUSES). */
const RESOLVED_CODES: readonly boolean[] = TICKET_STATUSES.map(isResolvedStatus);

function badState(kind: string, what: string, got: unknown): MetricRangeError {
  return new MetricRangeError("E_STATE_FORMAT", `${kind}.fromJSON: ${what}, got ${JSON.stringify(got) ?? String(got)}`);
}

function readLabelCounts(o: Readonly<Record<string, unknown>>, kind: string, field: string): Map<string, number> {
  return new Map(Object.entries(readCounts(o, kind, field)));
}

let scratch = new Int32Array(64);

/** Adds the rows' labels (codes of `dictionary`) to `target`, counting by code first; returns the rows without a label. */
function addLabelCounts(
  target: Map<string, number>,
  dictionary: LabelDictionary,
  codes: Int32Array,
  rows: Int32Array,
  count: number,
): number {
  const size = dictionary.values.length;
  if (scratch.length < size) scratch = new Int32Array(Math.max(size, scratch.length * 2));
  scratch.fill(0, 0, size);
  let without = 0;
  for (let k = 0; k < count; k++) {
    const code = codes[rows[k] as number] as number;
    if (code < 0) without++;
    else scratch[code] = (scratch[code] as number) + 1;
  }
  for (let code = 0; code < size; code++) {
    const n = scratch[code] as number;
    if (n === 0) continue;
    const label = dictionary.values[code] as string;
    target.set(label, (target.get(label) ?? 0) + n);
  }
  return without;
}

/**
 * The running state of {@link statusCountsAccumulator}: counts per status, then unassigned.
 *
 * @category Volume
 */
export interface StatusCountsState {
  /** Six status counts in `TICKET_STATUSES` order, then unassigned. @internal */
  readonly counts: Float64Array;
}

const STATUSES = "ticketsByStatus";

/**
 * `ticketsByStatus` as an accumulator: tickets per status, the unassigned unresolved ones, and
 * the total.
 *
 * @returns The accumulator; `result` gives {@link TicketsByStatus}.
 * @throws {@link MetricRangeError} while adding: `E_UNKNOWN_STATUS`, `E_INVALID_DATE`; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks Unassigned: status not resolved (`isResolvedStatus`) and no assignee (absent or `""`).
 * @example
 * ```ts
 * const acc = statusCountsAccumulator();
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "open", createdAt: new Date("2026-01-05T09:00:00Z") });
 * acc.result(s).unassigned; // => 1
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408886805786 | Zendesk: About ticket statuses}
 * @category Volume
 */
export function statusCountsAccumulator(): TicketMetric<StatusCountsState, TicketsByStatus, null> {
  const create = (): StatusCountsState => ({ counts: new Float64Array(7) });
  const addRows = (state: StatusCountsState, _f: null, batch: TicketBatch, rows: Int32Array, count: number): void => {
    const c = state.counts;
    const assignee = batch.labels.assignee;
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      const status = batch.status[row] as number;
      c[status] = (c[status] as number) + 1;
      if (isUnassignedOpen(RESOLVED_CODES[status] === true, (assignee[row] as number) >= 0)) c[6] = (c[6] as number) + 1;
    }
  };
  return {
    name: STATUSES,
    facts: COLUMNS,
    columns: BATCH_COLUMNS.assignee,
    create,
    add: addOneTicket("statusCountsAccumulator", COLUMNS, addRows),
    addRows,
    merge(a, b) {
      for (let i = 0; i < 7; i++) a.counts[i] = (a.counts[i] as number) + (b.counts[i] as number);
      return a;
    },
    result(s) {
      const c = s.counts;
      let total = 0;
      for (let i = 0; i < 6; i++) total += c[i] as number;
      return {
        unassigned: c[6] as number,
        new: c[0] as number,
        open: c[1] as number,
        pending: c[2] as number,
        on_hold: c[3] as number,
        solved: c[4] as number,
        closed: c[5] as number,
        total,
      };
    },
    toJSON: (s): StateJson => stateJson(STATUSES, 1, { counts: Array.from(s.counts) }),
    fromJSON(json) {
      const o = openState(json, STATUSES, 1);
      const list = o.counts;
      if (!Array.isArray(list) || list.length !== 7 || !list.every((x) => typeof x === "number" && Number.isSafeInteger(x) && x >= 0)) {
        throw badState(STATUSES, "counts must be 7 non-negative integers", list);
      }
      return { counts: Float64Array.from(list as number[]) };
    },
  };
}

/**
 * The running state of {@link channelMixAccumulator}.
 *
 * @category Volume
 */
export interface ChannelMixState {
  /** Tickets per channel. @internal */
  readonly channels: Map<string, number>;
  /** Tickets without one. @internal */
  withoutChannel: number;
}

const CHANNELS = "channelMix";

/**
 * `channelMix` as an accumulator: tickets per channel and their shares of all tickets.
 *
 * @returns The accumulator; `result` gives {@link ChannelMix}, `undefined` for no tickets.
 * @throws {@link MetricRangeError} while adding: `E_UNKNOWN_STATUS`, `E_INVALID_DATE`; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks Channels exactly as written (not case-folded); absent or `""` counts as without a channel.
 * @example
 * ```ts
 * const acc = channelMixAccumulator();
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "open", channel: "email", createdAt: new Date("2026-01-05T09:00:00Z") });
 * acc.result(s)?.channels[0]?.share; // => 1
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (preferred channel)
 * @category Volume
 */
export function channelMixAccumulator(): TicketMetric<ChannelMixState, ChannelMix | undefined, null> {
  const create = (): ChannelMixState => ({ channels: new Map(), withoutChannel: 0 });
  const addRows = (state: ChannelMixState, _f: null, batch: TicketBatch, rows: Int32Array, count: number): void => {
    state.withoutChannel += addLabelCounts(state.channels, batch.dictionaries.channel, batch.labels.channel, rows, count);
  };
  return {
    name: CHANNELS,
    facts: COLUMNS,
    columns: BATCH_COLUMNS.channel,
    create,
    add: addOneTicket("channelMixAccumulator", COLUMNS, addRows),
    addRows,
    merge(a, b) {
      for (const [k, n] of b.channels) a.channels.set(k, (a.channels.get(k) ?? 0) + n);
      a.withoutChannel += b.withoutChannel;
      return a;
    },
    result: (s) => channelMixOf(s.channels, s.withoutChannel),
    toJSON: (s): StateJson => stateJson(CHANNELS, 1, { channels: Object.fromEntries(s.channels), withoutChannel: s.withoutChannel }),
    fromJSON(json) {
      const o = openState(json, CHANNELS, 1);
      return { channels: readLabelCounts(o, CHANNELS, "channels"), withoutChannel: readCount(o, CHANNELS, "withoutChannel") };
    },
  };
}
