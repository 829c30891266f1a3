import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import type { Ticket } from "../../../src/models/ticket.ts";
import { channelMix } from "../../../src/metrics/volume/index.ts";

const AT = new Date("2024-01-01T00:00:00Z");
const tickets = fc
  .array(fc.option(fc.constantFrom("email", "chat", "phone", "social", "Email", ""), { nil: undefined }), { minLength: 1, maxLength: 100 })
  .map((channels): Ticket[] =>
    channels.map((channel, i) => ({ id: `t${i}`, createdAt: AT, status: "open", ...(channel === undefined ? {} : { channel }) })),
  );

test.prop([tickets])("counts add up to total and shares to 1", (ts) => {
  const mix = channelMix(ts)!;
  expect(mix.total).toBe(ts.length);
  expect(mix.channels.reduce((n, c) => n + c.count, 0) + mix.withoutChannel.count).toBe(mix.total);
  expect(mix.channels.reduce((s, c) => s + c.share, 0) + mix.withoutChannel.share).toBeCloseTo(1, 12);
  for (const c of mix.channels) {
    expect(c.count).toBeGreaterThan(0);
    expect(c.share).toBeGreaterThan(0);
    expect(c.share).toBeLessThanOrEqual(1);
  }
});

test.prop([tickets])("is sorted by count descending, ties by name", (ts) => {
  const { channels } = channelMix(ts)!;
  for (let i = 1; i < channels.length; i++) {
    const a = channels[i - 1]!;
    const b = channels[i]!;
    expect(a.count > b.count || (a.count === b.count && a.channel < b.channel)).toBe(true);
  }
});

test.prop([tickets])("agrees with naive counting", (ts) => {
  const mix = channelMix(ts)!;
  for (const c of mix.channels) expect(c.count).toBe(ts.filter((t) => t.channel === c.channel).length);
  expect(mix.withoutChannel.count).toBe(ts.filter((t) => !t.channel).length);
});

test.prop([tickets])("ignores order; duplication keeps shares and doubles counts", (ts) => {
  const mix = channelMix(ts)!;
  expect(channelMix([...ts].reverse())).toEqual(mix);
  const doubled = channelMix([...ts, ...ts])!;
  expect(doubled.channels.map((c) => c.share)).toEqual(mix.channels.map((c) => c.share));
  expect(doubled.channels.map((c) => c.count)).toEqual(mix.channels.map((c) => 2 * c.count));
});

test.prop([tickets])("one more ticket on a channel never lowers that channel's count", (ts) => {
  const before = channelMix(ts)!;
  const after = channelMix([...ts, { id: "extra", createdAt: AT, status: "open", channel: "email" }])!;
  const count = (m: typeof before) => m.channels.find((c) => c.channel === "email")?.count ?? 0;
  expect(count(after)).toBe(count(before) + 1);
});
