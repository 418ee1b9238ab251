import type { Portfolio } from "@pmokit/core";
import { parsePortfolio, standardCalendar } from "@pmokit/core";
import { flattenPortfolio } from "@pmokit/core";
import { LevelModel, resolveOptions, runSchedule, orderComparator } from "../src/level/engine.js";
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface GenTask {
  id: string;
  days: number;
  person: number;
  preds: string[];
}

/** P projects x T tasks, each task one person at 100 %, 0-2 FS predecessors inside its project. */
function generate(
  P: number,
  T: number,
  N: number,
  seed: number,
): { portfolio: Portfolio; tasks: GenTask[][] } {
  const r = rng(seed);
  const all: GenTask[][] = [];
  for (let p = 0; p < P; p++) {
    const list: GenTask[] = [];
    // Each project mostly uses a team of 8 people plus a few shared experts.
    const team = Array.from({ length: 8 }, () => Math.floor(r() * N));
    for (let t = 0; t < T; t++) {
      const preds = new Set<string>();
      if (t > 0) {
        const k = r() < 0.15 ? 0 : r() < 0.6 ? 1 : 2;
        for (let i = 0; i < k; i++) preds.add(`t${Math.max(0, t - 1 - Math.floor(r() * 8))}`);
      }
      const person = r() < 0.8 ? team[Math.floor(r() * team.length)]! : Math.floor(r() * N);
      list.push({ id: `t${t}`, days: 1 + Math.floor(r() * 10), person, preds: [...preds] });
    }
    all.push(list);
  }
  const start = "2026-01-05T08:00:00";
  const portfolio = parsePortfolio({
    id: "pf",
    name: "Generated",
    currency: "EUR",
    calendars: [standardCalendar("standard")],
    sharedResources: Array.from({ length: N }, (_, i) => ({ id: `r${i}`, name: `Person ${i}` })),
    projects: all.map((list, p) => ({
      id: `p${p}`,
      name: `Project ${p}`,
      priority: 500 + ((p * 37) % 400),
      settings: { currency: "EUR", defaultCalendarId: "standard", startDate: start },
      tasks: list.map((t) => ({ id: t.id, name: t.id, duration: { value: t.days, unit: "days" } })),
      dependencies: list.flatMap((t) => t.preds.map((f) => ({ from: f, to: t.id }))),
      assignments: list.map((t) => ({ id: `a${t.id}`, taskId: t.id, resourceId: `r${t.person}` })),
    })),
  });
  return { portfolio, tasks: all };
}

/** The same portfolio as a TaskJuggler project (Mon-Fri 08-12, 13-17, hourly resolution). */
const { portfolio } = generate(10, 100, 40, 2);
const pr = flattenPortfolio(portfolio).project;
const m = new LevelModel(pr, resolveOptions({}, []), []);
const t0 = performance.now();
for (let i = 0; i < 20; i++) runSchedule(m, "level", orderComparator(m, "standard"));
console.log("sgs avg", (performance.now() - t0) / 20);
const t1 = performance.now();
for (let i = 0; i < 5; i++) new LevelModel(pr, resolveOptions({}, []), []);
console.log("model avg", (performance.now() - t1) / 5);
