/**
 * The package version, read from the package.json above this file (dist/cli.js or
 * src/cli/main.ts).
 *
 * @internal
 * @module
 */
import { readFileSync } from "node:fs";

/** The version of the cx-metrics package, or `"unknown"`. */
export function packageVersion(): string {
  for (const relative of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "cx-metrics" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // Try the next place.
    }
  }
  return "unknown";
}
