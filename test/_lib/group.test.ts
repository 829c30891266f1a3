import { describe, expect, it } from "vitest";
import { test, fc } from "@fast-check/vitest";
import {
  combineAccumulators,
  compositeKey,
  countAccumulator,
  fold,
  groupFold,
  groupKey,
  groupResults,
  mergeGroups,
  MISSING_KEY,
  splitKey,
  sumAccumulator,
  type Accumulator,
} from "../../src/_lib/group.ts";

interface Row {
  readonly channel?: string | undefined;
  readonly type?: string | undefined;
  readonly minutes: number;
}

const rows: Row[] = [
  { channel: "email", type: "billing", minutes: 10 },
  { channel: "email", type: "billing", minutes: 20 },
  { channel: "chat", type: "billing", minutes: 3 },
  { channel: "email", minutes: 7 },
  { type: "delivery", minutes: 1 },
  { channel: "", type: "delivery", minutes: 2 },
];

const stats = combineAccumulators({ n: countAccumulator<Row>(), minutes: sumAccumulator<Row>((r) => r.minutes) });

describe("groupFold", () => {
  it("counts per key in one pass, missing and empty keys under (none), groups in first-seen order", () => {
    const counts = groupResults(
      groupFold(rows, (r) => r.channel, countAccumulator<Row>()),
      countAccumulator<Row>(),
    );
    expect([...counts]).toEqual([
      ["email", 3],
      ["chat", 1],
      [MISSING_KEY, 2],
    ]);
    expect(MISSING_KEY).toBe("(none)");
    expect(groupKey(null)).toBe("(none)");
    expect(groupKey(0)).toBe("0");
    expect(groupKey(false)).toBe("false");
  });

  it("groups by channel × type with a composite key that splits back into its parts", () => {
    const groups = groupResults(
      groupFold(
        rows,
        compositeKey<Row>(
          (r) => r.channel,
          (r) => r.type,
        ),
        stats,
      ),
      stats,
    );
    expect(groups.get('["email","billing"]')).toEqual({ n: 2, minutes: { count: 2, sum: 30, mean: 15 } });
    expect(groups.get('["email","(none)"]')?.n).toBe(1);
    expect(groups.get('["(none)","delivery"]')?.n).toBe(2);
    expect(splitKey('["email","(none)"]')).toEqual(["email", "(none)"]);
    // A separator inside a value cannot collide with another pair of values.
    const tricky = compositeKey<[string, string]>(
      (r) => r[0],
      (r) => r[1],
    );
    expect(tricky(["a,b", "c"])).not.toBe(tricky(["a", "b,c"]));
  });

  it("accepts immutable accumulators whose add returns a new state", () => {
    const immutableSum: Accumulator<Row, number, number> = {
      create: () => 0,
      add: (acc, r) => acc + r.minutes,
      merge: (a, b) => a + b,
      result: (acc) => acc,
    };
    const sums = groupResults(
      groupFold(rows, (r) => r.type, immutableSum),
      immutableSum,
    );
    expect(Object.fromEntries(sums)).toEqual({ billing: 33, "(none)": 7, delivery: 3 });
    expect(fold(rows, immutableSum)).toBe(43);
  });

  it("sums with compensation (0.1 added ten times is exactly 1)", () => {
    const acc = sumAccumulator<number>((x) => x);
    expect(acc.result(fold(Array<number>(10).fill(0.1), acc)).sum).toBe(1);
    expect(acc.result(fold([], acc))).toEqual({ count: 0, sum: 0, mean: undefined });
  });
});

const rowArb = fc.record({
  channel: fc.option(fc.constantFrom("email", "chat", "phone", ""), { nil: undefined }),
  type: fc.option(fc.constantFrom("billing", "delivery", "bug"), { nil: undefined }),
  minutes: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
});

/** A naive reference: group with a plain object and a filter per key. */
function naive(input: readonly Row[]): Map<string, { n: number; keys: number }> {
  const out = new Map<string, { n: number; keys: number }>();
  const keys = new Set(input.map((r) => (r.channel === undefined || r.channel === "" ? "(none)" : r.channel)));
  for (const key of keys) {
    const members = input.filter((r) => (r.channel === undefined || r.channel === "" ? "(none)" : r.channel) === key);
    out.set(key, { n: members.length, keys: keys.size });
  }
  return out;
}

describe("properties", () => {
  test.prop([fc.array(rowArb, { maxLength: 60 }), fc.nat()])(
    "folding two halves split at any index and merging equals folding the whole (counts and sums)",
    (input, cut) => {
      const at = input.length === 0 ? 0 : cut % (input.length + 1);
      const key = compositeKey<Row>(
        (r) => r.channel,
        (r) => r.type,
      );
      const whole = groupResults(groupFold(input, key, stats), stats);
      const merged = groupResults(
        mergeGroups(groupFold(input.slice(0, at), key, stats), groupFold(input.slice(at), key, stats), stats),
        stats,
      );
      expect(new Set(merged.keys())).toEqual(new Set(whole.keys()));
      for (const [k, r] of whole) {
        const m = merged.get(k);
        expect(m?.n).toBe(r.n);
        expect(m?.minutes.count).toBe(r.minutes.count);
        expect(m?.minutes.sum).toBeCloseTo(r.minutes.sum, 6);
      }
    },
  );

  test.prop([fc.array(rowArb, { maxLength: 60 })])("counts agree with a naive filter per key, in any order", (input) => {
    const counter = countAccumulator<Row>();
    const counts = groupResults(
      groupFold(input, (r) => r.channel, counter),
      counter,
    );
    const reversed = groupResults(
      groupFold([...input].reverse(), (r) => r.channel, counter),
      counter,
    );
    const reference = naive(input);
    expect(counts.size).toBe(reference.size);
    for (const [k, v] of reference) {
      expect(counts.get(k)).toBe(v.n);
      expect(reversed.get(k)).toBe(v.n);
    }
    let total = 0;
    for (const n of counts.values()) total += n;
    expect(total).toBe(input.length);
  });
});
