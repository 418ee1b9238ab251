import type { EpochDay } from "../time/local.js";
import { dayOfWeek } from "../time/local.js";
import { DAY_NAMES } from "./primitives.js";
import type { DayName, Recurrence, WeekOfMonth } from "./schema.js";

const WEEK_INDEX: Record<WeekOfMonth, number> = { first: 0, second: 1, third: 2, fourth: 3, last: -1 };

function dayIndex(name: DayName): number {
  return DAY_NAMES.indexOf(name);
}

function epochDayOf(y: number, m0: number, d: number): EpochDay {
  return Math.round(Date.UTC(y, m0, d) / 86_400_000);
}

function daysInMonth(y: number, m0: number): number {
  return new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate();
}

function nthWeekday(y: number, m0: number, week: WeekOfMonth, dow: number): EpochDay {
  const n = WEEK_INDEX[week];
  if (n >= 0) {
    const first = epochDayOf(y, m0, 1);
    return first + ((dow - dayOfWeek(first) + 7) % 7) + 7 * n;
  }
  const last = epochDayOf(y, m0, daysInMonth(y, m0));
  return last - ((dayOfWeek(last) - dow + 7) % 7);
}

/**
 * Expands a recurrence into the epoch days it covers within `[from, to]` (both inclusive), at most
 * `recurrence.occurrences` of them. Follows MS Project: weekly recurrences count weeks from the
 * (Sunday-started) week of `from`; monthly ones count months from the month of `from`; a monthly
 * "day N" is clamped to the month's last day; a yearly Feb 29 only occurs in leap years.
 *
 * @param recurrence - the recurrence pattern
 * @param from - first epoch day of the range
 * @param to - last epoch day of the range
 * @returns the sorted epoch days of the occurrences
 * @example
 * ```ts
 * import { expandRecurrence, toEpochDay, fromEpochDay } from "@pmokit/core";
 * expandRecurrence(
 *   { type: "monthly", interval: 2, week: "first", dayOfWeek: "monday", occurrences: 3 },
 *   toEpochDay("2002-01-01"),
 *   toEpochDay("2002-12-31"),
 * ).map(fromEpochDay); // ["2002-01-07", "2002-03-04", "2002-05-06"]
 * ```
 * @category Calendars
 * @since 0.1.0
 */
export function expandRecurrence(recurrence: Recurrence, from: EpochDay, to: EpochDay): EpochDay[] {
  const out: EpochDay[] = [];
  const max = recurrence.occurrences ?? Number.POSITIVE_INFINITY;
  const step = recurrence.interval;
  const push = (d: EpochDay): boolean => {
    if (d >= from && d <= to) out.push(d);
    return out.length < max;
  };
  switch (recurrence.type) {
    case "daily": {
      for (let d = from; d <= to && out.length < max; d += step) out.push(d);
      return out;
    }
    case "weekly": {
      const days = [...new Set(recurrence.daysOfWeek.map(dayIndex))].sort((a, b) => a - b);
      for (let w = from - dayOfWeek(from); w <= to; w += 7 * step) {
        for (const dow of days) if (!push(w + dow)) return out;
      }
      return out;
    }
    case "monthly": {
      const start = new Date(from * 86_400_000);
      let y = start.getUTCFullYear();
      let m0 = start.getUTCMonth();
      for (;;) {
        if (epochDayOf(y, m0, 1) > to) return out;
        const d =
          "day" in recurrence
            ? epochDayOf(y, m0, Math.min(recurrence.day, daysInMonth(y, m0)))
            : nthWeekday(y, m0, recurrence.week, dayIndex(recurrence.dayOfWeek));
        if (!push(d)) return out;
        m0 += step;
        y += Math.floor(m0 / 12);
        m0 %= 12;
      }
    }
    case "yearly": {
      const m0 = recurrence.month - 1;
      for (let y = new Date(from * 86_400_000).getUTCFullYear(); ; y += step) {
        if (epochDayOf(y, 0, 1) > to) return out;
        if ("day" in recurrence) {
          if (recurrence.day > daysInMonth(y, m0)) continue;
          if (!push(epochDayOf(y, m0, recurrence.day))) return out;
        } else if (!push(nthWeekday(y, m0, recurrence.week, dayIndex(recurrence.dayOfWeek)))) {
          return out;
        }
      }
    }
  }
}
