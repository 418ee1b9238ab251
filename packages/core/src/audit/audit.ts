import { buildAuditContext } from "./context.js";
import { dcmaWithContext } from "./dcma.js";
import type { AuditCheck, DcmaOptions, DcmaResult } from "./dcma.js";
import { defaultAuditRules } from "./rules.js";
import type { AuditFinding, AuditRule } from "./rules.js";
import type { Project } from "../model/project.js";

/**
 * Options of {@link auditProject}.
 *
 * @category Audit
 * @since 0.1.0
 */
export interface AuditOptions extends DcmaOptions {
  /** PMO rules run after the DCMA checks; default {@link defaultAuditRules}; `[]` for DCMA only. */
  readonly rules?: readonly AuditRule[];
  /** Skip the DCMA checks (rules only). */
  readonly skipDcma?: boolean;
}

/**
 * Result of {@link auditProject}.
 *
 * @category Audit
 * @since 0.1.0
 */
export interface AuditReport {
  readonly projectId: string;
  /** DCMA checks (1-14) then one check per PMO rule. */
  readonly checks: readonly AuditCheck[];
  /** Failed PMO rules as findings with severity. */
  readonly findings: readonly AuditFinding[];
  /** Passed / applicable checks × 100 (DCMA and rules; checks with `pass: null` left out); `null` when none applies. */
  readonly score: number | null;
  /** Passed / applicable DCMA checks × 100. */
  readonly dcmaScore: number | null;
  readonly floatSource: DcmaResult["floatSource"];
  readonly warnings: DcmaResult["warnings"];
}

const scoreOf = (checks: readonly AuditCheck[]): number | null => {
  const app = checks.filter((c) => c.pass !== null);
  return app.length === 0 ? null : (app.filter((c) => c.pass === true).length / app.length) * 100;
};

/**
 * Schedule quality audit of a project: the DCMA 14-point assessment ({@link dcmaAssessment}) plus PMO
 * rules ({@link AuditRule}), with a score.
 *
 * @param project - the project
 * @param options - DCMA options and rules
 * @returns checks, findings and scores
 * @example
 * ```ts
 * import { auditProject, ownerRule } from "@pmokit/core";
 * import type { Project } from "@pmokit/core";
 * declare const p: Project;
 * const r = auditProject(p, { rules: [ownerRule({ fields: ["Text1"] })] });
 * r.score;
 * ```
 * @category Audit
 * @since 0.1.0
 */
export function auditProject(project: Project, options: AuditOptions = {}): AuditReport {
  const ctx = buildAuditContext(project, { summaryLinks: options.summaryLinks ?? "inherit" });
  const dcma: DcmaResult = options.skipDcma
    ? { checks: [], floatSource: "none", warnings: [] }
    : dcmaWithContext(ctx, options);
  const ruleChecks: AuditCheck[] = [];
  const findings: AuditFinding[] = [];
  for (const rule of options.rules ?? defaultAuditRules()) {
    const r = rule.evaluate(ctx);
    const threshold = rule.thresholdPercent ?? 0;
    const percent = r.total === 0 ? null : (r.items.length / r.total) * 100;
    const pass = r.total === 0 ? (r.items.length === 0 ? null : false) : percent! <= threshold;
    ruleChecks.push({
      id: rule.id,
      name: rule.name,
      count: r.items.length,
      total: r.total,
      percent,
      value: percent,
      threshold,
      comparison: "<=",
      pass,
      severity: rule.severity,
      items: [...r.items],
      ...(rule.description === undefined ? {} : { note: rule.description }),
    });
    if (pass === false)
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        message: `${rule.name}: ${r.items.length} of ${r.total} fail${r.items.length > 0 ? ` (${r.items.slice(0, 5).join(", ")}${r.items.length > 5 ? ", ..." : ""})` : ""}`,
        ids: [...r.items],
      });
  }
  const checks = [...dcma.checks, ...ruleChecks];
  return {
    projectId: project.id,
    checks,
    findings,
    score: scoreOf(checks),
    dcmaScore: scoreOf(dcma.checks),
    floatSource: dcma.floatSource,
    warnings: dcma.warnings,
  };
}
