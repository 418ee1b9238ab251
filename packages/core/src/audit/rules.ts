import { AUDIT_FLAGS } from "./context.js";
import type { AuditContext } from "./context.js";

/**
 * Severity of a PMO rule finding.
 *
 * @category Audit
 * @since 0.1.0
 */
export type AuditSeverity = "error" | "warning" | "info";

/**
 * A PMO standard check: a named rule that returns the offending ids (tasks, or the project id for
 * project-level rules) out of a population. Write your own to encode a PMO's standards.
 *
 * @example
 * ```ts
 * import type { AuditRule } from "@pmokit/core";
 * const wbsCodes: AuditRule = {
 *   id: "pmo.wbsCode", name: "Every task has a WBS code", severity: "warning",
 *   evaluate: (ctx) => ({ total: ctx.leaves.length, items: ctx.leaves.filter((t) => !t.wbs).map((t) => t.id) }),
 * };
 * ```
 * @category Audit
 * @since 0.1.0
 */
export interface AuditRule {
  readonly id: string;
  readonly name: string;
  readonly severity: AuditSeverity;
  readonly description?: string;
  /** Maximum share of offenders in percent for the rule to pass; default 0. */
  readonly thresholdPercent?: number;
  evaluate(ctx: AuditContext): { readonly total: number; readonly items: readonly string[] };
}

/**
 * A finding of a PMO rule that did not pass.
 *
 * @category Audit
 * @since 0.1.0
 */
export interface AuditFinding {
  readonly ruleId: string;
  readonly severity: AuditSeverity;
  readonly message: string;
  readonly ids: readonly string[];
}

/**
 * Rule: every active leaf task has an owner: a non-empty custom field (default keys `owner` / `Owner`)
 * or, when `assignmentCounts` (default true), at least one assignment.
 *
 * @param options - custom field keys and whether an assignment counts as an owner
 * @returns the rule
 * @example
 * ```ts
 * import { ownerRule } from "@pmokit/core";
 * ownerRule({ fields: ["Text5"], assignmentCounts: false });
 * ```
 * @category Audit
 * @since 0.1.0
 */
export function ownerRule(
  options: { fields?: readonly string[]; assignmentCounts?: boolean; severity?: AuditSeverity } = {},
): AuditRule {
  const fields = options.fields ?? ["owner", "Owner"];
  const byAssignment = options.assignmentCounts ?? true;
  return {
    id: "pmo.owner",
    name: "Every task has an owner",
    severity: options.severity ?? "warning",
    description: `custom field ${fields.join(" / ")}${byAssignment ? " or an assignment" : ""}`,
    evaluate: (ctx) => {
      const items: string[] = [];
      const tasks = ctx.project.tasks;
      for (let k = 0; k < ctx.leafIndex.length; k++) {
        const i = ctx.leafIndex[k]!;
        if (byAssignment && ctx.assignments[i]! > 0) continue;
        const t = tasks[i]!;
        let has = false;
        for (const f of fields) {
          const v = t.customFields[f];
          if (v !== undefined && v !== null && String(v).trim() !== "") {
            has = true;
            break;
          }
        }
        if (!has) items.push(t.id);
      }
      return { total: ctx.leaves.length, items };
    },
  };
}

/**
 * Rule: no open ends outside the start and finish milestones: every active leaf task that is not a
 * milestone has a predecessor and a successor (summary links inherited).
 *
 * @param options - severity
 * @returns the rule
 * @example
 * ```ts
 * import { openEndsRule } from "@pmokit/core";
 * openEndsRule().id; // "pmo.openEnds"
 * ```
 * @category Audit
 * @since 0.1.0
 */
export function openEndsRule(options: { severity?: AuditSeverity } = {}): AuditRule {
  return {
    id: "pmo.openEnds",
    name: "No open ends outside start/finish milestones",
    severity: options.severity ?? "error",
    evaluate: (ctx) => {
      const { milestone, hasPredecessor, hasSuccessor } = AUDIT_FLAGS;
      const items: string[] = [];
      let total = 0;
      for (let k = 0; k < ctx.leafIndex.length; k++) {
        const i = ctx.leafIndex[k]!;
        const f = ctx.flags[i]!;
        if (f & milestone) continue;
        total++;
        if (!(f & hasPredecessor) || !(f & hasSuccessor)) items.push(ctx.project.tasks[i]!.id);
      }
      return { total, items };
    },
  };
}

/**
 * Rule: every active leaf task has the baseline set (start and finish).
 *
 * @param options - baseline number (default 0), severity
 * @returns the rule
 * @example
 * ```ts
 * import { baselineRule } from "@pmokit/core";
 * baselineRule({ baseline: 1 });
 * ```
 * @category Audit
 * @since 0.1.0
 */
export function baselineRule(options: { baseline?: number; severity?: AuditSeverity } = {}): AuditRule {
  const n = options.baseline ?? 0;
  return {
    id: "pmo.baseline",
    name: `Baseline ${n} present`,
    severity: options.severity ?? "error",
    evaluate: (ctx) => ({
      total: ctx.leaves.length,
      items: ctx.leaves
        .filter((t) => {
          const b = t.baselines.find((x) => x.number === n);
          return b?.start === undefined || b.finish === undefined;
        })
        .map((t) => t.id),
    }),
  };
}

/**
 * Rule: the project has a status date (project-level: the item is the project id).
 *
 * @returns the rule
 * @example
 * ```ts
 * import { statusDateRule } from "@pmokit/core";
 * statusDateRule().severity; // "warning"
 * ```
 * @category Audit
 * @since 0.1.0
 */
export function statusDateRule(): AuditRule {
  return {
    id: "pmo.statusDate",
    name: "Status date set",
    severity: "warning",
    evaluate: (ctx) => ({
      total: 1,
      items: ctx.project.settings.statusDate === undefined ? [ctx.project.id] : [],
    }),
  };
}

/**
 * Rule: no links on summary tasks (they hide logic; link the work instead).
 *
 * @returns the rule
 * @example
 * ```ts
 * import { summaryLinksRule } from "@pmokit/core";
 * summaryLinksRule().id; // "pmo.summaryLinks"
 * ```
 * @category Audit
 * @since 0.1.0
 */
export function summaryLinksRule(): AuditRule {
  return {
    id: "pmo.summaryLinks",
    name: "No links on summary tasks",
    severity: "warning",
    evaluate: (ctx) => {
      const items = new Set<string>();
      for (const d of ctx.links) {
        if (ctx.summaryIds.has(d.from)) items.add(d.from);
        if (ctx.summaryIds.has(d.to)) items.add(d.to);
      }
      return { total: ctx.summaryIds.size, items: [...items] };
    },
  };
}

/**
 * The default PMO rules: owner, open ends, baseline present, status date, summary links.
 *
 * @returns fresh rule objects
 * @example
 * ```ts
 * import { defaultAuditRules } from "@pmokit/core";
 * defaultAuditRules().map((r) => r.id);
 * ```
 * @category Audit
 * @since 0.1.0
 */
export function defaultAuditRules(): AuditRule[] {
  return [ownerRule(), openEndsRule(), baselineRule(), statusDateRule(), summaryLinksRule()];
}
