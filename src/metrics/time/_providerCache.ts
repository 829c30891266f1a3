/**
 * One facts provider per (schedule, caller name): the same arguments give the very same
 * provider, so a composition whose metrics share a schedule computes their facts once per ticket.
 *
 * @internal
 * @module
 */
import type { Schedule } from "../../models/schedule.ts";
import type { FactsProvider } from "../../models/ticketBatch.ts";

/**
 * A function giving the provider `make(schedule, fn)` for `schedule` (`undefined`: calendar time
 * only) and the function name `fn` its errors use, made once per pair and kept (a schedule's
 * provider as long as the schedule object lives).
 *
 * @internal
 */
export function providerCache<F>(
  make: (schedule: Schedule | undefined, fn: string) => FactsProvider<F>,
): (schedule: Schedule | undefined, fn: string) => FactsProvider<F> {
  const providers = new Map<string, { readonly calendar: FactsProvider<F>; readonly business: WeakMap<Schedule, FactsProvider<F>> }>();
  return (schedule, fn) => {
    let byFn = providers.get(fn);
    if (byFn === undefined) {
      byFn = { calendar: make(undefined, fn), business: new WeakMap() };
      providers.set(fn, byFn);
    }
    if (schedule === undefined) return byFn.calendar;
    let p = byFn.business.get(schedule);
    if (p === undefined) {
      p = make(schedule, fn);
      byFn.business.set(schedule, p);
    }
    return p;
  };
}
