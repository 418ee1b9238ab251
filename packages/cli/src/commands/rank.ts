import { parseRankInput, rankAlternatives } from "@pmokit/portfolio";
import type { Normalization, RankMethod } from "@pmokit/portfolio";
import type { CommandSpec } from "../command.js";
import { inFile } from "./ahp.js";

/** `pmokit rank FILE --method wsm|topsis|promethee2 [--normalization vector|minmax] [--json]` */
export const rankCommand: CommandSpec = {
  name: "rank",
  summary: "Rank alternatives by weighted sum, TOPSIS or PROMETHEE II.",
  usage: "rank FILE --method wsm|topsis|promethee2 [--normalization vector|minmax] [--json]",
  description: [
    'FILE: { "alternatives": [ids], "criteria": [ { "id", "weight", "direction": "max"|"min",',
    '"preference"?: { "type": "usual"|"u-shape"|"v-shape"|"level"|"linear"|"gaussian", "q"?, "p"?, "s"? } } ],',
    '"matrix": [[ per alternative, per criterion ]] }. Weights are normalised to sum 1.',
    'Output: { "scores": [ { "id", "score" } ], "ranking": [ids best first] } (TOPSIS score = closeness',
    "coefficient; PROMETHEE II score = net flow with flows divided by m − 1). Normalisation for WSM and",
    "TOPSIS: vector (default for TOPSIS: classic) or minmax (default for WSM). Ties share a rank.",
  ].join("\n"),
  options: {
    method: {
      type: "string",
      description: "Ranking method (required).",
      choices: ["wsm", "topsis", "promethee2"],
    },
    normalization: {
      type: "string",
      description: "Column normalisation for wsm and topsis (TOPSIS default vector, WSM default minmax).",
      choices: ["vector", "minmax"],
    },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const method = ctx.options["method"] as RankMethod | undefined;
    if (!method) {
      ctx.err("pmokit rank: --method is required (wsm, topsis or promethee2)");
      return 2;
    }
    const file = ctx.args[0]!;
    const raw = await ctx.readJson(file);
    const norm = ctx.options["normalization"] as Normalization | undefined;
    let r;
    try {
      const problem = parseRankInput(raw);
      r = rankAlternatives(problem, {
        method,
        ...(norm ? { normalization: norm } : method === "topsis" ? { normalization: "vector" as const } : {}),
      });
    } catch (e) {
      throw inFile(file, e);
    }
    for (const w of r.warnings) ctx.err(`pmokit rank: warning: ${w}`);
    if (ctx.json) {
      ctx.printJson({
        scores: r.scores,
        ranking: r.ranking,
        rank: r.rank,
        method: r.method,
        ...(r.normalization ? { normalization: r.normalization } : {}),
      });
      return 0;
    }
    const width = Math.max(...r.ranking.map((l) => l.length), 5);
    ctx.out(`${r.method}${r.normalization ? ` (${r.normalization} normalisation)` : ""}\n`);
    const score = new Map(r.scores.map((s) => [s.id, s.score]));
    for (const id of r.ranking)
      ctx.out(`  ${String(r.rank[id]).padStart(3)}  ${id.padEnd(width)}  ${score.get(id)!.toFixed(6)}\n`);
    return 0;
  },
};
