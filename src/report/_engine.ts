/**
 * The engine that drives a composition of {@link TicketMetric}s over columnar batches: each
 * distinct facts provider observes each row ONCE, then every metric adds the rows of a scope
 * (the whole period, one segment, the comparison period) to that scope's state. A scope's
 * state is one state per metric, in composition order; it merges and serialises metric by
 * metric.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import type { MetricAccumulator, StateJson } from "../_lib/accumulator.ts";
import type { SurveyResponse } from "../models/survey.ts";
import type { FactsProvider, TicketBatch, TicketMetric } from "../models/ticketBatch.ts";
import { ALL_BATCH_COLUMNS } from "../models/pushTicket.ts";

/** Any ticket metric (the engine treats states, results and facts as opaque). @internal */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTicketMetric = TicketMetric<any, any, any>;

/** Any accumulator of survey responses. @internal */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyResponseMetric = MetricAccumulator<SurveyResponse, any, any>;

/** A list of named metrics and the distinct providers they read. @internal */
export interface AnyPlan {
  /** The response metrics by name, in composition order. */
  readonly responseMetrics: Readonly<Record<string, AnyResponseMetric>>;
  /** Their names. */
  readonly responseNames: readonly string[];
  /** The metrics by name, in composition order. */
  readonly metrics: Readonly<Record<string, AnyTicketMetric>>;
  /** The names, in composition order. */
  readonly names: readonly string[];
  /** The distinct providers. */
  readonly providers: readonly FactsProvider<unknown>[];
  /** The provider index of each metric, in `names` order. */
  readonly providerOf: Int32Array;
}

/** A plan with its metrics' types. @internal */
export interface Plan<
  M extends Readonly<Record<string, AnyTicketMetric>>,
  Q extends Readonly<Record<string, AnyResponseMetric>> = Record<never, AnyResponseMetric>,
> extends AnyPlan {
  /** The response metrics by name. */
  readonly responseMetrics: Q;
  /** Their names. */
  readonly responseNames: readonly (keyof Q & string)[];
  /** The metrics by name, in composition order. */
  readonly metrics: M;
  /** The names, in composition order. */
  readonly names: readonly (keyof M & string)[];
  /** The distinct providers. */
  readonly providers: readonly FactsProvider<unknown>[];
  /** The provider index of each metric, in `names` order. */
  readonly providerOf: Int32Array;
}

/** One state per metric of a plan, plus the number of tickets added. @internal */
export interface ScopeState {
  tickets: number;
  readonly states: unknown[];
  /** One state per response metric. */
  readonly responses: unknown[];
}

/** The results of a plan's metrics, by name. @internal */
export type PlanResult<M> = { readonly [K in keyof M]: M[K] extends MetricAccumulator<never, unknown, infer R> ? R : never };

/** A plan of `metrics` (providers deduplicated by identity) and `responseMetrics`. @internal */
export function plan<
  M extends Readonly<Record<string, AnyTicketMetric>>,
  Q extends Readonly<Record<string, AnyResponseMetric>> = Record<never, AnyResponseMetric>,
>(metrics: M, responseMetrics: Q = {} as Q): Plan<M, Q> {
  const names = Object.keys(metrics) as (keyof M & string)[];
  const providers: FactsProvider<unknown>[] = [];
  const providerOf = new Int32Array(names.length);
  names.forEach((name, i) => {
    const p = (metrics[name] as AnyTicketMetric).facts as FactsProvider<unknown>;
    let at = providers.indexOf(p);
    if (at < 0) at = providers.push(p) - 1;
    providerOf[i] = at;
  });
  return { metrics, names, providers, providerOf, responseMetrics, responseNames: Object.keys(responseMetrics) as (keyof Q & string)[] };
}

/**
 * Facts storage of every provider of `p` for `capacity` rows, each asked for the union of the
 * parts its metrics read (all, when one of them does not say). @internal
 */
export function planFacts(p: AnyPlan, capacity: number): unknown[] {
  return p.providers.map((provider, i) => {
    let needs: number | undefined = 0;
    p.names.forEach((name, m) => {
      if (p.providerOf[m] !== i) return;
      const wanted = (p.metrics[name] as AnyTicketMetric).needs;
      needs = wanted === undefined || needs === undefined ? undefined : needs | wanted;
    });
    return provider.create(capacity, needs);
  });
}

/**
 * The batch columns `p` reads: the union of its metrics' `columns` (all of them when one does
 * not say), as a mask of `BATCH_COLUMNS` for `pushTicket`. @internal
 */
export function planColumns(p: AnyPlan): number {
  let columns = 0;
  for (const name of p.names) {
    const wanted = (p.metrics[name] as AnyTicketMetric).columns;
    columns |= wanted ?? ALL_BATCH_COLUMNS;
  }
  return columns;
}

/** Observes `rows[0 … count)` with every provider of `p`: once per row and provider. @internal */
export function observeRows(p: AnyPlan, facts: unknown[], batch: TicketBatch, rows: Int32Array, count: number): void {
  for (let i = 0; i < p.providers.length; i++) {
    const provider = p.providers[i] as FactsProvider<unknown>;
    const f = facts[i];
    provider.begin?.(f);
    for (let k = 0; k < count; k++) provider.observe(f, batch, rows[k] as number);
  }
}

/** A new empty scope state. @internal */
export function createScope(p: AnyPlan): ScopeState {
  return {
    tickets: 0,
    states: p.names.map((name) => (p.metrics[name] as AnyTicketMetric).create()),
    responses: p.responseNames.map((name) => (p.responseMetrics[name] as AnyResponseMetric).create()),
  };
}

/** Adds one survey response to every response metric of a scope. @internal */
export function addScopeResponse(p: AnyPlan, scope: ScopeState, response: SurveyResponse): void {
  for (let i = 0; i < p.responseNames.length; i++) {
    (p.responseMetrics[p.responseNames[i] as string] as AnyResponseMetric).add(scope.responses[i], response);
  }
}

/** Adds observed rows to a scope. @internal */
export function addScopeRows(p: AnyPlan, scope: ScopeState, facts: unknown[], batch: TicketBatch, rows: Int32Array, count: number): void {
  scope.tickets += count;
  for (let i = 0; i < p.names.length; i++) {
    const m = p.metrics[p.names[i] as string] as AnyTicketMetric;
    m.addRows(scope.states[i], facts[p.providerOf[i] as number], batch, rows, count);
  }
}

/** Merges scope `b` into `a` and returns `a`. @internal */
export function mergeScope(p: AnyPlan, a: ScopeState, b: ScopeState): ScopeState {
  a.tickets += b.tickets;
  for (let i = 0; i < p.names.length; i++) {
    const m = p.metrics[p.names[i] as string] as AnyTicketMetric;
    a.states[i] = m.merge(a.states[i], b.states[i]);
  }
  for (let i = 0; i < p.responseNames.length; i++) {
    const m = p.responseMetrics[p.responseNames[i] as string] as AnyResponseMetric;
    a.responses[i] = m.merge(a.responses[i], b.responses[i]);
  }
  return a;
}

/** The results of a scope, by metric name. @internal */
export function scopeResult<M extends Readonly<Record<string, AnyTicketMetric>>, Q extends Readonly<Record<string, AnyResponseMetric>>>(
  p: Plan<M, Q>,
  scope: ScopeState,
): PlanResult<M> & PlanResult<Q> {
  const out: Record<string, unknown> = {};
  p.names.forEach((name, i) => {
    out[name] = (p.metrics[name] as AnyTicketMetric).result(scope.states[i]);
  });
  p.responseNames.forEach((name, i) => {
    out[name] = (p.responseMetrics[name] as AnyResponseMetric).result(scope.responses[i]);
  });
  return out as PlanResult<M> & PlanResult<Q>;
}

/** The JSON form of a scope: `{ tickets, metrics: { name: state JSON } }`. @internal */
export function scopeToJSON(p: AnyPlan, scope: ScopeState): { tickets: number; metrics: Record<string, StateJson> } {
  const metrics: Record<string, StateJson> = {};
  p.names.forEach((name, i) => {
    metrics[name] = (p.metrics[name] as AnyTicketMetric).toJSON(scope.states[i]);
  });
  p.responseNames.forEach((name, i) => {
    metrics[name] = (p.responseMetrics[name] as AnyResponseMetric).toJSON(scope.responses[i]);
  });
  return { tickets: scope.tickets, metrics };
}

/** A scope read back from {@link scopeToJSON}'s output. @internal */
export function scopeFromJSON(p: AnyPlan, kind: string, field: string, json: unknown): ScopeState {
  const bad = (what: string, got: unknown): MetricRangeError =>
    new MetricRangeError("E_STATE_FORMAT", `${kind}.fromJSON: ${field}${what}, got ${JSON.stringify(got) ?? String(got)}`);
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw bad(" must be an object", json);
  const o = json as { tickets?: unknown; metrics?: unknown };
  if (typeof o.tickets !== "number" || !Number.isSafeInteger(o.tickets) || o.tickets < 0)
    throw bad(".tickets must be a non-negative integer", o.tickets);
  const metrics = o.metrics;
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) throw bad(".metrics must be an object", metrics);
  const m = metrics as Record<string, unknown>;
  const all = [...p.names, ...p.responseNames];
  const extra = Object.keys(m).find((k) => !all.includes(k));
  if (extra !== undefined) throw bad(`.metrics must hold only ${all.join(", ")}`, extra);
  const read = (name: string, acc: AnyTicketMetric | AnyResponseMetric): unknown => {
    if (!Object.hasOwn(m, name)) throw bad(`.metrics.${name} is missing`, undefined);
    return acc.fromJSON(m[name]);
  };
  return {
    tickets: o.tickets,
    states: p.names.map((name) => read(name, p.metrics[name] as AnyTicketMetric)),
    responses: p.responseNames.map((name) => read(name, p.responseMetrics[name] as AnyResponseMetric)),
  };
}
