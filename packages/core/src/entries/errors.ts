/**
 * `@pmokit/core/errors`: the error class every pmokit function throws, its codes and the `Result`
 * type of the `safeParse*` functions. No dependencies: the smallest entry of `@pmokit/core`.
 *
 * @module errors
 */
export { PmokitError, isPmokitError } from "../errors.js";
export type { PmokitErrorCode, PmokitErrorDetails, PmokitErrorKind, Result } from "../errors.js";
