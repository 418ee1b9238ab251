import { describe, expect, it } from "vitest";
import { isPmokitError } from "../errors.js";
import { DEFAULT_DURATION_SETTINGS, DurationSchema, durationToMinutes, isElapsedUnit } from "./duration.js";

describe("durationToMinutes", () => {
  const s = { minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: 21 };
  it("converts working units with the project settings", () => {
    expect(durationToMinutes({ value: 2, unit: "days" }, DEFAULT_DURATION_SETTINGS)).toBe(960);
    expect(durationToMinutes({ value: 1, unit: "weeks" })).toBe(2400);
    expect(durationToMinutes({ value: 1, unit: "months" })).toBe(9600);
    expect(durationToMinutes({ value: 2, unit: "days" }, s)).toBe(900);
    expect(durationToMinutes({ value: 1, unit: "months" }, s)).toBe(21 * 450);
    expect(durationToMinutes({ value: 1.5, unit: "hours" }, s)).toBe(90);
    expect(durationToMinutes({ value: -1, unit: "days" }, s)).toBe(-450);
  });
  it("converts elapsed units in calendar minutes", () => {
    expect(durationToMinutes({ value: 1, unit: "elapsedDays" }, s)).toBe(1440);
    expect(durationToMinutes({ value: 1, unit: "elapsedWeeks" }, s)).toBe(10080);
    expect(durationToMinutes({ value: 3, unit: "elapsedHours" }, s)).toBe(180);
    expect(isElapsedUnit("elapsedMonths")).toBe(true);
    expect(isElapsedUnit("days")).toBe(false);
  });
  it("refuses percent and non-finite values", () => {
    for (const d of [
      { value: 50, unit: "percent" as const },
      { value: Number.POSITIVE_INFINITY, unit: "days" as const },
    ]) {
      try {
        durationToMinutes(d);
        expect.unreachable();
      } catch (e) {
        expect(isPmokitError(e) && e.code).toBe("INVALID_INPUT");
      }
    }
  });
  it("rejects unknown units and keys in the schema", () => {
    expect(DurationSchema.safeParse({ value: 1, unit: "fortnights" }).success).toBe(false);
    expect(DurationSchema.safeParse({ value: 1, unit: "days", x: 1 }).success).toBe(false);
  });
});
