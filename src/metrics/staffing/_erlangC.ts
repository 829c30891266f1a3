import type { ErlangCResult } from "./erlangC.ts";
import { erlangCFromB, type CheckedTraffic } from "./_traffic.ts";

/**
 * Erlang C from checked traffic and a known B(N, A) (lets a search step B incrementally).
 *
 * @internal
 */
export function erlangCChecked(agents: number, traffic: CheckedTraffic, b: number): ErlangCResult {
  const a = traffic.intensity;
  const t = traffic.targetAnswerTime;
  if (a === 0) {
    return {
      agents,
      trafficIntensity: 0,
      probabilityOfWaiting: 0,
      serviceLevel: 1,
      targetAnswerTime: t,
      averageSpeedOfAnswer: 0,
      averageQueueLength: 0,
      occupancy: 0,
    };
  }
  if (agents <= a) {
    return {
      agents,
      trafficIntensity: a,
      probabilityOfWaiting: 1,
      serviceLevel: 0,
      targetAnswerTime: t,
      averageSpeedOfAnswer: Number.POSITIVE_INFINITY,
      averageQueueLength: Number.POSITIVE_INFINITY,
      occupancy: 1,
    };
  }
  const pw = Math.min(1, erlangCFromB(agents, a, b));
  const aht = traffic.averageHandleTime;
  const serviceLevel = Math.max(0, 1 - pw * Math.exp((-(agents - a) * t) / aht));
  return {
    agents,
    trafficIntensity: a,
    probabilityOfWaiting: pw,
    serviceLevel,
    targetAnswerTime: t,
    averageSpeedOfAnswer: (pw * aht) / (agents - a),
    averageQueueLength: (pw * a) / (agents - a),
    occupancy: a / agents,
  };
}
