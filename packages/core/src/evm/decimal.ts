// Private decimal context of the EVM module (34 significant digits, half-even), as in money.ts.
import DecimalDefault from "decimal.js";
import type { Decimal as DecimalType } from "decimal.js";
import { PmokitError } from "../errors.js";

type DecimalClass = typeof DecimalType;
const Decimal: DecimalClass =
  (DecimalDefault as unknown as { Decimal?: DecimalClass }).Decimal ??
  (DecimalDefault as unknown as DecimalClass);

/** Decimal class with a private configuration (never `Decimal.set`). */
export const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });
/** A decimal value. */
export type Dec = InstanceType<typeof D>;

const DECIMAL_RE = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Parses a decimal string or finite number; `path` names the input in errors.
 *
 * @throws PmokitError `INVALID_INPUT`
 */
export function toDec(value: unknown, path: string): Dec {
  if (typeof value === "number" && Number.isFinite(value)) return new D(String(value));
  if (typeof value === "string" && DECIMAL_RE.test(value.trim())) return new D(value.trim());
  throw new PmokitError("INVALID_INPUT", `${path}: expected a finite number or decimal string`, {
    path,
    expected: "a finite number or decimal string",
    received: value === undefined ? "nothing" : JSON.stringify(value),
  });
}

/** Plain decimal string of a value (no exponent). */
export function decString(d: Dec): string {
  return d.toFixed();
}
