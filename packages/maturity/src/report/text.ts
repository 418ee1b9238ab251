import type { MaturityResult } from "../scoring/assess.js";
import type { TypologyResult } from "../scoring/typology.js";

const pct = (v: number | undefined): string =>
  v === undefined ? "  n/a" : `${(v * 100).toFixed(0).padStart(4)}%`;
const num = (v: number | undefined, d = 2): string => (v === undefined ? "n/a" : v.toFixed(d));

/**
 * Formats a maturity result as a readable plain-text report: overall level and decimal level, a
 * table per dimension (level, decimal level, score, verified score, coverage, confidence), what
 * blocks the next level, agreement, gaps and the top recommendations.
 *
 * @param result - a {@link MaturityResult}
 * @param options - `top`: number of recommendations shown (default 10)
 * @returns the report text (ends with a newline)
 * @example
 * ```ts
 * import { formatMaturityReport } from "@pmokit/maturity";
 * console.log(formatMaturityReport(result));
 * ```
 * @category Reports
 * @since 0.1.0
 */
export function formatMaturityReport(
  result: MaturityResult,
  options: { readonly top?: number } = {},
): string {
  const top = options.top ?? 10;
  const o = result.overall;
  const lines: string[] = [];
  const subject = result.subject?.name ?? result.subject?.id;
  lines.push(
    `Maturity assessment${subject ? ` of ${subject}` : ""}${result.date ? ` (${result.date})` : ""}: model ${result.modelId} ${result.modelVersion}`,
    `Rule: ${result.rule}; aggregation: ${result.aggregation}; respondents: ${result.respondents}`,
    "",
    `Overall level: ${o.notRated ? `not rated (${o.notRatedReason ?? ""})` : `${o.levelOrdinal ?? "?"} ${o.levelName ?? ""}`}` +
      `   decimal level: ${num(o.decimalLevel)}   score: ${pct(o.score).trim()}` +
      `   coverage: ${pct(o.coverage).trim()}   confidence: ${o.confidence.label} (${num(o.confidence.value)})`,
    "",
  );
  const nameW = Math.max(9, ...result.dimensions.map((d) => d.name.length));
  lines.push(
    `${"Dimension".padEnd(nameW)}  Level  Decimal  Score  Verified  Coverage  Confidence`,
    `${"-".repeat(nameW)}  -----  -------  -----  --------  --------  ----------`,
  );
  for (const d of result.dimensions) {
    const lvl = d.notRated ? "n/r" : String(d.levelOrdinal ?? "?");
    lines.push(
      `${d.name.padEnd(nameW)}  ${lvl.padStart(5)}  ${num(d.decimalLevel).padStart(7)}  ${pct(d.score)}  ${pct(d.verifiedScore).padStart(8)}  ${pct(d.coverage).padStart(8)}  ${d.confidence.label.padStart(10)}`,
    );
  }
  const blocked = result.dimensions.filter((d) => d.blocking.length > 0 && d.nextLevelId !== undefined);
  if (blocked.length > 0) {
    lines.push("", "What blocks the next level:");
    for (const d of blocked)
      lines.push(
        `  ${d.name} → ${d.nextLevelId}: ${d.blocking.slice(0, 6).join(", ")}${d.blocking.length > 6 ? ", ..." : ""}`,
      );
  }
  const a = result.agreement;
  lines.push(
    "",
    `Agreement: Krippendorff's alpha ordinal ${num(a.krippendorffAlphaOrdinal)}, interval ${num(a.krippendorffAlphaInterval)}; mean rwg ${num(a.meanRwg)}; low-agreement items: ${a.lowAgreementItems.length > 0 ? a.lowAgreementItems.join(", ") : "none"}`,
  );
  if (result.gaps.length > 0) {
    lines.push(
      "",
      `Gaps against target${result.targetProfile?.name ? ` "${result.targetProfile.name}"` : ""}:`,
    );
    for (const g of result.gaps.filter((x) => x.gapLevels > 0 || x.gapScore > 0))
      lines.push(
        `  ${g.name.padEnd(nameW)}  level ${g.currentLevelOrdinal ?? "n/r"} → ${g.targetLevelOrdinal}  gap ${g.gapLevels} level(s), score gap ${pct(g.gapScore).trim()}, importance ${g.importance}, priority ${num(g.priority)}`,
      );
  }
  if (result.recommendations.length > 0) {
    lines.push("", `Top ${Math.min(top, result.recommendations.length)} recommendations:`);
    result.recommendations.slice(0, top).forEach((r, i) => {
      lines.push(
        `  ${String(i + 1).padStart(2)}. [${r.questionId}] ${r.action === "clarify" ? "Clarify: " : ""}${r.text}`,
        `      ${r.blocking ? `unlocks ${r.unlocksLevelId ?? "next level"}; ` : ""}stage ${r.stage}, ${r.horizon}, effort ${r.effort}, priority ${num(r.priority)}; ${r.reason}`,
      );
    });
  }
  if (result.warnings.length > 0) lines.push("", "Warnings:", ...result.warnings.map((w) => `  - ${w}`));
  return `${lines.join("\n")}\n`;
}

/**
 * Formats a typology result (e.g. the PMO type) as plain text.
 *
 * @param result - a {@link TypologyResult}
 * @returns the report text
 * @example
 * ```ts
 * import { formatTypologyReport } from "@pmokit/maturity";
 * console.log(formatTypologyReport(classifyType(model, assessment)));
 * ```
 * @category Reports
 * @since 0.1.0
 */
export function formatTypologyReport(result: TypologyResult): string {
  const lines = [
    `Type: ${result.label} (margin ${result.margin.toFixed(2)}, respondents ${result.respondents}, coverage ${(result.coverage * 100).toFixed(0)}%)`,
    "",
    ...result.profile.map(
      (p) =>
        `  ${p.name.padEnd(12)} ${(p.share * 100).toFixed(0).padStart(3)}%  ${"#".repeat(Math.round(p.share * 40))}`,
    ),
  ];
  if (result.warnings.length > 0) lines.push("", "Warnings:", ...result.warnings.map((w) => `  - ${w}`));
  return `${lines.join("\n")}\n`;
}
