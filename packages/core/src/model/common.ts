import * as z from "zod";
import { toEpochMinute } from "../time/local.js";

const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2})?$/;

function isRealDateTime(value: string): boolean {
  try {
    toEpochMinute(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * An entity id: a non-empty string, unique within its collection (tasks, resources, ...). Imported ids
 * (MS Project `UID`, P6 `task_id`) are kept as strings.
 *
 * @example
 * ```ts
 * import { IdSchema } from "@pmokit/core";
 * IdSchema.parse("T-1");
 * ```
 * @category Model
 * @since 0.1.0
 */
export const IdSchema = z
  .string()
  .min(1, "expected a non-empty id")
  .describe("Entity id, unique in its collection.");

/**
 * A calendar date `YYYY-MM-DD` or a local date-time `YYYY-MM-DDTHH:mm:ss` (the project's wall clock, no
 * zone). The value must be a real date (`2025-02-30` is rejected); `T24:00:00` is accepted as the end of
 * the day.
 *
 * @example
 * ```ts
 * import { DateTimeSchema } from "@pmokit/core";
 * DateTimeSchema.parse("2025-03-03T08:00:00");
 * ```
 * @category Model
 * @since 0.1.0
 */
export const DateTimeSchema = z
  .string()
  .regex(DATE_TIME_RE, "expected YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss")
  .refine(isRealDateTime, "expected a real calendar date")
  .describe("Local date YYYY-MM-DD or date-time YYYY-MM-DDTHH:mm:ss (no time zone).");

/**
 * A date or local date-time string, see {@link DateTimeSchema}.
 *
 * @example
 * ```ts
 * import type { LocalDateTime } from "@pmokit/core";
 * const start: LocalDateTime = "2025-03-03T08:00:00";
 * ```
 * @category Model
 * @since 0.1.0
 */
export type LocalDateTime = z.infer<typeof DateTimeSchema>;

/**
 * Custom field values (MS Project Text1..30 / Number / Flag, P6 UDFs): a free record of strings, finite
 * numbers, booleans and `null`. Dates are stored as ISO strings.
 *
 * @example
 * ```ts
 * import { CustomFieldsSchema } from "@pmokit/core";
 * CustomFieldsSchema.parse({ Text1: "Phase A", Flag1: true });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const CustomFieldsSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .describe("Custom field values keyed by field name (MS Project custom fields, P6 UDFs).");

export { ExtensionsSchema } from "./extensions.js";

/**
 * Priority on MS Project's scale: an integer 0..1000, default 500 (1000 = do not level).
 *
 * @example
 * ```ts
 * import { PrioritySchema } from "@pmokit/core";
 * PrioritySchema.parse(undefined); // 500
 * ```
 * @category Model
 * @since 0.1.0
 */
export const PrioritySchema = z
  .number()
  .int()
  .min(0)
  .max(1000)
  .default(500)
  .describe("Priority 0..1000 (MS Project scale, default 500).");
