/**
 * The shape of the output document (`{ report, input }`): every path a gate may read, checked
 * by the compiler against the `Report` and `InputSection` types ({@link ShapeOf} requires
 * every key, refuses any other), so gates are validated before anything is read.
 *
 * @internal
 * @module
 */
import type { ContactsJson } from "../report/contactsTypes.ts";
import type {
  AdjustedFigureJson,
  LeaderboardPriorJson,
  RankCertaintyJson,
  ShrunkFigureJson,
  CountsJson,
  DurationMetricJson,
  DurationSummaryWithIntervalJson,
  IntervalJson,
  MetricSetJson,
  PeakSlotJson,
  PeriodJson,
  Report,
  SlaJson,
  SlaTallyJson,
  SurveyJson,
  RatingsJson,
  ReopensJson,
  TimeJson,
  FirstResponseSurvivalJson,
  ResolutionSurvivalJson,
  SurvivalEstimateJson,
} from "../report/types.ts";
import type { FileSummary, InputSection } from "./inputs.ts";
import type { BotsJson, RespondersJson } from "../report/responderTypes.ts";

/** A leaf: what a path ends at. */
export type Leaf = "number" | "string" | "boolean";

/**
 * The shape of a JSON value of type `T`: a leaf name for a primitive, `[element]` for an
 * array, `{ "*": value }` for a map with data-dependent keys, and an object with exactly the
 * keys of `T` otherwise (`null` is dropped: a nullable field has the shape of its value; a
 * field that is always `null`, such as a full report's `parameters.metrics`, has none).
 */
export type ShapeOf<T> = [T] extends [number]
  ? "number"
  : [T] extends [string]
    ? "string"
    : [T] extends [boolean]
      ? "boolean"
      : T extends readonly (infer E)[]
        ? readonly [ShapeOf<NonNullable<E>>]
        : string extends keyof T
          ? { readonly "*": ShapeOf<NonNullable<T[string & keyof T]>> }
          : { readonly [K in keyof T as [T[K]] extends [null] ? never : K]-?: ShapeOf<NonNullable<T[K]>> };

/** Any shape. */
export type Shape = Leaf | readonly [Shape] | { readonly [key: string]: Shape };

const N = "number" as const;
const S = "string" as const;
const B = "boolean" as const;

const PERIOD = { from: S, to: S } satisfies ShapeOf<PeriodJson>;
const INTERVAL = { lower: N, upper: N, confidenceLevel: N, method: S } satisfies ShapeOf<IntervalJson>;
const BOUNDS = { ...INTERVAL, coverage: N } as const;
const SUMMARY = {
  count: N,
  total: N,
  mean: N,
  median: N,
  medianInterval: BOUNDS,
  p: [{ p: N, value: N, interval: BOUNDS }],
  min: N,
  max: N,
  meanInterval: INTERVAL,
} as const satisfies ShapeOf<DurationSummaryWithIntervalJson>;
const COUNTS_MAP = { "*": N } as const;
const DURATION = {
  calendar: SUMMARY,
  business: SUMMARY,
  sources: { messages: N, fields: N, helpdesk: N },
  source: S,
  reconciliation: {
    compared: N,
    agreeing: N,
    medianDifference: N,
    largest: [{ id: S, timestamps: N, helpdesk: N, difference: N }],
  },
  skipped: COUNTS_MAP,
  anomalies: COUNTS_MAP,
} as const satisfies ShapeOf<DurationMetricJson>;
const KM_QUANTILE = { p: N, value: N, lower: N, upper: N } as const;
const KM = {
  confidenceLevel: N,
  median: KM_QUANTILE,
  percentiles: [KM_QUANTILE],
  restrictedMean: { horizon: N, value: N },
} as const satisfies ShapeOf<SurvivalEstimateJson>;
const KM_COUNTS = { counted: N, observed: N, censored: N, calendar: KM, business: KM } as const;
const RESOLUTION_SURVIVAL = {
  ...KM_COUNTS,
  excluded: { startedAfterAsOf: N, noSolveTime: N, solvedBeforeCreated: N, finalSolveBeforeFirstSolve: N },
} as const satisfies ShapeOf<ResolutionSurvivalJson>;
const FIRST_RESPONSE_SURVIVAL = {
  ...KM_COUNTS,
  excluded: { startedAfterAsOf: N, noCustomerMessage: N, responseBeforeCreated: N },
} as const satisfies ShapeOf<FirstResponseSurvivalJson>;
const TALLY = { compliance: N, achieved: N, breached: N, running: N, interval: INTERVAL } as const satisfies ShapeOf<SlaTallyJson>;
const SLA = {
  ...TALLY,
  policy: S,
  byMetric: { firstResponse: TALLY, nextResponse: TALLY, resolution: TALLY },
  breaches: N,
  byChannel: [{ ...TALLY, channel: S }],
  skipped: COUNTS_MAP,
  anomalies: COUNTS_MAP,
} as const satisfies ShapeOf<SlaJson>;
const SURVEY = {
  nps: {
    score: N,
    total: N,
    promoters: N,
    passives: N,
    detractors: N,
    promoterShare: N,
    passiveShare: N,
    detractorShare: N,
    interval: INTERVAL,
  },
  csat: { score: N, satisfied: N, total: N, interval: INTERVAL },
  ces: [{ scale: { min: N, max: N }, count: N, mean: N, easyShare: N }],
  responses: N,
  csatSource: S,
} as const satisfies ShapeOf<SurveyJson>;
const REOPENS = {
  rate: N,
  solved: N,
  reopened: N,
  reopens: N,
  reopensPerTicket: N,
  interval: INTERVAL,
  skipped: COUNTS_MAP,
} as const satisfies ShapeOf<ReopensJson>;
const RATINGS = {
  csat: { score: N, satisfied: N, total: N, interval: INTERVAL },
  offered: N,
  rated: N,
  responseRate: N,
  skipped: COUNTS_MAP,
} as const satisfies ShapeOf<RatingsJson>;
const CONTACTS = {
  customers: N,
  contacts: N,
  contactsPerCustomer: N,
  perCustomer: { median: N, p90: N, max: N },
  repeatCustomers: N,
  window: N,
  judgedAt: S,
  repeatRate: N,
  repeated: N,
  judged: N,
  windowOpen: N,
  interval: INTERVAL,
  skipped: COUNTS_MAP,
} as const satisfies ShapeOf<ContactsJson>;
const STATUSES = { new: N, open: N, pending: N, on_hold: N, solved: N, closed: N } as const;
const COUNTS = {
  statuses: { ...STATUSES, unassigned: N, total: N },
  resolutionRate: { value: N, received: N, resolved: N, unresolved: N, resolvedByStatusOnly: N, judgedAt: S, interval: INTERVAL },
  backlog: { count: N, threshold: N, averagedResolutions: N, unresolved: N, resolved: N },
  channelMix: { channels: [{ channel: S, count: N, share: N }], withoutChannel: { count: N, share: N } },
} as const satisfies ShapeOf<CountsJson>;
const TIME = {
  firstResponse: DURATION,
  responses: DURATION,
  resolutionFirst: DURATION,
  resolutionFinal: DURATION,
  assignment: DURATION,
  requesterWait: DURATION,
  agentWork: DURATION,
  agentWait: DURATION,
  onHold: DURATION,
  resolutionSurvival: RESOLUTION_SURVIVAL,
  firstResponseSurvival: FIRST_RESPONSE_SURVIVAL,
  oneTouch: { share: N, oneTouch: N, zeroTouch: N, resolved: N, interval: INTERVAL },
  repliesToResolve: SUMMARY,
} as const satisfies ShapeOf<TimeJson>;
const RESPONDER = { responder: S, tickets: N, replies: N, firstResponse: SUMMARY, replyTime: SUMMARY } as const;
const RESPONDERS = {
  clock: S,
  tickets: N,
  answered: N,
  responders: [RESPONDER],
  unknown: RESPONDER,
  skipped: COUNTS_MAP,
} as const satisfies ShapeOf<RespondersJson>;
const BOTS = {
  clock: S,
  tickets: N,
  botTickets: N,
  handoffs: N,
  handoffRate: N,
  handoffInterval: INTERVAL,
  resolvedWithBot: N,
  botResolved: N,
  resolutionRate: N,
  resolutionInterval: INTERVAL,
  firstResponse: { from: S, summary: SUMMARY },
  resolution: { botTimeExcluded: B, summary: SUMMARY },
  skipped: COUNTS_MAP,
} as const satisfies ShapeOf<BotsJson>;
const METRICS = {
  tickets: N,
  counts: COUNTS,
  time: TIME,
  sla: SLA,
  reopens: REOPENS,
  ratings: RATINGS,
  survey: SURVEY,
  contacts: CONTACTS,
  responders: RESPONDERS,
  bots: BOTS,
} as const satisfies ShapeOf<MetricSetJson>;
const SLOT = { sum: N, occurrences: N, average: N } as const satisfies ShapeOf<PeakSlotJson>;
const ADJUSTED = {
  value: N,
  crude: N,
  count: N,
  observed: N,
  expected: N,
  ratio: N,
  lower: N,
  upper: N,
} as const satisfies ShapeOf<AdjustedFigureJson>;
const SHRUNK = { value: N, lower: N, upper: N } as const satisfies ShapeOf<ShrunkFigureJson>;
const CERTAINTY = { probability: N, lower: N, upper: N } as const satisfies ShapeOf<RankCertaintyJson>;
const PRIOR = { alpha: N, beta: N, mean: N, strength: N, method: S } as const satisfies ShapeOf<LeaderboardPriorJson>;

/** The shape of the Report. */
export const REPORT_SHAPE = {
  ...METRICS,
  version: N,
  parameters: {
    asOf: S,
    timeZone: S,
    period: PERIOD,
    compareTo: PERIOD,
    bucket: S,
    businessHours: B,
    percentiles: [N],
    confidenceLevel: N,
    valuePerCustomer: N,
  },
  input: { tickets: N, ticketsInScope: N, responses: N, responsesInScope: N, responsesJoined: N, responsesNotJoined: N, cohorts: N },
  volume: {
    unit: S,
    range: PERIOD,
    buckets: [{ label: S, start: S, end: S, created: N, resolved: N, messagesIn: N, messagesOut: N, active: N, backlog: N }],
    backlogAtStart: N,
    totals: { created: N, resolved: N, messagesIn: N, messagesOut: N },
    counted: N,
    statuses: {
      buckets: [
        {
          label: S,
          start: S,
          end: S,
          unresolved: N,
          resolved: N,
          unassigned: N,
          assignmentUnknown: N,
          byStatus: STATUSES,
          withoutHistory: { unresolved: N, resolved: N },
        },
      ],
      withHistory: N,
      withoutHistory: N,
    },
  },
  peaks: {
    weekdays: [S],
    cells: [[SLOT]],
    byHour: [SLOT],
    byWeekday: [SLOT],
    busiestHour: { ...SLOT, hour: N },
    busiestDay: { ...SLOT, weekday: S },
    busiestSlot: { ...SLOT, weekday: S, hour: N },
    top: { hours: [N], count: N, share: N },
    total: N,
  },
  types: {
    shares: [{ type: S, count: N, share: N }],
    mostCommon: [S],
    newTypes: [{ type: S, count: N, firstSeen: S }],
    change: [{ type: S, baseline: N, period: N, change: N, relativeChange: N, baselineShare: N, periodShare: N, shareChange: N }],
  },
  customers: {
    periods: N,
    rows: [{ label: S, start: S, size: N, counts: [N], fractions: [N] }],
    curve: [{ period: N, retention: N, active: N, customers: N, cohorts: N }],
    revenueAtRisk: { lostCustomers: N, valuePerCustomer: N, value: N },
  },
  segments: [{ dimensions: [S], overlapping: B, surveySegmented: B, responsesNotJoined: N, segments: [{ ...METRICS, key: [S] }] }],
  leaderboard: {
    of: S,
    by: S,
    order: S,
    minSample: N,
    clock: S,
    rows: [
      {
        agent: S,
        rank: N,
        unrankedReason: S,
        sample: N,
        value: N,
        tickets: N,
        firstResponseMedian: N,
        resolutionMedian: N,
        csat: N,
        oneTouchShare: N,
        replyTimeMedian: N,
        replies: N,
        adjusted: { firstResponseMean: ADJUSTED, resolutionMean: ADJUSTED, csat: ADJUSTED, oneTouchShare: ADJUSTED },
        shrunk: { csat: SHRUNK, oneTouchShare: SHRUNK },
        rawRank: N,
        certainty: CERTAINTY,
      },
    ],
    unassignedTickets: N,
    unknownResponder: { tickets: N, replies: N },
    strata: [S],
    priors: { csat: PRIOR, oneTouchShare: PRIOR },
    certainty: { draws: N, seed: N, confidenceLevel: N },
  },
  comparison: {
    period: PERIOD,
    compareTo: PERIOD,
    previous: METRICS,
    changes: [{ metric: S, current: N, previous: N, change: N, relativeChange: N, test: { method: S, pValue: N, significant: B } }],
  },
  skipped: { "*": COUNTS_MAP },
} as const satisfies ShapeOf<Report>;

const FILE = {
  path: S,
  format: S,
  gzip: B,
  delimiter: S,
  read: N,
  used: N,
  rejected: N,
  rejectedShare: N,
  excluded: N,
  excludedBy: COUNTS_MAP,
  blankLines: N,
  problems: N,
  invalidUtf8: N,
  invalidUtf8ByColumn: COUNTS_MAP,
  rejects: [{ record: N, line: N, column: S, value: S, reason: S }],
} as const satisfies ShapeOf<FileSummary>;

/** The shape of the input section. */
export const INPUT_SHAPE = {
  preset: S,
  timeZone: S,
  timeZoneSource: S,
  asOf: S,
  asOfSource: S,
  tickets: {
    ...FILE,
    fields: [S],
    blankFields: [S],
    precomputed: N,
    threads: { conversations: N, answered: N, severalResponders: N, listedAbsent: N, listConflicts: N },
    warnings: [{ reason: S, description: S, count: N, records: [N] }],
  },
  messages: { ...FILE, attached: N, unmatched: N },
  responses: FILE,
  cohorts: FILE,
  events: { ...FILE, preset: S, presetSource: S, attached: N, unmatched: N, beforeCreated: N },
} as const satisfies ShapeOf<InputSection>;

/** The shape of the document gates read: `{ report, input }`. */
export const DOCUMENT_SHAPE: Shape = { report: REPORT_SHAPE, input: INPUT_SHAPE };

/** Every path to a number in `shape`, as text (`[0]` for array elements, `*` for map keys). */
export function numberPaths(shape: Shape, prefix = ""): string[] {
  if (shape === "number") return [prefix];
  if (typeof shape === "string") return [];
  if (Array.isArray(shape)) return numberPaths((shape as readonly [Shape])[0], `${prefix}[0]`);
  return Object.entries(shape as Record<string, Shape>).flatMap(([key, value]) =>
    numberPaths(value, prefix === "" ? key : `${prefix}.${key}`),
  );
}
