import * as z from "zod";
import { ExtensionsSchema, IdSchema } from "./common.js";
import { DurationSchema } from "./duration.js";

/**
 * A logical link between two tasks (MPXJ `Relation`): `from` is the predecessor, `to` the successor. The
 * lag is a {@link Duration} (negative = lead; `percent` = a fraction of the predecessor's duration).
 * `fromProject` / `toProject` name the projects of a cross-project link (portfolio level).
 *
 * @example
 * ```ts
 * import { DependencySchema } from "@pmokit/core";
 * DependencySchema.parse({ from: "1", to: "2", type: "FS", lag: { value: -1, unit: "days" } });
 * ```
 * @category Model
 * @since 0.1.0
 */
export const DependencySchema = z
  .strictObject({
    id: IdSchema.optional(),
    from: IdSchema.describe("Predecessor task id."),
    to: IdSchema.describe("Successor task id."),
    type: z.enum(["FS", "SS", "FF", "SF"]).default("FS").describe("Link type (default FS)."),
    lag: DurationSchema.default({ value: 0, unit: "days" }).describe(
      "Lag; negative = lead; percent allowed.",
    ),
    fromProject: IdSchema.optional().describe("Project of the predecessor (cross-project links)."),
    toProject: IdSchema.optional().describe("Project of the successor (cross-project links)."),
    driving: z.boolean().optional().describe("Driving flag as reported by P6."),
    notes: z.string().optional(),
    extensions: ExtensionsSchema.optional(),
  })
  .describe("A dependency (link) from predecessor to successor.");

/**
 * A dependency, see {@link DependencySchema}.
 *
 * @example
 * ```ts
 * import type { Dependency } from "@pmokit/core";
 * const d: Dependency = { from: "1", to: "2", type: "FS", lag: { value: 0, unit: "days" } };
 * ```
 * @category Model
 * @since 0.1.0
 */
export type Dependency = z.infer<typeof DependencySchema>;

/**
 * Link type `FS` | `SS` | `FF` | `SF`.
 *
 * @example
 * ```ts
 * import type { DependencyType } from "@pmokit/core";
 * const t: DependencyType = "SS";
 * ```
 * @category Model
 * @since 0.1.0
 */
export type DependencyType = Dependency["type"];
