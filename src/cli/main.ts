import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

const { values } = parseArgs({
  options: { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" } },
  strict: false,
});

if (values.version) {
  process.stdout.write(`${pkg.version}\n`);
} else {
  process.stdout.write(
    "cx-metrics: customer-service metrics from helpdesk exports\n\n" +
      "Usage: cx-metrics [--help] [--version]\n\n" +
      "The report command is being built; see the README for the library API.\n",
  );
}
