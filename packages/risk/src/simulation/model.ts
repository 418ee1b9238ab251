import type { DistributionSpec } from "../distributions/types.js";

/**
 * Link types between activities (finish-to-start, start-to-start, finish-to-finish, start-to-finish).
 *
 * @category Simulation
 */
export type LinkType = "FS" | "SS" | "FF" | "SF";

/**
 * A predecessor link: the predecessor's id, the link type (default FS) and a lag in days
 * (may be negative).
 *
 * @category Simulation
 */
export interface PredecessorInput {
  readonly id: string;
  readonly type?: LinkType;
  readonly lag?: number;
}

/**
 * Cost of an activity: a time-independent part (`fixed`, a number or distribution) plus a
 * time-dependent part (`ratePerDay` × sampled duration).
 *
 * @category Simulation
 */
export interface ActivityCostInput {
  readonly fixed?: DistributionSpec;
  readonly ratePerDay?: number;
}

/**
 * One activity of the simple schedule-risk format: durations in working days on a continuous axis.
 *
 * @category Simulation
 */
export interface ActivityInput {
  readonly id: string;
  readonly name?: string;
  readonly duration: DistributionSpec;
  readonly predecessors?: readonly PredecessorInput[];
  readonly cost?: ActivityCostInput;
}

/**
 * A risk event (Hulett's risk driver): it occurs in an iteration with `probability` (one Bernoulli
 * draw per iteration, shared by every linked activity); its sampled `impact` is added to the
 * durations (`mode: "add"`, days, the default) or multiplies them (`mode: "multiply"`, a factor).
 * Several multiplicative risks on one activity multiply; additive impacts are added after the
 * factors. A risk without activities delays the project finish directly. `costImpact` is added to
 * the project cost when the risk occurs. Opportunities use negative additive impacts or factors
 * below 1.
 *
 * @category Simulation
 */
export interface RiskEventInput {
  readonly id: string;
  readonly name?: string;
  readonly probability: number;
  readonly impact?: DistributionSpec;
  readonly mode?: "add" | "multiply";
  readonly activities?: readonly string[];
  readonly costImpact?: DistributionSpec;
}

/**
 * A rank (Spearman) correlation between two activities' durations, applied by Iman–Conover.
 *
 * @category Simulation
 */
export interface CorrelationInput {
  readonly a: string;
  readonly b: string;
  readonly rho: number;
}

/**
 * Probabilistic branching: in each iteration exactly one branch is taken (by its probability);
 * the activities of the other branches are skipped (duration 0, no cost).
 *
 * @category Simulation
 */
export interface BranchGroupInput {
  readonly id: string;
  readonly branches: readonly { readonly probability: number; readonly activities: readonly string[] }[];
}

/**
 * The simple schedule-risk model (the `pmokit risk simulate` input format).
 *
 * @category Simulation
 */
export interface RiskModel {
  /** Optional model id; it salts the random streams so several projects simulated with one seed are independent. */
  readonly id?: string;
  readonly activities: readonly ActivityInput[];
  readonly risks?: readonly RiskEventInput[];
  readonly correlations?: readonly CorrelationInput[];
  readonly branches?: readonly BranchGroupInput[];
}
