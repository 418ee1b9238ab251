import type { Assignment } from "../model/assignment.js";

/**
 * MS Project's predefined work contours as relative work per tenth of the assignment's duration (the
 * commonly published pattern; Microsoft does not document the exact algorithm†). Used to spread a
 * task's baseline cost over its baseline working time.
 *
 * @example
 * ```ts
 * import { WORK_CONTOUR_SHAPES } from "@pmokit/core";
 * WORK_CONTOUR_SHAPES.bell; // [10, 20, 40, 80, 100, 100, 80, 40, 20, 10]
 * ```
 * @category Earned value
 * @since 0.1.0
 */
export const WORK_CONTOUR_SHAPES: Readonly<Record<Assignment["contour"], readonly number[]>> = {
  flat: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
  backLoaded: [10, 15, 25, 50, 50, 75, 75, 100, 100, 100],
  frontLoaded: [100, 100, 100, 75, 75, 50, 50, 25, 15, 10],
  doublePeak: [25, 50, 100, 50, 25, 25, 50, 100, 50, 25],
  earlyPeak: [25, 50, 100, 100, 75, 50, 50, 25, 15, 10],
  latePeak: [10, 15, 25, 50, 50, 75, 100, 100, 50, 25],
  bell: [10, 20, 40, 80, 100, 100, 80, 40, 20, 10],
  turtle: [25, 50, 75, 100, 100, 100, 100, 75, 50, 25],
};

/** Cumulative fraction tables (11 points, 0 → 1) per contour. */
const CUMULATIVE: Readonly<Record<string, Float64Array>> = Object.fromEntries(
  Object.entries(WORK_CONTOUR_SHAPES).map(([k, shape]) => {
    const total = shape.reduce((a, b) => a + b, 0);
    const c = new Float64Array(11);
    for (let i = 0; i < 10; i++) c[i + 1] = c[i]! + shape[i]! / total;
    c[10] = 1;
    return [k, c];
  }),
);

/**
 * Cumulative share of an assignment's work done at fraction `x` (0..1) of its working time under a
 * contour (piecewise linear: constant rate inside each tenth).
 *
 * @param contour - the work contour
 * @param x - elapsed fraction of the working time, clamped to 0..1
 * @returns the cumulative fraction 0..1 (monotone in `x`, 0 at 0, 1 at 1)
 * @example
 * ```ts
 * import { contourFraction } from "@pmokit/core";
 * contourFraction("flat", 0.25); // 0.25
 * contourFraction("backLoaded", 0.5); // 0.25
 * ```
 * @category Earned value
 * @since 0.1.0
 */
export function contourFraction(contour: Assignment["contour"], x: number): number {
  if (!(x > 0)) return 0;
  if (x >= 1) return 1;
  if (contour === "flat") return x;
  const c = CUMULATIVE[contour]!;
  const p = x * 10;
  const i = Math.floor(p);
  return c[i]! + (c[i + 1]! - c[i]!) * (p - i);
}
