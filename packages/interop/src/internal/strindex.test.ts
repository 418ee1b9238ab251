import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StrIndex } from "./strindex.js";

describe("StrIndex", () => {
  it("finds what a Map finds: first position kept by add, last by set, growing past its capacity", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), fc.nat(50), (keys, cap) => {
        const first = new StrIndex(cap, (p) => keys[p]);
        const last = new StrIndex(cap, (p) => keys[p]);
        const mFirst = new Map<string, number>();
        const mLast = new Map<string, number>();
        keys.forEach((k, i) => {
          expect(first.add(k, i)).toBe(mFirst.get(k) ?? -1);
          if (!mFirst.has(k)) mFirst.set(k, i);
          last.set(k, i);
          mLast.set(k, i);
        });
        expect(first.size).toBe(mFirst.size);
        expect(last.size).toBe(mLast.size);
        for (const k of [...keys, "absent-key", ""]) {
          expect(first.get(k)).toBe(mFirst.get(k) ?? -1);
          expect(last.get(k)).toBe(mLast.get(k) ?? -1);
        }
      }),
    );
  });
});
