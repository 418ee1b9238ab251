// Small hand-made projects for the leveling scenario tests (standard calendar: Mon-Fri 08-12, 13-17).
import { parseProject, standardCalendar } from "@pmokit/core";
import type { Project, ProjectInput } from "@pmokit/core";

export const day = (value: number) => ({ value, unit: "days" as const });

export interface MiniTask {
  id: string;
  days: number;
  res?: string | [string, number][];
  priority?: number;
  manual?: [string, string];
  constraint?: { type: "SNET" | "SNLT" | "MSO" | "FNLT"; date: string };
  extensions?: Record<string, string | number>;
  actualStart?: string;
}

/** Builds a project starting Monday 2026-01-05 08:00 on the standard calendar. */
export function mini(
  tasks: MiniTask[],
  links: [string, string][] = [],
  resources: {
    id: string;
    calendarId?: string;
    maxUnits?: number;
    availability?: { from?: string; to?: string; units: number }[];
  }[] = [{ id: "R" }],
  extra: Partial<ProjectInput> = {},
): Project {
  const assignments: { id: string; taskId: string; resourceId: string; units: number }[] = [];
  for (const t of tasks) {
    const list =
      t.res === undefined ? [] : typeof t.res === "string" ? [[t.res, 1] as [string, number]] : t.res;
    for (const [r, u] of list)
      assignments.push({ id: `${t.id}-${r}`, taskId: t.id, resourceId: r, units: u });
  }
  return parseProject({
    id: "p",
    name: "P",
    settings: { currency: "EUR", defaultCalendarId: "standard", startDate: "2026-01-05T08:00:00" },
    tasks: tasks.map((t) => ({
      id: t.id,
      name: t.id,
      duration: day(t.days),
      ...(t.priority === undefined ? {} : { priority: t.priority }),
      ...(t.manual === undefined
        ? {}
        : { manual: true, reported: { start: t.manual[0], finish: t.manual[1] } }),
      ...(t.constraint === undefined ? {} : { constraint: t.constraint }),
      ...(t.extensions === undefined ? {} : { extensions: t.extensions }),
      ...(t.actualStart === undefined ? {} : { actualStart: t.actualStart, percentComplete: 10 }),
    })),
    calendars: [standardCalendar("standard")],
    dependencies: links.map(([from, to]) => ({ from, to })),
    resources: resources.map((r) => ({ name: r.id, ...r })),
    assignments,
    ...extra,
  });
}
