import { PmokitError } from "@pmokit/core";
import type { Highs, InitOptions } from "highs";
import type { SolverOutcome } from "./bnb.js";
import type { CompiledModel } from "./model.js";

/**
 * How to load the HiGHS WebAssembly module. In Node the `highs` package finds `highs.wasm` next to
 * its loader by itself. Bundlers that do not copy the asset need `locateFile` (return the URL the
 * bundler gives `highs/runtime`), or pass the bytes (`wasmBinary`) or a compiled `wasmModule`.
 *
 * @category Selection
 * @since 0.1.0
 */
export interface HighsLoaderOptions {
  readonly locateFile?: (file: string) => string;
  readonly wasmBinary?: ArrayBuffer | ArrayBufferView;
  /** A compiled `WebAssembly.Module` of `highs.wasm`. */
  readonly wasmModule?: object;
}

let cached: Promise<Highs> | undefined;

/**
 * Loads HiGHS lazily (dynamic `import("highs")`, once per process; later calls reuse the instance).
 *
 * @param options - loader options (only used by the first call)
 * @returns the HiGHS runtime
 * @throws PmokitError `INTERNAL` when the module or its WebAssembly cannot be loaded
 * @example
 * ```ts
 * import { loadHighsSolver } from "@pmokit/portfolio";
 * const highs = await loadHighsSolver();
 * highs.version.string;
 * ```
 * @category Selection
 * @since 0.1.0
 */
export function loadHighsSolver(options: HighsLoaderOptions = {}): Promise<Highs> {
  cached ??= (async () => {
    try {
      const mod = (await import("highs")) as unknown as { default: unknown };
      // ESM build: default export is the loader; CJS interop may nest it once more.
      const d = mod.default as
        ((o?: InitOptions) => Promise<Highs>) | { default: (o?: InitOptions) => Promise<Highs> };
      const loader = typeof d === "function" ? d : d.default;
      const init: InitOptions = {};
      if (options.locateFile) init.locateFile = options.locateFile;
      if (options.wasmBinary) init.wasmBinary = options.wasmBinary;
      if (options.wasmModule) init.wasmModule = options.wasmModule as NonNullable<InitOptions["wasmModule"]>;
      return await loader(init);
    } catch (e) {
      cached = undefined;
      throw new PmokitError(
        "INTERNAL",
        `cannot load the HiGHS solver (npm package 'highs'): ${e instanceof Error ? e.message : String(e)}`,
        { expected: "the 'highs' package and its highs.wasm (pass locateFile or wasmBinary in bundlers)" },
        { cause: e },
      );
    }
  })();
  return cached;
}

/** Solves a compiled model with HiGHS (branch and cut, exact gap 0 or < 1 for integral values). */
export async function solveWithHighs(
  model: CompiledModel,
  options: { timeLimitMs?: number; loader?: HighsLoaderOptions; incumbent?: Uint8Array } = {},
): Promise<SolverOutcome> {
  const highs = await loadHighsSolver(options.loader);
  const n = model.n;
  const rows = model.rows;
  if (n === 0) {
    const infeasible = rows.some((r) => r.rhs < 0);
    return {
      status: infeasible ? "infeasible" : "optimal",
      x: infeasible ? null : new Uint8Array(0),
      objective: 0,
      bound: 0,
      nodes: 0,
      solver: "highs",
    };
  }
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    for (let k = 0; k < r.idx.length; k++) {
      indices.push(r.idx[k]!);
      values.push(r.val[k]!);
    }
    starts.push(indices.length);
  }
  const inf = highs.infinity;
  const m = highs.createModel();
  try {
    m.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: model.integral ? 1 - 1e-6 : 1e-9,
      ...(options.timeLimitMs === undefined
        ? {}
        : { time_limit: Math.max(0.01, options.timeLimitMs / 1000) }),
    });
    m.passModel({
      numCols: n,
      numRows: rows.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: model.value,
      colLower: Float64Array.from(model.lower),
      colUpper: new Float64Array(n).fill(1),
      rowLower: new Float64Array(rows.length).fill(-inf),
      rowUpper: Float64Array.from(rows, (r) => r.rhs),
      matrix: {
        format: "csr",
        numRows: rows.length,
        numCols: n,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
      integrality: new Int32Array(n).fill(highs.constants.variableType.integer),
    });
    // A feasible 0/1 start (the caller checks feasibility): HiGHS takes it as its first incumbent.
    if (options.incumbent && options.incumbent.length === n)
      m.setSolution({ colValue: Float64Array.from(options.incumbent) });
    m.run();
    const status = m.getModelStatus();
    const S = highs.constants.modelStatus;
    const num = (name: string): number => {
      const v = m.info.get(name);
      return typeof v === "bigint" ? Number(v) : v;
    };
    const nodes = num("mip_node_count");
    if (status === S.infeasible)
      return { status: "infeasible", x: null, objective: 0, bound: 0, nodes, solver: "highs" };
    const hasSolution = num("primal_solution_status") === highs.constants.solutionStatus.feasible;
    if (!hasSolution)
      return {
        status: "unknown",
        x: null,
        objective: 0,
        bound: num("mip_dual_bound"),
        nodes,
        solver: "highs",
      };
    const col = m.getSolution().colValue;
    const x = new Uint8Array(n);
    let obj = 0;
    for (let j = 0; j < n; j++) {
      x[j] = col[j]! > 0.5 ? 1 : 0;
      if (x[j]) obj += model.value[j]!;
    }
    if (status === S.optimal)
      return { status: "optimal", x, objective: obj, bound: obj, nodes, solver: "highs" };
    const db = num("mip_dual_bound");
    return {
      status: "feasible",
      x,
      objective: obj,
      bound: Number.isFinite(db) ? Math.max(obj, db) : Infinity,
      nodes,
      solver: "highs",
    };
  } finally {
    m.dispose();
  }
}
