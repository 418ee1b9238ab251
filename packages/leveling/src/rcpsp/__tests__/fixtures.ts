// Small fixtures written for these tests (not PSPLIB files).
import fc from "fast-check";
import type { RcpspProblem } from "../instance.js";

/** A 3-activity instance in PSPLIB .sm layout (optimum 4: job 2 runs alone, 3 and 4 together). */
export const TINY_SM = `************************************************************************
file with basedata            : tiny.bas
************************************************************************
projects                      :  1
jobs (incl. supersource/sink ):  5
horizon                       :  7
RESOURCES
  - renewable                 :  1   R
  - nonrenewable              :  0   N
  - doubly constrained        :  0   D
************************************************************************
PROJECT INFORMATION:
pronr.  #jobs rel.date duedate tardcost  MPM-Time
    1      3      0        4        0        3
************************************************************************
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          3           2   3   4
   2        1          1           5
   3        1          1           5
   4        1          1           5
   5        1          0
************************************************************************
REQUESTS/DURATIONS:
jobnr. mode duration  R 1
------------------------------------------------------------------------
  1      1     0       0
  2      1     3       2
  3      1     2       1
  4      1     2       1
  5      1     0       0
************************************************************************
RESOURCEAVAILABILITIES:
  R 1
    3
************************************************************************
`;

/** Random small RCPSP problems: a DAG on forward arcs, 1-3 resources, demands within capacity. */
export const arbProblem: fc.Arbitrary<RcpspProblem> = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    k: fc.integer({ min: 1, max: 3 }),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 200, maxLength: 200 }),
    variable: fc.boolean(),
  })
  .map(({ n, k, seed, variable }) => {
    let p = 0;
    const next = (m: number): number => seed[p++ % seed.length]! % m;
    const capacities: (number | number[])[] = [];
    for (let r = 0; r < k; r++) {
      const c = 1 + next(6);
      capacities.push(
        variable && next(2) === 0
          ? Array.from({ length: 1 + next(8) }, (_, t) => (t === 0 ? c : next(c + 3))).concat([c])
          : c,
      );
    }
    const last = (r: number): number => {
      const c = capacities[r]!;
      return typeof c === "number" ? c : c[c.length - 1]!;
    };
    const durations = Array.from({ length: n }, () => next(6));
    const demands = Array.from({ length: n }, () => Array.from({ length: k }, (_, r) => next(last(r) + 1)));
    const successors = Array.from({ length: n }, (_, i) => {
      const out: number[] = [];
      for (let j = i + 1; j < n; j++) if (next(4) === 0) out.push(j);
      return out;
    });
    // Shuffle the numbering so that indices are not a topological order.
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = next(i + 1);
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    const inv = new Array<number>(n);
    perm.forEach((v, i) => (inv[v] = i));
    return {
      durations: perm.map((old) => durations[old]!),
      demands: perm.map((old) => demands[old]!),
      successors: perm.map((old) => successors[old]!.map((s) => inv[s]!)),
      capacities,
    };
  });
