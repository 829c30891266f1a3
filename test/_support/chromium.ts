/**
 * The system's Chromium for the browser tests (Debian's `chromium`, or the executable named by
 * CX_CHROMIUM), driven by playwright-core. Without one the browser tests are skipped (and
 * counted); .ci/run installs it, and fails on any skipped test.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";

/** The Chromium executable: CX_CHROMIUM, else `chromium` on the PATH; `undefined` when there is none. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env["CX_CHROMIUM"];
  if (fromEnv !== undefined && fromEnv !== "") return existsSync(fromEnv) ? fromEnv : undefined;
  try {
    const found = execFileSync("which", ["chromium"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return found === "" ? undefined : found;
  } catch {
    return undefined;
  }
}

/** Launch arguments: CI runs as root, where Chromium's sandbox cannot start; containers have a small /dev/shm. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage"];

/** A page opened offline, with what it reported: console and page errors, and every URL it requested. */
export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

/** Opens `url` in a new offline context `width` px wide, recording console errors, page errors and requests. Close `context` when done. */
export async function openOffline(browser: Browser, url: string, width: number): Promise<WatchedPage> {
  const context = await browser.newContext({ offline: true, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: "load" });
  return { context, page, errors, requests };
}
