/**
 * The table and Markdown blocks of figures this export has no input for (./inputsNeeded.ts):
 * a list after the input summary, and the notes each section shows in place of a figure that
 * would read as 0 % or 100 % ("Unassigned: no assignee column in this export.").
 *
 * @internal
 * @module
 */
import type { CliDocument } from "./document.ts";
import { absentEntry, type AbsentInput } from "./inputsNeeded.ts";
import type { Block } from "./render/blocks.ts";

/** `Unassigned: no assignee column in this export.` */
const sentence = (a: AbsentInput): string => `${a.label}: ${a.message}.`;

/** The note shown in place of `metric`'s figure when the export has no input for it; none otherwise. */
export function absentNote(absent: readonly AbsentInput[], metric: string): Block[] {
  const entry = absentEntry(absent, metric);
  return entry === undefined ? [] : [{ type: "note", text: sentence(entry) }];
}

/** `Not in this export (no row above): First response: no first-response time in this export (…).` for the rows of a table left out; none when no row is. */
export function absentRowsNote(absent: readonly AbsentInput[], rows: readonly (readonly [metric: string, label: string])[]): Block[] {
  const lines = rows.flatMap(([metric, label]) => {
    const entry = absentEntry(absent, metric);
    return entry === undefined ? [] : [`${label}: ${entry.message}.`];
  });
  return lines.length === 0 ? [] : [{ type: "note", text: `Not in this export (no row above): ${lines.join(" ")}` }];
}

/** `true` when the export has no input for `metric`. */
export function isAbsentIn(absent: readonly AbsentInput[], metric: string): boolean {
  return absentEntry(absent, metric) !== undefined;
}

/**
 * The list of every figure not in this export, and the columns present but blank in every
 * row (their figures are computed: every ticket counts as without a value, so every unsolved
 * ticket is unassigned when the assignee column is empty).
 */
export function absentBlocks(doc: CliDocument): Block[] {
  const blocks: Block[] = [];
  const blank = doc.input.tickets.blankFields;
  if (blank.length > 0) {
    blocks.push({
      type: "note",
      text: `Empty in every ticket row (in the export, but no row has a value; figures count every ticket as without one): ${blank.join(", ")}.`,
    });
  }
  if (doc.absent.length === 0) return blocks;
  return [
    ...blocks,
    { type: "heading", text: "Not in this export" },
    ...doc.absent.map((a): Block => ({ type: "note", text: sentence(a) })),
  ];
}
