// Issue 16 item 3: the `--format html` page opened in a real browser, the system's Chromium
// (Debian's `chromium`, or the executable named by CX_CHROMIUM) driven by playwright-core,
// offline. Without Chromium the test is skipped, and .ci/run fails on any skipped test: CI
// installs it. The screenshots and a print PDF go to CX_ARTIFACTS (default a temporary directory).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedFigures, fullHtmlRun, type ExpectedFigure } from "./_html.ts";
import { tempDir } from "./_run.ts";
import { CHROMIUM_ARGS, chromiumPath, openOffline } from "../_support/chromium.ts";

const executablePath = chromiumPath();
const artifacts = process.env["CX_ARTIFACTS"] ?? tempDir();

describe.skipIf(executablePath === undefined)("the html page in Chromium (playwright-core, offline)", () => {
  let browser: Browser;
  let run: Awaited<ReturnType<typeof fullHtmlRun>>;
  let figures: ExpectedFigure[];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    run = await fullHtmlRun();
    figures = expectedFigures(run.doc);
    browser = await chromium.launch({ executablePath: executablePath as string, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser.close();
  });

  /** Opens the page offline at `width` px; returns it with the console errors, page errors and requests seen. */
  async function open(width: number) {
    const url = pathToFileURL(run.path).href;
    return { ...(await openOffline(browser, url, width)), url };
  }

  it("opens with no console error, loads nothing but itself, renders every chart, shows the JSON's key figures", async () => {
    const { context, page, errors, requests, url } = await open(1280);
    try {
      expect(await page.title()).toMatch(/^cx-metrics report, as of /);
      const count = await page.locator("figure").count();
      expect(count).toBe(8);
      for (let i = 0; i < count; i++) {
        const figure = page.locator("figure").nth(i);
        expect(await figure.locator(":scope > svg").count()).toBe(1);
        const box = await figure.locator(":scope > svg").boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(100);
        expect(box?.height ?? 0).toBeGreaterThan(50);
        // Marks were drawn (paths and text), and the caption carries the chart's description.
        expect(await figure.locator("svg path").count()).toBeGreaterThan(0);
        expect(((await figure.locator("figcaption").textContent()) ?? "").length).toBeGreaterThan(20);
      }
      for (const f of figures) {
        const card = page.locator(`[data-key="${f.key}"]`);
        expect(await card.getAttribute("data-value")).toBe(String(f.value));
        expect(await card.locator("dd").textContent()).toBe(f.text);
      }
      // Tables are real tables to assistive technology: a caption and scoped headers each.
      const tables = await page.locator("table").count();
      expect(tables).toBeGreaterThan(15);
      expect(await page.locator("table > caption").count()).toBe(tables);
      expect(await page.locator("script").count()).toBe(0);
      await page.screenshot({ path: join(artifacts, "report-html-desktop.png"), fullPage: true });
      await page.pdf({ path: join(artifacts, "report-html-print.pdf"), format: "A4" });
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await context.close();
    }
  });

  it("is readable 375 px wide: the page does not scroll sideways (wide tables scroll in their own region), the charts fit", async () => {
    const { context, page, errors } = await open(375);
    try {
      const pageWidth = (await page.evaluate(() => document.documentElement.scrollWidth)) as number;
      expect(pageWidth).toBeLessThanOrEqual(375);
      const count = await page.locator("figure > svg").count();
      for (let i = 0; i < count; i++) {
        const box = await page.locator("figure > svg").nth(i).boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
      }
      await page.screenshot({ path: join(artifacts, "report-html-phone.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
