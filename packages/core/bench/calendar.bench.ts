/**
 * Benchmark: one million `addWorkingMinutes` on a Standard calendar with holidays, against a
 * straightforward day-by-day loop over date-fns on the same inputs. Run with `pnpm -C packages/core bench`.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, isWeekend, startOfDay } from "date-fns";
import { compileCalendar, standardCalendar, toEpochDay, toEpochMinute } from "../src/index.js";
import type { CalendarInput } from "../src/index.js";

const OPS = 1_000_000;
const BASELINE_OPS = 5_000;
const RUNS = 7;
const SEED = 20261126;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Holidays: 10 fixed-date holidays a year (2025–2040) plus a two-week shutdown each summer.
const FIXED: Array<[number, number]> = [
  [1, 1],
  [1, 19],
  [2, 16],
  [5, 25],
  [6, 19],
  [7, 4],
  [9, 7],
  [10, 12],
  [11, 11],
  [12, 25],
];
const holidayDates: string[] = [];
for (let y = 2025; y <= 2040; y++) {
  for (const [mo, d] of FIXED)
    holidayDates.push(`${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  for (let d = 3; d <= 14; d++) holidayDates.push(`${y}-08-${String(d).padStart(2, "0")}`);
}
const calendar: CalendarInput = {
  ...standardCalendar("bench"),
  exceptions: holidayDates.map((d) => ({ name: "Holiday", from: d, to: d, working: false })),
};
const tc0 = performance.now();
const cal = compileCalendar(calendar);
cal.isWorking(toEpochMinute("2026-01-01T00:00")); // builds 35 years of intervals around the first query
const compileMs = performance.now() - tc0;

// Baseline: date-fns, walking day by day and through each day's minute ranges.
const RANGES: Array<[number, number]> = [
  [480, 720],
  [780, 1020],
];
const holidaySet = new Set<number>(holidayDates.map((d) => toEpochDay(d) * 86_400_000));
function baselineAdd(t: number, minutes: number): number {
  let day = startOfDay(new TZDate(t * 60_000, "UTC"));
  let minuteOfDay = t - day.getTime() / 60_000;
  let remaining = minutes;
  for (;;) {
    if (!isWeekend(day) && !holidaySet.has(day.getTime())) {
      for (const [s, e] of RANGES) {
        const from = Math.max(s, minuteOfDay);
        if (from >= e) continue;
        const take = Math.min(e - from, remaining);
        remaining -= take;
        if (remaining === 0) return day.getTime() / 60_000 + from + take;
      }
    }
    day = addDays(day, 1);
    minuteOfDay = 0;
  }
}

// Seeded inputs: starts anywhere in 2026–2034 (minute precision), durations 1 minute … 20 days.
const rnd = mulberry32(SEED);
const T0 = toEpochMinute("2026-01-01T00:00");
const T1 = toEpochMinute("2035-01-01T00:00");
const starts = new Float64Array(OPS);
const durations = new Float64Array(OPS);
for (let i = 0; i < OPS; i++) {
  starts[i] = T0 + Math.floor(rnd() * (T1 - T0));
  durations[i] = 1 + Math.floor(rnd() * 480 * 20);
}

// Correctness: both give the same answers on a sample.
let mismatches = 0;
for (let i = 0; i < 5_000; i++) {
  const a = cal.addWorkingMinutes(starts[i]!, durations[i]!);
  const b = baselineAdd(starts[i]!, durations[i]!);
  if (a !== b) mismatches++;
}
if (mismatches > 0) throw new Error(`pmokit and baseline disagree on ${mismatches} of 5000 samples`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

let sink = 0;
/** Runs `n` operations; returns [wall-clock ns/op, process CPU ns/op]. */
function timeIt(n: number, fn: (t: number, m: number) => number): [number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink += fn(starts[i]!, durations[i]!);
  const wall = ((performance.now() - t0) * 1e6) / n;
  const c = process.cpuUsage(c0);
  return [wall, ((c.user + c.system) * 1e3) / n];
}

// Warm-up (JIT) then interleaved runs.
timeIt(100_000, (t, m) => cal.addWorkingMinutes(t, m));
timeIt(1_000, baselineAdd);
const ours: Array<[number, number]> = [];
const base: Array<[number, number]> = [];
for (let r = 0; r < RUNS; r++) {
  ours.push(timeIt(OPS, (t, m) => cal.addWorkingMinutes(t, m)));
  base.push(timeIt(BASELINE_OPS, baselineAdd));
}
const fmt = (xs: Array<[number, number]>, k: 0 | 1): string => xs.map((x) => x[k].toFixed(1)).join(", ");
const ow = median(ours.map((x) => x[0]));
const oc = median(ours.map((x) => x[1]));
const bw = median(base.map((x) => x[0]));
const bc = median(base.map((x) => x[1]));
console.log(
  `calendar addWorkingMinutes: ${OPS.toLocaleString("en-US")} ops/run (baseline ${BASELINE_OPS.toLocaleString("en-US")}), ${RUNS} runs, seed ${SEED}`,
);
console.log(
  `  sample check: 5,000 results identical; compile + first build (35 years): ${compileMs.toFixed(1)} ms`,
);
console.log(
  `  pmokit (prefix sums + binary search): median ${ow.toFixed(1)} ns/op wall, ${oc.toFixed(1)} ns/op CPU`,
);
console.log(`    wall [${fmt(ours, 0)}]  cpu [${fmt(ours, 1)}]`);
console.log(
  `  date-fns day-by-day loop:             median ${bw.toFixed(0)} ns/op wall, ${bc.toFixed(0)} ns/op CPU`,
);
console.log(`    wall [${fmt(base, 0)}]  cpu [${fmt(base, 1)}]`);
console.log(`  ratio (medians): ${(bw / ow).toFixed(0)}x wall, ${(bc / oc).toFixed(0)}x CPU`);
if (sink === 0.5) console.log(sink);
