import { describe, expect, it } from "vitest";
import { simulate } from "../simulation/simulate.js";
import type { RiskModel } from "../simulation/model.js";
import { compileModel } from "../simulation/compile.js";
import { createSimulationPool, simulateParallel } from "./index.js";

const model: RiskModel = {
  activities: [
    { id: "A", duration: { dist: "triangular", min: 8, mode: 10, max: 15 } },
    { id: "B", duration: { dist: "pert", min: 5, mode: 9, max: 20 }, predecessors: [{ id: "A" }] },
    {
      id: "C",
      duration: { dist: "uniform", min: 3, max: 12 },
      predecessors: [{ id: "A", type: "SS", lag: 2 }],
    },
    { id: "D", duration: 4, predecessors: [{ id: "B" }, { id: "C" }] },
  ],
  risks: [
    {
      id: "R1",
      probability: 0.3,
      impact: { dist: "triangular", min: 2, mode: 4, max: 9 },
      activities: ["B", "C"],
    },
  ],
  correlations: [{ a: "B", b: "C", rho: 0.4 }],
};

describe("H2: identical results for 1 (plain loop) and 2 worker threads", () => {
  it("matches the single-threaded run bit for bit", async () => {
    const opts = { iterations: 5500, seed: 99, blockSize: 500 };
    const one = simulate(model, opts);
    for (const threads of [2]) {
      const r = await simulateParallel(model, { ...opts, threads });
      expect(JSON.stringify(r)).toBe(JSON.stringify(one));
    }
  });
});

describe("simulation pool", () => {
  it("keeps the compiled model between runs and switches models correctly", async () => {
    const pool = createSimulationPool(2);
    try {
      const cm = compileModel(model);
      const other = compileModel({
        activities: [{ id: "X", duration: { dist: "uniform", min: 1, max: 2 } }],
      });
      for (const [m, seed] of [
        [cm, 1],
        [cm, 2],
        [other, 1],
        [cm, 3],
      ] as const) {
        const opts = { iterations: 2100, seed, blockSize: 500 };
        expect(JSON.stringify(await pool.simulate(m, opts))).toBe(JSON.stringify(simulate(m, opts)));
      }
    } finally {
      await pool.close();
    }
  });
});
