// Demo step: portfolio analysis. Weight business drivers by AHP, score the sample portfolio's projects
// and a few new proposals against them, choose the best set under budgets, developer capacity and
// dependencies, print the efficient frontier, the chosen set and a what-if.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  computeAhp,
  computeEfficientFrontier,
  scoreProjects,
  selectPortfolio,
  strategicAlignment,
  whatIf,
} from "@pmokit/portfolio";

export const title = "Portfolio analysis: drivers (AHP), priorities, optimal selection, efficient frontier";

const DRIVERS = ["growth", "efficiency", "compliance", "customer"];
// Pairwise judgments of the steering committee: row over column on Saaty's 1-9 scale.
const JUDGMENTS = [
  [1, 3, 1 / 2, 2],
  [1 / 3, 1, 1 / 4, 1 / 2],
  [2, 4, 1, 3],
  [1 / 2, 2, 1 / 3, 1],
];
const LEVELS = ["none", "low", "moderate", "strong", "extreme"];

export async function run(ctx) {
  // Running projects from the bundled sample portfolio (ids and names), plus new proposals.
  let running = [];
  try {
    const sample = JSON.parse(
      await readFile(join(ctx.examplesDir, "sample-portfolio", "portfolio.json"), "utf8"),
    );
    running = sample.projects.map((p) => ({ id: p.id, name: p.name }));
  } catch {
    running = [];
  }
  const proposals = [
    { id: "CRM-AI", name: "AI lead scoring in CRM" },
    { id: "GDPR-26", name: "Data-retention compliance 2026" },
    { id: "WMS-2", name: "Warehouse robotics pilot" },
    { id: "SELF-SVC", name: "Self-service returns" },
    { id: "FLEET", name: "Fleet telematics roll-out" },
  ];
  const taken = new Set(running.map((p) => p.id));
  const candidates = [...running, ...proposals.filter((p) => !taken.has(p.id))];

  const ahp = computeAhp(JUDGMENTS, { labels: DRIVERS, ri: "saaty" });
  console.log(
    `Driver weights (AHP eigenvector): ${DRIVERS.map((d, i) => `${d} ${((ahp.weights[i] ?? 0) * 100).toFixed(1)} %`).join(", ")}; ` +
      `CR ${ahp.cr?.toFixed(3) ?? "n/a"} (${ahp.riTable})`,
  );

  // Deterministic ratings and costs per candidate (a small, realistic spread).
  /** @type {Record<string, Record<string, string>>} */
  const ratings = {};
  const facts = candidates.map((c, k) => {
    ratings[c.id] = Object.fromEntries(
      DRIVERS.map((d, i) => [d, LEVELS[(k * 3 + i * 2 + (c.id.length % 3)) % 5] ?? "none"]),
    );
    const size = 1 + ((k * 7) % 5);
    return {
      ...c,
      capex2027: 40 * size + 10 * (k % 3),
      capex2028: k % 2 === 0 ? 25 * size : 10 * size,
      dev: [2, 2, 1].map((x) => x * (1 + (size > 3 ? 1 : 0))),
    };
  });
  const priorities = scoreProjects(
    DRIVERS.map((id, i) => ({ id, weight: ahp.weights[i] ?? 0 })),
    ratings,
  );
  const byId = new Map(priorities.map((p) => [p.id, p]));
  /** @type {import("@pmokit/portfolio").SelectionProblem} */
  const problem = {
    projects: facts.map((f) => ({
      id: f.id,
      value: Math.round((byId.get(f.id)?.priority ?? 0) * 10) / 10,
      // Money crosses the API as decimal strings (k EUR); the solver scales them to exact integers.
      costs: {
        capex2027: { amount: f.capex2027.toFixed(2), currency: "EUR" },
        capex2028: { amount: f.capex2028.toFixed(2), currency: "EUR" },
      },
      demand: { dev: f.dev },
      start: 0,
      shift: { earliest: 0, latest: 2 },
      drivers: byId.get(f.id)?.byDriver ?? {},
      ...(f.id === "GDPR-26" ? { force: "in" } : {}),
    })),
    limits: {
      capex2027: { amount: "600.00", currency: "EUR" },
      capex2028: { amount: "420.00", currency: "EUR" },
    },
    capacities: { dev: [9, 9, 9, 9, 9] },
    relations: [
      { type: "requires", a: "CRM-AI", b: "SELF-SVC" },
      { type: "excludes", a: "WMS-2", b: "FLEET" },
    ],
  };
  const chosen = await selectPortfolio(problem);
  /** @param {unknown} a */
  const amt = (a) => (typeof a === "object" && a !== null && "amount" in a ? a.amount : a);
  ctx.results.portfolio = chosen;
  console.log(
    `Chosen: ${chosen.selected.length} of ${candidates.length} projects, value ${chosen.objective.toFixed(1)} of ${priorities
      .reduce((s, p) => s + p.priority, 0)
      .toFixed(
        0,
      )} priority points (${chosen.optimal ? "proven optimal" : `gap ${chosen.gap}`}, ${chosen.solver})`,
  );
  console.table(
    problem.projects.map((p) => ({
      project: p.id,
      priority: `${p.value.toFixed(1)} %`,
      capex2027: amt(p.costs?.["capex2027"]),
      capex2028: amt(p.costs?.["capex2028"]),
      decision: chosen.decisions[p.id],
      start: chosen.starts[p.id] ?? "",
    })),
  );
  console.log(
    `Usage: ${Object.entries(chosen.totals)
      .map(([k, t]) => `${k} ${t.used}/${t.limit} k${t.currency ?? ""}`)
      .join(", ")}`,
  );
  for (const s of chosen.shifted)
    console.log(`  ${s.id} starts in quarter ${s.to} instead of ${s.from} (developer capacity)`);

  const frontier = await computeEfficientFrontier(problem, {
    constraint: "capex2027",
    budgets: [100, 200, 300, 400, 500, 600, 800, 1000],
  });
  console.log("Efficient frontier (capex 2027 budget → value):");
  for (const p of frontier)
    console.log(
      `  ${String(p.budget).padStart(5)}  ${p.feasible ? `${p.objective.toFixed(1).padStart(6)}  ${"#".repeat(Math.round(p.valueShare * 40))} ${p.selected.length} projects` : "infeasible (forced projects do not fit)"}`,
    );
  console.table(
    strategicAlignment(problem, chosen.selected, "capex2027").map((a) => ({
      driver: a.driver,
      served: `${(a.share * 100).toFixed(0)} %`,
      "capex2027 spend": a.spend.toFixed(0),
    })),
  );
  const first = chosen.selected.find((id) => id !== "GDPR-26");
  if (first) {
    const w = await whatIf(problem, { type: "terminate", id: first }, { baseline: chosen });
    console.log(
      `What-if: terminate ${first}: frees ${Object.entries(w.freed)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}; re-optimised value ${w.valueDelta >= 0 ? "+" : ""}${w.valueDelta.toFixed(1)}; ` +
        `adds ${w.added.join(", ") || "nothing"}`,
    );
  }
}
