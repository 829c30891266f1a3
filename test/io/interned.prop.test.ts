import { fc, test } from "@fast-check/vitest";
import { expect, it } from "vitest";
import { interned, Invalid, readLower, readSynonym, readText } from "../../src/io/_values.ts";

const label = fc.oneof(
  fc.constantFrom("Email", " chat ", "email", "__proto__", "constructor", "123", "", "  "),
  fc.string({ maxLength: 6 }),
);

test.prop([fc.array(label, { maxLength: 200 }), fc.constantFrom(readText, readLower, readSynonym(new Map([["mail", "email"]])))])(
  // (That it gives one string object per spelling is not observable in JavaScript, where equal
  // strings are the same value; the benchmark shows it. Here: it never answers for another raw.)
  "gives what the reader gives, for every raw value, remembered or not",
  (raws, read) => {
    const fast = interned(read);
    for (const raw of [...raws, ...raws]) expect(fast(raw)).toEqual(read(raw));
  },
);

it("passes rejects and non-strings through, and keeps working beyond the 1,024 spellings it remembers", () => {
  const fast = interned(readText);
  expect(fast(42)).toBe("42");
  expect(fast(null)).toBeInstanceOf(Invalid);
  for (let i = 0; i < 3000; i++) expect(fast(` v${String(i)} `)).toBe(`v${String(i)}`);
  expect(fast(" v5 ")).toBe("v5");
});
