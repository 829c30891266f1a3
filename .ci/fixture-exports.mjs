// The BUILT command (dist/cli.js) on every preset's documented-format fixture
// (test/fixtures/exports/<preset>/: the export, its README citing the vendor's pages, and
// expected.json with the figures computed by hand): exit 0 (with --strict where no row is bad,
// and the fixture's gates, e.g. the README's Zendesk gates), the row accounting, the first
// response and resolution medians, CSAT and the reopen rate in the JSON output. The same
// checks as test/cli/exports.test.ts, which runs the command in-process; this one runs what
// npm publishes. Called by .ci/cli-e2e after `npm run build`.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = "test/fixtures/exports";
const folders = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
let failures = 0;
const close = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));

for (const folder of folders) {
  const dir = join(root, folder);
  const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
  const files = readdirSync(dir).filter((f) => f !== "README.md" && f !== "expected.json");
  if (files.length !== 1) throw new Error(`${folder}: expected one export file, found ${files.join(", ")}`);
  const strict = expected.rejected === 0 ? ["--strict"] : [];
  const gates = (expected.gates ?? []).flatMap((g) => ["--gate", g]);
  const args = [
    "dist/cli.js",
    "report",
    join(dir, files[0]),
    "--preset",
    expected.preset,
    ...strict,
    ...gates,
    "--format",
    "json",
    "-q",
    ...expected.args,
  ];
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  const problems = [];
  if (r.status !== 0) problems.push(`exit ${r.status}: ${r.stderr.trim()}`);
  let doc;
  try {
    doc = JSON.parse(r.stdout);
  } catch {
    problems.push(`no JSON on stdout: ${r.stdout.slice(0, 200)}`);
  }
  if (doc !== undefined) {
    const t = doc.input.tickets;
    const got = [t.read, t.used, t.rejected, t.excluded].join();
    const want = [expected.read, expected.used, expected.rejected, expected.excluded].join();
    if (got !== want) problems.push(`read/used/rejected/excluded ${got}, expected ${want}`);
    const figure = (name, value, wanted) => {
      if (!close(value, wanted)) problems.push(`${name} ${value}, expected ${wanted}`);
    };
    figure("FRT median", doc.report.time.firstResponse?.calendar?.median ?? null, expected.frtMedianMs);
    figure("resolution median", doc.report.time.resolutionFinal?.calendar?.median ?? null, expected.resolutionMedianMs);
    figure("CSAT", doc.report.survey?.csat?.score ?? null, expected.csat);
    figure("reopen rate", doc.report.reopens.rate, expected.reopenRate);
    const judged = doc.gates ?? [];
    if (judged.length !== gates.length / 2) problems.push(`${judged.length} gates judged, ${gates.length / 2} given`);
    for (const g of judged) if (g.status !== "pass") problems.push(`gate ${g.gate}: ${g.status} (${g.message})`);
  }
  if (problems.length > 0) {
    failures++;
    console.log(`cli-e2e: fixture ${folder}: FAILED\n  ${problems.join("\n  ")}`);
  } else {
    console.log(
      `cli-e2e: fixture ${folder} (--preset ${expected.preset}${strict.length ? ", --strict" : ""}${gates.length ? `, ${gates.length / 2} gates` : ""}): figures as expected`,
    );
  }
}
if (failures > 0) process.exit(1);
