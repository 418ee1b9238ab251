import type { Csr } from "./csr.js";

/**
 * Result of {@link topologicalOrder}: the order when the graph is acyclic, otherwise the nodes of one
 * cycle (in cycle order) so callers can name them.
 *
 * @category Graph
 * @since 0.1.0
 */
export type TopologicalOrder =
  | { readonly ok: true; readonly order: Int32Array }
  | { readonly ok: false; readonly cycle: readonly number[] };

/**
 * Kahn's topological sort on a CSR graph (O(n + m)); on a cycle, returns the members of one cycle.
 *
 * @param g - the out-edge CSR view
 * @returns the order, or one cycle
 * @example
 * ```ts
 * import { buildCsr, topologicalOrder } from "@pmokit/core";
 * const r = topologicalOrder(buildCsr(3, Int32Array.of(2, 0), Int32Array.of(0, 1)));
 * r.ok && r.order; // Int32Array [2, 0, 1]
 * ```
 * @category Graph
 * @since 0.1.0
 */
export function topologicalOrder(g: Csr): TopologicalOrder {
  const n = g.nodeCount;
  const indeg = new Int32Array(n);
  const { offsets, targets } = g;
  const m = targets.length;
  for (let e = 0; e < m; e++) indeg[targets[e]!]!++;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indeg[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++]!;
    const end = offsets[v + 1]!;
    for (let e = offsets[v]!; e < end; e++) {
      const w = targets[e]!;
      if (--indeg[w]! === 0) order[tail++] = w;
    }
  }
  if (tail === n) return { ok: true, order };
  return { ok: false, cycle: findCycle(g, indeg) };
}

/** Finds one cycle among the nodes left with a positive in-degree (all lie on or behind a cycle). */
function findCycle(g: Csr, indeg: Int32Array): number[] {
  const n = g.nodeCount;
  const { offsets, targets } = g;
  // Walk backwards is awkward on an out-CSR; walk forwards inside the residual graph instead:
  // every residual node has a residual successor? Not necessarily, so use iterative DFS with colours.
  const colour = new Uint8Array(n); // 0 white, 1 on stack, 2 done
  const stack: number[] = [];
  const edgePos: number[] = [];
  for (let s = 0; s < n; s++) {
    if (indeg[s] === 0 || colour[s] !== 0) continue;
    stack.push(s);
    edgePos.push(offsets[s]!);
    colour[s] = 1;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const v = stack[top]!;
      const pos = edgePos[top]!;
      if (pos < offsets[v + 1]!) {
        edgePos[top] = pos + 1;
        const w = targets[pos]!;
        if (indeg[w] === 0) continue;
        if (colour[w] === 1) return stack.slice(stack.indexOf(w));
        if (colour[w] === 0) {
          colour[w] = 1;
          stack.push(w);
          edgePos.push(offsets[w]!);
        }
      } else {
        colour[v] = 2;
        stack.pop();
        edgePos.pop();
      }
    }
  }
  return [];
}
