const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two ASCII digits at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12); integer arithmetic only. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Epoch minutes of `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss` parsed by hand (no
 * regular expression, no `Date`), or NaN when the string has another form or is not a valid date:
 * the caller then falls back to `toEpochMinute`, which accepts the other forms and throws the
 * error. Gives the same value as `toEpochMinute` on every string it accepts.
 */
export function fastEpochMinute(s: string): number {
  const len = s.length;
  if (len !== 10 && len !== 16 && len !== 19) return Number.NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN; // '-'
  const hi = two(s, 0);
  const lo = two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  // Years below 100 are left to toEpochMinute (which rejects them).
  if (hi < 1 || lo < 0 || mo < 1 || mo > 12 || d < 1) return Number.NaN;
  const y = hi * 100 + lo;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!)) return Number.NaN;
  let minute = 0;
  if (len > 10) {
    if (s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return Number.NaN; // 'T', ':'
    const h = two(s, 11);
    const mi = two(s, 14);
    if (h < 0 || h > 23 || mi < 0 || mi > 59) return Number.NaN;
    if (len === 19 && (s.charCodeAt(16) !== 58 || two(s, 17) < 0)) return Number.NaN;
    minute = h * 60 + mi;
  }
  return daysFromCivil(y, mo, d) * 1440 + minute;
}
