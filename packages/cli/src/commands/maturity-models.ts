import { builtinModels, maturityStructures } from "@pmokit/maturity";
import type { CommandSpec } from "../command.js";

/** `pmokit maturity models`: lists the built-in maturity models and structure presets. */
export const maturityModelsCommand: CommandSpec = {
  name: "maturity models",
  summary: "List the built-in maturity models and structure presets",
  usage: "maturity models [--json]",
  description:
    "Built-in models are written by the pmokit project (MIT) and can be assessed directly.\n" +
    "Structure presets give only the levels and areas of known licensed models (no question text):\n" +
    "author the content you hold a licence for as a model file and pass it to 'maturity assess'.",
  options: {},
  positionals: { min: 0, max: 0 },
  run(ctx) {
    const models = Object.values(builtinModels).map((m) => ({
      id: m.id,
      version: m.version,
      kind: m.kind,
      name: m.name,
      levels: m.levels.length,
      dimensions: m.dimensions.length,
      questions: m.questions.length,
      rule: m.scoringPolicy.levelAward.type,
      license: m.source.license,
    }));
    const structures = maturityStructures.map((s) => ({
      id: s.id,
      name: s.name,
      basedOn: s.basedOn.model,
      levels: s.levels.map((l) => l.name),
      dimensions: s.dimensions.length,
      suggestedRule: s.suggestedRule,
    }));
    if (ctx.json) {
      ctx.printJson({ models, structures });
      return Promise.resolve(0);
    }
    const w = Math.max(...models.map((m) => m.id.length));
    const lines = [
      "Built-in models:",
      ...models.map(
        (m) =>
          `  ${m.id.padEnd(w)}  ${m.version}  ${m.kind.padEnd(8)}  ${m.levels} levels, ${m.dimensions} dimensions, ${m.questions} questions, ${m.rule}: ${m.name}`,
      ),
      "",
      "Structure presets (levels and areas only; bring your own licensed content):",
      ...structures.map((s) => `  ${s.id}  ${s.name}`),
      "",
    ];
    ctx.out(lines.join("\n"));
    return Promise.resolve(0);
  },
};
