import type { CalendarException, DayPattern, Project, WeekDays, WorkingTime } from "@pmokit/core";
import { DAY_NAMES, PmokitError } from "@pmokit/core";
import { WarningSink, normDateTime } from "../internal/context.js";
import type { P6Data, P6Rec } from "../p6/map.js";
import { P6RecBuilder, mapP6 } from "../p6/map.js";
import type { DecodedClndr } from "../xer/clndr.js";
import { decodeText } from "../text/decode.js";
import type { ReadWarning } from "../warnings.js";
import type { XmlLimits } from "../xml/tokenizer.js";
import type { XmlNode } from "../xml/tree.js";
import { children, parseXml } from "../xml/tree.js";

/**
 * Options of {@link readPmxml}.
 *
 * @category Primavera
 * @since 0.1.0
 */
export interface ReadPmxmlOptions extends XmlLimits {
  readonly fileName?: string;
  readonly encoding?: string;
}

/**
 * Result of {@link readPmxml}.
 *
 * @category Primavera
 * @since 0.1.0
 */
export interface ReadPmxmlResult {
  readonly projects: Project[];
  readonly warnings: ReadWarning[];
}

const TYPES: Record<string, string> = {
  "Task Dependent": "TT_Task",
  "Resource Dependent": "TT_Rsrc",
  "Level of Effort": "TT_LOE",
  "Start Milestone": "TT_Mile",
  "Finish Milestone": "TT_FinMile",
  "WBS Summary": "TT_WBS",
};
const STATUS: Record<string, string> = {
  "Not Started": "TK_NotStart",
  "In Progress": "TK_Active",
  Completed: "TK_Complete",
};
const CONSTRAINTS: Record<string, string> = {
  "Start On": "CS_MSO",
  "Start On or Before": "CS_MSOB",
  "Start On or After": "CS_MSOA",
  "Finish On": "CS_MEO",
  "Finish On or Before": "CS_MEOB",
  "Finish On or After": "CS_MEOA",
  "As Late As Possible": "CS_ALAP",
  "Mandatory Start": "CS_MANDSTART",
  "Mandatory Finish": "CS_MANDFIN",
};
const LINKS: Record<string, string> = {
  "Finish to Start": "PR_FS",
  "Start to Start": "PR_SS",
  "Finish to Finish": "PR_FF",
  "Start to Finish": "PR_SF",
};
const PRIORITY: Record<string, string> = {
  Top: "PT_Top",
  High: "PT_High",
  Normal: "PT_Normal",
  Low: "PT_Low",
  Lowest: "PT_Lowest",
};
const RSRC_TYPES: Record<string, string> = { Labor: "RT_Labor", Nonlabor: "RT_Equip", Material: "RT_Mat" };
const FLOAT_TYPES: Record<string, string> = {
  "Finish Float = Late Finish - Early Finish": "FT_FF",
  "Start Float = Late Start - Early Start": "FT_SF",
  "Smallest of Start Float and Finish Float": "FT_Min",
};

/** Leaf values of an element (xsi:nil elements are empty strings). */
function leaves(n: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of n.children ?? [])
    if (c.children === undefined && !(c.name in out)) out[c.name] = c.text.trim();
  return out;
}

/** What {@link tracked} remembers of a record's leaves: their values and the names read. */
const READ = new WeakMap<object, { readonly values: Record<string, string>; readonly used: Set<string> }>();

/**
 * The leaves of an element, as a record that remembers which names the reader looks up, so that
 * {@link rec} can keep the others (P6 XML has far more fields than the model maps).
 */
function tracked(n: XmlNode): Record<string, string> {
  const values = leaves(n);
  const used = new Set<string>();
  const view = new Proxy(values, {
    get(target, key) {
      if (typeof key === "string") used.add(key);
      return target[key as string];
    },
  });
  READ.set(view, { values, used });
  return view;
}

/**
 * A P6 record of the mapped fields `f` (in XER vocabulary). With `leaves` (the element's
 * {@link tracked} leaves), every non-empty leaf the reader did not look up is kept too, under its P6 XML name, so
 * it reaches the object's `extensions.p6` like an unmapped XER column.
 */
function rec(
  b: P6RecBuilder,
  f: Record<string, string>,
  sink: WarningSink,
  node: XmlNode,
  extra: { decoded?: DecodedClndr; leaves?: Record<string, string> } = {},
): P6Rec {
  const line = sink.lineOf(node.offset);
  const r = extra.leaves === undefined ? undefined : READ.get(extra.leaves);
  if (r !== undefined)
    for (const k in r.values) if (!r.used.has(k) && r.values[k] !== "" && !(k in f)) f[k] = r.values[k]!;
  return b.rec(f, {
    ...(line === undefined ? {} : { line }),
    ...(extra.decoded === undefined ? {} : { decoded: extra.decoded }),
  });
}

function pmTime(t: string | undefined, isFinish: boolean): string | undefined {
  const m = t === undefined ? null : /^(\d{2}):(\d{2})/.exec(t);
  if (!m) return undefined;
  let mins = Number(m[1]) * 60 + Number(m[2]);
  // P6 writes the last working minute (11:59 for a period ending at noon; 23:59 = midnight).
  if (isFinish && Number(m[2]) === 59) mins += 1;
  if (isFinish && mins === 0) mins = 1440;
  if (mins > 1440) return undefined;
  return mins === 1440
    ? "24:00"
    : `${String(Math.floor(mins / 60)).padStart(2, "0")}:${String(mins % 60).padStart(2, "0")}`;
}

function workTimes(n: XmlNode, problems: string[], where: string): WorkingTime[] {
  const out: WorkingTime[] = [];
  for (const wt of children(n, "WorkTime")) {
    const f = leaves(wt);
    if (f["Start"] === undefined && f["Finish"] === undefined) continue;
    const from = pmTime(f["Start"], false);
    const to = pmTime(f["Finish"], true);
    if (from === undefined || to === undefined || from >= to) {
      problems.push(`invalid work time in ${where}`);
      continue;
    }
    out.push({ from, to });
  }
  out.sort((a, b) => (a.from < b.from ? -1 : 1));
  return out.filter((t, i) => i === 0 || t.from >= out[i - 1]!.to);
}

function decodeCalendar(n: XmlNode): {
  weekDays: WeekDays;
  exceptions: CalendarException[];
  problems: string[];
} {
  const problems: string[] = [];
  const week: Record<string, DayPattern> = {};
  for (const ww of children(n, "StandardWorkWeek")) {
    for (const h of children(ww, "StandardWorkHours")) {
      const day = leaves(h)["DayOfWeek"]?.toLowerCase();
      if (!day || !(DAY_NAMES as readonly string[]).includes(day)) {
        problems.push(`unknown DayOfWeek`);
        continue;
      }
      const times = workTimes(h, problems, day);
      week[day] = times.length === 0 ? { working: false } : { working: true, times };
    }
  }
  const exceptions: CalendarException[] = [];
  for (const group of [...children(n, "HolidayOrExceptions"), ...children(n, "HolidayExceptions")]) {
    for (const e of [...children(group, "HolidayOrException"), ...children(group, "HolidayException")]) {
      const d = normDateTime(leaves(e)["Date"])?.slice(0, 10);
      if (!d) {
        problems.push("exception without a valid Date");
        continue;
      }
      const times = workTimes(e, problems, d);
      exceptions.push(
        times.length === 0 ? { from: d, to: d, working: false } : { from: d, to: d, working: true, times },
      );
    }
  }
  exceptions.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { weekDays: week as WeekDays, exceptions, problems };
}

/**
 * Reads a Primavera P6 XML export (PMXML, `<APIBusinessObjects>`): every `Project` with its
 * calendars (`StandardWorkWeek`, `HolidayOrExceptions`), WBS, activities (type, primary and
 * secondary constraints, P6's early/late dates and floats as `reported` values), relationships
 * (cross-project ones kept as external links), resources, rates and assignments; `BaselineProject`
 * activities become task baselines 1, 2, ... (matched by activity `Id`).
 *
 * @param input - bytes or text
 * @param options - file name, encoding, XML limits
 * @returns the projects and warnings
 * @throws PmokitError `PARSE_ERROR` for malformed XML, `UNSUPPORTED_FORMAT` when the root is not
 *   `APIBusinessObjects`
 * @example
 * ```ts
 * import { readPmxml } from "@pmokit/interop";
 * const { projects } = readPmxml(bytes, { fileName: "p6.xml" });
 * ```
 * @category Primavera
 * @since 0.1.0
 */
export function readPmxml(input: Uint8Array | string, options: ReadPmxmlOptions = {}): ReadPmxmlResult {
  const { text } = decodeText(input, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
    fallback: "utf-8",
  });
  const root = parseXml(text, options);
  if (root.name !== "APIBusinessObjects")
    throw new PmokitError(
      "UNSUPPORTED_FORMAT",
      `${options.fileName ? `${options.fileName}: ` : ""}not a P6 XML file (root element <${root.name}>)`,
      {
        ...(options.fileName ? { file: options.fileName } : {}),
        line: 1,
        expected: "<APIBusinessObjects>",
        received: root.name,
      },
    );
  const sink = new WarningSink(text);
  const data = {
    source: "PMXML" as const,
    currency: "USD",
    projects: [] as P6Rec[],
    calendars: [] as P6Rec[],
    wbs: [] as P6Rec[],
    tasks: [] as P6Rec[],
    preds: [] as P6Rec[],
    resources: [] as P6Rec[],
    rates: [] as P6Rec[],
    assignments: [] as P6Rec[],
    schedOptions: [] as P6Rec[],
  };
  const B = {
    projects: new P6RecBuilder(),
    calendars: new P6RecBuilder(),
    wbs: new P6RecBuilder(),
    tasks: new P6RecBuilder(),
    preds: new P6RecBuilder(),
    resources: new P6RecBuilder(),
    rates: new P6RecBuilder(),
    assignments: new P6RecBuilder(),
    schedOptions: new P6RecBuilder(),
  };
  const cur = children(root, "Currency")
    .map((c) => leaves(c)["Id"] ?? "")
    .find((id) => /^[A-Z]{3}$/.test(id));
  if (cur) data.currency = cur;
  else
    sink.add({ code: "DEFAULTED", message: "no ISO currency in the file; USD assumed", element: "Currency" });

  const calendar = (n: XmlNode, projId: string): void => {
    const f = tracked(n);
    const dec = decodeCalendar(n);
    data.calendars.push(
      rec(
        B.calendars,
        {
          clndr_id: f["ObjectId"] ?? "",
          clndr_name: f["Name"] ?? "",
          base_clndr_id: f["BaseCalendarObjectId"] ?? "",
          proj_id: f["ProjectObjectId"] || projId,
          default_flag: f["IsDefault"] === "1" || f["IsDefault"] === "true" ? "Y" : "N",
          day_hr_cnt: f["HoursPerDay"] ?? "",
          week_hr_cnt: f["HoursPerWeek"] ?? "",
          month_hr_cnt: f["HoursPerMonth"] ?? "",
        },
        sink,
        n,
        { decoded: dec, leaves: f },
      ),
    );
  };
  const handled = new Set([
    "Calendar",
    "Resource",
    "ResourceRate",
    "Project",
    "BaselineProject",
    "Currency",
    "ProjectList",
  ]);
  for (const c of root.children ?? []) {
    if (c.name === "Calendar") calendar(c, "");
    else if (c.name === "Resource") {
      const f = tracked(c);
      data.resources.push(
        rec(
          B.resources,
          {
            rsrc_id: f["ObjectId"] ?? "",
            rsrc_name: f["Name"] ?? "",
            rsrc_short_name: f["Id"] ?? "",
            rsrc_type: RSRC_TYPES[f["ResourceType"] ?? ""] ?? "RT_Labor",
            clndr_id: f["CalendarObjectId"] ?? "",
            email_addr: f["EmailAddress"] ?? "",
            rsrc_title_name: f["Title"] ?? "",
            employee_code: f["EmployeeId"] ?? "",
          },
          sink,
          c,
          { leaves: f },
        ),
      );
      if (f["MaxUnitsPerTime"] && children(root, "ResourceRate").length === 0)
        data.rates.push(
          rec(
            B.rates,
            {
              rsrc_id: f["ObjectId"] ?? "",
              cost_per_qty: f["PricePerUnit"] ?? "",
              max_qty_per_hr: f["MaxUnitsPerTime"],
            },
            sink,
            c,
          ),
        );
    } else if (c.name === "ResourceRate") {
      const f = tracked(c);
      data.rates.push(
        rec(
          B.rates,
          {
            rsrc_id: f["ResourceObjectId"] ?? "",
            cost_per_qty: f["PricePerUnit"] ?? "",
            cost_per_qty2: f["PricePerUnit2"] ?? "",
            cost_per_qty3: f["PricePerUnit3"] ?? "",
            cost_per_qty4: f["PricePerUnit4"] ?? "",
            cost_per_qty5: f["PricePerUnit5"] ?? "",
            start_date: f["EffectiveDate"] ?? "",
            max_qty_per_hr: f["MaxUnitsPerTime"] ?? "",
          },
          sink,
          c,
          { leaves: f },
        ),
      );
    } else if (!handled.has(c.name))
      sink.aggregate("UNMAPPED_ELEMENT", c.name, `${c.name} elements are not imported`, c.offset);
  }

  const projectNodes = children(root, "Project");
  for (const p of projectNodes) {
    const f = tracked(p);
    const projId = f["ObjectId"] ?? "";
    data.projects.push(
      rec(
        B.projects,
        {
          proj_id: projId,
          proj_short_name: f["Id"] || f["Name"] || `P${projId}`,
          proj_name: f["Name"] ?? "",
          clndr_id: f["ActivityDefaultCalendarObjectId"] ?? "",
          plan_start_date: f["PlannedStartDate"] ?? "",
          plan_end_date: f["MustFinishByDate"] ?? "",
          scd_end_date: f["ScheduledFinishDate"] ?? "",
          last_recalc_date: f["DataDate"] ?? "",
          critical_drtn_hr_cnt: f["CriticalActivityFloatLimit"] ?? "",
          critical_path_type:
            f["CriticalActivityPathType"] === "Longest Path" ? "CT_DrivPath" : "CT_TotFloat",
          guid: f["GUID"] ?? "",
        },
        sink,
        p,
        { leaves: f },
      ),
    );
    for (const c of p.children ?? []) {
      const g = tracked(c);
      switch (c.name) {
        case "Calendar":
          calendar(c, projId);
          break;
        case "WBS":
          data.wbs.push(
            rec(
              B.wbs,
              {
                wbs_id: g["ObjectId"] ?? "",
                proj_id: projId,
                parent_wbs_id: g["ParentObjectId"] ?? "",
                wbs_short_name: g["Code"] ?? "",
                wbs_name: g["Name"] ?? "",
                seq_num: g["SequenceNumber"] ?? "",
                status_code: g["Status"] ?? "",
              },
              sink,
              c,
              { leaves: g },
            ),
          );
          break;
        case "Activity":
          data.tasks.push(
            rec(
              B.tasks,
              {
                task_id: g["ObjectId"] ?? "",
                proj_id: projId,
                wbs_id: g["WBSObjectId"] ?? "",
                clndr_id: g["CalendarObjectId"] ?? "",
                task_code: g["Id"] ?? "",
                task_name: g["Name"] ?? "",
                task_type: TYPES[g["Type"] ?? ""] ?? (g["Type"] ? g["Type"] : "TT_Task"),
                status_code: STATUS[g["Status"] ?? ""] ?? "",
                target_drtn_hr_cnt: g["PlannedDuration"] ?? "",
                remain_drtn_hr_cnt: g["RemainingDuration"] ?? "",
                act_start_date: g["ActualStartDate"] ?? "",
                act_end_date: g["ActualFinishDate"] ?? "",
                expect_end_date: g["ExpectedFinishDate"] ?? "",
                early_start_date: g["EarlyStartDate"] ?? "",
                early_end_date: g["EarlyFinishDate"] ?? "",
                late_start_date: g["LateStartDate"] ?? "",
                late_end_date: g["LateFinishDate"] ?? "",
                total_float_hr_cnt: g["TotalFloat"] ?? "",
                free_float_hr_cnt: g["FreeFloat"] ?? "",
                cstr_type: g["PrimaryConstraintType"]
                  ? (CONSTRAINTS[g["PrimaryConstraintType"]] ?? g["PrimaryConstraintType"])
                  : "",
                cstr_date: g["PrimaryConstraintDate"] ?? "",
                cstr_type2: g["SecondaryConstraintType"]
                  ? (CONSTRAINTS[g["SecondaryConstraintType"]] ?? g["SecondaryConstraintType"])
                  : "",
                cstr_date2: g["SecondaryConstraintDate"] ?? "",
                priority_type: PRIORITY[g["LevelingPriority"] ?? ""] ?? "",
                phys_complete_pct: g["PhysicalPercentComplete"] ?? "",
                driving_path_flag: g["IsLongestPath"] === "1" ? "Y" : g["IsLongestPath"] === "0" ? "N" : "",
                is_critical: g["IsCritical"] ?? "",
                duration_type: g["DurationType"] ?? "",
                complete_pct_type: g["PercentCompleteType"] ?? "",
                guid: g["GUID"] ?? "",
              },
              sink,
              c,
              { leaves: g },
            ),
          );
          break;
        case "Relationship":
          data.preds.push(
            rec(
              B.preds,
              {
                task_pred_id: g["ObjectId"] ?? "",
                task_id: g["SuccessorActivityObjectId"] ?? "",
                pred_task_id: g["PredecessorActivityObjectId"] ?? "",
                proj_id: g["SuccessorProjectObjectId"] || projId,
                pred_proj_id: g["PredecessorProjectObjectId"] || projId,
                pred_type: LINKS[g["Type"] ?? "Finish to Start"] ?? g["Type"] ?? "",
                lag_hr_cnt: g["Lag"] ?? "0",
              },
              sink,
              c,
              { leaves: g },
            ),
          );
          break;
        case "ResourceAssignment":
          data.assignments.push(
            rec(
              B.assignments,
              {
                taskrsrc_id: g["ObjectId"] ?? "",
                task_id: g["ActivityObjectId"] ?? "",
                rsrc_id: g["ResourceObjectId"] ?? "",
                proj_id: projId,
                target_qty: g["PlannedUnits"] ?? "",
                act_reg_qty: g["ActualRegularUnits"] ?? g["ActualUnits"] ?? "",
                remain_qty: g["RemainingUnits"] ?? "",
                target_qty_per_hr: g["PlannedUnitsPerTime"] ?? "",
                target_start_date: g["PlannedStartDate"] ?? "",
                target_end_date: g["PlannedFinishDate"] ?? "",
                target_cost: g["PlannedCost"] ?? "",
              },
              sink,
              c,
              { leaves: g },
            ),
          );
          break;
        case "ScheduleOptions": {
          const so: Record<string, string> = { ...g, proj_id: projId };
          const ft = FLOAT_TYPES[g["ComputeTotalFloatType"] ?? ""];
          if (ft) so["sched_float_type"] = ft;
          if (g["UseExpectedFinishDates"])
            so["sched_use_expect_end_flag"] = g["UseExpectedFinishDates"] === "1" ? "Y" : "N";
          data.schedOptions.push(rec(B.schedOptions, so, sink, c));
          break;
        }
        default:
          if (c.children !== undefined)
            sink.aggregate(
              "UNMAPPED_ELEMENT",
              `Project/${c.name}`,
              `Project/${c.name} elements are not imported`,
              c.offset,
            );
      }
    }
  }
  const projects = mapP6(data as P6Data, sink, options.fileName);
  // Baseline projects → task baselines 1..n, matched by activity Id.
  const baselines = children(root, "BaselineProject");
  baselines.forEach((b, k) => {
    const number = k + 1;
    if (number > 10) {
      sink.at(
        "UNMAPPED_ELEMENT",
        `BaselineProject ${number} exceeds the 10 baseline sets and was dropped`,
        b.offset,
        { element: "BaselineProject" },
      );
      return;
    }
    const target = projects[0];
    if (!target) return;
    const byId = new Map(target.tasks.map((t) => [t.id, t]));
    let matched = 0;
    for (const a of children(b, "Activity")) {
      const g = leaves(a);
      const t = byId.get(g["Id"] ?? "");
      if (!t) continue;
      const start = normDateTime(g["PlannedStartDate"]);
      const finish = normDateTime(g["PlannedFinishDate"]);
      const dur = Number(g["PlannedDuration"]);
      t.baselines.push({
        number,
        ...(start ? { start } : {}),
        ...(finish ? { finish } : {}),
        ...(Number.isFinite(dur) && g["PlannedDuration"] !== ""
          ? { duration: { value: dur, unit: "hours" as const } }
          : {}),
      });
      matched++;
    }
    sink.at(
      "BASELINE_PROJECT",
      `BaselineProject '${leaves(b)["Name"] ?? ""}' imported as baseline ${number} (${matched} activities matched by Id)`,
      b.offset,
      { element: "BaselineProject" },
    );
  });
  if (projects.length === 0)
    sink.add({ code: "NO_PROJECT", message: "the file has no Project elements", element: "Project" });
  return { projects, warnings: sink.done() };
}
