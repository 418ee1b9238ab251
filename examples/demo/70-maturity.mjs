// Demo step: assess the sample organisation's PMO maturity (three respondents) and its PMO type.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  assessMaturity,
  classifyType,
  parseAssessment,
  pmoMaturityModel,
  pmoTypeModel,
  toRadarData,
} from "@pmokit/maturity";

export const title = "PMO maturity: staged level, gaps and recommendations";

export async function run(ctx) {
  const file = join(ctx.examplesDir, "sample-portfolio", "maturity-responses.json");
  const assessment = parseAssessment(pmoMaturityModel, JSON.parse(await readFile(file, "utf8")), { file });
  const result = assessMaturity(pmoMaturityModel, assessment);
  ctx.results.maturity = result;
  const o = result.overall;
  console.log(
    `${assessment.subject?.name ?? "Sample organisation"}, ${result.respondents} respondents (${result.aggregation}): ` +
      `level ${o.levelOrdinal} ${o.levelName} (weakest link), decimal level ${o.decimalLevel?.toFixed(2) ?? "n/a"}, ` +
      `coverage ${(o.coverage * 100).toFixed(0)} %, confidence ${o.confidence.label}, ` +
      `Krippendorff's alpha ${result.agreement.krippendorffAlphaOrdinal?.toFixed(2) ?? "n/a"}`,
  );
  console.table(
    result.dimensions.map((d) => ({
      dimension: d.name,
      level: d.levelOrdinal ?? "n/r",
      decimal: d.decimalLevel?.toFixed(2),
      score: `${((d.score ?? 0) * 100).toFixed(0)} %`,
      verified: `${((d.verifiedScore ?? 0) * 100).toFixed(0)} %`,
      coverage: `${(d.coverage * 100).toFixed(0)} %`,
      blocks: d.blocking.slice(0, 3).join(", "),
    })),
  );
  console.log(`Gaps against "${result.targetProfile?.name ?? "next level"}":`);
  for (const g of result.gaps.filter((x) => x.gapLevels > 0))
    console.log(
      `  ${g.name}: level ${g.currentLevelOrdinal} → ${g.targetLevelOrdinal} (importance ${g.importance})`,
    );
  console.log("Top recommendations:");
  for (const r of result.recommendations.slice(0, 5))
    console.log(`  [${r.questionId}] ${r.text}${r.blocking ? ` (unlocks ${r.unlocksLevelId})` : ""}`);
  const radar = toRadarData(result);
  console.log(`Radar: ${radar.axes.length} axes, series ${radar.series.map((s) => s.name).join(", ")}`);

  // PMO type, from the head of the PMO's answers to the classifier.
  const type = classifyType(
    pmoTypeModel,
    parseAssessment(pmoTypeModel, {
      modelId: pmoTypeModel.id,
      respondents: [
        {
          id: "pmo-lead",
          answers: {
            "t-relation": "require",
            "t-stop": "gate",
            "t-reporting-line": "dotted",
            "t-pm-share": "some",
            "t-project-share": "some",
            "t-method": "mandatory",
            "t-audit": "request",
            "t-templates": "prescribed",
            "t-status": "required",
            "t-service": "compliance",
            "t-staffing": "line",
            "t-budget": "released",
          },
        },
      ],
    }),
  );
  console.log(
    `PMO type: ${type.label} (margin ${type.margin.toFixed(2)}; ` +
      type.profile.map((p) => `${p.name} ${(p.share * 100).toFixed(0)} %`).join(", ") +
      ")",
  );
}
