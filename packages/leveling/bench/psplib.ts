// PSPLIB quality and speed benchmark: our solver at several schedule budgets, side by side with the
// single-pass LFT parallel-SGS baseline in the same run. Uses two worker processes by default.
//
//   pnpm -C packages/leveling bench -- --set j30,j60,j120 --schedules 1000,5000 [--seeds 1]
//        [--limit N | --subset hard | --inst 1,5,9] [--stride K] [--opts '{"peakRate":0.5}']
//        [--workers 2] [--out results.jsonl] [--report results.jsonl]
//
// `--inst 1,5,9` keeps only those instance numbers of every parameter group: a stratified sample
// for tuning. `--opts` passes extra `solveRcpsp` options (JSON).
//
// Without arguments: the quick "hard subset" (RS <= 0.2 groups of j30 and j120, 10 instances each)
// at 1,000 and 5,000 schedules.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  compileRcpsp,
  parallelSgs,
  parsePsplibSm,
  priorityValues,
  solveRcpsp,
  validateRcpspSchedule,
  makespanOf,
} from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const DATA = process.env["PMOKIT_SHARED_DATA"]
  ? join(process.env["PMOKIT_SHARED_DATA"], "psplib")
  : resolve(here, "../../../../shared/data/psplib");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

interface Row {
  set: string;
  file: string;
  group: number;
  cpm: number;
  ref: number; // optimum (j30) or best known UB
  lft: number;
  lftMs: number;
  lftCpuMs: number;
  runs: {
    budget: number;
    seed: number;
    makespan: number;
    ms: number;
    cpuMs: number;
    schedules: number;
    toBest: number;
  }[];
}

function table(set: string): Map<string, number> {
  const name = set === "j30" ? "j30opt.sm" : `${set}hrs.sm`;
  const out = new Map<string, number>();
  for (const line of readFileSync(join(DATA, name), "utf8").split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)/.exec(line);
    if (m) out.set(`${set}${m[1]}_${m[2]}.sm`, Number(m[3]));
  }
  return out;
}

function instancesOf(set: string, limit: number, subset: string): string[] {
  const files = readdirSync(join(DATA, set))
    .filter((f) => f.endsWith(".sm"))
    // Instance 1 of every group first, then instance 2, ...: a partial run is a balanced sample.
    .sort((a, b) => instOf(a) - instOf(b) || groupOf(set, a) - groupOf(set, b));
  let sel = files;
  if (subset === "hard") {
    // RS <= 0.2: j30/j60/j90 groups with RS index 0 (group % 4 == 1); j120 RS 0.1/0.2 (group % 5 in {1,2}).
    sel = files.filter((f) => {
      const g = groupOf(set, f);
      return set === "j120" ? g % 5 === 1 || g % 5 === 2 : g % 4 === 1;
    });
    // 10 instances spread over the groups.
    const step = Math.max(1, Math.floor(sel.length / 10));
    sel = sel.filter((_, i) => i % step === 0).slice(0, 10);
  }
  // --inst 1,5,9: only these instance numbers of every group (a stratified sample for tuning).
  const insts = arg("inst", "");
  if (insts) {
    const keep = new Set(insts.split(",").map(Number));
    sel = sel.filter((f) => keep.has(instOf(f)));
  }
  const stride = Number(arg("stride", "1"));
  if (stride > 1) sel = sel.filter((_, i) => i % stride === 0);
  return limit > 0 ? sel.slice(0, limit) : sel;
}

function groupOf(set: string, file: string): number {
  return Number(/^(\d+)_/.exec(file.slice(set.length))?.[1] ?? 0);
}

function instOf(file: string): number {
  return Number(/_(\d+)\.sm$/.exec(file)?.[1] ?? 0);
}

function runShard(shard: number, workers: number): void {
  const sets = arg("set", "j30,j120").split(",");
  const budgets = arg("schedules", "1000,5000").split(",").map(Number);
  const seeds = Number(arg("seeds", "1"));
  const limit = Number(arg("limit", "0"));
  const subset = arg("subset", process.argv.includes("--set") ? "all" : "hard");
  const extra = JSON.parse(arg("opts", "{}")) as Record<string, unknown>;
  let idx = 0;
  for (const set of sets) {
    const ref = table(set);
    for (const file of instancesOf(set, limit, subset)) {
      if (idx++ % workers !== shard) continue;
      const { problem } = parsePsplibSm(readFileSync(join(DATA, set, file), "utf8"), { file });
      const inst = compileRcpsp(problem);
      let t = performance.now();
      let c = process.cpuUsage();
      const lftStarts = parallelSgs(inst, priorityValues(inst, "LFT"));
      const lftMs = performance.now() - t;
      const lftCpuMs = cpuSince(c);
      const check = (starts: ArrayLike<number>, what: string): number => {
        const v = validateRcpspSchedule(problem, starts);
        if (!v.feasible)
          throw new Error(`${file} ${what}: infeasible ${JSON.stringify(v.violations.slice(0, 3))}`);
        if (v.makespan < inst.cpmLength) throw new Error(`${file} ${what}: below CPM`);
        if (set === "j30" && v.makespan < ref.get(file)!) throw new Error(`${file} ${what}: below optimum`);
        return v.makespan;
      };
      const row: Row = {
        set,
        file,
        group: groupOf(set, file),
        cpm: inst.cpmLength,
        ref: ref.get(file)!,
        lft: check(lftStarts, "LFT"),
        lftMs,
        lftCpuMs,
        runs: [],
      };
      for (const budget of budgets)
        for (let seed = 1; seed <= seeds; seed++) {
          t = performance.now();
          c = process.cpuUsage();
          const sol = solveRcpsp(inst, { ...extra, maxSchedules: budget, seed });
          const ms = performance.now() - t;
          const cpuMs = cpuSince(c);
          const m = check(sol.starts, `GA ${budget}`);
          if (m !== sol.makespan || makespanOf(inst, sol.starts) !== m)
            throw new Error(`${file}: makespan mismatch`);
          row.runs.push({
            budget,
            seed,
            makespan: m,
            ms,
            cpuMs,
            schedules: sol.schedules,
            toBest: sol.schedulesToBest,
          });
        }
      process.stdout.write(`${JSON.stringify(row)}\n`);
    }
  }
}

function cpuSince(c: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

function fmt(x: number, d = 2): string {
  return x.toFixed(d);
}

function report(rows: Row[]): string {
  const out: string[] = [];
  const sets = [...new Set(rows.map((r) => r.set))];
  const budgets = [...new Set(rows.flatMap((r) => r.runs.map((x) => x.budget)))].sort((a, b) => a - b);
  const dev = (set: string, r: Row, m: number): number =>
    (100 * (m - (set === "j30" ? r.ref : r.cpm))) / (set === "j30" ? r.ref : r.cpm);
  out.push(
    "| set | n | schedules | avg dev % (GA) | avg dev % (LFT) | dev vs best known % | = best known | GA CPU ms/inst (median, mean) | GA wall ms (mean) | LFT CPU ms/inst | CPU ratio | quality gain (LFT dev / GA dev) |",
  );
  out.push("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const set of sets) {
    const rs = rows.filter((r) => r.set === set);
    const lftDev = rs.reduce((a, r) => a + dev(set, r, r.lft), 0) / rs.length;
    const lftMs = rs.reduce((a, r) => a + r.lftCpuMs, 0) / rs.length;
    for (const b of budgets) {
      const runs = rs.flatMap((r) => r.runs.filter((x) => x.budget === b).map((x) => ({ r, x })));
      if (runs.length === 0) continue;
      const d = runs.reduce((a, { r, x }) => a + dev(set, r, x.makespan), 0) / runs.length;
      const dBest = runs.reduce((a, { r, x }) => a + (100 * (x.makespan - r.ref)) / r.ref, 0) / runs.length;
      const atBest = runs.filter(({ r, x }) => x.makespan <= r.ref).length;
      const times = runs.map(({ x }) => x.cpuMs).sort((a, c) => a - c);
      const med = times[Math.floor(times.length / 2)]!;
      const mean = times.reduce((a, c) => a + c, 0) / times.length;
      const wall = runs.reduce((a, { x }) => a + x.ms, 0) / runs.length;
      out.push(
        `| ${set} | ${rs.length} | ${b} | **${fmt(d)}** | ${fmt(lftDev)} | ${fmt(dBest)} | ${atBest}/${runs.length} | ${fmt(med, 1)}, ${fmt(mean, 1)} | ${fmt(wall, 1)} | ${fmt(lftMs, 2)} | ${fmt(mean / lftMs, 0)}× | ${d > 0 ? fmt(lftDev / d, 2) : "–"} |`,
      );
    }
  }
  return out.join("\n");
}

async function main(): Promise<void> {
  const shardArg = arg("shard", "");
  if (shardArg) {
    const [s, w] = shardArg.split("/").map(Number) as [number, number];
    runShard(s, w);
    return;
  }
  if (!existsSync(DATA)) {
    console.log(`PSPLIB data not found at ${DATA}; skipping.`);
    return;
  }
  const reportFrom = arg("report", "");
  if (reportFrom) {
    // Prints the tables of a (possibly partial) JSONL file written with --out.
    const rows = readFileSync(reportFrom, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Row);
    console.log(report(rows));
    return;
  }
  const out = arg("out", "");
  if (out) writeFileSync(out, "");
  const workers = Number(arg("workers", String(Math.min(2, cpus().length))));
  const script = fileURLToPath(import.meta.url);
  const passArgs = process.argv.slice(2);
  const t0 = performance.now();
  const rows: Row[] = [];
  await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      return new Promise<void>((res, rej) => {
        const child = spawn(
          process.execPath,
          [...process.execArgv, script, ...passArgs, "--shard", `${i}/${workers}`],
          {
            stdio: ["ignore", "pipe", "inherit"],
          },
        );
        let buf = "";
        child.stdout.on("data", (chunk: Buffer) => {
          buf += chunk.toString();
          let nl: number;
          while ((nl = buf.indexOf("\n")) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            if (line.startsWith("{")) {
              rows.push(JSON.parse(line) as Row);
              if (out) appendFileSync(out, `${line}\n`);
            }
          }
        });
        child.on("exit", (code) => (code === 0 ? res() : rej(new Error(`worker ${i} exited with ${code}`))));
      });
    }),
  );
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? "cpu"}, ${workers} worker process(es), wall ${fmt((performance.now() - t0) / 1000, 1)} s`,
  );
  console.log(report(rows));
}

await main();
