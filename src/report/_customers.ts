/**
 * The report's customers section: the retention matrix of the cohorts and revenue at risk.
 *
 * @internal
 * @module
 */
import { retentionMatrix } from "../metrics/customers/retentionMatrix.ts";
import { revenueAtRisk } from "../metrics/customers/revenueAtRisk.ts";
import type { Cohort } from "../models/cohort.ts";
import type { CustomersJson, RevenueAtRiskJson } from "./types.ts";

/**
 * Revenue at risk: lost = Σ over cohorts of (size − active in the last period observed; a
 * cohort with no period observed loses none), times the value per customer.
 */
function revenueAtRiskJson(cohorts: readonly Cohort[], valuePerCustomer: number | undefined): RevenueAtRiskJson | null {
  if (valuePerCustomer === undefined) return null;
  let lostCustomers = 0;
  for (const c of cohorts) lostCustomers += c.active.length === 0 ? 0 : c.size - (c.active[c.active.length - 1] as number);
  return { lostCustomers, valuePerCustomer, value: revenueAtRisk(lostCustomers, valuePerCustomer) };
}

/** The customers section, `null` without cohorts. @internal */
export function customersJson(cohorts: readonly Cohort[] | undefined, valuePerCustomer: number | undefined): CustomersJson | null {
  const m = cohorts === undefined ? undefined : retentionMatrix(cohorts);
  if (m === undefined || cohorts === undefined) return null;
  return {
    periods: m.periods,
    rows: m.rows.map((r) => ({
      label: r.label,
      start: r.start.toISOString(),
      size: r.size,
      counts: [...r.counts],
      fractions: r.fractions.map((f) => f ?? null),
    })),
    curve: m.curve.map((p) => ({
      period: p.period,
      retention: p.retention ?? null,
      active: p.active,
      customers: p.customers,
      cohorts: p.cohorts,
    })),
    revenueAtRisk: revenueAtRiskJson(cohorts, valuePerCustomer),
  };
}
