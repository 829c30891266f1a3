// The HTML format's one escaping function over any text: nothing in its output can open a tag,
// an attribute, an entity or carry a control character, and the text reads back unchanged (as
// the terminal-safe text of ./safe.ts).
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { escapeHtml } from "../../src/cli/render/html.ts";
import { safeCell } from "../../src/cli/render/safe.ts";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const unescape = (html: string): string =>
  html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e] ?? "");

describe("escapeHtml", () => {
  const text = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "a", "\u001b", "\n", ";", "#") }),
  );

  test.prop([text])("no markup character, no control character, and it reads back as the safe text", (s) => {
    const out = escapeHtml(s);
    expect(out).not.toMatch(/[<>"']/);
    expect(out).not.toMatch(CONTROL);
    // Every & starts one of the five entities.
    expect(out.replace(/&(lt|gt|quot|#39|amp);/g, "")).not.toContain("&");
    expect(unescape(out)).toBe(safeCell(s));
  });
});
