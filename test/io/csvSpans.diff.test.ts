/**
 * Differential test of the CSV tokenizer (src/io/_csvSpans.ts) against papaparse's parser, the
 * parser the readers used before: for random and adversarial texts, every delimiter and line
 * break, final or not, both give the same records, the same fields, the same malformed
 * records (first problem of each) and stop at the same place.
 *
 * Runs: `CSV_DIFF_RUNS` per property (default 4,000 in `npm test`; `.ci/run` sets 100,000;
 * raise it further to fuzz).
 */
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CsvSpans, tokenizeCsv } from "../../src/io/_csvSpans.ts";

const RUNS = Number(process.env["CSV_DIFF_RUNS"] ?? 4000);

interface Parsed {
  readonly rows: string[][];
  readonly problems: [number, string][];
  readonly consumed: number;
}

function papa(text: string, final: boolean, delimiter: string, newline: "\n" | "\r\n" | "\r"): Parsed {
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  const result = parser.parse(text, 0, !final) as {
    data: string[][];
    errors: { row?: number; message: string }[];
    meta: { cursor: number };
  };
  const problems = new Map<number, string>();
  for (const e of result.errors) {
    if (e.row !== undefined && e.row < result.data.length && !problems.has(e.row)) problems.set(e.row, e.message);
  }
  return { rows: result.data, problems: [...problems], consumed: final ? text.length : result.meta.cursor };
}

const spans = new CsvSpans();
function ours(text: string, final: boolean, delimiter: string, newline: string): Parsed {
  tokenizeCsv(text, final, delimiter, newline, spans);
  const rows: string[][] = [];
  for (let r = 0; r < spans.count; r++) rows.push(spans.record(text, r));
  return { rows, problems: [...spans.problems], consumed: final ? text.length : spans.consumed };
}

const delimiterArb = fc.constantFrom(",", ";", "\t", "|", "::");
const newlineArb = fc.constantFrom("\n" as const, "\r\n" as const, "\r" as const);
/** Characters that matter to a CSV parser, and a few that must not. */
const charArb = fc.constantFrom("a", "b", " ", ",", ";", ":", "\t", "|", '"', '"', "\n", "\r", "é", "\u00a0", "\u3000", "\uFEFF", "😀");

function agree(text: string, final: boolean, delimiter: string, newline: "\n" | "\r\n" | "\r"): void {
  expect(ours(text, final, delimiter, newline)).toEqual(papa(text, final, delimiter, newline));
}

describe("tokenizeCsv agrees with papaparse", () => {
  it("on random texts of the characters that matter (adversarial: stray and unclosed quotes, mixed line breaks)", () => {
    fc.assert(
      fc.property(fc.array(charArb, { maxLength: 80 }), delimiterArb, newlineArb, fc.boolean(), (chars, delimiter, newline, final) => {
        agree(chars.join(""), final, delimiter, newline);
      }),
      { seed: 20261206, numRuns: RUNS },
    );
  });

  it("on well-formed CSV written from random records (quoted where needed, spaces after closing quotes)", () => {
    const fieldArb = fc.array(charArb, { maxLength: 12 }).map((c) => c.join(""));
    fc.assert(
      fc.property(
        fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        delimiterArb,
        newlineArb,
        fc.boolean(),
        fc.boolean(),
        (records, delimiter, newline, final, trailingBreak) => {
          // Spaces after a closing quote are allowed before a delimiter (not at the end of a record).
          const quote = (f: string, k: number, r: readonly string[]): string =>
            f.includes('"') || f.includes(delimiter.charAt(0)) || f.includes("\n") || f.includes("\r") || k % 3 === 0
              ? `"${f.replaceAll('"', '""')}"${k % 5 === 0 && k < r.length - 1 ? "  " : ""}`
              : f;
          const text = records.map((r) => r.map((f, k) => quote(f, k, r)).join(delimiter)).join(newline) + (trailingBreak ? newline : "");
          agree(text, final, delimiter, newline);
          if (final) {
            // The records come back as written (the trailing break adds one empty record).
            const rows = ours(text, true, delimiter, newline).rows;
            expect(rows.slice(0, records.length)).toEqual(records.map((r) => r.map((f) => (f === "" && r.length === 1 ? "" : f))));
          }
        },
      ),
      { seed: 4180, numRuns: Math.max(1, Math.round(RUNS / 4)) },
    );
  });

  it("on the known cases", () => {
    const cases: [string, string, "\n" | "\r\n" | "\r"][] = [
      ["", ",", "\n"],
      ["a", ",", "\n"],
      ["a\n", ",", "\n"],
      ['"a', ",", "\n"],
      ['"a"', ",", "\n"],
      ['"a""', ",", "\n"],
      ['"a"b,c\n', ",", "\n"],
      ['"a" ,b\r\n"c"\r\n', ",", "\r\n"],
      ['x,"a\r\nb",y\r\n', ",", "\r\n"],
      ['a\rb,"c\rd"\r', ",", "\r"],
      ['a"b,c', ",", "\n"],
      ['"a"\r\n', ",", "\n"],
      ['"",""\n', ",", "\n"],
      ['"a"::b', "::", "\n"],
    ];
    for (const [text, d, n] of cases) {
      agree(text, true, d, n);
      agree(text, false, d, n);
    }
  });

  it("is checked by a property that fails on a wrong tokenizer", () => {
    // Guard against a vacuous comparison: a text where the quoted field holds the delimiter.
    expect(ours('"a,b",c\n', true, ",", "\n").rows[0]).toEqual(["a,b", "c"]);
    expect(ours('"a,b",c\n', true, ",", "\n").rows[0]).not.toEqual(["a", "b", "c"]);
  });
});
