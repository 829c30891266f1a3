/**
 * Survey responses joined to their tickets by `ticketId`, so that every segmentation (type,
 * group, priority, tag, brand, custom keys, the leaderboard's agents) carries survey figures.
 *
 * The one rule: a response in the period whose `ticketId` names a ticket added AFTER it is
 * placed in that ticket's segments (`ticketKeys`, every dimension). A response without a
 * `ticketId`, or whose ticket never arrives, falls back on the segmentation's response key
 * (`assignee` → `agent`, `channel` → `channel`, a custom `responseKey`) when it has one, and
 * is otherwise not joined (counted, never dropped). The ticket's key wins over the response's.
 *
 * The state keeps the responses waiting for their ticket, by ticket id (responses are few
 * beside tickets); `add(ticket)` looks a ticket up only when some are waiting. Those still
 * waiting at `result` are placed by their response key there, in copies of the survey states,
 * so `result` does not change the state.
 *
 * @internal
 * @module
 */
import { readArray, readCount, readObject } from "../_lib/accumulator.ts";
import { MetricRangeError } from "../_lib/errors.ts";
import { stateFor } from "../_lib/group.ts";
import { surveyResponseProblem } from "../metrics/survey/surveyResponseProblem.ts";
import type { SurveyKind, SurveyResponse } from "../models/survey.ts";
import type { Ticket } from "../models/ticket.ts";
import { addScopeResponse, createScope, type AnyPlan, type AnyResponseMetric, type ScopeState } from "./_engine.ts";
import type { Segmentation } from "./_segment.ts";
import { segmentIndex, type SegmentsState } from "./_segments.ts";

/** The join's running state. @internal */
export interface JoinState {
  /** Responses in the period waiting for their ticket, by `ticketId`, in order of arrival. */
  readonly pending: Map<string, SurveyResponse[]>;
  /** Responses in the period placed in their ticket's segments. */
  joined: number;
  /** Responses in the period without a `ticketId` (placed by response key, where there is one). */
  unlinked: number;
}

/** An empty join state. @internal */
export function joinState(): JoinState {
  return { pending: new Map(), joined: 0, unlinked: 0 };
}

/** The number of responses still waiting for their ticket. @internal */
export function waiting(j: JoinState): number {
  let n = 0;
  for (const list of j.pending.values()) n += list.length;
  return n;
}

/** Responses in the period not placed in their ticket's segments: without a ticket id, or whose ticket has not arrived. @internal */
export function notJoined(j: JoinState): number {
  return j.unlinked + waiting(j);
}

/** The ticket id a response is joined by, or `undefined` (absent or empty). @internal */
export function ticketIdOf(response: SurveyResponse): string | undefined {
  const id = response.ticketId;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** Holds a response in the period until its ticket is added. @internal */
export function holdResponse(j: JoinState, id: string, response: SurveyResponse): void {
  stateFor(j.pending, id, (): SurveyResponse[] => []).push(response);
}

/** Places a response without a ticket id by the response key of every segmentation that has one. @internal */
export function placeByResponseKey(
  p: AnyPlan,
  segmentations: readonly Segmentation[],
  segments: readonly SegmentsState[],
  j: JoinState,
  response: SurveyResponse,
): void {
  j.unlinked++;
  segmentations.forEach((s, i) => {
    if (!s.survey) return;
    const segs = segments[i] as SegmentsState;
    addScopeResponse(p, segs.scopes[segmentIndex(p, segs, s.responseKey(response))] as ScopeState, response);
  });
}

/**
 * Places the responses waiting for `ticket` in its segments of every segmentation (each of its
 * keys: several for tags) and forgets them. Call only when `j.pending` is not empty.
 *
 * @internal
 */
export function joinTicket(
  p: AnyPlan,
  segmentations: readonly Segmentation[],
  segments: readonly SegmentsState[],
  j: JoinState,
  ticket: Ticket,
): void {
  const list = j.pending.get(ticket.id);
  if (list === undefined) return;
  j.pending.delete(ticket.id);
  j.joined += list.length;
  segmentations.forEach((s, i) => {
    const segs = segments[i] as SegmentsState;
    for (const key of s.ticketKeys(ticket)) {
      const scope = segs.scopes[segmentIndex(p, segs, key)] as ScopeState;
      for (const response of list) addScopeResponse(p, scope, response);
    }
  });
}

/** Merges `b` into `a` (waiting lists of the same ticket concatenated) and returns `a`. @internal */
export function mergeJoin(a: JoinState, b: JoinState): JoinState {
  a.joined += b.joined;
  a.unlinked += b.unlinked;
  for (const [id, list] of b.pending) {
    stateFor(a.pending, id, (): SurveyResponse[] => []).push(...list);
  }
  return a;
}

/** One segment to report: its key and its scope (with the fallback responses of `result` added to a copy). @internal */
export interface PlacedSegment {
  readonly key: string;
  readonly scope: ScopeState;
}

/**
 * The segments of a segmentation as `result` reports them: the state's, and, for a
 * segmentation with a response key, the responses still waiting for their ticket placed by
 * that key, in copies of the survey states (a key only they have makes a segment of 0 tickets).
 *
 * @internal
 */
export function placedSegments(p: AnyPlan, s: Segmentation, groups: SegmentsState, j: JoinState): PlacedSegment[] {
  const out: PlacedSegment[] = groups.keys.map((key, i) => ({ key, scope: groups.scopes[i] as ScopeState }));
  if (!s.survey || j.pending.size === 0) return out;
  const extra = new Map<string, SurveyResponse[]>();
  for (const list of j.pending.values()) {
    for (const response of list) {
      stateFor(extra, s.responseKey(response), (): SurveyResponse[] => []).push(response);
    }
  }
  for (const [key, responses] of extra) {
    const i = groups.index.get(key);
    const base = i === undefined ? createScope(p) : (groups.scopes[i] as ScopeState);
    const copy: ScopeState = { tickets: base.tickets, states: base.states, responses: copyResponses(p, base) };
    for (const response of responses) addScopeResponse(p, copy, response);
    if (i === undefined) out.push({ key, scope: copy });
    else out[i] = { key, scope: copy };
  }
  return out;
}

/** Copies of a scope's response-metric states (through their JSON forms). */
function copyResponses(p: AnyPlan, scope: ScopeState): unknown[] {
  return p.responseNames.map((name, i) => {
    const m = p.responseMetrics[name] as AnyResponseMetric;
    return m.fromJSON(JSON.parse(JSON.stringify(m.toJSON(scope.responses[i]))));
  });
}

/** One waiting response's JSON form. */
interface ResponseJson {
  kind: SurveyKind;
  score: number;
  scale: { min: number; max: number };
  answeredAt: number;
  ticketId: string;
  customerId?: string;
  agent?: string;
  channel?: string;
}

function responseToJSON(r: SurveyResponse, ticketId: string): ResponseJson {
  return {
    kind: r.kind,
    score: r.score,
    scale: { min: r.scale.min, max: r.scale.max },
    answeredAt: r.answeredAt.getTime(),
    ticketId,
    ...(r.customerId === undefined ? {} : { customerId: r.customerId }),
    ...(r.agent === undefined ? {} : { agent: r.agent }),
    ...(r.channel === undefined ? {} : { channel: r.channel }),
  };
}

/** The join's JSON form: `{ joined, unlinked, pending: [response…] }`, answeredAt in epoch ms. @internal */
export function joinToJSON(j: JoinState): { joined: number; unlinked: number; pending: ResponseJson[] } {
  const pending: ResponseJson[] = [];
  for (const [id, list] of j.pending) for (const r of list) pending.push(responseToJSON(r, id));
  return { joined: j.joined, unlinked: j.unlinked, pending };
}

function responseFromJSON(kind: string, field: string, json: unknown): SurveyResponse {
  const bad = (what: string, got: unknown): MetricRangeError =>
    new MetricRangeError("E_STATE_FORMAT", `${kind}.fromJSON: ${field}${what}, got ${JSON.stringify(got) ?? String(got)}`);
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw bad(" must be a survey response", json);
  const o = json as Record<string, unknown>;
  if (typeof o.kind !== "string") throw bad(".kind must be a string", o.kind);
  const scale = o.scale as Record<string, unknown> | null | undefined;
  if (scale === null || typeof scale !== "object" || typeof scale.min !== "number" || typeof scale.max !== "number")
    throw bad(".scale must be { min, max }", scale);
  if (typeof o.score !== "number") throw bad(".score must be a number", o.score);
  if (typeof o.answeredAt !== "number" || !Number.isFinite(new Date(o.answeredAt).getTime()))
    throw bad(".answeredAt must be epoch milliseconds", o.answeredAt);
  if (typeof o.ticketId !== "string" || o.ticketId === "") throw bad(".ticketId must be a non-empty string", o.ticketId);
  const text = (name: string): Record<string, string> => {
    const x = o[name];
    if (x === undefined) return {};
    if (typeof x !== "string") throw bad(`.${name} must be a string`, x);
    return { [name]: x };
  };
  const response: SurveyResponse = {
    kind: o.kind as SurveyKind,
    score: o.score,
    scale: { min: scale.min, max: scale.max },
    answeredAt: new Date(o.answeredAt),
    ticketId: o.ticketId,
    ...text("customerId"),
    ...text("agent"),
    ...text("channel"),
  };
  const problem = surveyResponseProblem(response);
  if (problem !== undefined) throw bad(` is not a countable response (${problem})`, json);
  return response;
}

/** A join state read back from {@link joinToJSON}'s output. @internal */
export function joinFromJSON(kind: string, field: string, json: unknown): JoinState {
  const o = readObject({ [field]: json }, kind, field);
  const j = joinState();
  j.joined = readCount(o, kind, `joined`);
  j.unlinked = readCount(o, kind, `unlinked`);
  readArray(o, kind, "pending").forEach((r, i) => {
    const response = responseFromJSON(kind, `${field}.pending[${String(i)}]`, r);
    holdResponse(j, response.ticketId as string, response);
  });
  return j;
}
