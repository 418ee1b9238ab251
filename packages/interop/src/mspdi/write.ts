import type {
  Calendar,
  CalendarException,
  DayPattern,
  Duration,
  DurationSettings,
  Money,
  Project,
  Task,
  WeekDays,
  WorkingTime,
} from "@pmokit/core";
import { DAY_NAMES, PmokitError } from "@pmokit/core";
import { shiftDecimal } from "../internal/context.js";
import { TASK_FIELD_IDS } from "./fieldids.js";
import { formatIsoDuration, formatOfUnit, minutesPerUnit } from "./units.js";

/**
 * Options of {@link writeMspdi}.
 *
 * @category MS Project
 * @since 0.1.0
 */
export interface WriteMspdiOptions {
  /** `SaveVersion` written when the project does not carry one (default 14, MS Project 2010+). */
  readonly saveVersion?: number;
  /** Pretty-print with tabs and new lines as MS Project does (default true). */
  readonly indent?: boolean;
}

/** MSPDI element order (what MS Project writes). Names not listed are never written. */
export const PROJECT_ORDER = [
  "SaveVersion",
  "UID",
  "BuildNumber",
  "Name",
  "Title",
  "Subject",
  "Category",
  "Company",
  "Manager",
  "Author",
  "GUID",
  "CreationDate",
  "Revision",
  "LastSaved",
  "ScheduleFromStart",
  "StartDate",
  "FinishDate",
  "FYStartDate",
  "CriticalSlackLimit",
  "CurrencyDigits",
  "CurrencySymbol",
  "CurrencyCode",
  "CurrencySymbolPosition",
  "CalendarUID",
  "DefaultStartTime",
  "DefaultFinishTime",
  "MinutesPerDay",
  "MinutesPerWeek",
  "DaysPerMonth",
  "DefaultTaskType",
  "DefaultFixedCostAccrual",
  "DefaultStandardRate",
  "DefaultOvertimeRate",
  "DurationFormat",
  "WorkFormat",
  "EditableActualCosts",
  "HonorConstraints",
  "EarnedValueMethod",
  "InsertedProjectsLikeSummary",
  "MultipleCriticalPaths",
  "NewTasksEffortDriven",
  "NewTasksEstimated",
  "SplitsInProgressTasks",
  "SpreadActualCost",
  "SpreadPercentComplete",
  "TaskUpdatesResource",
  "FiscalYearStart",
  "WeekStartDay",
  "MoveCompletedEndsBack",
  "MoveRemainingStartsBack",
  "MoveRemainingStartsForward",
  "MoveCompletedEndsForward",
  "BaselineForEarnedValue",
  "AutoAddNewResourcesAndTasks",
  "StatusDate",
  "CurrentDate",
  "MicrosoftProjectServerURL",
  "Autolink",
  "NewTaskStartDate",
  "NewTasksAreManual",
  "DefaultTaskEVMethod",
  "ProjectExternallyEdited",
  "ExtendedCreationDate",
  "ActualsInSync",
  "RemoveFileProperties",
  "AdminProject",
  "UpdateManuallyScheduledTasksWhenEditingLinks",
  "KeepTaskOnNearestWorkingTimeWhenMadeAutoScheduled",
] as const;

export const TASK_ORDER = [
  "UID",
  "GUID",
  "ID",
  "Name",
  "Active",
  "Manual",
  "Type",
  "IsNull",
  "CreateDate",
  "Contact",
  "WBS",
  "WBSLevel",
  "OutlineNumber",
  "OutlineLevel",
  "Priority",
  "StartText",
  "FinishText",
  "DurationText",
  "Start",
  "Finish",
  "Duration",
  "ManualStart",
  "ManualFinish",
  "ManualDuration",
  "DurationFormat",
  "FreeformDurationFormat",
  "Work",
  "Stop",
  "Resume",
  "ResumeValid",
  "EffortDriven",
  "Recurring",
  "OverAllocated",
  "Estimated",
  "Milestone",
  "Summary",
  "DisplayAsSummary",
  "Critical",
  "IsSubproject",
  "IsSubprojectReadOnly",
  "SubprojectName",
  "ExternalTask",
  "ExternalTaskProject",
  "EarlyStart",
  "EarlyFinish",
  "LateStart",
  "LateFinish",
  "StartVariance",
  "FinishVariance",
  "WorkVariance",
  "FreeSlack",
  "TotalSlack",
  "StartSlack",
  "FinishSlack",
  "FixedCost",
  "FixedCostAccrual",
  "PercentComplete",
  "PercentWorkComplete",
  "Cost",
  "OvertimeCost",
  "OvertimeWork",
  "ActualStart",
  "ActualFinish",
  "ActualDuration",
  "ActualCost",
  "ActualOvertimeCost",
  "ActualWork",
  "ActualOvertimeWork",
  "RegularWork",
  "RemainingDuration",
  "RemainingCost",
  "RemainingWork",
  "RemainingOvertimeCost",
  "RemainingOvertimeWork",
  "ACWP",
  "CV",
  "ConstraintType",
  "CalendarUID",
  "ConstraintDate",
  "Deadline",
  "LevelAssignments",
  "LevelingCanSplit",
  "LevelingDelay",
  "LevelingDelayFormat",
  "PreLeveledStart",
  "PreLeveledFinish",
  "Hyperlink",
  "HyperlinkAddress",
  "HyperlinkSubAddress",
  "IgnoreResourceCalendar",
  "Notes",
  "HideBar",
  "Rollup",
  "BCWS",
  "BCWP",
  "PhysicalPercentComplete",
  "EarnedValueMethod",
  "#PredecessorLink",
  "ActualWorkProtected",
  "ActualOvertimeWorkProtected",
  "IsPublished",
  "StatusManager",
  "CommitmentStart",
  "CommitmentFinish",
  "CommitmentType",
  "#ExtendedAttribute",
  "#Baseline",
] as const;

/**
 * MS Project's order of a `Calendar`'s children (`#` marks the complex ones the writer builds); the
 * reader keeps the simple ones it does not map (`GUID`) in `extensions.mspdi`.
 */
export const CALENDAR_ORDER = [
  "UID",
  "GUID",
  "Name",
  "IsBaseCalendar",
  "IsBaselineCalendar",
  "BaseCalendarUID",
  "#WeekDays",
  "#Exceptions",
  "#WorkWeeks",
] as const;

export const RESOURCE_ORDER = [
  "UID",
  "GUID",
  "ID",
  "Name",
  "Type",
  "IsNull",
  "Initials",
  "Phonetics",
  "NTAccount",
  "MaterialLabel",
  "Code",
  "Group",
  "WorkGroup",
  "EmailAddress",
  "Hyperlink",
  "HyperlinkAddress",
  "HyperlinkSubAddress",
  "MaxUnits",
  "PeakUnits",
  "OverAllocated",
  "AvailableFrom",
  "AvailableTo",
  "Start",
  "Finish",
  "CanLevel",
  "AccrueAt",
  "Work",
  "RegularWork",
  "OvertimeWork",
  "ActualWork",
  "RemainingWork",
  "ActualOvertimeWork",
  "RemainingOvertimeWork",
  "PercentWorkComplete",
  "StandardRate",
  "StandardRateFormat",
  "Cost",
  "OvertimeRate",
  "OvertimeRateFormat",
  "OvertimeCost",
  "CostPerUse",
  "ActualCost",
  "ActualOvertimeCost",
  "RemainingCost",
  "RemainingOvertimeCost",
  "WorkVariance",
  "CostVariance",
  "SV",
  "CV",
  "ACWP",
  "CalendarUID",
  "Notes",
  "BCWS",
  "BCWP",
  "IsGeneric",
  "IsInactive",
  "IsEnterprise",
  "BookingType",
  "ActualWorkProtected",
  "ActualOvertimeWorkProtected",
  "ActiveDirectoryGUID",
  "CreationDate",
  "IsCostResource",
  "IsBudget",
  "#ExtendedAttribute",
  "#AvailabilityPeriods",
  "#Rates",
] as const;

export const ASSIGNMENT_ORDER = [
  "UID",
  "GUID",
  "TaskUID",
  "ResourceUID",
  "PercentWorkComplete",
  "ActualCost",
  "ActualFinish",
  "ActualOvertimeCost",
  "ActualOvertimeWork",
  "ActualStart",
  "ActualWork",
  "ACWP",
  "Confirmed",
  "Cost",
  "CostRateTable",
  "RateScale",
  "CostVariance",
  "CV",
  "Delay",
  "Finish",
  "FinishVariance",
  "Hyperlink",
  "HyperlinkAddress",
  "HyperlinkSubAddress",
  "WorkVariance",
  "HasFixedRateUnits",
  "FixedMaterial",
  "LevelingDelay",
  "LevelingDelayFormat",
  "LinkedFields",
  "Milestone",
  "Notes",
  "Overallocated",
  "OvertimeCost",
  "OvertimeWork",
  "PeakUnits",
  "RegularWork",
  "RemainingCost",
  "RemainingOvertimeCost",
  "RemainingOvertimeWork",
  "RemainingWork",
  "ResponsePending",
  "Start",
  "Stop",
  "Resume",
  "StartVariance",
  "Summary",
  "SV",
  "Units",
  "UpdateNeeded",
  "VAC",
  "Work",
  "WorkContour",
  "BCWS",
  "BCWP",
  "BookingType",
  "ActualWorkProtected",
  "ActualOvertimeWorkProtected",
  "CreationDate",
  "#ExtendedAttribute",
  "BudgetCost",
  "BudgetWork",
] as const;

const CONSTRAINT_CODES: Record<string, number> = {
  ASAP: 0,
  ALAP: 1,
  MSO: 2,
  MFO: 3,
  SNET: 4,
  SNLT: 5,
  FNET: 6,
  FNLT: 7,
  SO: 2,
  FO: 3,
};
const LINK_CODES: Record<string, number> = { FF: 0, FS: 1, SF: 2, SS: 3 };
const CONTOUR_CODES: Record<string, number> = {
  flat: 0,
  backLoaded: 1,
  frontLoaded: 2,
  doublePeak: 3,
  earlyPeak: 4,
  latePeak: 5,
  bell: 6,
  turtle: 7,
};
const WEEK_CODES: Record<string, number> = { first: 0, second: 1, third: 2, fourth: 3, last: 4 };
const DEFAULT_TIMES: WorkingTime[] = [
  { from: "08:00", to: "12:00" },
  { from: "13:00", to: "17:00" },
];

// Characters that need escaping, plus those not allowed in XML 1.0 (dropped).
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function esc(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
  return clean.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function dt(v: string): string {
  return v.length === 10 ? `${v}T00:00:00` : v;
}

function fmtNum(n: number): string {
  const r = Math.round(n * 1e9) / 1e9;
  return String(Object.is(r, -0) ? 0 : r);
}

class Out {
  /**
   * Finished chunks of about 64 K characters. Text is appended to `cur` and moved here in flat
   * chunks, so the writer never holds millions of small strings: they die young and the final join
   * copies a few thousand chunks.
   */
  private readonly chunks: string[] = [];
  private cur = "";
  private readonly nl: string;
  private readonly tab: boolean;
  depth = 0;
  constructor(indent: boolean) {
    this.tab = indent;
    this.nl = indent ? "\n" : "";
  }
  private readonly pads: string[] = [];
  private pad(): string {
    if (!this.tab) return "";
    return (this.pads[this.depth] ??= "\t".repeat(this.depth));
  }
  /** Appends raw text. */
  push(text: string): void {
    this.cur += text;
    if (this.cur.length > 65_536) {
      // Reading one character flattens the rope of small pieces into one flat string.
      this.cur.charCodeAt(0);
      this.chunks.push(this.cur);
      this.cur = "";
    }
  }
  /** The whole text. */
  text(): string {
    this.chunks.push(this.cur);
    this.cur = "";
    return this.chunks.join("");
  }
  open(name: string): void {
    this.push(`${this.pad()}<${name}>${this.nl}`);
    this.depth++;
  }
  close(name: string): void {
    this.depth--;
    this.push(`${this.pad()}</${name}>${this.nl}`);
  }
  leaf(name: string, value: string): void {
    this.push(`${this.pad()}<${name}>${esc(value)}</${name}>${this.nl}`);
  }
  fields(
    order: readonly string[],
    values: Map<string, string>,
    complex: Record<string, () => void> = {},
  ): void {
    for (const name of order) {
      if (name.startsWith("#")) {
        complex[name.slice(1)]?.();
        continue;
      }
      const v = values.get(name);
      if (v !== undefined) this.leaf(name, v);
    }
  }
}

/** Maps model ids to MSPDI integer UIDs: numeric ids are kept, others numbered after the largest. */
class UidMap {
  private readonly map = new Map<string, number>();
  constructor(ids: readonly string[], start = 1) {
    let max = start - 1;
    const numeric = (id: string): boolean => /^\d{1,9}$/.test(id);
    const used = new Set<number>();
    for (const id of ids)
      if (numeric(id) && !used.has(Number(id))) {
        used.add(Number(id));
        max = Math.max(max, Number(id));
      }
    const taken = new Set<number>();
    for (const id of ids) {
      if (this.map.has(id)) continue;
      if (numeric(id) && !taken.has(Number(id))) {
        this.map.set(id, Number(id));
        taken.add(Number(id));
      } else {
        this.map.set(id, ++max);
      }
    }
  }
  get(id: string): number | undefined {
    return this.map.get(id);
  }
}

function ext(obj: { extensions?: Record<string, unknown> | undefined }, key = "mspdi"): Map<string, string> {
  const m = new Map<string, string>();
  const e = obj.extensions?.[key];
  if (e && typeof e === "object" && !Array.isArray(e)) {
    for (const [k, v] of Object.entries(e as Record<string, unknown>)) if (typeof v === "string") m.set(k, v);
  }
  return m;
}

function cents(m: Money | undefined): string | undefined {
  return m === undefined ? undefined : shiftDecimal(m.amount, 2);
}

function writeTimes(o: Out, times: readonly WorkingTime[] | undefined): void {
  o.open("WorkingTimes");
  for (const t of times && times.length > 0 ? times : DEFAULT_TIMES) {
    o.open("WorkingTime");
    o.leaf("FromTime", `${t.from}:00`);
    o.leaf("ToTime", t.to === "24:00" ? "00:00:00" : `${t.to}:00`);
    o.close("WorkingTime");
  }
  o.close("WorkingTimes");
}

function writeWeek(o: Out, week: WeekDays, allDays: boolean): void {
  o.open("WeekDays");
  DAY_NAMES.forEach((name, i) => {
    const d = (week as Record<string, DayPattern | null | undefined>)[name];
    if (d === undefined || d === null) {
      if (!allDays) return;
      o.open("WeekDay");
      o.leaf("DayType", String(i + 1));
      o.leaf("DayWorking", "0");
      o.close("WeekDay");
      return;
    }
    o.open("WeekDay");
    o.leaf("DayType", String(i + 1));
    o.leaf("DayWorking", d.working ? "1" : "0");
    if (d.working) writeTimes(o, d.times);
    o.close("WeekDay");
  });
  o.close("WeekDays");
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function writeException(o: Out, e: CalendarException): void {
  const r = e.recurrence;
  o.open("Exception");
  o.leaf("EnteredByOccurrences", r?.occurrences !== undefined ? "1" : "0");
  o.open("TimePeriod");
  o.leaf("FromDate", `${e.from}T00:00:00`);
  o.leaf("ToDate", `${e.to}T23:59:00`);
  o.close("TimePeriod");
  o.leaf("Occurrences", String(r ? (r.occurrences ?? 1) : dayCount(e.from, e.to)));
  if (e.name !== undefined) o.leaf("Name", e.name);
  if (!r) o.leaf("Type", "1");
  else if (r.type === "daily") {
    o.leaf("Type", "7");
    o.leaf("Period", String(r.interval));
  } else if (r.type === "weekly") {
    o.leaf("Type", "6");
    o.leaf("Period", String(r.interval));
    o.leaf("DaysOfWeek", String(r.daysOfWeek.reduce((m, d) => m | (1 << DAY_NAMES.indexOf(d)), 0)));
  } else if (r.type === "monthly") {
    if ("day" in r) {
      o.leaf("Type", "4");
      o.leaf("Period", String(r.interval));
      o.leaf("MonthDay", String(r.day));
    } else {
      o.leaf("Type", "5");
      o.leaf("Period", String(r.interval));
      o.leaf("MonthItem", String(DAY_NAMES.indexOf(r.dayOfWeek) + 3));
      o.leaf("MonthPosition", String(WEEK_CODES[r.week]));
    }
  } else if ("day" in r) {
    o.leaf("Type", "2");
    if (r.interval !== 1) o.leaf("Period", String(r.interval));
    o.leaf("Month", String(r.month - 1));
    o.leaf("MonthDay", String(r.day));
  } else {
    o.leaf("Type", "3");
    if (r.interval !== 1) o.leaf("Period", String(r.interval));
    o.leaf("Month", String(r.month - 1));
    o.leaf("MonthItem", String(DAY_NAMES.indexOf(r.dayOfWeek) + 3));
    o.leaf("MonthPosition", String(WEEK_CODES[r.week]));
  }
  o.leaf("DayWorking", e.working ? "1" : "0");
  if (e.working) writeTimes(o, e.times);
  o.close("Exception");
}

function writeCalendar(o: Out, c: Calendar, uids: UidMap): void {
  // Fields kept in extensions.mspdi (GUID) go back in MS Project's place; the model's win.
  const v = ext(c);
  v.set("UID", String(uids.get(c.id)));
  v.set("Name", c.name);
  const isBase = c.parentId === undefined;
  v.set("IsBaseCalendar", isBase ? "1" : "0");
  // A baseline calendar (1) read from a file comes back from extensions; 0 otherwise.
  if (!v.has("IsBaselineCalendar")) v.set("IsBaselineCalendar", "0");
  v.set("BaseCalendarUID", isBase ? "-1" : String(uids.get(c.parentId!) ?? -1));
  o.open("Calendar");
  o.fields(CALENDAR_ORDER, v, {
    WeekDays: () => writeWeek(o, c.weekDays, isBase),
    Exceptions: () => {
      if (c.exceptions.length === 0) return;
      o.open("Exceptions");
      for (const e of c.exceptions) writeException(o, e);
      o.close("Exceptions");
    },
    WorkWeeks: () => {
      if (c.workWeeks.length === 0) return;
      o.open("WorkWeeks");
      for (const w of c.workWeeks) {
        o.open("WorkWeek");
        o.open("TimePeriod");
        o.leaf("FromDate", `${w.from}T00:00:00`);
        o.leaf("ToDate", `${w.to}T23:59:00`);
        o.close("TimePeriod");
        if (w.name !== undefined) o.leaf("Name", w.name);
        writeWeek(o, w.weekDays, false);
        o.close("WorkWeek");
      }
      o.close("WorkWeeks");
    },
  });
  o.close("Calendar");
}

function durationMinutes(d: Duration, s: DurationSettings): number {
  return d.unit === "percent" ? 0 : d.value * minutesPerUnit(d.unit, s);
}

/** Orders tasks depth-first by `parentId`, keeping the given order among siblings. */
function outlineOrder(
  tasks: readonly Task[],
): { task: Task; level: number; number: string; summary: boolean }[] {
  const ids = new Set(tasks.map((t) => t.id));
  const kids = new Map<string | undefined, Task[]>();
  for (const t of tasks) {
    const p = t.parentId !== undefined && ids.has(t.parentId) && t.parentId !== t.id ? t.parentId : undefined;
    const list = kids.get(p);
    if (list) list.push(t);
    else kids.set(p, [t]);
  }
  const out: { task: Task; level: number; number: string; summary: boolean }[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | undefined, level: number, prefix: string): void => {
    const list = kids.get(parent) ?? [];
    let i = 0;
    for (const t of list) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      i++;
      const number = prefix === "" ? String(i) : `${prefix}.${i}`;
      out.push({ task: t, level, number, summary: (kids.get(t.id)?.length ?? 0) > 0 });
      visit(t.id, level + 1, number);
    }
  };
  visit(undefined, 1, "");
  // Tasks on a parent cycle are unreachable from the roots: append them at top level.
  for (const t of tasks)
    if (!seen.has(t.id)) out.push({ task: t, level: 1, number: String(out.length + 1), summary: false });
  return out;
}

function customValue(
  v: string | number | boolean | null,
  key: string,
): { value: string; format?: string } | undefined {
  if (v === null) return undefined;
  const lower = key.toLowerCase();
  if (typeof v === "boolean") return { value: v ? "1" : "0" };
  if (typeof v === "number") return { value: fmtNum(v) };
  if (lower.startsWith("cost")) return { value: shiftDecimal(v, 2) };
  if (lower.startsWith("duration")) {
    const bar = v.lastIndexOf("|");
    return bar > 0 ? { value: v.slice(0, bar), format: v.slice(bar + 1) } : { value: v };
  }
  return { value: v };
}

/**
 * Writes a project as Microsoft Project XML (MSPDI) in the form MS Project itself writes: the
 * `http://schemas.microsoft.com/project` namespace, `SaveVersion`, elements in schema order, a
 * project summary task (UID 0), calendars with 2007+ `Exceptions` (recurrences included) and
 * `WorkWeeks`, links with `LinkLag` in tenths of minutes and their `LagFormat`, resources with cost
 * rate tables A-E, assignments, baselines and custom fields (`ExtendedAttribute`). Values read from
 * an MSPDI file and kept in `extensions.mspdi` are written back in place. Non-numeric ids get
 * generated integer UIDs.
 *
 * @param project - a valid project
 * @param options - `saveVersion`, indentation
 * @returns the XML text (UTF-8 declared)
 * @throws PmokitError `INVALID_INPUT` when a dependency or assignment references an unknown task
 * @example
 * ```ts
 * import { readMspdi, writeMspdi } from "@pmokit/interop";
 * const xml = writeMspdi(readMspdi(bytes).project);
 * ```
 * @category MS Project
 * @since 0.1.0
 */
export function writeMspdi(project: Project, options: WriteMspdiOptions = {}): string {
  const s = project.settings;
  const o = new Out(options.indent !== false);
  const calUids = new UidMap(project.calendars.map((c) => c.id));
  const taskUids = new UidMap(project.tasks.map((t) => t.id));
  const resUids = new UidMap(project.resources.map((r) => r.id));
  const asgUids = new UidMap(project.assignments.map((a) => a.id));
  const pext = ext(project);
  const ordered = outlineOrder(project.tasks);
  const taskById = new Map(project.tasks.map((t) => [t.id, t]));

  // Custom field ids.
  const defs: Record<string, string>[] = [];
  const rawDefs = project.extensions?.["mspdi:ExtendedAttributes"];
  if (Array.isArray(rawDefs)) {
    for (const d of rawDefs) {
      if (d && typeof d === "object" && !Array.isArray(d)) {
        const rec: Record<string, string> = {};
        for (const [k, v] of Object.entries(d)) if (typeof v === "string") rec[k] = v;
        if (rec["FieldID"] !== undefined) defs.push(rec);
      }
    }
  }
  const fieldIds = new Map<string, string>();
  for (const d of defs) if (d["FieldName"] !== undefined) fieldIds.set(d["FieldName"], d["FieldID"]!);
  const usedKeys = new Set<string>();
  for (const list of [project.tasks, project.resources, project.assignments])
    for (const x of list) for (const k of Object.keys(x.customFields)) usedKeys.add(k);
  for (const k of usedKeys) {
    if (fieldIds.has(k)) continue;
    const known = TASK_FIELD_IDS[k];
    if (known !== undefined) {
      const def: Record<string, string> = { FieldID: String(known), FieldName: k };
      const alias = project.customFieldDefinitions?.find((d) => d.key === k)?.alias;
      if (alias !== undefined) def["Alias"] = alias;
      defs.push(def);
      fieldIds.set(k, String(known));
    } else {
      const m = /^Field(\d+)$/.exec(k);
      if (m) fieldIds.set(k, m[1]!);
    }
  }
  const writeCustom = (fields: Record<string, string | number | boolean | null>): void => {
    for (const [k, v] of Object.entries(fields)) {
      const id = fieldIds.get(k);
      const cv = customValue(v, k);
      if (id === undefined || cv === undefined) continue;
      o.open("ExtendedAttribute");
      o.leaf("FieldID", id);
      o.leaf("Value", cv.value);
      if (cv.format !== undefined) o.leaf("DurationFormat", cv.format);
      o.close("ExtendedAttribute");
    }
  };

  o.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  o.push('<Project xmlns="http://schemas.microsoft.com/project">\n');
  o.depth = 1;
  const pv = new Map(pext);
  pv.set("SaveVersion", String(options.saveVersion ?? 14));
  pv.set("Name", project.name);
  if (/^\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?$/.test(project.id))
    pv.set("GUID", project.id);
  pv.set("ScheduleFromStart", s.scheduleFrom === "finish" ? "0" : "1");
  pv.set("StartDate", dt(s.startDate));
  if (s.finishDate !== undefined) pv.set("FinishDate", dt(s.finishDate));
  pv.set("CriticalSlackLimit", fmtNum(s.criticalSlackLimitMinutes / s.minutesPerDay));
  pv.set("CurrencyCode", s.currency);
  pv.set("CalendarUID", String(calUids.get(s.defaultCalendarId) ?? 1));
  pv.set("MinutesPerDay", fmtNum(s.minutesPerDay));
  pv.set("MinutesPerWeek", fmtNum(s.minutesPerWeek));
  pv.set("DaysPerMonth", fmtNum(s.daysPerMonth));
  pv.set(
    "DefaultTaskType",
    s.defaultTaskType === "fixedDuration" ? "1" : s.defaultTaskType === "fixedWork" ? "2" : "0",
  );
  pv.set("HonorConstraints", s.honorConstraints ? "1" : "0");
  pv.set("MultipleCriticalPaths", s.calculateMultipleCriticalPaths ? "1" : "0");
  pv.set("NewTasksEffortDriven", s.newTasksEffortDriven ? "1" : "0");
  if (s.statusDate !== undefined) pv.set("StatusDate", dt(s.statusDate));
  o.fields(PROJECT_ORDER, pv);

  if (defs.length > 0) {
    o.open("ExtendedAttributes");
    for (const d of defs) {
      o.open("ExtendedAttribute");
      for (const k of [
        "FieldID",
        "FieldName",
        "CFType",
        "Guid",
        "ElemType",
        "MaxMultiValues",
        "UserDef",
        "Alias",
        "SecondaryPID",
        "AutoRollDown",
        "DefaultGuid",
        "Ltuid",
        "SecondaryGuid",
        "PhoneticsAlias",
      ])
        if (d[k] !== undefined) o.leaf(k, d[k]);
      o.close("ExtendedAttribute");
    }
    o.close("ExtendedAttributes");
  }

  o.open("Calendars");
  for (const c of project.calendars) writeCalendar(o, c, calUids);
  o.close("Calendars");

  // Tasks.
  const preds = new Map<string, Project["dependencies"]>();
  for (const d of project.dependencies) {
    if (d.fromProject === undefined && !taskById.has(d.from))
      throw new PmokitError("INVALID_INPUT", `dependency ${d.from} → ${d.to}: unknown predecessor task`, {
        ids: [d.from],
        expected: "a task id of the project",
      });
    if (!taskById.has(d.to))
      throw new PmokitError("INVALID_INPUT", `dependency ${d.from} → ${d.to}: unknown successor task`, {
        ids: [d.to],
        expected: "a task id of the project",
      });
    const l = preds.get(d.to);
    if (l) l.push(d);
    else preds.set(d.to, [d]);
  }
  let projFinish = s.finishDate;
  for (const t of project.tasks) {
    const f = t.reported?.finish;
    if (f !== undefined && (projFinish === undefined || f > projFinish)) projFinish = f;
  }
  o.open("Tasks");
  {
    const v = new Map<string, string>([
      ["UID", "0"],
      ["ID", "0"],
      ["Name", project.name],
      ["Active", "1"],
      ["Manual", "0"],
      ["Type", "1"],
      ["IsNull", "0"],
      ["OutlineNumber", "0"],
      ["OutlineLevel", "0"],
      ["Priority", "500"],
      ["Start", dt(s.startDate)],
      ["DurationFormat", "53"],
      ["Summary", "1"],
    ]);
    if (projFinish !== undefined) v.set("Finish", dt(projFinish));
    o.open("Task");
    o.fields(TASK_ORDER, v);
    o.close("Task");
  }
  ordered.forEach(({ task: t, level, number, summary }, index) => {
    const v = ext(t);
    v.set("UID", String(taskUids.get(t.id)));
    v.set("ID", String(index + 1));
    v.set("Name", t.name);
    v.set("Active", t.inactive ? "0" : "1");
    v.set("Manual", t.manual ? "1" : "0");
    v.set("Type", t.type === "fixedDuration" ? "1" : t.type === "fixedWork" ? "2" : "0");
    v.set("IsNull", "0");
    if (t.wbs !== undefined) v.set("WBS", t.wbs);
    v.set("OutlineNumber", number);
    v.set("OutlineLevel", String(level));
    v.set("Priority", String(t.priority));
    const rep = t.reported ?? {};
    if (rep.start !== undefined) v.set("Start", dt(rep.start));
    if (rep.finish !== undefined) v.set("Finish", dt(rep.finish));
    v.set("Duration", formatIsoDuration(durationMinutes(t.duration, s)));
    if (!v.has("DurationFormat")) v.set("DurationFormat", String(formatOfUnit(t.duration.unit)));
    if (t.work !== undefined) v.set("Work", formatIsoDuration(durationMinutes(t.work, s)));
    v.set("EffortDriven", t.effortDriven ? "1" : "0");
    v.set("Milestone", t.milestone ? "1" : "0");
    v.set("Summary", summary ? "1" : "0");
    if (rep.critical !== undefined) v.set("Critical", rep.critical ? "1" : "0");
    if (rep.earlyStart !== undefined) v.set("EarlyStart", dt(rep.earlyStart));
    if (rep.earlyFinish !== undefined) v.set("EarlyFinish", dt(rep.earlyFinish));
    if (rep.lateStart !== undefined) v.set("LateStart", dt(rep.lateStart));
    if (rep.lateFinish !== undefined) v.set("LateFinish", dt(rep.lateFinish));
    if (rep.freeSlackMinutes !== undefined) v.set("FreeSlack", fmtNum(rep.freeSlackMinutes * 10));
    if (rep.totalSlackMinutes !== undefined) v.set("TotalSlack", fmtNum(rep.totalSlackMinutes * 10));
    // Override any StartSlack / FinishSlack an older model still carries in extensions.mspdi.
    if (rep.startSlackMinutes !== undefined) v.set("StartSlack", fmtNum(rep.startSlackMinutes * 10));
    if (rep.finishSlackMinutes !== undefined) v.set("FinishSlack", fmtNum(rep.finishSlackMinutes * 10));
    const fc = cents(t.fixedCost);
    if (fc !== undefined) v.set("FixedCost", fc);
    if (t.fixedCostAccrual !== undefined)
      v.set(
        "FixedCostAccrual",
        t.fixedCostAccrual === "start" ? "1" : t.fixedCostAccrual === "prorated" ? "2" : "3",
      );
    v.set("PercentComplete", fmtNum(t.percentComplete));
    if (t.percentWorkComplete !== undefined) v.set("PercentWorkComplete", fmtNum(t.percentWorkComplete));
    const cost = cents(t.cost);
    if (cost !== undefined) v.set("Cost", cost);
    if (t.actualStart !== undefined) v.set("ActualStart", dt(t.actualStart));
    if (t.actualFinish !== undefined) v.set("ActualFinish", dt(t.actualFinish));
    if (t.actualDuration !== undefined)
      v.set("ActualDuration", formatIsoDuration(durationMinutes(t.actualDuration, s)));
    if (t.remainingDuration !== undefined)
      v.set("RemainingDuration", formatIsoDuration(durationMinutes(t.remainingDuration, s)));
    v.set("ConstraintType", String(CONSTRAINT_CODES[t.constraint.type] ?? 0));
    if (t.calendarId !== undefined) v.set("CalendarUID", String(calUids.get(t.calendarId) ?? -1));
    if (t.constraint.date !== undefined) v.set("ConstraintDate", dt(t.constraint.date));
    if (t.deadline !== undefined) v.set("Deadline", dt(t.deadline));
    if (t.levelingDelay !== undefined) {
      v.set("LevelingDelay", fmtNum(durationMinutes(t.levelingDelay, s) * 10));
      v.set("LevelingDelayFormat", String(formatOfUnit(t.levelingDelay.unit)));
    }
    if (t.ignoreResourceCalendar !== undefined)
      v.set("IgnoreResourceCalendar", t.ignoreResourceCalendar ? "1" : "0");
    if (t.notes !== undefined) v.set("Notes", t.notes);
    if (t.physicalPercentComplete !== undefined)
      v.set("PhysicalPercentComplete", fmtNum(t.physicalPercentComplete));
    o.open("Task");
    o.fields(TASK_ORDER, v, {
      PredecessorLink: () => {
        for (const d of preds.get(t.id) ?? []) {
          const le = ext(d);
          o.open("PredecessorLink");
          o.leaf("PredecessorUID", d.fromProject !== undefined ? d.from : String(taskUids.get(d.from)));
          o.leaf("Type", String(LINK_CODES[d.type]));
          o.leaf("CrossProject", d.fromProject !== undefined ? "1" : "0");
          if (d.fromProject !== undefined) o.leaf("CrossProjectName", d.fromProject);
          const lag = d.lag;
          o.leaf(
            "LinkLag",
            lag.unit === "percent"
              ? fmtNum(lag.value)
              : fmtNum(Math.round(durationMinutes(lag, s) * 10 * 1000) / 1000),
          );
          o.leaf("LagFormat", le.get("LagFormat") ?? String(formatOfUnit(lag.unit)));
          o.close("PredecessorLink");
        }
      },
      ExtendedAttribute: () => writeCustom(t.customFields),
      Baseline: () => {
        for (const b of t.baselines) {
          o.open("Baseline");
          o.leaf("Number", String(b.number));
          if (b.start !== undefined) o.leaf("Start", dt(b.start));
          if (b.finish !== undefined) o.leaf("Finish", dt(b.finish));
          if (b.duration !== undefined) {
            o.leaf("Duration", formatIsoDuration(durationMinutes(b.duration, s)));
            o.leaf("DurationFormat", String(formatOfUnit(b.duration.unit)));
          }
          if (b.work !== undefined) o.leaf("Work", formatIsoDuration(durationMinutes(b.work, s)));
          const bc = cents(b.cost);
          if (bc !== undefined) o.leaf("Cost", bc);
          const bfc = cents(b.fixedCost);
          if (bfc !== undefined) o.leaf("FixedCost", bfc);
          o.close("Baseline");
        }
      },
    });
    o.close("Task");
  });
  o.close("Tasks");

  o.open("Resources");
  project.resources.forEach((r, index) => {
    const v = ext(r);
    v.set("UID", String(resUids.get(r.id)));
    v.set("ID", String(index + 1));
    v.set("Name", r.name);
    v.set("Type", r.type === "material" ? "0" : r.type === "cost" ? "2" : "1");
    v.set("IsNull", "0");
    if (r.materialLabel !== undefined) v.set("MaterialLabel", r.materialLabel);
    if (r.group !== undefined) v.set("Group", r.group);
    if (r.email !== undefined) v.set("EmailAddress", r.email);
    v.set("MaxUnits", fmtNum(r.maxUnits));
    const a0 = r.costRateTables.A?.[0];
    if (a0) {
      v.set("StandardRate", a0.standardRate.amount);
      if (!v.has("StandardRateFormat")) v.set("StandardRateFormat", "2");
      if (a0.overtimeRate) {
        v.set("OvertimeRate", a0.overtimeRate.amount);
        if (!v.has("OvertimeRateFormat")) v.set("OvertimeRateFormat", "2");
      }
      if (a0.costPerUse) v.set("CostPerUse", shiftDecimal(a0.costPerUse.amount, 2));
    }
    if (r.calendarId !== undefined) v.set("CalendarUID", String(calUids.get(r.calendarId) ?? -1));
    if (r.notes !== undefined) v.set("Notes", r.notes);
    v.set("IsCostResource", r.type === "cost" ? "1" : "0");
    o.open("Resource");
    o.fields(RESOURCE_ORDER, v, {
      ExtendedAttribute: () => writeCustom(r.customFields),
      AvailabilityPeriods: () => {
        if (r.availability.length === 0) return;
        o.open("AvailabilityPeriods");
        for (const a of r.availability) {
          o.open("AvailabilityPeriod");
          if (a.from !== undefined) o.leaf("AvailableFrom", dt(a.from));
          if (a.to !== undefined) o.leaf("AvailableTo", dt(a.to));
          o.leaf("AvailableUnits", fmtNum(a.units));
          o.close("AvailabilityPeriod");
        }
        o.close("AvailabilityPeriods");
      },
      Rates: () => {
        const tables = (["A", "B", "C", "D", "E"] as const).filter(
          (k) => (r.costRateTables[k]?.length ?? 0) > 0,
        );
        if (tables.length === 0) return;
        o.open("Rates");
        tables.forEach((k) => {
          const list = r.costRateTables[k]!;
          list.forEach((rate, i) => {
            o.open("Rate");
            o.leaf("RatesFrom", dt(rate.effectiveFrom ?? "1984-01-01T00:00:00"));
            const next = list[i + 1]?.effectiveFrom;
            o.leaf("RatesTo", next !== undefined ? dt(next) : "2049-12-31T23:59:00");
            o.leaf("RateTable", String(["A", "B", "C", "D", "E"].indexOf(k)));
            o.leaf("StandardRate", rate.standardRate.amount);
            o.leaf("StandardRateFormat", "2");
            if (rate.overtimeRate) {
              o.leaf("OvertimeRate", rate.overtimeRate.amount);
              o.leaf("OvertimeRateFormat", "2");
            }
            if (rate.costPerUse) o.leaf("CostPerUse", shiftDecimal(rate.costPerUse.amount, 2));
            o.close("Rate");
          });
        });
        o.close("Rates");
      },
    });
    o.close("Resource");
  });
  o.close("Resources");

  o.open("Assignments");
  for (const a of project.assignments) {
    if (!taskById.has(a.taskId))
      throw new PmokitError("INVALID_INPUT", `assignment ${a.id}: unknown task ${a.taskId}`, {
        ids: [a.id],
        expected: "a task id of the project",
      });
    const v = ext(a);
    v.set("UID", String(asgUids.get(a.id)));
    v.set("TaskUID", String(taskUids.get(a.taskId)));
    v.set("ResourceUID", String(resUids.get(a.resourceId) ?? -65535));
    if (a.actualWork !== undefined) v.set("ActualWork", formatIsoDuration(a.actualWork));
    const cost = cents(a.cost);
    if (cost !== undefined) v.set("Cost", cost);
    if (a.costRateTable !== undefined)
      v.set("CostRateTable", String(["A", "B", "C", "D", "E"].indexOf(a.costRateTable)));
    if (a.delay !== undefined) v.set("Delay", fmtNum(durationMinutes(a.delay, s) * 10));
    if (a.finish !== undefined) v.set("Finish", dt(a.finish));
    if (a.levelingDelay !== undefined) {
      v.set("LevelingDelay", fmtNum(durationMinutes(a.levelingDelay, s) * 10));
      v.set("LevelingDelayFormat", String(formatOfUnit(a.levelingDelay.unit)));
    }
    if (a.remainingWork !== undefined) v.set("RemainingWork", formatIsoDuration(a.remainingWork));
    if (a.start !== undefined) v.set("Start", dt(a.start));
    v.set("Units", fmtNum(a.units));
    if (a.work !== undefined) v.set("Work", formatIsoDuration(a.work));
    if (!v.has("WorkContour")) v.set("WorkContour", String(CONTOUR_CODES[a.contour] ?? 0));
    o.open("Assignment");
    o.fields(ASSIGNMENT_ORDER, v, { ExtendedAttribute: () => writeCustom(a.customFields) });
    o.close("Assignment");
  }
  o.close("Assignments");
  o.push("</Project>\n");
  return o.text();
}
