// Interop benchmark: a generated 100,000-task MSPDI file (read and write), a generated
// 100,000-activity XER and the largest shared XER, each side by side with the bare parse of the same
// text: our own tokenizers alone (the strictest baseline: a lexer with empty handlers), and
// independent parsers a user would reach for: saxes (a SAX parser, run with no handlers), fast-xml-
// parser (builds a JavaScript object), and for XER a plain `split` into lines and cells. Each
// measurement runs in a fresh child process so peak memory (max RSS) is comparable. Prints medians
// and ratios.
//
//   pnpm -C packages/interop bench            (tsx --conditions=@pmokit/source)
//   BENCH_ONLY=xer pnpm -C packages/interop bench   (XER part only; BENCH_ONLY=mspdi for MSPDI only)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";
import { SaxesParser } from "saxes";
import { parseXml, readMspdi, readXer, tokenizeXer, tokenizeXml, writeMspdi } from "@pmokit/interop";
import { generateMspdiMsProject, generateProject, generateXer, generateXerP6 } from "./generate.js";

const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const N = Number(process.env["BENCH_TASKS"] ?? 100_000);
const ONLY = process.env["BENCH_ONLY"];

let outputJson = "";
const ops: Record<string, (text: string) => unknown> = {
  "mspdi:tokenize": (t) => {
    let n = 0;
    tokenizeXml(t, { open: () => void n++, text: () => {}, close: () => {} });
    return n;
  },
  "mspdi:tree": (t) => parseXml(t),
  "mspdi:saxes": (t) => new SaxesParser().write(t).close(),
  "mspdi:fast-xml-parser": (t) => new XMLParser().parse(t),
  "mspdi:read": (t) => readMspdi(t).project.tasks.length,
  "mspdi:read-drop-unmapped": (t) => readMspdi(t, { keepUnmapped: false }).project.tasks.length,
  "xer:tokenize": (t) => tokenizeXer(t).tables.size,
  // What a user would write: lines, then tab-separated cells.
  "xer:split": (t) => t.split("\n").map((line) => line.split("\t")).length,
  // The floor of building the output: V8's native JSON.parse of the reader's own result (prepared
  // untimed in the child). No reader can build those objects for less.
  "mspdi:output-json-parse": () => JSON.parse(outputJson).length,
  "xer:output-json-parse": () => JSON.parse(outputJson).length,
  "xer:read": (t) => readXer(t).projects.length,
};

// Child mode: run one op on one file, print timings and max RSS.
if (process.argv[2] === "--child") {
  const [, , , op, file] = process.argv;
  const bytes = readFileSync(file!);
  const text = new TextDecoder(op!.startsWith("xer") ? "windows-1252" : "utf-8").decode(bytes);
  const f = ops[op!]!;
  if (op === "mspdi:output-json-parse") outputJson = JSON.stringify(readMspdi(text).project);
  if (op === "xer:output-json-parse") outputJson = JSON.stringify(readXer(text).projects);
  const times: number[] = [];
  const cpu: number[] = [];
  const runs = Number(process.argv[5] ?? RUNS);
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f(text);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  process.stdout.write(
    JSON.stringify({ median: times[mid], cpu: cpu[mid], maxRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
function child(op: string, file: string, runs = RUNS): { median: number; cpu: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, [...process.execArgv, self, "--child", op, file, String(runs)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as { median: number; cpu: number; maxRssMb: number };
}

const dir = mkdtempSync(join(tmpdir(), "pmokit-bench-"));
console.log(
  `machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);

if (ONLY !== "xer") {
  // MSPDI write.
  const project = generateProject(N);
  const wt: number[] = [];
  const wc: number[] = [];
  let xml = "";
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    xml = writeMspdi(project);
    wt.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    wc.push((c.user + c.system) / 1000);
  }
  wt.sort((a, b) => a - b);
  wc.sort((a, b) => a - b);
  const mspdiFile = join(dir, "generated.xml");
  writeFileSync(mspdiFile, xml);
  console.log(
    `\nMSPDI ${N.toLocaleString("en")} tasks, ${project.dependencies.length.toLocaleString("en")} links, ${(statSync(mspdiFile).size / 2 ** 20).toFixed(1)} MiB`,
  );
  console.log(
    `  write (writeMspdi)            wall ${wt[Math.floor(RUNS / 2)]!.toFixed(0)} ms  cpu ${wc[Math.floor(RUNS / 2)]!.toFixed(0)} ms`,
  );
  const rows: [string, { median: number; cpu: number; maxRssMb: number }][] = [];
  for (const op of [
    "mspdi:tokenize",
    "mspdi:tree",
    "mspdi:fast-xml-parser",
    "mspdi:saxes",
    "mspdi:read",
    "mspdi:read-drop-unmapped",
    "mspdi:output-json-parse",
  ])
    rows.push([op, child(op, mspdiFile)]);
  const base = rows[0]![1];
  for (const [op, r] of rows)
    console.log(
      `  ${op.padEnd(26)} wall ${r.median.toFixed(0).padStart(6)} ms  cpu ${r.cpu.toFixed(0).padStart(6)} ms  ${(r.cpu / base.cpu).toFixed(2)}× tokenizer cpu (${(r.median / base.median).toFixed(2)}× wall)  ${(r.cpu / rows[1]![1].cpu).toFixed(2)}× parseXml cpu  ${(r.cpu / rows[2]![1].cpu).toFixed(2)}× fast-xml-parser cpu  ${(r.cpu / rows[3]![1].cpu).toFixed(2)}× saxes cpu  peak RSS ${r.maxRssMb.toFixed(0)} MiB`,
    );

  // The same number of tasks shaped like MS Project's own XML (about 70 fields per task, a baseline,
  // assignments): the generic tree parsers are left out (several GiB of memory at this size).
  const mspFile = join(dir, "msproject.xml");
  writeFileSync(mspFile, generateMspdiMsProject(N));
  console.log(
    `\nMSPDI shaped like MS Project's own files: ${N.toLocaleString("en")} tasks, ${(statSync(mspFile).size / 2 ** 20).toFixed(1)} MiB`,
  );
  const mt = child("mspdi:tokenize", mspFile);
  const mtree = child("mspdi:tree", mspFile, 1);
  const msax = child("mspdi:saxes", mspFile);
  for (const [op, r] of [
    ["mspdi:tokenize", mt],
    ["mspdi:tree (1 run)", mtree],
    ["mspdi:saxes", msax],
    ["mspdi:read", child("mspdi:read", mspFile)],
    ["mspdi:output-json-parse", child("mspdi:output-json-parse", mspFile)],
  ] as const)
    console.log(
      `  ${op.padEnd(26)} wall ${r.median.toFixed(0).padStart(6)} ms  cpu ${r.cpu.toFixed(0).padStart(6)} ms  ${(r.cpu / mt.cpu).toFixed(2)}× tokenizer cpu (${(r.median / mt.median).toFixed(2)}× wall)  ${(r.cpu / mtree.cpu).toFixed(2)}× parseXml cpu  ${(r.cpu / msax.cpu).toFixed(2)}× saxes cpu  peak RSS ${r.maxRssMb.toFixed(0)} MiB`,
    );
}

// XER: generated and largest shared file.
const xerFile = join(dir, "generated.xer");
const xerP6File = join(dir, "generated-p6.xer");
if (ONLY !== "mspdi") {
  writeFileSync(xerFile, generateXer(N));
  writeFileSync(xerP6File, generateXerP6(N));
}
const xerFiles: [string, string, number][] = [
  [`generated ${N.toLocaleString("en")} activities, 16 TASK columns`, xerFile, RUNS],
  [
    `generated ${N.toLocaleString("en")} activities in P6's own layout (60 TASK columns, WBS, assignments)`,
    xerP6File,
    RUNS,
  ],
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
for (const [label, file, runs] of ONLY === "mspdi" ? [] : xerFiles) {
  console.log(`\nXER ${label}, ${(statSync(file).size / 2 ** 20).toFixed(2)} MiB`);
  const tok = child("xer:tokenize", file, runs);
  const split = child("xer:split", file, runs);
  const read = child("xer:read", file, runs);
  const floor = child("xer:output-json-parse", file, runs);
  console.log(
    `  xer:tokenize   wall ${tok.median.toFixed(2).padStart(8)} ms  cpu ${tok.cpu.toFixed(2).padStart(8)} ms  1.00×  peak RSS ${tok.maxRssMb.toFixed(0)} MiB`,
  );
  for (const [op, r] of [
    ["xer:split", split],
    ["xer:read", read],
    ["output JSON.parse", floor],
  ] as const)
    console.log(
      `  ${op.padEnd(17)} wall ${r.median.toFixed(2).padStart(8)} ms  cpu ${r.cpu.toFixed(2).padStart(8)} ms  ${(r.cpu / tok.cpu).toFixed(2)}× tokenizer cpu (${(r.median / tok.median).toFixed(2)}× wall)  ${(r.cpu / split.cpu).toFixed(2)}× split cpu  peak RSS ${r.maxRssMb.toFixed(0)} MiB`,
    );
}
console.log(
  `\nload average at the end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
