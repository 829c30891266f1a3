// Issue 16 item 7: examples/browser, a static page where a user drops an export and sees the
// report and charts computed locally. The page is built (npm run example:browser) and opened from
// file:// in the system's Chromium (playwright-core), offline; the test drops
// examples/data/tickets.csv on the page's drop zone and checks that its figures equal the
// command's JSON output for the same file and options, that both charts render, that there is no
// console error and that nothing but local files is requested (nothing is uploaded).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliDocument } from "../../src/cli/document.ts";
import { CHROMIUM_ARGS, chromiumPath, openOffline } from "../_support/chromium.ts";
import { cli, DATA, repo } from "../cli/_run.ts";

const executablePath = chromiumPath();
const AS_OF = "2026-12-01T00:00:00Z";
const ZONE = "Europe/Bucharest";

describe.skipIf(executablePath === undefined)("examples/browser in Chromium (playwright-core, offline)", () => {
  let browser: Browser;
  let doc: CliDocument;

  beforeAll(async () => {
    const build = spawnSync("npm", ["run", "-s", "example:browser"], { cwd: repo("."), encoding: "utf8", timeout: 120_000 });
    if (build.status !== 0) throw new Error(`npm run example:browser failed: ${build.stderr}`);
    const json = await cli([
      "report",
      DATA.tickets,
      "--timezone",
      ZONE,
      "--as-of",
      AS_OF,
      "--by",
      "channel",
      "--bucket",
      "week",
      "--format",
      "json",
    ]);
    doc = JSON.parse(json.stdout) as CliDocument;
    browser = await chromium.launch({ executablePath: executablePath as string, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("measures a chosen export in the page: the command's figures, both charts, no error, no request but local files", async () => {
    const url = pathToFileURL(fileURLToPath(new URL("../../examples/browser/index.html", import.meta.url))).href;
    const { context, page, errors, requests } = await openOffline(browser, url, 1100);
    try {
      await page.fill("#tz", ZONE);
      await page.fill("#asof", AS_OF);
      // Dropped on the drop zone, as a user would: a DataTransfer holding the file's bytes.
      const bytes = readFileSync(DATA.tickets).toString("base64");
      const dataTransfer = await page.evaluateHandle((b64) => {
        const transfer = new DataTransfer();
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([data], "tickets.csv", { type: "text/csv" }));
        return transfer;
      }, bytes);
      await page.dispatchEvent("#drop", "drop", { dataTransfer });
      await page.locator("#result").waitFor({ state: "visible", timeout: 60_000 });
      expect(await page.locator("#status").textContent()).toBe(
        `tickets.csv: 396 rows read, 394 used, 2 rejected, 0 excluded; as of ${new Date(AS_OF).toISOString()}.`,
      );
      const r = doc.report;
      const value = async (key: string) => page.locator(`[data-key="${key}"]`).getAttribute("data-value");
      expect(await value("tickets")).toBe(String(r.tickets));
      expect(await value("frt.median")).toBe(String(r.time.firstResponse.calendar?.median ?? null));
      expect(await value("resolution.rate")).toBe(String(r.counts.resolutionRate.value));
      expect(await value("csat")).toBe(String(r.survey?.csat?.score ?? null));
      const rows = await page
        .locator("#segments tr[data-segment]")
        .evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset["segment"], Number((tr as HTMLElement).dataset["tickets"])]));
      const channels = r.segments.find((s) => s.dimensions[0] === "channel")?.segments ?? [];
      expect(rows).toEqual(channels.map((s) => [s.key[0], s.tickets]));
      expect(rows.length).toBeGreaterThan(1);
      const figures = page.locator("#charts figure");
      expect(await figures.count()).toBe(2);
      for (let i = 0; i < 2; i++) {
        const box = await figures.nth(i).locator("svg").boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(100);
        expect(await figures.nth(i).locator("svg path").count()).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
      expect(requests.filter((url) => !url.startsWith("file://"))).toEqual([]);
      const artifacts = process.env["CX_ARTIFACTS"];
      if (artifacts !== undefined) await page.screenshot({ path: join(artifacts, "browser-example.png"), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
