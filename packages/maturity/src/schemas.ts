import { z } from "zod";
import { assessmentInputSchema } from "./assessment/schema.js";
import { maturityModelSchema } from "./model/schema.js";

const SCHEMAS = {
  "maturity-model": maturityModelSchema,
  "maturity-responses": assessmentInputSchema,
} as const;

/**
 * Names of the JSON Schemas exported by `@pmokit/maturity`.
 *
 * @category Model
 * @since 0.1.0
 */
export type MaturitySchemaName = keyof typeof SCHEMAS;

/** A JSON Schema document (draft 2020-12) as a plain object (same shape as `JsonSchema` of `@pmokit/core`). */
type JsonSchema = Record<string, unknown>;

const cache = new Map<string, JsonSchema>();

/**
 * JSON Schema (draft 2020-12) of a maturity input format, describing the accepted *input* (fields
 * with defaults are optional). Generated from the zod schema on first use and cached. Semantic rules
 * (unique ids, references, reachability) are checked by the parsers only.
 *
 * @param name - `maturity-model` or `maturity-responses`
 * @returns the JSON Schema
 * @example
 * ```ts
 * import { toMaturityJsonSchema } from "@pmokit/maturity";
 * toMaturityJsonSchema("maturity-model").type; // "object"
 * ```
 * @category Model
 * @since 0.1.0
 */
export function toMaturityJsonSchema(name: MaturitySchemaName): JsonSchema {
  let s = cache.get(name);
  if (s === undefined) {
    s = z.toJSONSchema(SCHEMAS[name], { io: "input", unrepresentable: "any" }) as JsonSchema;
    cache.set(name, s);
  }
  return s;
}

/**
 * JSON Schemas of the maturity input formats by name, for `pmokit schema`: `maturity-model` (a model
 * definition) and `maturity-responses` (a responses file). Each is generated lazily on first access.
 *
 * @example
 * ```ts
 * import { maturityJsonSchemas } from "@pmokit/maturity";
 * JSON.stringify(maturityJsonSchemas["maturity-model"]);
 * ```
 * @category Model
 * @since 0.1.0
 */
export const maturityJsonSchemas: Readonly<Record<MaturitySchemaName, JsonSchema>> =
  /* @__PURE__ */ Object.defineProperties(
    {} as Record<MaturitySchemaName, JsonSchema>,
    Object.fromEntries(
      Object.keys(SCHEMAS).map((k) => [
        k,
        { enumerable: true, get: () => toMaturityJsonSchema(k as MaturitySchemaName) },
      ]),
    ),
  );
