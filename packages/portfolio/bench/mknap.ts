// Reader for OR-Library multidimensional knapsack files (mknap1.txt, mknapcb*.txt) and mkcbres.txt.
// Used by the tests and the benchmark; the data stay in ../shared/data/mknap.
import { readFileSync } from "node:fs";
import type { SelectionProblem } from "../src/index.js";

export interface MknapInstance {
  readonly name: string;
  readonly n: number;
  readonly m: number;
  /** Optimum from the file (0 = not given). */
  readonly opt: number;
  readonly profits: number[];
  readonly weights: number[][];
  readonly capacities: number[];
}

/** Parses mknap1 / mknapcb files by tokens (line breaks carry no meaning). */
export function readMknap(path: string, prefix: string): MknapInstance[] {
  const t = readFileSync(path, "utf8").trim().split(/\s+/).map(Number);
  let p = 0;
  const k = t[p++]!;
  const out: MknapInstance[] = [];
  for (let q = 0; q < k; q++) {
    const n = t[p++]!;
    const m = t[p++]!;
    const opt = t[p++]!;
    const profits = t.slice(p, p + n);
    p += n;
    const weights: number[][] = [];
    for (let i = 0; i < m; i++) {
      weights.push(t.slice(p, p + n));
      p += n;
    }
    const capacities = t.slice(p, p + m);
    p += m;
    out.push({ name: `${prefix}#${q}`, n, m, opt, profits, weights, capacities });
  }
  return out;
}

/** Best values for mknapcb1 from mkcbres.txt (lines 13-42: "problem best ..."). */
export function readMkcbBest(path: string): number[] {
  const lines = readFileSync(path, "utf8").split("\n").slice(12, 42);
  return lines.map((l) => {
    const nums = l
      .trim()
      .split(/\s+/)
      .map(Number)
      .filter((x) => Number.isFinite(x));
    return nums[nums.length - 1]!;
  });
}

/** An MKP instance as a selection problem: items = projects, constraints = limits c0..cm-1. */
export function toSelectionProblem(inst: MknapInstance): SelectionProblem {
  return {
    projects: inst.profits.map((v, j) => ({
      id: `x${j}`,
      value: v,
      costs: Object.fromEntries(inst.weights.map((w, i) => [`c${i}`, w[j]!])),
    })),
    limits: Object.fromEntries(inst.capacities.map((b, i) => [`c${i}`, b])),
  };
}
