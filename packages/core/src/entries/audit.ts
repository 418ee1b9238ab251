/**
 * `@pmokit/core/audit`: schedule-quality audits (DCMA 14-point assessment, audit rules, the audit
 * context built from a schedule).
 *
 * @module audit
 */
export { PmokitError, isPmokitError } from "../errors.js";
export { AUDIT_FLAGS, buildAuditContext } from "../audit/context.js";
export type { AuditContext } from "../audit/context.js";
export { DCMA_CHECK_IDS, dcmaAssessment } from "../audit/dcma.js";
export type { AuditCheck, DcmaCheckId, DcmaOptions, DcmaResult, FloatSource } from "../audit/dcma.js";
export {
  ownerRule,
  openEndsRule,
  baselineRule,
  statusDateRule,
  summaryLinksRule,
  defaultAuditRules,
} from "../audit/rules.js";
export type { AuditRule, AuditFinding, AuditSeverity } from "../audit/rules.js";
export { auditProject } from "../audit/audit.js";
export type { AuditOptions, AuditReport } from "../audit/audit.js";
