import type { CalendarException, DayPattern, WeekDays, WorkingTime } from "@pmokit/core";
import { DAY_NAMES } from "@pmokit/core";

/** A node of P6's parenthesised calendar format: `(0||name(k|v|k|v)(children...))`. */
export interface ClndrNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: ClndrNode[];
}

const MAX_DEPTH = 32;

/**
 * Parses the `clndr_data` blob of an XER `CALENDAR` row into a node tree.
 * Returns `undefined` when the text is not in the expected format (callers warn and fall back).
 */
export function parseClndrTree(text: string): ClndrNode | undefined {
  let i = 0;
  const n = text.length;
  // P6 pretty-prints the blob with spaces, line breaks and DEL (0x7F) characters between nodes.
  const skip = (): void => {
    while (i < n && (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 127)) i++;
  };
  const node = (depth: number): ClndrNode | undefined => {
    if (depth > MAX_DEPTH || text.charCodeAt(i) !== 40) return undefined;
    i++;
    const bars = text.indexOf("||", i);
    if (bars < 0) return undefined;
    i = bars + 2;
    const open = text.indexOf("(", i);
    if (open < 0) return undefined;
    const name = text.slice(i, open);
    const closeAttrs = text.indexOf(")", open);
    if (closeAttrs < 0) return undefined;
    const parts = text.slice(open + 1, closeAttrs).split("|");
    const attrs: Record<string, string> = {};
    for (let k = 0; k + 1 < parts.length; k += 2) attrs[parts[k]!.trim()] = parts[k + 1]!.trim();
    i = closeAttrs + 1;
    if (text.charCodeAt(i) !== 40) return undefined;
    i++;
    const kids: ClndrNode[] = [];
    skip();
    while (i < n && text.charCodeAt(i) === 40) {
      const c = node(depth + 1);
      if (!c) return undefined;
      kids.push(c);
      skip();
    }
    if (text.charCodeAt(i) !== 41) return undefined;
    i++;
    if (text.charCodeAt(i) !== 41) return undefined;
    i++;
    return { name: name.trim(), attrs, children: kids };
  };
  while (i < n && text.charCodeAt(i) !== 40) i++;
  return node(0);
}

/** `H:mm`/`HH:mm` → `HH:mm`; a finish of `00:00` means midnight at the end of the day. */
function time(v: string | undefined, isFinish: boolean): string | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{1,2}):(\d{2})$/.exec(v);
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (h > 24 || mi > 59) return undefined;
  if (isFinish && h === 0 && mi === 0) return "24:00";
  if (h === 24) return mi === 0 ? "24:00" : undefined;
  return `${String(h).padStart(2, "0")}:${m[2]}`;
}

function toMinutes(t: string): number {
  return t === "24:00" ? 1440 : Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
}

function times(nodes: readonly ClndrNode[]): WorkingTime[] | undefined {
  const out: WorkingTime[] = [];
  for (const c of nodes) {
    const from = time(c.attrs["s"], false);
    const to = time(c.attrs["f"], true);
    if (from === undefined || to === undefined) return undefined;
    if (toMinutes(from) >= toMinutes(to)) return undefined;
    out.push({ from, to });
  }
  out.sort((a, b) => toMinutes(a.from) - toMinutes(b.from));
  for (let k = 1; k < out.length; k++)
    if (toMinutes(out[k]!.from) < toMinutes(out[k - 1]!.to)) return undefined;
  return out;
}

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
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
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
  const root = parseClndrTree(text);
  if (!root) return undefined;
  const problems: string[] = [];
  const weekDays: Record<string, DayPattern> = {};
  const exceptions: CalendarException[] = [];
  const find = (n: ClndrNode, name: string): ClndrNode | undefined => n.children.find((c) => c.name === name);
  const dow = find(root, "DaysOfWeek");
  if (dow) {
    for (const d of dow.children) {
      const k = Number(d.name);
      if (!Number.isInteger(k) || k < 1 || k > 7) {
        problems.push(`unknown day '${d.name}'`);
        continue;
      }
      const t = times(d.children);
      if (t === undefined) {
        problems.push(`invalid working times on day ${k}`);
        continue;
      }
      weekDays[DAY_NAMES[k - 1]!] = t.length === 0 ? { working: false } : { working: true, times: t };
    }
  }
  const exc = find(root, "Exceptions");
  if (exc) {
    for (const e of exc.children) {
      const serial = Number(e.attrs["d"]);
      if (!Number.isInteger(serial) || serial < 0 || serial > 2_958_465) {
        problems.push(`invalid exception date '${e.attrs["d"] ?? ""}'`);
        continue;
      }
      const date = serialDayToIso(serial);
      const t = times(e.children);
      if (t === undefined) {
        problems.push(`invalid working times on exception ${date}`);
        continue;
      }
      exceptions.push(
        t.length === 0
          ? { from: date, to: date, working: false }
          : { from: date, to: date, working: true, times: t },
      );
    }
  }
  exceptions.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { weekDays: weekDays as WeekDays, exceptions, problems };
}
