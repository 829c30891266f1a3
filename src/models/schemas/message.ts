import { z } from "zod";
import { expect, instant, optionalText } from "./fields.ts";
import { REASONS } from "../../_lib/reasons.ts";

/**
 * The {@link Message} model exactly: `at` a valid `Date`, `author` one of `customer`,
 * `agent`, `bot`, `system`, `public` a boolean, `authorId` an optional string. Unknown keys
 * are dropped. Use it to check objects your own code built; for untrusted rows use the
 * parse helpers, which also coerce strings.
 *
 * @example
 * ```ts
 * MessageSchema.parse({ at: new Date("2026-03-08T10:00:00Z"), author: "agent", public: true }).author; // => "agent"
 * ```
 * @category Models
 */
export const MessageSchema = z.object(
  {
    at: instant,
    author: z.enum(["customer", "agent", "bot", "system"], { error: expect(REASONS.author) }),
    public: z.boolean({ error: expect(REASONS.boolean) }),
    authorId: optionalText,
  },
  { error: expect(REASONS.object) },
);
