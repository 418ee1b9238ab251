import { PmokitError } from "@pmokit/core";
import type { PmokitErrorCode } from "@pmokit/core";

/** Throws an input error naming the JSON path and the expectation. */
export function inputError(
  path: string,
  expected: string,
  received?: unknown,
  code: PmokitErrorCode = "INVALID_INPUT",
): never {
  const rec = received === undefined ? undefined : describe(received);
  throw new PmokitError(code, `${path}: expected ${expected}${rec === undefined ? "" : `, got ${rec}`}`, {
    path,
    expected,
    ...(rec === undefined ? {} : { received: rec }),
  });
}

function describe(v: unknown): string {
  if (typeof v === "string") return `'${v}'`;
  if (typeof v === "number") return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Whether a value is a finite number. */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}
