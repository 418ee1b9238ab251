import { z } from "zod";
import { policyOverridesSchema, targetProfileSchema } from "../model/schema.js";
import type { PolicyOverrides, TargetProfile } from "../model/schema.js";

const id = z.string().min(1).max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, "an ISO date YYYY-MM-DD");

/**
 * Zod schema of one answer in the compact form (`respondents[].answers[questionId]`): an option id,
 * or an object with a state.
 *
 * @category Assessment
 * @since 0.1.0
 */
export const answerSchema = z.union([
  id,
  z.object({
    state: z.enum(["answered", "notApplicable", "dontKnow"]).default("answered"),
    optionId: id.optional(),
    naReason: z.string().optional(),
    confidence: z.number().int().min(1).max(5).optional(),
    comment: z.string().optional(),
    evidenceIds: z.array(id).optional(),
  }),
]);

/**
 * Zod schema of one response in the long form (`responses[]`).
 *
 * @category Assessment
 * @since 0.1.0
 */
export const responseSchema = z.object({
  respondentId: id,
  questionId: id,
  state: z.enum(["answered", "notApplicable", "dontKnow"]).default("answered"),
  optionId: id.optional(),
  naReason: z.string().optional(),
  confidence: z.number().int().min(1).max(5).optional(),
  comment: z.string().optional(),
  evidenceIds: z.array(id).optional(),
});

/**
 * Zod schema of the responses file (`pmokit schema maturity-responses`): respondents, their answers
 * (compact `answers` map or long `responses` list), evidence, consensus decisions, an optional
 * target profile and policy overrides.
 *
 * @category Assessment
 * @since 0.1.0
 */
export const assessmentInputSchema = z.object({
  $schema: z.string().optional(),
  id: id.optional(),
  modelId: id,
  modelVersion: z.string().optional(),
  subject: z
    .object({
      type: z
        .enum(["organization", "unit", "pmo", "portfolio", "programme", "project"])
        .default("organization"),
      id: id.optional(),
      name: z.string().optional(),
    })
    .optional(),
  date: isoDate.optional(),
  method: z.enum(["self", "facilitated", "evidenceBased", "external"]).optional(),
  respondents: z
    .array(
      z.object({
        id,
        name: z.string().optional(),
        role: z.string().optional(),
        unit: z.string().optional(),
        weight: z.number().finite().gt(0).default(1),
        answers: z.record(z.string(), answerSchema).optional(),
      }),
    )
    .min(1),
  responses: z.array(responseSchema).default([]),
  evidence: z
    .array(
      z.object({
        id,
        type: z.enum(["document", "link", "artifact", "affirmation"]).default("document"),
        uri: z.string().optional(),
        description: z.string().optional(),
        status: z.enum(["claimed", "verified", "rejected"]).default("claimed"),
        verifiedBy: z.string().optional(),
      }),
    )
    .default([]),
  consensus: z
    .array(
      z.object({
        questionId: id,
        state: z.enum(["answered", "notApplicable"]).default("answered"),
        optionId: id.optional(),
        naReason: z.string().optional(),
        rationale: z.string().min(1),
        decidedBy: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  targetProfile: targetProfileSchema.optional(),
  policy: policyOverridesSchema.optional(),
});

/** The responses file as written (compact or long form). @category Assessment */
export type AssessmentInput = z.input<typeof assessmentInputSchema>;
/** @category Assessment */
export type ResponseState = "answered" | "notApplicable" | "dontKnow";

/**
 * A normalised response (one respondent, one question), produced by {@link parseAssessment}.
 *
 * @category Assessment
 * @since 0.1.0
 */
export interface Response {
  readonly respondentId: string;
  readonly questionId: string;
  readonly state: ResponseState;
  readonly optionId?: string;
  readonly naReason?: string;
  readonly confidence?: number;
  readonly comment?: string;
  readonly evidenceIds: readonly string[];
}

/**
 * A validated assessment: every response resolved against the model (raw responses are kept, so a
 * different aggregation only recomputes).
 *
 * @category Assessment
 * @since 0.1.0
 */
export interface Assessment {
  readonly id?: string;
  readonly modelId: string;
  readonly modelVersion?: string;
  readonly subject?: { readonly type: string; readonly id?: string; readonly name?: string };
  readonly date?: string;
  readonly respondents: readonly {
    readonly id: string;
    readonly name?: string;
    readonly role?: string;
    readonly unit?: string;
    readonly weight: number;
  }[];
  readonly responses: readonly Response[];
  readonly evidence: readonly { readonly id: string; readonly status: "claimed" | "verified" | "rejected" }[];
  readonly consensus: readonly {
    readonly questionId: string;
    readonly state: "answered" | "notApplicable";
    readonly optionId?: string;
    readonly naReason?: string;
    readonly rationale: string;
  }[];
  readonly targetProfile?: TargetProfile;
  readonly policy?: PolicyOverrides;
}
