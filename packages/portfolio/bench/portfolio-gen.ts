// Synthetic portfolio generator and LP writer shared by the benchmark and its helpers.
import { compileSelection } from "../src/select/model.js";
import type { SelectionProblem, SelectionRelation } from "../src/index.js";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 1,000 candidate projects, 5 limits (2 yearly budgets, 3 roles), requires/excludes/includes, forcing. */
export function generatePortfolio(n = 1000, seed = 42): SelectionProblem {
  const r = rng(seed);
  const names = ["capex2027", "capex2028", "dev", "ops", "analyst"];
  const projects = Array.from({ length: n }, (_, j) => {
    const size = 1 + Math.floor(r() * 20);
    const costs: Record<string, number> = {};
    // Funded in one or both years; staffed mainly by one or two of the three roles.
    const year = r();
    costs["capex2027"] = year < 0.7 ? Math.round(size * (5 + r() * 15)) : 0;
    costs["capex2028"] = year > 0.4 ? Math.round(size * (5 + r() * 15)) : 0;
    const role = Math.floor(r() * 3);
    for (const [i, k] of names.slice(2).entries())
      costs[k] = i === role || r() < 0.25 ? Math.round(size * (1 + r() * 4)) : 0;
    // Strategic value: priority points (1-100) scaled by size, as scored portfolios are.
    const value = Math.max(1, Math.round((1 + r() * 99) * (0.5 + size / 40)));
    return { id: `P${String(j).padStart(4, "0")}`, value, costs } as {
      id: string;
      value: number;
      costs: Record<string, number>;
      force?: "in" | "out";
    };
  });
  const limits: Record<string, number> = {};
  for (const k of names) limits[k] = Math.round(projects.reduce((s, p) => s + (p.costs[k] ?? 0), 0) * 0.3);
  const relations: SelectionRelation[] = [];
  const pick = (): string => projects[Math.floor(r() * n)]!.id;
  for (let k = 0; k < 100; k++) {
    const a = pick();
    const b = pick();
    if (a !== b) relations.push({ type: "requires", a, b });
  }
  for (let k = 0; k < 50; k++) {
    const a = pick();
    const b = pick();
    if (a !== b) relations.push({ type: "excludes", a, b });
  }
  for (let k = 0; k < 20; k++) {
    const a = pick();
    const b = pick();
    if (a !== b) relations.push({ type: "includes", a, b });
  }
  // Force in / out only projects outside relations (a random forced set could be infeasible).
  const related = new Set(relations.flatMap((x) => (x.type === "exclusive" ? x.ids : [x.a, x.b])));
  const free = projects.filter((p) => !related.has(p.id));
  for (let k = 0; k < 10; k++) free[Math.floor(r() * free.length)]!.force = "in";
  for (let k = 0; k < 10; k++) {
    const p = free[Math.floor(r() * free.length)]!;
    if (!p.force) p.force = "out";
  }
  return { projects, limits, relations };
}

/** Writes the compiled model as a CPLEX LP file (same rows, bounds and objective as HiGHS gets). */
export function toLp(problem: SelectionProblem): string {
  const m = compileSelection(problem);
  const v = (c: number): string => `x${c}`;
  const terms = (idx: ArrayLike<number>, val: ArrayLike<number>): string => {
    const parts: string[] = [];
    for (let k = 0; k < idx.length; k++)
      parts.push(`${val[k]! < 0 ? "-" : "+"} ${Math.abs(val[k]!)} ${v(idx[k]!)}`);
    return parts.join(" ");
  };
  const lines = [
    "Maximize",
    ` obj: ${terms(
      Array.from({ length: m.n }, (_, c) => c),
      m.value,
    )}`,
    "Subject To",
  ];
  m.rows.forEach((r, i) => {
    if (r.idx.length > 0) lines.push(` r${i}: ${terms(r.idx, r.val)} <= ${r.rhs}`);
  });
  lines.push("Bounds");
  for (let c = 0; c < m.n; c++) lines.push(` ${m.lower[c] ? 1 : 0} <= ${v(c)} <= 1`);
  lines.push("Binaries", ` ${Array.from({ length: m.n }, (_, c) => v(c)).join(" ")}`, "End");
  return lines.join("\n");
}
