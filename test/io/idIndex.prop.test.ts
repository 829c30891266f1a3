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
