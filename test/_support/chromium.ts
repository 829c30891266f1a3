/**
 * The system's Chromium for the browser tests (Debian's `chromium`, or the executable named by
 * CX_CHROMIUM), driven by playwright-core. Without one the browser tests are skipped (and
 * counted); .ci/run installs it, and fails on any skipped test.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

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
