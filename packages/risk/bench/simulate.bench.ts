// Benchmark: Monte Carlo engine vs a bare typed-array loop doing the same sampling and passes.
// Run: pnpm -C packages/risk bench   (tsx --conditions=@pmokit/source bench/simulate.bench.ts)
import { cpus, loadavg, totalmem } from "node:os";
import {
  blockCount,
  compileModel,
  mergeBlocks,
  planSimulation,
  runBlock,
  simulate,
  Stream,
} from "@pmokit/risk";
import type { RiskModel } from "@pmokit/risk";
import { createSimulationPool } from "@pmokit/risk/node";

const N_ACT = Number(process.env["BENCH_ACTIVITIES"] ?? 1000);
const ITER = Number(process.env["BENCH_ITERATIONS"] ?? 10000);
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);

/** Random DAG: about 1.9 predecessors per activity within a 50-activity window, triangular durations. */
function makeModel(n: number): RiskModel {
  const st = new Stream(12345);
  return {
    activities: Array.from({ length: n }, (_, i) => {
      const preds = new Set<number>();
      if (i > 0) {
        const k = 1 + (st.next() < 0.9 ? 1 : 0);
        for (let t = 0; t < k; t++) preds.add(Math.max(0, i - 1 - Math.floor(st.next() * Math.min(i, 50))));
      }
      const mode = 5 + Math.floor(st.next() * 20);
      return {
        id: `A${i}`,
        duration: { dist: "triangular" as const, min: mode * 0.8, mode, max: mode * 1.5 },
        predecessors: [...preds].map((p) => ({ id: `A${p}` })),
      };
    }),
  };
}

/** The baseline: one bare loop over typed arrays (same generator, inverse-CDF triangular sampling). */
function bare(model: RiskModel, iterations: number, criticality: boolean): number {
  const cm = compileModel(model);
  const { n, predStart, predIndex, succStart, succIndex } = cm.net;
  const a = new Float64Array(n);
  const c = new Float64Array(n);
  const b = new Float64Array(n);
  cm.durations.forEach((d, j) => {
    a[j] = d.p[0]!;
    c[j] = d.p[1]!;
    b[j] = d.p[2]!;
  });
  const d = new Float64Array(n);
  const es = new Float64Array(n);
  const lf = new Float64Array(n);
  const crit = new Float64Array(n);
  const st = new Stream(1);
  let sum = 0;
  for (let it = 0; it < iterations; it++) {
    for (let j = 0; j < n; j++) {
      const u = st.next();
      const aj = a[j]!;
      const bj = b[j]!;
      const cj = c[j]!;
      d[j] =
        u < (cj - aj) / (bj - aj)
          ? aj + Math.sqrt(u * (bj - aj) * (cj - aj))
          : bj - Math.sqrt((1 - u) * (bj - aj) * (bj - cj));
    }
    let fin = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let l = predStart[j]!; l < predStart[j + 1]!; l++) {
        const p = predIndex[l]!;
        const v = es[p]! + d[p]!;
        if (v > s) s = v;
      }
      es[j] = s;
      if (s + d[j]! > fin) fin = s + d[j]!;
    }
    if (criticality) {
      for (let j = n - 1; j >= 0; j--) {
        let late = fin;
        for (let l = succStart[j]!; l < succStart[j + 1]!; l++) {
          const k = succIndex[l]!;
          const v = lf[k]! - d[k]!;
          if (v < late) late = v;
        }
        lf[j] = late;
        if (late - es[j]! - d[j]! <= 1e-6) crit[j]!++;
      }
    }
    sum += fin;
  }
  return sum / iterations;
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}
/** CPU time (ms, whole process) of the last `time()` call: on a shared machine it tracks the work
 * better than wall time (the process is single-threaded outside the worker-pool section). */
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
async function timeAsync(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

const model = makeModel(N_ACT);
const links = model.activities.reduce((s, a) => s + (a.predecessors?.length ?? 0), 0);
console.log(
  `machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  `load average at the start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log(`model: ${N_ACT} activities, ${links} links, ${ITER} iterations, ${RUNS} runs (median)`);
const opts = { iterations: ITER, seed: 1, spearman: false, riskExclusion: false } as const;
// Warm-up.
simulate(model, { ...opts, iterations: 2000 });
bare(model, 2000, true);

const rows: [string, number, number, number, number][] = [];
for (const crit of [true, false]) {
  const eng: number[] = [];
  const base: number[] = [];
  const engCpu: number[] = [];
  const baseCpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    eng.push(time(() => simulate(model, { ...opts, criticality: crit })));
    engCpu.push(lastCpu);
    base.push(time(() => bare(model, ITER, crit)));
    baseCpu.push(lastCpu);
  }
  rows.push([
    crit ? "sampling + forward + backward + criticality" : "sampling + forward pass only",
    median(eng),
    median(base),
    median(engCpu),
    median(baseCpu),
  ]);
}
for (const [name, e, b, ec, bc] of rows)
  console.log(
    `${name}: engine ${e.toFixed(0)} ms, bare loop ${b.toFixed(0)} ms, ratio ${(e / b).toFixed(2)}, ${((N_ACT * ITER) / e / 1000).toFixed(1)} M activity-iterations/s; ` +
      `CPU time engine ${ec.toFixed(0)} ms, bare ${bc.toFixed(0)} ms, ratio ${(ec / bc).toFixed(2)}`,
  );

const spear: number[] = [];
for (let r = 0; r < Math.min(RUNS, 3); r++)
  spear.push(time(() => simulate(model, { ...opts, spearman: true })));
console.log(`with Spearman cruciality (stores n × N durations): ${median(spear).toFixed(0)} ms`);

// Threads: the model is compiled once (the compile is serial work on the main thread; timed apart),
// start-up and warm-up are excluded, and the pool holds the compiled model between runs.
const compileTimes: number[] = [];
for (let r = 0; r < RUNS; r++) compileTimes.push(time(() => compileModel(model)));
const cm = compileModel(model);
const plan = planSimulation(cm, opts);
const blocks = Array.from({ length: plan.blocks }, (_, b) =>
  runBlock(cm, plan.kernel, b, blockCount(plan, b)),
);
const mergeTimes: number[] = [];
for (let r = 0; r < RUNS; r++) mergeTimes.push(time(() => mergeBlocks(cm, plan, opts, blocks, null)));
const mainTimes: number[] = [];
for (let r = 0; r < RUNS; r++) mainTimes.push(time(() => simulate(cm, opts)));
console.log(
  `serial parts: compileModel ${median(compileTimes).toFixed(1)} ms, mergeBlocks ${median(mergeTimes).toFixed(1)} ms; ` +
    `simulate(compiled) on the main thread ${median(mainTimes).toFixed(0)} ms`,
);
const threadTimes: Record<number, number> = {};
for (const threads of [1, 2]) {
  const t0 = performance.now();
  const pool = createSimulationPool(threads);
  await pool.simulate(cm, { ...opts, iterations: 2 * 1000 * threads }); // start-up + warm-up
  const startup = performance.now() - t0;
  const ts: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < RUNS; r++) ts.push(await timeAsync(() => pool.simulate(cm, opts)));
  const cpu = process.cpuUsage(cpu0);
  threadTimes[threads] = median(ts);
  if (threads === 2) {
    const same = JSON.stringify(await pool.simulate(model, opts)) === JSON.stringify(simulate(model, opts));
    console.log(`2 threads identical to the plain loop: ${same}`);
  }
  await pool.close();
  console.log(
    `pool of ${threads}: start-up + warm-up ${startup.toFixed(0)} ms, simulation median ${threadTimes[threads]!.toFixed(0)} ms ` +
      `(process CPU ${((cpu.user + cpu.system) / 1000 / RUNS).toFixed(0)} ms per run, all threads)`,
  );
}
console.log(`worker threads: speed-up 2 vs 1 thread ${(threadTimes[1]! / threadTimes[2]!).toFixed(2)}×`);
console.log(
  `load average at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
