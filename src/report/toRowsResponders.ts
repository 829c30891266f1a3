/**
 * The responders table of {@link toRows} (`toRows(report, "responders")`, `--table responders`).
 *
 * @module
 */
import type { SelectedReport } from "./selectedTypes.ts";
import type { Report } from "./types.ts";

/**
 * One responder of the report's scope (`toRows(report, "responders")`), most replies first, then
 * the replies without an author (`responder` `null`). Durations in milliseconds, in the report's
 * clock (`clock`: business milliseconds with a schedule).
 *
 * @category Report
 */
export type ResponderRow = {
  /** The `authorId` of the public agent replies; `null` for the replies that name none (responder unknown). */
  readonly responder: string | null;
  /** Tickets the responder replied on. */
  readonly tickets: number;
  /** Public agent replies sent. */
  readonly replies: number;
  /** First responses credited to the responder (one per ticket whose first response they sent). */
  readonly first_responses: number;
  /** Their median, ms; `null` without any. */
  readonly first_response_median_ms: number | null;
  /** Customer turns the responder's replies ended. */
  readonly reply_times: number;
  /** Their median response time, ms; `null` without any. */
  readonly reply_time_median_ms: number | null;
  /** `"calendar"`, or `"business"` with a schedule. */
  readonly clock: string;
};

/** The rows of {@link ResponderRow}: `[]` when the report did not compute responders or no reply was read. @internal */
export function responderRows(report: Report | SelectedReport): ResponderRow[] {
  const r = report.responders;
  if (r === null) return [];
  const all = [...r.responders, ...(r.unknown === null ? [] : [r.unknown])];
  return all.map((f) => ({
    responder: f.responder,
    tickets: f.tickets,
    replies: f.replies,
    first_responses: f.firstResponse?.count ?? 0,
    first_response_median_ms: f.firstResponse?.median ?? null,
    reply_times: f.replyTime?.count ?? 0,
    reply_time_median_ms: f.replyTime?.median ?? null,
    clock: r.clock,
  }));
}
