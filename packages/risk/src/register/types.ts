/**
 * A risk's polarity: a threat (negative effect) or an opportunity (positive effect).
 *
 * @category Register
 */
export type Polarity = "threat" | "opportunity";

/**
 * Lifecycle status. `issue` = the risk has occurred or is certain (p = 1).
 *
 * @category Register
 */
export type RiskStatus = "proposed" | "open" | "closed" | "issue" | "accepted";

/**
 * Impact dimensions: the built-in ones plus any custom name.
 *
 * @category Register
 */
export type ImpactDimension = "cost" | "schedule" | "scope" | "quality" | "safety" | (string & {});

/**
 * The impact of a risk on one dimension: a scale level (1-based bin of the scheme's impact
 * axis), a raw value mapped through the scheme's dimension bins (e.g. % cost increase), and/or
 * quantities used by EMV and simulation (`amount` as a decimal string in the register currency,
 * `days`). Magnitudes are positive; polarity gives the sign.
 *
 * @category Register
 */
export interface ImpactAssessment {
  readonly level?: number;
  readonly value?: number;
  readonly amount?: string;
  readonly days?: number;
}

/**
 * A probability: a point, or a range (scored and valued at its midpoint, reported as given).
 *
 * @category Register
 */
export type ProbabilityInput = number | { readonly min: number; readonly max: number };

/**
 * A response (avoid / mitigate / transfer / accept / escalate for threats; exploit / enhance /
 * share / accept / escalate for opportunities) with its cost and the residual (post-response)
 * probability and impacts.
 *
 * @category Register
 */
export interface RiskResponse {
  readonly id?: string;
  readonly type: "avoid" | "mitigate" | "transfer" | "accept" | "escalate" | "exploit" | "enhance" | "share";
  readonly description?: string;
  readonly owner?: string;
  readonly due?: string;
  readonly cost?: string;
  readonly status?: "planned" | "in-progress" | "done" | "cancelled";
  readonly residualProbability?: ProbabilityInput;
  readonly residualImpacts?: Readonly<Partial<Record<ImpactDimension, ImpactAssessment>>>;
}

/**
 * A risk record of a register.
 *
 * @category Register
 */
export interface RiskRecord {
  readonly id: string;
  readonly title: string;
  readonly polarity: Polarity;
  /** Cause–event–effect statement (or NASA's condition / departure / asset / consequence). */
  readonly statement?: {
    readonly cause?: string;
    readonly event?: string;
    readonly effect?: string;
    readonly condition?: string;
    readonly departure?: string;
    readonly asset?: string;
    readonly consequence?: string;
  };
  readonly owner?: string;
  readonly status: RiskStatus;
  readonly probability: ProbabilityInput;
  readonly impacts: Readonly<Partial<Record<ImpactDimension, ImpactAssessment>>>;
  /** When the risk can occur (ISO dates) and/or the activity or milestone it is tied to. */
  readonly proximity?: { readonly from?: string; readonly to?: string; readonly activityId?: string };
  readonly velocity?: string;
  readonly projectId?: string;
  readonly linkedTasks?: readonly string[];
  readonly linkedProjects?: readonly string[];
  readonly responses?: readonly RiskResponse[];
  readonly createdAt?: string;
  readonly lastReviewedAt?: string;
}

/**
 * One append-only review entry: who reviewed what when, and which fields changed.
 *
 * @category Register
 */
export interface RiskReview {
  readonly at: string;
  readonly riskId: string;
  readonly by?: string;
  readonly note?: string;
  readonly changes: readonly { readonly field: string; readonly from: unknown; readonly to: unknown }[];
  /** `schemeId@version` and the score at review time, when scored. */
  readonly scheme?: string;
  readonly level?: string;
  readonly score?: string;
}

/**
 * A risk register: current risk records plus the immutable review history.
 *
 * @category Register
 */
export interface RiskRegister {
  readonly id: string;
  readonly currency?: string;
  readonly risks: readonly RiskRecord[];
  readonly reviews: readonly RiskReview[];
}
