import { describe, expect, it } from "vitest";
import { dayOfWeek, fromEpochDay, fromEpochMinute, toEpochDay, toEpochMinute } from "./local.js";

describe("local date-times", () => {
  it("round-trips", () => {
    expect(toEpochMinute("1970-01-02T08:00:00")).toBe(1920);
    expect(fromEpochMinute(1920)).toBe("1970-01-02T08:00:00");
    expect(toEpochMinute("2024-02-29")).toBe(Date.UTC(2024, 1, 29) / 60000);
    expect(toEpochDay("1970-01-11T10:00:00")).toBe(10);
    expect(fromEpochDay(10)).toBe("1970-01-11");
    expect(dayOfWeek(0)).toBe(4);
    expect(dayOfWeek(-1)).toBe(3);
  });
  it("rejects invalid dates with a clear error", () => {
    expect(() => toEpochMinute("2023-02-29", "tasks[0].start")).toThrow(/tasks\[0\]\.start/);
    expect(() => toEpochMinute("2023-13-01")).toThrow();
    expect(() => toEpochMinute("yesterday")).toThrow();
  });
});
