import { PmokitError } from "@pmokit/core";
import type { PmokitErrorCode } from "@pmokit/core";

/** Throws an input error naming the JSON path and what was expected. */
export function inputError(
  path: string,
  expected: string,
  received: unknown,
  code: PmokitErrorCode = "INVALID_INPUT",
  extra: Record<string, unknown> = {},
): never {
  const rec = typeof received === "string" ? received : JSON.stringify(received);
  throw new PmokitError(code, `${path}: expected ${expected}, got ${rec}`, {
    path,
    expected,
    received: rec,
    ...extra,
  });
}

/** Checks a finite number. */
export function checkFinite(value: number, path: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) inputError(path, "a finite number", value);
}

/** Checks a probability in [0, 1]. */
export function checkProbability(value: number, path: string): void {
  if (typeof value !== "number" || !(value >= 0 && value <= 1))
    inputError(path, "a probability in [0, 1]", value);
}
