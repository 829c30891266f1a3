/**
 * The document the table and Markdown renderers print: a list of blocks built from the
 * Report (see ../sections.ts), so the two renderers show exactly the same content.
 *
 * @internal
 * @module
 */
import type { CellValue, ValueKind } from "../format.ts";

/** A table column: its label and how its values are shown (text columns align left). */
export interface Column {
  readonly label: string;
  /** Absent for text columns. */
  readonly kind?: ValueKind;
}

/** One line of a facts list. */
export interface Fact {
  readonly label: string;
  readonly value: CellValue;
  readonly kind?: ValueKind;
  /** Shown after the value, e.g. `(312 of 394 tickets)`. */
  readonly note?: string;
}

/** A block of the document. */
export type Block =
  | { readonly type: "title"; readonly text: string }
  | { readonly type: "heading"; readonly text: string }
  | { readonly type: "facts"; readonly facts: readonly Fact[] }
  | {
      readonly type: "table";
      readonly caption?: string;
      readonly columns: readonly Column[];
      readonly rows: readonly (readonly CellValue[])[];
    }
  | {
      readonly type: "heatmap";
      readonly caption: string;
      readonly rowLabels: readonly string[];
      readonly columnLabels: readonly string[];
      readonly values: readonly (readonly number[])[];
    }
  | { readonly type: "note"; readonly text: string }
  | {
      /** A chart of series over categories (Markdown: a Mermaid `xychart-beta`; the text format leaves it out). */
      readonly type: "chart";
      readonly title: string;
      /** The categories, left to right. */
      readonly x: readonly string[];
      readonly yLabel: string;
      /** Each series has one value per category. */
      readonly series: readonly { readonly kind: "bar" | "line"; readonly name: string; readonly values: readonly number[] }[];
    };
