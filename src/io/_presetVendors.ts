/**
 * The vendor presets added beside the original five (./_ticketPresets.ts): each in its own
 * file, registered here by name.
 *
 * @internal
 * @module
 */
import type { TicketStatus } from "../models/ticket.ts";
import type { FieldSpec } from "./_modelSpec.ts";
import { CHATWOOT_JSON } from "./_presetChatwoot.ts";
import { GORGIAS_JSON } from "./_presetGorgias.ts";
import { HELPSCOUT_JSON } from "./_presetHelpScout.ts";
import type { PresetContext, VendorPreset } from "./_presetKit.ts";
import { ZAMMAD_JSON } from "./_presetZammad.ts";

/** The vendor presets' names. @internal */
export type VendorPresetName = "chatwoot-json" | "helpscout-json" | "zammad-json" | "gorgias-json";

const VENDORS: Readonly<Record<VendorPresetName, VendorPreset>> = {
  "chatwoot-json": CHATWOOT_JSON,
  "helpscout-json": HELPSCOUT_JSON,
  "zammad-json": ZAMMAD_JSON,
  "gorgias-json": GORGIAS_JSON,
};

/** The vendor presets' names, in the order the docs list them. @internal */
export const VENDOR_PRESETS: readonly VendorPresetName[] = ["chatwoot-json", "helpscout-json", "zammad-json", "gorgias-json"];

/** `true` for a vendor preset's name. @internal */
export const isVendorPreset = (preset: string): preset is VendorPresetName => Object.hasOwn(VENDORS, preset);

/** Each vendor preset's status table. @internal */
export const VENDOR_STATUS_TABLES: Readonly<Record<VendorPresetName, ReadonlyMap<string, TicketStatus>>> = {
  "chatwoot-json": CHATWOOT_JSON.statuses,
  "helpscout-json": HELPSCOUT_JSON.statuses,
  "zammad-json": ZAMMAD_JSON.statuses,
  "gorgias-json": GORGIAS_JSON.statuses,
};

/** A vendor preset's fields. @internal */
export const vendorFields = (preset: VendorPresetName, ctx: PresetContext): FieldSpec[] => VENDORS[preset].fields(ctx);

/** A vendor preset's JSON wrapper. @internal */
export const vendorUnwrap = (preset: VendorPresetName): ((value: unknown) => readonly unknown[] | undefined) | undefined =>
  VENDORS[preset].unwrap;
