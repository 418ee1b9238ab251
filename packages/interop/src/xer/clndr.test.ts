import type { CalendarException, DayPattern, WorkingTime } from "@pmokit/core";
import { DAY_NAMES } from "@pmokit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeClndr, serialDayToIso } from "./clndr.js";

describe("serialDayToIso", () => {
  it("gives the date Date gives, for serial days over the years 0001–9999 and beyond", () => {
    const viaDate = (serial: number): string =>
      new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: -693_593, max: 2_958_465 }), (serial) => {
        expect(serialDayToIso(serial)).toBe(viaDate(serial));
      }),
      { numRuns: 20_000 },
    );
    for (const serial of [0, 1, 60, 61, 36_526, 45_658, -693_594, 2_958_466, 3_000_000])
      expect(serialDayToIso(serial)).toBe(viaDate(serial));
    expect(serialDayToIso(45_658)).toBe("2025-01-01");
  });
});

// A calendar as P6 writes it: the encoder below is the test's own, written from the format's
// description (days 1..7 = Sunday..Saturday, exception dates as serial days, times `s`/`f`), with
// the variations P6 and other writers produce: compact or pretty-printed (spaces, CR LF, DEL),
// `s|…|f|…` or `f|…|s|…`, `8:00` or `08:00`, midnight finish as `00:00` or `24:00`, extra nodes.

interface Spec {
  days: (WorkingTime[] | undefined)[];
  exceptions: { serial: number; times: WorkingTime[] }[];
  pretty: boolean;
  finishFirst: boolean;
  shortHours: boolean;
  midnightAsZero: boolean;
  view: boolean;
}

const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

const timesArb = fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 }).map((xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const out: WorkingTime[] = [];
  for (let i = 0; i + 1 < s.length; i += 2) out.push({ from: hhmm(s[i]!), to: hhmm(s[i + 1]!) });
  return out;
});

const specArb: fc.Arbitrary<Spec> = fc.record({
  days: fc.array(fc.option(timesArb, { nil: undefined }), { minLength: 7, maxLength: 7 }),
  exceptions: fc.array(fc.record({ serial: fc.integer({ min: 0, max: 2_958_465 }), times: timesArb }), {
    maxLength: 12,
  }),
  pretty: fc.boolean(),
  finishFirst: fc.boolean(),
  shortHours: fc.boolean(),
  midnightAsZero: fc.boolean(),
  view: fc.boolean(),
});

function encode(spec: Spec, shuffle: (n: number) => number[]): string {
  const gap = spec.pretty ? "\u007f\u007f\r\n  " : "";
  const time = (t: string, finish: boolean): string => {
    if (finish && t === "24:00" && spec.midnightAsZero) return "00:00";
    return spec.shortHours && t.startsWith("0") ? t.slice(1) : t;
  };
  const ranges = (times: readonly WorkingTime[]): string =>
    // Ranges in any order: the decoder sorts them.
    shuffle(times.length)
      .map((i, k) => {
        const t = times[i]!;
        const s = `s|${time(t.from, false)}`;
        const f = `f|${time(t.to, true)}`;
        return `${gap}(0||${k}(${spec.finishFirst ? `${f}|${s}` : `${s}|${f}`})())`;
      })
      .join("");
  const days = spec.days
    .map((t, i) => (t === undefined ? "" : `${gap}(0||${i + 1}()(${ranges(t)}))`))
    .join("");
  const exceptions = spec.exceptions
    .map((e, i) => `${gap}(0||${i}(d|${e.serial})(${ranges(e.times)}))`)
    .join("");
  const view = spec.view ? `${gap}(0||VIEW(ShowTotal|Y)())` : "";
  return `(0||CalendarData()(${gap}(0||DaysOfWeek()(${days}))${view}${gap}(0||Exceptions()(${exceptions}))))`;
}

describe("decodeClndr", () => {
  it("decodes weeks, exceptions (serial days from 1899-12-30) and partial working days", () => {
    const blob =
      "(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(f|12:00|s|08:00)())(0||1(f|17:00|s|13:00)())))(0||7()((0||0(s|22:00|f|00:00)())))))(0||Exceptions()((0||0(d|44049)())(0||1(d|44050)((0||0(f|12:00|s|8:00)())))))))";
    const d = decodeClndr(blob)!;
    expect(d.weekDays.sunday).toEqual({ working: false });
    expect(d.weekDays.monday).toEqual({
      working: true,
      times: [
        { from: "08:00", to: "12:00" },
        { from: "13:00", to: "17:00" },
      ],
    });
    expect(d.weekDays.saturday).toEqual({ working: true, times: [{ from: "22:00", to: "24:00" }] });
    expect(d.exceptions).toEqual([
      { from: "2020-08-06", to: "2020-08-06", working: false },
      { from: "2020-08-07", to: "2020-08-07", working: true, times: [{ from: "08:00", to: "12:00" }] },
    ]);
    expect(d.problems).toEqual([]);
  });

  it("reads back every calendar the encoder writes, in every layout (property)", () => {
    fc.assert(
      fc.property(specArb, fc.integer(), (spec, seed) => {
        // A deterministic shuffle per case.
        let x = seed | 0 || 1;
        const shuffle = (n: number): number[] => {
          const idx = Array.from({ length: n }, (_, i) => i);
          for (let i = n - 1; i > 0; i--) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            const j = Math.abs(x) % (i + 1);
            [idx[i], idx[j]] = [idx[j]!, idx[i]!];
          }
          return idx;
        };
        const d = decodeClndr(encode(spec, shuffle));
        expect(d).toBeDefined();
        const weekDays: Record<string, DayPattern> = {};
        spec.days.forEach((t, i) => {
          if (t !== undefined)
            weekDays[DAY_NAMES[i]!] = t.length === 0 ? { working: false } : { working: true, times: t };
        });
        const exceptions: CalendarException[] = spec.exceptions
          .map((e) => {
            const date = serialDayToIso(e.serial);
            return e.times.length === 0
              ? { from: date, to: date, working: false }
              : { from: date, to: date, working: true, times: e.times };
          })
          .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
        expect(d!.weekDays).toStrictEqual(weekDays);
        expect(d!.exceptions).toStrictEqual(exceptions);
        expect(d!.problems).toEqual([]);
      }),
      { numRuns: 1500, seed: 20261126 },
    );
  });

  it("reports bad entries as problems and drops only them", () => {
    const blob =
      "(0||CalendarData()((0||DaysOfWeek()((0||9()())(0||2()((0||0(s|13:00|f|12:00)())))(0||3()((0||0(s|08:00|f|12:00)())(0||1(s|11:00|f|14:00)())))(0||4()((0||0(s|8:00|f|24:30)())))(0||5()((0||0(s|8:00)())))(0||6()((0||0( s | 09:00 | f | 10:00 )())))))(0||Exceptions()((0||0(d|-1)())(0||1(d|x)())(0||2()())(0||3(d|2958466)())(0||4(d|1)((0||0(s|1:00|f|0:30)())))(0||5( d | 2 )()))))))";
    const d = decodeClndr(blob)!;
    expect(d.problems).toEqual([
      "unknown day '9'",
      "invalid working times on day 2",
      "invalid working times on day 3",
      "invalid working times on day 4",
      "invalid working times on day 5",
      "invalid exception date '-1'",
      "invalid exception date 'x'",
      "invalid exception date ''",
      "invalid exception date '2958466'",
      "invalid working times on exception 1899-12-31",
    ]);
    expect(d.weekDays).toStrictEqual({ friday: { working: true, times: [{ from: "09:00", to: "10:00" }] } });
    expect(d.exceptions).toStrictEqual([{ from: "1900-01-01", to: "1900-01-01", working: false }]);
  });

  it("accepts P6's pretty-printed form and returns undefined for text not in the format", () => {
    const pretty =
      "(0||CalendarData()(\u007f\u007f  (0||DaysOfWeek()(\r\n    (0||1()())))\r\n  (0||VIEW(ShowTotal|N)())))";
    expect(decodeClndr(pretty)?.weekDays.sunday).toEqual({ working: false });
    for (const bad of ["(0||CalendarData()(", "nonsense", "", "(", "(0||a()(x))", "(0||a(b|c"])
      expect(decodeClndr(bad)).toBeUndefined();
  });

  it("never throws on truncated or corrupted blobs (property)", () => {
    fc.assert(
      fc.property(specArb, fc.nat(), fc.string({ maxLength: 3 }), (spec, at, junk) => {
        const blob = encode(spec, (n) => Array.from({ length: n }, (_, i) => i));
        const p = at % (blob.length + 1);
        for (const m of [
          blob.slice(0, p),
          blob.slice(0, p) + junk + blob.slice(p),
          blob.slice(0, p) + blob.slice(p + 1),
        ]) {
          const d = decodeClndr(m);
          if (d !== undefined) expect(Array.isArray(d.problems)).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
