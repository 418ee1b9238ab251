/**
 * Two-point crossover on activity lists (Hartmann 1998): the child takes the mother's first `q1`
 * activities, then the father's activities not yet taken until it holds `q2`, then the rest in the
 * mother's order. Precedence-feasible lists give a precedence-feasible child. `taken` is a scratch
 * array compared against `stamp` (the caller increments it before each call), so nothing is cleared
 * or allocated per child.
 *
 * @internal
 */
export function twoPointCrossover(
  mother: Int32Array,
  father: Int32Array,
  child: Int32Array,
  q1: number,
  q2: number,
  taken: Int32Array,
  stamp: number,
): void {
  const n = child.length;
  let pos = 0;
  for (let i = 0; i < q1; i++) {
    const j = mother[i]!;
    taken[j] = stamp;
    child[pos++] = j;
  }
  for (let i = 0; pos < q2 && i < n; i++) {
    const j = father[i]!;
    if (taken[j] !== stamp) {
      taken[j] = stamp;
      child[pos++] = j;
    }
  }
  for (let i = 0; pos < n; i++) {
    const j = mother[i]!;
    if (taken[j] !== stamp) {
      taken[j] = stamp;
      child[pos++] = j;
    }
  }
}
