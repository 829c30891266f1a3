/**
 * The figures of the SQL forms as the TypeScript report computes them: for each metric of
 * SQL_METRICS, the rows its query must return, built from `report()`'s JSON (columns named as
 * the query names them).
 */
import type { Report } from "../../src/report/index.ts";
import type { SqlMetricName } from "../../src/sql/index.ts";
import { percentileColumn } from "../../src/sql/time.ts";
import { SQL_SLA_SKIPS } from "../../src/sql/sla.ts";
import type { Row } from "./_engines.ts";

const snake = (name: string): string => name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

function skips(rep: Report, metric: string, prefix: string, reasons: readonly string[]): Row {
  const all = rep.skipped[metric] ?? {};
  return Object.fromEntries(reasons.map((r) => [`${prefix}_${snake(r)}`, all[r] ?? 0]));
}

type DurationKey = "firstResponse" | "resolutionFinal" | "resolutionFirst" | "assignment" | "responses" | "requesterWait";

type Summary = NonNullable<NonNullable<Report["time"]["firstResponse"]>["calendar"]>;

/** A value summary as the query's columns (`count` 0 and NULLs for none), names prefixed. */
function summaryRow(sum: Summary | null, percentiles: readonly number[], prefix: string): Row {
  const ps = percentiles.map((p) => [`${prefix}${percentileColumn(p)}`, sum?.p.find((x) => x.p === p)?.value ?? null]);
  return {
    [`${prefix}count`]: sum?.count ?? 0,
    [`${prefix}total`]: sum?.total ?? null,
    [`${prefix}mean`]: sum?.mean ?? null,
    [`${prefix}median`]: sum?.median ?? null,
    ...Object.fromEntries(ps),
    [`${prefix}min`]: sum?.min ?? null,
    [`${prefix}max`]: sum?.max ?? null,
  };
}

function duration(rep: Report, key: DurationKey, percentiles: readonly number[], skipped: string[], anomalies: string[]): Row {
  const m = rep.time[key];
  if (m === null) throw new Error(`report has no time.${key}`);
  return {
    ...summaryRow(m.calendar, percentiles, ""),
    ...(rep.parameters.businessHours ? summaryRow(m.business, percentiles, "business_") : {}),
    source_messages: m.sources.messages,
    source_fields: m.sources.fields,
    source_helpdesk: m.sources.helpdesk,
    ...skips(rep, key, "skipped", skipped),
    ...skips(rep, key, "anomaly", anomalies),
  };
}

type Sla = NonNullable<Report["sla"]>;

function tallyRow(t: Sla["byMetric"]["firstResponse"], prefix: string): Row {
  return {
    [`${prefix}compliance`]: t.compliance,
    [`${prefix}achieved`]: t.achieved,
    [`${prefix}breached`]: t.breached,
    [`${prefix}running`]: t.running,
  };
}

/** The SLA section as the slaCompliance query's one row. */
function slaRow(sla: Sla): Row {
  const reasons = (record: Readonly<Record<string, number>>, prefix: string, names: readonly string[]): Row =>
    Object.fromEntries(names.map((r) => [`${prefix}_${snake(r)}`, record[r] ?? 0]));
  return {
    ...tallyRow(sla, ""),
    ...tallyRow(sla.byMetric.firstResponse, "first_response_"),
    ...tallyRow(sla.byMetric.nextResponse, "next_response_"),
    ...tallyRow(sla.byMetric.resolution, "resolution_"),
    breaches: sla.breaches,
    ...reasons(sla.skipped, "skipped", ["notCreated", ...SQL_SLA_SKIPS]),
    ...reasons(sla.anomalies, "anomaly", ["finalSolveBeforeFirstSolve", "responseBeforeCreated", "solvedBeforeCreated"]),
  };
}

/** The rows every SQL form must return, from the report. */
export function expectedRows(rep: Report, percentiles: readonly number[]): Record<SqlMetricName, Row[]> {
  const { statuses, resolutionRate: rate, backlog, channelMix } = rep.counts;
  const reopens = rep.reopens;
  const survey = rep.survey;
  if (statuses === null || rate === null || backlog === null || reopens === null || survey === null)
    throw new Error("report section missing");
  const nps = survey.nps;
  const csat = survey.csatSource === "responses" ? survey.csat : null;
  return {
    ticketsByStatus: [{ ...statuses }],
    resolutionRate: [
      {
        value: rate.value,
        received: rate.received,
        resolved: rate.resolved,
        unresolved: rate.unresolved,
        resolved_by_status_only: rate.resolvedByStatusOnly,
        ...skips(rep, "resolutionRate", "skipped", ["solvedBeforeCreated", "createdAfterJudgedAt"]),
      },
    ],
    backlog: [
      {
        count: backlog.count,
        threshold: backlog.threshold,
        averaged_resolutions: backlog.averagedResolutions,
        unresolved: backlog.unresolved,
        resolved: backlog.resolved,
        ...skips(rep, "backlog", "skipped", ["createdAfterAsOf", "solvedBeforeCreated"]),
      },
    ],
    channelMix:
      channelMix === null
        ? []
        : [
            ...channelMix.channels.map((c) => ({ channel: c.channel, count: c.count, share: c.share })),
            ...(channelMix.withoutChannel.count === 0
              ? []
              : [{ channel: null, count: channelMix.withoutChannel.count, share: channelMix.withoutChannel.share }]),
          ],
    typeShares: rep.types.shares.map((t) => ({
      type: t.type,
      count: t.count,
      share: t.share,
      most_common: rep.types.mostCommon.includes(t.type),
    })),
    reopenRate: [
      {
        rate: reopens.rate,
        solved: reopens.solved,
        reopened: reopens.reopened,
        reopens: reopens.reopens,
        reopens_per_ticket: reopens.reopensPerTicket,
        skipped_no_reopen_data: reopens.skipped["noReopenData"] ?? 0,
        skipped_never_solved: reopens.skipped["neverSolved"] ?? 0,
      },
    ],
    firstResponseTime: [duration(rep, "firstResponse", percentiles, ["noCustomerMessage", "unanswered"], ["responseBeforeCreated"])],
    resolutionTime: [
      duration(rep, "resolutionFinal", percentiles, ["noSolveTime", "unresolved"], ["finalSolveBeforeFirstSolve", "solvedBeforeCreated"]),
    ],
    firstResolutionTime: [
      duration(rep, "resolutionFirst", percentiles, ["noSolveTime", "unresolved"], ["finalSolveBeforeFirstSolve", "solvedBeforeCreated"]),
    ],
    assignmentTime: [duration(rep, "assignment", percentiles, ["unassigned"], ["assignedBeforeCreated"])],
    requesterWaitTime: [
      duration(
        rep,
        "requesterWait",
        percentiles,
        ["noSolveTime", "noStatusHistory", "unresolved"],
        ["solvedBeforeCreated", "statusBeforeCreated"],
      ),
    ],
    responseTimes: [duration(rep, "responses", percentiles, ["noCustomerMessage", "noMessages", "unanswered"], [])],
    oneTouch: [
      {
        share: rep.time.oneTouch?.share ?? null,
        one_touch: rep.time.oneTouch?.oneTouch,
        zero_touch: rep.time.oneTouch?.zeroTouch,
        resolved: rep.time.oneTouch?.resolved,
        ...skips(rep, "oneTouch", "skipped", ["noReplyData", "unresolved"]),
      },
    ],
    repliesToResolve: [
      {
        ...summaryRow(rep.time.repliesToResolve as Summary | null, percentiles, ""),
        ...skips(rep, "repliesToResolve", "skipped", ["noReplyData", "unresolved"]),
      },
    ],
    nps: [
      {
        score: nps?.score ?? null,
        total: nps?.total ?? 0,
        promoters: nps?.promoters ?? 0,
        passives: nps?.passives ?? 0,
        detractors: nps?.detractors ?? 0,
        promoter_share: nps?.promoterShare ?? null,
        passive_share: nps?.passiveShare ?? null,
        detractor_share: nps?.detractorShare ?? null,
      },
    ],
    csat: [{ score: csat?.score ?? null, satisfied: csat?.satisfied ?? 0, total: csat?.total ?? 0 }],
    ticketRatings: [
      {
        score: rep.ratings?.csat?.score ?? null,
        satisfied: rep.ratings?.csat?.satisfied ?? 0,
        total: rep.ratings?.rated,
        offered: rep.ratings?.offered,
        response_rate: rep.ratings?.responseRate ?? null,
        skipped_no_scale: rep.ratings?.skipped["noScale"] ?? 0,
        skipped_off_scale: rep.ratings?.skipped["offScale"] ?? 0,
      },
    ],
    ces: survey.ces.map((e) => ({ scale_min: e.scale.min, scale_max: e.scale.max, count: e.count, mean: e.mean, easy_share: e.easyShare })),
    slaCompliance: rep.sla === null ? [] : [slaRow(rep.sla)],
    slaByChannel:
      rep.sla === null ? [] : rep.sla.byChannel.map((t) => ({ channel: t.channel === "(none)" ? null : t.channel, ...tallyRow(t, "") })),
    volumeByDay: (rep.volume?.buckets ?? [])
      .filter((b) => b.created > 0 || b.resolved > 0)
      .map((b) => ({ day: b.label, created: b.created, resolved: b.resolved })),
  };
}

/** The figures compared within the tolerance; every other number is compared exactly. */
const FLOATS =
  /^(business_)?(value|share|mean|median|p\d[\d_]*|threshold|rate|reopens_per_ticket|score|total|easy_share|response_rate|\w+_share|(\w+_)?compliance)$/;
const RELATIVE = 1e-12;

export function agrees(column: string, actual: unknown, expected: unknown): boolean {
  if (typeof actual === "number" && typeof expected === "number" && FLOATS.test(column)) {
    return Math.abs(actual - expected) <= RELATIVE * Math.max(1, Math.abs(actual), Math.abs(expected));
  }
  return Object.is(actual, expected) || (actual === 0 && expected === 0);
}

/** Rows in a stable order (channel mix ties and NULL ordering differ between engines). */
const sorted = (rows: Row[]): Row[] => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** Metrics whose rows are compared in a stable order of their key (ties and NULL ordering differ between engines). */
const SORTED: ReadonlySet<SqlMetricName> = new Set(["channelMix", "ces", "slaByChannel", "typeShares"]);

export function compare(name: SqlMetricName, engine: string, actual: Row[], expected: Row[]): string[] {
  const problems: string[] = [];
  const key = (r: Row): string => JSON.stringify([r["channel"], r["day"], r["scale_min"], r["scale_max"], r["type"]]);
  const a = SORTED.has(name) ? [...actual].sort((x, y) => (key(x) < key(y) ? -1 : 1)) : actual;
  const e = SORTED.has(name) ? [...expected].sort((x, y) => (key(x) < key(y) ? -1 : 1)) : expected;
  if (a.length !== e.length)
    return [
      `${engine} ${name}: ${String(a.length)} rows, expected ${String(e.length)}: ${JSON.stringify(sorted(a))} vs ${JSON.stringify(e)}`,
    ];
  e.forEach((row, i) => {
    for (const [column, want] of Object.entries(row)) {
      const got = (a[i] as Row)[column];
      if (!agrees(column, got, want))
        problems.push(`${engine} ${name} row ${String(i)} ${column}: got ${String(got)}, expected ${String(want)}`);
    }
  });
  return problems;
}
