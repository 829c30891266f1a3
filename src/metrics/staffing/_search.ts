import { MetricRangeError } from "../../_lib/errors.ts";
import { ceilTolerant } from "../../_lib/ceil.ts";
import { erlangCChecked } from "./_erlangC.ts";
import { erlangB, MAX_AGENTS, type CheckedTraffic } from "./_traffic.ts";
import type { ErlangCStaffing, ErlangCTargets } from "./erlangCAgents.ts";

/** Checked targets with defaults applied. @internal */
export interface CheckedTargets {
  readonly serviceLevel: number | undefined;
  readonly maxAverageSpeedOfAnswer: number | undefined;
  readonly maxOccupancy: number;
  readonly shrinkage: number;
}

/** Validates {@link ErlangCTargets}. @internal */
export function checkTargets(fn: string, targets: ErlangCTargets | undefined): CheckedTargets {
  const asa = targets?.maxAverageSpeedOfAnswer;
  const serviceLevel = targets?.serviceLevel ?? (asa === undefined ? 0.8 : undefined);
  const maxOccupancy = targets?.maxOccupancy ?? 1;
  const shrinkage = targets?.shrinkage ?? 0;
  if (serviceLevel !== undefined && (typeof serviceLevel !== "number" || !(serviceLevel >= 0 && serviceLevel < 1))) {
    throw new MetricRangeError(
      "E_SERVICE_LEVEL_TARGET",
      `${fn}: serviceLevel must be a fraction from 0 (inclusive) to 1 (exclusive), got ${String(serviceLevel)}`,
    );
  }
  if (asa !== undefined && (typeof asa !== "number" || !Number.isFinite(asa) || asa <= 0)) {
    throw new MetricRangeError("E_ASA_TARGET", `${fn}: maxAverageSpeedOfAnswer must be a finite number of seconds > 0, got ${String(asa)}`);
  }
  if (typeof maxOccupancy !== "number" || !(maxOccupancy > 0 && maxOccupancy <= 1)) {
    throw new MetricRangeError(
      "E_OCCUPANCY_CAP",
      `${fn}: maxOccupancy must be a fraction greater than 0 and at most 1, got ${String(maxOccupancy)}`,
    );
  }
  if (typeof shrinkage !== "number" || !(shrinkage >= 0 && shrinkage < 1)) {
    throw new MetricRangeError(
      "E_SHRINKAGE_RANGE",
      `${fn}: shrinkage must be a fraction from 0 (inclusive) to 1 (exclusive), got ${String(shrinkage)}`,
    );
  }
  return { serviceLevel, maxAverageSpeedOfAnswer: asa, maxOccupancy, shrinkage };
}

/** The search behind {@link erlangCAgents}, on checked inputs. @internal */
export function searchAgents(fn: string, traffic: CheckedTraffic, goals: CheckedTargets): ErlangCStaffing {
  const a = traffic.intensity;
  if (a === 0) {
    return { agents: 0, scheduledAgents: 0, shrinkage: goals.shrinkage, achieved: erlangCChecked(0, traffic, 1) };
  }
  let n = Math.max(Math.floor(a) + 1, ceilTolerant(a / goals.maxOccupancy));
  if (!(n <= MAX_AGENTS)) throw neededLimit(fn, n);
  let b = erlangB(n, a);
  for (;;) {
    const result = erlangCChecked(n, traffic, b);
    const slMet = goals.serviceLevel === undefined || result.serviceLevel >= goals.serviceLevel;
    const asaMet = goals.maxAverageSpeedOfAnswer === undefined || result.averageSpeedOfAnswer <= goals.maxAverageSpeedOfAnswer;
    if (slMet && asaMet && result.occupancy <= goals.maxOccupancy * (1 + 1e-12)) {
      return { agents: n, scheduledAgents: ceilTolerant(n / (1 - goals.shrinkage)), shrinkage: goals.shrinkage, achieved: result };
    }
    n += 1;
    if (n > MAX_AGENTS) throw neededLimit(fn, n);
    b = (a * b) / (n + a * b);
  }
}

function neededLimit(fn: string, agents: number): MetricRangeError {
  return new MetricRangeError(
    "E_AGENTS_LIMIT",
    `${fn}: the agents needed must be at most ${String(MAX_AGENTS)}, got at least ${String(agents)}`,
  );
}
