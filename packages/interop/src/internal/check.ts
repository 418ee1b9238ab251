import type { Duration, Money, Project, Resource } from "@pmokit/core";
import { CustomFieldDefinitionSchema, PmokitError, formatJsonPath, safeParseCalendar } from "@pmokit/core";
import { isCanonicalDateTime } from "./context.js";

/**
 * Targeted check of a project built by a reader (MSPDI, XER, PMXML). The reader constructs every
 * value itself from already validated pieces (hand-parsed dates, finite numbers, normalised
 * decimals), so for the many records (tasks, links, assignments) a full schema pass, which also
 * copies every object, is replaced by a check of exactly what parsing could still get wrong: empty
 * ids, non-finite numbers, ranges, and date strings. Calendars go through core's calendar validator
 * (`safeParseCalendar`, the complete calendar rules without zod) and custom field definitions, few,
 * through their zod schema. User-supplied JSON is
 * validated with the zod schemas at the boundary (`parseProject`). A failure here is a reader bug or
 * an input we did not anticipate: `SCHEMA_VIOLATION` naming the JSON path. The fuzz test asserts that
 * whatever passes this check also passes the full `ProjectSchema`.
 */
export function checkProject(project: Project, fileName: string | undefined): Project {
  const path = findProblem(project);
  if (path !== undefined) {
    const where = formatJsonPath(path[0]);
    throw new PmokitError(
      "SCHEMA_VIOLATION",
      `${fileName ? `${fileName}: ` : ""}imported project is invalid at ${where || "(root)"}: ${path[1]}`,
      { ...(fileName === undefined ? {} : { file: fileName }), path: where, expected: path[1] },
    );
  }
  return project;
}

type Problem = [(string | number)[], string];

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

function badDate(v: string | undefined): boolean {
  if (v === undefined) return false;
  if (typeof v !== "string") return true;
  // The model's date arithmetic (Date.UTC) covers years 100..9999.
  if (v.charCodeAt(0) === 48 && v.charCodeAt(1) === 48) return true;
  if (v.length === 19) return !isCanonicalDateTime(v);
  return v.length !== 10 || !isCanonicalDateTime(`${v}T00:00:00`);
}
function badNumber(v: number | undefined, min = -Infinity, max = Infinity): boolean {
  return v !== undefined && !(Number.isFinite(v) && v >= min && v <= max);
}
function badDuration(d: Duration | undefined): boolean {
  return d !== undefined && !Number.isFinite(d.value);
}
function badMoney(m: Money | undefined): boolean {
  return m !== undefined && !DECIMAL.test(m.amount);
}
function badId(v: string | undefined): boolean {
  return v !== undefined && (typeof v !== "string" || v.length === 0);
}
function badRequiredId(v: string | undefined): boolean {
  return typeof v !== "string" || v.length === 0;
}
function badCustom(c: Record<string, unknown>): string | undefined {
  for (const k in c) {
    const v = c[k];
    if (typeof v === "number" && !Number.isFinite(v)) return k;
  }
  return undefined;
}

type CostRate = NonNullable<Resource["costRateTables"]["A"]>[number];
const CURRENCY = /^[A-Z]{3}$/;
function badCurrencyMoney(m: Money | undefined): boolean {
  return m !== undefined && (badMoney(m) || !CURRENCY.test(m.currency));
}
function badRate(r: CostRate): boolean {
  return (
    badDate(r.effectiveFrom) ||
    r.standardRate === undefined ||
    badCurrencyMoney(r.standardRate) ||
    badCurrencyMoney(r.overtimeRate) ||
    badCurrencyMoney(r.costPerUse)
  );
}
const RATE_TABLES = ["A", "B", "C", "D", "E"] as const;
const RESOURCE_STRINGS = ["role", "group", "email", "materialLabel", "notes"] as const;
function badOptionalStrings(r: Resource): string | undefined {
  for (const k of RESOURCE_STRINGS) if (r[k] !== undefined && typeof r[k] !== "string") return k;
  return undefined;
}

function keys(path: readonly PropertyKey[] | undefined): (string | number)[] {
  return (path ?? []).map((k) => (typeof k === "number" ? k : String(k)));
}

function tp(i: number, ...rest: (string | number)[]): (string | number)[] {
  return ["tasks", i, ...rest];
}

function findProblem(p: Project): Problem | undefined {
  if (badRequiredId(p.id)) return [["id"], "a non-empty id"];
  const s = p.settings;
  if (badRequiredId(s.defaultCalendarId)) return [["settings", "defaultCalendarId"], "a non-empty id"];
  // Calendars: the complete calendar rules (core's zod-free validator).
  for (let i = 0; i < p.calendars.length; i++) {
    const r = safeParseCalendar(p.calendars[i]);
    if (!r.ok) {
      const issue = (r.error.details as { issues?: { path: string; message: string }[] } | undefined)
        ?.issues?.[0];
      // The validator's path is dotted and starts with "calendar"; calendar keys contain no dots.
      const below = (issue?.path ?? "")
        .split(".")
        .slice(1)
        .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
      return [["calendars", i, ...below], issue?.message ?? r.error.message];
    }
  }
  const defs = p.customFieldDefinitions ?? [];
  for (let i = 0; i < defs.length; i++) {
    const r = CustomFieldDefinitionSchema.safeParse(defs[i]);
    if (!r.success)
      return [["customFieldDefinitions", i, ...keys(r.error.issues[0]?.path)], r.error.issues[0]!.message];
  }
  if (badNumber(s.minutesPerDay, Number.MIN_VALUE))
    return [["settings", "minutesPerDay"], "a positive number"];
  if (badNumber(s.minutesPerWeek, Number.MIN_VALUE))
    return [["settings", "minutesPerWeek"], "a positive number"];
  if (badNumber(s.daysPerMonth, Number.MIN_VALUE)) return [["settings", "daysPerMonth"], "a positive number"];
  if (badDate(s.startDate)) return [["settings", "startDate"], "a real date-time"];
  if (badDate(s.finishDate)) return [["settings", "finishDate"], "a real date-time"];
  if (badDate(s.statusDate)) return [["settings", "statusDate"], "a real date-time"];
  if (badNumber(s.criticalSlackLimitMinutes)) return [["settings", "criticalSlackLimitMinutes"], "a number"];
  const tasks = p.tasks;
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    if (badRequiredId(t.id) || badId(t.parentId) || badId(t.calendarId))
      return [tp(i, "id"), "non-empty ids"];
    if (badDuration(t.duration)) return [tp(i, "duration", "value"), "a finite number"];
    if (badDuration(t.work)) return [tp(i, "work", "value"), "a finite number"];
    if (badDuration(t.actualDuration)) return [tp(i, "actualDuration", "value"), "a finite number"];
    if (badDuration(t.remainingDuration)) return [tp(i, "remainingDuration", "value"), "a finite number"];
    if (badDuration(t.levelingDelay)) return [tp(i, "levelingDelay", "value"), "a finite number"];
    if (t.outlineLevel !== undefined && !(Number.isSafeInteger(t.outlineLevel) && t.outlineLevel >= 0))
      return [tp(i, "outlineLevel"), "an integer ≥ 0"];
    if (badNumber(t.percentComplete, 0, 100)) return [tp(i, "percentComplete"), "0..100"];
    if (badNumber(t.percentWorkComplete, 0, 100)) return [tp(i, "percentWorkComplete"), "0..100"];
    if (badNumber(t.physicalPercentComplete, 0, 100)) return [tp(i, "physicalPercentComplete"), "0..100"];
    if (!(Number.isSafeInteger(t.priority) && t.priority >= 0 && t.priority <= 1000))
      return [tp(i, "priority"), "an integer 0..1000"];
    const c = t.constraint;
    if ("date" in c && badDate(c.date)) return [tp(i, "constraint", "date"), "a real date-time"];
    if (badDate(t.deadline)) return [tp(i, "deadline"), "a real date-time"];
    if (badDate(t.actualStart)) return [tp(i, "actualStart"), "a real date-time"];
    if (badDate(t.actualFinish)) return [tp(i, "actualFinish"), "a real date-time"];
    if (badMoney(t.cost) || badMoney(t.fixedCost)) return [tp(i, "cost"), "a decimal string"];
    const rp = t.reported;
    if (rp !== undefined) {
      if (
        badDate(rp.start) ||
        badDate(rp.finish) ||
        badDate(rp.earlyStart) ||
        badDate(rp.earlyFinish) ||
        badDate(rp.lateStart) ||
        badDate(rp.lateFinish)
      )
        return [tp(i, "reported"), "real date-times"];
      if (
        badNumber(rp.totalSlackMinutes) ||
        badNumber(rp.freeSlackMinutes) ||
        badNumber(rp.startSlackMinutes) ||
        badNumber(rp.finishSlackMinutes)
      )
        return [tp(i, "reported"), "finite slack minutes"];
    }
    for (let b = 0; b < t.baselines.length; b++) {
      const bl = t.baselines[b]!;
      if (
        badDate(bl.start) ||
        badDate(bl.finish) ||
        badDuration(bl.duration) ||
        badDuration(bl.work) ||
        badMoney(bl.cost) ||
        badMoney(bl.fixedCost)
      )
        return [tp(i, "baselines", b), "a valid baseline"];
    }
    const k = badCustom(t.customFields);
    if (k !== undefined) return [tp(i, "customFields", k), "a finite number"];
  }
  const deps = p.dependencies;
  for (let i = 0; i < deps.length; i++) {
    const d = deps[i]!;
    if (
      badRequiredId(d.from) ||
      badRequiredId(d.to) ||
      badId(d.fromProject) ||
      badId(d.toProject) ||
      badId(d.id)
    )
      return [["dependencies", i], "non-empty ids"];
    if (badDuration(d.lag)) return [["dependencies", i, "lag", "value"], "a finite number"];
  }
  const res = p.resources;
  for (let i = 0; i < res.length; i++) {
    const r = res[i]!;
    if (badRequiredId(r.id) || badId(r.calendarId)) return [["resources", i, "id"], "non-empty ids"];
    if (typeof r.name !== "string") return [["resources", i, "name"], "a string"];
    if (r.type !== "work" && r.type !== "material" && r.type !== "cost")
      return [["resources", i, "type"], "work, material or cost"];
    const opt = badOptionalStrings(r);
    if (opt !== undefined) return [["resources", i, opt], "a string"];
    for (let k = 0; k < r.skills.length; k++)
      if (typeof r.skills[k] !== "string") return [["resources", i, "skills", k], "a string"];
    for (const table of RATE_TABLES) {
      const rows = r.costRateTables[table];
      if (rows === undefined) continue;
      for (let k = 0; k < rows.length; k++)
        if (badRate(rows[k]!)) return [["resources", i, "costRateTables", table, k], "a valid cost rate"];
    }
    if (badNumber(r.maxUnits, 0)) return [["resources", i, "maxUnits"], "a number ≥ 0"];
    for (let a = 0; a < r.availability.length; a++) {
      const av = r.availability[a]!;
      if (badNumber(av.units, 0) || badDate(av.from) || badDate(av.to))
        return [["resources", i, "availability", a], "units ≥ 0 and real dates"];
    }
    const k = badCustom(r.customFields);
    if (k !== undefined) return [["resources", i, "customFields", k], "a finite number"];
  }
  const asg = p.assignments;
  for (let i = 0; i < asg.length; i++) {
    const a = asg[i]!;
    if (badRequiredId(a.id) || badRequiredId(a.taskId) || badRequiredId(a.resourceId))
      return [["assignments", i], "non-empty ids"];
    if (badNumber(a.units, 0)) return [["assignments", i, "units"], "a number ≥ 0"];
    if (badNumber(a.work) || badNumber(a.actualWork) || badNumber(a.remainingWork))
      return [["assignments", i, "work"], "finite minutes"];
    if (badDate(a.start) || badDate(a.finish)) return [["assignments", i], "real date-times"];
    const k = badCustom(a.customFields);
    if (k !== undefined) return [["assignments", i, "customFields", k], "a finite number"];
  }
  return undefined;
}
