/**
 * Stable error codes used across every pmokit package. Codes never change meaning once released;
 * check errors with {@link isPmokitError} and `error.code`, not with `instanceof` (two copies of a
 * package would break `instanceof`).
 *
 * @category Errors
 * @since 0.1.0
 */
export type PmokitErrorCode =
  // input errors (CLI exit code 2)
  | "INVALID_INPUT"
  | "SCHEMA_VIOLATION"
  | "PARSE_ERROR"
  | "UNSUPPORTED_FORMAT"
  | "DUPLICATE_ID"
  | "DANGLING_REFERENCE"
  | "CALENDAR_NOT_FOUND"
  | "INVALID_CALENDAR"
  | "INVALID_MONEY"
  | "CURRENCY_MISMATCH"
  | "LIMIT_EXCEEDED"
  /** A measurement needs a baseline the project does not have (earned value without baseline N). */
  | "MISSING_BASELINE"
  // domain errors: the input was understood but has no solution (CLI exit code 1)
  | "CYCLE_DETECTED"
  | "INFEASIBLE"
  | "IMPOSSIBLE_CONSTRAINT"
  | "NO_WORKING_TIME"
  // internal errors: a bug in pmokit
  | "INTERNAL";

/**
 * Whether an error is caused by bad input (`"input"`), by a well-formed problem that has no solution
 * (`"domain"`), or by a defect in pmokit (`"internal"`). The CLI maps them to exit codes 2, 1 and 70.
 *
 * @category Errors
 * @since 0.1.0
 */
export type PmokitErrorKind = "input" | "domain" | "internal";

const DOMAIN_CODES: ReadonlySet<string> = new Set([
  "CYCLE_DETECTED",
  "INFEASIBLE",
  "IMPOSSIBLE_CONSTRAINT",
  "NO_WORKING_TIME",
]);

/**
 * Structured context of an error: where (file, JSON path, line/column, entity id) and what was expected.
 *
 * @category Errors
 * @since 0.1.0
 */
export interface PmokitErrorDetails {
  /** File name, when the input came from a file. */
  readonly file?: string;
  /** JSON path inside the input, e.g. `projects[0].tasks[3].duration`. */
  readonly path?: string;
  /** 1-based line in a text input. */
  readonly line?: number;
  /** 1-based column in a text input. */
  readonly column?: number;
  /** Ids of the entities concerned (e.g. the tasks on a cycle). */
  readonly ids?: readonly string[];
  /** What was expected at that place. */
  readonly expected?: string;
  /** What was found instead. */
  readonly received?: string;
  /** Any further, serialisable facts. */
  readonly [key: string]: unknown;
}

/**
 * The one error base class of pmokit. Every error thrown on purpose by a pmokit package is a
 * `PmokitError` with a stable {@link PmokitErrorCode}, structured {@link PmokitErrorDetails} and an
 * optional ES2022 `cause`.
 *
 * @example
 * ```ts
 * import { PmokitError, isPmokitError } from "@pmokit/core";
 * try {
 *   throw new PmokitError("CYCLE_DETECTED", "Logic cycle: A → B → A", { ids: ["A", "B"] });
 * } catch (e) {
 *   if (isPmokitError(e) && e.code === "CYCLE_DETECTED") console.log(e.details.ids);
 * }
 * ```
 * @category Errors
 * @since 0.1.0
 */
export class PmokitError extends Error {
  /** Stable machine-readable code. */
  readonly code: PmokitErrorCode;
  /** Structured context. */
  readonly details: PmokitErrorDetails;
  /** Marker used by {@link isPmokitError}; survives duplicate package copies. */
  readonly pmokit = true as const;

  constructor(
    code: PmokitErrorCode,
    message: string,
    details: PmokitErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PmokitError";
    this.code = code;
    this.details = details;
  }

  /** `"input"`, `"domain"` or `"internal"`, derived from the code. */
  get kind(): PmokitErrorKind {
    if (this.code === "INTERNAL") return "internal";
    return DOMAIN_CODES.has(this.code) ? "domain" : "input";
  }

  /** A plain, JSON-serialisable view of the error. */
  toJSON(): { name: string; code: PmokitErrorCode; message: string; details: PmokitErrorDetails } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Type guard for pmokit errors that works across duplicate package copies.
 *
 * @example
 * ```ts
 * import { isPmokitError } from "@pmokit/core";
 * isPmokitError(new Error("x")); // false
 * ```
 * @category Errors
 * @since 0.1.0
 */
export function isPmokitError(value: unknown): value is PmokitError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { pmokit?: unknown }).pmokit === true &&
    typeof (value as { code?: unknown }).code === "string"
  );
}

/**
 * Result of a `safeParse*` / `safe*` function: either the value or the error, never a throw.
 *
 * @category Errors
 * @since 0.1.0
 */
export type Result<T, E = PmokitError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };
