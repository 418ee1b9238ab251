import type { Duration, DurationSettings, TimeUnit } from "@pmokit/core";

/** MSPDI duration/lag format code → unit (MPXJ `DatatypeConverter.parseDurationTimeUnits`). */
const CODE_TO_UNIT: Record<number, TimeUnit> = {
  3: "minutes",
  4: "elapsedMinutes",
  5: "hours",
  6: "elapsedHours",
  7: "days",
  8: "elapsedDays",
  9: "weeks",
  10: "elapsedWeeks",
  11: "months",
  12: "elapsedMonths",
  19: "percent",
  20: "percent",
  35: "minutes",
  36: "elapsedMinutes",
  37: "hours",
  38: "elapsedHours",
  39: "days",
  40: "elapsedDays",
  41: "weeks",
  42: "elapsedWeeks",
  43: "months",
  44: "elapsedMonths",
  51: "percent",
  52: "percent",
  21: "days",
  53: "days",
};

const UNIT_TO_CODE: Record<TimeUnit, number> = {
  minutes: 3,
  elapsedMinutes: 4,
  hours: 5,
  elapsedHours: 6,
  days: 7,
  elapsedDays: 8,
  weeks: 9,
  elapsedWeeks: 10,
  months: 11,
  elapsedMonths: 12,
  // MSPDI has no year format: years are written as 12 months.
  years: 11,
  elapsedYears: 12,
  percent: 19,
};

/** Unit of an MSPDI format code, or undefined for an unknown code. */
export function unitOfFormat(code: number): TimeUnit | undefined {
  return CODE_TO_UNIT[code];
}

/** Canonical MSPDI format code of a unit. */
export function formatOfUnit(unit: TimeUnit): number {
  return UNIT_TO_CODE[unit];
}

/** Minutes in one unit (working units with the project settings, elapsed units on 24x7 time). */
export function minutesPerUnit(unit: TimeUnit, s: DurationSettings): number {
  switch (unit) {
    case "minutes":
    case "elapsedMinutes":
      return 1;
    case "hours":
    case "elapsedHours":
      return 60;
    case "days":
      return s.minutesPerDay;
    case "weeks":
      return s.minutesPerWeek;
    case "months":
      return s.minutesPerDay * s.daysPerMonth;
    case "years":
      return s.minutesPerDay * s.daysPerMonth * 12;
    case "elapsedDays":
      return 1440;
    case "elapsedWeeks":
      return 10080;
    case "elapsedMonths":
      return 43200;
    case "elapsedYears":
      return 525600;
    case "percent":
      return 1;
  }
}

/** Rounds away binary noise (12 significant decimals). */
export function clean(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return Object.is(r, -0) ? 0 : r;
}

/** A number of minutes as a duration in `unit`. */
export function minutesToDuration(minutes: number, unit: TimeUnit, s: DurationSettings): Duration {
  return { value: clean(minutes / minutesPerUnit(unit, s)), unit };
}

/** Minutes of a (non-percent) duration. */
export function durationMinutes(d: Duration, s: DurationSettings): number {
  return d.value * minutesPerUnit(d.unit, s);
}

const HMS_MARKS = [72, 77, 83]; // H M S

/**
 * Hand-written parser of the form MS Project writes, `PT#H#M#S` with whole numbers (the hot path):
 * minutes, or -1 when `text` is not exactly that form (the general parser then takes over).
 */
function parseHms(text: string): number {
  const n = text.length;
  if (n < 7 || text.charCodeAt(0) !== 80 || text.charCodeAt(1) !== 84) return -1;
  let i = 2;
  let total = 0;
  for (let k = 0; k < 3; k++) {
    let v = 0;
    const start = i;
    let c = text.charCodeAt(i);
    while (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
    if (i === start || i - start > 12 || c !== HMS_MARKS[k]) return -1;
    i++;
    total += k === 0 ? v * 60 : k === 1 ? v : v / 60;
  }
  return i === n ? total : -1;
}

const ISO_DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Minutes of an xsd:duration as MS Project writes it (`PT8H0M0S`; days count as 24 h, which MSPDI
 * does not use for working durations). Returns undefined when the text is not a duration.
 */
export function parseIsoDuration(text: string): number | undefined {
  const fast = parseHms(text);
  if (fast >= 0) return fast;
  const m = ISO_DURATION.exec(text.trim());
  if (!m || text.trim() === "P" || text.trim().endsWith("T")) return undefined;
  const num = (k: number): number => (m[k] === undefined ? 0 : Number(m[k]));
  const minutes =
    num(2) * 525600 + num(3) * 43200 + num(4) * 10080 + num(5) * 1440 + num(6) * 60 + num(7) + num(8) / 60;
  if (!Number.isFinite(minutes)) return undefined;
  return m[1] ? -minutes : minutes;
}

/** Formats minutes as MS Project's `PT#H#M#S` (seconds rounded). */
export function formatIsoDuration(minutes: number): string {
  const neg = minutes < 0;
  let secs = Math.round(Math.abs(minutes) * 60);
  const h = Math.floor(secs / 3600);
  secs -= h * 3600;
  const mi = Math.floor(secs / 60);
  secs -= mi * 60;
  return `${neg ? "-" : ""}PT${h}H${mi}M${secs}S`;
}
