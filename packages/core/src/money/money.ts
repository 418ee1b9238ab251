import DecimalDefault from "decimal.js";
import type { Decimal as DecimalType } from "decimal.js";
import * as z from "zod";
import { PmokitError } from "../errors.js";

type DecimalClass = typeof DecimalType;
/** decimal.js ships one `.d.ts` for its CJS and ESM builds: under NodeNext the default import is typed as
 * the CJS namespace, while at runtime (ESM) it is the class itself. */
const Decimal: DecimalClass =
  (DecimalDefault as unknown as { Decimal?: DecimalClass }).Decimal ??
  (DecimalDefault as unknown as DecimalClass);

/**
 * Private decimal context: 34 significant digits (IEEE 754 decimal128), banker's rounding. Never
 * `Decimal.set`: the global decimal.js configuration belongs to the application, not to pmokit.
 */
const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });
type Dec = InstanceType<typeof D>;

const DECIMAL_RE = /^-?\d+(?:\.\d+)?$/;
const CURRENCY_RE = /^[A-Z]{3}$/;

/**
 * An amount of money: a decimal string (no exponent, `.` as separator, optional leading `-`) and an
 * ISO 4217 currency code. JSON-safe and lossless: amounts never pass through binary floating point.
 *
 * Rounding policy: arithmetic ({@link addMoney}, {@link multiplyMoney}, ...) keeps full precision (34
 * significant digits, half-even); amounts are rounded to the currency's minor unit only at explicit
 * points: {@link roundMoney}, {@link allocateMoney} and {@link formatMoney}.
 *
 * @example
 * ```ts
 * import type { Money } from "@pmokit/core";
 * const budget: Money = { amount: "1250.50", currency: "USD" };
 * ```
 * @category Money
 * @since 0.1.0
 */
export type Money = { amount: string; currency: string };

/**
 * zod schema of {@link Money}: `amount` matches `^-?\d+(\.\d+)?$`, `currency` is three upper-case letters.
 * Unknown keys are rejected.
 *
 * @example
 * ```ts
 * import { MoneySchema } from "@pmokit/core";
 * MoneySchema.parse({ amount: "12.34", currency: "EUR" });
 * ```
 * @category Money
 * @since 0.1.0
 */
export const MoneySchema = /* @__PURE__ */ z
  .strictObject({
    amount: z
      .string()
      .regex(DECIMAL_RE, "expected a decimal string such as 12.34")
      .describe('Decimal string, e.g. "1250.50" (never a JSON number: lossless).'),
    currency: z
      .string()
      .regex(CURRENCY_RE, "expected an ISO 4217 code such as USD")
      .describe("ISO 4217 code."),
  })
  .describe("An amount of money as a decimal string with its ISO 4217 currency.");

const MINOR_UNITS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  AUD: 2,
  CNY: 2,
  INR: 2,
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  IQD: 3,
  LYD: 3,
};

/**
 * Number of minor-unit digits of a currency (ISO 4217 exponent): 2 for USD/EUR/GBP, 0 for JPY/KRW, 3 for
 * BHD/KWD; 2 for currencies not in pmokit's small table.
 *
 * @param currency - ISO 4217 code
 * @returns the number of decimal places of the minor unit
 * @example
 * ```ts
 * import { currencyMinorUnits } from "@pmokit/core";
 * currencyMinorUnits("JPY"); // 0
 * ```
 * @category Money
 * @since 0.1.0
 */
export function currencyMinorUnits(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}

function checkCurrency(currency: string): void {
  if (!CURRENCY_RE.test(currency)) {
    throw new PmokitError("INVALID_MONEY", `Invalid currency '${currency}'`, {
      expected: "ISO 4217 code (three upper-case letters)",
      received: currency,
    });
  }
}

function toDec(value: string | number, what: string): Dec {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new PmokitError("INVALID_MONEY", `Invalid ${what} ${String(value)}`, {
        expected: "a finite number or decimal string",
        received: String(value),
      });
    }
    return new D(value);
  }
  if (!DECIMAL_RE.test(value)) {
    throw new PmokitError("INVALID_MONEY", `Invalid ${what} '${value}'`, {
      expected: "a decimal string such as 12.34",
      received: value,
    });
  }
  return new D(value);
}

function fromDec(d: Dec, currency: string): Money {
  return { amount: d.isZero() ? "0" : d.toFixed(), currency };
}

function dec(m: Money): Dec {
  checkCurrency(m.currency);
  return toDec(m.amount, "money amount");
}

function sameCurrency(a: Money, b: Money, op: string): void {
  if (a.currency !== b.currency) {
    throw new PmokitError("CURRENCY_MISMATCH", `Cannot ${op} ${a.currency} and ${b.currency}`, {
      expected: a.currency,
      received: b.currency,
    });
  }
}

/**
 * Creates a {@link Money} value. The amount is normalised (no trailing zeros, no exponent, `-0` → `0`).
 * Numbers are converted by their shortest decimal representation (`0.1` → `"0.1"`).
 *
 * @param amount - decimal string or finite number
 * @param currency - ISO 4217 code (upper case)
 * @returns the money value
 * @throws PmokitError `INVALID_MONEY` for a malformed amount or currency
 * @example
 * ```ts
 * import { money } from "@pmokit/core";
 * money("12.50", "USD"); // { amount: "12.5", currency: "USD" }
 * ```
 * @category Money
 * @since 0.1.0
 */
export function money(amount: string | number, currency: string): Money {
  checkCurrency(currency);
  return fromDec(toDec(amount, "money amount"), currency);
}

/**
 * Adds two amounts of the same currency (exact up to 34 significant digits, no rounding to minor units).
 *
 * @param a - first amount
 * @param b - second amount
 * @returns `a + b`
 * @throws PmokitError `CURRENCY_MISMATCH`, `INVALID_MONEY`
 * @example
 * ```ts
 * import { addMoney, money } from "@pmokit/core";
 * addMoney(money("0.1", "USD"), money("0.2", "USD")).amount; // "0.3"
 * ```
 * @category Money
 * @since 0.1.0
 */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, "add");
  return fromDec(dec(a).plus(dec(b)), a.currency);
}

/**
 * Subtracts `b` from `a` (same currency, no rounding to minor units).
 *
 * @param a - minuend
 * @param b - subtrahend
 * @returns `a - b`
 * @throws PmokitError `CURRENCY_MISMATCH`, `INVALID_MONEY`
 * @example
 * ```ts
 * import { subtractMoney, money } from "@pmokit/core";
 * subtractMoney(money("10", "EUR"), money("2.5", "EUR")).amount; // "7.5"
 * ```
 * @category Money
 * @since 0.1.0
 */
export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, "subtract");
  return fromDec(dec(a).minus(dec(b)), a.currency);
}

/**
 * Multiplies an amount by a factor (e.g. hours × rate, percent complete). Result keeps 34 significant
 * digits; round explicitly with {@link roundMoney}.
 *
 * @param m - amount
 * @param factor - decimal string or finite number
 * @returns `m × factor`
 * @throws PmokitError `INVALID_MONEY` for a malformed factor
 * @example
 * ```ts
 * import { multiplyMoney, money } from "@pmokit/core";
 * multiplyMoney(money("80", "USD"), "7.5").amount; // "600"
 * ```
 * @category Money
 * @since 0.1.0
 */
export function multiplyMoney(m: Money, factor: string | number): Money {
  return fromDec(dec(m).times(toDec(factor, "factor")), m.currency);
}

/**
 * Divides an amount by a divisor (34 significant digits, half-even). To split money without losing
 * cents use {@link allocateMoney} instead.
 *
 * @param m - amount
 * @param divisor - non-zero decimal string or number
 * @returns `m ÷ divisor`
 * @throws PmokitError `INVALID_INPUT` when dividing by zero, `INVALID_MONEY` for a malformed divisor
 * @example
 * ```ts
 * import { divideMoney, money } from "@pmokit/core";
 * divideMoney(money("10", "USD"), 4).amount; // "2.5"
 * ```
 * @category Money
 * @since 0.1.0
 */
export function divideMoney(m: Money, divisor: string | number): Money {
  const d = toDec(divisor, "divisor");
  if (d.isZero())
    throw new PmokitError("INVALID_INPUT", "Division of money by zero", { expected: "non-zero divisor" });
  return fromDec(dec(m).div(d), m.currency);
}

/**
 * Ratio of two amounts of the same currency as a JavaScript number (e.g. CPI = EV / AC).
 *
 * @param a - numerator
 * @param b - denominator (non-zero)
 * @returns `a / b`
 * @throws PmokitError `CURRENCY_MISMATCH`; `INVALID_INPUT` when `b` is zero (check {@link isZeroMoney} first)
 * @example
 * ```ts
 * import { ratio, money } from "@pmokit/core";
 * ratio(money("90", "USD"), money("100", "USD")); // 0.9
 * ```
 * @category Money
 * @since 0.1.0
 */
export function ratio(a: Money, b: Money): number {
  sameCurrency(a, b, "divide");
  const db = dec(b);
  if (db.isZero())
    throw new PmokitError("INVALID_INPUT", "Ratio with a zero denominator", { expected: "non-zero" });
  return dec(a).div(db).toNumber();
}

/**
 * Compares two amounts of the same currency.
 *
 * @param a - first amount
 * @param b - second amount
 * @returns `-1`, `0` or `1`
 * @throws PmokitError `CURRENCY_MISMATCH`
 * @example
 * ```ts
 * import { compareMoney, money } from "@pmokit/core";
 * compareMoney(money("1.10", "USD"), money("1.1", "USD")); // 0
 * ```
 * @category Money
 * @since 0.1.0
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, "compare");
  return dec(a).comparedTo(dec(b)) as -1 | 0 | 1;
}

/**
 * Whether an amount is zero.
 *
 * @param m - amount
 * @returns `true` for `0`, `0.00`, `-0`
 * @example
 * ```ts
 * import { isZeroMoney, money } from "@pmokit/core";
 * isZeroMoney(money("0.00", "USD")); // true
 * ```
 * @category Money
 * @since 0.1.0
 */
export function isZeroMoney(m: Money): boolean {
  return dec(m).isZero();
}

/**
 * Sums a list of amounts; an empty list gives zero in `currency`.
 *
 * @param list - amounts, all in `currency`
 * @param currency - ISO 4217 code of the result
 * @returns the exact sum
 * @throws PmokitError `CURRENCY_MISMATCH` when an element has another currency
 * @example
 * ```ts
 * import { sumMoney, money } from "@pmokit/core";
 * sumMoney([money("1", "USD"), money("2.5", "USD")], "USD").amount; // "3.5"
 * ```
 * @category Money
 * @since 0.1.0
 */
export function sumMoney(list: readonly Money[], currency: string): Money {
  checkCurrency(currency);
  let acc = new D(0);
  for (const m of list) {
    if (m.currency !== currency) {
      throw new PmokitError("CURRENCY_MISMATCH", `Cannot sum ${m.currency} into ${currency}`, {
        expected: currency,
        received: m.currency,
      });
    }
    acc = acc.plus(dec(m));
  }
  return fromDec(acc, currency);
}

/**
 * Rounding modes of {@link roundMoney}: `halfEven` (banker's, the default), `halfUp` (away from zero on
 * ties), `halfDown`, `up` (away from zero), `down` (towards zero), `ceil`, `floor`.
 *
 * @example
 * ```ts
 * import type { MoneyRounding } from "@pmokit/core";
 * const mode: MoneyRounding = "halfUp";
 * ```
 * @category Money
 * @since 0.1.0
 */
export type MoneyRounding = "halfEven" | "halfUp" | "halfDown" | "up" | "down" | "ceil" | "floor";

const ROUNDING: Readonly<Record<MoneyRounding, DecimalType.Rounding>> = {
  halfEven: Decimal.ROUND_HALF_EVEN,
  halfUp: Decimal.ROUND_HALF_UP,
  halfDown: Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/**
 * Rounds an amount to its currency's minor unit ({@link currencyMinorUnits}); this is the explicit
 * rounding point for reporting and persisted totals.
 *
 * @param m - amount
 * @param mode - rounding mode, default `"halfEven"`
 * @returns the rounded amount (normalised: `"2.5"`, not `"2.50"`)
 * @example
 * ```ts
 * import { roundMoney, money } from "@pmokit/core";
 * roundMoney(money("2.345", "USD")).amount; // "2.34"
 * roundMoney(money("2.345", "USD"), "halfUp").amount; // "2.35"
 * ```
 * @category Money
 * @since 0.1.0
 */
export function roundMoney(m: Money, mode: MoneyRounding = "halfEven"): Money {
  return fromDec(dec(m).toDecimalPlaces(currencyMinorUnits(m.currency), ROUNDING[mode]), m.currency);
}

/** Decimal string → bigint scaled by 10^scale (exact; the string must have at most `scale` decimals). */
function toScaled(d: Dec, scale: number): bigint {
  return BigInt(d.times(new D(10).pow(scale)).toFixed(0));
}

function fromScaled(v: bigint, scale: number, currency: string): Money {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(scale + 1, "0");
  const int = s.slice(0, s.length - scale);
  const frac = s.slice(s.length - scale);
  return money(`${neg ? "-" : ""}${int}${scale > 0 ? `.${frac}` : ""}`, currency);
}

/**
 * Splits a total into parts proportional to `weights` without losing or creating a single minor unit:
 * the total is first rounded half-even to the currency's minor unit, then each part gets the floor of its
 * exact share (computed in `bigint` minor units) and the leftover units go one each to the parts with the
 * largest remainders (ties: the earlier part). The parts always sum exactly to the rounded total.
 *
 * @param total - the amount to split (may be negative: parts are then negative)
 * @param weights - non-negative weights (decimal strings or numbers), at least one positive
 * @returns one amount per weight, in the same order
 * @throws PmokitError `INVALID_INPUT` when weights are empty, negative or all zero
 * @example
 * ```ts
 * import { allocateMoney, money } from "@pmokit/core";
 * allocateMoney(money("100", "USD"), [1, 1, 1]).map((m) => m.amount); // ["33.34", "33.33", "33.33"]
 * ```
 * @category Money
 * @since 0.1.0
 */
export function allocateMoney(total: Money, weights: readonly (string | number)[]): Money[] {
  if (weights.length === 0) {
    throw new PmokitError("INVALID_INPUT", "allocateMoney needs at least one weight", {
      expected: "weights",
    });
  }
  const ws = weights.map((w, i) => {
    const d = toDec(w, `weight [${i}]`);
    if (d.isNegative() && !d.isZero()) {
      throw new PmokitError("INVALID_INPUT", `Negative allocation weight at [${i}]`, {
        path: `weights[${i}]`,
        expected: ">= 0",
        received: String(w),
      });
    }
    return d;
  });
  const wScale = Math.max(0, ...ws.map((d) => d.decimalPlaces()));
  const wInts = ws.map((d) => toScaled(d, wScale));
  const wSum = wInts.reduce((a, b) => a + b, 0n);
  if (wSum === 0n)
    throw new PmokitError("INVALID_INPUT", "All allocation weights are zero", { expected: "> 0" });
  const scale = currencyMinorUnits(total.currency);
  const units = toScaled(dec(roundMoney(total)), scale);
  const neg = units < 0n;
  const abs = neg ? -units : units;
  const parts: bigint[] = [];
  const rems: bigint[] = [];
  let given = 0n;
  for (const w of wInts) {
    const p = abs * w;
    parts.push(p / wSum);
    rems.push(p % wSum);
    given += p / wSum;
  }
  let left = abs - given;
  const order = rems
    .map((_, i) => i)
    .sort((a, b) => (rems[b]! > rems[a]! ? 1 : rems[b]! < rems[a]! ? -1 : a - b));
  for (let k = 0; left > 0n; k++, left--) {
    const i = order[k % order.length]!;
    parts[i] = parts[i]! + 1n;
  }
  return parts.map((p) => fromScaled(neg ? -p : p, scale, total.currency));
}

/**
 * Formats an amount for display with `Intl.NumberFormat` (currency style), rounded half-even to the
 * currency's minor unit. For machine output use the `amount` string itself.
 *
 * @param m - amount
 * @param locale - BCP 47 locale, default `"en-US"`
 * @returns e.g. `"$1,234.50"`
 * @example
 * ```ts
 * import { formatMoney, money } from "@pmokit/core";
 * formatMoney(money("1234.5", "USD")); // "$1,234.50"
 * ```
 * @category Money
 * @since 0.1.0
 */
export function formatMoney(m: Money, locale = "en-US"): string {
  const digits = currencyMinorUnits(m.currency);
  const fmt = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: m.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return fmt.format(roundMoney(m).amount as `${number}`);
}
