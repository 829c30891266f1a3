/**
 * A seeded generator of realistic tickets and survey responses, for the benchmark and for
 * tests. Lazy: tickets are yielded one at a time, so a million of them never sit in memory.
 *
 * Realism, roughly: arrivals follow office hours (more on weekdays, a peak late morning) in
 * the chosen zone; channels, types, priorities and agents are skewed; first replies and
 * resolutions are log-normal with channel-dependent medians; about 70 % are solved or
 * closed; a share has a conversation (messages) and a status history; a few are reopened.
 */
import type { Message, StatusChange, SurveyResponse, Ticket, TicketStatus } from "../src/models/index.ts";
import { createRandom } from "../src/_lib/random.ts";

/** Options of {@link generateTickets}. */
export interface GenerateOptions {
  /** How many tickets. */
  readonly count: number;
  /** The seed (any integer). Default 1. */
  readonly seed?: number;
  /** The first creation instant. Default 2026-01-01T00:00:00Z. */
  readonly start?: Date;
  /** How many days the creations span. Default 90. */
  readonly days?: number;
  /** The share of tickets with a message list (0–1). Default 0.3. */
  readonly messageShare?: number;
}

function pick<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let x = random() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

/** A log-normal sample with the given median (ms) and spread (sigma). */
function logNormal(random: () => number, median: number, sigma: number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.round(median * Math.exp(sigma * z));
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const CHANNELS = [
  ["email", 45],
  ["chat", 30],
  ["phone", 15],
  ["social", 10],
] as const;
const TYPES = [
  ["question", 40],
  ["incident", 25],
  ["billing", 20],
  ["feature", 10],
  ["refund", 5],
] as const;
const PRIORITIES = [
  ["normal", 60],
  ["low", 20],
  ["high", 15],
  ["urgent", 5],
] as const;
const GROUPS = [
  ["Tier 1", 60],
  ["Tier 2", 30],
  ["Billing", 10],
] as const;
const TAGS = ["vip", "mobile", "web", "api", "refund", "bug"] as const;
const AGENTS: readonly (readonly [string, number])[] = Array.from(
  { length: 24 },
  (_, i) => [`agent-${String(i + 1).padStart(2, "0")}`, 1 + (i % 5)] as const,
);
/** Median first reply per channel. */
const FRT: Readonly<Record<string, number>> = { email: 6 * HOUR, chat: 2 * MINUTE, phone: 1 * MINUTE, social: 50 * MINUTE };
/** Arrival weight per local hour (UTC clock used as local). */
const HOURS = [1, 1, 1, 1, 1, 2, 4, 7, 10, 12, 12, 11, 9, 10, 10, 9, 8, 6, 5, 4, 3, 2, 2, 1].map((w, h) => [h, w] as const);

/**
 * Yields `count` tickets, deterministic for a seed.
 *
 * @param options - {@link GenerateOptions}.
 */
export function* generateTickets(options: GenerateOptions): Generator<Ticket> {
  const random = createRandom(options.seed ?? 1);
  const start = (options.start ?? new Date("2026-01-01T00:00:00Z")).getTime();
  const days = options.days ?? 90;
  const messageShare = options.messageShare ?? 0.3;
  for (let i = 0; i < options.count; i++) {
    let day = Math.floor(random() * days);
    // Weekends get about a third of a weekday's tickets.
    const weekday = new Date(start + day * DAY).getUTCDay();
    if ((weekday === 0 || weekday === 6) && random() < 0.65) day = Math.max(0, day - 2);
    const hour = pick(random, HOURS);
    const created = start + day * DAY + hour * HOUR + Math.floor(random() * HOUR);
    const channel = pick(random, CHANNELS);
    const type = pick(random, TYPES);
    const priority = pick(random, PRIORITIES);
    const assigned = random() < 0.92;
    const assignee = assigned ? pick(random, AGENTS) : undefined;
    const assignedAt = assigned ? created + logNormal(random, 20 * MINUTE, 1) : undefined;
    const answered = random() < 0.9;
    const firstResponseAt = answered ? created + logNormal(random, FRT[channel] as number, 1.1) : undefined;
    const roll = random();
    const status: TicketStatus = !answered
      ? pick(random, [
          ["new", 1],
          ["open", 2],
        ])
      : roll < 0.45
        ? "closed"
        : roll < 0.72
          ? "solved"
          : pick(random, [
              ["open", 3],
              ["pending", 2],
              ["on_hold", 1],
            ]);
    const resolved = status === "solved" || status === "closed";
    const reopens = resolved && random() < 0.06 ? 1 : 0;
    const solvedAt = resolved ? (firstResponseAt ?? created) + logNormal(random, 10 * HOUR, 1.3) : undefined;
    const firstSolvedAt = solvedAt === undefined ? undefined : reopens > 0 ? created + (solvedAt - created) / 2 : solvedAt;
    const replies = answered ? 1 + Math.floor(-Math.log(Math.max(random(), 1e-9)) * 1.2) : 0;
    const tags: string[] = [];
    for (const tag of TAGS) if (random() < 0.12) tags.push(tag);
    let messages: Message[] | undefined;
    let statusHistory: StatusChange[] | undefined;
    if (random() < messageShare) {
      messages = [{ at: new Date(created), author: "customer", public: true }];
      let t = created;
      for (let k = 0; k < replies; k++) {
        t += k === 0 && firstResponseAt !== undefined ? firstResponseAt - created : logNormal(random, 2 * HOUR, 1);
        messages.push({ at: new Date(t), author: "agent", public: true, ...(assignee === undefined ? {} : { authorId: assignee }) });
        if (random() < 0.15) messages.push({ at: new Date(t + MINUTE), author: "agent", public: false });
        if (k < replies - 1) {
          t += logNormal(random, 3 * HOUR, 1);
          messages.push({ at: new Date(t), author: "customer", public: true });
        }
      }
      statusHistory = [{ at: new Date(created), status: "new" }];
      if (firstResponseAt !== undefined) statusHistory.push({ at: new Date(firstResponseAt), status: "pending" });
      if (solvedAt !== undefined) statusHistory.push({ at: new Date(solvedAt), status: "solved" });
    }
    const ticket: Ticket = {
      id: String(i + 1),
      createdAt: new Date(created),
      status,
      channel,
      type,
      priority,
      group: pick(random, GROUPS),
      requesterId: `C${String(Math.floor(random() * Math.max(10, options.count / 3)))}`,
      ...(assignee === undefined ? {} : { assignee }),
      ...(assignedAt === undefined ? {} : { assignedAt: new Date(assignedAt) }),
      ...(firstResponseAt === undefined ? {} : { firstResponseAt: new Date(firstResponseAt) }),
      ...(firstSolvedAt === undefined ? {} : { firstSolvedAt: new Date(firstSolvedAt) }),
      ...(solvedAt === undefined ? {} : { solvedAt: new Date(solvedAt) }),
      reopens,
      replies,
      tags,
      ...(messages === undefined ? {} : { messages }),
      ...(statusHistory === undefined ? {} : { statusHistory }),
    };
    yield ticket;
  }
}

/**
 * Yields survey responses for about `share` of `count` tickets (as numbered by
 * {@link generateTickets}), mixing NPS (0–10), CSAT (1–5) and CES (1–7).
 */
export function* generateResponses(options: GenerateOptions & { readonly share?: number }): Generator<SurveyResponse> {
  const random = createRandom((options.seed ?? 1) * 7919 + 13);
  const start = (options.start ?? new Date("2026-01-01T00:00:00Z")).getTime();
  const days = options.days ?? 90;
  const share = options.share ?? 0.15;
  for (let i = 0; i < options.count; i++) {
    if (random() >= share) continue;
    const kind = pick(random, [
      ["csat", 5],
      ["nps", 3],
      ["ces", 2],
    ] as const);
    const answeredAt = new Date(start + Math.floor(random() * days * DAY));
    const agent = pick(random, AGENTS);
    const channel = pick(random, CHANNELS);
    const base = { answeredAt, ticketId: String(i + 1), agent, channel };
    if (kind === "nps")
      yield {
        kind,
        score: Math.min(
          10,
          Math.floor(random() * 4) +
            pick(random, [
              [0, 1],
              [4, 2],
              [7, 4],
            ] as const),
        ),
        scale: { min: 0, max: 10 },
        ...base,
      };
    else if (kind === "csat")
      yield {
        kind,
        score: pick(random, [
          [1, 1],
          [2, 1],
          [3, 2],
          [4, 4],
          [5, 6],
        ] as const),
        scale: { min: 1, max: 5 },
        ...base,
      };
    else yield { kind, score: 1 + Math.floor(random() * 7), scale: { min: 1, max: 7 }, ...base };
  }
}
