import * as z from "zod";
import { MoneySchema } from "../money/money.js";
import { CustomFieldsSchema, DateTimeSchema, ExtensionsSchema, IdSchema } from "./common.js";

/**
 * One row of a resource's availability table: max units from `from` (inclusive) to `to` (exclusive);
 * open ends extend to the beginning / end of time.
 *
 * @example
 * ```ts
 * import { AvailabilitySchema } from "@pmokit/core";
 * AvailabilitySchema.parse({ from: "2025-01-01", to: "2025-07-01", units: 0.5 });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const AvailabilitySchema = z
  .strictObject({
    from: DateTimeSchema.optional(),
    to: DateTimeSchema.optional(),
    units: z.number().min(0).describe("Max units in this period (1 = 100 %)."),
  })
  .describe("Max units over a date range.");

/**
 * One dated row of a cost rate table: rates apply from `effectiveFrom` until the next row. Vendor
 * columns of the row (P6 `RSRCRATE`) round-trip in `extensions`.
 *
 * @example
 * ```ts
 * import { CostRateSchema } from "@pmokit/core";
 * CostRateSchema.parse({ standardRate: { amount: "85", currency: "USD" } });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const CostRateSchema = z
  .strictObject({
    effectiveFrom: DateTimeSchema.optional(),
    standardRate: MoneySchema.describe("Cost per hour of regular work (per unit for material)."),
    overtimeRate: MoneySchema.optional().describe("Cost per hour of overtime work."),
    costPerUse: MoneySchema.optional().describe("Cost charged once per assignment."),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("A dated cost rate (MS Project cost rate table row).");

/**
 * A resource (MPXJ `Resource`): work (people, equipment), material (consumables, units by
 * `materialLabel`) or cost. Cost rate tables `A`..`E` as in MS Project (table A is the default).
 *
 * @example
 * ```ts
 * import { ResourceSchema } from "@pmokit/core";
 * ResourceSchema.parse({ id: "r1", name: "Ana", costRateTables: { A: [{ standardRate: { amount: "90", currency: "EUR" } }] } });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const ResourceSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string(),
    type: z.enum(["work", "material", "cost"]).default("work"),
    maxUnits: z.number().min(0).default(1).describe("Max units (1 = 100 %)."),
    availability: z.array(AvailabilitySchema).default([]).describe("Max units varying over time."),
    costRateTables: z
      .strictObject({
        A: z.array(CostRateSchema).optional(),
        B: z.array(CostRateSchema).optional(),
        C: z.array(CostRateSchema).optional(),
        D: z.array(CostRateSchema).optional(),
        E: z.array(CostRateSchema).optional(),
      })
      .default({})
      .describe("MS Project cost rate tables A..E."),
    calendarId: IdSchema.optional().describe("Resource calendar (usually derived from a base calendar)."),
    role: z.string().optional(),
    skills: z.array(z.string()).default([]),
    group: z.string().optional(),
    email: z.string().optional(),
    materialLabel: z.string().optional().describe("Unit label of a material resource, e.g. t, m³."),
    customFields: CustomFieldsSchema.default({}),
    notes: z.string().optional(),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("A work, material or cost resource.");

/**
 * A resource, see {@link ResourceSchema}.
 *
 * @example
 * ```ts
 * import type { Resource } from "@pmokit/core";
 * declare const r: Resource;
 * r.maxUnits;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Resource = z.infer<typeof ResourceSchema>;
