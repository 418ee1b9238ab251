import { PmokitError } from "@pmokit/core";
import {
  assessMaturity,
  builtinModels,
  classifyType,
  formatMaturityReport,
  formatTypologyReport,
  getBuiltinModel,
  parseAssessment,
  parseMaturityModel,
  toRadarData,
} from "@pmokit/maturity";
import type { MaturityModel, RespondentAggregation } from "@pmokit/maturity";
import { intOption } from "../command.js";
import type { CommandContext, CommandSpec } from "../command.js";

async function loadModel(ctx: CommandContext, ref: string): Promise<MaturityModel> {
  if (builtinModels[ref] !== undefined || builtinModels[`pmokit.${ref}`] !== undefined)
    return getBuiltinModel(ref);
  if (!ref.endsWith(".json") && ref !== "-" && !ref.includes("/") && !ref.includes("\\"))
    throw new PmokitError("INVALID_INPUT", `unknown model '${ref}': not a built-in id and not a .json file`, {
      expected: `a built-in id (${Object.keys(builtinModels).join(", ")}) or a model file`,
      received: ref,
    });
  return parseMaturityModel(await ctx.readJson(ref), { file: ref });
}

/** `pmokit maturity assess MODEL RESPONSES`: scores responses against a maturity or typology model. */
export const maturityAssessCommand: CommandSpec = {
  name: "maturity assess",
  summary: "Score assessment responses against a maturity model (built-in id or file)",
  usage: "maturity assess MODEL RESPONSES [--json] [--aggregation mean|median|min|mode|consensus] [--top N]",
  description:
    "MODEL is a built-in model id (see 'pmokit maturity models') or a model JSON file\n" +
    "('pmokit schema maturity-model'); RESPONSES is a responses JSON file ('pmokit schema maturity-responses'),\n" +
    "or '-' for stdin. Prints the staged level and the decimal level per dimension, coverage and confidence,\n" +
    "agreement between respondents, gaps against the target profile and prioritised recommendations.\n" +
    "For a typology model (e.g. pmokit.pmo-type) prints the type profile.\n" +
    "--json prints the full result, with radar-chart data under 'radar'.",
  options: {
    aggregation: {
      type: "string",
      description: "How respondents are combined per question (default: the model's policy)",
      choices: ["mean", "median", "min", "mode", "consensus"],
    },
    top: { type: "string", description: "Number of recommendations in the text report (default 10)" },
  },
  positionals: { min: 2, max: 2 },
  async run(ctx) {
    const [modelRef, responsesPath] = ctx.args as [string, string];
    const model = await loadModel(ctx, modelRef);
    const assessment = parseAssessment(model, await ctx.readJson(responsesPath), { file: responsesPath });
    const agg = ctx.options["aggregation"];
    const aggregation = typeof agg === "string" ? (agg as RespondentAggregation) : undefined;
    const top = intOption(ctx.options["top"], "top", 10, 0);
    if (model.kind === "typology") {
      const result = classifyType(model, assessment, aggregation === undefined ? {} : { aggregation });
      if (ctx.json) ctx.printJson(result);
      else ctx.out(formatTypologyReport(result));
      return 0;
    }
    const result = assessMaturity(model, assessment, aggregation === undefined ? {} : { aggregation });
    if (ctx.json) ctx.printJson({ ...result, radar: toRadarData(result) });
    else ctx.out(formatMaturityReport(result, { top }));
    for (const w of result.warnings) if (ctx.json) ctx.err(`warning: ${w}`);
    return 0;
  },
};
