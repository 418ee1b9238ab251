import type { z } from "zod";
import { PmokitError } from "../errors.js";
import type { Result } from "../errors.js";
import { PortfolioSchema, ProjectSchema } from "./project.js";
import type { Portfolio, Project } from "./project.js";
import { ResourceSchema } from "./resource.js";
import type { Resource } from "./resource.js";
import { TaskSchema } from "./task.js";
import type { Task } from "./task.js";
import { validatePortfolio, validateProject } from "./validate.js";
import type { ValidationIssue } from "./validate.js";

/**
 * Formats a JSON path: `["tasks", 3, "duration", "unit"]` → `tasks[3].duration.unit`.
 *
 * @param segments - path segments (numbers are array indices)
 * @returns the dotted path (`""` for the root)
 * @example
 * ```ts
 * import { formatJsonPath } from "@pmokit/core";
 * formatJsonPath(["tasks", 3, "duration"]); // "tasks[3].duration"
 * ```
 * @category Model
 * @since 0.1.0
 */
export function formatJsonPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else {
      const key = String(s);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out === "" ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

function zodIssues(error: z.ZodError): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const i of error.issues) {
    const base = formatJsonPath(i.path);
    if (i.code === "unrecognized_keys") {
      for (const k of i.keys) {
        const path = formatJsonPath([...i.path, k]);
        out.push({
          code: "SCHEMA_VIOLATION",
          severity: "error",
          path,
          message: `${path}: unknown key (use 'extensions' for vendor data)`,
          expected: "no unknown keys",
        });
      }
      continue;
    }
    let expected: string | undefined;
    if (i.code === "invalid_value") expected = `one of ${i.values.map((v) => JSON.stringify(v)).join(", ")}`;
    else if (i.code === "invalid_type") expected = i.expected;
    out.push({
      code: "SCHEMA_VIOLATION",
      severity: "error",
      path: base,
      message: `${base === "" ? "(root)" : base}: ${i.message}`,
      ...(expected === undefined ? {} : { expected }),
    });
  }
  return out;
}

function fail(
  what: string,
  errors: readonly ValidationIssue[],
  warnings: readonly ValidationIssue[] = [],
): PmokitError {
  const first = errors[0]!;
  const shown = errors.slice(0, 50).map((e) => `  ${e.message}`);
  if (errors.length > 50) shown.push(`  ... and ${errors.length - 50} more (see details.issues)`);
  return new PmokitError(
    first.code,
    `Invalid ${what}: ${errors.length} problem${errors.length === 1 ? "" : "s"}\n${shown.join("\n")}`,
    {
      path: first.path,
      ...(first.ids === undefined ? {} : { ids: first.ids }),
      ...(first.expected === undefined ? {} : { expected: first.expected }),
      issues: errors,
      warnings,
    },
  );
}

function shape<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (!r.success) throw fail(what, zodIssues(r.error));
  return r.data;
}

function safe<T>(f: () => T): Result<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof PmokitError) return { ok: false, error: e };
    throw e;
  }
}

/**
 * Parses and validates a project: the shape ({@link ProjectSchema}, defaults filled in, unknown keys
 * rejected) and then {@link validateProject}. Returns a new object; the input is not modified.
 *
 * @param input - untrusted data (e.g. `JSON.parse` output)
 * @returns the project
 * @throws PmokitError `SCHEMA_VIOLATION` listing the JSON path of every shape problem; otherwise the code of
 *   the first validation error (`DUPLICATE_ID`, `DANGLING_REFERENCE`, `CYCLE_DETECTED`, `INVALID_INPUT`)
 *   with every error in the message and in `details.issues` (warnings in `details.warnings`)
 * @example
 * ```ts
 * import { parseProject } from "@pmokit/core";
 * const p = parseProject({
 *   id: "p1", name: "Demo",
 *   settings: { currency: "USD", defaultCalendarId: "std", startDate: "2025-01-06" },
 *   calendars: [{ id: "std", name: "Standard" }],
 *   tasks: [{ id: "1", name: "A", duration: { value: 2, unit: "days" } }],
 * });
 * ```
 * @category Model
 * @since 0.1.0
 */
export function parseProject(input: unknown): Project {
  const p = shape(ProjectSchema, input, "project");
  const v = validateProject(p);
  if (v.errors.length > 0) throw fail("project", v.errors, v.warnings);
  return p;
}

/**
 * Like {@link parseProject} but returns a {@link Result} instead of throwing.
 *
 * @param input - untrusted data
 * @returns `{ ok: true, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParseProject } from "@pmokit/core";
 * const r = safeParseProject({});
 * if (!r.ok) console.log(r.error.code); // "SCHEMA_VIOLATION"
 * ```
 * @category Model
 * @since 0.1.0
 */
export function safeParseProject(input: unknown): Result<Project> {
  return safe(() => parseProject(input));
}

/**
 * Parses and validates a portfolio ({@link PortfolioSchema} then {@link validatePortfolio}).
 *
 * @param input - untrusted data
 * @returns the portfolio
 * @throws PmokitError as {@link parseProject} (paths start with `projects[i].` inside projects)
 * @example
 * ```ts
 * import { parsePortfolio } from "@pmokit/core";
 * parsePortfolio({ id: "pf", name: "All", currency: "USD" });
 * ```
 * @category Model
 * @since 0.1.0
 */
export function parsePortfolio(input: unknown): Portfolio {
  const p = shape(PortfolioSchema, input, "portfolio");
  const v = validatePortfolio(p);
  if (v.errors.length > 0) throw fail("portfolio", v.errors, v.warnings);
  return p;
}

/**
 * Like {@link parsePortfolio} but returns a {@link Result}.
 *
 * @param input - untrusted data
 * @returns `{ ok: true, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParsePortfolio } from "@pmokit/core";
 * safeParsePortfolio({ id: "pf", name: "All", currency: "usd" }).ok; // false
 * ```
 * @category Model
 * @since 0.1.0
 */
export function safeParsePortfolio(input: unknown): Result<Portfolio> {
  return safe(() => parsePortfolio(input));
}

/**
 * Parses one task (shape only: references need the project, see {@link parseProject}).
 *
 * @param input - untrusted data
 * @returns the task with defaults filled in
 * @throws PmokitError `SCHEMA_VIOLATION` naming every problem's path
 * @example
 * ```ts
 * import { parseTask } from "@pmokit/core";
 * parseTask({ id: "1", name: "A", duration: { value: 1, unit: "days" } }).priority; // 500
 * ```
 * @category Model
 * @since 0.1.0
 */
export function parseTask(input: unknown): Task {
  return shape(TaskSchema, input, "task");
}

/**
 * Like {@link parseTask} but returns a {@link Result}.
 *
 * @param input - untrusted data
 * @returns `{ ok: true, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParseTask } from "@pmokit/core";
 * safeParseTask({ id: "" }).ok; // false
 * ```
 * @category Model
 * @since 0.1.0
 */
export function safeParseTask(input: unknown): Result<Task> {
  return safe(() => parseTask(input));
}

/**
 * Parses one resource (shape only).
 *
 * @param input - untrusted data
 * @returns the resource with defaults filled in
 * @throws PmokitError `SCHEMA_VIOLATION` naming every problem's path
 * @example
 * ```ts
 * import { parseResource } from "@pmokit/core";
 * parseResource({ id: "r1", name: "Ana" }).maxUnits; // 1
 * ```
 * @category Model
 * @since 0.1.0
 */
export function parseResource(input: unknown): Resource {
  return shape(ResourceSchema, input, "resource");
}

/**
 * Like {@link parseResource} but returns a {@link Result}.
 *
 * @param input - untrusted data
 * @returns `{ ok: true, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParseResource } from "@pmokit/core";
 * safeParseResource({ id: "r1" }).ok; // false (name missing)
 * ```
 * @category Model
 * @since 0.1.0
 */
export function safeParseResource(input: unknown): Result<Resource> {
  return safe(() => parseResource(input));
}
