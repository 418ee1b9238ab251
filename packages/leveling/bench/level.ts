// Leveling of real projects, side by side with TaskJuggler (tj3) in one run: generated portfolios
// (P projects x T tasks sharing a pool of N people, standard calendar), finish date and wall time of
// pmokit Standard leveling, pmokit optimize, and tj3 on the same data.
//
//   pnpm -C packages/leveling bench:level -- [--projects 10] [--tasks 100] [--people 40] [--seeds 1,2,3]
//        [--runs 5] [--schedules 200] [--tj-runs 3] [--warmup 10] [--no-tj]
//
// tj3: `flock /tmp/pmokit-apt.lock apt-get install -y tj3`. Without it, only pmokit runs.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Portfolio } from "@pmokit/core";
import { parsePortfolio, standardCalendar } from "@pmokit/core";
import { levelPortfolio, optimizePortfolioLeveling } from "../src/index.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/** mulberry32: the generator's own seeded PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface GenTask {
  id: string;
  days: number;
  person: number;
  preds: string[];
}

/** P projects x T tasks, each task one person at 100 %, 0-2 FS predecessors inside its project. */
function generate(
  P: number,
  T: number,
  N: number,
  seed: number,
): { portfolio: Portfolio; tasks: GenTask[][] } {
  const r = rng(seed);
  const all: GenTask[][] = [];
  for (let p = 0; p < P; p++) {
    const list: GenTask[] = [];
    // Each project mostly uses a team of 8 people plus a few shared experts.
    const team = Array.from({ length: 8 }, () => Math.floor(r() * N));
    for (let t = 0; t < T; t++) {
      const preds = new Set<string>();
      if (t > 0) {
        const k = r() < 0.15 ? 0 : r() < 0.6 ? 1 : 2;
        for (let i = 0; i < k; i++) preds.add(`t${Math.max(0, t - 1 - Math.floor(r() * 8))}`);
      }
      const person = r() < 0.8 ? team[Math.floor(r() * team.length)]! : Math.floor(r() * N);
      list.push({ id: `t${t}`, days: 1 + Math.floor(r() * 10), person, preds: [...preds] });
    }
    all.push(list);
  }
  const start = "2026-01-05T08:00:00";
  const portfolio = parsePortfolio({
    id: "pf",
    name: "Generated",
    currency: "EUR",
    calendars: [standardCalendar("standard")],
    sharedResources: Array.from({ length: N }, (_, i) => ({ id: `r${i}`, name: `Person ${i}` })),
    projects: all.map((list, p) => ({
      id: `p${p}`,
      name: `Project ${p}`,
      priority: 500 + ((p * 37) % 400),
      settings: { currency: "EUR", defaultCalendarId: "standard", startDate: start },
      tasks: list.map((t) => ({ id: t.id, name: t.id, duration: { value: t.days, unit: "days" } })),
      dependencies: list.flatMap((t) => t.preds.map((f) => ({ from: f, to: t.id }))),
      assignments: list.map((t) => ({ id: `a${t.id}`, taskId: t.id, resourceId: `r${t.person}` })),
    })),
  });
  return { portfolio, tasks: all };
}

/** The same portfolio as a TaskJuggler project (Mon-Fri 08-12, 13-17, hourly resolution). */
function toTjp(pf: Portfolio, tasks: GenTask[][]): string {
  const out: string[] = [];
  out.push('project pf "Generated" 2026-01-05 +6y {');
  out.push('  timezone "UTC"');
  out.push("  timingresolution 60min");
  out.push("  dailyworkinghours 8");
  out.push("  workinghours mon - fri 8:00 - 12:00, 13:00 - 17:00");
  out.push("  workinghours sat, sun off");
  out.push("}");
  for (const r of pf.sharedResources) out.push(`resource ${r.id} "${r.name}"`);
  pf.projects.forEach((p, i) => {
    out.push(`task ${p.id} "${p.name}" {`);
    out.push(`  priority ${p.priority}`);
    out.push("  start 2026-01-05-08:00");
    for (const t of tasks[i]!) {
      const deps = t.preds.length > 0 ? ` depends ${t.preds.map((d) => `!${d}`).join(", ")}` : "";
      out.push(`  task ${t.id} "${t.id}" { effort ${t.days}d allocate r${t.person}${deps} }`);
    }
    out.push("}");
  });
  out.push('taskreport "out" { formats csv columns id, end timeformat "%Y-%m-%dT%H:%M" hideresource 1 }');
  return out.join("\n");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function days(a: string, b: string): number {
  return (Date.parse(`${b}Z`) - Date.parse(`${a}Z`)) / 86_400_000;
}

const P = Number(arg("projects", "10"));
const T = Number(arg("tasks", "100"));
const N = Number(arg("people", "40"));
const seeds = arg("seeds", "1,2,3").split(",").map(Number);
const runs = Number(arg("runs", "5"));
const schedules = Number(arg("schedules", "200"));
const useTj = !process.argv.includes("--no-tj") && spawnSync("tj3", ["--version"]).status === 0;

console.log(
  `Leveling benchmark: ${P} projects x ${T} tasks, ${N} people; node ${process.version}, ${cpus()[0]?.model ?? "?"}; ` +
    `tj3 ${useTj ? execFileSync("tj3", ["--version"]).toString().trim().split("\n")[0] : "not installed"}`,
);
console.log(
  "| seed | pre-leveling finish | Standard finish | Standard + splits finish | optimize + splits finish | tj3 finish | Standard ms (wall / CPU) | splits ms (wall / CPU) | optimize ms | tj3 ms (wall / CPU) | speed-up Standard (wall / CPU) | speed-up splits (wall / CPU) | Standard vs tj3 (days) | splits vs tj3 | optimize vs tj3 | load avg |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");

/** Median wall and CPU milliseconds of `runs` calls after three warm-ups; returns the last result. */
function timed<T>(f: () => T): { result: T; wall: number; cpu: number } {
  let result = f();
  for (let i = 0; i < 2; i++) result = f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { result, wall: median(wall), cpu: median(cpu) };
}

const tjRuns = Number(arg("tj-runs", "3"));
// Warm the JIT up once (an embedding application levels many times); the first, cold call is
// reported separately.
{
  const { portfolio } = generate(P, T, N, seeds[0] ?? 1);
  const t0 = performance.now();
  levelPortfolio(portfolio);
  const cold = performance.now() - t0;
  const warmup = Number(arg("warmup", "10"));
  for (let i = 0; i < warmup; i++) {
    levelPortfolio(portfolio);
    levelPortfolio(portfolio, { allowSplits: true });
  }
  console.log(
    `(first, cold call of levelPortfolio: ${cold.toFixed(0)} ms wall; then ${warmup} warm-up runs per mode)`,
  );
}
for (const seed of seeds) {
  const { portfolio, tasks } = generate(P, T, N, seed);
  const std = timed(() => levelPortfolio(portfolio));
  if (std.result.remainingOverallocations.length > 0) throw new Error(`seed ${seed}: overallocations left`);
  const spl = timed(() => levelPortfolio(portfolio, { allowSplits: true }));
  if (spl.result.remainingOverallocations.length > 0)
    throw new Error(`seed ${seed}: splits left overallocations`);
  const t1 = performance.now();
  const opt = optimizePortfolioLeveling(portfolio, { maxSchedules: schedules, seed, allowSplits: true });
  const optMs = performance.now() - t1;
  if (opt.remainingOverallocations.length > 0) throw new Error(`seed ${seed}: optimize left overallocations`);
  let tjFinish = "-";
  let tjMs = Number.NaN;
  let tjCpu = Number.NaN;
  if (useTj) {
    const dir = mkdtempSync(join(tmpdir(), "pmokit-tj-"));
    writeFileSync(join(dir, "pf.tjp"), toTjp(portfolio, tasks));
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < tjRuns; i++) {
      // `times` prints the CPU time of the shell's children (tj3): user and system, e.g. "0m3.10s 0m0.20s".
      const script = `tj3 --no-color -o '${dir}' '${join(dir, "pf.tjp")}' >/dev/null 2>'${join(dir, "err")}' || exit 1; times`;
      const t2 = performance.now();
      const res = spawnSync("bash", ["-c", script], { encoding: "utf8" });
      walls.push(performance.now() - t2);
      if (res.status !== 0) throw new Error(`tj3 failed: ${readFileSync(join(dir, "err"), "utf8")}`);
      const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(res.stdout.trim());
      if (m) cpus.push((Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000);
    }
    tjMs = median(walls);
    tjCpu = cpus.length > 0 ? median(cpus) : Number.NaN;
    const csv = readFileSync(join(dir, "out.csv"), "utf8").trim().split("\n").slice(1);
    tjFinish = csv.map((l) => l.split(";")[1]!.replace(/"/g, "")).reduce((a, b) => (b > a ? b : a), "");
    tjFinish = `${tjFinish}:00`;
    rmSync(dir, { recursive: true, force: true });
  }
  const ms = (x: { wall: number; cpu: number }): string => `${x.wall.toFixed(0)} / ${x.cpu.toFixed(0)}`;
  const ratio = (x: { wall: number; cpu: number }): string =>
    Number.isNaN(tjMs) ? "-" : `${(tjMs / x.wall).toFixed(0)}x / ${(tjCpu / x.cpu).toFixed(0)}x`;
  const vsTj = (f: string): string => (useTj ? days(tjFinish, f).toFixed(1) : "-");
  console.log(
    `| ${seed} | ${std.result.preLevelingFinish.slice(0, 16)} | ${std.result.finish.slice(0, 16)} | ` +
      `${spl.result.finish.slice(0, 16)} | ${opt.finish.slice(0, 16)} | ${tjFinish.slice(0, 16)} | ` +
      `${ms(std)} | ${ms(spl)} | ${optMs.toFixed(0)} | ${Number.isNaN(tjMs) ? "-" : `${tjMs.toFixed(0)} / ${tjCpu.toFixed(0)}`} | ` +
      `${ratio(std)} | ${ratio(spl)} | ${vsTj(std.result.finish)} | ${vsTj(spl.result.finish)} | ${vsTj(opt.finish)} | ${loadavg()[0]!.toFixed(1)} |`,
  );
}
