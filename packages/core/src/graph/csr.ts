/**
 * A directed graph in compressed sparse row form: the out-edges of node `v` are the edge slots
 * `offsets[v] … offsets[v + 1] - 1`; `targets[e]` is the head of slot `e` and `edges[e]` the index
 * of the edge in the caller's edge list.
 *
 * @category Graph
 * @since 0.1.0
 */
export interface Csr {
  /** Number of nodes. */
  readonly nodeCount: number;
  /** `nodeCount + 1` row offsets. */
  readonly offsets: Int32Array;
  /** Head node of each slot. */
  readonly targets: Int32Array;
  /** Caller's edge index of each slot. */
  readonly edges: Int32Array;
}

/**
 * Builds the CSR of a graph given as parallel arrays of edge tails and heads (counting sort, O(n + m)).
 * With `reverse`, builds the in-edge view instead (slot heads are the tails).
 *
 * @param nodeCount - number of nodes
 * @param from - tail of every edge
 * @param to - head of every edge
 * @param reverse - build the in-edge (predecessor) view
 * @returns the CSR view
 * @example
 * ```ts
 * import { buildCsr } from "@pmokit/core";
 * const g = buildCsr(3, Int32Array.of(0, 1), Int32Array.of(1, 2));
 * g.targets; // Int32Array [1, 2]
 * ```
 * @category Graph
 * @since 0.1.0
 */
export function buildCsr(nodeCount: number, from: Int32Array, to: Int32Array, reverse = false): Csr {
  const m = from.length;
  const tail = reverse ? to : from;
  const head = reverse ? from : to;
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) offsets[tail[e]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(m);
  const edges = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const slot = fill[tail[e]!]!++;
    targets[slot] = head[e]!;
    edges[slot] = e;
  }
  return { nodeCount, offsets, targets, edges };
}
