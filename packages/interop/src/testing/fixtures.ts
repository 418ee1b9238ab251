// Small fixtures written for pmokit's own tests (not copied from anywhere).
import type { Project } from "@pmokit/core";
import { parseProject } from "@pmokit/core";

const STD = {
  working: true,
  times: [
    { from: "08:00", to: "12:00" },
    { from: "13:00", to: "17:00" },
  ],
};

/** A small project that exercises most of what the MSPDI writer and reader map. */
export function sampleProject(): Project {
  return parseProject({
    id: "1",
    name: "Fixture & <friends>",
    settings: {
      currency: "EUR",
      defaultCalendarId: "1",
      startDate: "2025-03-03T08:00:00",
      statusDate: "2025-03-10T17:00:00",
      minutesPerDay: 450,
    },
    calendars: [
      {
        id: "1",
        name: "Standard",
        weekDays: {
          sunday: { working: false },
          monday: STD,
          tuesday: STD,
          wednesday: STD,
          thursday: STD,
          friday: STD,
          saturday: { working: false },
        },
        exceptions: [
          { name: "Holiday", from: "2025-04-18", to: "2025-04-21", working: false },
          {
            name: "Xmas",
            from: "2025-12-25",
            to: "2030-12-25",
            working: false,
            recurrence: { type: "yearly", month: 12, day: 25 },
          },
          {
            name: "Board",
            from: "2025-01-01",
            to: "2025-12-31",
            working: false,
            recurrence: { type: "monthly", week: "last", dayOfWeek: "friday", interval: 1, occurrences: 12 },
          },
          {
            name: "Saturday shift",
            from: "2025-05-03",
            to: "2025-05-03",
            working: true,
            times: [{ from: "09:00", to: "13:00" }],
          },
        ],
        workWeeks: [
          {
            name: "Summer",
            from: "2025-07-01",
            to: "2025-08-31",
            weekDays: { friday: { working: true, times: [{ from: "08:00", to: "12:00" }] } },
          },
        ],
      },
      {
        id: "2",
        name: "Night",
        parentId: "1",
        weekDays: { monday: { working: true, times: [{ from: "22:00", to: "24:00" }] } },
      },
    ],
    tasks: [
      { id: "1", name: "Phase 1", outlineLevel: 1, wbs: "1", duration: { value: 10, unit: "days" } },
      {
        id: "2",
        name: "Design",
        parentId: "1",
        outlineLevel: 2,
        duration: { value: 5, unit: "days" },
        priority: 700,
        constraint: { type: "SNET", date: "2025-03-03T08:00:00" },
        deadline: "2025-03-14T17:00:00",
        percentComplete: 40,
        actualStart: "2025-03-03T08:00:00",
        customFields: { Text1: "alpha", Number1: 3.5, Flag1: true, Cost1: "12.5" },
        baselines: [
          {
            number: 0,
            start: "2025-03-03T08:00:00",
            finish: "2025-03-07T17:00:00",
            duration: { value: 5, unit: "days" },
            cost: { amount: "1000.25", currency: "EUR" },
          },
        ],
        reported: {
          earlyStart: "2025-03-03T08:00:00",
          totalSlackMinutes: 0,
          freeSlackMinutes: 0,
          critical: true,
        },
      },
      {
        id: "3",
        name: "Build",
        parentId: "1",
        outlineLevel: 2,
        duration: { value: 2.5, unit: "weeks" },
        calendarId: "2",
        manual: true,
        type: "fixedWork",
        effortDriven: true,
        fixedCost: { amount: "99.99", currency: "EUR" },
        fixedCostAccrual: "end",
        notes: "line 1\nline 2",
      },
      {
        id: "4",
        name: "Wait",
        outlineLevel: 1,
        duration: { value: 3, unit: "elapsedDays" },
        inactive: true,
        constraint: { type: "MFO", date: "2025-04-30T17:00:00" },
        levelingDelay: { value: 2, unit: "hours" },
      },
      { id: "5", name: "Done", outlineLevel: 1, duration: { value: 0, unit: "days" }, milestone: true },
    ],
    dependencies: [
      { from: "2", to: "3", type: "FS", lag: { value: 1.5, unit: "days" } },
      { from: "3", to: "4", type: "SS", lag: { value: 50, unit: "percent" } },
      { from: "2", to: "4", type: "FF", lag: { value: -4, unit: "elapsedHours" } },
      { from: "4", to: "5", type: "SF", lag: { value: 1, unit: "weeks" } },
    ],
    resources: [
      {
        id: "1",
        name: "Ann",
        maxUnits: 0.5,
        email: "ann@example.com",
        group: "Dev",
        costRateTables: {
          A: [
            {
              standardRate: { amount: "50", currency: "EUR" },
              overtimeRate: { amount: "75", currency: "EUR" },
            },
            { effectiveFrom: "2025-06-01T00:00:00", standardRate: { amount: "55", currency: "EUR" } },
          ],
          B: [
            {
              standardRate: { amount: "40", currency: "EUR" },
              costPerUse: { amount: "15", currency: "EUR" },
            },
          ],
        },
        availability: [{ from: "2025-03-01T08:00:00", to: "2025-06-30T17:00:00", units: 0.5 }],
        calendarId: "2",
      },
      { id: "2", name: "Concrete", type: "material", materialLabel: "t" },
      { id: "3", name: "Travel", type: "cost" },
    ],
    assignments: [
      {
        id: "1",
        taskId: "2",
        resourceId: "1",
        units: 0.5,
        work: 1200,
        actualWork: 480,
        remainingWork: 720,
        contour: "bell",
        costRateTable: "B",
      },
      { id: "2", taskId: "3", resourceId: "2", units: 3 },
    ],
  });
}

/** An MSPDI document in the pre-2007 form (legacy WeekDay exceptions), hand-written. */
export const LEGACY_MSPDI = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>9</SaveVersion>
  <Name>legacy</Name>
  <StartDate>2024-01-08T08:00:00</StartDate>
  <CalendarUID>1</CalendarUID>
  <Calendars>
    <Calendar>
      <UID>1</UID><Name>Std</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>
      <WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>16:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
        <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2024-01-15T00:00:00</FromDate><ToDate>2024-01-16T23:59:00</ToDate></TimePeriod></WeekDay>
      </WeekDays>
    </Calendar>
  </Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>legacy</Name><OutlineLevel>0</OutlineLevel></Task>
    <Task><UID>7</UID><ID>1</ID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration><DurationFormat>7</DurationFormat><Hyperlink>x</Hyperlink><Bogus>1</Bogus></Task>
    <Task><UID>8</UID><ID>2</ID><Name>B</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><DurationFormat>39</DurationFormat>
      <PredecessorLink><PredecessorUID>7</PredecessorUID><Type>1</Type><LinkLag>14400</LinkLag><LagFormat>8</LagFormat></PredecessorLink>
      <PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink>
    </Task>
  </Tasks>
</Project>`;

/** A small XER export with one project, WBS, three activity types and an external link. */
export const MINI_XER = [
  "ERMHDR\t20.12\t2025-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tEUR",
  "%T\tPROJECT",
  "%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date\tlast_recalc_date\tcritical_drtn_hr_cnt\tcritical_path_type",
  "%R\t1\tP1\t10\t2025-01-06 08:00\t2025-01-08 08:00\t0\tCT_TotFloat",
  "%T\tCALENDAR",
  "%F\tclndr_id\tdefault_flag\tclndr_name\tproj_id\tbase_clndr_id\tday_hr_cnt\tweek_hr_cnt\tmonth_hr_cnt\tclndr_data",
  "%R\t10\tY\tStd\t\t\t8\t40\t172\t(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(s|08:00|f|16:00)())))))(0||Exceptions()((0||0(d|45663)())))))",
  "%T\tPROJWBS",
  "%F\twbs_id\tproj_id\tparent_wbs_id\twbs_short_name\twbs_name\tproj_node_flag\tseq_num",
  "%R\t100\t1\t\tP1\tMy project\tY\t0",
  "%R\t101\t1\t100\tA\tPhase A\tN\t1",
  "%T\tTASK",
  "%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_code\ttask_name\ttask_type\tstatus_code\ttarget_drtn_hr_cnt\tremain_drtn_hr_cnt\tcstr_type\tcstr_date\tcstr_type2\tcstr_date2\tearly_start_date\tearly_end_date\tlate_start_date\tlate_end_date\ttotal_float_hr_cnt\tfree_float_hr_cnt",
  "%R\t1000\t1\t101\t10\tA10\tDig\tTT_Task\tTK_Active\t16\t8\tCS_MSOA\t2025-01-06 08:00\tCS_MEOB\t2025-01-31 16:00\t2025-01-06 08:00\t2025-01-07 16:00\t2025-01-08 08:00\t2025-01-09 16:00\t16\t0",
  "%R\t1001\t1\t101\t10\tA20\tDone\tTT_FinMile\tTK_NotStart\t0\t0\t\t\t\t\t2025-01-07 16:00\t2025-01-07 16:00\t2025-01-09 16:00\t2025-01-09 16:00\t16\t16",
  "%R\t1002\t1\t100\t10\tL1\tSupport\tTT_LOE\tTK_NotStart\t8\t8\t\t\t\t\t\t\t\t\t\t",
  "%T\tTASKPRED",
  "%F\ttask_pred_id\ttask_id\tpred_task_id\tproj_id\tpred_proj_id\tpred_type\tlag_hr_cnt",
  "%R\t1\t1001\t1000\t1\t1\tPR_SS\t-4",
  "%R\t2\t1001\t9999\t1\t7\tPR_FS\t0",
  "%T\tTHING",
  "%F\tx",
  "%R\t1",
  "%E",
  "",
].join("\r\n");

/** A small P6 XML document, hand-written. */
export const MINI_PMXML = `<?xml version="1.0" encoding="UTF-8"?>
<APIBusinessObjects xmlns="http://xmlns.oracle.com/Primavera/P6/V20.12/API/BusinessObjects">
  <Currency><Id>EUR</Id></Currency>
  <Calendar><ObjectId>1</ObjectId><Name>Std</Name><HoursPerDay>8</HoursPerDay><IsDefault>1</IsDefault>
    <StandardWorkWeek>
      <StandardWorkHours><DayOfWeek>Monday</DayOfWeek><WorkTime><Start>08:00:00</Start><Finish>11:59:00</Finish></WorkTime><WorkTime><Start>13:00:00</Start><Finish>16:59:00</Finish></WorkTime></StandardWorkHours>
      <StandardWorkHours><DayOfWeek>Sunday</DayOfWeek><WorkTime/></StandardWorkHours>
    </StandardWorkWeek>
    <HolidayOrExceptions><HolidayOrException><Date>2025-01-01T00:00:00</Date><WorkTime/></HolidayOrException></HolidayOrExceptions>
  </Calendar>
  <Resource><ObjectId>5</ObjectId><Id>R1</Id><Name>Crew</Name><ResourceType>Labor</ResourceType><CalendarObjectId>1</CalendarObjectId></Resource>
  <Project><ObjectId>9</ObjectId><Id>PX</Id><Name>Pmxml fixture</Name><DataDate>2025-01-06T08:00:00</DataDate><PlannedStartDate>2025-01-06T08:00:00</PlannedStartDate><ActivityDefaultCalendarObjectId>1</ActivityDefaultCalendarObjectId>
    <WBS><ObjectId>20</ObjectId><Code>W</Code><Name>Work</Name><ParentObjectId></ParentObjectId><SequenceNumber>1</SequenceNumber></WBS>
    <Activity><ObjectId>100</ObjectId><Id>A1</Id><Name>One</Name><Type>Task Dependent</Type><WBSObjectId>20</WBSObjectId><PlannedDuration>16</PlannedDuration><RemainingDuration>16</RemainingDuration><PrimaryConstraintType>Start On or After</PrimaryConstraintType><PrimaryConstraintDate>2025-01-06T08:00:00</PrimaryConstraintDate><EarlyStartDate>2025-01-06T08:00:00</EarlyStartDate><TotalFloat>0</TotalFloat><IsCritical>1</IsCritical></Activity>
    <Activity><ObjectId>101</ObjectId><Id>A2</Id><Name>Two</Name><Type>Finish Milestone</Type><WBSObjectId>20</WBSObjectId><PlannedDuration>0</PlannedDuration></Activity>
    <Relationship><ObjectId>1</ObjectId><PredecessorActivityObjectId>100</PredecessorActivityObjectId><SuccessorActivityObjectId>101</SuccessorActivityObjectId><Type>Finish to Start</Type><Lag>8</Lag></Relationship>
    <ResourceAssignment><ObjectId>7</ObjectId><ActivityObjectId>100</ActivityObjectId><ResourceObjectId>5</ResourceObjectId><PlannedUnits>16</PlannedUnits></ResourceAssignment>
  </Project>
</APIBusinessObjects>
`;
