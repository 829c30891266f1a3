/**
 * Who wrote a message. Only `agent` messages that are public count as replies; `bot` and
 * `system` messages never do.
 *
 * @category Models
 */
export type AuthorRole = "customer" | "agent" | "bot" | "system";

/**
 * One message on a ticket: a customer's question, an agent's reply, an internal note.
 *
 * @category Models
 */
export interface Message {
  /** When the message was sent. */
  readonly at: Date;
  /** Who wrote it. */
  readonly author: AuthorRole;
  /** `true` when the customer can see it; internal notes are `false`. */
  readonly public: boolean;
  /** The author's id or name, when known (an agent name, a customer id). */
  readonly authorId?: string;
}
