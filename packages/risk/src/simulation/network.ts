import { PmokitError } from "@pmokit/core";
import { checkFinite, inputError } from "../internal/errors.js";
import type { LinkType } from "./model.js";

/** Link type codes in typed arrays. */
export const FS = 0;
export const SS = 1;
export const FF = 2;
export const SF = 3;
const LINK_CODES: Readonly<Record<LinkType, number>> = { FS, SS, FF, SF };

/**
 * A compiled precedence network in typed arrays, activities numbered in topological order
 * (index 0 first): CSR predecessor and successor lists with link types (0 FS, 1 SS, 2 FF, 3 SF)
 * and lags in days. This is the seam between the Monte Carlo kernel and schedule models: the
 * simple continuous-days format compiles to it with {@link compileNetwork}; an adapter from
 * `@pmokit/core`'s compiled network (with calendars) produces the same arrays with lags converted
 * to working days, and maps the simulated working-day offsets back to dates.
 *
 * @category Simulation
 */
export interface ScheduleNetwork {
  readonly n: number;
  /** Activity ids in topological order. */
  readonly ids: readonly string[];
  /** Position of each activity in the caller's input order (`inputIndex[k]` for topological k). */
  readonly inputIndex: Int32Array;
  readonly predStart: Int32Array;
  readonly predIndex: Int32Array;
  readonly predType: Uint8Array;
  readonly predLag: Float64Array;
  readonly succStart: Int32Array;
  readonly succIndex: Int32Array;
  readonly succType: Uint8Array;
  readonly succLag: Float64Array;
}

/** A node of {@link compileNetwork}'s input. */
export interface NetworkNodeInput {
  readonly id: string;
  readonly predecessors?: readonly { readonly id: string; readonly type?: LinkType; readonly lag?: number }[];
}

/**
 * Compiles activities with predecessor links into a {@link ScheduleNetwork} (Kahn's topological
 * order, ties broken by input order).
 *
 * @param nodes - activities with predecessors
 * @param path - JSON path prefix used in error messages
 * @returns the compiled network
 * @throws PmokitError `DUPLICATE_ID`, `DANGLING_REFERENCE` (unknown predecessor id),
 *   `INVALID_INPUT` (bad link type or lag), `CYCLE_DETECTED` (ids on the cycle)
 * @category Simulation
 */
export function compileNetwork(nodes: readonly NetworkNodeInput[], path = "activities"): ScheduleNetwork {
  const n = nodes.length;
  const byId = new Map<string, number>();
  nodes.forEach((a, i) => {
    if (typeof a.id !== "string" || a.id === "")
      inputError(`${path}[${i}].id`, "a non-empty string id", a.id);
    if (byId.has(a.id))
      throw new PmokitError("DUPLICATE_ID", `${path}[${i}].id: duplicate activity id '${a.id}'`, {
        path: `${path}[${i}].id`,
        ids: [a.id],
        expected: "unique activity ids",
      });
    byId.set(a.id, i);
  });
  const preds: { from: number; type: number; lag: number }[][] = nodes.map(() => []);
  const indeg = new Int32Array(n);
  const succs: number[][] = nodes.map(() => []);
  nodes.forEach((a, i) => {
    (a.predecessors ?? []).forEach((p, k) => {
      const pp = `${path}[${i}].predecessors[${k}]`;
      const from = byId.get(p.id);
      if (from === undefined)
        throw new PmokitError("DANGLING_REFERENCE", `${pp}.id: unknown activity id '${p.id}'`, {
          path: `${pp}.id`,
          ids: [p.id],
          expected: "the id of an activity in this model",
          received: String(p.id),
        });
      const type = LINK_CODES[p.type ?? "FS"];
      if (type === undefined) inputError(`${pp}.type`, "one of FS, SS, FF, SF", p.type);
      const lag = p.lag ?? 0;
      checkFinite(lag, `${pp}.lag`);
      if (from === i)
        throw new PmokitError("CYCLE_DETECTED", `${pp}: activity '${a.id}' depends on itself`, {
          path: pp,
          ids: [a.id],
        });
      preds[i]!.push({ from, type, lag });
      succs[from]!.push(i);
      indeg[i]!++;
    });
  });
  // Kahn with a min-heap on input index would be ideal; a simple ready list scanned in order is enough.
  const order: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) ready.push(i);
  let head = 0;
  while (head < ready.length) {
    const v = ready[head++]!;
    order.push(v);
    for (const s of succs[v]!) if (--indeg[s]! === 0) ready.push(s);
  }
  if (order.length < n) {
    const ids = nodes.filter((_, i) => indeg[i]! > 0).map((a) => a.id);
    throw new PmokitError("CYCLE_DETECTED", `${path}: logic cycle among ${ids.slice(0, 10).join(", ")}`, {
      path,
      ids,
    });
  }
  const pos = new Int32Array(n);
  order.forEach((v, k) => (pos[v] = k));
  let m = 0;
  for (const p of preds) m += p.length;
  const predStart = new Int32Array(n + 1);
  const predIndex = new Int32Array(m);
  const predType = new Uint8Array(m);
  const predLag = new Float64Array(m);
  let e = 0;
  for (let k = 0; k < n; k++) {
    predStart[k] = e;
    for (const p of preds[order[k]!]!) {
      predIndex[e] = pos[p.from]!;
      predType[e] = p.type;
      predLag[e] = p.lag;
      e++;
    }
  }
  predStart[n] = e;
  // Successor CSR from predecessor CSR.
  const succCount = new Int32Array(n + 1);
  for (let l = 0; l < m; l++) succCount[predIndex[l]! + 1]!++;
  const succStart = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) succStart[k + 1] = succStart[k]! + succCount[k + 1]!;
  const fill = succStart.slice(0, n);
  const succIndex = new Int32Array(m);
  const succType = new Uint8Array(m);
  const succLag = new Float64Array(m);
  for (let k = 0; k < n; k++)
    for (let l = predStart[k]!; l < predStart[k + 1]!; l++) {
      const f = predIndex[l]!;
      const s = fill[f]!++;
      succIndex[s] = k;
      succType[s] = predType[l]!;
      succLag[s] = predLag[l]!;
    }
  return {
    n,
    ids: order.map((v) => nodes[v]!.id),
    inputIndex: Int32Array.from(order),
    predStart,
    predIndex,
    predType,
    predLag,
    succStart,
    succIndex,
    succType,
    succLag,
  };
}

/**
 * One forward pass (early dates) over durations `d` (topological numbering), project start 0.
 * Writes early starts into `es` and returns the project finish (max early finish).
 *
 * @category Simulation
 */
export function forwardPass(net: ScheduleNetwork, d: Float64Array, es: Float64Array): number {
  const { n, predStart, predIndex, predType, predLag } = net;
  let finish = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    const dj = d[j]!;
    for (let l = predStart[j]!, e = predStart[j + 1]!; l < e; l++) {
      const i = predIndex[l]!;
      const t = predType[l]!;
      const v =
        t === FS
          ? es[i]! + d[i]! + predLag[l]!
          : t === SS
            ? es[i]! + predLag[l]!
            : t === FF
              ? es[i]! + d[i]! + predLag[l]! - dj
              : es[i]! + predLag[l]! - dj;
      if (v > s) s = v;
    }
    es[j] = s;
    const f = s + dj;
    if (f > finish) finish = f;
  }
  return finish;
}
