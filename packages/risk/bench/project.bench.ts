// Benchmark: Monte Carlo on a core Project (simulateProject: core's compiled network and passes on
// working calendars) vs the simple continuous-days kernel on the same network.
// Run: pnpm -C packages/risk bench:project
import { cpus, loadavg } from "node:os";
import { parseProject, schedule, standardCalendar } from "@pmokit/core";
import type { ProjectInput } from "@pmokit/core";
import { Stream, simulate, simulateProject } from "@pmokit/risk";
import type { RiskModel } from "@pmokit/risk";

const N_TASKS = Number(process.env["BENCH_TASKS"] ?? 1000);
const ITER = Number(process.env["BENCH_ITERATIONS"] ?? 1000);
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);

/** The simulate bench's random DAG as a core project; `share` of the tasks on a six-day calendar. */
function makeProject(
  n: number,
  share: number,
): { project: ReturnType<typeof parseProject>; model: RiskModel } {
  const st = new Stream(12345);
  const tasks: ProjectInput["tasks"] = [];
  const deps: NonNullable<ProjectInput["dependencies"]> = [];
  const activities: RiskModel["activities"][number][] = [];
  for (let i = 0; i < n; i++) {
    const preds = new Set<number>();
    if (i > 0) {
      const k = 1 + (st.next() < 0.9 ? 1 : 0);
      for (let t = 0; t < k; t++) preds.add(Math.max(0, i - 1 - Math.floor(st.next() * Math.min(i, 50))));
    }
    const mode = 5 + Math.floor(st.next() * 20);
    const six = st.next() < share;
    tasks.push({
      id: `A${i}`,
      name: `A${i}`,
      duration: { value: mode, unit: "days" },
      ...(six ? { calendarId: "six" } : {}),
    });
    for (const p of preds) deps.push({ from: `A${p}`, to: `A${i}` });
    activities.push({
      id: `A${i}`,
      duration: { dist: "triangular", min: mode * 0.9, mode, max: mode * 1.3 },
      predecessors: [...preds].map((p) => ({ id: `A${p}` })),
    });
  }
  const std = {
    ...standardCalendar(),
    exceptions: [
      { from: "2026-12-24", to: "2026-12-26", working: false },
      { from: "2027-01-01", to: "2027-01-01", working: false },
    ],
  };
  const sixDay = {
    ...std,
    id: "six",
    name: "Six days",
    weekDays: { ...std.weekDays, saturday: std.weekDays.monday },
  };
  const project = parseProject({
    id: "bench",
    name: "Bench",
    settings: { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
    calendars: [std, sixDay],
    tasks,
    dependencies: deps,
  });
  return { project, model: { activities } };
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}
/** CPU time (ms) of the last `time()` call (the process is single-threaded). */
let lastCpu = 0;
function time(f: () => unknown): number {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  lastCpu = (d.user + d.system) / 1000;
  return wall;
}

console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, Node ${process.version}`);
console.log(
  `${N_TASKS} tasks, ${ITER} iterations, ${RUNS} runs (median); load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
const opts = {
  uncertainty: { kind: "percent", min: 90, mode: 100, max: 130 } as const,
  iterations: ITER,
  seed: 1,
};
for (const share of [0, 0.3]) {
  const { project, model } = makeProject(N_TASKS, share);
  simulateProject(project, { ...opts, iterations: 50 }); // warm-up
  const det = median(Array.from({ length: RUNS }, () => time(() => schedule(project))));
  const projCpu: number[] = [];
  const proj = median(
    Array.from({ length: RUNS }, () => {
      const w = time(() => simulateProject(project, opts));
      projCpu.push(lastCpu);
      return w;
    }),
  );
  const simple = median(
    Array.from({ length: RUNS }, () =>
      time(() => simulate(model, { iterations: ITER, seed: 1, spearman: false })),
    ),
  );
  console.log(
    `${share === 0 ? "one calendar" : "30 % of tasks on a six-day calendar"}: simulateProject ${proj.toFixed(0)} ms ` +
      `(CPU ${median(projCpu).toFixed(0)} ms; ${((N_TASKS * ITER) / proj / 1000).toFixed(2)} M task-iterations/s, ${(proj / ITER).toFixed(2)} ms per iteration), ` +
      `core schedule() once ${det.toFixed(1)} ms, simple kernel simulate() ${simple.toFixed(0)} ms, ratio ${(proj / simple).toFixed(1)}`,
  );
}
