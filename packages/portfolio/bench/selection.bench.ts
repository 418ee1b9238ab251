// Selection benchmark: pmokit `selectPortfolio` (solver "auto": the TypeScript LP-based branch and
// bound under its node budget, then HiGHS from its incumbent; verification included) vs COIN-OR CBC (native, `cbc` on the PATH) on the
// same 0-1 model written as an LP file.
//   pnpm -C packages/portfolio bench                 200 and 1,000 projects, 5 limits, relations;
//                                                    frontier of 20 budgets (1,000 projects)
//   pnpm -C packages/portfolio bench -- --mknap      only the OR-Library sets: all 30 mknapcb1 vs CBC
//                                                    (BENCH_TIME_LIMIT s each, default 60) and mknap2
//   add --highs to also time HiGHS WebAssembly (slow), --no-frontier / --no-select to skip parts.
//   BENCH_RUNS (default 3) runs of the 200-project model, BENCH_RUNS_LARGE (default 1) of 1,000.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { computeEfficientFrontier, selectPortfolio } from "../src/index.js";
import { generatePortfolio, toLp } from "./portfolio-gen.js";
import { readMkcbBest, readMknap, readMknap2, toSelectionProblem } from "./mknap.js";

const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);
const dir = mkdtempSync(join(tmpdir(), "pmokit-bench-"));

function runCbc(
  lp: string,
  name: string,
  seconds = 3600,
): { ms: number; cpuMs: number; objective: number; optimal: boolean } {
  const file = join(dir, `${name}.lp`);
  writeFileSync(file, lp);
  const t = performance.now();
  let out = "";
  try {
    // CBC's -sec only stops branch and bound; a hard kill at 3× the limit bounds preprocessing too.
    out = execFileSync("cbc", [file, "-sec", String(seconds), "-ratioGap", "0", "-solve", "-quit"], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
      timeout: seconds * 3000,
    });
  } catch (e) {
    out = String((e as { stdout?: unknown }).stdout ?? "");
  }
  const ms = performance.now() - t;
  const obj = /Objective value:\s+(-?[\d.e+-]+)/.exec(out);
  const cpu = /Total time \(CPU seconds\):\s+([\d.]+)/.exec(out);
  return {
    ms,
    cpuMs: cpu ? Number(cpu[1]) * 1000 : Number.NaN,
    objective: obj ? Math.abs(Number(obj[1])) : Number.NaN,
    optimal: /Result - Optimal solution found/.test(out),
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function haveCbc(): boolean {
  try {
    execFileSync("cbc", ["-quit"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const load = (): string => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const withHighs = args.includes("--highs");
  console.log(
    `machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, Node ${process.version}, runs ${RUNS}, load ${load()}`,
  );
  const cbc = haveCbc();
  if (!cbc) console.log("cbc not found: install coinor-cbc to run the baseline");
  const limit = Number(process.env["BENCH_TIME_LIMIT"] ?? (args.includes("--mknap") ? 60 : 300));
  if (withHighs) {
    const tl = performance.now();
    await selectPortfolio({ projects: [{ id: "a", value: 1 }] }, { solver: "highs" });
    console.log(`HiGHS load: ${(performance.now() - tl).toFixed(0)} ms (once per process)`);
  }
  console.log(`time limit ${limit} s per solve`);
  const row = (label: string, a: number[], b: number[]): void =>
    console.log(
      `${label}: pmokit ${median(a).toFixed(0)} ms` +
        (b.length ? `, cbc ${median(b).toFixed(0)} ms, ratio ${(median(a) / median(b)).toFixed(2)}` : "") +
        ` [load ${load()}]`,
    );
  if (args.includes("--mknap")) {
    await mknap(limit, cbc, withHighs);
    return;
  }
  if (!args.includes("--no-select"))
    for (const n of [200, 1000]) {
      const problem = generatePortfolio(n);
      const lp = toLp(problem);
      const ours: number[] = [];
      const base: number[] = [];
      const hi: number[] = [];
      const ourCpu: number[] = [];
      const cbcCpu: number[] = [];
      let note = "";
      const runs = n >= 1000 ? Number(process.env["BENCH_RUNS_LARGE"] ?? Math.min(RUNS, 1)) : RUNS;
      for (let k = 0; k < runs; k++) {
        const t = performance.now();
        const c0 = cpuNow();
        const r = await selectPortfolio(problem, { timeLimit: limit });
        ours.push(performance.now() - t);
        ourCpu.push(cpuNow() - c0);
        note = `pmokit/${r.solver} ${r.objective} ${r.optimal ? "proven" : `NOT proven (gap ${r.gap.toExponential(2)})`} ${r.nodes} nodes`;
        if (r.escalatedFrom)
          note += ` (branch and bound ${r.escalatedFrom.nodes} nodes, ${r.escalatedFrom.timeMs} ms, incumbent ${r.escalatedFrom.objective}, then HiGHS)`;
        if (cbc) {
          const c = runCbc(lp, `portfolio${n}`, limit);
          base.push(c.ms);
          cbcCpu.push(c.cpuMs);
          note += `; cbc ${c.objective} ${c.optimal ? "proven" : "NOT proven"}`;
        }
        console.log(
          `  run ${k + 1}: pmokit ${ours.at(-1)!.toFixed(0)} ms wall, ${ourCpu.at(-1)!.toFixed(0)} ms CPU; cbc ${base.at(-1)?.toFixed(0) ?? "-"} ms wall, ${cbcCpu.at(-1)?.toFixed(0) ?? "-"} ms CPU; load ${load()}; ${note}`,
        );
        if (withHighs) {
          const t2 = performance.now();
          const h = await selectPortfolio(problem, { solver: "highs", timeLimit: limit });
          hi.push(performance.now() - t2);
          note += `; highs ${h.objective} ${h.optimal ? "proven" : "NOT proven"} ${hi.at(-1)!.toFixed(0)} ms`;
        }
      }
      row(`select ${n} projects × 5 limits + relations + forcing (${note})`, ours, base);
      if (cbc)
        console.log(
          `  CPU time: pmokit ${median(ourCpu).toFixed(0)} ms, cbc ${median(cbcCpu).toFixed(0)} ms, CPU ratio ${(median(ourCpu) / median(cbcCpu)).toFixed(2)}`,
        );
    }
  if (args.includes("--no-frontier")) return;
  // frontier of 20 budgets on capex2027, 1,000 projects
  const problem = generatePortfolio(1000);
  const flimit = Number(process.env["BENCH_FRONTIER_LIMIT"] ?? 10);
  const total = problem.projects.reduce((s, p) => s + Number(p.costs?.["capex2027"] ?? 0), 0);
  const budgets = Array.from({ length: 20 }, (_, i) => Math.round((total * (i + 1)) / 40));
  const t = performance.now();
  const fc0 = cpuNow();
  const f = await computeEfficientFrontier(problem, {
    constraint: "capex2027",
    budgets,
    timeLimit: flimit,
  });
  const fo = performance.now() - t;
  const fcpu = cpuNow() - fc0;
  let fbCpu = 0;
  let cbcKilled = 0;
  let fb = 0;
  let cbcProven = 0;
  const cbcValues: number[] = [];
  if (cbc) {
    const t2 = performance.now();
    for (const b of budgets) {
      const c = runCbc(toLp({ ...problem, limits: { ...problem.limits, capex2027: b } }), `f${b}`, flimit);
      if (c.optimal) cbcProven++;
      cbcValues.push(c.objective);
      if (Number.isFinite(c.cpuMs)) fbCpu += c.cpuMs;
      else cbcKilled++;
    }
    fb = performance.now() - t2;
  }
  console.log(
    `  frontier values (pmokit): ${f.map((p) => (p.feasible ? `${p.objective}${p.optimal ? "" : "*"}` : "infeasible")).join(" ")}`,
  );
  if (cbc) console.log(`  frontier values (cbc):    ${cbcValues.join(" ")}`);
  row(
    `efficient frontier, 1000 projects, 20 budgets, ${flimit} s limit per point (pmokit proven ${f.filter((p) => p.optimal).length}/20${cbc ? `, cbc proven ${cbcProven}/20` : ""})`,
    [fo],
    cbc ? [fb] : [],
  );
  console.log(
    `  CPU time: pmokit ${fcpu.toFixed(0)} ms${cbc ? `, cbc ${fbCpu.toFixed(0)} ms (${cbcKilled} runs killed at 3× the limit, CPU unknown)` : ""}`,
  );
}

async function mknap(limit: number, cbc: boolean, withHighs: boolean): Promise<void> {
  const D = join(
    process.env["PMOKIT_SHARED_DATA"] ?? join(import.meta.dirname, "../../../../shared/data"),
    "mknap",
  );
  const best = readMkcbBest(join(D, "mkcbres.txt"));
  const inst = readMknap(join(D, "mknapcb1.txt"), "mknapcb1");
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  let ourProven = 0;
  let cbcProven = 0;
  for (const [k, ins] of inst.entries()) {
    const p = toSelectionProblem(ins);
    const t = performance.now();
    const c0 = cpuNow();
    const r = await selectPortfolio(p, { timeLimit: limit });
    const ms = performance.now() - t;
    const cpu = cpuNow() - c0;
    if (r.optimal && r.objective === best[k]) ourProven++;
    const c = cbc ? runCbc(toLp(p), `cb${k}`, limit) : undefined;
    if (c?.optimal) cbcProven++;
    let h = "";
    if (withHighs) {
      const t2 = performance.now();
      const hr = await selectPortfolio(p, { solver: "highs", timeLimit: limit });
      h = `, highs ${hr.objective} ${hr.optimal ? "proven" : "NOT proven"} ${(performance.now() - t2).toFixed(0)} ms`;
    }
    if (c) ratios.push(ms / c.ms);
    if (c && Number.isFinite(c.cpuMs)) cpuRatios.push(cpu / c.cpuMs);
    console.log(
      `${ins.name}: best ${best[k]}, pmokit ${r.objective} ${r.optimal ? "proven" : `NOT proven gap ${r.gap.toExponential(2)}`} ${ms.toFixed(0)} ms ${r.nodes} nodes` +
        (c
          ? `, cbc ${c.objective} ${c.optimal ? "proven" : "NOT proven"} ${c.ms.toFixed(0)} ms, ratio ${(ms / c.ms).toFixed(2)}, CPU ${cpu.toFixed(0)} / ${c.cpuMs.toFixed(0)} ms`
          : "") +
        h +
        ` [load ${load()}]`,
    );
  }
  console.log(
    `mknapcb1: pmokit proven ${ourProven}/30, cbc proven ${cbcProven}/30, median ratio ${ratios.length ? median(ratios).toFixed(2) : "n/a"}, max ratio ${ratios.length ? Math.max(...ratios).toFixed(2) : "n/a"}, median CPU ratio ${cpuRatios.length ? median(cpuRatios).toFixed(2) : "n/a"}`,
  );
  const m2 = readMknap2(join(D, "mknap2.txt"));
  const t = performance.now();
  let proven = 0;
  let slowest = { name: "", ms: 0 };
  for (const ins of m2) {
    const t1 = performance.now();
    const r = await selectPortfolio(toSelectionProblem(ins), { timeLimit: limit });
    const ms = performance.now() - t1;
    if (ms > slowest.ms) slowest = { name: ins.name, ms };
    if (r.optimal && r.objective === ins.opt) proven++;
  }
  console.log(
    `mknap2: ${proven}/${m2.length} proven at the known optimum, total ${(performance.now() - t).toFixed(0)} ms, slowest ${slowest.name} ${slowest.ms.toFixed(0)} ms [load ${load()}]`,
  );
}

await main();
