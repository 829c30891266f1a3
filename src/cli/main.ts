/**
 * The `cx-metrics` executable (built by tsup to dist/cli.js with a shebang): wires the
 * process to {@link run}.
 *
 * @module
 */
import { run } from "./run.ts";

// A reader that stops early (`cx-metrics report … | head`) closes the pipe: the rest of the
// output has nowhere to go, which is no error of the run. Without this, Node would die on the
// unhandled EPIPE with a stack trace and exit 1, the code of a failed gate.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
