/**
 * How a call in a call-centre log ended: answered by an agent, or abandoned (the caller hung up
 * before an agent answered, in the queue or before it).
 *
 * @category Models
 */
export type CallOutcome = "served" | "abandoned";

/**
 * The outcomes of a {@link Call}, in a fixed order.
 *
 * @category Models
 */
export const CALL_OUTCOMES: readonly CallOutcome[] = ["served", "abandoned"];

/**
 * One call of a call-centre log, as `readCalls` (from `cx-metrics/io`) reads it. Durations are
 * milliseconds, like every duration of the models.
 *
 * @category Models
 */
export interface Call {
  /** The log's call id, when it has one. */
  readonly id?: string;
  /**
   * When the caller asked for an agent: the end of the voice menu, or the call's start when the
   * log has no menu. Arrivals per interval are counted from it.
   */
  readonly arrivedAt: Date;
  /** Served (an agent answered) or abandoned. */
  readonly outcome: CallOutcome;
  /** When the call entered the queue for an agent; absent when it never queued. */
  readonly queuedAt?: Date;
  /**
   * Time in the queue, queue exit − queue entry, in ms (≥ 0); present exactly when `queuedAt`
   * is. A call that never queued waited 0.
   */
  readonly wait?: number;
  /** When an agent answered; only on served calls, and absent when the log does not say. */
  readonly answeredAt?: Date;
  /** Handle time of a served call (service end − service start, or the log's own duration), in ms (≥ 0). */
  readonly handleTime?: number;
  /**
   * How much earlier the service started than the queue exit (or, for a call that never queued,
   * than its arrival), in ms (> 0), when the reader tolerated that as clock skew between the
   * log's clocks; absent otherwise.
   */
  readonly clockSkew?: number;
  /** The queue, skill or call type, when the log has one. */
  readonly queue?: string;
  /** The agent who answered, when the log names one. */
  readonly agent?: string;
}
