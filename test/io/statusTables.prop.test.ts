// The status reader of every preset: a status name in any letter case, with runs of spaces,
// `-` and `_` between its words, gives the category (or exclusion) of its table entry, and the
// answer does not depend on how many spellings came before (the reader remembers up to 1,024).
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { statusReader } from "../../src/io/_options.ts";
import { STATUS_TABLES } from "../../src/io/_ticketPresets.ts";
import { Invalid } from "../../src/io/_values.ts";

const presets = Object.keys(STATUS_TABLES) as (keyof typeof STATUS_TABLES)[];

/** A spelling of `name`: each letter's case flipped or not, each gap a run of space, `-` or `_`, padded. */
const spelling = (name: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }),
      fc.array(fc.stringMatching(/^[ _-]{1,3}$/), { minLength: name.length, maxLength: name.length }),
      fc.constantFrom("", " ", "  "),
    )
    .map(([upper, gaps, pad]) => {
      const words = name.split(" ");
      let out = "";
      let i = 0;
      words.forEach((word, w) => {
        if (w > 0) out += gaps[w] ?? " ";
        for (const c of word) out += upper[i++] === true ? c.toUpperCase() : c;
      });
      return `${pad}${out}${pad}`;
    });

const entry = fc
  .constantFrom(...presets)
  .chain((preset) =>
    fc.constantFrom(...STATUS_TABLES[preset].keys()).chain((name) => spelling(name).map((raw) => ({ preset, name, raw }))),
  );

test.prop([fc.array(entry, { minLength: 1, maxLength: 50 })])("every spelling of a table's name reads as that entry", (entries) => {
  const readers = new Map(presets.map((p) => [p, statusReader("t", p, STATUS_TABLES[p], undefined)]));
  for (const { preset, name, raw } of [...entries, ...entries]) {
    expect(readers.get(preset)?.(raw)).toEqual(STATUS_TABLES[preset].get(name));
  }
});

test.prop([fc.constantFrom(...presets), fc.string({ maxLength: 12 })])(
  "a name outside the table (and outside a status map) is rejected, naming it and --status-map",
  (preset, raw) => {
    const key = raw
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, " ");
    fc.pre(!STATUS_TABLES[preset].has(key));
    const result = statusReader("t", preset, STATUS_TABLES[preset], undefined)(raw);
    expect(result).toBeInstanceOf(Invalid);
    expect((result as Invalid).reason).toContain(`unknown status ${JSON.stringify(raw.trim())} for the ${preset} preset`);
    expect((result as Invalid).reason).toContain("--status-map");
  },
);
