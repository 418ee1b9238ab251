import { PmokitError } from "../errors.js";

/**
 * Minutes since 1970-01-01T00:00 on the project's local clock (no zone, no DST). Schedules compute in
 * these integers; the API speaks local date-times `YYYY-MM-DDTHH:mm:ss`.
 *
 * @category Time
 * @since 0.1.0
 */
export type EpochMinute = number;

/**
 * Days since 1970-01-01 (epoch day 0 is a Thursday).
 *
 * @category Time
 * @since 0.1.0
 */
export type EpochDay = number;

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * Parses an ISO date (`YYYY-MM-DD`) or local date-time (`YYYY-MM-DDTHH:mm[:ss]`) into epoch minutes.
 * Seconds are truncated (schedules are minute-precise).
 *
 * @param value - the date or date-time string
 * @param path - where the value came from, for the error message
 * @throws PmokitError `INVALID_INPUT` when the string is not a valid date(-time)
 * @example
 * ```ts
 * import { toEpochMinute } from "@pmokit/core";
 * toEpochMinute("1970-01-02T08:00:00"); // 1920
 * ```
 * @category Time
 * @since 0.1.0
 */
export function toEpochMinute(value: string, path?: string): EpochMinute {
  const m = LOCAL_RE.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const h = m[4] === undefined ? 0 : Number(m[4]);
    const mi = m[5] === undefined ? 0 : Number(m[5]);
    const ms = Date.UTC(y, mo - 1, d, h, mi);
    const back = new Date(ms);
    if (
      back.getUTCFullYear() === y &&
      back.getUTCMonth() === mo - 1 &&
      back.getUTCDate() === d &&
      h < 24 &&
      mi < 60
    ) {
      return ms / 60_000;
    }
    if (h === 24 && mi === 0) return Date.UTC(y, mo - 1, d) / 60_000 + 1440;
  }
  throw new PmokitError("INVALID_INPUT", `Invalid date-time '${value}'${path ? ` at ${path}` : ""}`, {
    ...(path === undefined ? {} : { path }),
    expected: "YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss",
    received: value,
  });
}

/**
 * Formats epoch minutes as a local date-time `YYYY-MM-DDTHH:mm:ss` (the CLI and MS Project XML format).
 *
 * @example
 * ```ts
 * import { fromEpochMinute } from "@pmokit/core";
 * fromEpochMinute(1920); // "1970-01-02T08:00:00"
 * ```
 * @category Time
 * @since 0.1.0
 */
export function fromEpochMinute(minute: EpochMinute): string {
  return new Date(minute * 60_000).toISOString().slice(0, 19);
}

/**
 * Epoch day of an ISO date `YYYY-MM-DD` (or of the date part of a local date-time).
 *
 * @example
 * ```ts
 * import { toEpochDay } from "@pmokit/core";
 * toEpochDay("1970-01-11"); // 10
 * ```
 * @category Time
 * @since 0.1.0
 */
export function toEpochDay(value: string, path?: string): EpochDay {
  return Math.floor(toEpochMinute(value.slice(0, 10), path) / 1440);
}

/**
 * ISO date `YYYY-MM-DD` of an epoch day.
 *
 * @example
 * ```ts
 * import { fromEpochDay } from "@pmokit/core";
 * fromEpochDay(10); // "1970-01-11"
 * ```
 * @category Time
 * @since 0.1.0
 */
export function fromEpochDay(day: EpochDay): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Day of week of an epoch day: 0 = Sunday … 6 = Saturday (MS Project numbers them 1 … 7).
 *
 * @example
 * ```ts
 * import { dayOfWeek } from "@pmokit/core";
 * dayOfWeek(0); // 4 (Thursday, 1970-01-01)
 * ```
 * @category Time
 * @since 0.1.0
 */
export function dayOfWeek(day: EpochDay): number {
  return (((day + 4) % 7) + 7) % 7;
}
