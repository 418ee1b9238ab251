import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../../test-utils/shared-data.js";
import { parsePortfolio } from "../model/parse.js";
import { schedulePortfolio } from "./portfolio.js";

describe("schedulePortfolio", () => {
  it("schedules every project of the sample on one network and honours cross-project links", () => {
    const withProgress = parsePortfolio(
      JSON.parse(readFileSync(`${REPO_ROOT}/examples/sample-portfolio/portfolio.json`, "utf8")),
    );
    // The plan without progress, so that logic alone drives every date.
    const p = {
      ...withProgress,
      projects: withProgress.projects.map((x) => ({
        ...x,
        tasks: x.tasks.map(({ actualStart: _s, actualFinish: _f, ...t }) => ({ ...t, percentComplete: 0 })),
      })),
    };
    const r = schedulePortfolio(p);
    let checked = 0;
    expect(r.projects.map((x) => x.id)).toEqual(p.projects.map((x) => x.id));
    for (const [i, proj] of r.projects.entries()) expect(proj.tasks.length).toBe(p.projects[i]!.tasks.length);
    const finishOf = (pid: string, tid: string) =>
      r.projects.find((x) => x.id === pid)!.tasks.find((t) => t.id === tid)!;
    for (const d of p.crossProjectDependencies) {
      if (d.type !== "FS" || d.lag.value !== 0) continue;
      const a = finishOf(d.fromProject!, d.from);
      const b = finishOf(d.toProject!, d.to);
      expect(b.earlyStart >= a.earlyFinish, `${d.from} → ${d.to}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(
      r.projectFinish >=
        r.projects
          .map((x) => x.projectFinish)
          .sort()
          .at(-1)!,
    ).toBe(true);
  });
});
