import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { IdIndex } from "../../src/io/_idIndex.ts";

/** Ids as exports write them: mostly decimal, some with leading zeros, signs, letters or 16+ digits. */
const id = fc.oneof(
  fc.integer({ min: 0, max: 5000 }).map(String),
  fc.bigInt({ min: 0n, max: 10n ** 17n }).map(String),
  fc.constantFrom("0", "00", "007", "7", "-7", "+7", "7.0", " 7", "1e3", "999999999999999", "1000000000000000"),
  fc.string({ maxLength: 6 }),
);

test.prop([fc.array(id, { maxLength: 3000 })])("agrees with a Map of id to first record", (ids) => {
  const index = new IdIndex();
  const reference = new Map<string, number>();
  ids.forEach((value, i) => {
    const record = i + 1;
    expect(index.add(value, record)).toBe(reference.get(value));
    if (!reference.has(value)) reference.set(value, record);
  });
  expect(index.size).toBe(reference.size);
});

test("keeps numerically equal spellings apart and survives growth", () => {
  const index = new IdIndex();
  for (let i = 0; i < 100_000; i++) expect(index.add(String(i), i + 1)).toBeUndefined();
  expect(index.add("42", 7)).toBe(43);
  expect(index.add("042", 8)).toBeUndefined();
  expect(index.add("042", 9)).toBe(8);
  expect(index.size).toBe(100_001);
});

/** Ids as most exports number them: ascending from a start, with gaps, a few out of order or far ahead, repeats. */
const numbered = fc
  .record({
    start: fc.oneof(fc.nat({ max: 3000 }), fc.integer({ min: 10 ** 9, max: 10 ** 12 })),
    steps: fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) },
        { weight: 1, arbitrary: fc.integer({ min: -3000, max: 0 }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }) },
      ),
      { minLength: 1, maxLength: 3000 },
    ),
  })
  .map(({ start, steps }) => {
    let at = start;
    return steps.map((step) => String(Math.max(0, (at += step))));
  });

test.prop([numbered, fc.constantFrom(1, 2 ** 32 - 10), fc.constantFrom(1, 3, 100_000)])(
  "ids numbered in order, with gaps, repeats, and ids out of order, agree with a Map (records far apart and past 2^32 too)",
  (ids, firstRecord, stride) => {
    const index = new IdIndex();
    const reference = new Map<string, number>();
    ids.forEach((value, i) => {
      const record = firstRecord + i * stride;
      expect(index.add(value, record)).toBe(reference.get(value));
      if (!reference.has(value)) reference.set(value, record);
    });
    expect(index.size).toBe(reference.size);
    // Every id is still found with its first record (after any page widened).
    for (const [value, record] of reference) expect(index.add(value, 0)).toBe(record);
  },
);

test("an id put in the table before the window reached it is still found", () => {
  const index = new IdIndex();
  expect(index.add("1", 1)).toBeUndefined();
  expect(index.add("50000", 2)).toBeUndefined(); // beyond the window's reach: the table
  for (let i = 2; i < 30_000; i++) expect(index.add(String(i), i + 1)).toBeUndefined();
  expect(index.add("50000", 40_000)).toBe(2); // now in the window's reach, found in the table
  expect(index.add("0", 40_001)).toBeUndefined(); // below the first id: the window starts 1,024 lower (at 0 here)
  expect(index.add("0", 40_002)).toBe(40_001);
});

test("memory: ids numbered in order take 1 byte each, with gaps 2 per id value, scattered ones stay in the table", () => {
  const dense = new IdIndex();
  for (let i = 1; i <= 1_000_000; i++) dense.add(String(i), i);
  expect(dense.size).toBe(1_000_000);
  // 245 pages of 4,096 one-byte slots, plus the empty table (16 KB).
  expect(dense.bytes).toBeLessThanOrEqual(1.02e6 + 16_384);
  expect(dense.add("500000", 2_000_000)).toBe(500_000);
  // Every other id: records advance half as fast as ids, so each page widens to 2 bytes a slot.
  const half = new IdIndex();
  for (let i = 1; i <= 100_000; i++) half.add(String(2 * i), i);
  expect(half.bytes).toBeLessThanOrEqual(2 * (200_000 + 2 * 4096) + 16_384);
  for (let i = 1; i <= 100_000; i++) expect(half.add(String(2 * i), 0)).toBe(i);
  // Records far apart (a file of other rows between them): 4 bytes a slot, records kept.
  const sparse = new IdIndex();
  for (let i = 1; i <= 10_000; i++) sparse.add(String(i), i * 100_000);
  expect(sparse.bytes).toBeLessThanOrEqual(4 * (10_000 + 2 * 4096) + 16_384);
  for (let i = 1; i <= 10_000; i++) expect(sparse.add(String(i), 1)).toBe(i * 100_000);
  const scattered = new IdIndex();
  for (let i = 1; i <= 10_000; i++) scattered.add(String(i * 1_000_003), i);
  // All but the first id fall beyond the window's reach: a half-full table of 16-byte slots at most.
  expect(scattered.bytes).toBeLessThanOrEqual(16 * 4 * 10_000 + 65_536);
});
