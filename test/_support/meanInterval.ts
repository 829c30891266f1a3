/**
 * The log-scale mean interval of a list, as the report computes it: through a value store's
 * exact moments (src/_lib/quantileStore.ts) and `logMeanInterval` (src/_lib/logMeanInterval.ts).
 */
import { logMeanInterval, type LogMeanInterval } from "../../src/_lib/logMeanInterval.ts";
import { storeAdd, storeMoments, valueStore } from "../../src/_lib/quantileStore.ts";

/** The interval of the mean `mean` of `values[0 .. length)` at `level`; `null` for fewer than two. */
export function meanIntervalJson(values: Float64Array, length: number, mean: number, level: number): LogMeanInterval | null {
  const store = valueStore("exact");
  for (let i = 0; i < length; i++) storeAdd(store, values[i] as number);
  return logMeanInterval(storeMoments(store, mean), level) ?? null;
}
