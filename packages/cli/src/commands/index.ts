import type { CommandSpec } from "../command.js";
import { convertCommand } from "./convert.js";
import { validateCommand } from "./validate.js";
import { riskSimulate } from "./risk-simulate.js";
import { ahpCommand } from "./ahp.js";
import { rankCommand } from "./rank.js";
import { selectCommand } from "./select.js";
import { scheduleCommand } from "./schedule.js";
import { maturityAssessCommand } from "./maturity-assess.js";
import { maturityModelsCommand } from "./maturity-models.js";
import { rcpspCommand } from "./rcpsp.js";
import { reportCommand } from "./report.js";
import { evmCommand } from "./evm.js";
import { auditCommand } from "./audit.js";
import { schemaCommand } from "./schema.js";
import { levelCommand } from "./level.js";

/**
 * Every `pmokit` command. Each command lives in its own file in this folder; add one line here.
 */
export const commands: readonly CommandSpec[] = [
  convertCommand,
  validateCommand,
  ahpCommand,
  rankCommand,
  selectCommand,
  scheduleCommand,
  maturityModelsCommand,
  maturityAssessCommand,
  rcpspCommand,
  riskSimulate,
  schemaCommand,
  evmCommand,
  auditCommand,
  reportCommand,
  levelCommand,
];
