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
import { hasKeys, moneyOf, normDateTime, normDecimal } from "../internal/context.js";
import { checkProject } from "../internal/check.js";
import type { DecodedClndr } from "../xer/clndr.js";
import { decodeClndr } from "../xer/clndr.js";
import { Interner, ShapeBuilder } from "../internal/shapes.js";
import { StrIndex } from "../internal/strindex.js";

/**
 * A P6 record in XER vocabulary (PMXML is translated to XER field names): its cells and the column
 * index they share with the other records of the same table, and its source line. A cell is `""`
 * when the field is empty and `undefined` when the record has no such field.
 */
export interface P6Rec {
  /** Cells, indexed by {@link P6Rec.cols}. For XER this is the split `%R` line (tag at 0). */
  readonly c: readonly (string | undefined)[];
  /** Column of each field name; shared by all records of a table. */
  readonly cols: ReadonlyMap<string, number>;
  readonly line?: number;
  /** Calendar content already decoded (PMXML); XER calendars carry `clndr_data` instead. */
  readonly decoded?: DecodedClndr;
  /** The activity id the mapper chose for this TASK record (filled by {@link mapP6}). */
  aid?: string | undefined;
  /** TASK records: `task_id`, `proj_id` and `wbs_id`, read once by {@link mapP6}. */
  tid?: string | undefined;
  proj?: string | undefined;
  wbs?: string | undefined;
  /**
   * The cells without keeping them (a record that splits its text on demand returns a fresh array);
   * the mapper uses it on the hot paths so that rows do not stay split in memory.
   */
  fresh?(): readonly (string | undefined)[];
  /** Cell `i` alone, for records that split on demand (a few fields of a large table). */
  at?(i: number): string | undefined;
}

/** Cell `i` of a record without splitting the rest (see {@link P6Rec.at}); `undefined` for -1. */
function cellOf(r: P6Rec, i: number): string | undefined {
  return i < 0 ? undefined : r.at === undefined ? r.c[i] : r.at(i);
}

/** Cells of a record for one use (see {@link P6Rec.fresh}). */
function cellsOnce(r: P6Rec): readonly (string | undefined)[] {
  return r.fresh === undefined ? r.c : r.fresh();
}

/** Value of field `name` of a P6 record: `""` when empty, `undefined` when absent. */
export function fv(r: P6Rec, name: string): string | undefined {
  const i = r.cols.get(name);
  return i === undefined ? undefined : r.c[i];
}

/**
 * Builds P6 records from name-value objects that share one growing column index (PMXML), so the
 * mapper's per-table column look-ups work the same as for XER.
 */
export class P6RecBuilder {
  private readonly cols = new Map<string, number>();
  rec(f: Readonly<Record<string, string>>, extra: { line?: number; decoded?: DecodedClndr } = {}): P6Rec {
    const c: (string | undefined)[] = [];
    for (const k in f) {
      let i = this.cols.get(k);
      if (i === undefined) this.cols.set(k, (i = this.cols.size));
      c[i] = f[k];
    }
    for (let i = 0; i < this.cols.size; i++) if (c[i] === undefined) c[i] = undefined;
    return { c, cols: this.cols, ...extra };
  }
}

/** Column of `name` in `cols`, or -1. */
function col(cols: ReadonlyMap<string, number>, name: string): number {
  return cols.get(name) ?? -1;
}

/** Cell `i` of `c` (`undefined` for column -1). */
function cell(c: readonly (string | undefined)[], i: number): string | undefined {
  return i < 0 ? undefined : c[i];
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
  private readonly dates = new Map<string, string | null>();
  private lastTaskCols: TaskCols | undefined;
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
    return this.numOf(fv(rec, name), rec, name, element);
  }
  /** Number from a cell (`undefined` when empty or absent; a warning when not a number). */
  numOf(raw: string | undefined, rec: P6Rec, name: string, element: string): number | undefined {
    if (raw === undefined || raw === "") return undefined;
    const v = Number(raw);
    if (Number.isFinite(v)) return v;
    // Some P6 exports write decimals with a comma (locale), e.g. 109,083333.
    const t = raw.indexOf(",") >= 0 && /^-?\d+,\d+$/.test(raw) ? raw.replace(",", ".") : raw;
    const w = Number(t);
    if (t === raw || !Number.isFinite(w)) {
      this.warnValue(rec, name, "a number", element);
      return undefined;
    }
    return w;
  }
  date(rec: P6Rec, name: string, element: string): string | undefined {
    return this.dateOf(fv(rec, name), rec, name, element);
  }
  /** Normalised date-time from a cell; P6 files repeat dates a lot, so results are shared. */
  dateOf(raw: string | undefined, rec: P6Rec, name: string, element: string): string | undefined {
    if (raw === undefined || raw === "") return undefined;
    let d = this.dates.get(raw);
    if (d === undefined) {
      d = normDateTime(raw) ?? null;
      if (this.dates.size < 1_000_000) this.dates.set(raw, d);
    }
    if (d === null) {
      this.warnValue(rec, name, "a date yyyy-MM-dd HH:mm", element);
      return undefined;
    }
    return d;
  }
  /** Resolved TASK columns of a record (memoised on its table's column index). */
  tc(r: P6Rec): TaskCols {
    const k = this.lastTaskCols;
    if (k !== undefined && k.cols === r.cols) return k;
    return (this.lastTaskCols = taskCols(r.cols));
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
  // Fields of the other tables kept in `extensions.p6` (TASK has its own, see mapActivity).
  const projExt = new Unmapped(
    ["proj_id"],
    [
      "proj_short_name",
      "proj_name",
      "clndr_id",
      "plan_start_date",
      "plan_end_date",
      "last_recalc_date",
      "next_data_date",
    ],
  );
  const wbsExt = new Unmapped(
    ["wbs_id"],
    ["proj_id", "wbs_short_name", "wbs_name", "parent_wbs_id", "seq_num"],
  );
  const rsrcExt = new Unmapped([], ["rsrc_id", "rsrc_name", "clndr_id", "email_addr"]);
  // Hours per day/week/month, the global default flag and the owning project are read (for the
  // project's settings and calendar choice) but are per-calendar facts the calendar model has no
  // place for: they are kept too.
  const calExt = new Unmapped([], ["clndr_id", "clndr_name", "base_clndr_id", "clndr_data"]);
  // A rate row's max_qty_per_hr becomes the resource's availability from the row's start date; when
  // it is not a number ≥ 0 it is warned and kept with the row's other unmapped fields.
  const rateExt = new Unmapped([], [...RSRCRATE_READ]);
  const rateExtWithQty = new Unmapped(
    [],
    [...RSRCRATE_READ].filter((f) => f !== "max_qty_per_hr"),
  );
  const predExt = new Unmapped(
    ["task_pred_id"],
    ["task_id", "pred_task_id", "proj_id", "pred_proj_id", "pred_type", "lag_hr_cnt"],
  );
  const asgExt = new Unmapped(
    [],
    [
      "taskrsrc_id",
      "task_id",
      "proj_id",
      "rsrc_id",
      "target_qty_per_hr",
      "target_qty",
      "act_reg_qty",
      "remain_qty",
      "target_start_date",
      "target_end_date",
      "target_cost",
    ],
  );
  // Global look-ups, in one pass over the activities: by task_id, and grouped by project.
  const allTasks = data.tasks;
  const taskIdx = new StrIndex(allTasks.length, (p) => allTasks[p]!.tid);
  const tasksByProj = new Map<string, P6Rec[]>();
  let lastProj: string | undefined;
  let lastGroup: P6Rec[] = [];
  for (let i = 0; i < allTasks.length; i++) {
    const t = allTasks[i]!;
    const k = c.tc(t);
    const id = cellOf(t, k.taskId);
    t.tid = id;
    if (id) taskIdx.set(id, i);
    t.proj = cellOf(t, k.projId);
    t.wbs = cellOf(t, k.wbsId);
    t.aid = cellOf(t, k.code) ?? "";
    // Records without a proj_id column belong to no project (as with a strict comparison).
    const proj = t.proj ?? NO_PROJECT;
    if (proj !== lastProj) {
      lastProj = proj;
      let g = tasksByProj.get(proj);
      if (g === undefined) tasksByProj.set(proj, (g = []));
      lastGroup = g;
    }
    lastGroup.push(t);
  }
  const taskById = (id: string | undefined): P6Rec | undefined => {
    const i = id === undefined ? -1 : taskIdx.get(id);
    return i < 0 ? undefined : allTasks[i];
  };
  // Activity ids: task_code, unless it repeats within the project (then 'ID-<task_id>').
  let dupCodes = 0;
  for (const group of tasksByProj.values()) {
    const codes = new StrIndex(group.length, (p) => group[p]!.aid);
    const dup = new Uint8Array(group.length);
    for (let i = 0; i < group.length; i++) {
      const t = group[i]!;
      const first = codes.add(t.aid!, i);
      if (first >= 0) {
        if (dup[first] === 0) dupCodes++;
        dup[first] = 1;
        dup[i] = 1;
        dupCodes++;
      }
    }
    for (let i = 0; i < group.length; i++) {
      const t = group[i]!;
      const code = t.aid!;
      t.aid = code !== "" && dup[i] === 0 ? code : `ID-${t.tid ?? ""}`;
    }
  }
  const projById = new Map<string, P6Rec>();
  for (const p of data.projects) if (fv(p, "proj_id")) projById.set(fv(p, "proj_id")!, p);
  const projKey = (p: P6Rec): string => fv(p, "proj_short_name") || `P${fv(p, "proj_id") ?? ""}`;
  const activityId = (t: P6Rec): string => t.aid!;
  if (dupCodes > 0)
    sink.add({
      code: "DUPLICATE_ID",
      message: `${dupCodes} activities share a task_code; they use 'ID-<task_id>' as id`,
      element: "TASK.task_code",
    });

  // Relationships grouped by the project of their successor.
  const predsByProj = new Map<string, number[]>();
  const predSucc = new Int32Array(data.preds.length);
  let pk: PredCols | undefined;
  for (let i = 0; i < data.preds.length; i++) {
    const d = data.preds[i]!;
    if (pk === undefined || pk.cols !== d.cols) pk = predCols(d.cols);
    const succ = taskIdx.get(cellOf(d, pk.succ) ?? "");
    if (succ < 0) continue;
    predSucc[i] = succ;
    const proj = allTasks[succ]!.proj ?? NO_PROJECT;
    const l = predsByProj.get(proj);
    if (l) l.push(i);
    else predsByProj.set(proj, [i]);
  }

  // Assignments by project (their own proj_id, else their activity's), rates by resource.
  const asgByProj = new Map<string, P6Rec[]>();
  for (const a of data.assignments) {
    const own = cellOf(a, col(a.cols, "proj_id"));
    const viaTask = taskById(cellOf(a, col(a.cols, "task_id")) ?? "")?.proj;
    for (const proj of own === viaTask || viaTask === undefined
      ? [own]
      : own === undefined
        ? [viaTask]
        : [own, viaTask]) {
      if (proj === undefined) continue;
      const l = asgByProj.get(proj);
      if (l) l.push(a);
      else asgByProj.set(proj, [a]);
    }
  }
  const ratesByRsrc = new Map<string, P6Rec[]>();
  for (const x of data.rates) {
    const id = fv(x, "rsrc_id");
    if (id === undefined) continue;
    const l = ratesByRsrc.get(id);
    if (l) l.push(x);
    else ratesByRsrc.set(id, [x]);
  }

  // CALENDAR and RSRCRATE fields with no place in the model are kept in the calendar's and the
  // cost rate rows' `extensions.p6`. Rate rows that give no cost rate row (no price, or a resource
  // that is not imported) are reported after the projects, one aggregated warning per field.
  const usedRates = new Set<P6Rec>();

  const calById = new Map<string, P6Rec>();
  for (const cal of data.calendars) if (fv(cal, "clndr_id")) calById.set(fv(cal, "clndr_id")!, cal);
  const decodedCache = new Map<string, Calendar>();
  const calendarOf = (rec: P6Rec): Calendar => {
    const id = fv(rec, "clndr_id")!;
    const hit = decodedCache.get(id);
    if (hit) return hit;
    let dec = rec.decoded;
    const hpd = Number(fv(rec, "day_hr_cnt") ?? "8");
    if (!dec) {
      const blob = fv(rec, "clndr_data") ?? "";
      dec = blob === "" ? undefined : decodeClndr(blob);
      if (!dec) {
        c.warn(
          "INVALID_CALENDAR",
          `calendar ${id} (${fv(rec, "clndr_name") ?? ""}): clndr_data could not be decoded; a Mon-Fri ${Number.isFinite(hpd) ? hpd : 8} h week is used`,
          rec,
          "CALENDAR.clndr_data",
        );
        dec = { weekDays: fallbackWeek(hpd), exceptions: [], problems: [] };
      }
    }
    for (const p of dec.problems)
      c.warn("INVALID_CALENDAR", `calendar ${id}: ${p}; that entry was dropped`, rec, "CALENDAR.clndr_data");
    const base = fv(rec, "base_clndr_id");
    const hasWeek = Object.keys(dec.weekDays).length > 0;
    const cal: Calendar = {
      id,
      name: fv(rec, "clndr_name") ?? "",
      ...(base && base !== id && calById.has(base) ? { parentId: base } : {}),
      weekDays: hasWeek || (base && calById.has(base)) ? dec.weekDays : fallbackWeek(hpd),
      workWeeks: [],
      exceptions: dec.exceptions,
    };
    const ext = calExt.of(rec);
    if (ext) cal.extensions = { p6: ext };
    decodedCache.set(id, cal);
    return cal;
  };

  for (const p of data.projects) {
    const projId = fv(p, "proj_id") ?? "";
    const E = "PROJECT";
    const tasksRecs = tasksByProj.get(projId) ?? [];
    const wbsRecs = data.wbs.filter((w) => fv(w, "proj_id") === projId);
    const rootWbs = wbsRecs.find((w) => fv(w, "proj_node_flag") === "Y");
    // Calendars: global and this project's, plus the bases they derive from.
    const calendars: Calendar[] = [];
    const calIds = new Set<string>();
    const addCal = (rec: P6Rec | undefined): void => {
      if (!rec) return;
      const id = fv(rec, "clndr_id")!;
      if (calIds.has(id)) return;
      const cal = calendarOf(rec);
      if (cal.parentId) addCal(calById.get(cal.parentId));
      calIds.add(id);
      calendars.push(cal);
    };
    for (const cal of data.calendars) {
      const owner = fv(cal, "proj_id") ?? "";
      if (owner === "" || owner === projId) addCal(cal);
    }
    let defaultCal = fv(p, "clndr_id") ?? "";
    if (!calIds.has(defaultCal)) {
      addCal(calById.get(defaultCal));
      if (!calIds.has(defaultCal)) {
        const dflt = data.calendars.find((x) => fv(x, "default_flag") === "Y") ?? data.calendars[0];
        if (dflt) {
          addCal(dflt);
          defaultCal = fv(dflt, "clndr_id")!;
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
          `project ${projKey(p)}: project calendar ${fv(p, "clndr_id") ?? "(none)"} not found; calendar ${defaultCal} used`,
          p,
          "PROJECT.clndr_id",
        );
      }
    }
    const defRec = calById.get(defaultCal);
    const hpd = defRec ? Number(fv(defRec, "day_hr_cnt")) : Number.NaN;
    const hpw = defRec ? Number(fv(defRec, "week_hr_cnt")) : Number.NaN;
    const hpm = defRec ? Number(fv(defRec, "month_hr_cnt")) : Number.NaN;
    const minutesPerDay = Number.isFinite(hpd) && hpd > 0 ? hpd * 60 : 480;
    const minutesPerWeek = Number.isFinite(hpw) && hpw > 0 ? hpw * 60 : minutesPerDay * 5;
    const daysPerMonth =
      Number.isFinite(hpm) && hpm > 0 ? Math.round((hpm * 60 * 1000) / minutesPerDay) / 1000 : 20;

    // Scheduling options.
    const so = data.schedOptions.find((s) => fv(s, "proj_id") === projId);
    const floatType = fv(so ?? NO_REC, "sched_float_type");
    const critType = fv(p, "critical_path_type");
    const critHours = c.num(p, "critical_drtn_hr_cnt", E) ?? 0;

    // WBS summary tasks.
    const tasks: Task[] = [];
    const wbsTaskId = (wbsId: string): string => `WBS-${wbsId}`;
    const wbsById = new Map(wbsRecs.map((w) => [fv(w, "wbs_id") ?? "", w]));
    const wbsCode = new Map<string, string>();
    const codeOf = (wbsId: string, depth = 0): string => {
      const hit = wbsCode.get(wbsId);
      if (hit !== undefined) return hit;
      const w = wbsById.get(wbsId);
      if (!w || w === rootWbs || depth > 100) return "";
      const parent = codeOf(fv(w, "parent_wbs_id") ?? "", depth + 1);
      const code =
        parent === "" ? (fv(w, "wbs_short_name") ?? "") : `${parent}.${fv(w, "wbs_short_name") ?? ""}`;
      wbsCode.set(wbsId, code);
      return code;
    };
    const wbsSorted = [...wbsRecs].sort(
      (a, b) => Number(fv(a, "seq_num") ?? 0) - Number(fv(b, "seq_num") ?? 0),
    );
    const wbsTaskIds = new Set<string>();
    // Emit WBS nodes in outline order (parents first).
    const wbsKids = new Map<string, P6Rec[]>();
    for (const w of wbsSorted) {
      if (w === rootWbs) continue;
      const parent = fv(w, "parent_wbs_id") ?? "";
      const key = wbsById.has(parent) && wbsById.get(parent) !== rootWbs ? parent : "";
      const l = wbsKids.get(key);
      if (l) l.push(w);
      else wbsKids.set(key, [w]);
    }
    const actByWbs = new Map<string, P6Rec[]>();
    for (const t of tasksRecs) {
      const w = t.wbs ?? "";
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
          c.tc(t),
          activityId(t),
          calIds,
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
        const id = fv(w, "wbs_id") ?? "";
        if (emitted.has(id) || level > 100) continue;
        emitted.add(id);
        const tid = wbsTaskId(id);
        wbsTaskIds.add(tid);
        tasks.push({
          id: tid,
          name: fv(w, "wbs_name") ?? "",
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
          extensions: { p6: wbsExt.of(w) ?? { wbs_id: id } },
        });
        emitWbs(id, tid, level + 1);
      }
    };
    emitWbs("", undefined, 1);
    for (const w of wbsSorted)
      if (w !== rootWbs && !emitted.has(fv(w, "wbs_id") ?? ""))
        c.warn(
          "INVALID_VALUE",
          `WBS ${fv(w, "wbs_id")} is on a parent cycle and was dropped`,
          w,
          "PROJWBS.parent_wbs_id",
        );

    // Dependencies.
    const ids = new StrIndex(tasks.length, (p) => tasks[p]!.id);
    for (let i = 0; i < tasks.length; i++) ids.add(tasks[i]!.id, i);
    if (ids.size !== tasks.length)
      throw new PmokitError(
        "DUPLICATE_ID",
        `${fileName ? `${fileName}: ` : ""}duplicate activity ids in project ${projKey(p)}`,
        { ...(fileName ? { file: fileName } : {}) },
      );
    const dependencies: Dependency[] = [];
    for (const i of predsByProj.get(projId) ?? []) {
      const d = data.preds[i]!;
      const succ = allTasks[predSucc[i]!]!;
      if (pk === undefined || pk.cols !== d.cols) pk = predCols(d.cols);
      const r = cellsOnce(d);
      const predType = cell(r, pk.type);
      const type = LINK_TYPES[predType ?? "PR_FS"];
      if (!type) {
        c.warn(
          "INVALID_VALUE",
          `relationship ${cell(r, pk.id) ?? ""}: unknown type '${predType ?? ""}'; dropped`,
          d,
          "TASKPRED.pred_type",
        );
        continue;
      }
      const lag = c.numOf(cell(r, pk.lag), d, "lag_hr_cnt", "TASKPRED") ?? 0;
      const pred = taskById(cell(r, pk.pred) ?? "");
      const to = activityId(succ);
      const lagD = { value: lag, unit: "hours" as const };
      if (!pred) {
        const other = projById.get(fv(d, "pred_proj_id") ?? "");
        c.warn(
          "EXTERNAL_LINK",
          `relationship from activity ${fv(d, "pred_task_id") ?? ""} (not in this file) to ${to} kept as an external link`,
          d,
          "TASKPRED",
        );
        dependencies.push({
          ...linkBase(to, type, lagD, predExt.of(d, r)),
          from: `ID-${fv(d, "pred_task_id") ?? ""}`,
          fromProject: other ? projKey(other) : `P${fv(d, "pred_proj_id") ?? "external"}`,
        });
        continue;
      }
      if (pred.proj !== projId) {
        const other = projById.get(pred.proj ?? "");
        c.warn(
          "EXTERNAL_LINK",
          `relationship from ${activityId(pred)} in project ${other ? projKey(other) : pred.proj} to ${to}: cross-project link kept with fromProject`,
          d,
          "TASKPRED",
        );
        dependencies.push({
          ...linkBase(to, type, lagD, predExt.of(d, r)),
          from: activityId(pred),
          fromProject: other ? projKey(other) : `P${pred.proj ?? ""}`,
        });
        continue;
      }
      const from = activityId(pred);
      const p6 = predExt.of(d, r);
      if (p6) {
        const ext = { p6 };
        dependencies.push({ from, to, type, lag: lagD, extensions: ext });
      } else dependencies.push({ from, to, type, lag: lagD });
    }

    // Resources and assignments.
    const assignRecs = asgByProj.get(projId) ?? [];
    const resources: Resource[] = [];
    const resIds = new Set<string>();
    for (const r of data.resources) {
      const id = fv(r, "rsrc_id");
      if (!id || resIds.has(id)) continue;
      resIds.add(id);
      const rt = fv(r, "rsrc_type");
      const res: Resource = {
        id,
        name: fv(r, "rsrc_name") ?? "",
        type: rt === "RT_Mat" ? "material" : "work",
        maxUnits: 1,
        availability: [],
        costRateTables: {},
        skills: [],
        customFields: {},
      };
      const cal = fv(r, "clndr_id");
      if (cal) {
        if (!calIds.has(cal)) addCal(calById.get(cal));
        if (calIds.has(cal)) res.calendarId = cal;
      }
      if (fv(r, "email_addr")) res.email = fv(r, "email_addr");
      const ext = rsrcExt.of(r);
      const rates = (ratesByRsrc.get(id) ?? [])
        .slice()
        .sort((a, b) => ((fv(a, "start_date") ?? "") < (fv(b, "start_date") ?? "") ? -1 : 1));
      for (const rate of rates) {
        // P6's five prices per unit (cost_per_qty, cost_per_qty2..5) → cost rate tables A..E.
        const amounts = RATE_TABLE_FIELDS.map(([, field]) => normDecimal(fv(rate, field) ?? ""));
        const from = c.date(rate, "start_date", "RSRCRATE");
        // Max units per hour from this date, with or without a price (P6 varies them independently).
        const maxq = c.numOf(fv(rate, "max_qty_per_hr"), rate, "max_qty_per_hr", "RSRCRATE");
        const qtyMapped = maxq !== undefined && maxq >= 0;
        if (qtyMapped) res.availability.push({ ...(from ? { from } : {}), units: maxq });
        else if (maxq !== undefined) c.warnValue(rate, "max_qty_per_hr", "a number ≥ 0", "RSRCRATE");
        // A row without any price gives no cost rate row; its other fields are reported below.
        if (amounts.every((x) => x === undefined)) continue;
        usedRates.add(rate);
        const rateP6 = (qtyMapped ? rateExt : rateExtWithQty).of(rate);
        RATE_TABLE_FIELDS.forEach(([table], k) => {
          const amount = amounts[k];
          if (amount !== undefined)
            (res.costRateTables[table] ??= []).push({
              ...(from ? { effectiveFrom: from } : {}),
              standardRate: { amount, currency: data.currency },
              ...(rateP6 ? { extensions: { p6: { ...rateP6 } } } : {}),
            });
        });
      }
      // Each rate row holds from its start date until the next row's: close every row but the last,
      // so the rows never overlap (the model reads a row without `to` as open-ended).
      const av = res.availability;
      for (let k = 0; k + 1 < av.length; k++) {
        const next = av[k + 1]!.from;
        const cur = av[k]!;
        if (next !== undefined && (cur.from === undefined || next > cur.from))
          av[k] = { ...(cur.from === undefined ? {} : { from: cur.from }), to: next, units: cur.units };
      }
      if (res.availability.length === 1 && res.availability[0]!.from === undefined) {
        res.maxUnits = res.availability[0]!.units;
        res.availability = [];
      } else if (res.availability.length > 0) res.maxUnits = res.availability[0]!.units;
      if (ext) res.extensions = { p6: ext };
      resources.push(res);
    }
    const assignments: Assignment[] = [];
    for (const a of assignRecs) {
      // One split of the row; fields looked up by name (TASKRSRC rows are read once).
      const ar = cellsOnce(a);
      const av = (name: string): string | undefined => cell(ar, col(a.cols, name));
      const t = taskById(av("task_id") ?? "");
      const rid = av("rsrc_id") ?? "";
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
          `assignment ${av("taskrsrc_id") ?? ""}: unknown activity or resource; dropped`,
          a,
          "TASKRSRC",
        );
        continue;
      }
      const hours = (k: string): number | undefined => {
        const v = c.numOf(av(k), a, k, "TASKRSRC");
        return v === undefined ? undefined : Math.round(v * 60 * 1e6) / 1e6;
      };
      const units = c.numOf(av("target_qty_per_hr"), a, "target_qty_per_hr", "TASKRSRC");
      const asg: Assignment = {
        id: av("taskrsrc_id") || `${t.tid}-${rid}`,
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
      const s = c.dateOf(av("target_start_date"), a, "target_start_date", "TASKRSRC");
      if (s) asg.start = s;
      const fin = c.dateOf(av("target_end_date"), a, "target_end_date", "TASKRSRC");
      if (fin) asg.finish = fin;
      const cost = moneyOf(av("target_cost"), data.currency);
      if (cost) asg.cost = cost;
      const ext = asgExt.of(a, ar);
      if (ext) asg.extensions = { p6: ext };
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
    const pext = projExt.of(p) ?? {};
    const soExt: Record<string, string> = {};
    if (so)
      for (const [k, i] of so.cols) {
        const v = so.c[i];
        if (v !== undefined && v !== "" && k !== "schedoptions_id" && k !== "proj_id") soExt[k] = v;
      }
    const extensions: Record<string, Record<string, string>> = { p6: pext };
    if (Object.keys(soExt).length > 0) extensions["p6:schedoptions"] = soExt;
    const project: Project = {
      id: projKey(p),
      name: fv(rootWbs ?? NO_REC, "wbs_name") || fv(p, "proj_name") || projKey(p),
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
        calculateMultipleCriticalPaths: fv(so ?? NO_REC, "enable_multiple_longest_path_calc") === "Y",
        useExpectedFinish: fv(so ?? NO_REC, "sched_use_expect_end_flag") === "Y",
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
  reportUnmapped(
    c,
    data.rates.filter((r) => !usedRates.has(r)),
    "RSRCRATE",
    RSRCRATE_READ,
  );
  return projects;
}

function linkBase(
  to: string,
  type: Dependency["type"],
  lag: Dependency["lag"],
  p6: Record<string, string> | undefined,
): Omit<Dependency, "from"> {
  return { to, type, lag, ...(p6 ? { extensions: { p6 } } : {}) };
}

function constraintOf(
  c: Ctx,
  t: P6Rec,
  r: readonly (string | undefined)[],
  typeCol: number,
  dateCol: number,
  typeKey: string,
  dateKey: string,
): Constraint | undefined {
  const ct = cell(r, typeCol);
  if (!ct) return undefined;
  const mapped = CONSTRAINT_MAP[ct];
  if (!mapped) {
    c.agg("INVALID_VALUE", `TASK.${typeKey}`, `unknown constraint type '${ct}' dropped`, t);
    return undefined;
  }
  if (mapped === "ALAP") return { type: "ALAP" };
  const date = c.dateOf(cell(r, dateCol), t, dateKey, "TASK");
  if (!date) {
    c.agg("INVALID_VALUE", `TASK.${dateKey}`, `constraint ${ct} without a date dropped`, t);
    return undefined;
  }
  return { type: mapped, date };
}

/** Group key of records without a `proj_id` field (never a project's id). */
const NO_PROJECT = "\u0000none";

/**
 * Keeps the non-empty fields of a table's records that the mapper does not read (`extensions.p6`),
 * so no P6 value is lost: `first` fields come first (even when read), then every other field not in
 * `mapped`, in column order.
 */
class Unmapped {
  private readonly first: readonly string[];
  private readonly mapped: ReadonlySet<string>;
  private readonly interner = new Interner();
  private cols: ReadonlyMap<string, number> | undefined;
  private builder: ShapeBuilder | undefined;
  private at: number[] = [];
  constructor(first: readonly string[], mapped: readonly string[]) {
    this.first = first;
    this.mapped = new Set([...first, ...mapped]);
  }
  /** The kept fields of `rec` (cells `r` when already split), or undefined when there are none. */
  of(rec: P6Rec, r: readonly (string | undefined)[] = rec.c): Record<string, string> | undefined {
    if (rec.cols !== this.cols) {
      this.cols = rec.cols;
      const names: string[] = [];
      this.at = [];
      for (const k of this.first)
        if (rec.cols.has(k)) {
          names.push(k);
          this.at.push(rec.cols.get(k)!);
        }
      for (const [k, i] of rec.cols)
        if (!this.mapped.has(k)) {
          names.push(k);
          this.at.push(i);
        }
      this.builder = new ShapeBuilder(names, false, this.interner, new Set([...this.first, "guid"]));
    }
    const at = this.at;
    let any = false;
    for (let i = 0; i < at.length; i++)
      if (r[at[i]!]) {
        any = true;
        break;
      }
    return any ? this.builder!.build(r, at) : undefined;
  }
}

/** P6's prices per unit and the MS Project-style cost rate table each one fills. */
const RATE_TABLE_FIELDS = [
  ["A", "cost_per_qty"],
  ["B", "cost_per_qty2"],
  ["C", "cost_per_qty3"],
  ["D", "cost_per_qty4"],
  ["E", "cost_per_qty5"],
] as const;

/** RSRCRATE fields the mapper reads. */
const RSRCRATE_READ = new Set([
  "rsrc_id",
  "start_date",
  "max_qty_per_hr",
  ...RATE_TABLE_FIELDS.map((f) => f[1]),
]);

/**
 * One aggregated `UNMAPPED_FIELD` warning per non-empty field of `recs` that the mapper does not
 * read: used for RSRCRATE rows that give no cost rate row, so have no `extensions` to keep them.
 */
function reportUnmapped(c: Ctx, recs: readonly P6Rec[], table: string, read: ReadonlySet<string>): void {
  for (const rec of recs)
    for (const [name, i] of rec.cols)
      if (!read.has(name) && rec.c[i])
        c.agg(
          "UNMAPPED_FIELD",
          `${table}.${name}`,
          `${table}.${name} of a row that gives no cost rate was dropped`,
          rec,
        );
}

/** An empty record (no fields). */
const NO_REC: P6Rec = { c: [], cols: new Map() };

/** Columns of the TASKPRED fields the mapper reads. */
interface PredCols {
  readonly cols: ReadonlyMap<string, number>;
  readonly id: number;
  readonly succ: number;
  readonly pred: number;
  readonly type: number;
  readonly lag: number;
}

function predCols(cols: ReadonlyMap<string, number>): PredCols {
  return {
    cols,
    id: col(cols, "task_pred_id"),
    succ: col(cols, "task_id"),
    pred: col(cols, "pred_task_id"),
    type: col(cols, "pred_type"),
    lag: col(cols, "lag_hr_cnt"),
  };
}

/** Columns of the TASK fields the mapper reads, resolved once per table. */
interface TaskCols {
  readonly cols: ReadonlyMap<string, number>;
  readonly taskId: number;
  readonly projId: number;
  readonly wbsId: number;
  readonly clndrId: number;
  readonly code: number;
  readonly name: number;
  readonly type: number;
  readonly status: number;
  readonly target: number;
  readonly remain: number;
  readonly actStart: number;
  readonly actEnd: number;
  readonly expectEnd: number;
  readonly earlyStart: number;
  readonly earlyEnd: number;
  readonly lateStart: number;
  readonly lateEnd: number;
  readonly restart: number;
  readonly reend: number;
  readonly totalFloat: number;
  readonly freeFloat: number;
  readonly priority: number;
  readonly phys: number;
  readonly isCritical: number;
  readonly driving: number;
  readonly cstr: number;
  readonly cstrDate: number;
  readonly cstr2: number;
  readonly cstrDate2: number;
  /**
   * Builds `extensions.p6`: every non-empty field not mapped, then `task_id` (always); `extCols` are
   * their columns (-1 when the table has no `task_id`, read as empty).
   */
  readonly ext: ShapeBuilder;
  readonly extCols: readonly number[];
}

function taskCols(cols: ReadonlyMap<string, number>): TaskCols {
  const extNames: string[] = [];
  const extCols: number[] = [];
  for (const [k, i] of cols)
    if (!TASK_MAPPED.has(k)) {
      extNames.push(k);
      extCols.push(i);
    }
  extNames.push("task_id");
  extCols.push(col(cols, "task_id"));
  return {
    cols,
    ext: new ShapeBuilder(extNames, true, new Interner(), new Set(["task_id", "guid"])),
    taskId: col(cols, "task_id"),
    projId: col(cols, "proj_id"),
    wbsId: col(cols, "wbs_id"),
    clndrId: col(cols, "clndr_id"),
    code: col(cols, "task_code"),
    name: col(cols, "task_name"),
    type: col(cols, "task_type"),
    status: col(cols, "status_code"),
    target: col(cols, "target_drtn_hr_cnt"),
    remain: col(cols, "remain_drtn_hr_cnt"),
    actStart: col(cols, "act_start_date"),
    actEnd: col(cols, "act_end_date"),
    expectEnd: col(cols, "expect_end_date"),
    earlyStart: col(cols, "early_start_date"),
    earlyEnd: col(cols, "early_end_date"),
    lateStart: col(cols, "late_start_date"),
    lateEnd: col(cols, "late_end_date"),
    restart: col(cols, "restart_date"),
    reend: col(cols, "reend_date"),
    totalFloat: col(cols, "total_float_hr_cnt"),
    freeFloat: col(cols, "free_float_hr_cnt"),
    priority: col(cols, "priority_type"),
    phys: col(cols, "phys_complete_pct"),
    isCritical: col(cols, "is_critical"),
    driving: col(cols, "driving_path_flag"),
    cstr: col(cols, "cstr_type"),
    cstrDate: col(cols, "cstr_date"),
    cstr2: col(cols, "cstr_type2"),
    cstrDate2: col(cols, "cstr_date2"),
    extCols,
  };
}

function mapActivity(
  c: Ctx,
  t: P6Rec,
  k: TaskCols,
  id: string,
  calIds: ReadonlySet<string>,
  critType: string | undefined,
  critHours: number,
  parentId: string | undefined,
  level: number,
): Task {
  const E = "TASK";
  const r = cellsOnce(t);
  const type = cell(r, k.type) ?? "TT_Task";
  const activityType = ACTIVITY_TYPES[type];
  if (!activityType)
    c.agg("INVALID_VALUE", "TASK.task_type", `unknown task_type '${type}' read as task dependent`, t);
  const target = c.numOf(cell(r, k.target), t, "target_drtn_hr_cnt", E) ?? 0;
  const remain = c.numOf(cell(r, k.remain), t, "remain_drtn_hr_cnt", E);
  const primary = constraintOf(c, t, r, k.cstr, k.cstrDate, "cstr_type", "cstr_date");
  const secondary = constraintOf(c, t, r, k.cstr2, k.cstrDate2, "cstr_type2", "cstr_date2");
  // Nested values are built first so that the task itself is a flat literal (V8 clones those fast).
  const duration: Task["duration"] = { value: Math.max(0, target), unit: "hours" };
  const constraint: Constraint = primary ?? { type: "ASAP" };
  const baselines: Task["baselines"] = [];
  const customFields: Task["customFields"] = {};
  const task: Task = {
    id,
    name: cell(r, k.name) ?? "",
    outlineLevel: level,
    duration,
    milestone: type === "TT_Mile" || type === "TT_FinMile",
    type: "fixedDuration",
    effortDriven: false,
    constraint,
    priority: PRIORITIES[cell(r, k.priority) ?? "PT_Normal"] ?? 500,
    manual: false,
    inactive: false,
    percentComplete: 0,
    activityType: activityType ?? "task",
    baselines,
    customFields,
  };
  if (parentId !== undefined) task.parentId = parentId;
  if (secondary) task.secondaryConstraint = secondary;
  const cal = cell(r, k.clndrId);
  if (cal && calIds.has(cal)) task.calendarId = cal;
  else if (cal)
    c.agg(
      "UNKNOWN_REFERENCE",
      "TASK.clndr_id",
      `activity calendar ${cal} not found; project calendar used`,
      t,
    );
  if (remain !== undefined && remain >= 0) task.remainingDuration = { value: remain, unit: "hours" };
  const status = cell(r, k.status);
  if (status === "TK_Complete") task.percentComplete = 100;
  else if (status === "TK_Active" && target > 0 && remain !== undefined)
    task.percentComplete = Math.min(100, Math.max(0, Math.round(((target - remain) / target) * 1e6) / 1e4));
  if (status !== undefined && status !== "TK_NotStart" && remain !== undefined)
    task.actualDuration = { value: Math.max(0, target - remain), unit: "hours" };
  const phys = c.numOf(cell(r, k.phys), t, "phys_complete_pct", E);
  if (phys !== undefined && phys >= 0 && phys <= 100) task.physicalPercentComplete = phys;
  const as = c.dateOf(cell(r, k.actStart), t, "act_start_date", E);
  if (as) task.actualStart = as;
  const af = c.dateOf(cell(r, k.actEnd), t, "act_end_date", E);
  if (af) task.actualFinish = af;
  const ef = c.dateOf(cell(r, k.expectEnd), t, "expect_end_date", E);
  if (ef) task.expectedFinish = ef;
  const es = c.dateOf(cell(r, k.earlyStart), t, "early_start_date", E);
  const eff = c.dateOf(cell(r, k.earlyEnd), t, "early_end_date", E);
  const ls = c.dateOf(cell(r, k.lateStart), t, "late_start_date", E);
  const lf = c.dateOf(cell(r, k.lateEnd), t, "late_end_date", E);
  const start = as ?? c.dateOf(cell(r, k.restart), t, "restart_date", E) ?? es;
  const finish = af ?? c.dateOf(cell(r, k.reend), t, "reend_date", E) ?? eff;
  const tf = c.numOf(cell(r, k.totalFloat), t, "total_float_hr_cnt", E);
  const ff = c.numOf(cell(r, k.freeFloat), t, "free_float_hr_cnt", E);
  const crit = cell(r, k.isCritical);
  const driving = cell(r, k.driving);
  const critical = crit
    ? crit === "1" || crit === "true"
    : critType === "CT_DrivPath" && driving
      ? driving === "Y"
      : tf !== undefined && status !== "TK_Complete"
        ? tf <= critHours
        : undefined;
  const reported: NonNullable<Task["reported"]> = {};
  if (es) reported.earlyStart = es;
  if (eff) reported.earlyFinish = eff;
  if (ls) reported.lateStart = ls;
  if (lf) reported.lateFinish = lf;
  if (start) reported.start = start;
  if (finish) reported.finish = finish;
  if (tf !== undefined) reported.totalSlackMinutes = Math.round(tf * 60 * 1e6) / 1e6;
  if (ff !== undefined) reported.freeSlackMinutes = Math.round(ff * 60 * 1e6) / 1e6;
  if (critical !== undefined) reported.critical = critical;
  if (hasKeys(reported)) task.reported = reported;
  const ext = k.ext.build(r, k.extCols);
  const extensions = { p6: ext };
  task.extensions = extensions;
  return task;
}
