import type { SlaPolicy } from "../../models/sla.ts";

/**
 * Options of {@link ticketSla} and {@link slaCompliance}.
 *
 * @category SLA
 */
export interface SlaOptions {
  /** The policy whose targets the tickets are judged against. Required. */
  readonly policy: SlaPolicy;
  /**
   * The moment the SLA is judged at. Required: there is no hidden clock. Events after it
   * (replies, solves) are treated as not yet happened.
   */
  readonly asOf: Date;
}
