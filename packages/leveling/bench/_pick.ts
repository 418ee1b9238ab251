import { readFileSync } from "node:fs";
import { compileRcpsp, parsePsplibSm, solveRcpsp } from "/work/main/packages/leveling/src/index.js";
const D = "/work/shared/data/psplib";
const opt = new Map<string, number>();
for (const l of readFileSync(`${D}/j30opt.sm`, "utf8").split("\n")) {
  const m = /^\s*(\d+)\s+(\d+)\s+(\d+)/.exec(l);
  if (m) opt.set(`j30${m[1]}_${m[2]}.sm`, Number(m[3]));
}
const hits: string[] = [];
for (const g of [1, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41, 45])
  for (const i of [1, 2, 3]) {
    const f = `j30${g}_${i}.sm`;
    const inst = compileRcpsp(parsePsplibSm(readFileSync(`${D}/j30/${f}`, "utf8")).problem);
    const s = solveRcpsp(inst, { maxSchedules: 5000, seed: 1 });
    const lb = inst.lowerBound;
    console.log(f, s.makespan, opt.get(f), "lb", lb, s.makespan === opt.get(f) && opt.get(f)! > lb ? "HIT-nontrivial" : "");
  }
