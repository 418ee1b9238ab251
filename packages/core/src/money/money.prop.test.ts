import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountArb } from "../model/arbitraries.js";
import {
  addMoney,
  allocateMoney,
  compareMoney,
  money,
  roundMoney,
  subtractMoney,
  sumMoney,
} from "./money.js";

const currency = fc.constantFrom("USD", "JPY", "KWD", "EUR");

describe("money properties", () => {
  it("allocations always sum exactly to the (rounded) total", () => {
    fc.assert(
      fc.property(
        amountArb,
        currency,
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 12,
        }),
        (amount, cur, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const total = roundMoney(money(amount, cur));
          const parts = allocateMoney(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(compareMoney(sumMoney(parts, cur), total)).toBe(0);
          // every part is already on the minor unit
          for (const p of parts) expect(roundMoney(p).amount).toBe(p.amount);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("add and subtract are inverse", () => {
    fc.assert(
      fc.property(amountArb, amountArb, currency, (a, b, cur) => {
        const x = money(a, cur);
        const y = money(b, cur);
        expect(subtractMoney(addMoney(x, y), y)).toEqual(x);
        expect(addMoney(subtractMoney(x, y), y)).toEqual(x);
      }),
      { numRuns: 300 },
    );
  });
});
