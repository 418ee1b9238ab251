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
