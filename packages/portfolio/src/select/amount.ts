import type { Money } from "@pmokit/core";
import { inputError } from "../internal/errors.js";

/**
 * A cost or limit amount of a selection problem: a plain number, a decimal string (`"1250.50"`) or a
 * core {@link Money} value (`{ amount: "1250.50", currency: "EUR" }`). Decimal strings and Money are
 * exact: the solver works on integers scaled by the largest number of decimals used per limit.
 *
 * @example
 * ```ts
 * import type { SelectionAmount } from "@pmokit/portfolio";
 * const a: SelectionAmount = { amount: "1250.50", currency: "EUR" };
 * const b: SelectionAmount = "99.95";
 * const c: SelectionAmount = 120;
 * ```
 * @category Selection
 * @since 0.2.0
 */
export type SelectionAmount = number | string | Money;

const DECIMAL_RE = /^\d+(?:\.\d+)?$/;

/** An amount as an exact decimal: `int / 10^digits`. */
export interface DecimalParts {
  readonly int: bigint;
  readonly digits: number;
  readonly currency?: string;
}

/** Shortest round-trip decimal string of a finite non-negative number (no exponent). */
export function numberToDecimal(v: number): string {
  const s = String(v);
  const e = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!e) return s;
  const digits = e[1]! + (e[2] ?? "");
  const exp = Number(e[3]) - (e[2]?.length ?? 0);
  if (exp >= 0) return digits + "0".repeat(exp);
  const k = -exp;
  const padded = digits.padStart(k + 1, "0");
  return `${padded.slice(0, padded.length - k)}.${padded.slice(padded.length - k)}`;
}

/** Parses an amount exactly; throws `INVALID_INPUT` naming `path` for anything else. */
export function parseAmount(v: unknown, path: string): DecimalParts {
  let s: string;
  let currency: string | undefined;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 0) inputError(path, "a non-negative finite amount", v);
    s = numberToDecimal(v);
  } else if (typeof v === "string") {
    s = v;
    if (!DECIMAL_RE.test(s))
      inputError(path, 'a non-negative decimal string such as "1250.50" (no exponent, no sign)', v);
  } else if (typeof v === "object" && v !== null && "amount" in v) {
    const mo = v as { amount: unknown; currency?: unknown };
    if (typeof mo.amount !== "string" || !DECIMAL_RE.test(mo.amount))
      inputError(`${path}.amount`, 'a non-negative decimal string such as "1250.50"', mo.amount);
    if (typeof mo.currency !== "string" || !/^[A-Z]{3}$/.test(mo.currency))
      inputError(`${path}.currency`, "an ISO 4217 currency code (three upper-case letters)", mo.currency);
    s = mo.amount;
    currency = mo.currency;
  } else inputError(path, "a non-negative number, decimal string or Money { amount, currency }", v);
  const dot = s.indexOf(".");
  const digits = dot < 0 ? 0 : s.length - dot - 1;
  const int = BigInt(dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1));
  return currency === undefined ? { int, digits } : { int, digits, currency };
}

/** The number closest to an amount (for reports and float arithmetic). */
export function amountToNumber(v: SelectionAmount | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === "number") return v;
  return Number(typeof v === "string" ? v : v.amount);
}

/** Formats `int / 10^digits` as a decimal string with exactly `digits` decimals. */
export function formatScaled(int: bigint, digits: number): string {
  const neg = int < 0n;
  const s = (neg ? -int : int).toString();
  if (digits === 0) return (neg ? "-" : "") + s;
  const padded = s.padStart(digits + 1, "0");
  return `${neg ? "-" : ""}${padded.slice(0, padded.length - digits)}.${padded.slice(padded.length - digits)}`;
}

/** Rescales `p` to `digits` decimals, rounding down (floor) when it has more. */
export function scaleTo(p: DecimalParts, digits: number): bigint {
  if (p.digits === digits) return p.int;
  if (p.digits < digits) return p.int * 10n ** BigInt(digits - p.digits);
  return p.int / 10n ** BigInt(p.digits - digits);
}
