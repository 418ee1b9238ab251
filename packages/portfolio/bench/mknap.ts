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

/**
 * Parses mknap2.txt (48 literature instances: SENTO, WEING, WEISH, PB, HP). The file opens with a
 * prose header (including a worked example whose numbers are not an instance), so parsing starts at
 * the first `problem NAME.DAT` line. Each block: `m n` (knapsacks, objects), n profits, m capacities,
 * m constraint rows of n coefficients, then the known optimum.
 */
export function parseMknap2(text: string): MknapInstance[] {
  const out: MknapInstance[] = [];
  const blocks = text.split(/^[ \t]*problem[ \t]+(\S+)[ \t]*$/m);
  for (let q = 1; q + 1 < blocks.length; q += 2) {
    const name = blocks[q]!.replace(/\.DAT$/i, "");
    const t = blocks[q + 1]!.split(/\s+/)
      .filter((s) => /^-?\d+(\.\d+)?$/.test(s))
      .map(Number);
    const m = t[0]!;
    const n = t[1]!;
    const expected = 2 + n + m + m * n + 1;
    if (t.length !== expected)
      throw new Error(`mknap2 ${name}: expected ${expected} numbers for m=${m}, n=${n}, found ${t.length}`);
    let p = 2;
    const profits = t.slice(p, p + n);
    p += n;
    const capacities = t.slice(p, p + m);
    p += m;
    const weights: number[][] = [];
    for (let i = 0; i < m; i++) {
      weights.push(t.slice(p, p + n));
      p += n;
    }
    out.push({ name: `mknap2 ${name}`, n, m, opt: t[p]!, profits, weights, capacities });
  }
  return out;
}

/** Reads mknap2.txt (see {@link parseMknap2}). */
export function readMknap2(path: string): MknapInstance[] {
  return parseMknap2(readFileSync(path, "utf8"));
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
