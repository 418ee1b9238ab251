// CPM benchmarks (run by `pnpm -C packages/core bench`): our passes against a bare typed-array pass
// (no calendars: the physical limit) and against TaskJuggler (tj3) on the same network, plus the
// 1,000,000-task / ~2,000,000-link schedule on a calendar with holidays. Prints medians and ratios.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, cpus, totalmem } from "node:os";
import { join } from "node:path";
import {
  compileCalendar,
  compileNetworkInput,
  runPasses,
  standardCalendar,
  toEpochMinute,
} from "../src/index.js";
import type {
  LinkKind,
  NetworkInput,
  NetworkLinkInput,
  NetworkTaskInput,
  WorkingCalendar,
} from "../src/index.js";

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const time = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
/** Process CPU time (user + system) in ms: fairer than wall time on a shared machine. */
const cpuTime = (f: () => void): number => {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
let seed = 12345;
const rand = (): number => {
  // mulberry32: seeded, deterministic
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

function holidayCalendar(): WorkingCalendar {
  const exceptions = [];
  for (let y = 2026; y <= 2100; y++) {
    for (const md of ["01-01", "05-01", "07-14", "08-15", "11-11", "12-25", "12-26"]) {
      exceptions.push({ name: `H${y}-${md}`, from: `${y}-${md}`, to: `${y}-${md}`, working: false });
    }
  }
  return compileCalendar({ ...standardCalendar("std"), exceptions });
}

function network(
  n: number,
  linksPerTask: number,
  allTypes: boolean,
  cal: WorkingCalendar,
  window: number,
): NetworkInput {
  const tasks: NetworkTaskInput[] = new Array(n);
  for (let j = 0; j < n; j++)
    tasks[j] = { id: `T${j}`, calendar: cal, duration: (1 + Math.floor(rand() * 10)) * 480 };
  const links: NetworkLinkInput[] = [];
  const types: LinkKind[] = ["FS", "SS", "FF", "SF"];
  for (let j = 1; j < n; j++) {
    const k = Math.min(j, linksPerTask === 1 ? 1 : Math.floor(rand() * (2 * linksPerTask - 1)) + 1);
    for (let e = 0; e < k; e++) {
      const from = Math.max(0, j - 1 - Math.floor(rand() * Math.min(j, window)));
      if (!allTypes) {
        links.push({ from, to: j, type: "FS" });
        continue;
      }
      const r = rand();
      const type = types[r < 0.7 ? 0 : r < 0.85 ? 1 : r < 0.95 ? 2 : 3]!;
      const lag = rand() < 0.3 ? (Math.floor(rand() * 5) - 1) * 240 : 0;
      links.push({ from, to: j, type, lag });
    }
  }
  return { tasks, links, projectStart: toEpochMinute("2026-01-05T08:00"), projectCalendar: cal };
}

/** The physical limit: forward/backward pass over plain integers, FS only, no calendar. */
function barePasses(
  n: number,
  predOff: Int32Array,
  predSrc: Int32Array,
  succOff: Int32Array,
  succDst: Int32Array,
  dur: Float64Array,
): Float64Array {
  const es = new Float64Array(n);
  const lf = new Float64Array(n);
  let end = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let p = predOff[j]!; p < predOff[j + 1]!; p++) {
      const i = predSrc[p]!;
      const v = es[i]! + dur[i]!;
      if (v > s) s = v;
    }
    es[j] = s;
    if (s + dur[j]! > end) end = s + dur[j]!;
  }
  const ts = new Float64Array(n);
  for (let j = n - 1; j >= 0; j--) {
    let f = end;
    for (let p = succOff[j]!; p < succOff[j + 1]!; p++) {
      const v = lf[succDst[p]!]! - dur[succDst[p]!]!;
      if (v < f) f = v;
    }
    lf[j] = f;
    ts[j] = f - dur[j]! - es[j]!;
  }
  return ts;
}

function tjp(net: NetworkInput): string {
  const lines = [
    `project bench "Bench" 2026-01-05 +10y {`,
    `  timezone "UTC"`,
    `  workinghours mon - fri 8:00 - 12:00, 13:00 - 17:00`,
    `  workinghours sat, sun off`,
    `}`,
  ];
  const preds: number[][] = net.tasks.map(() => []);
  for (const l of net.links) preds[l.to]!.push(l.from);
  net.tasks.forEach((t, j) => {
    const ps = [...new Set(preds[j]!)];
    const dep = ps.length > 0 ? ` depends ${ps.map((i) => `!t${i}`).join(", ")}` : "";
    lines.push(`task t${j} "${t.id}" { length ${t.duration / 480}d${dep} }`);
  });
  return `${lines.join("\n")}\n`;
}

function hasTj3(): boolean {
  try {
    execFileSync("tj3", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const cal = holidayCalendar();
console.log(
  `# CPM benchmarks (${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version})`,
);

// --- 10,000-task FS network: passes vs bare typed-array pass vs TaskJuggler ---
{
  const input = network(10_000, 2, false, cal, 2000);
  const net = compileNetworkInput(input);
  const dur = Float64Array.from(net.duration);
  const ps = predSources(net);
  const st = succTargets(net);
  const runBare = () => barePasses(net.taskCount, net.predOffsets, ps, net.succOffsets, st, dur);
  const runOurs = () => runPasses(net);
  // Warm up both, then interleave many repetitions so that load spikes hit both alike.
  for (let r = 0; r < 300; r++) {
    runBare();
    runOurs();
  }
  const bare: number[] = [];
  const ours: number[] = [];
  const bareCpu: number[] = [];
  const oursCpu: number[] = [];
  for (let r = 0; r < 1000; r++) {
    bare.push(time(runBare));
    ours.push(time(runOurs));
  }
  for (let r = 0; r < 40; r++) {
    bareCpu.push(
      cpuTime(() => {
        for (let i = 0; i < 20; i++) runBare();
      }) / 20,
    );
    oursCpu.push(
      cpuTime(() => {
        for (let i = 0; i < 20; i++) runOurs();
      }) / 20,
    );
  }
  const compileMs = median([0, 1, 2].map(() => time(() => compileNetworkInput(input))));
  const b = median(bare);
  const o = median(ours);
  const bc = median(bareCpu);
  const oc = median(oursCpu);
  console.log(
    `10k FS CPU time per run (median of 40 interleaved blocks of 20): passes ${oc.toFixed(3)} ms, bare ${bc.toFixed(3)} ms → ratio ${(oc / bc).toFixed(2)}×`,
  );
  console.log(
    `10k FS (${net.linkCount} links): compile ${compileMs.toFixed(2)} ms, passes ${o.toFixed(3)} ms, bare typed-array pass ${b.toFixed(3)} ms (wall, median of 1,000 interleaved) → ratio ${(o / b).toFixed(2)}× (goal ≤ 3×); load average ${loadAverage()}`,
  );
  if (process.env["PMOKIT_SKIP_TJ3"]) console.log("10k FS: TaskJuggler comparison skipped (PMOKIT_SKIP_TJ3)");
  else if (hasTj3()) {
    const dir = mkdtempSync(join(tmpdir(), "pmokit-tj3-"));
    try {
      const file = join(dir, "bench.tjp");
      writeFileSync(file, tjp(input));
      if (process.env["PMOKIT_KEEP_TJP"]) writeFileSync(process.env["PMOKIT_KEEP_TJP"], tjp(input));
      const tjRuns: number[] = [];
      for (let r = 0; r < 3; r++) {
        tjRuns.push(
          time(() =>
            execFileSync("tj3", ["--silent", file], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] }),
          ),
        );
      }
      const full = median([0, 1, 2].map(() => time(() => runPasses(compileNetworkInput(input)))));
      const t = median(tjRuns);
      console.log(
        `10k FS: TaskJuggler tj3 ${t.toFixed(0)} ms vs pmokit compile + passes ${full.toFixed(2)} ms → ${(t / full).toFixed(0)}× faster (goal ≥ 100×)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else
    console.log(
      "10k FS: tj3 not installed (flock /tmp/pmokit-apt.lock apt-get install -y tj3): TaskJuggler comparison skipped",
    );
}

function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "n/a";
  }
}

function predSources(net: ReturnType<typeof compileNetworkInput>): Int32Array {
  const out = new Int32Array(net.linkCount);
  for (let p = 0; p < net.linkCount; p++) out[p] = net.linkFrom[net.predLinks[p]!]!;
  return out;
}
function succTargets(net: ReturnType<typeof compileNetworkInput>): Int32Array {
  const out = new Int32Array(net.linkCount);
  for (let p = 0; p < net.linkCount; p++) out[p] = net.linkTo[net.succLinks[p]!]!;
  return out;
}

// --- 1,000,000 tasks, ~2,000,000 links of all four types, calendar with holidays ---
if (process.env["PMOKIT_SKIP_1M"]) console.log("1M: skipped (PMOKIT_SKIP_1M)");
else {
  const tGen = performance.now();
  const input = network(1_000_000, 2, true, cal, 5000);
  const genMs = performance.now() - tGen;
  let net!: ReturnType<typeof compileNetworkInput>;
  const compileMs = time(() => {
    net = compileNetworkInput(input);
  });
  const runs: number[] = [];
  const cpu: number[] = [];
  let last: ReturnType<typeof runPasses> | undefined;
  for (let r = 0; r < 5; r++) {
    let wall = 0;
    cpu.push(cpuTime(() => (wall = time(() => (last = runPasses(net))))));
    runs.push(wall);
  }
  const compileCpu = cpuTime(() => compileNetworkInput(input));
  const rss = process.memoryUsage().rss / 2 ** 20;
  const types = [0, 0, 0, 0];
  for (let k = 0; k < net.linkCount; k++) types[net.linkType[k]!]!++;
  console.log(
    `load average ${loadAverage()}; 1M tasks / ${net.linkCount} links (FS ${types[0]}, SS ${types[1]}, FF ${types[2]}, SF ${types[3]}): generate ${genMs.toFixed(0)} ms, compile ${compileMs.toFixed(0)} ms, passes (forward + backward + slack) median ${median(runs).toFixed(0)} ms wall / ${median(cpu).toFixed(0)} ms CPU (goal ≤ 2000 ms), compile again ${compileCpu.toFixed(0)} ms CPU, RSS ${rss.toFixed(0)} MB (goal ≤ 1536 MB); project finish ${new Date(last!.projectFinish * 60000).toISOString().slice(0, 16)}`,
  );
}
