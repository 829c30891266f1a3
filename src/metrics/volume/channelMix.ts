import type { Ticket } from "../../models/ticket.ts";

/**
 * One channel's part of a {@link ChannelMix}.
 *
 * @category Volume
 */
export interface ChannelCount {
  /** The channel name exactly as on the tickets (not case-folded). */
  readonly channel: string;
  /** Tickets that came in by this channel. */
  readonly count: number;
  /** `count / total`, a fraction from 0 to 1 (of all tickets, including those without a channel). */
  readonly share: number;
}

/**
 * Ticket counts and shares per channel.
 *
 * @category Volume
 */
export interface ChannelMix {
  /** All tickets given. */
  readonly total: number;
  /** One entry per channel, by count descending, ties by channel name (code-unit order); the preferred channel first. */
  readonly channels: readonly ChannelCount[];
  /** Tickets with no channel (absent or the empty string), kept out of `channels` but counted here. */
  readonly withoutChannel: {
    /** How many tickets have no channel. */
    readonly count: number;
    /** `count / total`, a fraction from 0 to 1. */
    readonly share: number;
  };
}

/**
 * Channel mix: for each channel, the number of tickets that came in by it and that number
 * divided by all tickets.
 *
 * @param tickets - The tickets; reads `channel`.
 * @returns The mix, or `undefined` when there are no tickets.
 * @throws Nothing: every ticket is counted, with or without a channel.
 * @remarks Shares use all tickets as the denominator, so the channel shares and
 * `withoutChannel.share` add up to 1 (up to floating-point rounding). Tickets with no channel
 * are reported in `withoutChannel`, never dropped and never ranked as a channel. Channel
 * names are compared exactly: map "Email" and "email" to one name before calling. Ties are
 * ordered by name in code-unit order (not locale order), so the result is the same on
 * every machine.
 * @example
 * ```ts
 * const at = new Date("2024-01-01T00:00:00Z");
 * const mix = channelMix([
 *   { id: "1", createdAt: at, status: "new", channel: "email" },
 *   { id: "2", createdAt: at, status: "new", channel: "chat" },
 *   { id: "3", createdAt: at, status: "new", channel: "email" },
 *   { id: "4", createdAt: at, status: "new" },
 * ]);
 * mix.channels[0];          // => { channel: "email", count: 2, share: 0.5 }
 * mix.withoutChannel.count; // => 1
 * channelMix([]);           // => undefined
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (preferred channel)
 * @category Volume
 */
export function channelMix(tickets: readonly Ticket[]): ChannelMix | undefined {
  const total = tickets.length;
  if (total === 0) return undefined;
  const counts = new Map<string, number>();
  let without = 0;
  for (const ticket of tickets) {
    const channel = ticket.channel;
    if (channel === undefined || channel === "") without++;
    else counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  return channelMixOf(counts, without);
}

/** THE channel-mix result from the counts per channel and without one; `undefined` for no tickets. @internal */
export function channelMixOf(counts: ReadonlyMap<string, number>, without: number): ChannelMix | undefined {
  let total = without;
  for (const n of counts.values()) total += n;
  if (total === 0) return undefined;
  const channels = [...counts]
    .map(([channel, count]) => ({ channel, count, share: count / total }))
    .sort((a, b) => b.count - a.count || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
  return { total, channels, withoutChannel: { count: without, share: without / total } };
}
