// Selection benchmark: pmokit `selectPortfolio` (HiGHS WebAssembly behind our model, verification
// included) vs COIN-OR CBC (native, `cbc` on the PATH) on the same 0-1 model written as an LP file.
//   pnpm -C packages/portfolio bench            1,000 projects, 5 limits, relations; frontier of 20 budgets
//   pnpm -C packages/portfolio bench -- --mknap  also every mknapcb1 instance (slow: minutes each)
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { computeEfficientFrontier, selectPortfolio } from "../src/index.js";
import { generatePortfolio, toLp } from "./portfolio-gen.js";
import { readMkcbBest, readMknap, toSelectionProblem } from "./mknap.js";

const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);
const dir = mkdtempSync(join(tmpdir(), "pmokit-bench-"));

function runCbc(
  lp: string,
  name: string,
  seconds = 3600,
): { ms: number; objective: number; optimal: boolean } {
  const file = join(dir, `${name}.lp`);
  writeFileSync(file, lp);
  const t = performance.now();
  const out = execFileSync("cbc", [file, "-sec", String(seconds), "-ratioGap", "0", "-solve", "-quit"], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - t;
  const obj = /Objective value:\s+(-?[\d.e+-]+)/.exec(out);
  return {
    ms,
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

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, Node ${process.version}, runs ${RUNS}`,
  );
  const cbc = haveCbc();
  if (!cbc) console.log("cbc not found: install coinor-cbc to run the baseline");
  const limit = Number(process.env["BENCH_TIME_LIMIT"] ?? 120);
  // warm-up: load the WebAssembly once (reported separately)
  const tl = performance.now();
  await selectPortfolio({ projects: [{ id: "a", value: 1 }] }, { solver: "highs" });
  console.log(
    `HiGHS load: ${(performance.now() - tl).toFixed(0)} ms (once per process); time limit ${limit} s per solve`,
  );
  const row = (label: string, a: number[], b: number[]): void =>
    console.log(
      `${label}: pmokit ${median(a).toFixed(0)} ms` +
        (b.length ? `, cbc ${median(b).toFixed(0)} ms, ratio ${(median(a) / median(b)).toFixed(2)}` : ""),
    );
  for (const n of [200, 1000]) {
    const problem = generatePortfolio(n);
    const lp = toLp(problem);
    const ours: number[] = [];
    const base: number[] = [];
    let note = "";
    for (let k = 0; k < RUNS; k++) {
      const t = performance.now();
      const r = await selectPortfolio(problem, { solver: "highs", timeLimit: limit });
      ours.push(performance.now() - t);
      note = `pmokit ${r.objective} ${r.optimal ? "proven" : `NOT proven (gap ${r.gap.toExponential(2)})`}`;
      if (cbc) {
        const c = runCbc(lp, `portfolio${n}`, limit);
        base.push(c.ms);
        note += `; cbc ${c.objective} ${c.optimal ? "proven" : "NOT proven"}`;
      }
    }
    row(`select ${n} projects × 5 limits + relations + forcing (${note})`, ours, base);
  }
  // frontier of 20 budgets on capex2027, 1,000 projects
  const problem = generatePortfolio(1000);
  const flimit = Number(process.env["BENCH_FRONTIER_LIMIT"] ?? 10);
  const total = problem.projects.reduce((s, p) => s + (p.costs?.["capex2027"] ?? 0), 0);
  const budgets = Array.from({ length: 20 }, (_, i) => Math.round((total * (i + 1)) / 40));
  const t = performance.now();
  const f = await computeEfficientFrontier(problem, {
    constraint: "capex2027",
    budgets,
    solver: "highs",
    timeLimit: flimit,
  });
  const fo = performance.now() - t;
  let fb = 0;
  let cbcProven = 0;
  if (cbc) {
    const t2 = performance.now();
    for (const b of budgets)
      if (runCbc(toLp({ ...problem, limits: { ...problem.limits, capex2027: b } }), `f${b}`, flimit).optimal)
        cbcProven++;
    fb = performance.now() - t2;
  }
  console.log(`  frontier values: ${f.map((p) => (p.feasible ? p.objective : "infeasible")).join(" ")}`);
  row(
    `efficient frontier, 1000 projects, 20 budgets, ${flimit} s limit per point (pmokit proven ${f.filter((p) => p.optimal).length}/20${cbc ? `, cbc proven ${cbcProven}/20` : ""})`,
    [fo],
    cbc ? [fb] : [],
  );
  if (process.argv.includes("--mknap")) {
    const D = join(
      process.env["PMOKIT_SHARED_DATA"] ?? join(import.meta.dirname, "../../../../shared/data"),
      "mknap",
    );
    const best = readMkcbBest(join(D, "mkcbres.txt"));
    const inst = readMknap(join(D, "mknapcb1.txt"), "mknapcb1");
    for (const [k, ins] of inst.entries()) {
      const p = toSelectionProblem(ins);
      const t = performance.now();
      const r = await selectPortfolio(p, { solver: "highs", timeLimit: limit });
      const ms = performance.now() - t;
      const c = cbc ? runCbc(toLp(p), `cb${k}`, limit) : undefined;
      console.log(
        `${ins.name}: best ${best[k]}, pmokit ${r.objective} ${r.optimal ? "proven" : `gap ${r.gap}`} ${ms.toFixed(0)} ms` +
          (c ? `, cbc ${c.objective} ${c.ms.toFixed(0)} ms, ratio ${(ms / c.ms).toFixed(2)}` : ""),
      );
    }
  }
}

await main();
