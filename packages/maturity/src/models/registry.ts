import { PmokitError } from "@pmokit/core";
import type { MaturityModel } from "../model/schema.js";
import { pmoMaturityModel } from "./pmo-maturity.js";
import { pmoTypeModel } from "./pmo-type.js";

/**
 * The built-in, ready-to-use models by id (`pmokit.pmo-maturity`, `pmokit.pmo-type`).
 *
 * @example
 * ```ts
 * import { builtinModels } from "@pmokit/maturity";
 * Object.keys(builtinModels); // ["pmokit.pmo-maturity", "pmokit.pmo-type"]
 * ```
 * @category Built-in models
 * @since 0.1.0
 */
export const builtinModels: Readonly<Record<string, MaturityModel>> = {
  [pmoMaturityModel.id]: pmoMaturityModel,
  [pmoTypeModel.id]: pmoTypeModel,
};

/**
 * Looks up a built-in model by id; the short aliases `pmo-maturity` and `pmo-type` work too.
 *
 * @param id - model id or alias
 * @returns the model
 * @throws PmokitError `INVALID_INPUT` for an unknown id
 * @example
 * ```ts
 * import { getBuiltinModel } from "@pmokit/maturity";
 * getBuiltinModel("pmo-maturity").levels.length; // 5
 * ```
 * @category Built-in models
 * @since 0.1.0
 */
export function getBuiltinModel(id: string): MaturityModel {
  const m = builtinModels[id] ?? builtinModels[`pmokit.${id}`];
  if (!m)
    throw new PmokitError("INVALID_INPUT", `unknown built-in maturity model '${id}'`, {
      expected: `one of ${Object.keys(builtinModels).join(", ")}`,
      received: id,
    });
  return m;
}
