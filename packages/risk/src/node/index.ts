/**
 * `@pmokit/risk/node`: Monte Carlo on Node worker threads. Results are bit-identical to
 * `simulate()` of `@pmokit/risk` for the same seed, iterations and block size, whatever the
 * number of threads: random streams belong to blocks of iterations, and blocks are merged in
 * block order.
 *
 * @packageDocumentation
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { PmokitError } from "@pmokit/core";
import {
  ConvergenceTracker,
  blockCount,
  compileModel,
  isCompiled,
  mergeBlocks,
  planSimulation,
} from "@pmokit/risk";
import type { BlockResult, CompiledModel, RiskModel, SimulateOptions, SimulationResult } from "@pmokit/risk";

/**
 * Options of {@link simulateParallel}.
 *
 * @category Simulation
 */
export interface ParallelOptions extends SimulateOptions {
  /** Worker threads (default: available parallelism, at most the number of blocks). */
  readonly threads?: number;
}

function spawnWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    // Running from TypeScript sources (tests, benchmarks): bootstrap the worker through tsx.
    const target = new URL("./worker.ts", here).href;
    const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(boot, { eval: true, execArgv: ["--conditions=@pmokit/source"] });
  }
  return new Worker(new URL("./worker.js", here));
}

/**
 * A pool of persistent worker threads (start-up is paid once; reuse it for many simulations).
 *
 * @category Simulation
 */
export interface SimulationPool {
  readonly threads: number;
  /** Runs a simulation on the pool's workers; same result as `simulate()`. */
  simulate(model: RiskModel | CompiledModel, options?: SimulateOptions): Promise<SimulationResult>;
  /** Terminates the workers. */
  close(): Promise<void>;
}

/**
 * Starts a pool of worker threads.
 *
 * @param threads - number of workers (default: available parallelism)
 * @returns the pool; call `close()` when done
 * @example
 * ```ts
 * const pool = createSimulationPool(4);
 * try { const r = await pool.simulate(model, { iterations: 50000, seed: 1 }); } finally { await pool.close(); }
 * ```
 * @category Simulation
 */
export function createSimulationPool(threads: number = availableParallelism()): SimulationPool {
  const workers = Array.from({ length: Math.max(1, Math.floor(threads)) }, spawnWorker);
  // The compiled model each worker holds: sent once, not again for repeated runs of the same model.
  const held = new Map<Worker, CompiledModel>();
  let busy = false;
  return {
    threads: workers.length,
    async simulate(model, options = {}) {
      if (busy)
        throw new PmokitError("INVALID_INPUT", "simulation pool: one simulation at a time", {
          expected: "an idle pool",
        });
      busy = true;
      try {
        return await runOnWorkers(workers, held, model, options);
      } finally {
        busy = false;
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Blocks in flight per worker: the next block is queued while one runs, so no worker waits for the main thread. */
const PIPELINE = 2;

async function runOnWorkers(
  pool: readonly Worker[],
  held: Map<Worker, CompiledModel>,
  model: RiskModel | CompiledModel,
  options: SimulateOptions,
): Promise<SimulationResult> {
  const cm = isCompiled(model) ? model : compileModel(model, options);
  const plan = planSimulation(cm, options);
  const workers = pool.slice(0, Math.max(1, Math.min(pool.length, plan.blocks)));
  const tracker = new ConvergenceTracker(options);
  const results: (BlockResult | undefined)[] = new Array(plan.blocks);
  let next = 0;
  let merged = 0;
  let stopAt = plan.blocks;
  const listeners: [Worker, (r: BlockResult) => void, (e: Error) => void][] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const dispatch = (w: Worker): void => {
        if (next >= stopAt) {
          if (inFlight === 0) resolve();
          return;
        }
        const b = next++;
        inFlight++;
        w.postMessage({ type: "run", block: b, count: blockCount(plan, b) });
      };
      for (const w of workers) {
        const onMessage = (r: BlockResult): void => {
          inFlight--;
          results[r.block] = r;
          while (merged < stopAt && results[merged]) {
            if (tracker.add(results[merged]!)) stopAt = merged + 1;
            merged++;
          }
          dispatch(w);
        };
        w.on("message", onMessage);
        w.on("error", reject);
        listeners.push([w, onMessage, reject]);
        if (held.get(w) === cm) w.postMessage({ type: "init", kernel: plan.kernel });
        else {
          w.postMessage({ type: "init", model: cm, kernel: plan.kernel });
          held.set(w, cm);
        }
      }
      for (let k = 0; k < PIPELINE; k++) for (const w of workers) dispatch(w);
    });
  } finally {
    for (const [w, m, e] of listeners) {
      w.off("message", m);
      w.off("error", e);
    }
  }
  return mergeBlocks(cm, plan, options, results.slice(0, stopAt) as BlockResult[], tracker.converged);
}

/**
 * Runs {@link simulate} with its blocks spread over worker threads (started and stopped for this
 * call; use {@link createSimulationPool} to reuse workers).
 *
 * @param model - the model or a compiled model
 * @param options - simulation options plus `threads`
 * @returns the same result as the single-threaded `simulate`
 * @throws PmokitError on invalid input
 * @example
 * ```ts
 * import { simulateParallel } from "@pmokit/risk/node";
 * const r = await simulateParallel(model, { iterations: 100000, seed: 7, threads: 4 });
 * ```
 * @category Simulation
 */
export async function simulateParallel(
  model: RiskModel | CompiledModel,
  options: ParallelOptions = {},
): Promise<SimulationResult> {
  const cm = isCompiled(model) ? model : compileModel(model, options);
  const plan = planSimulation(cm, options);
  const pool = createSimulationPool(Math.min(options.threads ?? availableParallelism(), plan.blocks));
  try {
    return await pool.simulate(cm, options);
  } finally {
    await pool.close();
  }
}
