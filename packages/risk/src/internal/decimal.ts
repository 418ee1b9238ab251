import { Decimal as DecimalBase } from "decimal.js";

/** Private decimal constructor: 34 significant digits, half-up rounding. Never `Decimal.set`. */
export const Dec: typeof DecimalBase = /* @__PURE__ */ DecimalBase.clone({
  precision: 34,
  rounding: DecimalBase.ROUND_HALF_UP,
});
export type Dec = InstanceType<typeof DecimalBase>;

/** Exact decimal of a JS number (its shortest round-trip string) or a decimal string. */
export function dec(x: number | string): Dec {
  return new Dec(typeof x === "number" ? String(x) : x);
}
