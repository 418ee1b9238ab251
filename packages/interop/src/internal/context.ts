import type { Money } from "@pmokit/core";
import type { ReadWarning } from "../warnings.js";
import { LineIndex } from "./text.js";

/** Collects warnings, aggregating repeated ones by code + element + message. */
export class WarningSink {
  readonly list: ReadWarning[] = [];
  /** Aggregated warnings by element, then by code and message (no key string built per call). */
  private readonly agg = new Map<
    string,
    { code: string; message: string; w: ReadWarning; count: number; index: number }[]
  >();
  private readonly lines: LineIndex | undefined;
  constructor(input?: string) {
    this.lines = input === undefined ? undefined : new LineIndex(input);
  }
  lineOf(offset: number | undefined): number | undefined {
    return offset === undefined || !this.lines ? undefined : this.lines.line(offset);
  }
  /** Adds one warning. */
  add(w: ReadWarning): void {
    this.list.push(w);
  }
  /** Adds a warning at a text offset. */
  at(
    code: string,
    message: string,
    offset: number | undefined,
    extra: { path?: string; element?: string } = {},
  ): void {
    const line = this.lineOf(offset);
    this.list.push({ code, message, ...(line === undefined ? {} : { line }), ...extra });
  }
  /** Adds or counts a warning that may repeat (first location kept, `count` incremented). */
  aggregate(code: string, element: string, message: string, offset: number | undefined, path?: string): void {
    let list = this.agg.get(element);
    if (list === undefined) this.agg.set(element, (list = []));
    for (const hit of list)
      if (hit.code === code && hit.message === message) {
        hit.count++;
        return;
      }
    const line = this.lineOf(offset);
    const w: ReadWarning = {
      code,
      message,
      element,
      ...(line === undefined ? {} : { line }),
      ...(path === undefined ? {} : { path }),
    };
    list.push({ code, message, w, count: 1, index: this.list.length });
    this.list.push(w);
  }
  /** Final list with aggregated counts. */
  done(): ReadWarning[] {
    for (const list of this.agg.values())
      for (const { w, count, index } of list) {
        if (count > 1) this.list[index] = { ...w, count, message: `${w.message} (${count} times)` };
      }
    return this.list;
  }
}

const DEC = /^-?\d+(?:\.\d+)?$/;

/**
 * True when `s` is already a normalised decimal: optional `-` (not on zero), digits without leading
 * zeros, optionally `.` and digits not ending in 0. The common case of every reader, checked without
 * a regular expression.
 */
function isNormDecimal(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const d0 = i;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  const intLen = i - d0;
  if (intLen === 0 || (intLen > 1 && s.charCodeAt(d0) === 48)) return false;
  if (i === n) return !(d0 === 1 && intLen === 1 && s.charCodeAt(1) === 48);
  if (s.charCodeAt(i) !== 46 || i + 1 === n || s.charCodeAt(n - 1) === 48) return false;
  for (let k = i + 1; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Normalises a decimal string: no exponent, no trailing zeros after the point, no leading zeros. */
export function normDecimal(s: string): string | undefined {
  return isNormDecimal(s) ? s : normDecimalGeneral(s);
}

/** {@link normDecimal} without its fast path (exported for the test that compares the two). */
export function normDecimalGeneral(s: string): string | undefined {
  let t = s.trim();
  if (/^[+-]?\d*\.?\d+(?:[eE][+-]?\d+)?$/.test(t) && /[eE]/.test(t)) {
    const n = Number(t);
    if (!Number.isFinite(n)) return undefined;
    t = n.toFixed(10);
  }
  if (t.startsWith("+")) t = t.slice(1);
  if (t.startsWith(".")) t = `0${t}`;
  if (t.startsWith("-.")) t = `-0${t.slice(1)}`;
  if (!DEC.test(t)) return undefined;
  let neg = t.startsWith("-");
  if (neg) t = t.slice(1);
  let [int = "0", frac = ""] = t.split(".");
  int = int.replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  if (int === "0" && frac === "") neg = false;
  return `${neg ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

/** Shifts the decimal point of a decimal string by `places` (positive = multiply by 10^places). */
export function shiftDecimal(s: string, places: number): string {
  const n = normDecimal(s);
  if (n === undefined) return s;
  if (n === "0") return n;
  if (places < 0 && n.indexOf(".") < 0 && n.charCodeAt(0) !== 45 && n.length > -places) {
    // Whole number shifted right (MS Project's cents): split the digits, drop trailing zeros.
    const cut = n.length + places;
    let end = n.length;
    while (end > cut && n.charCodeAt(end - 1) === 48) end--;
    return end === cut ? n.slice(0, cut) : `${n.slice(0, cut)}.${n.slice(cut, end)}`;
  }
  return shiftNormDecimal(n, places) ?? s;
}

/**
 * Shifts a normalised decimal string by `places` (the general path of {@link shiftDecimal}, exported
 * for the test that compares the two).
 */
export function shiftNormDecimal(n: string, places: number): string | undefined {
  const neg = n.startsWith("-");
  const t = neg ? n.slice(1) : n;
  let [int = "0", frac = ""] = t.split(".");
  if (places > 0) {
    frac = frac.padEnd(places, "0");
    int = int + frac.slice(0, places);
    frac = frac.slice(places);
  } else if (places < 0) {
    const p = -places;
    int = int.padStart(p + 1, "0");
    frac = int.slice(int.length - p) + frac;
    int = int.slice(0, int.length - p);
  }
  return normDecimal(`${neg ? "-" : ""}${int}${frac ? `.${frac}` : ""}`);
}

/** Money from a decimal string (after optional shift), or undefined when not a number. */
export function moneyOf(text: string | undefined, currency: string, shift = 0): Money | undefined {
  if (text === undefined) return undefined;
  const n = normDecimal(text);
  if (n === undefined) return undefined;
  return { amount: shift === 0 ? n : shiftDecimal(n, shift), currency };
}

const DT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Value of the two ASCII digits at `i`, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Hand-written check of the canonical form `YYYY-MM-DDTHH:mm:ss` (what MS Project and the model
 * use): true when `s` is exactly that form and a real date-time. The hot path of every reader; no
 * regular expression and no allocation.
 */
export function isCanonicalDateTime(s: string): boolean {
  if (s.length !== 19) return false;
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  if (y1 < 0 || y2 < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84)
    return false;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  const y = y1 * 100 + y2;
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
    return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

/** Normalises a date-time to `YYYY-MM-DDTHH:mm:ss`, or undefined when invalid. */
export function normDateTime(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (isCanonicalDateTime(text)) return text;
  if (text.length === 16) {
    // P6's `yyyy-MM-dd HH:mm` (XER): checked by hand, seconds added.
    const c = text.charCodeAt(10);
    if ((c === 32 || c === 84) && text.charCodeAt(13) === 58) {
      const full = `${text.slice(0, 10)}T${text.slice(11)}:00`;
      if (isCanonicalDateTime(full)) return full;
    }
  }
  const m = DT.exec(text.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return undefined;
  const p = (x: number): string => String(x).padStart(2, "0");
  return `${m[1]}-${m[2]}-${m[3]}T${p(h)}:${p(mi)}:${p(s)}`;
}

/** Whether `o` has an own or inherited enumerable key (without building a key list). */
export function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}
