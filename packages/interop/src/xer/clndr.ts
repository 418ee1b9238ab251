import type { CalendarException, DayPattern, WeekDays, WorkingTime } from "@pmokit/core";
import { DAY_NAMES } from "@pmokit/core";

// P6's calendar blob (`clndr_data`) is a parenthesised tree:
//
//   (0||CalendarData()(
//     (0||DaysOfWeek()( (0||1()()) (0||2()( (0||0(s|08:00|f|12:00)()) ... )) ... ))
//     (0||VIEW(ShowTotal|Y)())
//     (0||Exceptions()( (0||0(d|41519)()) (0||1(d|41155)( (0||0(s|8:00|f|12:00)()) )) ... ))))
//
// A node is `(`, anything up to `||`, its name up to `(`, its attributes `k|v|k|v` up to `)`, then
// its children in `(` ... `)` and a closing `)`. P6 pretty-prints with spaces, line breaks and DEL
// (0x7F) between nodes. The decoder reads the blob in one pass and builds only the calendar: no
// node tree, no attribute maps. Names, keys and values are compared trimmed, as
// `String.prototype.trim` trims.

const MAX_DEPTH = 32;

/** Whether a character is skipped between nodes: P6 pretty-prints with spaces, line breaks and DEL. */
function isGap(c: number): boolean {
  return c <= 32 || c === 127;
}

/** Whether `String.prototype.trim` removes this character (WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The parse position and the range of the last trimmed token (one parse at a time: synchronous). */
let pos = 0;
let tokFrom = 0;
let tokTo = 0;

/** Sets `tokFrom`/`tokTo` to `[from, to)` trimmed. */
function trimRange(text: string, from: number, to: number): void {
  while (from < to && isTrimmed(text.charCodeAt(from))) from++;
  while (to > from && isTrimmed(text.charCodeAt(to - 1))) to--;
  tokFrom = from;
  tokTo = to;
}

/** Whether the trimmed token is `word`. */
function tokenIs(text: string, word: string): boolean {
  return tokTo - tokFrom === word.length && text.startsWith(word, tokFrom);
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Minutes of the trimmed token as a time `H:mm`/`HH:mm` (0..1440), or -1 when it is not one. A
 * finish of `00:00` means midnight at the end of the day; `24:mm` is valid only as `24:00`.
 */
function tokenMinutes(text: string, isFinish: boolean): number {
  const colon = tokTo - tokFrom - 3;
  if ((colon !== 1 && colon !== 2) || text.charCodeAt(tokFrom + colon) !== 58) return -1;
  const h1 = digit(text, tokFrom);
  const h2 = colon === 2 ? digit(text, tokFrom + 1) : 0;
  const m1 = digit(text, tokFrom + colon + 1);
  const m2 = digit(text, tokFrom + colon + 2);
  if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) return -1;
  const h = colon === 2 ? h1 * 10 + h2 : h1;
  const mi = m1 * 10 + m2;
  if (h > 24 || mi > 59) return -1;
  if (isFinish && h === 0 && mi === 0) return 1440;
  if (h === 24) return mi === 0 ? 1440 : -1;
  return h * 60 + mi;
}

/** `HH:mm` of minutes 0..1440 (1440 is `24:00`), built once. */
const HHMM: string[] = [];
function hhmm(minutes: number): string {
  if (HHMM.length === 0)
    for (let m = 0; m <= 1440; m++) {
      const h = Math.floor(m / 60);
      const mi = m % 60;
      HHMM.push(`${h < 10 ? "0" : ""}${h}:${mi < 10 ? "0" : ""}${mi}`);
    }
  return HHMM[minutes]!;
}

/** What a node is to the decoder, from its parent and name. */
const Kind = {
  /** The outermost node (`CalendarData`). */
  Top: 0,
  /** A child of the outermost node. */
  Root: 1,
  /** Anything the decoder does not read, and its subtree. */
  Skip: 2,
  /** The first `DaysOfWeek` child of the outermost node. */
  Week: 3,
  Day: 4,
  /** The first `Exceptions` child of the outermost node. */
  Exceptions: 5,
  Exception: 6,
  /** A working time range: a child of a day or an exception. */
  Time: 7,
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** Working time ranges of the day or exception being read, as minute pairs (`spansBad`: one was invalid). */
const spans: number[] = [];
let spansBad = false;

/** The decoder's output while it runs. */
interface Out {
  weekDays: Record<string, DayPattern>;
  exceptions: CalendarException[];
  dayProblems: string[];
  exceptionProblems: string[];
  seenWeek: boolean;
  seenExceptions: boolean;
}

/** Attribute values of the node being read: `[from, to)` of the last `s`, `f` and `d` (-1 when absent). */
let sFrom = -1;
let sTo = -1;
let fFrom = -1;
let fTo = -1;
let dFrom = -1;
let dTo = -1;

/**
 * Reads the attributes `k|v|k|v` in `[from, to)` in one pass and records where the values of the
 * keys `s`, `f` and `d` are (the last one when a key repeats; an odd trailing key has no value).
 */
function readAttrs(text: string, from: number, to: number): void {
  sFrom = sTo = fFrom = fTo = dFrom = dTo = -1;
  if (to === from) return;
  let a = from;
  let isKey = true;
  let key = 0;
  for (let p = from; ; p++) {
    if (p < to && text.charCodeAt(p) !== 124) continue;
    if (isKey) {
      trimRange(text, a, p);
      key = tokTo - tokFrom === 1 ? text.charCodeAt(tokFrom) : 0;
    } else if (key === 115) {
      sFrom = a;
      sTo = p;
    } else if (key === 102) {
      fFrom = a;
      fTo = p;
    } else if (key === 100) {
      dFrom = a;
      dTo = p;
    }
    isKey = !isKey;
    if (p >= to) return;
    a = p + 1;
  }
}

/** Working times from `spans` (sorted by start), or `undefined` when invalid or overlapping. */
function takeTimes(): WorkingTime[] | undefined {
  if (spansBad) return undefined;
  const n = spans.length / 2;
  if (n > 1) {
    // Usually one to three ranges, already in order: an insertion sort by start keeps the input
    // order of equal starts, like a stable sort.
    for (let i = 1; i < n; i++) {
      const f = spans[2 * i]!;
      const t = spans[2 * i + 1]!;
      let j = i - 1;
      while (j >= 0 && spans[2 * j]! > f) {
        spans[2 * j + 2] = spans[2 * j]!;
        spans[2 * j + 3] = spans[2 * j + 1]!;
        j--;
      }
      spans[2 * j + 2] = f;
      spans[2 * j + 3] = t;
    }
    for (let i = 1; i < n; i++) if (spans[2 * i]! < spans[2 * i - 1]!) return undefined;
  }
  const out: WorkingTime[] = [];
  for (let i = 0; i < n; i++) out.push({ from: hhmm(spans[2 * i]!), to: hhmm(spans[2 * i + 1]!) });
  return out;
}

/**
 * Reads the node at `pos` (which holds `(`) with the given parent kind, and its subtree. Returns
 * false when the text is not in the format.
 */
function readNode(text: string, depth: number, parent: Kind, out: Out): boolean {
  if (depth > MAX_DEPTH || text.charCodeAt(pos) !== 40) return false;
  // The header `(…||name(attrs)`, scanned by hand: nodes are short and many.
  const n = text.length;
  let p = pos + 1;
  while (p + 1 < n && !(text.charCodeAt(p) === 124 && text.charCodeAt(p + 1) === 124)) p++;
  if (p + 1 >= n) return false;
  const bars = p;
  p += 2;
  while (p < n && text.charCodeAt(p) !== 40) p++;
  if (p >= n) return false;
  const open = p;
  while (p < n && text.charCodeAt(p) !== 41) p++;
  if (p >= n) return false;
  const close = p;
  let kind: Kind = Kind.Skip;
  let serial = 0;
  let dayNumber = 0;
  let problem: string | undefined;
  switch (parent) {
    case Kind.Top:
      kind = Kind.Root;
      break;
    case Kind.Root:
      trimRange(text, bars + 2, open);
      if (!out.seenWeek && tokenIs(text, "DaysOfWeek")) {
        out.seenWeek = true;
        kind = Kind.Week;
      } else if (!out.seenExceptions && tokenIs(text, "Exceptions")) {
        out.seenExceptions = true;
        kind = Kind.Exceptions;
      }
      break;
    case Kind.Week: {
      kind = Kind.Day;
      dayNumber = Number(text.slice(bars + 2, open));
      if (!Number.isInteger(dayNumber) || dayNumber < 1 || dayNumber > 7)
        problem = `unknown day '${text.slice(bars + 2, open).trim()}'`;
      spans.length = 0;
      spansBad = false;
      break;
    }
    case Kind.Exceptions: {
      kind = Kind.Exception;
      readAttrs(text, open + 1, close);
      serial = -1;
      if (dFrom >= 0) {
        trimRange(text, dFrom, dTo);
        serial = Number(text.slice(tokFrom, tokTo));
      }
      if (!Number.isInteger(serial) || serial < 0 || serial > 2_958_465)
        problem = `invalid exception date '${dFrom >= 0 ? text.slice(tokFrom, tokTo) : ""}'`;
      spans.length = 0;
      spansBad = false;
      break;
    }
    case Kind.Day:
    case Kind.Exception: {
      kind = Kind.Time;
      readAttrs(text, open + 1, close);
      let from = -1;
      let to = -1;
      if (sFrom >= 0 && fFrom >= 0) {
        trimRange(text, sFrom, sTo);
        from = tokenMinutes(text, false);
        trimRange(text, fFrom, fTo);
        to = tokenMinutes(text, true);
      }
      if (from < 0 || to < 0 || from >= to) spansBad = true;
      else spans.push(from, to);
      break;
    }
    default:
      break;
  }
  pos = close + 1;
  if (text.charCodeAt(pos) !== 40) return false;
  pos++;
  while (pos < n && isGap(text.charCodeAt(pos))) pos++;
  while (pos < n && text.charCodeAt(pos) === 40) {
    if (!readNode(text, depth + 1, kind === Kind.Time ? Kind.Skip : kind, out)) return false;
    while (pos < n && isGap(text.charCodeAt(pos))) pos++;
  }
  if (text.charCodeAt(pos) !== 41 || text.charCodeAt(pos + 1) !== 41) return false;
  pos += 2;
  if (kind === Kind.Day) {
    if (problem !== undefined) out.dayProblems.push(problem);
    else {
      const t = takeTimes();
      if (t === undefined) out.dayProblems.push(`invalid working times on day ${dayNumber}`);
      else
        out.weekDays[DAY_NAMES[dayNumber - 1]!] =
          t.length === 0 ? { working: false } : { working: true, times: t };
    }
  } else if (kind === Kind.Exception) {
    if (problem !== undefined) out.exceptionProblems.push(problem);
    else {
      const date = serialDayToIso(serial);
      const t = takeTimes();
      if (t === undefined) out.exceptionProblems.push(`invalid working times on exception ${date}`);
      else {
        out.exceptions.push(
          t.length === 0
            ? { from: date, to: date, working: false }
            : { from: date, to: date, working: true, times: t },
        );
      }
    }
  }
  return true;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** Serial day (days since 1899-12-30) → ISO date. */
export function serialDayToIso(serial: number): string {
  // Civil date from a day count (days since 1970-01-01), without a Date object per exception day.
  const z = Math.floor(serial) - 25_569 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999 || !Number.isFinite(serial))
    return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  return `${y >= 1000 ? y : String(y).padStart(4, "0")}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

/** Calendar content decoded from `clndr_data`, with problems found. */
export interface DecodedClndr {
  weekDays: WeekDays;
  exceptions: CalendarException[];
  problems: string[];
}

/**
 * Decodes the week and exceptions of a P6 calendar blob. Days 1..7 are Sunday..Saturday; a day
 * without time ranges is non-working. Exception dates are serial day numbers from 1899-12-30; an
 * exception without times is a non-working day, with times a working day.
 */
export function decodeClndr(text: string): DecodedClndr | undefined {
  pos = text.indexOf("(");
  if (pos < 0) return undefined;
  const out: Out = {
    weekDays: {},
    exceptions: [],
    dayProblems: [],
    exceptionProblems: [],
    seenWeek: false,
    seenExceptions: false,
  };
  if (!readNode(text, 0, Kind.Top, out)) return undefined;
  // By date (ISO dates sort as text); the sort is stable, so equal dates keep their order.
  out.exceptions.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return {
    weekDays: out.weekDays as WeekDays,
    exceptions: out.exceptions,
    problems: out.dayProblems.concat(out.exceptionProblems),
  };
}
