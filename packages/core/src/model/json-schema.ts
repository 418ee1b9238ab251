import * as z from "zod";
import { CalendarSchema } from "../calendar/schema.js";
import { MoneySchema } from "../money/money.js";
import { AssignmentSchema } from "./assignment.js";
import { DependencySchema } from "./dependency.js";
import { DurationSchema } from "./duration.js";
import { PortfolioSchema, ProjectSchema } from "./project.js";
import { ResourceSchema } from "./resource.js";
import { IssueSchema, RiskSchema } from "./risk.js";
import { TaskSchema } from "./task.js";

const SCHEMAS = {
  project: ProjectSchema,
  portfolio: PortfolioSchema,
  calendar: CalendarSchema,
  task: TaskSchema,
  resource: ResourceSchema,
  assignment: AssignmentSchema,
  dependency: DependencySchema,
  duration: DurationSchema,
  money: MoneySchema,
  risk: RiskSchema,
  issue: IssueSchema,
} as const;

/**
 * Names of the JSON Schemas exported by `@pmokit/core`.
 *
 * @example
 * ```ts
 * import type { CoreSchemaName } from "@pmokit/core";
 * const n: CoreSchemaName = "project";
 * ```
 * @category Model
 * @since 0.1.0
 */
export type CoreSchemaName = keyof typeof SCHEMAS;

/**
 * A JSON Schema document (draft 2020-12) as a plain object.
 *
 * @example
 * ```ts
 * import type { JsonSchema } from "@pmokit/core";
 * declare const s: JsonSchema;
 * ```
 * @category Model
 * @since 0.1.0
 */
export type JsonSchema = Record<string, unknown>;

const cache = new Map<string, JsonSchema>();

/**
 * JSON Schema (draft 2020-12) of one model type, describing the accepted *input* (fields with defaults are
 * optional). Generated with `z.toJSONSchema` on first use and cached. Refinements (real calendar dates)
 * are not expressible in JSON Schema and are checked by the parsers only.
 *
 * @param name - schema name
 * @returns the JSON Schema
 * @example
 * ```ts
 * import { toJsonSchema } from "@pmokit/core";
 * toJsonSchema("task").type; // "object"
 * ```
 * @category Model
 * @since 0.1.0
 */
export function toJsonSchema(name: CoreSchemaName): JsonSchema {
  let s = cache.get(name);
  if (s === undefined) {
    s = z.toJSONSchema(SCHEMAS[name], { io: "input", unrepresentable: "any" }) as JsonSchema;
    cache.set(name, s);
  }
  return s;
}

/**
 * JSON Schemas of the core model by name (`project`, `portfolio`, `calendar`, `task`, `resource`,
 * `assignment`, `dependency`, `duration`, `money`, `risk`, `issue`); each is generated lazily on first
 * access. Other packages export their own.
 *
 * @example
 * ```ts
 * import { jsonSchemas } from "@pmokit/core";
 * JSON.stringify(jsonSchemas.project);
 * Object.keys(jsonSchemas); // ["project", "portfolio", ...]
 * ```
 * @category Model
 * @since 0.1.0
 */
export const jsonSchemas: Readonly<Record<CoreSchemaName, JsonSchema>> =
  /* @__PURE__ */ Object.defineProperties(
    {} as Record<CoreSchemaName, JsonSchema>,
    Object.fromEntries(
      Object.keys(SCHEMAS).map((k) => [
        k,
        { enumerable: true, get: () => toJsonSchema(k as CoreSchemaName) },
      ]),
    ),
  );
