/**
 * A soft problem found while reading: something dropped, defaulted or not mapped. Readers never drop
 * data silently; they return these next to the project(s).
 *
 * @category Reading
 * @since 0.1.0
 */
export interface ReadWarning {
  /** Stable code, e.g. `UNMAPPED_FIELD`, `UNKNOWN_REFERENCE`, `INVALID_VALUE`. */
  readonly code: string;
  /** Human-readable message. */
  readonly message: string;
  /** 1-based line in the input, when known. */
  readonly line?: number;
  /** Path of the element or table/field concerned, e.g. `Project/Tasks/Task[UID=3]/Hyperlink` or `TASK.task_code`. */
  readonly path?: string;
  /** Element, table or field name concerned. */
  readonly element?: string;
  /** Number of occurrences when the warning aggregates several. */
  readonly count?: number;
}
