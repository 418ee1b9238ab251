// EVM and audit benchmarks (run by `pnpm -C packages/core bench`): computeProjectEvm and auditProject on a
// 100,000-task project, side by side with naive baselines on the same project. Prints medians and ratios.
//   naive EVM: per task, per working day, PV spread with decimal Money arithmetic (addMoney /
//              multiplyMoney) into a Map keyed by day; EV and AC summed with Money.
//   naive audit: DCMA checks 1-7 with per-check passes over the model, float from `schedule()`, and the
//              critical path test as a second full `schedule()` on a modified copy of the project.
//   pmokit audit is also timed with the compiled network (and the pass result) shared, as an
//   application that has just scheduled the project would call it.
import { cpus, loadavg, totalmem } from "node:os";
import {
  addMoney,
  auditProject,
  compileCalendar,
  compileNetwork,
  computeProjectEvm,
  runPasses,
  money,
  multiplyMoney,
  parseProject,
  schedule,
  standardCalendar,
  toEpochMinute,
} from "@pmokit/core";
import type { Money, Project, ProjectInput } from "@pmokit/core";

const N = Number(process.env["PMOKIT_BENCH_TASKS"] ?? 100_000);
const RUNS = Number(process.env["PMOKIT_BENCH_RUNS"] ?? 3);
const NAIVE = process.env["PMOKIT_BENCH_NAIVE"] !== "0";

let seed = 2024;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Wall-clock and process CPU time (ms) of one call; CPU time is the fairer number on a shared machine. */
const time = <T>(f: () => T, cpu?: number[]): [number, T] => {
  const c = process.cpuUsage();
  const t = performance.now();
  const r = f();
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  cpu?.push((u.user + u.system) / 1000);
  return [wall, r];
};

/** Builds the benchmark project (exported for profiling scripts). */
export function buildProject(n: number): Project {
  const day = (d: number) => new Date(Date.UTC(2026, 0, 5) + d * 86_400_000).toISOString().slice(0, 10);
  const chains = Math.max(1, Math.round(n / 500));
  const tasks: NonNullable<ProjectInput["tasks"]> = [];
  const deps: NonNullable<ProjectInput["dependencies"]> = [];
  const assignments: NonNullable<ProjectInput["assignments"]> = [];
  const contours = ["flat", "flat", "flat", "backLoaded", "bell", "frontLoaded"] as const;
  for (let i = 0; i < n; i++) {
    const chain = i % chains;
    const pos = Math.floor(i / chains);
    const start = pos * 7 + Math.floor(rand() * 3);
    const len = 1 + Math.floor(rand() * 10);
    const done = start + len < 300;
    tasks.push({
      id: `T${i}`,
      name: `Task ${i}`,
      duration: { value: len, unit: "days" },
      percentComplete: done ? 100 : start < 300 ? 50 : 0,
      ...(start < 300 ? { actualStart: `${day(start)}T08:00:00` } : {}),
      ...(done ? { actualFinish: `${day(start + len)}T17:00:00` } : {}),
      baselines: [
        {
          number: 0,
          start: `${day(start)}T08:00:00`,
          finish: `${day(start + len)}T17:00:00`,
          cost: { amount: (1000 + Math.floor(rand() * 100000) / 100).toFixed(2), currency: "EUR" },
        },
      ],
    });
    if (pos > 0) deps.push({ from: `T${i - chains}`, to: `T${i}` });
    if (pos > 1 && rand() < 0.3)
      deps.push({ from: `T${i - 2 * chains}`, to: `T${i}`, type: rand() < 0.2 ? "SS" : "FS" });
    assignments.push({
      id: `A${i}`,
      taskId: `T${i}`,
      resourceId: `R${chain % 100}`,
      work: 480 * len,
      actualWork: done ? 480 * len : start < 300 ? 240 * len : 0,
      contour: contours[i % contours.length]!,
    });
  }
  const resources = Array.from({ length: 100 }, (_, r) => ({
    id: `R${r}`,
    name: `R${r}`,
    costRateTables: { A: [{ standardRate: { amount: String(50 + r), currency: "EUR" } }] },
  }));
  return parseProject({
    id: "bench",
    name: "bench",
    settings: {
      currency: "EUR",
      defaultCalendarId: "standard",
      startDate: "2026-01-05T08:00:00",
      statusDate: "2026-11-02T08:00:00",
    },
    calendars: [standardCalendar()],
    tasks,
    dependencies: deps,
    resources,
    assignments,
  });
}

function naiveEvm(p: Project): { bac: Money; pv: Money; ev: Money; ac: Money } {
  const cal = compileCalendar(standardCalendar());
  const status = toEpochMinute(p.settings.statusDate!);
  const daily = new Map<string, Money>();
  const zero = money(0, "EUR");
  let bac = zero;
  let pv = zero;
  let ev = zero;
  let ac = zero;
  const rate = new Map(p.resources.map((r) => [r.id, r.costRateTables.A?.[0]?.standardRate ?? zero]));
  for (const t of p.tasks) {
    const b = t.baselines[0]!;
    const cost = b.cost!;
    bac = addMoney(bac, cost);
    const s = toEpochMinute(b.start!);
    const f = toEpochMinute(b.finish!);
    const total = cal.workingMinutesBetween(s, f);
    for (let d = Math.floor(s / 1440) * 1440; d < f; d += 1440) {
      const w = cal.workingMinutesBetween(Math.max(d, s), Math.min(d + 1440, f));
      if (w === 0) continue;
      const part = multiplyMoney(cost, w / total);
      const key = String(d);
      daily.set(key, addMoney(daily.get(key) ?? zero, part));
      if (d + 1440 <= status) pv = addMoney(pv, part);
    }
    ev = addMoney(ev, multiplyMoney(cost, t.percentComplete / 100));
  }
  for (const a of p.assignments)
    ac = addMoney(ac, multiplyMoney(rate.get(a.resourceId)!, (a.actualWork ?? 0) / 60));
  return { bac, pv, ev, ac };
}

function naiveAudit(p: Project): number[] {
  const parents = new Set(p.tasks.map((t) => t.parentId));
  const leaves = p.tasks.filter((t) => !parents.has(t.id));
  const incomplete = leaves.filter((t) => t.percentComplete < 100 && !t.milestone);
  const preds = new Set(p.dependencies.map((d) => d.to));
  const succs = new Set(p.dependencies.map((d) => d.from));
  const counts: number[] = [];
  counts.push(incomplete.filter((t) => !preds.has(t.id) || !succs.has(t.id)).length);
  counts.push(p.dependencies.filter((d) => d.lag.value < 0).length);
  counts.push(p.dependencies.filter((d) => d.lag.value > 0).length);
  counts.push(p.dependencies.filter((d) => d.type === "FS").length);
  counts.push(incomplete.filter((t) => ["MSO", "MFO", "SNLT", "FNLT"].includes(t.constraint.type)).length);
  const s = schedule(p);
  const tf = new Map(s.tasks.map((t) => [t.id, t.totalSlackMinutes]));
  counts.push(incomplete.filter((t) => (tf.get(t.id) ?? 0) > 44 * 480).length);
  counts.push(incomplete.filter((t) => (tf.get(t.id) ?? 0) < 0).length);
  const crit = s.tasks.find((t) => t.critical && incomplete.some((x) => x.id === t.id));
  if (crit) {
    const copy = structuredClone(p);
    const t = copy.tasks.find((x) => x.id === crit.id)!;
    t.duration = { value: t.duration.value + 600, unit: "days" };
    counts.push(schedule(copy).projectFinish > s.projectFinish ? 1 : 0);
  }
  return counts;
}

if (RUNS > 0) main();

function main(): void {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `# EVM and audit benchmark: ${N} tasks; ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  const [tBuild, project] = time(() => buildProject(N));
  console.log(
    `built and parsed the project in ${tBuild.toFixed(0)} ms (${project.dependencies.length} links)`,
  );

  const evmTimes: number[] = [];
  const naiveEvmTimes: number[] = [];
  const auditTimes: number[] = [];
  const naiveAuditTimes: number[] = [];
  const auditPrecompiledTimes: number[] = [];
  const evmCpu: number[] = [];
  const naiveEvmCpu: number[] = [];
  const auditCpu: number[] = [];
  const naiveAuditCpu: number[] = [];
  const auditPreCpu: number[] = [];
  const auditScheduledTimes: number[] = [];
  const auditSchedCpu: number[] = [];
  let evm: ReturnType<typeof computeProjectEvm> | undefined;
  let naive: ReturnType<typeof naiveEvm> | undefined;
  let audit: ReturnType<typeof auditProject> | undefined;
  for (let r = 0; r < RUNS; r++) {
    const [a, e] = time(() => computeProjectEvm(project), evmCpu);
    evmTimes.push(a);
    evm = e;
    if (NAIVE && r < Math.min(RUNS, 3)) {
      const [b, n] = time(() => naiveEvm(project), naiveEvmCpu);
      naiveEvmTimes.push(b);
      naive = n;
    }
    const [c, au] = time(() => auditProject(project), auditCpu);
    auditTimes.push(c);
    audit = au;
    const compiled = compileNetwork(project);
    auditPrecompiledTimes.push(time(() => auditProject(project, { compiled }), auditPreCpu)[0]);
    const pass = runPasses(compiled.network);
    auditScheduledTimes.push(time(() => auditProject(project, { compiled, pass }), auditSchedCpu)[0]);
    if (NAIVE && r < Math.min(RUNS, 3))
      naiveAuditTimes.push(time(() => naiveAudit(project), naiveAuditCpu)[0]);
  }
  const row = (name: string, ours: number[], base: number[]) =>
    base.length === 0
      ? console.log(`${name.padEnd(10)} pmokit median ${median(ours).toFixed(0).padStart(6)} ms`)
      : console.log(
          `${name.padEnd(10)} pmokit median ${median(ours).toFixed(0).padStart(6)} ms   naive median ${median(base).toFixed(0).padStart(7)} ms   ratio naive/pmokit ${(median(base) / median(ours)).toFixed(1)}×`,
        );
  console.log("wall clock:");
  row("EVM", evmTimes, naiveEvmTimes);
  row("audit", auditTimes, naiveAuditTimes);
  row("audit (network compiled once)", auditPrecompiledTimes, []);
  row("audit (compiled network and pass result shared, as after scheduling)", auditScheduledTimes, []);
  console.log("process CPU time:");
  row("EVM", evmCpu, naiveEvmCpu);
  row("audit", auditCpu, naiveAuditCpu);
  row("audit (network compiled once)", auditPreCpu, []);
  row("audit (compiled network and pass result shared, as after scheduling)", auditSchedCpu, []);
  // calibration: the same loop on an idle machine takes about 150 ms; under load it shows the slowdown
  const cal = time(() => {
    const m = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) m.set(`T${i}`, i);
    let s = 0;
    for (let k = 0; k < 20; k++) for (let i = 0; i < 100_000; i++) s += m.get(`T${i}`)!;
    return s;
  })[0];
  console.log(
    `calibration: 2.1 M Map operations ${cal.toFixed(0)} ms; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    `check: BAC ${evm!.bac.amount} (naive ${naive?.bac.amount}), PV ${evm!.pv.amount} (naive, flat spreading: ${naive?.pv.amount}), EV ${evm!.ev.amount}, AC ${evm!.ac.amount} (naive ${naive?.ac.amount}); SPI ${evm!.indicators.spi?.toFixed(4)}, CPI ${evm!.indicators.cpi?.toFixed(4)}; audit score ${audit!.score?.toFixed(1)} (float from ${audit!.floatSource})`,
  );
}
