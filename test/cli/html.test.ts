// Issue 16 item 3: `--format html`, one self-contained page. The page's structure, offline-ness,
// escaping and key figures are checked here on the markup; test/cli/html.browser.test.ts opens it
// in Chromium.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveFormat } from "../../src/cli/args.ts";
import { escapeHtml } from "../../src/cli/render/html.ts";
import { expectedFigures, fullHtmlRun } from "./_html.ts";
import { cli, DATA, FULL, tempDir } from "./_run.ts";

const VOID = new Set(["meta", "br", "hr", "img", "input", "link", "col", "wbr", "source"]);

/** The problems of the markup's tag nesting (empty when every element is closed in order). */
function nestingProblems(html: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  const body = html.replace(/^<!DOCTYPE html>\n/, "");
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, name = "", selfClosing] = m;
    if (selfClosing === "/" || (closing === "" && VOID.has(name.toLowerCase()))) continue;
    if (closing === "") stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> at ${String(m.index)}`);
  }
  return [...problems, ...stack.map((name) => `<${name}> not closed`)];
}

/** The markup without the SVG and XLink namespace declarations (the only URLs allowed). */
const withoutNamespaces = (html: string): string => html.replace(/ xmlns(:xlink)?="http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)"/g, "");

/** The Markdown tables' captions (`**caption**` lines followed by a table) and the number of tables. */
function markdownTables(md: string): { count: number; captions: string[] } {
  const lines = md.split("\n");
  const count = lines.filter((l) => /^\| (---:?)( \| ---:?)* \|$/.test(l)).length;
  const captions = lines.flatMap((l, i) => {
    const m = /^\*\*(.*)\*\*$/.exec(l);
    return m !== null && lines[i + 2]?.startsWith("|") === true ? [m[1] ?? ""] : [];
  });
  return { count, captions };
}

describe("--format html on the example export", () => {
  let run: Awaited<ReturnType<typeof fullHtmlRun>>;
  beforeAll(async () => {
    run = await fullHtmlRun();
  }, 120_000);

  it("is a complete, well-nested HTML5 document written to --output (format from the .html extension)", () => {
    expect(run.code).toBe(0);
    expect(run.html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(run.html).toContain('<meta charset="utf-8">');
    expect(run.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(run.html).toMatch(/<title>cx-metrics report, as of [^<]+ \(Europe\/Bucharest\)<\/title>/);
    expect(run.html.trimEnd().endsWith("</html>")).toBe(true);
    expect(nestingProblems(run.html)).toEqual([]);
  });

  it("needs no network and runs no code: no URL but the SVG namespaces, no script, link, iframe, image or event handler", () => {
    const html = withoutNamespaces(run.html);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<(script|link|iframe|img|object|embed|base)\b/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).not.toMatch(/url\((?!#)/i); // clip paths refer to the SVG's own elements: url(#clip1)
    expect(html).not.toContain("@import");
  });

  it("has responsive and print CSS: tables scroll sideways in focusable regions, SVGs shrink to the width", () => {
    expect(run.html).toContain(".scroll { overflow-x: auto;");
    expect(run.html).toContain("figure svg { display: block; max-width: 100%; height: auto; }");
    expect(run.html).toContain("@media (max-width: 40rem)");
    expect(run.html).toContain("@media print");
    const tables = (run.html.match(/<table>/g) ?? []).length;
    expect((run.html.match(/<div class="scroll" role="region" aria-label="[^"]+" tabindex="0">\n<table>/g) ?? []).length).toBe(tables);
  });

  it("shows every table of the Markdown output, each with a caption and scoped header cells", async () => {
    const md = await cli([...FULL, "-q", "--format", "markdown"]);
    const { count, captions } = markdownTables(md.stdout);
    const tables = run.html.split("<table>").slice(1);
    expect(tables.length).toBe(count);
    expect(count).toBeGreaterThan(15);
    for (const table of tables) {
      expect(table).toMatch(/^\n<caption( class="quiet")?>[^<]+<\/caption>\n<thead><tr>(<th scope="col"[^>]*>[^<]*<\/th>)+<\/tr><\/thead>/);
      for (const row of table
        .split("<tbody>")[1]
        ?.split("</tbody>")[0]
        ?.match(/<tr>.*?<\/tr>/g) ?? [])
        expect(row).toMatch(/^<tr><th scope="row"/);
    }
    for (const caption of captions.filter((c) => !c.includes("\\")))
      expect(run.html).toContain(`<caption>${escapeHtml(caption)}</caption>`);
  });

  it("draws each chart as inline SVG in a figure with its title and description, and notes none missing here", () => {
    const figures = run.html.match(/<figure>\n<svg [\s\S]*?<\/figure>/g) ?? [];
    expect(figures.length).toBe(8);
    for (const figure of figures) {
      expect(figure).toMatch(/^<figure>\n<svg role="img" aria-label="[^"]+" focusable="false" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(figure).toMatch(/<\/svg>\n<figcaption><strong>[^<]+<\/strong>[^<]+<\/figcaption>\n<\/figure>$/);
    }
    const titles = figures.map((f) => /<strong>([^<]+)<\/strong>/.exec(f)?.[1]);
    expect(titles).toEqual([
      "Ticket volume per day",
      "New tickets per hour, by weekday and hour (average)",
      "First response time by channel (hours)",
      "Resolution time by channel (hours)",
      "NPS by channel (points) with 95 % intervals",
      "CSAT by channel (% satisfied) with 95 % intervals",
      "Retention by cohort (% of cohort active)",
      expect.stringMatching(/^Retention/),
    ]);
    expect(run.html).not.toMatch(/<p class="note">No [^<]* chart/);
    // vega numbers clip paths and gradients from 1 in each SVG: the page's ids are made unique.
    const ids = [...run.html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of run.html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });

  it("shows the key figures equal to the JSON output of the same run", () => {
    const expected = expectedFigures(run.doc);
    expect(expected.every((f) => f.value !== null)).toBe(true);
    for (const f of expected) {
      const m = new RegExp(`<div data-key="${f.key}" data-value="([^"]*)"><dt>[^<]+</dt><dd>([^<]*)</dd></div>`).exec(run.html);
      expect(m?.[1]).toBe(String(f.value));
      expect(m?.[2]).toBe(escapeHtml(f.text));
    }
  });
});

describe("--format html without responses or cohorts", () => {
  it("skips the charts whose section is absent, each with a note", async () => {
    const path = join(tempDir(), "plain.html");
    const r = await cli(["report", DATA.tickets, "--timezone", "Europe/Bucharest", "-q", "--format", "html", "--output", path]);
    expect(r.code).toBe(0);
    const html = readFileSync(path, "utf8");
    expect((html.match(/<figure>/g) ?? []).length).toBe(5);
    expect(html).toContain('<p class="note">No retention charts: no cohorts (give them with --cohorts).</p>');
    // The example's tickets carry satisfaction ratings: CSAT is drawn, NPS is not.
    expect(html).toContain('<p class="note">No NPS chart: no NPS answers in scope.</p>');
    expect(html).toContain("First response time (hours)");
  });
});

describe("--format html escapes the data", () => {
  it("a name that is markup or a URL appears as text, never as an element or attribute", async () => {
    const path = join(tempDir(), "evil.csv");
    writeFileSync(
      path,
      [
        "id,created_at,status,channel,assignee,first_response_at,solved_at",
        `1,2026-03-02T09:00:00Z,solved,<script>alert(1)</script>,"""><img src=x onerror=alert(2)>",2026-03-02T09:30:00Z,2026-03-02T12:00:00Z`,
        `2,2026-03-02T10:00:00Z,open,<b>&amp;'x',"\u001b[2Jhttp://evil.example/",2026-03-02T10:10:00Z,`,
        "",
      ].join("\n"),
    );
    const r = await cli(["report", path, "--by", "channel,assignee", "-q", "--format", "html"]);
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html).not.toMatch(/<(script|img|b)\b/i);
    expect(html).not.toContain("\u001b");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain("&lt;b&gt;&amp;amp;&#39;x&#39;");
    expect(html).toContain("\\x1B[2Jhttp://evil.example/");
    expect(nestingProblems(html)).toEqual([]);
  });

  it("escapeHtml: entities for the five markup characters, visible escapes for control characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(escapeHtml("a\nb\u0000c\u202Ed")).toBe("a b\\x00c\\u202Ed");
  });
});

describe("choosing the html format", () => {
  it("--output *.html or *.htm picks it; --format html on stdout", () => {
    expect(resolveFormat({ format: undefined, output: "out/Report.HTML" }, false)).toBe("html");
    expect(resolveFormat({ format: undefined, output: "r.htm" }, true)).toBe("html");
    expect(resolveFormat({ format: "html", output: undefined }, true)).toBe("html");
  });

  it("--mermaid is for Markdown only: with --format html it is a usage error", async () => {
    const r = await cli(["report", DATA.tickets, "--format", "html", "--mermaid"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--mermaid draws charts in the Markdown output: it needs --format markdown, got --format html");
  });
});

describe("--format html with gates, a comparison period and --by period", () => {
  it("renders every table of the Markdown output, the gates first, and exits as the gates say; gate lines on stderr", async () => {
    const args = [
      "report",
      DATA.tickets,
      "--responses",
      DATA.responses,
      "--timezone",
      "Europe/Bucharest",
      "--period",
      "2026-11-01..2026-11-21",
      "--compare-to",
      "2026-10-01..2026-11-01",
      "--by",
      "period,channel",
      "--gate",
      "frt.median <= 4h",
      "--gate",
      "csat >= 90%",
      "-q",
    ];
    const html = await cli([...args, "--format", "html"]);
    const md = await cli([...args, "--format", "markdown"]);
    expect(html.code).toBe(1);
    expect(html.stderr).toContain("FAIL    csat >= 90%");
    expect(nestingProblems(html.stdout)).toEqual([]);
    expect(html.stdout.split("<table>").length - 1).toBe(markdownTables(md.stdout).count);
    expect(html.stdout.indexOf("<h2>Gates</h2>")).toBeLessThan(html.stdout.indexOf("<h2>Input</h2>"));
    expect(html.stdout).toContain("<strong>First response time by period (hours)</strong>");
    expect(withoutNamespaces(html.stdout)).not.toMatch(/https?:\/\//);
  });
});
