// buildConversations (src/io/_threads.ts) against a naive reference: walk each message's reply
// links up at most n steps, on random reply graphs that include starts by agents, links to absent
// messages, cycles and several brands per thread.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { buildConversations, type ThreadMessage } from "../../src/io/_threads.ts";
import type { AuthorRole } from "../../src/models/index.ts";

const T0 = Date.UTC(2017, 9, 31);

/** A reply graph of n messages: each answers none, an earlier or later message (cycles possible), or an absent one. */
const graph = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.array(
    fc.record({
      link: fc.oneof(fc.constant<number | "none" | "absent">("none"), fc.constant<"absent">("absent"), fc.integer({ min: 0, max: n - 1 })),
      author: fc.constantFrom<AuthorRole>("customer", "customer", "agent", "bot"),
      brand: fc.constantFrom("acme", "zeta"),
      minute: fc.integer({ min: 0, max: 30 }),
    }),
    { minLength: n, maxLength: n },
  ),
);

function messagesOf(
  spec: readonly { link: number | "none" | "absent"; author: AuthorRole; brand: string; minute: number }[],
): ThreadMessage[] {
  return spec.map((m, i) => ({
    id: `t${String(i)}`,
    at: new Date(T0 + m.minute * 60_000),
    author: m.author,
    record: i + 1,
    ...(m.link === "none" ? {} : { inReplyTo: m.link === "absent" ? `gone${String(i)}` : `t${String(m.link)}` }),
    authorId: m.author === "agent" ? m.brand : `c${String(i)}`,
  }));
}

/** The naive reference: the start each message reaches, or why none. */
function reference(messages: readonly ThreadMessage[]): (number | string)[] {
  const byId = new Map(messages.map((m, i) => [m.id, i]));
  return messages.map((_, i) => {
    let at = i;
    for (let step = 0; step <= messages.length; step++) {
      const m = messages[at] as ThreadMessage;
      if (m.inReplyTo === undefined) return m.author === "customer" ? at : "not opened by a customer";
      const parent = byId.get(m.inReplyTo);
      if (parent === undefined) return "parent not found";
      at = parent;
    }
    return "reply cycle";
  });
}

test.prop([graph])("every message is in the conversation of the start its links reach, or excluded by the reason of its chain", (spec) => {
  const messages = messagesOf(spec);
  const { conversations, excluded, stats } = buildConversations(messages, "twitter");
  const expected = reference(messages);
  // Starts, in file order.
  const starts = expected.flatMap((r, i) => (r === i ? [i] : []));
  expect(conversations.map((c) => c.ticket.id)).toEqual(starts.map((i) => `t${String(i)}`));
  expect(conversations.map((c) => c.record)).toEqual(starts.map((i) => i + 1));
  for (const { ticket } of conversations) {
    const root = Number(ticket.id.slice(1));
    const members = expected.flatMap((r, i) => (r === root ? [i] : []));
    expect(ticket.messages).toHaveLength(members.length);
    // Oldest first; brand and first response from the first agent message in time (then file order).
    const sorted = members.map((i) => messages[i] as ThreadMessage).sort((a, b) => a.at.getTime() - b.at.getTime() || a.record - b.record);
    expect(ticket.messages?.map((m) => m.at.getTime())).toEqual(sorted.map((m) => m.at.getTime()));
    const firstAgent = sorted.find((m) => m.author === "agent");
    expect(ticket.brand).toBe(firstAgent?.authorId);
    expect(ticket.firstResponseAt).toEqual(firstAgent?.at);
    expect(ticket.status).toBe(firstAgent === undefined ? "new" : "open");
  }
  const counts: Record<string, number> = {};
  for (const r of expected) if (typeof r === "string") counts[r] = (counts[r] ?? 0) + 1;
  expect(excluded).toEqual(counts);
  const used = conversations.reduce((n, c) => n + (c.ticket.messages?.length ?? 0), 0);
  expect(used + Object.values(excluded).reduce((a, b) => a + b, 0)).toBe(messages.length);
  expect(stats.conversations).toBe(conversations.length);
});

test.prop([graph, fc.integer()])("the file order of the messages changes no conversation", (spec, seed) => {
  // Distinct times (ties are broken by file order, which the shuffle changes).
  const messages = messagesOf(spec.map((m, i) => ({ ...m, minute: m.minute * 100 + i })));
  const shuffled = messages
    .map((m, i) => ({ m, key: Math.imul(i + 1, seed | 1) ^ (seed >>> 7) }))
    .sort((a, b) => a.key - b.key)
    .map(({ m }) => m);
  const a = buildConversations(messages, undefined);
  const b = buildConversations(shuffled, undefined);
  const key = (r: typeof a): string[] =>
    r.conversations
      .map((c) => JSON.stringify([c.ticket.id, c.ticket.brand, c.ticket.messages?.map((m) => [m.at.getTime(), m.authorId])]))
      .sort();
  expect(key(b)).toEqual(key(a));
  expect(b.excluded).toEqual(a.excluded);
  expect(b.stats).toEqual(a.stats);
});
