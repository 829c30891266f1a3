import type { SlaTarget } from "../../models/sla.ts";

/**
 * Expected first response time by channel, as calendar-time first-response targets: phone
 * 4 minutes, live chat (`chat`) 2 minutes, email (`email`) and web forms (`web`) 24 hours,
 * social media (`social`) 1 hour. Each is the upper bound the source gives (it quotes
 * phone 2–4 min, live chat 1.5–2 min). Tickets on other channels match none of them.
 *
 * @remarks A starting point, not a standard: spread it into a policy and override what
 * your team promises, e.g.
 * `{ targets: [...DEFAULT_FIRST_RESPONSE_TARGETS, { metric: "firstResponse", within: { hours: 8 }, channel: "email", priority: "urgent" }] }`
 * (the more specific target wins). The channel names are those of `Ticket.channel`; map
 * your helpdesk's names to them when reading the data.
 * @example
 * ```ts
 * DEFAULT_FIRST_RESPONSE_TARGETS.find((t) => t.channel === "chat")?.within; // => 120000
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (expected response times: phones 2–4 min, live chats 1.5–2 min, email and online forms 24 h, social media 1 h)
 * @category SLA
 */
export const DEFAULT_FIRST_RESPONSE_TARGETS: readonly SlaTarget[] = Object.freeze([
  Object.freeze({ metric: "firstResponse", within: 4 * 60_000, channel: "phone" }),
  Object.freeze({ metric: "firstResponse", within: 2 * 60_000, channel: "chat" }),
  Object.freeze({ metric: "firstResponse", within: 24 * 3_600_000, channel: "email" }),
  Object.freeze({ metric: "firstResponse", within: 24 * 3_600_000, channel: "web" }),
  Object.freeze({ metric: "firstResponse", within: 3_600_000, channel: "social" }),
] satisfies SlaTarget[]);
