import { describe, expect, it } from "vitest";
import { fromEpochDay, toEpochDay } from "../time/local.js";
import { expandRecurrence } from "./recurrence.js";
import { RecurrenceSchema } from "./schema.js";

// Cases modelled on MS Project 2016's own expansion of recurring exceptions (MPXJ
// calendar-recurring-exceptions test project): same patterns, occurrence counts and end dates.
function expand(r: unknown, from: string, to: string): string[] {
  return expandRecurrence(RecurrenceSchema.parse(r), toEpochDay(from), toEpochDay(to)).map(fromEpochDay);
}

describe("expandRecurrence", () => {
  it("daily, every N days, by occurrences", () => {
    expect(expand({ type: "daily", occurrences: 3 }, "2000-01-01", "2099-12-31")).toEqual([
      "2000-01-01",
      "2000-01-02",
      "2000-01-03",
    ]);
    const r = expand({ type: "daily", interval: 3, occurrences: 4 }, "2000-02-01", "2099-12-31");
    expect(r).toEqual(["2000-02-01", "2000-02-04", "2000-02-07", "2000-02-10"]);
  });

  it("weekly every 2 weeks on Tuesday counts weeks from the week of 'from'", () => {
    expect(
      expand(
        { type: "weekly", interval: 2, daysOfWeek: ["tuesday"], occurrences: 4 },
        "2001-01-01",
        "2099-12-31",
      ),
    ).toEqual(["2001-01-02", "2001-01-16", "2001-01-30", "2001-02-13"]);
  });

  it("weekly with an end date instead of occurrences", () => {
    expect(expand({ type: "weekly", daysOfWeek: ["monday", "friday"] }, "2026-11-23", "2026-12-04")).toEqual([
      "2026-11-23",
      "2026-11-27",
      "2026-11-30",
      "2026-12-04",
    ]);
  });

  it("monthly relative (first Monday every 2 months) and absolute (day 4 every 5 months)", () => {
    expect(
      expand(
        { type: "monthly", interval: 2, week: "first", dayOfWeek: "monday", occurrences: 3 },
        "2002-01-01",
        "2099-12-31",
      ),
    ).toEqual(["2002-01-07", "2002-03-04", "2002-05-06"]);
    const abs = expand({ type: "monthly", interval: 5, day: 4, occurrences: 6 }, "2003-01-01", "2099-12-31");
    expect(abs.at(-1)).toBe("2005-02-04");
    expect(abs).toHaveLength(6);
  });

  it("monthly last weekday and day 31 clamped to the month end", () => {
    expect(
      expand({ type: "monthly", week: "last", dayOfWeek: "friday" }, "2026-01-01", "2026-03-31"),
    ).toEqual(["2026-01-30", "2026-02-27", "2026-03-27"]);
    expect(expand({ type: "monthly", day: 31 }, "2026-01-01", "2026-04-30")).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
    ]);
  });

  it("yearly absolute and relative; Feb 29 only in leap years", () => {
    expect(expand({ type: "yearly", month: 2, day: 1, occurrences: 3 }, "2005-01-01", "2099-12-31")).toEqual([
      "2005-02-01",
      "2006-02-01",
      "2007-02-01",
    ]);
    const rel = expand(
      { type: "yearly", month: 3, week: "first", dayOfWeek: "tuesday", occurrences: 4 },
      "2004-01-01",
      "2099-12-31",
    );
    expect(rel.at(-1)).toBe("2007-03-06");
    expect(expand({ type: "yearly", month: 2, day: 29 }, "2023-01-01", "2028-12-31")).toEqual([
      "2024-02-29",
      "2028-02-29",
    ]);
  });

  it("occurrences before 'from' are not counted", () => {
    expect(expand({ type: "yearly", month: 1, day: 1, occurrences: 2 }, "2026-06-01", "2099-12-31")).toEqual([
      "2027-01-01",
      "2028-01-01",
    ]);
  });
});
