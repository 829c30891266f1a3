import { z } from "zod";
import { expect, expectOptional, instant, optionalInstant, optionalText } from "./fields.ts";

const DURATION = "must be a finite number of ms ≥ 0";
const optionalDuration = z
  .number({ error: expectOptional(DURATION) })
  .min(0, { error: DURATION })
  .refine(Number.isFinite, { error: DURATION })
  .exactOptional();

/**
 * The cross-field invariants of a call: `wait` is present exactly when `queuedAt` is; an
 * abandoned call has no `answeredAt`, `handleTime` or `agent`.
 *
 * @internal
 */
export function checkCall(
  value: {
    readonly outcome: string;
    readonly queuedAt?: Date;
    readonly wait?: number;
    readonly answeredAt?: Date;
    readonly handleTime?: number;
    readonly agent?: string;
  },
  ctx: z.RefinementCtx,
): void {
  if ((value.queuedAt === undefined) !== (value.wait === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [value.wait === undefined ? "wait" : "queuedAt"],
      message: "must be given together with queuedAt and wait",
      input: value,
    });
  }
  if (value.outcome === "abandoned") {
    for (const key of ["answeredAt", "handleTime", "agent"] as const) {
      if (value[key] !== undefined)
        ctx.addIssue({ code: "custom", path: [key], message: "must be absent on an abandoned call", input: value[key] });
    }
  }
}

/**
 * The {@link Call} model exactly, with its invariants: `arrivedAt` a valid `Date`, `outcome`
 * served or abandoned, `wait` (present exactly with `queuedAt`), `handleTime` and `clockSkew`
 * finite numbers of ms ≥ 0, and no answer, handle time or agent on an abandoned call.
 *
 * @example
 * ```ts
 * CallSchema.safeParse({ arrivedAt: new Date("2026-03-02T09:00:00Z"), outcome: "abandoned", handleTime: 60_000 })
 *   .success; // => false
 * ```
 * @category Models
 */
export const CallSchema = z
  .object(
    {
      id: optionalText,
      arrivedAt: instant,
      outcome: z.enum(["served", "abandoned"], { error: expect("must be served or abandoned") }),
      queuedAt: optionalInstant,
      wait: optionalDuration,
      answeredAt: optionalInstant,
      handleTime: optionalDuration,
      clockSkew: optionalDuration,
      queue: optionalText,
      agent: optionalText,
    },
    { error: expect("must be an object") },
  )
  .superRefine(checkCall);
