// Internal: ISO date / local date-time strings to fractional day numbers (days since 1970-01-01,
// no time zone: the strings are local wall-clock values) and calendar ticks for time axes.
import { PmokitError } from "@pmokit/core/errors";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** Days since 1970-01-01 (with the time of day as a fraction) of `YYYY-MM-DD[THH:mm[:ss]]`. */
export function dayNumber(value: string, path = "date"): number {
  const m = ISO.exec(value);
  if (!m) {
    throw new PmokitError(
      "INVALID_INPUT",
      `${path}: expected YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss, got '${value}'`,
      {
        path,
        expected: "YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss",
        received: value,
      },
    );
  }
  const ms = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
  );
  return ms / 86_400_000;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  return new Date(Math.floor(day) * 86_400_000).toISOString().slice(0, 10);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Calendar ticks between two day numbers: weekly (Mondays), monthly or quarterly, with labels. */
export function timeTicks(lo: number, hi: number, maxTicks = 12): { day: number; label: string }[] {
  const span = hi - lo;
  const out: { day: number; label: string }[] = [];
  if (span <= maxTicks * 7) {
    // Mondays (1970-01-01 was a Thursday: day 4 is the first Monday).
    let d = Math.ceil((lo - 4) / 7) * 7 + 4;
    for (; d <= hi; d += 7) {
      const iso = isoDay(d);
      out.push({ day: d, label: `${iso.slice(8, 10)} ${MONTHS[Number(iso.slice(5, 7)) - 1]}` });
    }
    return out;
  }
  const stepMonths = span <= maxTicks * 31 ? 1 : span <= maxTicks * 92 ? 3 : 12;
  const start = new Date(Math.floor(lo) * 86_400_000);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  m = Math.ceil(m / stepMonths) * stepMonths;
  for (;;) {
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
    const d = Date.UTC(y, m, 1) / 86_400_000;
    if (d > hi) break;
    if (d >= lo)
      out.push({ day: d, label: stepMonths === 12 ? String(y) : `${MONTHS[m]} ${String(y).slice(2)}` });
    m += stepMonths;
  }
  return out;
}
