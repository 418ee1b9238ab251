// Worker thread entry of @pmokit/risk/node: runs blocks of iterations on request.
import { parentPort } from "node:worker_threads";
// Imports the kernel module only (not the package barrel with zod) so workers start fast.
import type { CompiledModel } from "../simulation/compile.js";
import { runBlock } from "../simulation/kernel.js";
import type { BlockResult, KernelOptions } from "../simulation/kernel.js";

let model: CompiledModel | null = null;
let kernel: KernelOptions | null = null;

function transferables(r: BlockResult): ArrayBuffer[] {
  const list = [
    r.finish,
    r.cost,
    r.critical,
    r.sumD,
    r.sumDD,
    r.sumDT,
    r.linkSum,
    r.mergeMaxSum,
    r.occurrences,
    r.branchTaken,
  ];
  const all: ArrayBufferView[] = [
    ...list,
    ...r.exclusionFinish,
    ...r.exclusionCost,
    ...(r.durations ? [r.durations] : []),
  ];
  return all.map((a) => a.buffer as ArrayBuffer);
}

parentPort!.on(
  "message",
  (
    msg:
      | { type: "init"; model?: CompiledModel; kernel: KernelOptions }
      | { type: "run"; block: number; count: number },
  ) => {
    if (msg.type === "init") {
      if (msg.model) model = msg.model;
      kernel = msg.kernel;
      return;
    }
    const r = runBlock(model!, kernel!, msg.block, msg.count);
    parentPort!.postMessage(r, transferables(r));
  },
);
