/**
 * The friendly metric names of gates and the report paths they stand for. docs/guide/cli.md
 * ("Gate metrics") lists the same table; test/cli/gates.test.ts checks both agree.
 *
 * @internal
 * @module
 */
import type { ValueKind } from "./format.ts";

/** One step of a path: a property name, or a selection of the array element whose `key` reads `equals`. */
export type PathStep = string | { readonly key: string; readonly equals: string };

/** A friendly gate metric. */
export interface GateAlias {
  /** The name used in gates, e.g. `frt.median`. */
  readonly name: string;
  /** Where it reads: `report` (the Report) or `input` (the input section). */
  readonly root: "report" | "input";
  /** The path from the root (for `report` metrics: from the metric set, so segments can reuse it). */
  readonly path: readonly PathStep[];
  /** How values are read and shown. */
  readonly kind: ValueKind;
  /** What it is, for the docs and `--help`. */
  readonly description: string;
  /** The option without which it has no data (for the "no data" message). */
  readonly needs?: string;
  /** What a `null` value means besides "no data", for the gate's message (a Kaplan–Meier quantile not reached). */
  readonly noData?: string;
  /** `true` when it can be scoped to a segment: `frt.median[channel=email]`. */
  readonly segmentable: boolean;
  /** The smallest and largest values it can take, when narrower than its kind's (gates outside it can never fail or never pass). */
  readonly domain?: readonly [number, number];
}

const DURATIONS = [
  ["frt", "firstResponse", "first response time"],
  ["response", "responses", "response time (every customer turn)"],
  ["resolution", "resolutionFinal", "resolution time (to the final solve)"],
  ["firstResolution", "resolutionFirst", "time to the first solve"],
  ["assignment", "assignment", "time to the first assignment"],
  ["wait", "requesterWait", "requester wait time"],
  ["agentWork", "agentWork", "agent work time (new + open, from the status history)"],
  ["agentWait", "agentWait", "agent wait time (pending, from the status history)"],
  ["onHold", "onHold", "on-hold time (from the status history)"],
] as const;

/** Duration statistics: alias suffix, path, description. */
const STATS: readonly (readonly [string, readonly PathStep[], string, ValueKind])[] = [
  ["median", ["median"], "median", "duration"],
  ["mean", ["mean"], "mean", "duration"],
  ["p90", ["p", { key: "p", equals: "0.9" }, "value"], "90th percentile (R-7)", "duration"],
  ["p95", ["p", { key: "p", equals: "0.95" }, "value"], "95th percentile (R-7)", "duration"],
  ["min", ["min"], "shortest", "duration"],
  ["max", ["max"], "longest", "duration"],
  ["count", ["count"], "tickets measured", "count"],
];

/** Where the order-statistic interval of the median and of each percentile is, and its name in descriptions. */
const INTERVALS: readonly (readonly [string, readonly PathStep[], string])[] = [
  ["median", ["medianInterval"], "median"],
  ["p90", ["p", { key: "p", equals: "0.9" }, "interval"], "90th percentile"],
  ["p95", ["p", { key: "p", equals: "0.95" }, "interval"], "95th percentile"],
];

/** The interval bounds as duration statistics: `median.lower`, `median.upper`, `p90.lower`, … */
const BOUNDS: readonly (readonly [string, readonly PathStep[], string, ValueKind])[] = INTERVALS.flatMap(([stat, path, text]) =>
  (["lower", "upper"] as const).map(
    (side) =>
      [`${stat}.${side}`, [...path, side], `${side} bound of the ${text}'s confidence interval (order statistics)`, "duration"] as const,
  ),
);

const NON_NEGATIVE = [0, Number.POSITIVE_INFINITY] as const;

function alias(
  name: string,
  path: readonly PathStep[],
  kind: ValueKind,
  description: string,
  needs?: string,
  domain?: readonly [number, number],
): GateAlias {
  return {
    name,
    root: "report",
    path,
    kind,
    description,
    segmentable: true,
    ...(needs === undefined ? {} : { needs }),
    ...(domain === undefined ? {} : { domain }),
  };
}

function durationAliases(): GateAlias[] {
  const out: GateAlias[] = [];
  for (const [short, field, what] of DURATIONS) {
    const stats = [...STATS, ...BOUNDS];
    for (const [stat, tail, statText, kind] of stats) {
      out.push(alias(`${short}.${stat}`, ["time", field, "calendar", ...tail], kind, `${what}, ${statText} (calendar time)`));
    }
    for (const [stat, tail, statText, kind] of stats) {
      out.push(
        alias(
          `${short}.business.${stat}`,
          ["time", field, "business", ...tail],
          kind,
          `${what}, ${statText} (business hours)`,
          "--schedule",
        ),
      );
    }
  }
  return out;
}

const KM_METRICS = [
  ["frt", "firstResponseSurvival", "first response time counting unanswered tickets censored at --as-of (Kaplan–Meier)"],
  ["resolution", "resolutionSurvival", "resolution time counting open tickets censored at --as-of (Kaplan–Meier)"],
] as const;

/** Kaplan–Meier statistics: alias suffix, path in the estimate, description, kind. */
const KM_STATS: readonly (readonly [string, readonly PathStep[], string, ValueKind])[] = [
  ["median", ["median", "value"], "median", "duration"],
  ["median.lower", ["median", "lower"], "lower bound of the median's interval (--confidence)", "duration"],
  ["median.upper", ["median", "upper"], "upper bound of the median's interval (--confidence)", "duration"],
  ...["0.9", "0.95"].flatMap((p): (readonly [string, readonly PathStep[], string, ValueKind])[] => {
    const at: readonly PathStep[] = ["percentiles", { key: "p", equals: p }];
    const name = `p${String(Math.round(Number(p) * 100))}`;
    const what = `${String(Math.round(Number(p) * 100))}th percentile (with --percentiles ${p})`;
    return [
      [name, [...at, "value"], what, "duration"],
      [`${name}.lower`, [...at, "lower"], `lower bound of the ${what}`, "duration"],
      [`${name}.upper`, [...at, "upper"], `upper bound of the ${what}`, "duration"],
    ];
  }),
  ["rmean", ["restrictedMean", "value"], "restricted mean up to the longest time followed", "duration"],
];

const NOT_REACHED =
  "not reached: the Kaplan–Meier curve, or its interval's band, stays above 1 − p by the longest time followed, or no ticket counted";

function kaplanMeierAliases(): GateAlias[] {
  const out: GateAlias[] = [];
  for (const [short, field, what] of KM_METRICS) {
    for (const [business, needs] of [
      [false, undefined],
      [true, "--schedule"],
    ] as const) {
      for (const [stat, tail, statText, kind] of KM_STATS) {
        const name = `${short}${business ? ".business" : ""}.km.${stat}`;
        const time = business ? "business hours" : "calendar time";
        const a = alias(name, ["time", field, business ? "business" : "calendar", ...tail], kind, `${what}, ${statText} (${time})`, needs);
        out.push({ ...a, noData: NOT_REACHED });
      }
    }
    out.push(
      alias(`${short}.km.censored`, ["time", field, "censored"], "count", `tickets censored at --as-of (still waiting) in ${short}.km.*`),
    );
  }
  return out;
}

const SLA_METRICS = ["firstResponse", "nextResponse", "resolution"] as const;

/** Every friendly gate metric, in documentation order. */
export const GATE_ALIASES: readonly GateAlias[] = [
  alias("nps", ["survey", "nps", "score"], "points", "Net Promoter Score, points from -100 to 100", "--responses"),
  alias(
    "nps.lower",
    ["survey", "nps", "interval", "lower"],
    "points",
    "lower bound of the NPS confidence interval (--confidence, default 95%): nps.lower >= T passes only if NPS is confidently at or above T",
    "--responses",
  ),
  alias(
    "nps.upper",
    ["survey", "nps", "interval", "upper"],
    "points",
    'upper bound of the NPS confidence interval: --fail-if "nps.upper < T" fails only if NPS is confidently below T',
    "--responses",
  ),
  alias("nps.responses", ["survey", "nps", "total"], "count", "NPS answers counted", "--responses"),
  alias("nps.promoters", ["survey", "nps", "promoterShare"], "fraction", "share of promoters (9-10)", "--responses"),
  alias("nps.detractors", ["survey", "nps", "detractorShare"], "fraction", "share of detractors (0-6)", "--responses"),
  alias(
    "csat",
    ["survey", "csat", "score"],
    "fraction",
    "CSAT: satisfied answers / answers (fraction), from the survey responses, else from the tickets' own ratings",
    "--responses or a satisfaction column",
  ),
  alias(
    "csat.lower",
    ["survey", "csat", "interval", "lower"],
    "fraction",
    "lower bound of the CSAT Wilson interval (--confidence, default 95%): csat.lower >= T passes only if CSAT is confidently at or above T",
    "--responses or a satisfaction column",
  ),
  alias(
    "csat.upper",
    ["survey", "csat", "interval", "upper"],
    "fraction",
    'upper bound of the CSAT Wilson interval: --fail-if "csat.upper < T" fails only if CSAT is confidently below T',
    "--responses or a satisfaction column",
  ),
  alias("csat.responses", ["survey", "csat", "total"], "count", "CSAT answers counted", "--responses or a satisfaction column"),
  alias(
    "csat.responseRate",
    ["ratings", "responseRate"],
    "fraction",
    "survey response rate of the ticket ratings: rated tickets / tickets offered a survey",
    "a satisfaction column",
  ),
  alias("ces", ["survey", "ces", "0", "mean"], "score", "CES mean on the scale with the most answers", "--responses"),
  alias(
    "ces.easy",
    ["survey", "ces", "0", "easyShare"],
    "fraction",
    "share of easy CES answers (scale with the most answers)",
    "--responses",
  ),
  alias("tickets", ["tickets"], "count", "tickets in scope"),
  alias("resolution.rate", ["counts", "resolutionRate", "value"], "fraction", "resolution rate: resolved / received"),
  alias("backlog", ["counts", "backlog", "count"], "count", "backlog: unresolved tickets open longer than the average resolution time"),
  alias("unresolved", ["counts", "backlog", "unresolved"], "count", "tickets unresolved at --as-of"),
  ...["new", "open", "pending", "on_hold", "solved", "closed", "unassigned"].map((status) =>
    alias(
      `status.${status}`,
      ["counts", "statuses", status],
      "count",
      `tickets with status ${status}${status === "unassigned" ? " (unsolved, no assignee)" : ""}`,
    ),
  ),
  ...durationAliases(),
  ...kaplanMeierAliases(),
  alias("oneTouch", ["time", "oneTouch", "share"], "fraction", "one-touch resolution share"),
  alias("reopen.rate", ["reopens", "rate"], "fraction", "reopen rate: tickets reopened at least once / tickets solved", "a reopens column"),
  alias("reopens.mean", ["reopens", "reopensPerTicket"], "number", "reopens per solved ticket", "a reopens column", NON_NEGATIVE),
  alias("replies.median", ["time", "repliesToResolve", "median"], "number", "median public replies to resolve", undefined, NON_NEGATIVE),
  alias("replies.mean", ["time", "repliesToResolve", "mean"], "number", "mean public replies to resolve", undefined, NON_NEGATIVE),
  alias(
    "bots.resolutionRate",
    ["bots", "resolutionRate"],
    "fraction",
    "bot resolution rate: resolved tickets with a bot message and no public human reply by the solve / resolved tickets with a bot message",
    "--messages",
  ),
  alias(
    "bots.handoffRate",
    ["bots", "handoffRate"],
    "fraction",
    "bot handoff rate: tickets where a human agent replied after a bot / tickets with a bot message",
    "--messages",
  ),
  alias("sla.compliance", ["sla", "compliance"], "fraction", "SLA compliance, every metric: achieved / (achieved + breached)", "--sla"),
  alias("sla.breached", ["sla", "breached"], "count", "SLA checks breached (every metric)", "--sla"),
  ...SLA_METRICS.flatMap((metric) => [
    alias(
      `sla.${metric}.compliance`,
      ["sla", "byMetric", metric, "compliance"],
      "fraction",
      `SLA compliance of ${metric} targets`,
      "--sla",
    ),
    alias(`sla.${metric}.breached`, ["sla", "byMetric", metric, "breached"], "count", `${metric} checks breached`, "--sla"),
  ]),
  alias(
    "customers.repeatRate",
    ["contacts", "repeatRate"],
    "fraction",
    "repeat-contact rate: tickets followed by another ticket of the same requester within --repeat-window (default 7 days) / tickets whose window is over",
    "a requester column",
  ),
  alias(
    "customers.contactsPerCustomer",
    ["contacts", "contactsPerCustomer"],
    "number",
    "tickets per customer (distinct requesters)",
    "a requester column",
    NON_NEGATIVE,
  ),
  alias("customers.count", ["contacts", "customers"], "count", "customers served: distinct requesters", "a requester column"),
  {
    name: "revenueAtRisk",
    root: "report",
    path: ["customers", "revenueAtRisk", "value"],
    kind: "number",
    description: "revenue at risk: lost customers (cohort size minus last active, summed) × --value-per-customer",
    needs: "--cohorts and --value-per-customer",
    segmentable: false,
    domain: NON_NEGATIVE,
  },
  {
    name: "rejected",
    root: "input",
    path: ["tickets", "rejected"],
    kind: "count",
    description: "ticket rows rejected",
    segmentable: false,
  },
  {
    name: "rejected.share",
    root: "input",
    path: ["tickets", "rejectedShare"],
    kind: "fraction",
    description: "ticket rows rejected / rows read",
    segmentable: false,
  },
];
