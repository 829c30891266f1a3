/**
 * Checks every part of a partial file read by `cx-metrics merge` (./partial.ts): a file that is
 * damaged or edited by hand is refused with `E_CLI_PARTIAL` naming the file and the field, never
 * read into a wrong report.
 *
 * @internal
 * @module
 */
import { BUCKETS, PRESETS } from "./args.ts";
import { EVENT_PRESETS } from "../io/index.ts";
import { CliError } from "./errors.ts";
import type { InputSection } from "./inputs.ts";
import type { PartialFile, PartialOptions } from "./partial.ts";

type Obj = Readonly<Record<string, unknown>>;

/** The reader of one file's fields: each check names the field path on failure. */
class Fields {
  constructor(private readonly file: string) {}

  fail(field: string, what: string, got: unknown): CliError {
    const shown = got === undefined ? "nothing" : (JSON.stringify(got) ?? String(got));
    return new CliError(
      "E_CLI_PARTIAL",
      `${this.file}: ${field} must be ${what}, got ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}`,
      "The file is damaged or was edited; write it again with cx-metrics report --partial",
    );
  }
  obj(x: unknown, field: string): Obj {
    if (x === null || typeof x !== "object" || Array.isArray(x)) throw this.fail(field, "an object", x);
    return x as Obj;
  }
  arr(x: unknown, field: string): readonly unknown[] {
    if (!Array.isArray(x)) throw this.fail(field, "an array", x);
    return x;
  }
  str(x: unknown, field: string): string {
    if (typeof x !== "string") throw this.fail(field, "a string", x);
    return x;
  }
  oneOf<T extends string>(x: unknown, field: string, allowed: readonly T[]): T {
    if (typeof x !== "string" || !(allowed as readonly string[]).includes(x)) throw this.fail(field, `one of ${allowed.join(", ")}`, x);
    return x as T;
  }
  count(x: unknown, field: string): number {
    if (typeof x !== "number" || !Number.isSafeInteger(x) || x < 0) throw this.fail(field, "a non-negative integer", x);
    return x;
  }
  num(x: unknown, field: string): number {
    if (typeof x !== "number" || !Number.isFinite(x)) throw this.fail(field, "a finite number", x);
    return x;
  }
  bool(x: unknown, field: string): boolean {
    if (typeof x !== "boolean") throw this.fail(field, "true or false", x);
    return x;
  }
  instant(x: unknown, field: string): string {
    if (typeof x !== "string" || Number.isNaN(Date.parse(x))) throw this.fail(field, "an ISO 8601 instant", x);
    return x;
  }
  nullable<T>(x: unknown, field: string, read: (x: unknown, field: string) => T): T | null {
    return x === null ? null : read.call(this, x, field);
  }
  counts(x: unknown, field: string): Obj {
    const o = this.obj(x, field);
    for (const [key, n] of Object.entries(o)) this.count(n, `${field}.${key}`);
    return o;
  }
  strings(x: unknown, field: string): readonly string[] {
    return this.arr(x, field).map((s, i) => this.str(s, `${field}[${String(i)}]`));
  }
}

function rejectsList(f: Fields, x: unknown, field: string): void {
  f.arr(x, field).forEach((r, i) => {
    const at = `${field}[${String(i)}]`;
    const o = f.obj(r, at);
    f.count(o["record"], `${at}.record`);
    if (o["line"] !== undefined) f.count(o["line"], `${at}.line`);
    for (const key of ["column", "value", "reason"]) f.str(o[key], `${at}.${key}`);
    if (o["kind"] !== undefined) f.oneOf(o["kind"], `${at}.kind`, ["rejected", "warning"]);
  });
}

function summary(f: Fields, x: unknown, field: string): Obj {
  const o = f.obj(x, field);
  f.str(o["path"], `${field}.path`);
  f.nullable(o["format"], `${field}.format`, f.str);
  f.nullable(o["gzip"], `${field}.gzip`, f.bool);
  f.nullable(o["delimiter"], `${field}.delimiter`, f.str);
  for (const key of ["read", "used", "rejected", "excluded", "blankLines", "invalidUtf8", "problems"]) f.count(o[key], `${field}.${key}`);
  f.nullable(o["rejectedShare"], `${field}.rejectedShare`, f.num);
  f.counts(o["excludedBy"], `${field}.excludedBy`);
  f.counts(o["invalidUtf8ByColumn"], `${field}.invalidUtf8ByColumn`);
  rejectsList(f, o["rejects"], `${field}.rejects`);
  return o;
}

/** The counts of `input.tickets.threads` (a thread preset's conversations and reply-link cross-checks). */
export const THREAD_COUNTS = ["conversations", "answered", "severalResponders", "listedAbsent", "listConflicts"] as const;

function inputSection(f: Fields, x: unknown): InputSection {
  const o = f.obj(x, "input");
  const t = summary(f, o["tickets"], "input.tickets");
  f.strings(t["fields"], "input.tickets.fields");
  f.strings(t["blankFields"], "input.tickets.blankFields");
  f.count(t["precomputed"], "input.tickets.precomputed");
  if (t["threads"] !== undefined) {
    const th = f.obj(t["threads"], "input.tickets.threads");
    for (const key of THREAD_COUNTS) f.count(th[key], `input.tickets.threads.${key}`);
  }
  f.arr(t["warnings"], "input.tickets.warnings").forEach((w, i) => {
    const at = `input.tickets.warnings[${String(i)}]`;
    const wo = f.obj(w, at);
    f.str(wo["reason"], `${at}.reason`);
    f.str(wo["description"], `${at}.description`);
    f.count(wo["count"], `${at}.count`);
    f.arr(wo["records"], `${at}.records`).forEach((r, j) => f.count(r, `${at}.records[${String(j)}]`));
  });
  const m = f.nullable(o["messages"], "input.messages", (x, field) => summary(f, x, field));
  if (m !== null) {
    f.count(m["attached"], "input.messages.attached");
    f.count(m["unmatched"], "input.messages.unmatched");
  }
  f.nullable(o["responses"], "input.responses", (x, field) => summary(f, x, field));
  f.nullable(o["cohorts"], "input.cohorts", (x, field) => summary(f, x, field));
  // Partials written before `--events` existed have no `input.events`: no history file was given.
  const e = o["events"] === undefined ? null : f.nullable(o["events"], "input.events", (x, field) => summary(f, x, field));
  if (e !== null) {
    f.oneOf(e["preset"], "input.events.preset", EVENT_PRESETS);
    f.oneOf(e["presetSource"], "input.events.presetSource", ["option", "detected"]);
    for (const key of ["attached", "unmatched", "beforeCreated"]) f.count(e[key], `input.events.${key}`);
  }
  return { ...o, events: e } as unknown as InputSection;
}

function options(f: Fields, x: unknown): PartialOptions {
  const o = f.obj(x, "options");
  f.oneOf(o["preset"], "options.preset", PRESETS);
  f.str(o["timeZone"], "options.timeZone");
  f.oneOf(o["timeZoneSource"], "options.timeZoneSource", ["option", "default"]);
  f.instant(o["asOf"], "options.asOf");
  for (const key of ["period", "compareTo"]) {
    const r = f.nullable(o[key], `options.${key}`, f.obj);
    if (r !== null) for (const end of ["from", "to"]) f.instant(r[end], `options.${key}.${end}`);
  }
  f.oneOf(o["bucket"], "options.bucket", BUCKETS);
  f.arr(o["segments"], "options.segments").forEach((s, i) => {
    if (typeof s !== "string") f.strings(s, `options.segments[${String(i)}]`);
  });
  f.nullable(o["schedule"], "options.schedule", f.obj);
  f.nullable(o["slaPolicy"], "options.slaPolicy", f.obj);
  f.arr(o["percentiles"], "options.percentiles").forEach((p, i) => f.num(p, `options.percentiles[${String(i)}]`));
  f.num(o["confidenceLevel"], "options.confidenceLevel");
  f.nullable(o["valuePerCustomer"], "options.valuePerCustomer", f.num);
  if (o["quantiles"] !== "exact") f.num(f.obj(o["quantiles"], "options.quantiles")["relativeError"], "options.quantiles.relativeError");
  const lb = f.obj(o["leaderboard"], "options.leaderboard");
  f.str(lb["by"], "options.leaderboard.by");
  f.count(lb["minSample"], "options.leaderboard.minSample");
  if (lb["of"] !== undefined) f.oneOf(lb["of"], "options.leaderboard.of", ["responder"]);
  if (o["bots"] !== undefined) {
    const bots = f.obj(o["bots"], "options.bots");
    if (bots["firstResponseFrom"] !== undefined)
      f.oneOf(bots["firstResponseFrom"], "options.bots.firstResponseFrom", ["request", "handoff"]);
    if (bots["excludeBotTime"] !== undefined) f.bool(bots["excludeBotTime"], "options.bots.excludeBotTime");
  }
  f.count(o["maxRejects"], "options.maxRejects");
  if (o["repeatWindow"] !== undefined) f.num(o["repeatWindow"], "options.repeatWindow");
  const files = f.obj(o["files"], "options.files");
  for (const role of ["messages", "responses", "cohorts"]) f.bool(files[role], `options.files.${role}`);
  // Partials written before `--events` existed have no `options.files.events`: none was given.
  const events = files["events"] === undefined ? false : f.bool(files["events"], "options.files.events");
  return { ...o, files: { ...files, events } } as unknown as PartialOptions;
}

/**
 * Checks the parts of a partial file whose envelope (kind, version) was checked, and returns it
 * typed. The accumulator state is checked when it is read (`fromJSON`).
 */
export function checkPartial(file: string, o: Readonly<Record<string, unknown>>): PartialFile {
  const f = new Fields(file);
  const opts = options(f, o["options"]);
  const input = inputSection(f, o["input"]);
  f.arr(o["rejects"], "rejects").forEach((r, i) => {
    const at = `rejects[${String(i)}]`;
    const ro = f.obj(r, at);
    f.oneOf(ro["role"], `${at}.role`, ["tickets", "messages", "responses", "cohorts", "events"]);
    f.str(ro["path"], `${at}.path`);
    rejectsList(f, ro["rejects"], `${at}.rejects`);
  });
  for (const [key, list] of Object.entries(f.obj(o["helpdesk"], "helpdesk")))
    f.arr(list, `helpdesk.${key}`).forEach((ms, i) => f.num(ms, `helpdesk.${key}[${String(i)}]`));
  f.arr(o["cohorts"], "cohorts").forEach((c, i) => {
    const at = `cohorts[${String(i)}]`;
    const co = f.obj(c, at);
    f.str(co["label"], `${at}.label`);
    f.instant(co["start"], `${at}.start`);
    f.count(co["size"], `${at}.size`);
    f.arr(co["active"], `${at}.active`).forEach((n, j) => f.count(n, `${at}.active[${String(j)}]`));
    if (co["period"] !== undefined) f.oneOf(co["period"], `${at}.period`, ["day", "week", "month", "quarter", "year"]);
  });
  f.strings(o["ticketIds"], "ticketIds");
  f.obj(o["state"], "state");
  return { ...o, options: opts, input } as unknown as PartialFile;
}
