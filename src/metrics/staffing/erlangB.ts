import { MetricRangeError } from "../../_lib/errors.ts";
import { checkAgents, erlangB as blocking, MAX_INTENSITY } from "./_traffic.ts";

/**
 * Erlang B, the blocking probability of a loss system (M/M/N/N) with N servers offered A
 * Erlangs: B(N, A) = (A^N / N!) / Σ_{k=0..N} A^k / k!, computed by the stable recursion
 * B(0, A) = 1, B(n, A) = A·B(n − 1, A) / (n + A·B(n − 1, A)).
 *
 * @param agents - The number of servers (agents, lines, trunks) N, an integer ≥ 0.
 * @param offeredLoad - The offered traffic A in Erlangs (arrival rate × mean holding time), finite and ≥ 0.
 * @returns The share of arriving contacts that find every server busy and are lost, from 0 to 1
 * (never `undefined`: any valid argument has an answer).
 * @throws {@link MetricRangeError} `E_AGENTS_RANGE` if agents is not an integer ≥ 0;
 * `E_AGENTS_LIMIT` if agents exceeds 100,000; `E_OFFERED_LOAD` if the offered load is negative
 * or not finite; `E_TRAFFIC_LIMIT` if it exceeds 100,000 Erlangs.
 * @remarks No factorials and no powers: the recursion multiplies numbers below 1, so it never
 * overflows and, for N ≫ A, underflows gracefully towards 0. B(0, A) = 1 (no server: every
 * contact is lost); B(N, 0) = 0 for N ≥ 1. B falls as agents are added and rises with the load.
 * Erlang C follows from it: C(N, A) = N·B / (N − A(1 − B)) for N > A. Blocked contacts are
 * lost (they neither wait nor retry), which suits trunks and lines; for agents with a queue use
 * {@link erlangC} or {@link erlangA}.
 * @example
 * ```ts
 * erlangB(2, 1);       // => 0.2
 * erlangB(1, 3);       // => 0.75
 * erlangB(15, 8.108);  // => 0.009999631942598777 (1 % blocking: 8.108 Erlangs on 15 lines)
 * erlangB(0, 5);       // => 1
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Erlang_(unit)#Erlang_B_formula}
 * @see {@link https://erlang.com/calculatormanual/howmuchtrafficcanatrunkgrouphandle.htm} (15 lines at 1 % blocking carry 8.108 Erlangs)
 * @category Staffing
 */
export function erlangB(agents: number, offeredLoad: number): number {
  const fn = "erlangB";
  checkAgents(fn, agents, 0);
  if (typeof offeredLoad !== "number" || !Number.isFinite(offeredLoad) || offeredLoad < 0) {
    throw new MetricRangeError("E_OFFERED_LOAD", `${fn}: offeredLoad must be a finite number of Erlangs ≥ 0, got ${String(offeredLoad)}`);
  }
  if (offeredLoad > MAX_INTENSITY) {
    throw new MetricRangeError(
      "E_TRAFFIC_LIMIT",
      `${fn}: offeredLoad must be at most ${String(MAX_INTENSITY)} Erlangs, got ${String(offeredLoad)}`,
    );
  }
  return blocking(agents, offeredLoad);
}
