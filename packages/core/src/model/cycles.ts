/**
 * Internal graph helpers for validation (not exported from the package): iterative Tarjan SCC over a
 * CSR graph and parent-chain cycle detection. No recursion: safe for millions of nodes.
 */

/** A cycle found in a graph: node indices in order (`nodes[i] → nodes[i+1]`, last → first) and the edge
 * indices (`edges[i]` goes from `nodes[i]` to `nodes[(i+1) % n]`). */
export interface FoundCycle {
  readonly nodes: number[];
  readonly edges: number[];
}

/**
 * Finds one cycle per non-trivial strongly connected component (and every self-loop) of a directed
 * graph given as edge lists. Each cycle is a shortest cycle through the component's lowest-index node.
 */
export function findCycles(n: number, from: ArrayLike<number>, to: ArrayLike<number>): FoundCycle[] {
  const m = from.length;
  const off = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) off[from[e]! + 1]!++;
  for (let i = 0; i < n; i++) off[i + 1]! += off[i]!;
  const adj = new Int32Array(m);
  const adjEdge = new Int32Array(m);
  const fill = off.slice(0, n);
  for (let e = 0; e < m; e++) {
    const p = fill[from[e]!]!++;
    adj[p] = to[e]!;
    adjEdge[p] = e;
  }
  const cycles: FoundCycle[] = [];
  for (let e = 0; e < m; e++) if (from[e] === to[e]) cycles.push({ nodes: [from[e]!], edges: [e] });

  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let sp = 0;
  let csp = 0;
  let next = 0;
  let compCount = 0;
  const multi: number[][] = [];
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    index[s] = low[s] = next++;
    stack[sp++] = s;
    onStack[s] = 1;
    callNode[csp] = s;
    callEdge[csp] = off[s]!;
    csp++;
    while (csp > 0) {
      const v = callNode[csp - 1]!;
      const e = callEdge[csp - 1]!;
      if (e < off[v + 1]!) {
        callEdge[csp - 1] = e + 1;
        const w = adj[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[csp] = w;
          callEdge[csp] = off[w]!;
          csp++;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
      } else {
        csp--;
        if (csp > 0) {
          const u = callNode[csp - 1]!;
          if (low[v]! < low[u]!) low[u] = low[v]!;
        }
        if (low[v] === index[v]) {
          const members: number[] = [];
          let w: number;
          do {
            w = stack[--sp]!;
            onStack[w] = 0;
            comp[w] = compCount;
            members.push(w);
          } while (w !== v);
          if (members.length > 1) multi.push(members);
          compCount++;
        }
      }
    }
  }
  // For each multi-node component: BFS from its lowest node back to itself inside the component.
  const parent = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n);
  for (const members of multi) {
    let s = members[0]!;
    for (const x of members) if (x < s) s = x;
    const c = comp[s]!;
    const queue = [s];
    const touched: number[] = [s];
    parent[s] = s;
    let closing = -1;
    let last = -1;
    for (let q = 0; q < queue.length && closing < 0; q++) {
      const v = queue[q]!;
      for (let p = off[v]!; p < off[v + 1]!; p++) {
        const w = adj[p]!;
        if (comp[w] !== c || w === v) continue;
        if (w === s) {
          closing = adjEdge[p]!;
          last = v;
          break;
        }
        if (parent[w] === -1) {
          parent[w] = v;
          parentEdge[w] = adjEdge[p]!;
          touched.push(w);
          queue.push(w);
        }
      }
    }
    const nodes: number[] = [];
    const edges: number[] = [closing];
    for (let v = last; v !== s; v = parent[v]!) {
      nodes.push(v);
      edges.push(parentEdge[v]!);
    }
    nodes.push(s);
    nodes.reverse();
    edges.reverse();
    cycles.push({ nodes, edges });
    for (const t of touched) parent[t] = -1;
  }
  return cycles;
}

/**
 * Finds the cycles of a parent-pointer forest (`parent[i]` = parent index or -1): each cycle as the node
 * indices in child → parent order, starting at the first node met.
 */
export function findParentCycles(parent: Int32Array): number[][] {
  const n = parent.length;
  const state = new Uint8Array(n); // 0 new, 1 on current trail, 2 done
  const cycles: number[][] = [];
  const trail: number[] = [];
  for (let s = 0; s < n; s++) {
    if (state[s] !== 0) continue;
    trail.length = 0;
    let v = s;
    while (v !== -1 && state[v] === 0) {
      state[v] = 1;
      trail.push(v);
      v = parent[v]!;
    }
    if (v !== -1 && state[v] === 1) cycles.push(trail.slice(trail.indexOf(v)));
    for (const t of trail) state[t] = 2;
  }
  return cycles;
}
