import { addCounts, bump, byCodeUnit as byCode, sortedCounts, zeroCounts } from "../../_lib/counts.ts";
import { openState, readCounts, readObject, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { assertDate, assertTicketDate } from "../../_lib/guards.ts";
import { MISSING_KEY, stateFor } from "../../_lib/group.ts";
import type { Schedule } from "../../models/schedule.ts";
import type { SlaMetric, SlaPolicy } from "../../models/sla.ts";
import type { Ticket } from "../../models/ticket.ts";
import { rowTicket, ticketBatch, type FactsProvider, type TicketBatch, type TicketMetric } from "../../models/ticketBatch.ts";
import { pushTicket, BATCH_COLUMNS } from "../../models/pushTicket.ts";
import { confidenceLevelOf } from "../stats/confidence.ts";
import { wilsonInterval, type WilsonInterval } from "../stats/wilsonInterval.ts";
import type { AnomalyReason } from "../time/durationTypes.ts";
import { evaluateTicket, SLA_SKIPS, SLA_STATUSES, type SlaObserver } from "./_evaluate.ts";
import { ANOMALY_REASONS } from "../time/ticketTimes.ts";
import { compilePolicy, SLA_METRICS, type MatchedSlaTarget } from "./policy.ts";
import { tally as tallyOf } from "./slaCompliance.ts";

/**
 * Options of {@link slaComplianceAccumulator}.
 *
 * @category SLA
 */
export interface SlaComplianceAccumulatorOptions {
  /** The policy. */
  readonly policy: SlaPolicy;
  /** The moment of judgement: a check still open and past due at `asOf` is breached. */
  readonly asOf: Date;
  /** Business hours of business targets that have none (their own or the policy's). Default: none. */
  readonly schedule?: Schedule | undefined;
  /** The confidence level of the Wilson intervals, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
  /** The function errors name (a composition passes its own). Default: the accumulator's name. @internal */
  readonly caller?: string | undefined;
}

/**
 * Compliance counts with the Wilson interval of `achieved / (achieved + breached)`.
 *
 * @category SLA
 */
export interface SlaTallySummary {
  /** `achieved / (achieved + breached)`, from 0 to 1; `undefined` when nothing was decided. */
  readonly compliance: number | undefined;
  /** Checks whose stop event came by the due time. */
  readonly achieved: number;
  /** Checks late: stopped after the due time, or still open past it at `asOf`. */
  readonly breached: number;
  /** Checks still open and not yet due at `asOf`. */
  readonly running: number;
  /** The Wilson interval of the compliance; `undefined` when nothing was decided. */
  readonly interval: WilsonInterval | undefined;
}

/**
 * The result of {@link slaComplianceAccumulator}: the counts of `slaCompliance` without the
 * breach list (which grows with the input), plus intervals and the counts per channel.
 *
 * @category SLA
 */
export interface SlaSummary extends SlaTallySummary {
  /** The policy's name, `undefined` when it has none. */
  readonly policy: string | undefined;
  /** The same counts per metric. */
  readonly byMetric: Readonly<Record<SlaMetric, SlaTallySummary>>;
  /** Breached checks (= `breached`). */
  readonly breaches: number;
  /** The counts per channel (`"(none)"` for tickets without one), most checks first, then by name. */
  readonly byChannel: readonly (SlaTallySummary & {
    /** The channel (`"(none)"` for tickets without one). */
    readonly channel: string;
  })[];
  /** What was not judged: `notCreated` counts tickets created after `asOf`; the others (ticket, metric) pairs. */
  readonly skipped: Readonly<Record<string, number>>;
  /** (ticket, metric) pairs whose data contradicts itself, by reason. */
  readonly anomalies: Readonly<Record<string, number>>;
}

/**
 * The running state of {@link slaComplianceAccumulator}.
 *
 * @category SLA
 */
export interface SlaState {
  /** Achieved, breached, running per metric, in `SLA_METRICS` × status order. */
  readonly tallies: Float64Array;
  /** The same per channel key. */
  readonly byChannel: Map<string, Float64Array>;
  /** Skips by reason (with `notCreated`). */
  readonly skipped: Record<string, number>;
  /** Anomalies by reason. */
  readonly anomalies: Record<string, number>;
}

/**
 * The per-ticket SLA judgements of a batch: per row, the number of checks per (metric, status)
 * and the skip or anomaly of each metric.
 *
 * @category SLA
 */
export interface SlaFacts {
  /** 9 counts per row (metrics × statuses): metric-major (`SLA_METRICS`), then achieved / breached / running (`SLA_STATUSES`). */
  readonly counts: Int32Array;
  /** One per metric per row: 0, or 1 + the index of the skip reason in `SLA_SKIPS`. */
  readonly skip: Uint8Array;
  /** One per metric per row: 0, or 1 + the index of the anomaly reason in the ticket times' `ANOMALY_REASONS`. */
  readonly anomaly: Uint8Array;
  /** 1 when the ticket was created after `asOf`. */
  readonly notCreated: Uint8Array;
}

/** The SLA metrics per ticket. */
const METRICS = SLA_METRICS.length;
/** The statuses of a check. */
const STATUSES = SLA_STATUSES.length;
/** The (metric, status) counts per ticket. */
const CELLS = METRICS * STATUSES;
const KIND = "slaCompliance";

function emptySkips(): Record<string, number> {
  return zeroCounts(["notCreated", ...SLA_SKIPS]);
}

/** Writes the judgements of one ticket into its row of the facts (`f` and `row`: where). */
class FactsWriter implements SlaObserver {
  f: SlaFacts | undefined;
  row = 0;

  check(metric: number, _turn: number, status: number): void {
    ((this.f as SlaFacts).counts[this.row * CELLS + metric * STATUSES + status] as number)++;
  }

  skip(metric: number, reason: number): void {
    (this.f as SlaFacts).skip[this.row * METRICS + metric] = 1 + reason;
  }

  anomaly(metric: number, reason: AnomalyReason): void {
    (this.f as SlaFacts).anomaly[this.row * METRICS + metric] = 1 + ANOMALY_REASONS.indexOf(reason);
  }
}

/**
 * Why row `row` of `f` was not judged on metric `m` (an index in `SLA_METRICS`): `notCreated`,
 * a skip reason or an anomaly reason, as the accumulator counts them; `undefined` when judged.
 *
 * @internal
 */
export function slaFactSkip(f: SlaFacts, row: number, m: number): string | undefined {
  if (f.notCreated[row] === 1) return "notCreated";
  const skip = f.skip[row * METRICS + m] as number;
  if (skip !== 0) return SLA_SKIPS[skip - 1];
  const anomaly = f.anomaly[row * METRICS + m] as number;
  return anomaly === 0 ? undefined : ANOMALY_REASONS[anomaly - 1];
}

/** The number of checks of row `row` of `f` on metric `m` with status `s` (an index in `SLA_STATUSES`). @internal */
export function slaFactCount(f: SlaFacts, row: number, m: number, s: number): number {
  return f.counts[row * CELLS + m * STATUSES + s] as number;
}

/**
 * The facts provider of SLA judgements under a compiled policy at `asOf`.
 *
 * @internal
 */
export function slaFacts(fn: string, targets: readonly MatchedSlaTarget[], asOf: number): FactsProvider<SlaFacts> {
  const writer = new FactsWriter();
  return {
    name: "sla",
    create: (capacity) => ({
      counts: new Int32Array(capacity * CELLS),
      skip: new Uint8Array(capacity * METRICS),
      anomaly: new Uint8Array(capacity * METRICS),
      notCreated: new Uint8Array(capacity),
    }),
    observe(f, batch, row) {
      f.counts.fill(0, row * CELLS, row * CELLS + CELLS);
      f.skip.fill(0, row * METRICS, row * METRICS + METRICS);
      f.anomaly.fill(0, row * METRICS, row * METRICS + METRICS);
      if ((batch.createdAt[row] as number) > asOf) {
        f.notCreated[row] = 1;
        return;
      }
      f.notCreated[row] = 0;
      writer.f = f;
      writer.row = row;
      evaluateTicket(fn, rowTicket(batch, row), targets, asOf, writer);
    },
  };
}

function tally(t: ArrayLike<number>, offset: number, level: number): SlaTallySummary {
  const counts = tallyOf({ achieved: t[offset] as number, breached: t[offset + 1] as number, running: t[offset + 2] as number });
  return { ...counts, interval: wilsonInterval(counts.achieved, counts.achieved + counts.breached, { confidenceLevel: level }) };
}

function channelKey(batch: TicketBatch, row: number): string {
  const code = batch.labels.channel[row] as number;
  return code < 0 ? MISSING_KEY : (batch.dictionaries.channel.values[code] as string);
}

function readTallies(o: Readonly<Record<string, unknown>>, field: string): Float64Array {
  const list = o[field];
  if (!Array.isArray(list) || list.length !== CELLS || !list.every((x) => typeof x === "number" && Number.isSafeInteger(x) && x >= 0)) {
    throw new MetricRangeError(
      "E_STATE_FORMAT",
      `${KIND}.fromJSON: ${field} must be ${String(CELLS)} non-negative integers, got ${JSON.stringify(list)}`,
    );
  }
  return Float64Array.from(list as number[]);
}

/**
 * SLA compliance as an accumulator: every ticket judged once against the policy at `asOf`
 * (as {@link slaCompliance}), counted per metric and per channel.
 *
 * @param options - {@link SlaComplianceAccumulatorOptions}: `policy` and `asOf` required; `schedule`, `confidenceLevel` (default 0.95).
 * @returns A {@link TicketMetric} whose result is an {@link SlaSummary}.
 * @throws {@link MetricRangeError} at creation: `E_INVALID_DATE` (`asOf`), `E_CONFIDENCE_LEVEL`, and the
 * policy's codes (`E_SLA_TARGET`, `E_SLA_SCHEDULE`, `E_DURATION`, business-hours codes); while adding,
 * `E_INVALID_DATE` for an invalid date inside a ticket; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks compliance = achieved / (achieved + breached); running checks are counted apart. A ticket
 * created after `asOf` is counted in `skipped.notCreated`; a (ticket, metric) pair without a target, a
 * customer message, messages, a follow-up or a solve time in `skipped` by reason.
 * @example
 * ```ts
 * const acc = slaComplianceAccumulator({
 *   policy: { targets: [{ metric: "firstResponse", within: { hours: 1 } }] },
 *   asOf: new Date("2024-01-02T00:00:00Z"),
 * });
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "open", createdAt: new Date("2024-01-01T09:00:00Z"), firstResponseAt: new Date("2024-01-01T09:30:00Z") });
 * acc.add(s, { id: "2", status: "open", createdAt: new Date("2024-01-01T09:00:00Z"), firstResponseAt: new Date("2024-01-01T11:00:00Z") });
 * acc.result(s).compliance; // => 0.5
 * ```
 * @see Zendesk, "Defining and using SLA policies" (achieved, breached, in progress): https://support.zendesk.com/hc/en-us/articles/4408829459866
 * @category SLA
 */
export function slaComplianceAccumulator(options: SlaComplianceAccumulatorOptions): TicketMetric<SlaState, SlaSummary, SlaFacts> {
  const fn = options.caller ?? "slaComplianceAccumulator";
  assertDate(fn, "asOf", options.asOf);
  const level = confidenceLevelOf(fn, options.confidenceLevel);
  const policy = options.policy;
  const schedule = options.schedule;
  const targets = compilePolicy(
    fn,
    policy !== null && typeof policy === "object" && policy.schedule === undefined && schedule !== undefined
      ? { ...policy, schedule }
      : policy,
  );
  const facts = slaFacts(fn, targets, options.asOf.getTime());
  const one = { batch: undefined as TicketBatch | undefined, facts: facts.create(1), rows: Int32Array.of(0) };

  function create(): SlaState {
    return { tallies: new Float64Array(CELLS), byChannel: new Map(), skipped: emptySkips(), anomalies: {} };
  }

  function addRows(state: SlaState, f: SlaFacts, batch: TicketBatch, rows: Int32Array, count: number): void {
    const t = state.tallies;
    let lastCode = -2;
    let channel: Float64Array | undefined;
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      if (f.notCreated[row] === 1) {
        state.skipped.notCreated = (state.skipped.notCreated ?? 0) + 1;
        continue;
      }
      let checks = 0;
      for (let j = 0; j < CELLS; j++) {
        const n = f.counts[row * CELLS + j] as number;
        if (n !== 0) {
          t[j] = (t[j] as number) + n;
          checks += n;
        }
      }
      if (checks > 0) {
        const code = batch.labels.channel[row] as number;
        if (code !== lastCode || channel === undefined) {
          channel = stateFor(state.byChannel, channelKey(batch, row), () => new Float64Array(STATUSES));
          lastCode = code;
        }
        for (let j = 0; j < CELLS; j++) channel[j % STATUSES] = (channel[j % STATUSES] as number) + (f.counts[row * CELLS + j] as number);
      }
      for (let m = 0; m < METRICS; m++) {
        const s = f.skip[row * METRICS + m] as number;
        if (s !== 0) bump(state.skipped, SLA_SKIPS[s - 1] as string);
        const a = f.anomaly[row * METRICS + m] as number;
        if (a !== 0) bump(state.anomalies, ANOMALY_REASONS[a - 1] as string);
      }
    }
  }

  function add(state: SlaState, ticket: Ticket): void {
    const batch = (one.batch ??= ticketBatch(1));
    batch.length = 0;
    pushTicket(fn, batch, ticket);
    assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
    facts.observe(one.facts, batch, 0);
    addRows(state, one.facts, batch, one.rows, 1);
  }

  function merge(a: SlaState, b: SlaState): SlaState {
    for (let j = 0; j < CELLS; j++) a.tallies[j] = (a.tallies[j] as number) + (b.tallies[j] as number);
    for (const [key, t] of b.byChannel) {
      const x = stateFor(a.byChannel, key, () => new Float64Array(STATUSES));
      for (let j = 0; j < STATUSES; j++) x[j] = (x[j] as number) + (t[j] as number);
    }
    addCounts(a.skipped, b.skipped);
    addCounts(a.anomalies, b.anomalies);
    return a;
  }

  function result(state: SlaState): SlaSummary {
    const all = new Float64Array(STATUSES);
    for (let j = 0; j < CELLS; j++) all[j % STATUSES] = (all[j % STATUSES] as number) + (state.tallies[j] as number);
    const checks = (t: Float64Array): number => (t[0] as number) + (t[1] as number) + (t[2] as number);
    return {
      policy: policy.name,
      ...tally(all, 0, level),
      byMetric: {
        firstResponse: tally(state.tallies, SLA_METRICS.indexOf("firstResponse") * STATUSES, level),
        nextResponse: tally(state.tallies, SLA_METRICS.indexOf("nextResponse") * STATUSES, level),
        resolution: tally(state.tallies, SLA_METRICS.indexOf("resolution") * STATUSES, level),
      },
      breaches: all[1] as number,
      byChannel: [...state.byChannel]
        .sort((a, b) => checks(b[1]) - checks(a[1]) || byCode(a[0], b[0]))
        .map(([channel, t]) => ({ channel, ...tally(t, 0, level) })),
      skipped: sortedCounts(state.skipped),
      anomalies: sortedCounts(state.anomalies),
    };
  }

  function toJSON(state: SlaState): StateJson {
    const byChannel: Record<string, number[]> = {};
    for (const [k, t] of state.byChannel) byChannel[k] = Array.from(t);
    return stateJson(KIND, 1, {
      tallies: Array.from(state.tallies),
      byChannel,
      skipped: { ...state.skipped },
      anomalies: { ...state.anomalies },
    });
  }

  function fromJSON(json: unknown): SlaState {
    const o = openState(json, KIND, 1);
    const state = create();
    state.tallies.set(readTallies(o, "tallies"));
    const channels = readObject(o, KIND, "byChannel");
    for (const key of Object.keys(channels)) {
      const t = channels[key];
      if (!Array.isArray(t) || t.length !== STATUSES || !t.every((x) => typeof x === "number" && Number.isSafeInteger(x) && x >= 0)) {
        throw new MetricRangeError(
          "E_STATE_FORMAT",
          `${KIND}.fromJSON: byChannel.${key} must be ${String(STATUSES)} non-negative integers, got ${JSON.stringify(t)}`,
        );
      }
      state.byChannel.set(key, Float64Array.from(t as number[]));
    }
    Object.assign(state.skipped, readCounts(o, KIND, "skipped"));
    Object.assign(state.anomalies, readCounts(o, KIND, "anomalies"));
    return state;
  }

  return {
    name: KIND,
    facts,
    columns: BATCH_COLUMNS.channel | BATCH_COLUMNS.statusHistory,
    create,
    add,
    addRows,
    merge,
    result,
    toJSON,
    fromJSON,
  };
}
