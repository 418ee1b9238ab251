import * as z from "zod";

/**
 * Vendor data that pmokit does not model but must round-trip (e.g. MSPDI elements, XER columns): any
 * JSON value keyed by a vendor-prefixed name. Every model object (calendars and cost rate rows
 * included) accepts an optional `extensions` bag; all other unknown keys are rejected, never
 * silently dropped. This module pulls zod only, so the calendar schema can use it without the rest
 * of the model (or decimal.js).
 *
 * @example
 * ```ts
 * import { ExtensionsSchema } from "@pmokit/core";
 * ExtensionsSchema.parse({ "mspdi:GUID": "9f1c..." });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const ExtensionsSchema = z
  .record(z.string(), z.json())
  .describe("Vendor data that round-trips unchanged (JSON values keyed by vendor-prefixed names).");
