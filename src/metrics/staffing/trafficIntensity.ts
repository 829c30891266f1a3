import { checkTraffic, type ErlangTraffic } from "./_traffic.ts";

/**
 * Traffic intensity (offered load) in Erlangs: the arrival rate times the average handle
 * time, A = arrivals / intervalLength × averageHandleTime, i.e. the number of agents that
 * would be busy on average if every contact were answered.
 *
 * @param traffic - {@link ErlangTraffic}: `arrivals` per interval, `averageHandleTime` in
 * seconds, `intervalLength` in seconds (default 1800).
 * @returns A in Erlangs (≥ 0).
 * @throws {@link MetricRangeError} `E_ARRIVALS_RANGE` if arrivals is negative or not finite;
 * `E_HANDLE_TIME` if the handle time is not a finite number > 0; `E_INTERVAL_LENGTH` if the
 * interval length is not a finite number > 0; `E_ANSWER_TIME` if the target answer time is
 * negative or not finite; `E_TRAFFIC_LIMIT` if the traffic intensity exceeds 100,000 Erlangs (the bound of every
 * staffing function).
 * @remarks All times are seconds. Zero arrivals give 0 Erlangs.
 * @example
 * ```ts
 * trafficIntensity({ arrivals: 100, averageHandleTime: 180 });                       // => 10
 * trafficIntensity({ arrivals: 360, averageHandleTime: 240, intervalLength: 3600 }); // => 24
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Erlang_(unit)}
 * @category Staffing
 */
export function trafficIntensity(traffic: ErlangTraffic): number {
  return checkTraffic("trafficIntensity", traffic).intensity;
}
