import { describe, expect, it } from "vitest";
import { isPmokitError } from "../errors.js";
import {
  MoneySchema,
  addMoney,
  allocateMoney,
  compareMoney,
  currencyMinorUnits,
  divideMoney,
  formatMoney,
  isZeroMoney,
  money,
  multiplyMoney,
  ratio,
  roundMoney,
  subtractMoney,
  sumMoney,
} from "./money.js";

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isPmokitError(e) ? e.code : "not-pmokit";
  }
  return undefined;
}

describe("money", () => {
  it("creates normalised values", () => {
    expect(money("12.50", "USD")).toEqual({ amount: "12.5", currency: "USD" });
    expect(money(0.1, "EUR").amount).toBe("0.1");
    expect(money("-0.00", "EUR").amount).toBe("0");
    expect(money(1e21, "USD").amount).toBe("1000000000000000000000");
  });

  it("rejects bad amounts and currencies with INVALID_MONEY", () => {
    expect(code(() => money("1e5", "USD"))).toBe("INVALID_MONEY");
    expect(code(() => money("12,5", "USD"))).toBe("INVALID_MONEY");
    expect(code(() => money(Number.NaN, "USD"))).toBe("INVALID_MONEY");
    expect(code(() => money("1", "usd"))).toBe("INVALID_MONEY");
    expect(code(() => addMoney({ amount: "x", currency: "USD" }, money("1", "USD")))).toBe("INVALID_MONEY");
  });

  it("does exact decimal arithmetic", () => {
    expect(addMoney(money("0.1", "USD"), money("0.2", "USD")).amount).toBe("0.3");
    expect(subtractMoney(money("10", "USD"), money("2.5", "USD")).amount).toBe("7.5");
    expect(multiplyMoney(money("80", "USD"), "7.5").amount).toBe("600");
    expect(divideMoney(money("10", "USD"), 4).amount).toBe("2.5");
    expect(divideMoney(money("1", "USD"), 3).amount).toBe("0.3333333333333333333333333333333333");
    expect(ratio(money("90", "USD"), money("100", "USD"))).toBe(0.9);
    expect(compareMoney(money("1.10", "USD"), money("1.1", "USD"))).toBe(0);
    expect(compareMoney(money("1", "USD"), money("2", "USD"))).toBe(-1);
    expect(isZeroMoney({ amount: "0.000", currency: "USD" })).toBe(true);
    expect(sumMoney([money("1", "USD"), money("2.5", "USD")], "USD").amount).toBe("3.5");
    expect(sumMoney([], "JPY")).toEqual({ amount: "0", currency: "JPY" });
  });

  it("throws CURRENCY_MISMATCH across currencies", () => {
    expect(code(() => addMoney(money("1", "USD"), money("1", "EUR")))).toBe("CURRENCY_MISMATCH");
    expect(code(() => subtractMoney(money("1", "USD"), money("1", "EUR")))).toBe("CURRENCY_MISMATCH");
    expect(code(() => compareMoney(money("1", "USD"), money("1", "EUR")))).toBe("CURRENCY_MISMATCH");
    expect(code(() => ratio(money("1", "USD"), money("1", "EUR")))).toBe("CURRENCY_MISMATCH");
    expect(code(() => sumMoney([money("1", "EUR")], "USD"))).toBe("CURRENCY_MISMATCH");
  });

  it("rejects division by zero", () => {
    expect(code(() => divideMoney(money("1", "USD"), 0))).toBe("INVALID_INPUT");
    expect(code(() => ratio(money("1", "USD"), money("0", "USD")))).toBe("INVALID_INPUT");
  });

  it("rounds to the minor unit, half-even by default", () => {
    expect(currencyMinorUnits("JPY")).toBe(0);
    expect(currencyMinorUnits("KWD")).toBe(3);
    expect(currencyMinorUnits("XYZ")).toBe(2);
    expect(roundMoney(money("2.345", "USD")).amount).toBe("2.34");
    expect(roundMoney(money("2.355", "USD")).amount).toBe("2.36");
    expect(roundMoney(money("2.345", "USD"), "halfUp").amount).toBe("2.35");
    expect(roundMoney(money("-2.341", "USD"), "floor").amount).toBe("-2.35");
    expect(roundMoney(money("1234.5", "JPY")).amount).toBe("1234");
    expect(roundMoney(money("1.23456", "BHD")).amount).toBe("1.235");
  });

  it("allocates by largest remainder without losing a cent", () => {
    expect(allocateMoney(money("100", "USD"), [1, 1, 1]).map((m) => m.amount)).toEqual([
      "33.34",
      "33.33",
      "33.33",
    ]);
    expect(allocateMoney(money("-100", "USD"), [1, 1, 1]).map((m) => m.amount)).toEqual([
      "-33.34",
      "-33.33",
      "-33.33",
    ]);
    expect(allocateMoney(money("10", "JPY"), ["0.5", "0.25", "0.25"]).map((m) => m.amount)).toEqual([
      "5",
      "3",
      "2",
    ]);
    expect(allocateMoney(money("0.05", "USD"), [0, 1, 0]).map((m) => m.amount)).toEqual(["0", "0.05", "0"]);
    expect(code(() => allocateMoney(money("1", "USD"), []))).toBe("INVALID_INPUT");
    expect(code(() => allocateMoney(money("1", "USD"), [0, 0]))).toBe("INVALID_INPUT");
    expect(code(() => allocateMoney(money("1", "USD"), [1, -1]))).toBe("INVALID_INPUT");
  });

  it("formats for display", () => {
    expect(formatMoney(money("1234.5", "USD"))).toBe("$1,234.50");
    expect(formatMoney(money("1234.5", "JPY"), "en-US")).toBe("¥1,234");
  });

  it("validates with MoneySchema", () => {
    expect(MoneySchema.safeParse({ amount: "1.5", currency: "USD" }).success).toBe(true);
    expect(MoneySchema.safeParse({ amount: 1.5, currency: "USD" }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: "1.5", currency: "USD", x: 1 }).success).toBe(false);
  });
});
