// Issue 11, "Injection": names from the data reach table and Markdown output (and stderr)
// without control characters, and Markdown cells cannot form links or other syntax.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../src/cli/render/markdown.ts";
import { safeCell, safeLines } from "../../src/cli/render/safe.ts";
import { cli, tempDir } from "./_run.ts";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const ESC = "\u001b";

const fixture = (): string => {
  const path = join(tempDir(), "evil.csv");
  const rows = [
    "id,created_at,status,channel,assignee,type",
    `1,2026-03-02T09:00:00Z,open,"${ESC}[2J${ESC}]0;pwned\u0007",[link](https://evil.example),"a\u0000b"`,
    `2,2026-03-02T10:00:00Z,solved,"c\u009b31md\u007f",![img](https://evil.example/x.png),"\u202Eevil"`,
    `3,2026-03-02T11:00:00Z,open,email,"x|y*z_\`<b>&amp;",plain`,
    `4,not-a-date${ESC}[31m,open,email,"${ESC}]0;title\u0007",t`,
  ];
  writeFileSync(path, `${rows.join("\n")}\n`);
  return path;
};

describe("table and Markdown output carry no control characters from the data", () => {
  it("table: ESC, BEL, NUL, C1, DEL and bidi controls are shown as visible escapes", async () => {
    const r = await cli(["report", fixture(), "--by", "channel,assignee,type", "--format", "table"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain("\\x1B[2J\\x1B]0;pwned\\x07");
    expect(r.stdout).toContain("a\\x00b");
    expect(r.stdout).toContain("c\\x9B31md\\x7F");
    expect(r.stdout).toContain("\\u202Eevil");
    expect(r.stderr).not.toMatch(CONTROL); // the rejected value and its column are echoed on stderr
  });

  it("markdown: no control characters, no link or image from a name, cell syntax escaped", async () => {
    const r = await cli(["report", fixture(), "--by", "channel,assignee,type", "--format", "markdown"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).not.toContain("[link](");
    expect(r.stdout).toContain("\\[link\\](https://evil.example)");
    expect(r.stdout).toContain("!\\[img\\](https://evil.example/x.png)");
    expect(r.stdout).toContain("x\\|y\\*z\\_\\`&lt;b>&amp;amp;");
    expect(r.stderr).not.toMatch(CONTROL);
  });

  it("stderr: control characters in a usage error that quotes the data are escaped", async () => {
    const path = join(tempDir(), "cols.csv");
    writeFileSync(path, `id,${ESC}]0;x\u0007\u009b\n1,2\n`);
    const r = await cli(["report", path, "--preset", "zendesk-csv", "--timezone", "UTC"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(r.stderr).toContain("\\x9B");
  });
});

describe("the escaping functions", () => {
  it("safeCell: one line, every control character visible; safeLines keeps line feeds", () => {
    expect(safeCell("a\tb\r\nc")).toBe("a b c");
    expect(safeCell(`${ESC}[2J\u0000\u007f\u0085\u2028\u2066`)).toBe("\\x1B[2J\\x00\\x7F\\x85\\u2028\\u2066");
    expect(safeCell("Ana Popescu – ░▒▓ ümlaut")).toBe("Ana Popescu – ░▒▓ ümlaut");
    expect(safeLines(`one ${ESC}[31m\ntwo`)).toBe("one \\x1B[31m\ntwo");
  });

  it("escapeMarkdown: links, images, emphasis, code, tables, HTML, entities, math", () => {
    expect(escapeMarkdown("[a](https://e)")).toBe("\\[a\\](https://e)");
    expect(escapeMarkdown("![a](x)")).toBe("!\\[a\\](x)");
    expect(escapeMarkdown("a|b")).toBe("a\\|b");
    expect(escapeMarkdown("*a* _b_ ~~c~~ `d` $e$")).toBe("\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\$e\\$");
    expect(escapeMarkdown("<script>&lt;")).toBe("&lt;script>&amp;lt;");
    expect(escapeMarkdown("a\\b")).toBe("a\\\\b");
    expect(escapeMarkdown(`x${ESC}y\nz`)).toBe("x\\\\x1By z");
    expect(escapeMarkdown("29.8 (95% CI 9.8 to 49.9)")).toBe("29.8 (95% CI 9.8 to 49.9)");
  });
});
