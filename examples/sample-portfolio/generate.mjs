// Generates examples/sample-portfolio/portfolio.json: the bundled sample portfolio of a fictional
// company (ACME Logistics), written by the pmokit authors. Deterministic (seeded); run
// `node examples/sample-portfolio/generate.mjs` to regenerate after changing this script.
//
// 8 projects in 3 programs, ~300 tasks with WBS phases, all four link types with lags and leads,
// cross-project links, a shared pool of 25 resources with derived calendars (vacations, part time,
// a 24x7 operations calendar), holidays (fixed ones recurring yearly), baselines, progress up to the
// status date, costs, and risks.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

let seed = 20261125;
function rand() {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

// Progress and actuals draw from a second seeded stream, so that tuning them leaves the plan (tasks,
// links, resources, baselines, risks) of every project unchanged.
let progressSeed = 20261126;
function progressRand() {
  progressSeed = (progressSeed + 0x6d2b79f5) | 0;
  let t = Math.imul(progressSeed ^ (progressSeed >>> 15), 1 | progressSeed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pint = (lo, hi) => lo + Math.floor(progressRand() * (hi - lo + 1));

// Performance profile per project: the share of tasks that finish late, their mean slip in working
// days (the others finish on time or up to 2 days early), a drift that accumulates over the project
// (share of the elapsed calendar days by which later tasks start and finish late, as delays propagate
// down the logic), and the mean cost overrun of the work in percent (each assignment scatters ±6 points
// around it). A believable status spread: most projects near plan, one late and over budget, two
// drifting on time or cost, one slightly ahead.
const PROGRESS = {
  ERP: { late: 0.6, slip: 6, drift: 0.1, overrun: 30 },
  DWH: { late: 0.1, slip: 2, drift: 0, overrun: 2 },
  PORTAL: { late: 0.35, slip: 4, drift: 0.06, overrun: 9 },
  MOBILE: { late: 0.05, slip: 1, drift: 0, overrun: 0 },
  SEC: { late: 0.1, slip: 2, drift: 0, overrun: 3 },
  CSRD: { late: 0.25, slip: 3, drift: 0.02, overrun: 16 },
  OFFICE: { late: 0.05, slip: 1, drift: 0, overrun: -1 },
  AI: { late: 0.1, slip: 2, drift: -0.01, overrun: 5 },
};

const STATUS_DATE = "2026-11-20";
const day = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
const iso = (d) => new Date(d * 86400000).toISOString().slice(0, 10);
const dow = (d) => (((d + 4) % 7) + 7) % 7;

// ---------------------------------------------------------------- calendars
const fixedHolidays = [
  ["New Year's Day", 1, 1],
  ["Labour Day", 5, 1],
  ["Day of German Unity", 10, 3],
  ["Christmas Eve", 12, 24],
  ["Christmas Day", 12, 25],
  ["Boxing Day", 12, 26],
  ["New Year's Eve", 12, 31],
];
const movableHolidays = [
  ["Good Friday", "2026-04-03"],
  ["Easter Monday", "2026-04-06"],
  ["Ascension Day", "2026-05-14"],
  ["Whit Monday", "2026-05-25"],
  ["Good Friday", "2027-03-26"],
  ["Easter Monday", "2027-03-29"],
  ["Ascension Day", "2027-05-06"],
  ["Whit Monday", "2027-05-17"],
];
const office = [
  { from: "08:00", to: "12:00" },
  { from: "13:00", to: "17:00" },
];
const workday = { working: true, times: office };
const off = { working: false };
const standard = {
  id: "standard",
  name: "Standard (ACME head office)",
  weekDays: {
    sunday: off,
    monday: workday,
    tuesday: workday,
    wednesday: workday,
    thursday: workday,
    friday: workday,
    saturday: off,
  },
  workWeeks: [
    {
      name: "Summer hours (Fridays until noon)",
      from: "2026-07-06",
      to: "2026-08-28",
      weekDays: { friday: { working: true, times: [{ from: "08:00", to: "12:00" }] } },
    },
  ],
  exceptions: [
    ...fixedHolidays.map(([name, m, d]) => ({
      name,
      from: `2026-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      to: `2026-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      working: false,
      recurrence: { type: "yearly", interval: 1, month: m, day: d, occurrences: 5 },
    })),
    ...movableHolidays.map(([name, date]) => ({ name, from: date, to: date, working: false })),
    {
      name: "Inventory Saturday (working)",
      from: "2026-10-10",
      to: "2026-10-10",
      working: true,
      times: [{ from: "08:00", to: "12:00" }],
    },
  ],
  timeZone: "Europe/Berlin",
};
const partTime = {
  id: "part-time",
  name: "Part time (Mon-Thu mornings)",
  parentId: "standard",
  weekDays: {
    monday: { working: true, times: [{ from: "08:00", to: "12:00" }] },
    tuesday: { working: true, times: [{ from: "08:00", to: "12:00" }] },
    wednesday: { working: true, times: [{ from: "08:00", to: "12:00" }] },
    thursday: { working: true, times: [{ from: "08:00", to: "12:00" }] },
    friday: off,
  },
  workWeeks: [],
  exceptions: [],
};
const ops247 = {
  id: "ops-24x7",
  name: "Operations 24x7 (cut-over windows)",
  weekDays: Object.fromEntries(
    ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].map((d) => [
      d,
      { working: true, times: [{ from: "00:00", to: "24:00" }] },
    ]),
  ),
  workWeeks: [],
  exceptions: [],
};
const calendars = [standard, partTime, ops247];

// ---------------------------------------------------------------- resources (shared pool)
const roles = [
  ["Project manager", 110, 4],
  ["Business analyst", 90, 4],
  ["Solution architect", 130, 2],
  ["Developer", 95, 6],
  ["Data engineer", 100, 3],
  ["Tester", 75, 3],
  ["Security engineer", 120, 2],
  ["Facilities coordinator", 70, 1],
];
const firstNames = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Eva",
  "Felix",
  "Greta",
  "Hannah",
  "Ivan",
  "Jana",
  "Karl",
  "Lena",
  "Milan",
  "Nora",
  "Omar",
  "Paula",
  "Quentin",
  "Rosa",
  "Sven",
  "Tara",
  "Uwe",
  "Vera",
  "Wim",
  "Xenia",
  "Yusuf",
  "Zoe",
];
const lastNames = [
  "Becker",
  "Schmidt",
  "Novak",
  "Rossi",
  "Dubois",
  "Jensen",
  "Kowalski",
  "Silva",
  "Meyer",
  "Costa",
  "Larsen",
  "Weber",
];
const resources = [];
const roleMembers = {};
let rIndex = 0;
for (const [role, rate, count] of roles) {
  roleMembers[role] = [];
  for (let i = 0; i < count; i++) {
    const id = `R${String(++rIndex).padStart(2, "0")}`;
    const name = `${firstNames[rIndex - 1]} ${pick(lastNames)}`;
    const vacationStart = int(day("2026-06-15"), day("2026-08-17"));
    const calId = `cal-${id}`;
    const partTimer = role === "Tester" && i === 2;
    calendars.push({
      id: calId,
      name: `${name} (resource calendar)`,
      parentId: partTimer ? "part-time" : "standard",
      weekDays: {},
      workWeeks: [],
      exceptions: [
        {
          name: "Summer vacation",
          from: iso(vacationStart - dow(vacationStart) + 1),
          to: iso(vacationStart - dow(vacationStart) + 12),
          working: false,
        },
      ],
    });
    const r = {
      id,
      name,
      type: "work",
      maxUnits: partTimer ? 0.5 : 1,
      availability: [],
      costRateTables: {
        A: [
          {
            standardRate: { amount: `${rate}.00`, currency: "EUR" },
            overtimeRate: { amount: `${Math.round(rate * 1.5)}.00`, currency: "EUR" },
          },
          {
            effectiveFrom: "2027-01-01",
            standardRate: { amount: (rate * 1.03).toFixed(2), currency: "EUR" },
            overtimeRate: { amount: (rate * 1.5 * 1.03).toFixed(2), currency: "EUR" },
          },
        ],
      },
      calendarId: calId,
      role,
      skills: [role.toLowerCase().replace(/ /g, "-")],
      group: role === "Facilities coordinator" ? "Facilities" : "IT",
      email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@acme.example`,
      customFields: {},
    };
    if (role === "Developer" && i === 0) {
      // Moves to another department for part of her time from October.
      r.availability = [
        { to: "2026-09-30T17:00:00", units: 1 },
        { from: "2026-10-01T08:00:00", units: 0.5 },
      ];
    }
    resources.push(r);
    roleMembers[role].push(id);
  }
}
// Cost and material resources.
resources.push(
  {
    id: "R-LIC",
    name: "Software licences",
    type: "cost",
    maxUnits: 1,
    availability: [],
    costRateTables: {},
    skills: [],
    customFields: {},
  },
  {
    id: "R-HW",
    name: "Server hardware",
    type: "material",
    maxUnits: 1,
    availability: [],
    materialLabel: "unit",
    costRateTables: { A: [{ standardRate: { amount: "4800.00", currency: "EUR" } }] },
    skills: [],
    customFields: {},
  },
);

// ---------------------------------------------------------------- projects
const phaseTemplates = {
  it: [
    ["Initiation", ["Project charter", "Stakeholder analysis", "Business case review"]],
    [
      "Analysis & design",
      [
        "Current-state analysis",
        "Requirements workshops",
        "Solution architecture",
        "Detailed design",
        "Design review",
      ],
    ],
    [
      "Build",
      [
        "Environment setup",
        "Configuration",
        "Interfaces",
        "Data migration scripts",
        "Reports",
        "Unit testing",
      ],
    ],
    [
      "Test",
      ["Test plan", "System integration test", "Performance test", "User acceptance test", "Defect fixing"],
    ],
    ["Deployment", ["Training", "Cut-over rehearsal", "Cut-over", "Hypercare", "Project closure"]],
  ],
  facilities: [
    ["Initiation", ["Space requirements", "Budget approval", "Lease negotiation"]],
    ["Planning", ["Floor plan design", "Vendor selection", "Move plan", "IT infrastructure plan"]],
    ["Fit-out", ["Construction works", "Furniture delivery", "Network cabling", "Security systems"]],
    ["Move", ["Pack and label", "Move weekend", "IT setup", "Snag list"]],
    ["Closure", ["Old site hand-back", "Lessons learned"]],
  ],
};
const projectDefs = [
  {
    id: "ERP",
    name: "ERP upgrade",
    program: "PRG-CORE",
    priority: 800,
    start: "2026-01-12",
    kind: "it",
    roles: ["Business analyst", "Developer", "Solution architect", "Tester"],
    budget: 1.0,
  },
  {
    id: "DWH",
    name: "Data warehouse modernisation",
    program: "PRG-CORE",
    priority: 700,
    start: "2026-02-02",
    kind: "it",
    roles: ["Data engineer", "Developer", "Tester"],
    budget: 0.8,
  },
  {
    id: "PORTAL",
    name: "Customer self-service portal",
    program: "PRG-CX",
    priority: 650,
    start: "2026-03-02",
    kind: "it",
    roles: ["Business analyst", "Developer", "Tester"],
    budget: 0.7,
  },
  {
    id: "MOBILE",
    name: "Mobile app 2.0",
    program: "PRG-CX",
    priority: 600,
    start: "2026-05-04",
    kind: "it",
    roles: ["Developer", "Tester"],
    budget: 0.5,
  },
  {
    id: "SEC",
    name: "Cybersecurity hardening",
    program: "PRG-RISK",
    priority: 900,
    start: "2026-01-19",
    kind: "it",
    roles: ["Security engineer", "Developer", "Solution architect"],
    budget: 0.6,
  },
  {
    id: "CSRD",
    name: "Sustainability reporting (CSRD)",
    program: "PRG-RISK",
    priority: 850,
    start: "2026-04-06",
    kind: "it",
    roles: ["Business analyst", "Data engineer", "Tester"],
    budget: 0.4,
  },
  {
    id: "OFFICE",
    name: "Head office relocation",
    program: null,
    priority: 500,
    start: "2026-03-16",
    kind: "facilities",
    roles: ["Facilities coordinator", "Project manager", "Developer"],
    budget: 0.9,
  },
  {
    id: "AI",
    name: "AI assistant pilot",
    program: "PRG-CX",
    priority: 400,
    start: "2026-07-06",
    kind: "it",
    roles: ["Data engineer", "Developer", "Solution architect"],
    budget: 0.3,
  },
];

const holidaysSet = new Set();
for (let y = 2026; y <= 2028; y++)
  for (const [, m, d] of fixedHolidays)
    holidaysSet.add(day(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`));
for (const [, date] of movableHolidays) holidaysSet.add(day(date));
const isWorkday = (d) => dow(d) !== 0 && dow(d) !== 6 && !holidaysSet.has(d);
const nextWorkday = (d) => {
  while (!isWorkday(d)) d++;
  return d;
};
const addWorkdays = (d, n) => {
  // d is a working day; returns the working day on which a task of n days starting on d ends
  let left = n;
  let cur = nextWorkday(d);
  while (left > 1) {
    cur = nextWorkday(cur + 1);
    left--;
  }
  return cur;
};

const money = (v) => ({ amount: v.toFixed(2), currency: "EUR" });
const projects = [];
const crossLinks = [];
const pmIndex = { i: 0 };
for (const def of projectDefs) {
  const tasks = [];
  const deps = [];
  const assignments = [];
  const risks = [];
  const dayStart = {}; // planned (baseline) start day per task id
  const dayFinish = {};
  let seq = 0;
  let aSeq = 0;
  const projectStart = nextWorkday(day(def.start));
  const pm = roleMembers["Project manager"][pmIndex.i++ % roleMembers["Project manager"].length];
  const newTask = (t) => {
    const id = `${def.id}-${String(++seq).padStart(3, "0")}`;
    tasks.push({ id, ...t });
    return id;
  };
  const kickoff = newTask({
    name: "Kick-off",
    wbs: "0",
    outlineLevel: 1,
    duration: { value: 0, unit: "days" },
    milestone: true,
  });
  dayStart[kickoff] = dayFinish[kickoff] = projectStart;
  let prevPhaseLast = kickoff;
  const phases = phaseTemplates[def.kind];
  let lastLeaf = kickoff;
  phases.forEach(([phaseName, leafNames], pi) => {
    const phaseId = newTask({
      name: phaseName,
      wbs: `${pi + 1}`,
      outlineLevel: 1,
      duration: { value: 0, unit: "days" },
    });
    let prev = prevPhaseLast;
    let firstInPhase = true;
    let phaseStart = Infinity;
    let phaseFinish = -Infinity;
    leafNames.forEach((leafName, li) => {
      const dur = leafName === "Cut-over" || leafName === "Move weekend" ? 2 : int(5, 22);
      const id = newTask({
        name: leafName,
        wbs: `${pi + 1}.${li + 1}`,
        outlineLevel: 2,
        parentId: phaseId,
        duration: { value: dur, unit: "days" },
        priority: leafName === "Cut-over" ? 1000 : 500,
      });
      // Logic: mostly FS chains; some SS with lag (parallel work), some FF, a lead.
      let type = "FS";
      let lag = { value: 0, unit: "days" };
      const roll = rand();
      if (!firstInPhase && roll < 0.25) {
        type = "SS";
        lag = { value: int(1, 3), unit: "days" };
      } else if (!firstInPhase && roll < 0.35) {
        type = "FF";
        lag = { value: 1, unit: "days" };
      } else if (!firstInPhase && roll < 0.45) {
        lag = { value: -1, unit: "days" };
      } else if (roll > 0.95) {
        lag = { value: 2, unit: "elapsedDays" };
      }
      deps.push({ from: prev, to: id, type, lag });
      // Baseline dates by a simple working-day pass (the stored plan; pmokit recomputes the real one).
      const ps = dayStart[prev];
      const pf = dayFinish[prev];
      let s;
      const lagDays = lag.unit === "days" ? lag.value : Math.ceil((lag.value * 5) / 7);
      if (type === "SS") s = addWorkdays(ps, lagDays + 1);
      else if (type === "FF") s = Math.max(projectStart, addWorkdays(pf, Math.max(1, lagDays + 2 - dur)));
      else s = nextWorkday(pf + 1 + Math.max(-1, lagDays));
      if (tasks.find((t) => t.id === prev)?.milestone) s = nextWorkday(ps + Math.max(0, lagDays));
      s = Math.max(s, projectStart);
      dayStart[id] = s;
      dayFinish[id] = addWorkdays(s, dur);
      phaseStart = Math.min(phaseStart, dayStart[id]);
      phaseFinish = Math.max(phaseFinish, dayFinish[id]);
      // Assignment: one role member, sometimes two.
      const role =
        def.kind === "facilities" && li % 2 === 0
          ? "Facilities coordinator"
          : def.roles[(pi + li) % def.roles.length];
      const who = pick(roleMembers[role]);
      const units = role === "Tester" && who === roleMembers["Tester"][2] ? 0.5 : pick([1, 1, 1, 0.5]);
      assignments.push({
        id: `${def.id}-A${++aSeq}`,
        taskId: id,
        resourceId: who,
        units,
        work: dur * 480 * units,
        contour: "flat",
        customFields: {},
      });
      if (rand() < 0.3) {
        const second = pick(roleMembers[pick(def.roles)]);
        if (second !== who)
          assignments.push({
            id: `${def.id}-A${++aSeq}`,
            taskId: id,
            resourceId: second,
            units: 0.5,
            work: dur * 240,
            contour: pick(["flat", "frontLoaded", "backLoaded", "bell"]),
            customFields: {},
          });
      }
      if (pi === 0 && li === 0)
        assignments.push({
          id: `${def.id}-A${++aSeq}`,
          taskId: id,
          resourceId: pm,
          units: 0.5,
          work: dur * 240,
          contour: "flat",
          customFields: {},
        });
      if (leafName === "Configuration" || leafName === "Environment setup") {
        assignments.push({
          id: `${def.id}-A${++aSeq}`,
          taskId: id,
          resourceId: "R-LIC",
          units: 1,
          contour: "flat",
          cost: money(int(20, 120) * 1000 * def.budget),
          customFields: {},
        });
      }
      if (leafName === "Environment setup" && def.id === "DWH") {
        assignments.push({
          id: `${def.id}-A${++aSeq}`,
          taskId: id,
          resourceId: "R-HW",
          units: 4,
          contour: "flat",
          customFields: {},
        });
      }
      prev = id;
      firstInPhase = false;
      lastLeaf = id;
    });
    dayStart[phaseId] = phaseStart;
    dayFinish[phaseId] = phaseFinish;
    const gate = newTask({
      name: `${phaseName} gate`,
      wbs: `${pi + 1}.${leafNames.length + 1}`,
      outlineLevel: 2,
      parentId: phaseId,
      duration: { value: 0, unit: "days" },
      milestone: true,
    });
    deps.push({ from: lastLeaf, to: gate, type: "FS", lag: { value: 0, unit: "days" } });
    dayStart[gate] = dayFinish[gate] = dayFinish[lastLeaf];
    prevPhaseLast = gate;
  });
  const finish = newTask({
    name: "Project complete",
    wbs: `${phases.length + 1}`,
    outlineLevel: 1,
    duration: { value: 0, unit: "days" },
    milestone: true,
  });
  deps.push({ from: prevPhaseLast, to: finish, type: "FS", lag: { value: 0, unit: "days" } });
  dayStart[finish] = dayFinish[finish] = dayFinish[prevPhaseLast];

  // Summary durations (as a tool reports them) and a deadline on the finish milestone.
  for (const t of tasks) {
    if (tasks.some((c) => c.parentId === t.id)) {
      let n = 0;
      for (let d = dayStart[t.id]; d <= dayFinish[t.id]; d++) if (isWorkday(d)) n++;
      t.duration = { value: n, unit: "days" };
    }
  }
  tasks.find((t) => t.id === finish).deadline = `${iso(dayFinish[finish] + 14)}T17:00:00`;
  // A constraint or two.
  const cutover = tasks.find((t) => t.name === "Cut-over" || t.name === "Move weekend");
  if (cutover) {
    cutover.constraint = { type: "SNET", date: `${iso(dayStart[cutover.id])}T08:00:00` };
    cutover.calendarId = "ops-24x7";
  }

  if (def.id === "OFFICE") tasks.find((t) => t.name === "Construction works").fixedCost = money(185000);
  if (def.id === "ERP") tasks.find((t) => t.name === "Configuration").fixedCost = money(40000);

  // Baselines (work at standard rates, cost and material resources, fixed cost) and progress.
  const status = day(STATUS_DATE);
  // (the main stream's former progress draws, kept so that later projects stay the same)
  const legacySlip = int(0, 6);
  const legacyStarted = new Set();
  const profile = PROGRESS[def.id] ?? { late: 0.1, slip: 2, drift: 0, overrun: 3 };
  for (const t of tasks) {
    const s = dayStart[t.id];
    const f = dayFinish[t.id];
    const rateOf = (id) =>
      Number(resources.find((r) => r.id === id).costRateTables.A?.[0]?.standardRate.amount ?? 0);
    const cost =
      assignments
        .filter((a) => a.taskId === t.id)
        .reduce((sum, a) => {
          const r = resources.find((x) => x.id === a.resourceId);
          if (r.type === "cost") return sum + Number(a.cost?.amount ?? 0);
          if (r.type === "material") return sum + a.units * rateOf(r.id);
          return sum + ((a.work ?? 0) / 60) * rateOf(r.id);
        }, 0) + Number(t.fixedCost?.amount ?? 0);
    t.baselines = [
      {
        number: 0,
        start: `${iso(s)}T08:00:00`,
        finish: `${iso(f)}T${t.milestone ? "08:00:00" : "17:00:00"}`,
        duration: t.duration,
        ...(cost > 0 ? { cost: money(cost) } : {}),
        ...(t.fixedCost ? { fixedCost: t.fixedCost } : {}),
      },
    ];
    if (tasks.some((c) => c.parentId === t.id)) continue;
    if (s + legacySlip < status) legacyStarted.add(t.id);
    // per task: late (1 to 2 × the mean slip) or on time / early; start slip 0-2 days
    const drift = (d) => Math.round(profile.drift * (d - projectStart));
    const finishSlip =
      drift(f) +
      (progressRand() < profile.late
        ? pint(1, 2 * profile.slip - 1)
        : -pint(0, 2) * (pint(0, 3) === 0 ? 1 : 0));
    const startSlip = Math.min(finishSlip, Math.max(0, drift(s) + pint(0, 2)));
    const as = nextWorkday(s + startSlip);
    if (f + finishSlip < status && as < status) {
      t.actualStart = `${iso(as)}T08:00:00`;
      t.actualFinish = `${iso(Math.max(as, nextWorkday(f + finishSlip)))}T${t.milestone ? "08:00:00" : "17:00:00"}`;
      t.percentComplete = 100;
    } else if (as < status) {
      t.actualStart = `${iso(as)}T08:00:00`;
      const total = Math.max(1, f - s);
      t.percentComplete = Math.max(
        5,
        Math.min(95, Math.round((((status - s - finishSlip) / total) * 100) / 5) * 5),
      );
    }
  }
  for (const a of assignments) {
    const t = tasks.find((x) => x.id === a.taskId);
    if (a.work && legacyStarted.has(t.id)) int(-5, 20);
    if (a.work && t.percentComplete > 0) {
      const overrun = 1 + (profile.overrun + pint(-6, 6)) / 100;
      a.actualWork = Math.round(a.work * (t.percentComplete / 100) * overrun);
      a.remainingWork = Math.max(0, Math.round(a.work * (1 - t.percentComplete / 100)));
    }
  }

  // Risks.
  const riskTemplates = [
    ["Key expert unavailable", "threat", 0.3, 10, 25000],
    ["Vendor delivers late", "threat", 0.4, 15, 40000],
    ["Requirements change after design", "threat", 0.5, 12, 30000],
    ["Data quality worse than assumed", "threat", 0.35, 20, 50000],
    ["Reuse of existing components", "opportunity", 0.3, -8, -20000],
    ["Regulatory deadline moves earlier", "threat", 0.15, 25, 80000],
  ];
  const leafIds = tasks
    .filter((t) => !tasks.some((c) => c.parentId === t.id) && !t.milestone)
    .map((t) => t.id);
  const nRisks = int(3, 5);
  for (let i = 0; i < nRisks; i++) {
    const [title, kind, p, days, cost] = riskTemplates[(i + seq) % riskTemplates.length];
    risks.push({
      id: `${def.id}-RSK${i + 1}`,
      title,
      kind,
      status: "open",
      owner: resources.find((r) => r.id === pm).name,
      probability: p,
      impacts: {
        schedule: { value: days, unit: "days" },
        cost: money(cost * def.budget),
        score: Math.min(5, Math.max(1, Math.round(Math.abs(days) / 5))),
      },
      raisedDate: `${def.start}T08:00:00`,
      taskIds: [pick(leafIds), pick(leafIds)].filter((v, k, xs) => xs.indexOf(v) === k),
      projectIds: [def.id],
      customFields: {},
    });
  }

  projects.push({
    id: def.id,
    name: def.name,
    priority: def.priority,
    settings: {
      minutesPerDay: 480,
      minutesPerWeek: 2400,
      daysPerMonth: 20,
      currency: "EUR",
      defaultCalendarId: "standard",
      startDate: `${iso(projectStart)}T08:00:00`,
      statusDate: `${STATUS_DATE}T17:00:00`,
      scheduleFrom: "start",
      timeZone: "Europe/Berlin",
      honorConstraints: true,
      criticalSlackLimitMinutes: 0,
      newTasksEffortDriven: false,
      defaultTaskType: "fixedUnits",
      totalSlackCalculation: "smallest",
      calculateMultipleCriticalPaths: false,
      useExpectedFinish: false,
    },
    calendars: [],
    tasks,
    dependencies: deps,
    resources: [],
    assignments,
    risks,
    issues: [],
    extensions: { program: def.program, budgetFactor: def.budget },
  });
}

// Cross-project links (the portfolio's integration points).
const taskByName = (pid, name) => projects.find((p) => p.id === pid).tasks.find((t) => t.name === name).id;
crossLinks.push(
  {
    from: taskByName("ERP", "Configuration"),
    fromProject: "ERP",
    to: taskByName("DWH", "Interfaces"),
    toProject: "DWH",
    type: "FS",
    lag: { value: 0, unit: "days" },
  },
  {
    from: taskByName("SEC", "Solution architecture"),
    fromProject: "SEC",
    to: taskByName("PORTAL", "Detailed design"),
    toProject: "PORTAL",
    type: "FS",
    lag: { value: 0, unit: "days" },
  },
  {
    from: taskByName("PORTAL", "Interfaces"),
    fromProject: "PORTAL",
    to: taskByName("MOBILE", "Interfaces"),
    toProject: "MOBILE",
    type: "SS",
    lag: { value: 5, unit: "days" },
  },
  {
    from: taskByName("DWH", "Data migration scripts"),
    fromProject: "DWH",
    to: taskByName("CSRD", "Reports"),
    toProject: "CSRD",
    type: "FS",
    lag: { value: 0, unit: "days" },
  },
  {
    from: taskByName("DWH", "Environment setup"),
    fromProject: "DWH",
    to: taskByName("AI", "Environment setup"),
    toProject: "AI",
    type: "FF",
    lag: { value: 2, unit: "days" },
  },
  {
    from: taskByName("OFFICE", "Network cabling"),
    fromProject: "OFFICE",
    to: taskByName("SEC", "Cut-over"),
    toProject: "SEC",
    type: "FS",
    lag: { value: 0, unit: "days" },
  },
);

const portfolio = {
  id: "ACME-2026",
  name: "ACME Logistics project portfolio 2026",
  currency: "EUR",
  calendars,
  projects,
  programs: [
    { id: "PRG-CORE", name: "Digital core", projectIds: ["ERP", "DWH"] },
    { id: "PRG-CX", name: "Customer experience", projectIds: ["PORTAL", "MOBILE", "AI"] },
    { id: "PRG-RISK", name: "Risk and compliance", projectIds: ["SEC", "CSRD"] },
  ],
  sharedResources: resources,
  crossProjectDependencies: crossLinks,
};

const out = fileURLToPath(new URL("./portfolio.json", import.meta.url));
writeFileSync(out, `${JSON.stringify(portfolio, null, 2)}\n`);
const nTasks = projects.reduce((n, p) => n + p.tasks.length, 0);
console.log(
  `wrote ${out}: ${projects.length} projects, ${nTasks} tasks, ${resources.length} resources, ${calendars.length} calendars`,
);
