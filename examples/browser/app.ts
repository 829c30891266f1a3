/**
 * The browser example: a dropped export is read with `cx-metrics/io` (a `File` is a source), the
 * report is computed in the page, and its key figures, segments and charts are shown. Nothing
 * leaves the page. Built into dist/app.js by `npm run example:browser` (esbuild, one classic
 * script, so index.html also works from file://). It imports "cx-metrics" and "cx-metrics/io" as
 * your app would; in this repository tsconfig.json's `paths` point those names at the sources.
 */
import { compile } from "vega-lite";
import { parse, View } from "vega";
import { firstResponseChart, report, toRows, volumeChart, type ChartSpec, type Report, type Ticket } from "cx-metrics";
import { readTickets, TICKET_PRESETS, type TicketPreset } from "cx-metrics/io";

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = $("status");
const preset = $<HTMLSelectElement>("preset");
const zone = $<HTMLInputElement>("tz");
const asOfInput = $<HTMLInputElement>("asof");
for (const name of TICKET_PRESETS) preset.add(new Option(name, name));
zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone;

function say(text: string, state: "ok" | "busy" | "error" = "ok"): void {
  status.textContent = text;
  status.dataset["state"] = state;
}

/** A cell or heading: text only (data never becomes markup). */
function cell(tag: "td" | "th", text: string): HTMLTableCellElement {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

const HOUR = 3_600_000;
const hours = (ms: number | null | undefined): string => (ms === null || ms === undefined ? "–" : `${(ms / HOUR).toFixed(2)} h`);
const percent = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : `${(x * 100).toFixed(1)} %`);

/** The latest instant on the tickets: the report's `asOf` when none is given (as the command's default). */
function latestInstant(tickets: readonly Ticket[]): Date {
  let latest = -Infinity;
  for (const t of tickets) {
    for (const d of [t.createdAt, t.firstResponseAt, t.firstSolvedAt, t.solvedAt]) {
      const ms = d?.getTime();
      if (ms !== undefined && ms > latest) latest = ms;
    }
  }
  return new Date(Number.isFinite(latest) ? latest : Date.now());
}

function showCards(r: Report): void {
  const cards = $("cards");
  cards.replaceChildren();
  const figures: [string, string, number | null, string][] = [
    ["tickets", "Tickets in scope", r.tickets, String(r.tickets)],
    ["frt.median", "First response, median", r.time.firstResponse.calendar?.median ?? null, hours(r.time.firstResponse.calendar?.median)],
    ["resolution.rate", "Resolution rate", r.counts.resolutionRate.value, percent(r.counts.resolutionRate.value)],
    ["csat", "CSAT", r.survey?.csat?.score ?? null, percent(r.survey?.csat?.score)],
  ];
  for (const [key, label, value, text] of figures) {
    const card = document.createElement("div");
    card.className = "card";
    card.dataset["key"] = key;
    card.dataset["value"] = String(value);
    card.append(label, Object.assign(document.createElement("b"), { textContent: text }));
    cards.append(card);
  }
}

function showSegments(r: Report): void {
  const table = $<HTMLTableElement>("segments");
  const head = document.createElement("tr");
  for (const h of ["channel", "tickets", "resolution rate", "first response, median", "resolution, median"]) {
    const th = cell("th", h);
    th.scope = "col";
    head.append(th);
  }
  const rows = toRows(r, "segments").map((s) => {
    const tr = document.createElement("tr");
    tr.dataset["segment"] = s.segment;
    tr.dataset["tickets"] = String(s.tickets);
    tr.append(
      cell("th", s.segment),
      cell("td", String(s.tickets)),
      cell("td", percent(s.resolution_rate)),
      cell("td", hours(s.first_response_median_ms)),
      cell("td", hours(s.resolution_median_ms)),
    );
    return tr;
  });
  table.replaceChildren(Object.assign(document.createElement("caption"), { textContent: "Figures per channel" }), head, ...rows);
}

async function showCharts(specs: readonly ChartSpec[]): Promise<void> {
  const host = $("charts");
  host.replaceChildren();
  for (const spec of specs) {
    const view = new View(parse(compile(spec as never).spec), { renderer: "none" });
    const svg = await view.toSVG();
    view.finalize();
    const figure = document.createElement("figure");
    // vega's SVG writer escapes every text it draws.
    figure.innerHTML = svg;
    figure.querySelector("svg")?.setAttribute("role", "img");
    figure.querySelector("svg")?.setAttribute("aria-label", spec.description);
    figure.append(Object.assign(document.createElement("figcaption"), { textContent: spec.title }));
    host.append(figure);
  }
}

async function measure(file: File): Promise<void> {
  say(`Reading ${file.name} …`, "busy");
  const timeZone = zone.value.trim() || "UTC";
  const read = await readTickets(file, { preset: preset.value as TicketPreset, timeZone });
  const tickets: Ticket[] = [];
  for await (const t of read.records) tickets.push(t);
  const asOf = asOfInput.value.trim() === "" ? latestInstant(tickets) : new Date(asOfInput.value.trim());
  if (Number.isNaN(asOf.getTime())) throw new Error(`As of must be a date and time such as 2026-12-01T00:00:00Z, got ${asOfInput.value}`);
  const r = report({ tickets }, { asOf, timeZone, segments: ["channel"], bucket: "week" });
  showCards(r);
  showSegments(r);
  await showCharts([volumeChart(r), firstResponseChart(r)]);
  $("result").hidden = false;
  const { read: rows, used, rejected, excluded } = read.stats;
  say(`${file.name}: ${rows} rows read, ${used} used, ${rejected} rejected, ${excluded} excluded; as of ${asOf.toISOString()}.`);
}

function take(file: File | undefined): void {
  if (file === undefined) return;
  measure(file).catch((error: unknown) => say(error instanceof Error ? error.message : String(error), "error"));
}

$<HTMLInputElement>("file").addEventListener("change", (e) => take((e.target as HTMLInputElement).files?.[0]));
const drop = $("drop");
drop.addEventListener("dragover", (e) => {
  e.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  take(e.dataTransfer?.files[0]);
});
