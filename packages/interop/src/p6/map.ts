import type {
  Assignment,
  Calendar,
  Constraint,
  ConstraintType,
  DayPattern,
  Dependency,
  Project,
  Resource,
  Task,
  WeekDays,
} from "@pmokit/core";
import { PmokitError } from "@pmokit/core";
import type { WarningSink } from "../internal/context.js";
import { moneyOf, normDateTime, normDecimal } from "../internal/context.js";
import { checkProject } from "../internal/check.js";
import type { DecodedClndr } from "../xer/clndr.js";
import { decodeClndr } from "../xer/clndr.js";

/** A P6 record with XER field names (PMXML is translated to these names), and its source line. */
export interface P6Rec {
  readonly f: Readonly<Record<string, string>>;
  readonly line?: number;
  /** Calendar content already decoded (PMXML); XER calendars carry `clndr_data` instead. */
  readonly decoded?: DecodedClndr;
  /** The activity id the mapper chose for this TASK record (filled by {@link mapP6}). */
  aid?: string | undefined;
}

/** P6 tables in XER vocabulary, from an XER file or a PMXML document. */
export interface P6Data {
  readonly source: "XER" | "PMXML";
  readonly currency: string;
  readonly projects: P6Rec[];
  readonly calendars: P6Rec[];
  readonly wbs: P6Rec[];
  readonly tasks: P6Rec[];
  readonly preds: P6Rec[];
  readonly resources: P6Rec[];
  readonly rates: P6Rec[];
  readonly assignments: P6Rec[];
  readonly schedOptions: P6Rec[];
}

const CONSTRAINT_MAP: Record<string, ConstraintType> = {
  CS_MSO: "SO",
  CS_MSOB: "SNLT",
  CS_MSOA: "SNET",
  CS_MEO: "FO",
  CS_MEOB: "FNLT",
  CS_MEOA: "FNET",
  CS_ALAP: "ALAP",
  CS_MANDSTART: "MSO",
  CS_MANDFIN: "MFO",
};

const ACTIVITY_TYPES: Record<string, NonNullable<Task["activityType"]>> = {
  TT_Task: "task",
  TT_Rsrc: "resourceDependent",
  TT_LOE: "levelOfEffort",
  TT_Mile: "startMilestone",
  TT_FinMile: "finishMilestone",
  TT_WBS: "wbsSummary",
};

const LINK_TYPES: Record<string, Dependency["type"]> = { PR_FS: "FS", PR_SS: "SS", PR_FF: "FF", PR_SF: "SF" };
const PRIORITIES: Record<string, number> = {
  PT_Top: 1000,
  PT_High: 750,
  PT_Normal: 500,
  PT_Low: 250,
  PT_Lowest: 0,
};

/** Task fields mapped to the model; every other non-empty TASK field is kept in `extensions.p6`. */
const TASK_MAPPED = new Set([
  "task_id",
  "proj_id",
  "wbs_id",
  "clndr_id",
  "task_code",
  "task_name",
  "task_type",
  "target_drtn_hr_cnt",
  "remain_drtn_hr_cnt",
  "act_start_date",
  "act_end_date",
  "expect_end_date",
  "early_start_date",
  "early_end_date",
  "late_start_date",
  "late_end_date",
  "total_float_hr_cnt",
  "free_float_hr_cnt",
  "cstr_type",
  "cstr_date",
  "cstr_type2",
  "cstr_date2",
  "priority_type",
  "phys_complete_pct",
  "is_critical",
]);

function std(hours: number): DayPattern {
  const end = 8 * 60 + Math.round(hours * 60);
  const to =
    end >= 1440
      ? "24:00"
      : `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
  return { working: true, times: [{ from: "08:00", to }] };
}

function fallbackWeek(hoursPerDay: number): WeekDays {
  const d = std(hoursPerDay > 0 && hoursPerDay <= 16 ? hoursPerDay : 8);
  return {
    sunday: { working: false },
    monday: d,
    tuesday: d,
    wednesday: d,
    thursday: d,
    friday: d,
    saturday: { working: false },
  };
}

class Ctx {
  readonly sink: WarningSink;
  readonly data: P6Data;
  readonly fileName: string | undefined;
  constructor(data: P6Data, sink: WarningSink, fileName: string | undefined) {
    this.data = data;
    this.sink = sink;
    this.fileName = fileName;
  }
  warn(code: string, message: string, rec: P6Rec | undefined, element: string): void {
    this.sink.add({ code, message, element, ...(rec?.line === undefined ? {} : { line: rec.line }) });
  }
  agg(code: string, element: string, message: string, rec: P6Rec | undefined): void {
    this.sink.aggregate(code, element, message, undefined);
    void rec;
  }
  num(rec: P6Rec, name: string, element: string): number | undefined {
    const raw = rec.f[name];
    if (raw === undefined || raw === "") return undefined;
    // Some P6 exports write decimals with a comma (locale), e.g. 109,083333.
    const t = raw.indexOf(",") >= 0 && /^-?\d+,\d+$/.test(raw) ? raw.replace(",", ".") : raw;
    const v = Number(t);
    if (!Number.isFinite(v)) {
      this.warnValue(rec, name, "a number", element);
      return undefined;
    }
    return v;
  }
  date(rec: P6Rec, name: string, element: string): string | undefined {
    const t = rec.f[name];
    if (t === undefined || t === "") return undefined;
    const d = normDateTime(t);
    if (d === undefined) this.warnValue(rec, name, "a date yyyy-MM-dd HH:mm", element);
    return d;
  }
  warnValue(rec: P6Rec, name: string, expected: string, element: string): void {
    const line = rec.line;
    this.sink.aggregate(
      "INVALID_VALUE",
      `${element}.${name}`,
      `invalid ${element}.${name}: expected ${expected}`,
      undefined,
    );
    void line;
  }
}

/**
 * Maps P6 tables (XER or PMXML) to one pmokit project per P6 project. WBS nodes become summary
 * tasks (id `WBS-<wbs_id>`), activities keep their `task_code` as id (falling back to `task_id`
 * when codes repeat), P6's computed dates and floats become `reported` values, relationships to
 * activities of other projects become external dependencies (`fromProject`).
 */
export function mapP6(data: P6Data, sink: WarningSink, fileName: string | undefined): Project[] {
  const c = new Ctx(data, sink, fileName);
  const projects: Project[] = [];
  // Global look-ups.
  const taskById = new Map<string, P6Rec>();
  for (const t of data.tasks) {
    const id = t.f["task_id"];
    if (id) taskById.set(id, t);
  }
  const projById = new Map<string, P6Rec>();
  for (const p of data.projects) if (p.f["proj_id"]) projById.set(p.f["proj_id"]!, p);
  const projKey = (p: P6Rec): string => p.f["proj_short_name"] || `P${p.f["proj_id"] ?? ""}`;
  // Activity ids: task_code, unless it repeats within the project.
  const codeCounts = new Map<string, Map<string, number>>();
  for (const t of data.tasks) {
    const proj = t.f["proj_id"] ?? "";
    let m = codeCounts.get(proj);
    if (m === undefined) codeCounts.set(proj, (m = new Map()));
    const code = t.f["task_code"] ?? "";
    m.set(code, (m.get(code) ?? 0) + 1);
  }
  const activityId = (t: P6Rec): string => {
    let id = t.aid;
    if (id !== undefined) return id;
    const code = t.f["task_code"] ?? "";
    id =
      code !== "" && codeCounts.get(t.f["proj_id"] ?? "")?.get(code) === 1
        ? code
        : `ID-${t.f["task_id"] ?? ""}`;
    t.aid = id;
    return id;
  };
  let dupCodes = 0;
  for (const m of codeCounts.values()) for (const n of m.values()) if (n > 1) dupCodes += n;
  if (dupCodes > 0)
    sink.add({
      code: "DUPLICATE_ID",
      message: `${dupCodes} activities share a task_code; they use 'ID-<task_id>' as id`,
      element: "TASK.task_code",
    });

  const calById = new Map<string, P6Rec>();
  for (const cal of data.calendars) if (cal.f["clndr_id"]) calById.set(cal.f["clndr_id"]!, cal);
  const decodedCache = new Map<string, Calendar>();
  const calendarOf = (rec: P6Rec): Calendar => {
    const id = rec.f["clndr_id"]!;
    const hit = decodedCache.get(id);
    if (hit) return hit;
    let dec = rec.decoded;
    const hpd = Number(rec.f["day_hr_cnt"] ?? "8");
    if (!dec) {
      const blob = rec.f["clndr_data"] ?? "";
      dec = blob === "" ? undefined : decodeClndr(blob);
      if (!dec) {
        c.warn(
          "INVALID_CALENDAR",
          `calendar ${id} (${rec.f["clndr_name"] ?? ""}): clndr_data could not be decoded; a Mon-Fri ${Number.isFinite(hpd) ? hpd : 8} h week is used`,
          rec,
          "CALENDAR.clndr_data",
        );
        dec = { weekDays: fallbackWeek(hpd), exceptions: [], problems: [] };
      }
    }
    for (const p of dec.problems)
      c.warn("INVALID_CALENDAR", `calendar ${id}: ${p}; that entry was dropped`, rec, "CALENDAR.clndr_data");
    const base = rec.f["base_clndr_id"];
    const hasWeek = Object.keys(dec.weekDays).length > 0;
    const cal: Calendar = {
      id,
      name: rec.f["clndr_name"] ?? "",
      ...(base && base !== id && calById.has(base) ? { parentId: base } : {}),
      weekDays: hasWeek || (base && calById.has(base)) ? dec.weekDays : fallbackWeek(hpd),
      workWeeks: [],
      exceptions: dec.exceptions,
    };
    decodedCache.set(id, cal);
    return cal;
  };

  for (const p of data.projects) {
    const projId = p.f["proj_id"] ?? "";
    const E = "PROJECT";
    const tasksRecs = data.tasks.filter((t) => t.f["proj_id"] === projId);
    const wbsRecs = data.wbs.filter((w) => w.f["proj_id"] === projId);
    const rootWbs = wbsRecs.find((w) => w.f["proj_node_flag"] === "Y");
    // Calendars: global and this project's, plus the bases they derive from.
    const calendars: Calendar[] = [];
    const calIds = new Set<string>();
    const addCal = (rec: P6Rec | undefined): void => {
      if (!rec) return;
      const id = rec.f["clndr_id"]!;
      if (calIds.has(id)) return;
      const cal = calendarOf(rec);
      if (cal.parentId) addCal(calById.get(cal.parentId));
      calIds.add(id);
      calendars.push(cal);
    };
    for (const cal of data.calendars) {
      const owner = cal.f["proj_id"] ?? "";
      if (owner === "" || owner === projId) addCal(cal);
    }
    let defaultCal = p.f["clndr_id"] ?? "";
    if (!calIds.has(defaultCal)) {
      addCal(calById.get(defaultCal));
      if (!calIds.has(defaultCal)) {
        const dflt = data.calendars.find((x) => x.f["default_flag"] === "Y") ?? data.calendars[0];
        if (dflt) {
          addCal(dflt);
          defaultCal = dflt.f["clndr_id"]!;
        } else {
          defaultCal = "pmokit-standard";
          calendars.push({
            id: defaultCal,
            name: "Standard",
            weekDays: fallbackWeek(8),
            workWeeks: [],
            exceptions: [],
          });
          calIds.add(defaultCal);
        }
        c.warn(
          "DEFAULTED",
          `project ${projKey(p)}: project calendar ${p.f["clndr_id"] ?? "(none)"} not found; calendar ${defaultCal} used`,
          p,
          "PROJECT.clndr_id",
        );
      }
    }
    const defRec = calById.get(defaultCal);
    const hpd = defRec ? Number(defRec.f["day_hr_cnt"]) : Number.NaN;
    const hpw = defRec ? Number(defRec.f["week_hr_cnt"]) : Number.NaN;
    const hpm = defRec ? Number(defRec.f["month_hr_cnt"]) : Number.NaN;
    const minutesPerDay = Number.isFinite(hpd) && hpd > 0 ? hpd * 60 : 480;
    const minutesPerWeek = Number.isFinite(hpw) && hpw > 0 ? hpw * 60 : minutesPerDay * 5;
    const daysPerMonth =
      Number.isFinite(hpm) && hpm > 0 ? Math.round((hpm * 60 * 1000) / minutesPerDay) / 1000 : 20;

    // Scheduling options.
    const so = data.schedOptions.find((s) => s.f["proj_id"] === projId);
    const floatType = so?.f["sched_float_type"];
    const critType = p.f["critical_path_type"];
    const critHours = c.num(p, "critical_drtn_hr_cnt", E) ?? 0;

    // WBS summary tasks.
    const tasks: Task[] = [];
    const wbsTaskId = (wbsId: string): string => `WBS-${wbsId}`;
    const wbsById = new Map(wbsRecs.map((w) => [w.f["wbs_id"] ?? "", w]));
    const wbsCode = new Map<string, string>();
    const codeOf = (wbsId: string, depth = 0): string => {
      const hit = wbsCode.get(wbsId);
      if (hit !== undefined) return hit;
      const w = wbsById.get(wbsId);
      if (!w || w === rootWbs || depth > 100) return "";
      const parent = codeOf(w.f["parent_wbs_id"] ?? "", depth + 1);
      const code = parent === "" ? (w.f["wbs_short_name"] ?? "") : `${parent}.${w.f["wbs_short_name"] ?? ""}`;
      wbsCode.set(wbsId, code);
      return code;
    };
    const wbsSorted = [...wbsRecs].sort((a, b) => Number(a.f["seq_num"] ?? 0) - Number(b.f["seq_num"] ?? 0));
    const wbsTaskIds = new Set<string>();
    // Emit WBS nodes in outline order (parents first).
    const wbsKids = new Map<string, P6Rec[]>();
    for (const w of wbsSorted) {
      if (w === rootWbs) continue;
      const parent = w.f["parent_wbs_id"] ?? "";
      const key = wbsById.has(parent) && wbsById.get(parent) !== rootWbs ? parent : "";
      const l = wbsKids.get(key);
      if (l) l.push(w);
      else wbsKids.set(key, [w]);
    }
    const actByWbs = new Map<string, P6Rec[]>();
    for (const t of tasksRecs) {
      const w = t.f["wbs_id"] ?? "";
      const key = wbsById.has(w) && wbsById.get(w) !== rootWbs ? w : "";
      const l = actByWbs.get(key);
      if (l) l.push(t);
      else actByWbs.set(key, [t]);
    }
    const emitted = new Set<string>();
    const emitWbs = (wbsId: string, parentTaskId: string | undefined, level: number): void => {
      for (const t of actByWbs.get(wbsId) ?? []) {
        const task = mapActivity(
          c,
          t,
          activityId(t),
          calIds,
          minutesPerDay,
          critType,
          critHours,
          parentTaskId,
          level,
        );
        const code = codeOf(wbsId);
        if (code !== "") task.wbs = code;
        tasks.push(task);
      }
      for (const w of wbsKids.get(wbsId) ?? []) {
        const id = w.f["wbs_id"] ?? "";
        if (emitted.has(id) || level > 100) continue;
        emitted.add(id);
        const tid = wbsTaskId(id);
        wbsTaskIds.add(tid);
        tasks.push({
          id: tid,
          name: w.f["wbs_name"] ?? "",
          wbs: codeOf(id),
          outlineLevel: level,
          ...(parentTaskId === undefined ? {} : { parentId: parentTaskId }),
          duration: { value: 0, unit: "hours" },
          milestone: false,
          type: "fixedUnits",
          effortDriven: false,
          constraint: { type: "ASAP" },
          priority: 500,
          manual: false,
          inactive: false,
          percentComplete: 0,
          baselines: [],
          customFields: {},
          extensions: {
            p6: { wbs_id: id, ...(w.f["status_code"] ? { status_code: w.f["status_code"] } : {}) },
          },
        });
        emitWbs(id, tid, level + 1);
      }
    };
    emitWbs("", undefined, 1);
    for (const w of wbsSorted)
      if (w !== rootWbs && !emitted.has(w.f["wbs_id"] ?? ""))
        c.warn(
          "INVALID_VALUE",
          `WBS ${w.f["wbs_id"]} is on a parent cycle and was dropped`,
          w,
          "PROJWBS.parent_wbs_id",
        );

    // Dependencies.
    const ids = new Set<string>();
    for (const t of tasks) ids.add(t.id);
    if (ids.size !== tasks.length)
      throw new PmokitError(
        "DUPLICATE_ID",
        `${fileName ? `${fileName}: ` : ""}duplicate activity ids in project ${projKey(p)}`,
        { ...(fileName ? { file: fileName } : {}) },
      );
    const dependencies: Dependency[] = [];
    for (const d of data.preds) {
      const succ = taskById.get(d.f["task_id"] ?? "");
      if (!succ || succ.f["proj_id"] !== projId) continue;
      const type = LINK_TYPES[d.f["pred_type"] ?? "PR_FS"];
      if (!type) {
        c.warn(
          "INVALID_VALUE",
          `relationship ${d.f["task_pred_id"] ?? ""}: unknown type '${d.f["pred_type"] ?? ""}'; dropped`,
          d,
          "TASKPRED.pred_type",
        );
        continue;
      }
      const lag = c.num(d, "lag_hr_cnt", "TASKPRED") ?? 0;
      const pred = taskById.get(d.f["pred_task_id"] ?? "");
      const predId = d.f["task_pred_id"];
      const to = activityId(succ);
      const lagD = { value: lag, unit: "hours" as const };
      if (!pred) {
        const other = projById.get(d.f["pred_proj_id"] ?? "");
        c.warn(
          "EXTERNAL_LINK",
          `relationship from activity ${d.f["pred_task_id"] ?? ""} (not in this file) to ${to} kept as an external link`,
          d,
          "TASKPRED",
        );
        dependencies.push({
          ...linkBase(to, type, lagD, predId),
          from: `ID-${d.f["pred_task_id"] ?? ""}`,
          fromProject: other ? projKey(other) : `P${d.f["pred_proj_id"] ?? "external"}`,
        });
        continue;
      }
      if (pred.f["proj_id"] !== projId) {
        const other = projById.get(pred.f["proj_id"] ?? "");
        c.warn(
          "EXTERNAL_LINK",
          `relationship from ${activityId(pred)} in project ${other ? projKey(other) : pred.f["proj_id"]} to ${to}: cross-project link kept with fromProject`,
          d,
          "TASKPRED",
        );
        dependencies.push({
          ...linkBase(to, type, lagD, predId),
          from: activityId(pred),
          fromProject: other ? projKey(other) : `P${pred.f["proj_id"] ?? ""}`,
        });
        continue;
      }
      const from = activityId(pred);
      dependencies.push(
        predId
          ? { from, to, type, lag: lagD, extensions: { p6: { task_pred_id: predId } } }
          : { from, to, type, lag: lagD },
      );
    }

    // Resources and assignments.
    const assignRecs = data.assignments.filter(
      (a) => a.f["proj_id"] === projId || taskById.get(a.f["task_id"] ?? "")?.f["proj_id"] === projId,
    );
    const resources: Resource[] = [];
    const resIds = new Set<string>();
    for (const r of data.resources) {
      const id = r.f["rsrc_id"];
      if (!id || resIds.has(id)) continue;
      resIds.add(id);
      const rt = r.f["rsrc_type"];
      const res: Resource = {
        id,
        name: r.f["rsrc_name"] ?? "",
        type: rt === "RT_Mat" ? "material" : "work",
        maxUnits: 1,
        availability: [],
        costRateTables: {},
        skills: [],
        customFields: {},
      };
      const cal = r.f["clndr_id"];
      if (cal) {
        if (!calIds.has(cal)) addCal(calById.get(cal));
        if (calIds.has(cal)) res.calendarId = cal;
      }
      if (r.f["email_addr"]) res.email = r.f["email_addr"];
      const ext: Record<string, string> = {};
      for (const k of ["rsrc_short_name", "rsrc_type", "rsrc_title_name", "employee_code", "role_id"])
        if (r.f[k]) ext[k] = r.f[k];
      const rates = data.rates
        .filter((x) => x.f["rsrc_id"] === id)
        .sort((a, b) => ((a.f["start_date"] ?? "") < (b.f["start_date"] ?? "") ? -1 : 1));
      for (const rate of rates) {
        const amount = normDecimal(rate.f["cost_per_qty"] ?? "");
        if (amount === undefined) continue;
        const from = c.date(rate, "start_date", "RSRCRATE");
        (res.costRateTables.A ??= []).push({
          ...(from ? { effectiveFrom: from } : {}),
          standardRate: { amount, currency: data.currency },
        });
        const maxq = Number(rate.f["max_qty_per_hr"]);
        if (Number.isFinite(maxq) && maxq >= 0)
          res.availability.push({ ...(from ? { from } : {}), units: maxq });
      }
      if (res.availability.length === 1 && res.availability[0]!.from === undefined) {
        res.maxUnits = res.availability[0]!.units;
        res.availability = [];
      } else if (res.availability.length > 0) res.maxUnits = res.availability[0]!.units;
      if (Object.keys(ext).length > 0) res.extensions = { p6: ext };
      resources.push(res);
    }
    const assignments: Assignment[] = [];
    for (const a of assignRecs) {
      const t = taskById.get(a.f["task_id"] ?? "");
      const rid = a.f["rsrc_id"] ?? "";
      if (t && rid === "") {
        c.agg(
          "ROLE_ASSIGNMENT",
          "TASKRSRC.rsrc_id",
          "assignment of a role without a resource (role_id only) not imported",
          a,
        );
        continue;
      }
      if (!t || !resIds.has(rid)) {
        c.warn(
          "UNKNOWN_REFERENCE",
          `assignment ${a.f["taskrsrc_id"] ?? ""}: unknown activity or resource; dropped`,
          a,
          "TASKRSRC",
        );
        continue;
      }
      const hours = (k: string): number | undefined => {
        const v = c.num(a, k, "TASKRSRC");
        return v === undefined ? undefined : Math.round(v * 60 * 1e6) / 1e6;
      };
      const units = c.num(a, "target_qty_per_hr", "TASKRSRC");
      const asg: Assignment = {
        id: a.f["taskrsrc_id"] || `${t.f["task_id"]}-${rid}`,
        taskId: activityId(t),
        resourceId: rid,
        units: units !== undefined && units >= 0 ? units : 1,
        contour: "flat",
        customFields: {},
      };
      const w = hours("target_qty");
      if (w !== undefined) asg.work = w;
      const aw = hours("act_reg_qty");
      if (aw !== undefined) asg.actualWork = aw;
      const rw = hours("remain_qty");
      if (rw !== undefined) asg.remainingWork = rw;
      const s = c.date(a, "target_start_date", "TASKRSRC");
      if (s) asg.start = s;
      const fin = c.date(a, "target_end_date", "TASKRSRC");
      if (fin) asg.finish = fin;
      const cost = moneyOf(a.f["target_cost"], data.currency);
      if (cost) asg.cost = cost;
      assignments.push(asg);
    }
    const seenAsg = new Set<string>();
    for (const a of assignments) {
      if (seenAsg.has(a.id)) a.id = `${a.id}-${seenAsg.size}`;
      seenAsg.add(a.id);
    }

    const start =
      c.date(p, "plan_start_date", E) ??
      tasks
        .map((t) => t.reported?.earlyStart)
        .filter((x): x is string => !!x)
        .sort()[0] ??
      "2000-01-03T08:00:00";
    const dataDate = c.date(p, "last_recalc_date", E) ?? c.date(p, "next_data_date", E);
    const mustFinish = c.date(p, "plan_end_date", E);
    const pext: Record<string, string> = {};
    for (const k of [
      "proj_id",
      "critical_path_type",
      "critical_drtn_hr_cnt",
      "def_duration_type",
      "scd_end_date",
      "guid",
    ])
      if (p.f[k]) pext[k] = p.f[k];
    const soExt: Record<string, string> = {};
    if (so)
      for (const [k, v] of Object.entries(so.f))
        if (v !== "" && k !== "schedoptions_id" && k !== "proj_id") soExt[k] = v;
    const extensions: Record<string, Record<string, string>> = { p6: pext };
    if (Object.keys(soExt).length > 0) extensions["p6:schedoptions"] = soExt;
    const project: Project = {
      id: projKey(p),
      name: rootWbs?.f["wbs_name"] || p.f["proj_name"] || projKey(p),
      priority: 500,
      settings: {
        minutesPerDay,
        minutesPerWeek,
        daysPerMonth,
        currency: data.currency,
        defaultCalendarId: defaultCal,
        startDate: start,
        ...(mustFinish ? { finishDate: mustFinish } : {}),
        ...(dataDate ? { statusDate: dataDate } : {}),
        scheduleFrom: "start",
        honorConstraints: true,
        criticalSlackLimitMinutes: critHours * 60,
        newTasksEffortDriven: false,
        defaultTaskType: "fixedDuration",
        totalSlackCalculation:
          floatType === "FT_SF" ? "startSlack" : floatType === "FT_Min" ? "smallest" : "finishSlack",
        calculateMultipleCriticalPaths: so?.f["enable_multiple_longest_path_calc"] === "Y",
        useExpectedFinish: so?.f["sched_use_expect_end_flag"] === "Y",
      },
      calendars,
      tasks,
      dependencies,
      resources,
      assignments,
      risks: [],
      issues: [],
      extensions,
    };
    projects.push(checkProject(project, fileName));
  }
  return projects;
}

function linkBase(
  to: string,
  type: Dependency["type"],
  lag: Dependency["lag"],
  predId: string | undefined,
): Omit<Dependency, "from"> {
  return { to, type, lag, ...(predId ? { extensions: { p6: { task_pred_id: predId } } } : {}) };
}

function constraintOf(c: Ctx, t: P6Rec, typeKey: string, dateKey: string): Constraint | undefined {
  const ct = t.f[typeKey];
  if (!ct) return undefined;
  const mapped = CONSTRAINT_MAP[ct];
  if (!mapped) {
    c.agg("INVALID_VALUE", `TASK.${typeKey}`, `unknown constraint type '${ct}' dropped`, t);
    return undefined;
  }
  if (mapped === "ALAP") return { type: "ALAP" };
  const date = c.date(t, dateKey, "TASK");
  if (!date) {
    c.agg("INVALID_VALUE", `TASK.${dateKey}`, `constraint ${ct} without a date dropped`, t);
    return undefined;
  }
  return { type: mapped, date };
}

function mapActivity(
  c: Ctx,
  t: P6Rec,
  id: string,
  calIds: ReadonlySet<string>,
  minutesPerDay: number,
  critType: string | undefined,
  critHours: number,
  parentId: string | undefined,
  level: number,
): Task {
  const E = "TASK";
  const type = t.f["task_type"] ?? "TT_Task";
  const activityType = ACTIVITY_TYPES[type];
  if (!activityType)
    c.agg("INVALID_VALUE", "TASK.task_type", `unknown task_type '${type}' read as task dependent`, t);
  const target = c.num(t, "target_drtn_hr_cnt", E) ?? 0;
  const remain = c.num(t, "remain_drtn_hr_cnt", E);
  const primary = constraintOf(c, t, "cstr_type", "cstr_date");
  const secondary = constraintOf(c, t, "cstr_type2", "cstr_date2");
  const task: Task = {
    id,
    name: t.f["task_name"] ?? "",
    outlineLevel: level,
    duration: { value: Math.max(0, target), unit: "hours" },
    milestone: type === "TT_Mile" || type === "TT_FinMile",
    type: "fixedDuration",
    effortDriven: false,
    constraint: primary ?? { type: "ASAP" },
    priority: PRIORITIES[t.f["priority_type"] ?? "PT_Normal"] ?? 500,
    manual: false,
    inactive: false,
    percentComplete: 0,
    activityType: activityType ?? "task",
    baselines: [],
    customFields: {},
  };
  if (parentId !== undefined) task.parentId = parentId;
  if (secondary) task.secondaryConstraint = secondary;
  const cal = t.f["clndr_id"];
  if (cal && calIds.has(cal)) task.calendarId = cal;
  else if (cal)
    c.agg(
      "UNKNOWN_REFERENCE",
      "TASK.clndr_id",
      `activity calendar ${cal} not found; project calendar used`,
      t,
    );
  if (remain !== undefined && remain >= 0) task.remainingDuration = { value: remain, unit: "hours" };
  const status = t.f["status_code"];
  if (status === "TK_Complete") task.percentComplete = 100;
  else if (status === "TK_Active" && target > 0 && remain !== undefined)
    task.percentComplete = Math.min(100, Math.max(0, Math.round(((target - remain) / target) * 1e6) / 1e4));
  if (status !== undefined && status !== "TK_NotStart" && remain !== undefined)
    task.actualDuration = { value: Math.max(0, target - remain), unit: "hours" };
  const phys = c.num(t, "phys_complete_pct", E);
  if (phys !== undefined && phys >= 0 && phys <= 100) task.physicalPercentComplete = phys;
  const as = c.date(t, "act_start_date", E);
  if (as) task.actualStart = as;
  const af = c.date(t, "act_end_date", E);
  if (af) task.actualFinish = af;
  const ef = c.date(t, "expect_end_date", E);
  if (ef) task.expectedFinish = ef;
  const reported: NonNullable<Task["reported"]> = {};
  let nReported = 0;
  const es = c.date(t, "early_start_date", E);
  const eff = c.date(t, "early_end_date", E);
  const ls = c.date(t, "late_start_date", E);
  const lf = c.date(t, "late_end_date", E);
  if (es) {
    reported.earlyStart = es;
    nReported++;
  }
  if (eff) {
    reported.earlyFinish = eff;
    nReported++;
  }
  if (ls) {
    reported.lateStart = ls;
    nReported++;
  }
  if (lf) {
    reported.lateFinish = lf;
    nReported++;
  }
  const start = as ?? c.date(t, "restart_date", E) ?? es;
  const finish = af ?? c.date(t, "reend_date", E) ?? eff;
  if (start) {
    reported.start = start;
    nReported++;
  }
  if (finish) {
    reported.finish = finish;
    nReported++;
  }
  const tf = c.num(t, "total_float_hr_cnt", E);
  const ff = c.num(t, "free_float_hr_cnt", E);
  if (tf !== undefined) {
    reported.totalSlackMinutes = Math.round(tf * 60 * 1e6) / 1e6;
    nReported++;
  }
  if (ff !== undefined) {
    reported.freeSlackMinutes = Math.round(ff * 60 * 1e6) / 1e6;
    nReported++;
  }
  if (t.f["is_critical"]) reported.critical = t.f["is_critical"] === "1" || t.f["is_critical"] === "true";
  else if (critType === "CT_DrivPath" && t.f["driving_path_flag"])
    reported.critical = t.f["driving_path_flag"] === "Y";
  else if (tf !== undefined && status !== "TK_Complete") reported.critical = tf <= critHours;
  if (nReported > 0 || reported.critical !== undefined) task.reported = reported;
  const ext: Record<string, string> = {};
  const f = t.f;
  for (const k in f) {
    const v = f[k]!;
    if (v !== "" && !TASK_MAPPED.has(k)) ext[k] = v;
  }
  ext["task_id"] = t.f["task_id"] ?? "";
  task.extensions = { p6: ext };
  void minutesPerDay;
  return task;
}
