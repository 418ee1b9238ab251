// Generators of large synthetic inputs for the interop benchmark.
import type { Project } from "@pmokit/core";

export function generateProject(n: number): Project {
  const std = {
    working: true,
    times: [
      { from: "08:00", to: "12:00" },
      { from: "13:00", to: "17:00" },
    ],
  };
  const tasks: Project["tasks"] = [];
  const dependencies: Project["dependencies"] = [];
  let summary: string | undefined;
  for (let i = 1; i <= n; i++) {
    const id = String(i);
    if (i % 50 === 1) {
      summary = id;
      tasks.push({
        id,
        name: `Phase ${i}`,
        outlineLevel: 1,
        duration: { value: 0, unit: "days" },
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
      });
      continue;
    }
    tasks.push({
      id,
      name: `Task ${i}`,
      outlineLevel: 2,
      parentId: summary!,
      duration: { value: 1 + (i % 7), unit: "days" },
      milestone: false,
      type: "fixedUnits",
      effortDriven: false,
      constraint: i % 97 === 0 ? { type: "SNET", date: "2025-03-10T08:00:00" } : { type: "ASAP" },
      priority: 500,
      manual: false,
      inactive: false,
      percentComplete: 0,
      baselines: [],
      customFields: {},
      reported: {
        start: "2025-03-03T08:00:00",
        finish: "2025-03-04T17:00:00",
        earlyStart: "2025-03-03T08:00:00",
        earlyFinish: "2025-03-04T17:00:00",
        lateStart: "2025-03-05T08:00:00",
        lateFinish: "2025-03-06T17:00:00",
        totalSlackMinutes: 960,
        freeSlackMinutes: 0,
        critical: false,
      },
    });
    if (i % 50 !== 2)
      dependencies.push({
        from: String(i - 1),
        to: id,
        type: i % 10 === 0 ? "SS" : "FS",
        lag: { value: i % 5 === 0 ? 1 : 0, unit: "days" },
      });
  }
  return {
    id: "1",
    name: "Generated",
    priority: 500,
    settings: {
      minutesPerDay: 480,
      minutesPerWeek: 2400,
      daysPerMonth: 20,
      currency: "USD",
      defaultCalendarId: "1",
      startDate: "2025-03-03T08:00:00",
      scheduleFrom: "start",
      honorConstraints: true,
      criticalSlackLimitMinutes: 0,
      newTasksEffortDriven: false,
      defaultTaskType: "fixedUnits",
      totalSlackCalculation: "smallest",
      calculateMultipleCriticalPaths: false,
      useExpectedFinish: false,
    },
    calendars: [
      {
        id: "1",
        name: "Standard",
        weekDays: {
          sunday: { working: false },
          monday: std,
          tuesday: std,
          wednesday: std,
          thursday: std,
          friday: std,
          saturday: { working: false },
        },
        workWeeks: [],
        exceptions: [],
      },
    ],
    tasks,
    dependencies,
    resources: [],
    assignments: [],
    risks: [],
    issues: [],
  };
}

export function generateXer(n: number): string {
  const lines = [
    "ERMHDR\t20.12\t2025-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tUSD",
    "%T\tPROJECT",
    "%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date\tlast_recalc_date",
    "%R\t1\tGEN\t1\t2025-01-06 08:00\t2025-01-06 08:00",
    "%T\tCALENDAR",
    "%F\tclndr_id\tdefault_flag\tclndr_name\tproj_id\tbase_clndr_id\tday_hr_cnt\tweek_hr_cnt\tmonth_hr_cnt\tclndr_data",
    "%R\t1\tY\tStd\t\t\t8\t40\t172\t(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(s|08:00|f|16:00)())))(0||3()((0||0(s|08:00|f|16:00)())))(0||4()((0||0(s|08:00|f|16:00)())))(0||5()((0||0(s|08:00|f|16:00)())))(0||6()((0||0(s|08:00|f|16:00)())))(0||7()())))(0||Exceptions()())))",
    "%T\tTASK",
    "%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_code\ttask_name\ttask_type\tstatus_code\ttarget_drtn_hr_cnt\tremain_drtn_hr_cnt\tearly_start_date\tearly_end_date\tlate_start_date\tlate_end_date\ttotal_float_hr_cnt\tfree_float_hr_cnt",
  ];
  for (let i = 1; i <= n; i++)
    lines.push(
      `%R\t${i}\t1\t\t1\tA${i}\tActivity ${i}\tTT_Task\tTK_NotStart\t16\t16\t2025-01-06 08:00\t2025-01-07 16:00\t2025-01-08 08:00\t2025-01-09 16:00\t16\t0`,
    );
  lines.push(
    "%T\tTASKPRED",
    "%F\ttask_pred_id\ttask_id\tpred_task_id\tproj_id\tpred_proj_id\tpred_type\tlag_hr_cnt",
  );
  for (let i = 2; i <= n; i++) lines.push(`%R\t${i}\t${i}\t${i - 1}\t1\t1\tPR_FS\t0`);
  lines.push("%E", "");
  return lines.join("\r\n");
}

/** P6's TASK columns in export order (P6 8.x–20.x XER layout). */
const P6_TASK_FIELDS =
  "task_id proj_id wbs_id clndr_id phys_complete_pct rev_fdbk_flag est_wt lock_plan_flag auto_compute_act_flag complete_pct_type task_type duration_type status_code task_code task_name rsrc_id total_float_hr_cnt free_float_hr_cnt remain_drtn_hr_cnt act_work_qty remain_work_qty target_work_qty target_drtn_hr_cnt target_equip_qty act_equip_qty remain_equip_qty cstr_date act_start_date act_end_date late_start_date late_end_date expect_end_date early_start_date early_end_date restart_date reend_date target_start_date target_end_date rem_late_start_date rem_late_end_date cstr_type priority_type suspend_date resume_date float_path float_path_order guid tmpl_guid cstr_date2 cstr_type2 driving_path_flag act_this_per_work_qty act_this_per_equip_qty external_early_start_date external_late_end_date create_date update_date create_user update_user location_id".split(
    " ",
  );
const P6_PRED_FIELDS =
  "task_pred_id task_id pred_task_id proj_id pred_proj_id pred_type lag_hr_cnt comments float_path aref arls".split(
    " ",
  );
const P6_TASKRSRC_FIELDS =
  "taskrsrc_id task_id proj_id cost_qty_link_flag role_id acct_id rsrc_id pobs_id skill_level remain_qty target_qty remain_qty_per_hr target_lag_drtn_hr_cnt target_qty_per_hr act_ot_qty act_reg_qty relag_drtn_hr_cnt ot_factor cost_per_qty target_cost act_reg_cost act_ot_cost remain_cost act_start_date act_end_date restart_date reend_date target_start_date target_end_date rem_late_start_date rem_late_end_date rollup_dates_flag target_crv remain_crv actual_crv ts_pend_act_end_flag guid rate_type act_this_per_cost act_this_per_qty curv_id rsrc_type cost_per_qty_source_type create_user create_date has_rsrchours taskrsrc_sum_id".split(
    " ",
  );

/**
 * A scheduled P6 export in P6's own XER layout: the 60 TASK columns, 11 TASKPRED columns and 46
 * TASKRSRC columns P6 writes, a WBS of 50 activities per node, 50 resources and one assignment per
 * two activities; a fifth of the activities complete and a twentieth in progress, with early/late
 * dates, floats, GUIDs and audit columns filled as P6 fills them. Values are synthetic.
 */
export function generateXerP6(n: number): string {
  let seed = 12345;
  const rnd = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const guid = (): string => {
    let s = "";
    for (let i = 0; i < 22; i++) s += B64[Math.floor(rnd() * 64)];
    return s;
  };
  const day0 = Date.UTC(2025, 0, 6);
  const date = (workday: number, hour: number): string => {
    const d = new Date(day0 + (Math.floor(workday / 5) * 7 + (workday % 5)) * 86_400_000);
    return `${d.toISOString().slice(0, 10)} ${String(hour).padStart(2, "0")}:00`;
  };
  const row = (fields: readonly string[], v: Record<string, string | number>): string =>
    `%R\t${fields.map((f) => (v[f] === undefined ? "" : String(v[f]))).join("\t")}`;
  const nWbs = Math.ceil(n / 50);
  const lines = [
    "ERMHDR\t20.12\t2025-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tUSD",
    "%T\tCURRTYPE",
    "%F\tcurr_id\tdecimal_digit_cnt\tcurr_symbol\tdecimal_symbol\tdigit_group_symbol\tpos_curr_fmt_type\tneg_curr_fmt_type\tcurr_type\tcurr_short_name\tgroup_digit_cnt\tbase_exch_rate",
    "%R\t1\t2\t$\t.\t,\t#1.1\t(#1.1)\tUS Dollar\tUSD\t3\t1",
    "%T\tPROJECT",
    "%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date\tplan_end_date\tlast_recalc_date\tcritical_path_type\tcritical_drtn_hr_cnt\tdef_duration_type\tguid",
    `%R\t1\tGEN\t1\t2025-01-06 08:00\t\t${date(Math.floor(n / 200), 8)}\tCT_TotFloat\t0\tDT_FixedDUR2\t${guid()}`,
    "%T\tCALENDAR",
    "%F\tclndr_id\tdefault_flag\tclndr_name\tproj_id\tbase_clndr_id\tlast_chng_date\tclndr_type\tday_hr_cnt\tweek_hr_cnt\tmonth_hr_cnt\tyear_hr_cnt\trsrc_private\tclndr_data",
    "%R\t1\tY\tStandard 5 Day Workweek\t\t\t2025-01-01 00:00\tCA_Base\t8\t40\t172\t2000\tN\t(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(s|08:00|f|16:00)())))(0||3()((0||0(s|08:00|f|16:00)())))(0||4()((0||0(s|08:00|f|16:00)())))(0||5()((0||0(s|08:00|f|16:00)())))(0||6()((0||0(s|08:00|f|16:00)())))(0||7()())))(0||Exceptions()())))",
    "%T\tSCHEDOPTIONS",
    "%F\tschedoptions_id\tproj_id\tsched_outer_depend_type\tsched_open_critical_flag\tsched_lag_early_start_flag\tsched_retained_logic\tsched_setplantoforecast\tsched_float_type\tsched_calendar_on_relationship_lag\tsched_use_expect_end_flag\tsched_progress_override\tlevel_float_thrs_cnt\tlevel_outer_assign_flag\tlevel_outer_assign_priority\tlevel_over_alloc_pct\tlevel_within_float_flag\tlevel_keep_sched_date_flag\tlevel_all_rsrc_flag\tsched_use_project_end_date_for_float\tenable_multiple_longest_path_calc\tlimit_multiple_longest_path_calc\tmax_multiple_longest_path\tuse_total_float_multiple_longest_paths\tkey_activity_for_multiple_longest_paths\tLevelPriorityList",
    "%R\t1\t1\tSD_Both\tN\tY\tY\tN\tFT_FF\trcal_Predecessor\tN\tN\t0\tY\t5\t25\tN\tY\tY\tY\tN\tN\t10\tY\t\tpriority_type,ASC",
    "%T\tRSRC",
    "%F\trsrc_id\tparent_rsrc_id\tclndr_id\trole_id\tshift_id\tuser_id\tpobs_id\tguid\trsrc_seq_num\temail_addr\temployee_code\toffice_phone\tother_phone\trsrc_name\trsrc_short_name\trsrc_title_name\tdef_qty_per_hr\tcost_qty_type\tot_factor\tactive_flag\tauto_compute_act_flag\tdef_cost_qty_link_flag\tot_flag\tcurr_id\tunit_id\trsrc_type\tlocation_id\trsrc_notes\tload_tasks_flag\tlevel_flag\tlast_checksum",
  ];
  for (let r = 1; r <= 50; r++)
    lines.push(
      `%R\t${r}\t\t1\t\t\t\t\t${guid()}\t${r}\tperson${r}@example.com\tE${r}\t\t\tPerson ${r}\tP${r}\tEngineer\t1\tQT_Hour\t0\tY\tN\tY\tN\t1\t\tRT_Labor\t\t\tY\tY\t`,
    );
  lines.push(
    "%T\tPROJWBS",
    "%F\twbs_id\tproj_id\tobs_id\tseq_num\test_wt\tproj_node_flag\tsum_data_flag\tstatus_code\twbs_short_name\twbs_name\tphase_id\tparent_wbs_id\tev_user_pct\tev_etc_user_value\torig_cost\tindep_remain_total_cost\tann_dscnt_rate_pct\tdscnt_period_type\tindep_remain_work_qty\tanticip_start_date\tanticip_end_date\tev_compute_type\tev_etc_compute_type\tguid\ttmpl_guid\tplan_open_state",
    `%R\t1\t1\t1\t0\t1\tY\tN\tWS_Open\tGEN\tGenerated project\t\t\t6\t0.88\t0\t0\t\t\t0\t\t\tEC_Cmp_pct\tEE_Rem_hr\t${guid()}\t\t`,
  );
  for (let w = 1; w <= nWbs; w++)
    lines.push(
      `%R\t${w + 1}\t1\t1\t${w}\t1\tN\tN\tWS_Open\tW${w}\tWork package ${w}\t\t1\t6\t0.88\t0\t0\t\t\t0\t\t\tEC_Cmp_pct\tEE_Rem_hr\t${guid()}\t\t`,
    );
  lines.push("%T\tTASK", `%F\t${P6_TASK_FIELDS.join("\t")}`);
  const done = Math.floor(n / 5);
  const active = Math.floor(n / 20);
  for (let i = 1; i <= n; i++) {
    const startDay = Math.floor(i / 200);
    const dur = 8 * (1 + Math.floor(rnd() * 10));
    const endDay = startDay + dur / 8 - 1;
    const float = i % 7 === 0 ? 0 : 8 * Math.floor(rnd() * 20);
    const status = i <= done ? "TK_Complete" : i <= done + active ? "TK_Active" : "TK_NotStart";
    const remain = status === "TK_Complete" ? 0 : status === "TK_Active" ? dur / 2 : dur;
    const created = date(0, 9);
    lines.push(
      row(P6_TASK_FIELDS, {
        task_id: 100_000 + i,
        proj_id: 1,
        wbs_id: 2 + Math.floor((i - 1) / 50),
        clndr_id: 1,
        phys_complete_pct: status === "TK_Complete" ? 100 : status === "TK_Active" ? 50 : 0,
        rev_fdbk_flag: "N",
        est_wt: 1,
        lock_plan_flag: "N",
        auto_compute_act_flag: "N",
        complete_pct_type: "CP_Drtn",
        task_type: "TT_Task",
        duration_type: "DT_FixedDUR2",
        status_code: status,
        task_code: `A${10_000 + i * 10}`,
        task_name: `Activity ${i} of work package ${1 + Math.floor((i - 1) / 50)}`,
        total_float_hr_cnt: float,
        free_float_hr_cnt: i % 3 === 0 ? float : 0,
        remain_drtn_hr_cnt: remain,
        act_work_qty: 0,
        remain_work_qty: 0,
        target_work_qty: 0,
        target_drtn_hr_cnt: dur,
        target_equip_qty: 0,
        act_equip_qty: 0,
        remain_equip_qty: 0,
        ...(status !== "TK_NotStart" ? { act_start_date: date(startDay, 8) } : {}),
        ...(status === "TK_Complete" ? { act_end_date: date(endDay, 16) } : {}),
        late_start_date: date(startDay + float / 8, 8),
        late_end_date: date(endDay + float / 8, 16),
        early_start_date: date(startDay, 8),
        early_end_date: date(endDay, 16),
        ...(status === "TK_Active"
          ? { restart_date: date(startDay + dur / 16, 8), reend_date: date(endDay, 16) }
          : {}),
        target_start_date: date(startDay, 8),
        target_end_date: date(endDay, 16),
        rem_late_start_date: status === "TK_Complete" ? "" : date(startDay + float / 8, 8),
        rem_late_end_date: status === "TK_Complete" ? "" : date(endDay + float / 8, 16),
        priority_type: "PT_Normal",
        float_path: "",
        guid: guid(),
        driving_path_flag: float === 0 ? "Y" : "N",
        act_this_per_work_qty: 0,
        act_this_per_equip_qty: 0,
        create_date: created,
        update_date: created,
        create_user: "admin",
        update_user: "admin",
      }),
    );
  }
  lines.push("%T\tTASKPRED", `%F\t${P6_PRED_FIELDS.join("\t")}`);
  for (let i = 2; i <= n; i++)
    lines.push(
      row(P6_PRED_FIELDS, {
        task_pred_id: 500_000 + i,
        task_id: 100_000 + i,
        pred_task_id: 100_000 + i - 1,
        proj_id: 1,
        pred_proj_id: 1,
        pred_type: i % 10 === 0 ? "PR_SS" : "PR_FS",
        lag_hr_cnt: i % 10 === 0 ? 8 : 0,
        float_path: "",
        aref: date(0, 8),
        arls: date(0, 8),
      }),
    );
  lines.push("%T\tTASKRSRC", `%F\t${P6_TASKRSRC_FIELDS.join("\t")}`);
  for (let i = 1; i <= n; i += 2)
    lines.push(
      row(P6_TASKRSRC_FIELDS, {
        taskrsrc_id: 800_000 + i,
        task_id: 100_000 + i,
        proj_id: 1,
        cost_qty_link_flag: "Y",
        rsrc_id: 1 + (i % 50),
        skill_level: 3,
        remain_qty: 40,
        target_qty: 40,
        remain_qty_per_hr: 1,
        target_lag_drtn_hr_cnt: 0,
        target_qty_per_hr: 1,
        act_ot_qty: 0,
        act_reg_qty: 0,
        relag_drtn_hr_cnt: 0,
        ot_factor: 1,
        cost_per_qty: 85,
        target_cost: 3400,
        act_reg_cost: 0,
        act_ot_cost: 0,
        remain_cost: 3400,
        target_start_date: date(Math.floor(i / 200), 8),
        target_end_date: date(Math.floor(i / 200) + 4, 16),
        rem_late_start_date: date(Math.floor(i / 200), 8),
        rem_late_end_date: date(Math.floor(i / 200) + 4, 16),
        rollup_dates_flag: "Y",
        ts_pend_act_end_flag: "N",
        guid: guid(),
        rate_type: "COST_PER_QTY",
        rsrc_type: "RT_Labor",
        cost_per_qty_source_type: "ST_Rsrc",
        create_user: "admin",
        create_date: date(0, 9),
        has_rsrchours: "N",
      }),
    );
  lines.push("%E", "");
  return lines.join("\r\n");
}

/**
 * A 100,000-task file shaped like what MS Project itself saves as XML: the ~70 task fields it
 * writes for every task (work, cost, variance, earned value and leveling fields included), one
 * baseline per task, predecessor links, 50 resources and one assignment per two tasks with MS
 * Project's assignment fields (no timephased data). Values are synthetic but consistent.
 */
export function generateMspdiMsProject(n: number): string {
  const day0 = Date.UTC(2025, 2, 3);
  const at = (workday: number, hour: number): string => {
    const d = new Date(day0 + (Math.floor(workday / 5) * 7 + (workday % 5)) * 86_400_000);
    return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00:00`;
  };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Project xmlns="http://schemas.microsoft.com/project">',
    "\t<SaveVersion>14</SaveVersion><Name>generated.xml</Name><Title>Generated</Title><ScheduleFromStart>1</ScheduleFromStart>",
    `\t<StartDate>${at(0, 8)}</StartDate><FinishDate>${at(Math.floor(n / 100) + 20, 17)}</FinishDate><FYStartDate>1</FYStartDate>`,
    "\t<CriticalSlackLimit>0</CriticalSlackLimit><CurrencyDigits>2</CurrencyDigits><CurrencySymbol>$</CurrencySymbol><CurrencyCode>USD</CurrencyCode>",
    "\t<CurrencySymbolPosition>0</CurrencySymbolPosition><CalendarUID>1</CalendarUID><DefaultStartTime>08:00:00</DefaultStartTime><DefaultFinishTime>17:00:00</DefaultFinishTime>",
    "\t<MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><DaysPerMonth>20</DaysPerMonth><DefaultTaskType>0</DefaultTaskType>",
    "\t<DefaultFixedCostAccrual>3</DefaultFixedCostAccrual><DefaultStandardRate>0</DefaultStandardRate><DefaultOvertimeRate>0</DefaultOvertimeRate>",
    "\t<DurationFormat>7</DurationFormat><WorkFormat>2</WorkFormat><EditableActualCosts>0</EditableActualCosts><HonorConstraints>0</HonorConstraints>",
    "\t<InsertedProjectsLikeSummary>1</InsertedProjectsLikeSummary><MultipleCriticalPaths>0</MultipleCriticalPaths><NewTasksEffortDriven>1</NewTasksEffortDriven>",
    "\t<NewTasksEstimated>1</NewTasksEstimated><SplitsInProgressTasks>1</SplitsInProgressTasks><SpreadActualCost>0</SpreadActualCost><SpreadPercentComplete>0</SpreadPercentComplete>",
    "\t<TaskUpdatesResource>1</TaskUpdatesResource><FiscalYearStart>0</FiscalYearStart><WeekStartDay>0</WeekStartDay><MoveCompletedEndsBack>0</MoveCompletedEndsBack>",
    "\t<MoveRemainingStartsBack>0</MoveRemainingStartsBack><MoveRemainingStartsForward>0</MoveRemainingStartsForward><MoveCompletedEndsForward>0</MoveCompletedEndsForward>",
    "\t<BaselineForEarnedValue>0</BaselineForEarnedValue><AutoAddNewResourcesAndTasks>1</AutoAddNewResourcesAndTasks><CurrentDate>2025-03-03T08:00:00</CurrentDate>",
    "\t<MicrosoftProjectServerURL>1</MicrosoftProjectServerURL><Autolink>0</Autolink><NewTaskStartDate>0</NewTaskStartDate><DefaultTaskEVMethod>0</DefaultTaskEVMethod>",
    "\t<ProjectExternallyEdited>0</ProjectExternallyEdited><ExtendedCreationDate>1984-01-01T00:00:00</ExtendedCreationDate><ActualsInSync>0</ActualsInSync>",
    "\t<RemoveFileProperties>0</RemoveFileProperties><AdminProject>0</AdminProject><UpdateManuallyScheduledTasksWhenEditingLinks>1</UpdateManuallyScheduledTasksWhenEditingLinks>",
    "\t<KeepTaskOnNearestWorkingTimeWhenMadeAutoScheduled>0</KeepTaskOnNearestWorkingTimeWhenMadeAutoScheduled>",
    "\t<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><IsBaselineCalendar>0</IsBaselineCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>",
    "\t\t<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>",
  ];
  for (let d = 2; d <= 6; d++)
    out.push(
      `\t\t<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>`,
    );
  out.push(
    "\t\t<WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>",
    "\t</WeekDays></Calendar></Calendars>",
    "\t<Tasks>",
  );
  const created = "2025-02-20T09:00:00";
  for (let uid = 1; uid <= n; uid++) {
    const summary = uid % 50 === 1;
    const k = Math.floor((uid - 1) / 50);
    const startDay = summary ? k : k + ((uid % 50) % 5);
    const days = summary ? 9 : 1 + (uid % 4);
    const hours = days * 8;
    const slack = uid % 7 === 0 ? 0 : 4800 * (uid % 3);
    const work = summary ? hours * 20 : uid % 2 === 1 ? hours : 0;
    const cost = work * 85;
    const t = [
      `<UID>${uid}</UID>`,
      `<ID>${uid}</ID>`,
      `<Name>${summary ? `Work package ${k + 1}` : `Task ${uid} of package ${k + 1}`}</Name>`,
      "<Type>0</Type>",
      "<IsNull>0</IsNull>",
      `<CreateDate>${created}</CreateDate>`,
      `<WBS>${summary ? `${k + 1}` : `${k + 1}.${uid - k * 50 - 1}`}</WBS>`,
      `<OutlineNumber>${summary ? `${k + 1}` : `${k + 1}.${uid - k * 50 - 1}`}</OutlineNumber>`,
      `<OutlineLevel>${summary ? 1 : 2}</OutlineLevel>`,
      "<Priority>500</Priority>",
      `<Start>${at(startDay, 8)}</Start>`,
      `<Finish>${at(startDay + days - 1, 17)}</Finish>`,
      `<Duration>PT${hours}H0M0S</Duration>`,
      "<DurationFormat>7</DurationFormat>",
      `<Work>PT${work}H0M0S</Work>`,
      "<ResumeValid>0</ResumeValid>",
      "<EffortDriven>1</EffortDriven>",
      "<Recurring>0</Recurring>",
      "<OverAllocated>0</OverAllocated>",
      "<Estimated>0</Estimated>",
      "<Milestone>0</Milestone>",
      `<Summary>${summary ? 1 : 0}</Summary>`,
      `<Critical>${slack === 0 ? 1 : 0}</Critical>`,
      "<IsSubproject>0</IsSubproject>",
      "<IsSubprojectReadOnly>0</IsSubprojectReadOnly>",
      "<ExternalTask>0</ExternalTask>",
      `<EarlyStart>${at(startDay, 8)}</EarlyStart>`,
      `<EarlyFinish>${at(startDay + days - 1, 17)}</EarlyFinish>`,
      `<LateStart>${at(startDay + slack / 4800, 8)}</LateStart>`,
      `<LateFinish>${at(startDay + days - 1 + slack / 4800, 17)}</LateFinish>`,
      "<StartVariance>0</StartVariance>",
      "<FinishVariance>0</FinishVariance>",
      "<WorkVariance>0.00</WorkVariance>",
      `<FreeSlack>${uid % 3 === 0 ? slack : 0}</FreeSlack>`,
      `<TotalSlack>${slack}</TotalSlack>`,
      "<FixedCost>0</FixedCost>",
      "<FixedCostAccrual>3</FixedCostAccrual>",
      "<PercentComplete>0</PercentComplete>",
      "<PercentWorkComplete>0</PercentWorkComplete>",
      `<Cost>${cost * 100}</Cost>`,
      "<OvertimeCost>0</OvertimeCost>",
      "<OvertimeWork>PT0H0M0S</OvertimeWork>",
      "<ActualDuration>PT0H0M0S</ActualDuration>",
      "<ActualCost>0</ActualCost>",
      "<ActualOvertimeCost>0</ActualOvertimeCost>",
      "<ActualWork>PT0H0M0S</ActualWork>",
      "<ActualOvertimeWork>PT0H0M0S</ActualOvertimeWork>",
      `<RegularWork>PT${work}H0M0S</RegularWork>`,
      `<RemainingDuration>PT${hours}H0M0S</RemainingDuration>`,
      `<RemainingCost>${cost * 100}</RemainingCost>`,
      `<RemainingWork>PT${work}H0M0S</RemainingWork>`,
      "<RemainingOvertimeCost>0</RemainingOvertimeCost>",
      "<RemainingOvertimeWork>PT0H0M0S</RemainingOvertimeWork>",
      "<ACWP>0.00</ACWP>",
      "<CV>0.00</CV>",
      "<ConstraintType>0</ConstraintType>",
      "<CalendarUID>-1</CalendarUID>",
      "<LevelAssignments>1</LevelAssignments>",
      "<LevelingCanSplit>1</LevelingCanSplit>",
      "<LevelingDelay>0</LevelingDelay>",
      "<LevelingDelayFormat>8</LevelingDelayFormat>",
      "<IgnoreResourceCalendar>0</IgnoreResourceCalendar>",
      "<HideBar>0</HideBar>",
      "<Rollup>0</Rollup>",
      "<BCWS>0.00</BCWS>",
      "<BCWP>0.00</BCWP>",
      "<PhysicalPercentComplete>0</PhysicalPercentComplete>",
      "<EarnedValueMethod>0</EarnedValueMethod>",
    ];
    if (!summary && uid % 50 !== 2)
      t.push(
        `<PredecessorLink><PredecessorUID>${uid - 1}</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>`,
      );
    t.push(
      "<IsPublished>1</IsPublished>",
      "<CommitmentType>0</CommitmentType>",
      `<Baseline><Number>0</Number><Interim>0</Interim><Start>${at(startDay, 8)}</Start><Finish>${at(startDay + days - 1, 17)}</Finish><Duration>PT${hours}H0M0S</Duration><DurationFormat>7</DurationFormat><EstimatedDuration>0</EstimatedDuration><Work>PT${work}H0M0S</Work><Cost>${cost * 100}</Cost><BCWS>0.00</BCWS><BCWP>0.00</BCWP></Baseline>`,
    );
    out.push(`\t\t<Task>\n\t\t\t${t.join("\n\t\t\t")}\n\t\t</Task>`);
  }
  out.push("\t</Tasks>", "\t<Resources>");
  for (let r = 1; r <= 50; r++)
    out.push(
      `\t\t<Resource><UID>${r}</UID><ID>${r}</ID><Name>Person ${r}</Name><Type>1</Type><IsNull>0</IsNull><Initials>P${r}</Initials><WorkGroup>0</WorkGroup><MaxUnits>1.00</MaxUnits><PeakUnits>1.00</PeakUnits><OverAllocated>0</OverAllocated><CanLevel>1</CanLevel><AccrueAt>3</AccrueAt><Work>PT0H0M0S</Work><RegularWork>PT0H0M0S</RegularWork><OvertimeWork>PT0H0M0S</OvertimeWork><ActualWork>PT0H0M0S</ActualWork><RemainingWork>PT0H0M0S</RemainingWork><ActualOvertimeWork>PT0H0M0S</ActualOvertimeWork><RemainingOvertimeWork>PT0H0M0S</RemainingOvertimeWork><PercentWorkComplete>0</PercentWorkComplete><StandardRate>85</StandardRate><StandardRateFormat>2</StandardRateFormat><Cost>0</Cost><OvertimeRate>0</OvertimeRate><OvertimeRateFormat>2</OvertimeRateFormat><OvertimeCost>0</OvertimeCost><CostPerUse>0</CostPerUse><ActualCost>0</ActualCost><ActualOvertimeCost>0</ActualOvertimeCost><RemainingCost>0</RemainingCost><RemainingOvertimeCost>0</RemainingOvertimeCost><WorkVariance>0.00</WorkVariance><CostVariance>0</CostVariance><SV>0.00</SV><CV>0.00</CV><ACWP>0.00</ACWP><CalendarUID>1</CalendarUID><BCWS>0.00</BCWS><BCWP>0.00</BCWP><IsGeneric>0</IsGeneric><IsInactive>0</IsInactive><IsEnterprise>0</IsEnterprise><BookingType>0</BookingType><CreationDate>${created}</CreationDate><IsCostResource>0</IsCostResource><IsBudget>0</IsBudget></Resource>`,
    );
  out.push("\t</Resources>", "\t<Assignments>");
  let a = 0;
  for (let uid = 2; uid <= n; uid += 2) {
    if (uid % 50 === 1) continue;
    const k = Math.floor((uid - 1) / 50);
    const startDay = k + ((uid % 50) % 5);
    const hours = (1 + (uid % 4)) * 8;
    out.push(
      `\t\t<Assignment><UID>${++a}</UID><TaskUID>${uid}</TaskUID><ResourceUID>${1 + (uid % 50)}</ResourceUID><PercentWorkComplete>0</PercentWorkComplete><ActualCost>0</ActualCost><ActualOvertimeCost>0</ActualOvertimeCost><ActualOvertimeWork>PT0H0M0S</ActualOvertimeWork><ActualWork>PT0H0M0S</ActualWork><ACWP>0.00</ACWP><Confirmed>0</Confirmed><Cost>${hours * 8500}</Cost><CostRateTable>0</CostRateTable><RateScale>0</RateScale><CostVariance>0</CostVariance><CV>0.00</CV><Delay>0</Delay><Finish>${at(startDay + hours / 8 - 1, 17)}</Finish><FinishVariance>0</FinishVariance><WorkVariance>0.00</WorkVariance><HasFixedRateUnits>1</HasFixedRateUnits><FixedMaterial>0</FixedMaterial><LevelingDelay>0</LevelingDelay><LevelingDelayFormat>7</LevelingDelayFormat><LinkedFields>0</LinkedFields><Milestone>0</Milestone><Overallocated>0</Overallocated><OvertimeCost>0</OvertimeCost><OvertimeWork>PT0H0M0S</OvertimeWork><RegularWork>PT${hours}H0M0S</RegularWork><RemainingCost>${hours * 8500}</RemainingCost><RemainingOvertimeCost>0</RemainingOvertimeCost><RemainingOvertimeWork>PT0H0M0S</RemainingOvertimeWork><RemainingWork>PT${hours}H0M0S</RemainingWork><ResponsePending>0</ResponsePending><Start>${at(startDay, 8)}</Start><StartVariance>0</StartVariance><Units>1</Units><UpdateNeeded>0</UpdateNeeded><VAC>0.00</VAC><Work>PT${hours}H0M0S</Work><WorkContour>0</WorkContour><BCWS>0.00</BCWS><BCWP>0.00</BCWP><BookingType>0</BookingType><CreationDate>${created}</CreationDate></Assignment>`,
    );
  }
  out.push("\t</Assignments>", "</Project>", "");
  return out.join("\n");
}
