/**
 * `@pmokit/core/health`: project health (RAG rules, combination, risk exposure, roll-ups) and status
 * snapshots.
 *
 * @module health
 */
export { PmokitError, isPmokitError } from "../errors.js";
export {
  DEFAULT_HEALTH_RULES,
  assessHealth,
  combineRag,
  riskExposure,
  projectHealth,
  rollupHealth,
  createStatusSnapshot,
  appendStatusSnapshot,
} from "../health/health.js";
export type {
  Rag,
  HealthRule,
  HealthMetrics,
  RagCombination,
  HealthAssessment,
  StatusSnapshot,
} from "../health/health.js";
