import { byCodeUnit as byCode } from "../_lib/counts.ts";
import { isValidDate } from "../metrics/volume/timeline.ts";
import type { Cohort } from "../models/cohort.ts";
import type { SurveyResponse } from "../models/survey.ts";
import type { Ticket } from "../models/ticket.ts";
import { changes, typesResult } from "./_comparison.ts";
import { customersJson } from "./_customers.ts";
import {
  addScopeResponse,
  addScopeRows,
  createScope,
  mergeScope,
  observeRows,
  planColumns,
  planFacts,
  type ScopeState,
} from "./_engine.ts";
import { addSegmentRows, codeLabels, mergeSegmentsState, router, segmentsState, type SegmentsState } from "./_segments.ts";
import type { StateJson } from "../_lib/accumulator.ts";
import { reportStateFromJSON, reportStateToJSON } from "./_stateJson.ts";
import { labelDictionaries, ticketBatch, type TicketBatch } from "../models/ticketBatch.ts";
import { BATCH_COLUMNS, pushTicket } from "../models/pushTicket.ts";
import { leaderboard } from "./_leaderboard.ts";
import { responderLeaderboard } from "./_responderLeaderboard.ts";
import { compileOptions, type Compiled } from "./_options.ts";
import { keyParts } from "./_segment.ts";
import {
  holdResponse,
  joinState,
  joinTicket,
  mergeJoin,
  notJoined,
  placeByResponseKey,
  placedSegments,
  ticketIdOf,
  type JoinState,
} from "./_join.ts";
import { withTests } from "./_significance.ts";
import { addCounts, sortedCounts as sortedRecordOf } from "../_lib/counts.ts";
import { metricSetJson, reportPlan, scopeResults, scopeSkipped, type ReportPlan, type ScopeResults } from "./composition.ts";
import { surveyResponseProblem as responseProblem } from "../metrics/survey/surveyResponseProblem.ts";
import { peaksResult, volumeAdd, volumeCreate, volumeMerge, volumeResult, type VolumeSettings, type VolumeState } from "./_volume.ts";
import type { Report, ReportOptions } from "./types.ts";
import type { SelectedReport, SelectedReportOptions, SelectedSegmentationJson, SelectedSegmentJson } from "./selectedTypes.ts";

/**
 * The running state of a {@link reportAccumulator}. Opaque: read it only through `result`,
 * and merge it only with states of the same accumulator (the same options).
 *
 * @category Report
 */
export interface ReportState {
  /** Tickets and responses read, and those left out before any metric, by reason. @internal */
  readonly input: {
    tickets: number;
    responses: number;
    readonly ticketSkips: Record<string, number>;
    readonly responseSkips: Record<string, number>;
  };
  /** The scope's state. @internal */
  readonly main: ScopeState;
  /** The segments of each segmentation. @internal */
  readonly segments: SegmentsState[];
  /** The comparison period's state. @internal */
  readonly previous: ScopeState | undefined;
  /** Tickets added but not yet folded (a batch filled row by row). @internal */
  pending: TicketBatch | undefined;
  /** Volume and heatmap. @internal */
  readonly volume: VolumeState;
  /** Responses waiting for their ticket, and the join's counts. @internal */
  readonly join: JoinState;
}

/**
 * A report accumulator: `create` a state, `addResponse` survey responses and `add` tickets
 * (from any number of chunks), `merge` states of separate chunks, and read the {@link Report}
 * with `result`.
 *
 * Responses are joined to their tickets by `ticketId` when the ticket is added AFTER the
 * response: add each ticket's responses before the ticket (as {@link report} and the command
 * do), and, when folding in parts, put a ticket's responses in the ticket's part. A response
 * whose ticket came earlier, in another part or never is placed by the segmentation's response
 * key, or counted in `input.responsesNotJoined` (see docs/guide/report.md, "Survey responses in
 * segments"). Tickets themselves may come in any order.
 *
 * @category Report
 */
export interface ReportAccumulator<R extends SelectedReport = Report> {
  /** A new empty state. */
  create(): ReportState;
  /** Adds one ticket to `state` (in place). */
  add(state: ReportState, ticket: Ticket): void;
  /** Adds one survey response to `state` (in place); add it before its ticket for it to join that ticket's segments. */
  addResponse(state: ReportState, response: SurveyResponse): void;
  /** Merges `b` into `a` and returns `a`; both belong to the result afterwards (do not reuse `b`). */
  merge(a: ReportState, b: ReportState): ReportState;
  /** The report of a state ({@link SelectedReport} with `metrics`); `cohorts` adds the retention matrix. Does not change the state. */
  result(state: ReportState, cohorts?: readonly Cohort[]): R;
  /**
   * The state as JSON values (`{ kind: "report", v: 3, options, input, main, segments, previous,
   * volume, join }`, each part in its metrics' own versioned JSON forms; `join` holds the
   * responses still waiting for their ticket): ship it to another process and read it back with
   * `fromJSON` of an accumulator made with the same options.
   */
  toJSON(state: ReportState): StateJson;
  /**
   * A state read back from `toJSON`'s output (format 3); `E_STATE_FORMAT` for anything else: a
   * state of an earlier format (1 or 2, without the survival metrics; the message says so), or a
   * state of other options.
   */
  fromJSON(json: unknown): ReportState;
}

function inRange(range: { from: number; to: number } | undefined, ms: number): boolean {
  return range === undefined || (ms >= range.from && ms < range.to);
}

/**
 * A one-pass report accumulator: every metric of {@link report} folded ticket by ticket, so a
 * stream of any length can be reported without holding its tickets, and chunks folded
 * separately (by workers, per file) merge to exactly the report of the whole.
 *
 * @param options - {@link ReportOptions}: `asOf` and `timeZone` required; `schedule`,
 * `slaPolicy`, `segments`, `period`, `compareTo`, `bucket` (default `"day"`), `leaderboard`
 * (default by `tickets`, `minSample` 10), `percentiles` (default `[0.9]`), `topHours` (default 3),
 * `confidenceLevel` of every interval and significance test (default 0.95), `valuePerCustomer`
 * (default none: no revenue at risk), `repeatWindow` of `contacts` (default 7 days).
 * @returns The accumulator (`create`, `add`, `addResponse`, `merge`, `result`).
 * @throws {@link MetricRangeError} at creation: `E_INVALID_DATE` (`asOf`, a period bound),
 * `E_TIME_ZONE`, `E_BUCKET_UNIT`, `E_PERIOD_ORDER`, `E_COMPARE_NEEDS_PERIOD`, `E_SEGMENT_KEY`,
 * `E_LEADERBOARD_METRIC`, `E_MIN_SAMPLE`, `E_FRACTION_RANGE`, `E_TOP_N`, `E_OPTION_VALUE`,
 * `E_CONFIDENCE_LEVEL`, `E_NOT_FINITE` / `E_VALUE_RANGE` (`valuePerCustomer`),
 * the schedule's codes and `E_SLA_TARGET` / `E_SLA_SCHEDULE`; while adding, the metrics'
 * own codes for an invalid date inside a ticket (`E_INVALID_DATE`) and `E_UNKNOWN_STATUS` for a
 * status outside `TicketStatus` (naming the ticket); at `result`,
 * `E_BUCKET_LIMIT` for a range of too many buckets and the retention codes of bad cohorts.
 * @remarks Each ticket is observed once (its per-ticket durations, SLA checks, reply count)
 * and the observation is added to the scope and to each of its segments; a state keeps
 * counts, and durations in growable Float64Arrays, never tickets. Merging concatenates the
 * duration arrays and adds counts; summaries sort the values before summing, so the result
 * does not depend on the order of tickets or on where the input was split. A ticket whose
 * `createdAt` is not a valid Date is counted in `skipped.tickets.invalidCreatedAt` and read no
 * further; a response with an invalid `answeredAt`, an unknown kind, a bad scale or a score
 * off its scale is counted in `skipped.responses`.
 * @example
 * ```ts
 * const acc = reportAccumulator({ asOf: new Date("2026-02-01T00:00:00Z"), timeZone: "UTC" });
 * const a = acc.create();
 * const b = acc.create();
 * acc.add(a, { id: "1", createdAt: new Date("2026-01-05T10:00:00Z"), status: "open" });
 * acc.add(b, { id: "2", createdAt: new Date("2026-01-06T10:00:00Z"), status: "new" });
 * acc.result(acc.merge(a, b)).tickets; // => 2
 * ```
 * @see Russian article on tying support to revenue (untitled; it opens "На прошлой неделе мы убедились…"; "track metrics team-wide and per agent")
 * @category Report
 */
export function reportAccumulator(options: SelectedReportOptions): ReportAccumulator<SelectedReport>;
export function reportAccumulator(options: ReportOptions): ReportAccumulator;
export function reportAccumulator(options: ReportOptions): ReportAccumulator<SelectedReport> | ReportAccumulator {
  return makeReportAccumulator("reportAccumulator", options);
}

/**
 * {@link reportAccumulator} with the caller's name for error messages. Its results are
 * {@link SelectedReport}s; without `metrics` every field is computed, so they are {@link Report}s.
 *
 * @internal
 */
export function makeReportAccumulator(fn: string, options: ReportOptions): ReportAccumulator<SelectedReport> {
  const c: Compiled = compileOptions(fn, options);
  const mainPlan: ReportPlan = reportPlan(c, c.judgeAt, fn);
  const previousPlan: ReportPlan | undefined = c.compareTo === undefined ? undefined : reportPlan(c, c.compareTo.to, fn);
  const withVolume = c.selected === undefined || c.selected.has("volume");
  const volumeSettings: VolumeSettings = { unit: c.bucket, timeZone: c.ctx.timeZone, from: c.period?.from, to: c.period?.to };
  const dictionaries = labelDictionaries();
  const mainFacts = planFacts(mainPlan, CAPACITY);
  const previousFacts = previousPlan === undefined ? undefined : planFacts(previousPlan, CAPACITY);
  const route = router(CAPACITY);
  // The columns pushTicket fills: what the plans' metrics read, and the labels code-routed segments read.
  let columns = planColumns(mainPlan) | (previousPlan === undefined ? 0 : planColumns(previousPlan));
  for (const seg of c.segmentations) for (const label of codeLabels(seg) ?? []) columns |= BATCH_COLUMNS[label];
  const periodRows = new Int32Array(CAPACITY);
  const previousRows = new Int32Array(CAPACITY);

  function create(): ReportState {
    return {
      input: {
        tickets: 0,
        responses: 0,
        ticketSkips: { invalidCreatedAt: 0, outsidePeriod: 0 },
        responseSkips: { invalidAnsweredAt: 0, outsidePeriod: 0 },
      },
      main: createScope(mainPlan),
      segments: c.segmentations.map(() => segmentsState()),
      previous: previousPlan === undefined ? undefined : createScope(previousPlan),
      volume: volumeCreate(),
      pending: undefined,
      join: joinState(),
    };
  }

  /** Folds the pending batch: every provider observes each row once, then each scope adds its rows. */
  function flush(state: ReportState): void {
    const batch = state.pending;
    if (batch === undefined || batch.length === 0) return;
    let inPeriod = 0;
    let inPrevious = 0;
    for (let row = 0; row < batch.length; row++) {
      const created = batch.createdAt[row] as number;
      if (inRange(c.period, created)) periodRows[inPeriod++] = row;
      if (c.compareTo !== undefined && inRange(c.compareTo, created)) previousRows[inPrevious++] = row;
    }
    if (inPeriod > 0) {
      observeRows(mainPlan, mainFacts, batch, periodRows, inPeriod);
      addScopeRows(mainPlan, state.main, mainFacts, batch, periodRows, inPeriod);
      c.segmentations.forEach((seg, i) =>
        addSegmentRows(mainPlan, seg, state.segments[i] as SegmentsState, route, mainFacts, batch, periodRows, inPeriod),
      );
    }
    if (inPrevious > 0 && previousPlan !== undefined && previousFacts !== undefined && state.previous !== undefined) {
      observeRows(previousPlan, previousFacts, batch, previousRows, inPrevious);
      addScopeRows(previousPlan, state.previous, previousFacts, batch, previousRows, inPrevious);
    }
    batch.length = 0;
  }

  function add(state: ReportState, ticket: Ticket): void {
    state.input.tickets++;
    // The one per-ticket cost of the join when no response waits: this emptiness check.
    if (state.join.pending.size !== 0) joinTicket(mainPlan, c.segmentations, state.segments, state.join, ticket);
    if (withVolume) volumeAdd(volumeSettings, state.volume, ticket);
    if (!isValidDate(ticket.createdAt)) {
      state.input.ticketSkips.invalidCreatedAt = (state.input.ticketSkips.invalidCreatedAt ?? 0) + 1;
      return;
    }
    const created = ticket.createdAt.getTime();
    const inPeriod = inRange(c.period, created);
    const inPrevious = c.compareTo !== undefined && inRange(c.compareTo, created);
    if (!inPeriod && !inPrevious) {
      state.input.ticketSkips.outsidePeriod = (state.input.ticketSkips.outsidePeriod ?? 0) + 1;
      return;
    }
    const batch = (state.pending ??= ticketBatch(CAPACITY, dictionaries));
    pushTicket(fn, batch, ticket, columns);
    if (batch.length === batch.capacity) flush(state);
  }

  function addResponseTo(state: ReportState, response: SurveyResponse): void {
    state.input.responses++;
    const skips = state.input.responseSkips;
    if (!isValidDate(response.answeredAt)) {
      skips.invalidAnsweredAt = (skips.invalidAnsweredAt ?? 0) + 1;
      return;
    }
    const problem = responseProblem(response);
    if (problem !== undefined) {
      skips[problem] = (skips[problem] ?? 0) + 1;
      return;
    }
    const at = response.answeredAt.getTime();
    const inPeriod = inRange(c.period, at);
    const inPrevious = c.compareTo !== undefined && inRange(c.compareTo, at);
    if (!inPeriod && !inPrevious) skips.outsidePeriod = (skips.outsidePeriod ?? 0) + 1;
    if (inPeriod) {
      addScopeResponse(mainPlan, state.main, response);
      // Segments: by its ticket's keys when the ticket comes (./_join.ts), else by the response's own.
      const id = ticketIdOf(response);
      if (id !== undefined) holdResponse(state.join, id, response);
      else placeByResponseKey(mainPlan, c.segmentations, state.segments, state.join, response);
    }
    if (inPrevious && state.previous !== undefined && previousPlan !== undefined) addScopeResponse(previousPlan, state.previous, response);
  }

  function merge(a: ReportState, b: ReportState): ReportState {
    flush(a);
    flush(b);
    a.input.tickets += b.input.tickets;
    a.input.responses += b.input.responses;
    addCounts(a.input.ticketSkips, b.input.ticketSkips);
    addCounts(a.input.responseSkips, b.input.responseSkips);
    mergeScope(mainPlan, a.main, b.main);
    a.segments.forEach((s, i) => mergeSegmentsState(mainPlan, s, b.segments[i] as SegmentsState));
    if (a.previous !== undefined && b.previous !== undefined && previousPlan !== undefined)
      mergeScope(previousPlan, a.previous, b.previous);
    volumeMerge(a.volume, b.volume);
    mergeJoin(a.join, b.join);
    return a;
  }

  function segmentation(state: ReportState, i: number): SelectedSegmentationJson {
    const s = c.segmentations[i];
    const groups = state.segments[i];
    if (s === undefined || groups === undefined) throw new Error("unreachable");
    // Survey figures in every segment when responses can be placed: by a response key, or joined to a ticket.
    const surveySegmented = s.survey || state.join.joined > 0;
    const segments: SelectedSegmentJson[] = placedSegments(mainPlan, s, groups, state.join).map(({ key, scope }) => {
      return { key: keyParts(key), ...metricSetJson(c, scope.tickets, scopeResults(mainPlan, scope), surveySegmented) };
    });
    const byKey = (x: SelectedSegmentJson, y: SelectedSegmentJson): number => byCode(JSON.stringify(x.key), JSON.stringify(y.key));
    // Periods in time order (their labels sort so); other segments most tickets first.
    segments.sort(s.chronological ? byKey : (x, y) => y.tickets - x.tickets || byKey(x, y));
    const responsesNotJoined = s.survey ? 0 : notJoined(state.join);
    return { dimensions: s.dimensions, overlapping: s.overlapping, surveySegmented, responsesNotJoined, segments };
  }

  function result(state: ReportState, cohorts?: readonly Cohort[]): SelectedReport {
    flush(state);
    const mainResults: ScopeResults = scopeResults(mainPlan, state.main);
    const main = metricSetJson(c, state.main.tickets, mainResults, true);
    const previousResults =
      state.previous === undefined || previousPlan === undefined ? undefined : scopeResults(previousPlan, state.previous);
    const previous =
      state.previous === undefined || previousResults === undefined
        ? undefined
        : metricSetJson(c, state.previous.tickets, previousResults, true);
    const segments: SelectedSegmentationJson[] = [];
    for (let i = 0; i < c.requested; i++) segments.push(segmentation(state, i));
    const agents = c.agentIndex < 0 ? undefined : segmentation(state, c.agentIndex);
    const board = { ...c.leaderboard, business: c.ctx.schedule !== undefined, confidenceLevel: c.ctx.confidenceLevel };
    const volume = withVolume ? volumeResult(fn, volumeSettings, state.volume) : undefined;
    const iso = (r: { from: number; to: number } | undefined): { from: string; to: string } | null =>
      r === undefined ? null : { from: new Date(r.from).toISOString(), to: new Date(r.to).toISOString() };
    return {
      version: 1,
      parameters: {
        asOf: new Date(c.ctx.asOf).toISOString(),
        timeZone: c.ctx.timeZone,
        period: iso(c.period),
        compareTo: iso(c.compareTo),
        bucket: c.bucket,
        businessHours: c.ctx.schedule !== undefined,
        percentiles: [...c.ctx.percentiles],
        confidenceLevel: c.ctx.confidenceLevel,
        valuePerCustomer: c.valuePerCustomer ?? null,
        metrics: c.selected === undefined ? null : [...c.selected],
      },
      input: {
        tickets: state.input.tickets,
        ticketsInScope: state.main.tickets,
        responses: state.input.responses,
        responsesInScope: mainResults.survey.responses,
        responsesJoined: state.join.joined,
        responsesNotJoined: notJoined(state.join),
        cohorts: cohorts?.length ?? 0,
      },
      ...main,
      volume: volume === undefined ? null : volume.volume,
      peaks: withVolume ? peaksResult(fn, volumeSettings, state.volume, c.topHours) : null,
      types: mainResults.types === undefined ? null : typesResult(mainResults.types, previousResults?.types),
      customers: customersJson(cohorts, c.valuePerCustomer),
      segments,
      leaderboard:
        c.leaderboard.of === "responder" && c.selected?.has("leaderboard") !== false
          ? responderLeaderboard(mainResults.responders, board)
          : agents === undefined
            ? null
            : leaderboard(agents.segments, board, c.strataIndex < 0 ? undefined : segmentation(state, c.strataIndex).segments),
      comparison:
        previous === undefined || c.period === undefined || c.compareTo === undefined
          ? null
          : {
              period: iso(c.period) as { from: string; to: string },
              compareTo: iso(c.compareTo) as { from: string; to: string },
              previous,
              changes: withTests(changes(main, previous), main, previous, c.ctx.confidenceLevel),
            },
      skipped: {
        tickets: sortedRecordOf(state.input.ticketSkips),
        surveyResponses: sortedRecordOf(state.input.responseSkips),
        ...scopeSkipped(mainResults),
        ...(volume === undefined ? {} : { ...volume.skipped, peaks: sortedRecordOf(state.volume.peaksSkipped) }),
      },
    };
  }

  const codec = {
    fingerprint: c.fingerprint,
    main: mainPlan,
    previous: previousPlan,
    volume: volumeSettings,
    segmentations: c.segmentations.length,
  };

  function toJSON(state: ReportState): StateJson {
    flush(state);
    return reportStateToJSON(codec, state);
  }

  function fromJSON(json: unknown): ReportState {
    return { ...reportStateFromJSON(codec, json), pending: undefined };
  }

  return { create, add, addResponse: addResponseTo, merge, result, toJSON, fromJSON };
}

const CAPACITY = 1024;
