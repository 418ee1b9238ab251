// Interop benchmark: a generated 100,000-task MSPDI file (read and write), a generated
// 100,000-activity XER and the largest shared XER, each side by side with the bare parse of the same
// text (our tokenizer alone, and fast-xml-parser for XML). Each measurement runs in a fresh child
// process so peak memory (max RSS) is comparable. Prints medians and ratios.
//
//   pnpm -C packages/interop bench            (tsx --conditions=@pmokit/source)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Project } from "@pmokit/core";
import { XMLParser } from "fast-xml-parser";
import { parseXml, readMspdi, readXer, tokenizeXer, tokenizeXml, writeMspdi } from "@pmokit/interop";

const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const N = Number(process.env["BENCH_TASKS"] ?? 100_000);

function generateProject(n: number): Project {
  const std = {
    working: true,
    times: [
      { from: "08:00", to: "12:00" },
      { from: "13:00", to: "17:00" },
    ],
  };
  const tasks: Project["tasks"] = [];
  const dependencies: Project["dependencies"] = [];
  let summary: string | undefined;
  for (let i = 1; i <= n; i++) {
    const id = String(i);
    if (i % 50 === 1) {
      summary = id;
      tasks.push({
        id,
        name: `Phase ${i}`,
        outlineLevel: 1,
        duration: { value: 0, unit: "days" },
        milestone: false,
        type: "fixedUnits",
        effortDriven: false,
        constraint: { type: "ASAP" },
        priority: 500,
        manual: false,
        inactive: false,
        percentComplete: 0,
        baselines: [],
        customFields: {},
      });
      continue;
    }
    tasks.push({
      id,
      name: `Task ${i}`,
      outlineLevel: 2,
      parentId: summary!,
      duration: { value: 1 + (i % 7), unit: "days" },
      milestone: false,
      type: "fixedUnits",
      effortDriven: false,
      constraint: i % 97 === 0 ? { type: "SNET", date: "2025-03-10T08:00:00" } : { type: "ASAP" },
      priority: 500,
      manual: false,
      inactive: false,
      percentComplete: 0,
      baselines: [],
      customFields: {},
      reported: {
        start: "2025-03-03T08:00:00",
        finish: "2025-03-04T17:00:00",
        earlyStart: "2025-03-03T08:00:00",
        earlyFinish: "2025-03-04T17:00:00",
        lateStart: "2025-03-05T08:00:00",
        lateFinish: "2025-03-06T17:00:00",
        totalSlackMinutes: 960,
        freeSlackMinutes: 0,
        critical: false,
      },
    });
    if (i % 50 !== 2)
      dependencies.push({
        from: String(i - 1),
        to: id,
        type: i % 10 === 0 ? "SS" : "FS",
        lag: { value: i % 5 === 0 ? 1 : 0, unit: "days" },
      });
  }
  return {
    id: "1",
    name: "Generated",
    priority: 500,
    settings: {
      minutesPerDay: 480,
      minutesPerWeek: 2400,
      daysPerMonth: 20,
      currency: "USD",
      defaultCalendarId: "1",
      startDate: "2025-03-03T08:00:00",
      scheduleFrom: "start",
      honorConstraints: true,
      criticalSlackLimitMinutes: 0,
      newTasksEffortDriven: false,
      defaultTaskType: "fixedUnits",
      totalSlackCalculation: "smallest",
      calculateMultipleCriticalPaths: false,
      useExpectedFinish: false,
    },
    calendars: [
      {
        id: "1",
        name: "Standard",
        weekDays: {
          sunday: { working: false },
          monday: std,
          tuesday: std,
          wednesday: std,
          thursday: std,
          friday: std,
          saturday: { working: false },
        },
        workWeeks: [],
        exceptions: [],
      },
    ],
    tasks,
    dependencies,
    resources: [],
    assignments: [],
    risks: [],
    issues: [],
  };
}

function generateXer(n: number): string {
  const lines = [
    "ERMHDR\t20.12\t2025-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tUSD",
    "%T\tPROJECT",
    "%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date\tlast_recalc_date",
    "%R\t1\tGEN\t1\t2025-01-06 08:00\t2025-01-06 08:00",
    "%T\tCALENDAR",
    "%F\tclndr_id\tdefault_flag\tclndr_name\tproj_id\tbase_clndr_id\tday_hr_cnt\tweek_hr_cnt\tmonth_hr_cnt\tclndr_data",
    "%R\t1\tY\tStd\t\t\t8\t40\t172\t(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(s|08:00|f|16:00)())))(0||3()((0||0(s|08:00|f|16:00)())))(0||4()((0||0(s|08:00|f|16:00)())))(0||5()((0||0(s|08:00|f|16:00)())))(0||6()((0||0(s|08:00|f|16:00)())))(0||7()())))(0||Exceptions()())))",
    "%T\tTASK",
    "%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_code\ttask_name\ttask_type\tstatus_code\ttarget_drtn_hr_cnt\tremain_drtn_hr_cnt\tearly_start_date\tearly_end_date\tlate_start_date\tlate_end_date\ttotal_float_hr_cnt\tfree_float_hr_cnt",
  ];
  for (let i = 1; i <= n; i++)
    lines.push(
      `%R\t${i}\t1\t\t1\tA${i}\tActivity ${i}\tTT_Task\tTK_NotStart\t16\t16\t2025-01-06 08:00\t2025-01-07 16:00\t2025-01-08 08:00\t2025-01-09 16:00\t16\t0`,
    );
  lines.push(
    "%T\tTASKPRED",
    "%F\ttask_pred_id\ttask_id\tpred_task_id\tproj_id\tpred_proj_id\tpred_type\tlag_hr_cnt",
  );
  for (let i = 2; i <= n; i++) lines.push(`%R\t${i}\t${i}\t${i - 1}\t1\t1\tPR_FS\t0`);
  lines.push("%E", "");
  return lines.join("\r\n");
}

const ops: Record<string, (text: string) => unknown> = {
  "mspdi:tokenize": (t) => {
    let n = 0;
    tokenizeXml(t, { open: () => void n++, text: () => {}, close: () => {} });
    return n;
  },
  "mspdi:tree": (t) => parseXml(t),
  "mspdi:fast-xml-parser": (t) => new XMLParser().parse(t),
  "mspdi:read": (t) => readMspdi(t).project.tasks.length,
  "mspdi:read-drop-unmapped": (t) => readMspdi(t, { keepUnmapped: false }).project.tasks.length,
  "xer:tokenize": (t) => tokenizeXer(t).tables.size,
  "xer:read": (t) => readXer(t).projects.length,
};

// Child mode: run one op on one file, print timings and max RSS.
if (process.argv[2] === "--child") {
  const [, , , op, file] = process.argv;
  const bytes = readFileSync(file!);
  const text = new TextDecoder(op!.startsWith("xer") ? "windows-1252" : "utf-8").decode(bytes);
  const f = ops[op!]!;
  const times: number[] = [];
  const runs = Number(process.argv[5] ?? RUNS);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      median: times[Math.floor(times.length / 2)],
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
function child(op: string, file: string, runs = RUNS): { median: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, [...process.execArgv, self, "--child", op, file, String(runs)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as { median: number; maxRssMb: number };
}

const dir = mkdtempSync(join(tmpdir(), "pmokit-bench-"));
console.log(
  `machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);

// MSPDI write.
const project = generateProject(N);
const wt: number[] = [];
let xml = "";
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  xml = writeMspdi(project);
  wt.push(performance.now() - t0);
}
wt.sort((a, b) => a - b);
const mspdiFile = join(dir, "generated.xml");
writeFileSync(mspdiFile, xml);
console.log(
  `\nMSPDI ${N.toLocaleString("en")} tasks, ${project.dependencies.length.toLocaleString("en")} links, ${(statSync(mspdiFile).size / 2 ** 20).toFixed(1)} MiB`,
);
console.log(`  write (writeMspdi)            median ${wt[Math.floor(RUNS / 2)]!.toFixed(0)} ms`);
const rows: [string, { median: number; maxRssMb: number }][] = [];
for (const op of [
  "mspdi:tokenize",
  "mspdi:tree",
  "mspdi:fast-xml-parser",
  "mspdi:read",
  "mspdi:read-drop-unmapped",
])
  rows.push([op, child(op, mspdiFile)]);
const base = rows[0]![1];
for (const [op, r] of rows)
  console.log(
    `  ${op.padEnd(28)} median ${r.median.toFixed(0).padStart(6)} ms  ${(r.median / base.median).toFixed(2)}× tokenizer   peak RSS ${r.maxRssMb.toFixed(0)} MiB`,
  );

// XER: generated and largest shared file.
const xerFile = join(dir, "generated.xer");
writeFileSync(xerFile, generateXer(N));
const xerFiles: [string, string, number][] = [
  [`generated ${N.toLocaleString("en")} activities`, xerFile, RUNS],
];
const shared = join(fileURLToPath(new URL("../../../../shared/data/xer", import.meta.url)));
if (existsSync(shared)) {
  const largest = readdirSync(shared)
    .filter((f) => f.endsWith(".xer"))
    .map((f) => [f, statSync(join(shared, f)).size] as const)
    .sort((a, b) => b[1] - a[1])[0];
  if (largest)
    xerFiles.push([`largest shared XER ${largest[0]} (${largest[1]} B)`, join(shared, largest[0]), 201]);
}
for (const [label, file, runs] of xerFiles) {
  console.log(`\nXER ${label}, ${(statSync(file).size / 2 ** 20).toFixed(2)} MiB`);
  const tok = child("xer:tokenize", file, runs);
  const read = child("xer:read", file, runs);
  console.log(
    `  xer:tokenize                 median ${tok.median.toFixed(2).padStart(8)} ms  1.00× tokenizer   peak RSS ${tok.maxRssMb.toFixed(0)} MiB`,
  );
  console.log(
    `  xer:read                     median ${read.median.toFixed(2).padStart(8)} ms  ${(read.median / tok.median).toFixed(2)}× tokenizer   peak RSS ${read.maxRssMb.toFixed(0)} MiB`,
  );
}
