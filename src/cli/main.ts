/**
 * The `cx-metrics` executable (built by tsup to dist/cli.js with a shebang): wires the
 * process to {@link run}.
 *
 * @module
 */
import { run } from "./run.ts";

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
