/**
 * The report's whole-scope sections as JSON: volume, statuses over time, peaks, types, customers.
 *
 * @module
 */
import type { BucketUnit } from "../_lib/bucket.ts";
import type { TicketStatus } from "../models/ticket.ts";
import type { PeriodJson } from "./types.ts";
import type { Json } from "./json.ts";
import type { VolumeBucket, VolumeByPeriodResult } from "../metrics/volume/volumeByPeriod.ts";
import type { PeakHoursResult, PeakSlot } from "../metrics/volume/peakHours.ts";

/**
 * One volume bucket: `volumeByPeriod`'s {@link VolumeBucket} as JSON.
 *
 * @category Report
 */
export type VolumeBucketJson = Json<VolumeBucket>;

/**
 * The ticket counts by status at the end of one bucket, as a `statusesOverTime` bucket.
 *
 * @category Report
 */
export interface StatusesBucketJson {
  /** The bucket's label, as in the volume buckets. */
  readonly label: string;
  /** The first instant of the bucket (ISO-8601). */
  readonly start: string;
  /** The end of the bucket, exclusive (ISO-8601): the counts are the state just before it. */
  readonly end: string;
  /** Tickets that existed and were not solved or closed just before `end`. */
  readonly unresolved: number;
  /** Tickets that existed and were solved or closed just before `end`. */
  readonly resolved: number;
  /** Of `unresolved`: tickets not assigned to anyone before `end`. */
  readonly unassigned: number;
  /** Of `unresolved`: tickets with an `assignee` but no `assignedAt` (assigned when is unknown). */
  readonly assignmentUnknown: number;
  /** Counts per status, from the tickets that have a `statusHistory` only. */
  readonly byStatus: Readonly<Record<TicketStatus, number>>;
  /** Tickets without a `statusHistory`, known only as unresolved or resolved. */
  readonly withoutHistory: {
    /** Created and not resolved (by `status` and `solvedAt`) before `end`. */
    readonly unresolved: number;
    /** Resolved (by `status` and `solvedAt`) before `end`. */
    readonly resolved: number;
  };
}

/**
 * Ticket counts by status at the end of each bucket of the volume range, as `statusesOverTime`
 * (its skip counts are in `skipped.statuses`).
 *
 * @category Report
 */
export interface StatusesJson {
  /** One entry per bucket of the volume range, oldest first. */
  readonly buckets: readonly StatusesBucketJson[];
  /** Tickets read from their `statusHistory`. */
  readonly withHistory: number;
  /** Tickets read from `createdAt`, `status` and `solvedAt` only. */
  readonly withoutHistory: number;
}

/**
 * Volume over time.
 *
 * @category Report
 */
export interface VolumeJson {
  /** The bucket length. */
  readonly unit: BucketUnit;
  /** The range bucketed: the period, or whole buckets from the earliest to the latest `createdAt`. */
  readonly range: PeriodJson;
  /** Every bucket of the range, oldest first; empty ones have zeros. */
  readonly buckets: readonly VolumeBucketJson[];
  /** Tickets open at the range's start. */
  readonly backlogAtStart: number;
  /** Sums over the buckets (as `volumeByPeriod`'s `totals`). */
  readonly totals: Json<VolumeByPeriodResult["totals"]>;
  /** Tickets in the ticket counts. */
  readonly counted: number;
  /** Ticket counts by status at the end of each bucket, as `statusesOverTime`. */
  readonly statuses: StatusesJson;
}

/**
 * One heatmap slot: `peakHours`' {@link PeakSlot} as JSON.
 *
 * @category Report
 */
export type PeakSlotJson = Json<PeakSlot>;

/**
 * When tickets arrive: `peakHours` over the volume range ({@link PeakHoursResult} as JSON).
 *
 * @category Report
 */
export type PeaksJson = Json<
  Pick<PeakHoursResult, "weekdays" | "cells" | "byHour" | "byWeekday" | "busiestHour" | "busiestDay" | "busiestSlot" | "top" | "total">
>;

/**
 * Ticket types.
 *
 * @category Report
 */
export interface TypesJson {
  /** Share per type in scope (`"(none)"` included), most first, as `typeShares`. */
  readonly shares: readonly {
    /** The type, `"(none)"` for tickets without one. */
    readonly type: string;
    /** Tickets of this type. */
    readonly count: number;
    /** `count / tickets in scope`. */
    readonly share: number;
  }[];
  /** The most common known type(s). */
  readonly mostCommon: readonly string[];
  /** Types in the period never seen in `compareTo`, as `newTypes`; `null` without `compareTo`. */
  readonly newTypes:
    | readonly {
        /** The new type. */
        readonly type: string;
        /** Its tickets in the period. */
        readonly count: number;
        /** Its earliest `createdAt` in the period (ISO-8601). */
        readonly firstSeen: string;
      }[]
    | null;
  /** Change per type from `compareTo` to the period, as `typeChange`; `null` without `compareTo`. */
  readonly change:
    | readonly {
        /** The type. */
        readonly type: string;
        /** Tickets in `compareTo`. */
        readonly baseline: number;
        /** Tickets in the period. */
        readonly period: number;
        /** `period − baseline`. */
        readonly change: number;
        /** `change / baseline`; `null` when the baseline has none. */
        readonly relativeChange: number | null;
        /** Share of the baseline's tickets; `null` when it has none. */
        readonly baselineShare: number | null;
        /** Share of the period's tickets; `null` when it has none. */
        readonly periodShare: number | null;
        /** `periodShare − baselineShare`; `null` when either is. */
        readonly shareChange: number | null;
      }[]
    | null;
}

/**
 * Customer retention from the cohorts given, as `retentionMatrix`.
 *
 * @category Report
 */
export interface CustomersJson {
  /** The longest series. */
  readonly periods: number;
  /** One row per cohort: label, start (ISO), size, counts and fractions (`null` for a cohort of size 0). */
  readonly rows: readonly {
    /** The cohort's label. */
    readonly label: string;
    /** The start of its first period (ISO-8601). */
    readonly start: string;
    /** Customers at the start. */
    readonly size: number;
    /** Customers active in periods 1, 2, … */
    readonly counts: readonly number[];
    /** `counts[i] / size`; `null` for a cohort of size 0. */
    readonly fractions: readonly (number | null)[];
  }[];
  /** The size-weighted average retention curve. */
  readonly curve: readonly {
    /** Periods since the start, from 1. */
    readonly period: number;
    /** `active / customers`; `null` when `customers` is 0. */
    readonly retention: number | null;
    /** Customers active in this period, over the cohorts old enough to have it. */
    readonly active: number;
    /** Those cohorts' sizes, summed. */
    readonly customers: number;
    /** How many cohorts have this period. */
    readonly cohorts: number;
  }[];
  /** Revenue at risk (`revenueAtRisk`); `null` without the `valuePerCustomer` option. */
  readonly revenueAtRisk: RevenueAtRiskJson | null;
}

/**
 * Revenue at risk from the cohorts: customers lost times the value of one customer.
 *
 * @category Report
 */
export interface RevenueAtRiskJson {
  /** Σ over cohorts of (size − active in the last period observed); a cohort with no period observed yet loses none. */
  readonly lostCustomers: number;
  /** The `valuePerCustomer` option. */
  readonly valuePerCustomer: number;
  /** `lostCustomers × valuePerCustomer`, in the currency of `valuePerCustomer`. */
  readonly value: number;
}
