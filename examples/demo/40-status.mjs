// Demo step: project control. Earned value (from each project's baseline, progress and actuals),
// earned schedule, the DCMA 14-point audit and a RAG health per project, rolled up to programs and the
// portfolio; prints a portfolio status table.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  auditProject,
  computePortfolioEvm,
  formatMoney,
  parsePortfolio,
  projectHealth,
  rollupHealth,
} from "@pmokit/core";

export const title = "Project control: earned value, earned schedule, DCMA audit, health";

/** @param {number | null | undefined} v @param {number} [digits] */
const fmt = (v, digits = 2) => (v === null || v === undefined ? "n/a" : v.toFixed(digits));

/** @param {{ portfolio?: import("@pmokit/core").Portfolio, examplesDir: string, results: Record<string, unknown> }} ctx */
export async function run(ctx) {
  const portfolio =
    ctx.portfolio ??
    parsePortfolio(
      JSON.parse(await readFile(join(ctx.examplesDir, "sample-portfolio", "portfolio.json"), "utf8")),
    );
  const evm = computePortfolioEvm(portfolio, { period: "month" });
  const rows = [];
  /** @type {Map<string, { rag: import("@pmokit/core").Rag, bac: number }>} */
  const health = new Map();
  for (const e of evm.projects) {
    const project = portfolio.projects.find((p) => p.id === e.projectId);
    if (project === undefined) continue;
    const audit = auditProject(project, { calendars: portfolio.calendars });
    const h = projectHealth(project, { evm: e, audit });
    health.set(project.id, { rag: h.rag, bac: Number(e.bac.amount) });
    rows.push({
      project: project.id,
      BAC: formatMoney({ amount: e.bac.amount, currency: e.currency }),
      SPI: fmt(e.indicators.spi),
      "SPI(t)": fmt(e.earnedSchedule?.spit ?? null),
      CPI: fmt(e.indicators.cpi),
      "EAC (cpi)":
        e.indicators.eac.cpi === null
          ? "n/a"
          : formatMoney({ amount: e.indicators.eac.cpi, currency: e.currency }),
      health: h.rag,
      "audit score": fmt(audit.score, 0),
      "DCMA passed": `${audit.checks.filter((c) => c.number !== undefined && c.pass === true).length}/${
        audit.checks.filter((c) => c.number !== undefined && c.pass !== null).length
      }`,
    });
  }
  console.log(
    `Status date ${evm.projects[0]?.statusDate ?? "n/a"}; PV spread ${evm.projects[0]?.pvSpreading}, EAC method cpi.`,
  );
  console.table(rows);
  for (const g of evm.programs) {
    const members = g.projectIds.map((id) => ({
      id,
      rag: health.get(id)?.rag ?? "red",
      weight: health.get(id)?.bac ?? 0,
    }));
    console.log(
      `${g.name.padEnd(24)} SPI ${fmt(g.indicators.spi)}  CPI ${fmt(g.indicators.cpi)}  ` +
        `health worst ${rollupHealth(g.id, members).rag}, BAC-weighted ${rollupHealth(g.id, members, "weighted").rag}`,
    );
  }
  const all = portfolio.projects.map((p) => ({
    id: p.id,
    rag: health.get(p.id)?.rag ?? "red",
    weight: health.get(p.id)?.bac ?? 0,
  }));
  const total = evm.portfolio;
  console.log(
    `${portfolio.name}: BAC ${formatMoney(total.bac)}, EV ${formatMoney(total.ev)}, AC ${formatMoney(total.ac)}, ` +
      `SPI ${fmt(total.indicators.spi)}, CPI ${fmt(total.indicators.cpi)}, EAC ${
        total.indicators.eac.cpi === null
          ? "n/a"
          : formatMoney({ amount: total.indicators.eac.cpi, currency: total.bac.currency })
      }; health ${rollupHealth(portfolio.id, all).rag} (worst) / ${rollupHealth(portfolio.id, all, "weighted").rag} (BAC-weighted)`,
  );
  const warnings = evm.projects.flatMap((p) => p.warnings.map((w) => `${p.projectId}: ${w.message}`));
  for (const w of warnings.slice(0, 5)) console.log(`  warning: ${w}`);
  ctx.results.status = { evm, health: Object.fromEntries(health) };
}
