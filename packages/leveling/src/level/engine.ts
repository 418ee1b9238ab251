// Internal leveling engine: compiles a project (CPM network, assignments, resources) onto a time
// grid of G-minute buckets and runs a calendar-aware serial schedule generation scheme in MS
// Project's leveling orders, or replays stored leveling delays. Not exported from the package.
import type {
  CompiledNetwork,
  CompiledProject,
  EpochMinute,
  PassResult,
  Project,
  Resource,
  Task,
  WorkingCalendar,
} from "@pmokit/core";
import {
  PmokitError,
  axisToDate,
  compileCalendars,
  compileNetwork,
  dayOfWeek,
  displayDates,
  durationToMinutes,
  fromEpochDay,
  fromEpochMinute,
  isElapsedUnit,
  runPasses,
  toEpochMinute,
} from "@pmokit/core";
import type { LevelingOptions, LevelingWarning, PeriodBasis, UnresolvedReason } from "./types.js";

/** Fixed-task reasons (index = code). */
export const FIXED_REASONS: readonly (UnresolvedReason | "")[] = [
  "",
  "doNotLevel",
  "manual",
  "started",
  "hardConstraint",
  "outsideRange",
];

export interface ResolvedOptions {
  readonly order: "id" | "standard" | "priorityStandard";
  readonly periodBasis: PeriodBasis;
  readonly withinSlack: boolean;
  readonly preserveMinimumFloatMinutes: number;
  readonly maxOverallocationPercent: number;
  readonly levelIndividualAssignments: boolean;
  readonly allowSplits: boolean;
  readonly clearFirst: boolean;
  readonly levelManualTasks: boolean;
  readonly from: EpochMinute | undefined;
  readonly to: EpochMinute | undefined;
  readonly resources: ReadonlySet<string> | undefined;
  readonly dialect: "msp" | "p6";
  readonly horizonDays: number;
}

const BASES: readonly PeriodBasis[] = ["minute", "hour", "day", "week", "month"];

function bad(path: string, expected: string, received: unknown): never {
  throw new PmokitError("INVALID_INPUT", `${path}: expected ${expected}, got ${JSON.stringify(received)}`, {
    path,
    expected,
    received: JSON.stringify(received),
  });
}

export function resolveOptions(o: LevelingOptions, _warnings: LevelingWarning[]): ResolvedOptions {
  const order = o.order ?? "standard";
  if (order !== "id" && order !== "standard" && order !== "priorityStandard")
    bad("order", "id | standard | priorityStandard", order);
  const periodBasis = o.periodBasis ?? "day";
  if (!BASES.includes(periodBasis)) bad("periodBasis", BASES.join(" | "), periodBasis);
  const num = (v: number | undefined, name: string, d: number): number => {
    if (v === undefined) return d;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) bad(name, "a number >= 0", v);
    return v;
  };
  const date = (v: string | undefined, name: string): EpochMinute | undefined =>
    v === undefined ? undefined : toEpochMinute(v, name);
  return {
    order,
    periodBasis,
    withinSlack: o.withinSlack ?? false,
    preserveMinimumFloatMinutes: num(o.preserveMinimumFloatMinutes, "preserveMinimumFloatMinutes", 0),
    maxOverallocationPercent: num(o.maxOverallocationPercent, "maxOverallocationPercent", 0),
    levelIndividualAssignments: o.levelIndividualAssignments ?? true,
    allowSplits: o.allowSplits ?? false,
    clearFirst: o.clearFirst ?? true,
    levelManualTasks: o.levelManualTasks ?? false,
    from: date(o.from, "from"),
    to: date(o.to, "to"),
    resources: o.resources === undefined ? undefined : new Set(o.resources),
    dialect: o.dialect ?? "msp",
    horizonDays: num(o.horizonDays, "horizonDays", 0),
  };
}

function gcd(a: number, b: number): number {
  a = Math.abs(Math.round(a));
  b = Math.abs(Math.round(b));
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Reads the `pmokit:levelingParts` extension of an assignment: flat [offset, work, ...] minutes. */
export function storedParts(ext: Record<string, unknown> | undefined): number[] | undefined {
  const v = ext?.["pmokit:levelingParts"];
  if (!Array.isArray(v) || v.length < 2) return undefined;
  const out: number[] = [];
  for (const p of v as unknown[]) {
    const o = (p ?? {}) as { offsetMinutes?: unknown; workMinutes?: unknown };
    if (typeof o.offsetMinutes !== "number" || typeof o.workMinutes !== "number") return undefined;
    if (!(o.offsetMinutes >= 0) || !(o.workMinutes > 0)) return undefined;
    out.push(Math.round(o.offsetMinutes), Math.round(o.workMinutes));
  }
  return out;
}

/** A task's own "leveling can split" flag: `pmokit:levelingCanSplit` or MSPDI `LevelingCanSplit`. */
function taskCanSplit(ext: Record<string, unknown>): boolean {
  const own = ext["pmokit:levelingCanSplit"];
  if (own === false || own === 0 || own === "0" || own === "false") return false;
  const msp = ext["mspdi"] as Record<string, unknown> | undefined;
  const v = msp?.["LevelingCanSplit"];
  return !(v === false || v === 0 || v === "0" || v === "false");
}

const HARD = new Set(["MSO", "MFO", "SNLT", "FNLT", "SO", "FO"]);
const FIXED_HARD = new Set(["MSO", "MFO", "SO", "FO"]);

interface CalGrid {
  readonly cal: WorkingCalendar;
  /** Grid bucket of every working rank. */
  wb: Int32Array;
  /** Working buckets before each grid bucket (length H + 1). */
  cnt: Int32Array;
  /** Rank of axis value 0 (working buckets between T0 and the network origin). */
  readonly off: number;
}

/**
 * The compiled leveling model: network, CPM pass, tasks, assignments, resources and the time grid.
 */
export class LevelModel {
  readonly project: Project;
  readonly opts: ResolvedOptions;
  readonly compiled: CompiledProject;
  readonly net: CompiledNetwork;
  readonly pass: PassResult;
  readonly cpmStart: Float64Array;
  readonly cpmFinish: Float64Array;
  readonly n: number;
  readonly tasks: Task[];
  readonly prio: Int32Array;
  readonly projPrio: Int32Array;
  readonly fixed: Uint8Array;
  readonly hard: Uint8Array;
  readonly limitAxis: Float64Array;
  readonly storedDelay: Float64Array;
  /** Per task: 1 when leveling may split its remaining work (option and task's own flag). */
  readonly canSplit: Uint8Array;
  readonly projectOf: string[];
  // assignments (only those on active leaf tasks)
  readonly aStart: Int32Array; // CSR per task
  readonly aIds: string[] = [];
  readonly aRes: number[] = [];
  readonly aUnits: number[] = [];
  readonly aLevel: number[] = [];
  readonly aStored: number[] = [];
  readonly aModelIndex: number[] = [];
  /**
   * Grid (index into `cals`, i.e. a network calendar) the assignment's work is laid on: its task's
   * calendar, or the assignment's own calendar when the CPM schedules the task by assignments
   * (resources on different calendars: each works on its resource calendar, within the task's).
   */
  readonly aGrid: Int32Array;
  /** Working minutes of the assignment on its grid, or -1 for the task's duration. */
  readonly aDur: Float64Array;
  /** Stored split parts per assignment (offset, work; working minutes of its grid), or undefined. */
  readonly aStoredParts: (readonly number[] | undefined)[] = [];
  // resources
  readonly resources: Resource[];
  readonly rIndex = new Map<string, number>();
  readonly rMax: Float64Array;
  readonly rCal: (WorkingCalendar | undefined)[];
  // grid
  readonly G: number;
  readonly T0: EpochMinute;
  H = 0;
  readonly cals: CalGrid[];
  load: Float64Array[] = [];
  cap: Float64Array[] = [];
  rWork: Uint8Array[] = [];
  pIdx = new Int32Array(0);
  pStart: number[] = [];
  pLoad: Float64Array[] = [];
  pCap: Float64Array[] = [];
  private readonly bitmaps = new Map<WorkingCalendar, Uint8Array>();
  private k0 = 0;
  readonly capFactor: number;
  readonly warnings: LevelingWarning[];
  readonly horizonEnd: EpochMinute;
  readonly horizonSpan: number;

  constructor(project: Project, opts: ResolvedOptions, warnings: LevelingWarning[]) {
    this.project = project;
    this.opts = opts;
    this.warnings = warnings;
    this.capFactor = 1 + opts.maxOverallocationPercent / 100;
    this.compiled = compileNetwork(project, { dialect: opts.dialect });
    for (const w of this.compiled.warnings) warnings.push(w);
    const net = (this.net = this.compiled.network);
    if (net.scheduleFrom === "finish")
      warnings.push({
        code: "SCHEDULE_FROM_FINISH",
        message:
          "the project is scheduled from its finish; leveling delays tasks forward from the computed dates",
      });
    this.pass = runPasses(net);
    this.cpmStart = this.pass.start;
    this.cpmFinish = this.pass.finish;
    const n = (this.n = net.taskCount);
    const byId = new Map(project.tasks.map((t) => [t.id, t]));
    this.tasks = net.ids.map((id) => byId.get(id)!);
    this.prio = new Int32Array(n);
    this.projPrio = new Int32Array(n);
    this.fixed = new Uint8Array(n);
    this.hard = new Uint8Array(n);
    this.limitAxis = new Float64Array(n).fill(Infinity);
    this.storedDelay = new Float64Array(n);
    this.canSplit = new Uint8Array(n);
    this.projectOf = [];
    const settings = project.settings;
    for (let j = 0; j < n; j++) {
      const t = this.tasks[j]!;
      const ext = (t.extensions ?? {}) as Record<string, unknown>;
      this.prio[j] = t.priority;
      const pp = ext["projectPriority"];
      this.projPrio[j] = typeof pp === "number" ? pp : project.priority;
      this.projectOf.push(typeof ext["projectId"] === "string" ? (ext["projectId"] as string) : project.id);
      const ct = t.constraint.type;
      if (HARD.has(ct)) this.hard[j] = 1;
      if (t.priority >= 1000) this.fixed[j] = 1;
      else if (t.manual && !opts.levelManualTasks) this.fixed[j] = 2;
      else if (t.actualStart !== undefined || t.percentComplete > 0) this.fixed[j] = 3;
      else if (FIXED_HARD.has(ct) && settings.honorConstraints) this.fixed[j] = 4;
      else if (t.activityType === "levelOfEffort") this.fixed[j] = 1;
      const cal = net.calendars[net.taskCalendar[j]!]!;
      if ((ct === "SNLT" || ct === "FNLT") && t.constraint.date !== undefined) {
        const v = cal.workingMinutesBetween(net.origin, toEpochMinute(t.constraint.date));
        this.limitAxis[j] = ct === "SNLT" ? v : v - net.duration[j]!;
      }
      if (!opts.clearFirst && t.levelingDelay !== undefined)
        this.storedDelay[j] = this.delayAxis(t.levelingDelay, j);
      if (opts.allowSplits && taskCanSplit(ext)) this.canSplit[j] = 1;
    }
    // Range: tasks starting outside [from, to) before leveling are not delayed.
    if (opts.from !== undefined || opts.to !== undefined) {
      for (let j = 0; j < n; j++) {
        if (this.fixed[j]) continue;
        const s = this.startOf(j, this.cpmStart[j]!);
        if ((opts.from !== undefined && s < opts.from) || (opts.to !== undefined && s >= opts.to))
          this.fixed[j] = 5;
      }
    }

    // Resources.
    this.resources = project.resources;
    const R = this.resources.length;
    this.rMax = new Float64Array(R);
    this.rCal = [];
    const calsById = new Map<string, WorkingCalendar>();
    for (const c of net.calendars) calsById.set(c.id, c);
    let extraCals: Map<string, WorkingCalendar> | undefined;
    this.resources.forEach((r, i) => {
      this.rIndex.set(r.id, i);
      let mx = r.availability.length === 0 ? r.maxUnits : 0;
      for (const a of r.availability) mx = Math.max(mx, a.units);
      if (r.availability.length > 0 && !this.fullyCovered(r)) mx = Math.max(mx, r.maxUnits);
      this.rMax[i] = mx;
      let c: WorkingCalendar | undefined;
      if (r.calendarId !== undefined) {
        c = calsById.get(r.calendarId);
        if (c === undefined) {
          extraCals ??= this.compileExtraCalendars();
          c = extraCals.get(r.calendarId);
        }
      }
      this.rCal.push(c ?? this.projectCalendar());
    });

    // Assignments, CSR by network task.
    const taskIndex = new Map<string, number>();
    net.ids.forEach((id, j) => taskIndex.set(id, j));
    const perTask: number[][] = Array.from({ length: n }, () => []);
    project.assignments.forEach((a, k) => {
      const j = taskIndex.get(a.taskId);
      if (j === undefined) return;
      perTask[j]!.push(k);
    });
    this.aStart = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) {
      this.aStart[j] = this.aIds.length;
      for (const k of perTask[j]!) {
        const a = project.assignments[k]!;
        const r = this.rIndex.get(a.resourceId);
        const res = r === undefined ? undefined : this.resources[r];
        const work = res !== undefined && res.type === "work" && a.units > 0;
        this.aIds.push(a.id);
        this.aRes.push(work ? r! : -1);
        this.aUnits.push(a.units);
        this.aLevel.push(work && (opts.resources === undefined || opts.resources.has(a.resourceId)) ? 1 : 0);
        this.aStored.push(
          !opts.clearFirst && a.levelingDelay !== undefined ? this.delayAxis(a.levelingDelay, j) : 0,
        );
        this.aModelIndex.push(k);
        this.aStoredParts.push(storedParts(a.extensions));
        if (r === undefined)
          warnings.push({
            code: "UNKNOWN_RESOURCE",
            message: `assignment ${a.id}: resource '${a.resourceId}' not found; ignored by leveling`,
            ids: [a.id],
          });
        else if (work && a.contour !== "flat")
          warnings.push({
            code: "CONTOUR_FLATTENED",
            message: `assignment ${a.id}: ${a.contour} contour leveled as flat`,
            ids: [a.id],
          });
      }
    }
    this.aStart[n] = this.aIds.length;
    // Assignment-level scheduling of the CPM (resources on different calendars): each work
    // assignment has its own calendar and duration, in the order of the project's assignments.
    this.aGrid = new Int32Array(this.aIds.length);
    this.aDur = new Float64Array(this.aIds.length).fill(-1);
    const asg = net as Partial<
      Pick<CompiledNetwork, "assignmentOffsets" | "assignmentCalendar" | "assignmentDuration">
    >;
    for (let j = 0; j < n; j++) {
      let q = asg.assignmentOffsets?.[j] ?? 0;
      const q1 = asg.assignmentOffsets?.[j + 1] ?? 0;
      for (let k = this.aStart[j]!; k < this.aStart[j + 1]!; k++) {
        this.aGrid[k] = net.taskCalendar[j]!;
        const r = this.rIndex.get(project.assignments[this.aModelIndex[k]!]!.resourceId);
        if (q >= q1 || r === undefined || this.resources[r]!.type !== "work") continue;
        this.aGrid[k] = asg.assignmentCalendar![q]!;
        this.aDur[k] = asg.assignmentDuration![q]!;
        q++;
      }
    }

    // Grid resolution and origin.
    let g = 60;
    let minStart = net.origin;
    let maxFinish = net.origin;
    for (let j = 0; j < n; j++) {
      const s = this.startOf(j, this.cpmStart[j]!);
      const f = this.endOf(j, this.cpmFinish[j]!);
      // Started tasks never move: their (possibly odd) remaining spans are rounded to the grid.
      if (this.fixed[j] !== 3) {
        g = gcd(g, net.duration[j]!);
        g = gcd(gcd(g, s), f);
      }
      g = gcd(g, this.storedDelay[j]!);
      if (s < minStart) minStart = s;
      if (f > maxFinish) maxFinish = f;
    }
    for (const d of this.aStored) g = gcd(g, d);
    for (const d of this.aDur) if (d > 0) g = gcd(g, d);
    for (const ps of this.aStoredParts) if (ps !== undefined) for (const v of ps) g = gcd(g, v);
    for (let k = 0; k < net.linkCount; k++) if (net.linkPercent[k] === 0) g = gcd(g, net.linkLag[k]!);
    g = gcd(g, net.origin);
    for (const r of this.resources)
      for (const a of r.availability) {
        if (a.from !== undefined) g = gcd(g, toEpochMinute(a.from));
        if (a.to !== undefined) g = gcd(g, toEpochMinute(a.to));
      }
    this.T0 = Math.floor(minStart / 1440) * 1440 - 1440;
    const span = maxFinish - this.T0;
    const calList: WorkingCalendar[] = [...net.calendars];
    for (const c of this.rCal) if (c !== undefined && !calList.includes(c)) calList.push(c);
    for (const c of calList) {
      const wi = (c as { workingIntervals?: (a: number, b: number) => [number, number][] }).workingIntervals;
      if (typeof wi === "function") {
        for (const [a, b] of wi.call(c, this.T0, this.T0 + Math.max(span, 400 * 1440))) g = gcd(gcd(g, a), b);
      }
    }
    if (g === 0) g = 60;
    this.G = g;
    this.horizonSpan = (opts.horizonDays > 0 ? opts.horizonDays : 365) * 1440;
    this.horizonEnd = maxFinish + this.horizonSpan;
    this.cals = net.calendars.map((cal) => ({
      cal,
      wb: new Int32Array(0),
      cnt: new Int32Array(1),
      off: cal.workingMinutesBetween(this.T0, net.origin) / g,
    }));
    this.load = this.resources.map(() => new Float64Array(0));
    this.cap = this.resources.map(() => new Float64Array(0));
    this.rWork = this.resources.map(() => new Uint8Array(0));
    this.pLoad = this.resources.map(() => new Float64Array(0));
    this.pCap = this.resources.map(() => new Float64Array(0));
    // Leveling usually stretches the schedule: start with room for it (growth doubles anyway).
    // A resource cannot finish before it has done all its work: size the grid for the busiest one
    // (its work over its max units, stretched by the share of working time in a week).
    const resWork = new Float64Array(R);
    for (let j = 0; j < n; j++) {
      const d = Math.max(0, this.cpmFinish[j]! - this.cpmStart[j]!);
      for (let k = this.aStart[j]!; k < this.aStart[j + 1]!; k++) {
        const r = this.aRes[k]!;
        if (r >= 0) resWork[r]! += (this.aDur[k]! >= 0 ? this.aDur[k]! : d) * this.aUnits[k]!;
      }
    }
    let need = 0;
    for (let r = 0; r < R; r++) if (this.rMax[r]! > 0) need = Math.max(need, resWork[r]! / this.rMax[r]!);
    const perWeek = Math.max(60, settings.minutesPerWeek ?? 2400);
    const needSpan = minStart - this.T0 + need * Math.min(20, (7 * 1440) / perWeek) * 1.1;
    this.ensureBuckets(
      Math.ceil(Math.max(2.5 * (maxFinish - this.T0), needSpan) / g) + Math.ceil((28 * 1440) / g),
    );
  }

  private readonly profileKeys: string[] = [];

  /** Resources with the same key have the same capacity profile. */
  private profileKey(i: number): string {
    let k = this.profileKeys[i];
    if (k === undefined) {
      const r = this.resources[i]!;
      k = `${this.rCal[i]?.id ?? ""}\u0000${r.maxUnits}\u0000${JSON.stringify(r.availability)}`;
      this.profileKeys[i] = k;
    }
    return k;
  }

  private projectCalendar(): WorkingCalendar {
    // The project calendar is the network's lag calendar "project"; find it by id.
    const id = this.project.settings.defaultCalendarId;
    return this.net.calendars.find((c) => c.id === id) ?? this.net.calendars[0]!;
  }

  private compileExtraCalendars(): Map<string, WorkingCalendar> {
    // Resource calendars not used by any task.
    const out = new Map<string, WorkingCalendar>();
    if (this.project.calendars.length === 0) return out;
    for (const [id, c] of compileCalendars(this.project.calendars)) out.set(id, c);
    return out;
  }

  private fullyCovered(r: Resource): boolean {
    return r.availability.some((a) => a.from === undefined && a.to === undefined);
  }

  delayAxis(d: { value: number; unit: Task["duration"]["unit"] }, _j: number): number {
    if (d.unit === "percent") return 0;
    return Math.max(0, Math.round(durationToMinutes(d, this.project.settings)));
  }

  isElapsedDelay(d: { unit: Task["duration"]["unit"] }): boolean {
    return isElapsedUnit(d.unit);
  }

  cal(j: number): WorkingCalendar {
    return this.net.calendars[this.net.taskCalendar[j]!]!;
  }

  startOf(j: number, v: number): EpochMinute {
    return axisToDate(this.cal(j), this.net.origin, v, "start");
  }

  endOf(j: number, v: number): EpochMinute {
    return axisToDate(this.cal(j), this.net.origin, v, "end");
  }

  /** Grows every grid array to at least `h` buckets. */
  ensureBuckets(h: number): void {
    if (h <= this.H) return;
    const H = Math.max(h, this.H * 2, 64);
    const G = this.G;
    const T0 = this.T0;
    const bitmapOf = (cal: WorkingCalendar): Uint8Array => {
      const old = this.bitmaps.get(cal);
      const from = old === undefined ? 0 : old.length;
      if (old !== undefined && from >= H) return old;
      const out = new Uint8Array(H);
      if (old !== undefined) out.set(old);
      const wi = (cal as { workingIntervals?: (a: number, b: number) => [number, number][] })
        .workingIntervals;
      if (typeof wi === "function") {
        for (const [a, b] of wi.call(cal, T0 + from * G, T0 + H * G))
          out.fill(1, Math.floor((a - T0) / G), Math.ceil((b - T0) / G));
      } else for (let b = from; b < H; b++) out[b] = cal.isWorking(T0 + b * G) ? 1 : 0;
      this.bitmaps.set(cal, out);
      return out;
    };
    for (const c of this.cals) {
      const bm = bitmapOf(c.cal);
      const cnt = new Int32Array(H + 1);
      const wb = new Int32Array(H);
      let k = 0;
      for (let b = 0; b < H; b++) {
        cnt[b] = k;
        if (bm[b]) wb[k++] = b;
      }
      cnt[H] = k;
      c.cnt = cnt;
      c.wb = wb.slice(0, k);
    }
    // Periods.
    const basis = this.opts.periodBasis;
    const key = (b: number): number => {
      const t = T0 + b * G;
      switch (basis) {
        case "minute":
          return b;
        case "hour":
          return Math.floor(t / 60);
        case "day":
          return Math.floor(t / 1440);
        case "week": {
          const d = Math.floor(t / 1440);
          return Math.floor((d - ((dayOfWeek(d) + 6) % 7)) / 7);
        }
        case "month": {
          const s = fromEpochDay(Math.floor(t / 1440));
          return Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
        }
      }
    };
    const oldH = this.H;
    const pIdx = new Int32Array(H);
    pIdx.set(this.pIdx.subarray(0, oldH));
    const pStart = oldH > 0 ? this.pStart.slice(0, -1) : [];
    if (oldH === 0) this.k0 = key(0);
    const k0 = this.k0;
    let lastDay = Number.NaN;
    let lastKey = 0;
    for (let b = oldH; b < H; b++) {
      let k: number;
      if (basis === "minute" || basis === "hour") k = key(b);
      else {
        const d = Math.floor((T0 + b * G) / 1440);
        if (d !== lastDay) {
          lastDay = d;
          lastKey = key(b);
        }
        k = lastKey;
      }
      const p = k - k0;
      pIdx[b] = p;
      if (p >= pStart.length) pStart.push(b);
    }
    pStart.push(H);
    const P = pStart.length - 1;
    // Periods of the old grid keep their index; only the last old period may grow.
    const firstDirty = oldH > 0 ? pIdx[oldH - 1]! : 0;
    const start = oldH > 0 ? pStart[firstDirty]! : 0;
    // Capacity, working bitmap and capacity per period depend only on the resource's calendar, max
    // units and availability: resources alike share them (a pool of 40 people is one profile).
    const shared = new Map<string, { cap: Float64Array; work: Uint8Array; pCap: Float64Array }>();
    for (let i = 0; i < this.resources.length; i++) {
      const r = this.resources[i]!;
      const key = this.profileKey(i);
      let prof = shared.get(key);
      if (prof === undefined) {
        const cap = new Float64Array(H);
        cap.set(this.cap[i]!.subarray(0, oldH));
        cap.fill(r.maxUnits * this.capFactor, oldH, H);
        for (const a of r.availability) {
          const from = a.from === undefined ? -Infinity : toEpochMinute(a.from);
          const to = a.to === undefined ? Infinity : toEpochMinute(a.to);
          const b0 = Math.max(oldH, Math.ceil((from - T0) / G));
          const b1 = Math.min(H, Math.ceil((to - T0) / G));
          if (b1 > b0) cap.fill(a.units * this.capFactor, b0, b1);
        }
        const rc = this.rCal[i];
        let work: Uint8Array;
        if (rc === undefined) work = new Uint8Array(H).fill(1);
        else work = bitmapOf(rc);
        const pCap = new Float64Array(P);
        pCap.set(this.pCap[i]!.subarray(0, firstDirty));
        for (let b = start; b < H; b++) if (work[b] !== 0) pCap[pIdx[b]!]! += cap[b]!;
        prof = { cap, work, pCap };
        shared.set(key, prof);
      }
      const load = new Float64Array(H);
      load.set(this.load[i]!.subarray(0, oldH));
      const pLoad = new Float64Array(P);
      pLoad.set(this.pLoad[i]!.subarray(0, firstDirty));
      // New buckets carry no load yet: only the last old period is summed again.
      const work = prof.work;
      for (let b = start; b < oldH; b++) if (work[b] !== 0) pLoad[pIdx[b]!]! += load[b]!;
      this.load[i] = load;
      this.cap[i] = prof.cap;
      this.rWork[i] = work;
      this.pLoad[i] = pLoad;
      this.pCap[i] = prof.pCap;
    }
    this.pIdx = pIdx;
    this.pStart = pStart;
    this.H = H;
  }

  /** Makes sure calendar `c` has at least `rank` working buckets. */
  ensureRank(c: number, rank: number): void {
    while (this.cals[c]!.wb.length <= rank) {
      if (this.H > 20_000_000)
        throw new PmokitError("INFEASIBLE", "leveling: no working time left on a calendar", {
          calendarId: this.cals[c]!.cal.id,
        });
      this.ensureBuckets(this.H * 2);
    }
  }

  /** Lowest and highest grid bucket booked since the last reset. */
  touchLo = Infinity;
  touchHi = -1;

  resetLoads(): void {
    if (this.touchHi < 0) return;
    const lo = Math.max(0, this.touchLo);
    const hi = Math.min(this.H - 1, this.touchHi);
    for (let i = 0; i < this.resources.length; i++) {
      this.load[i]!.fill(0, lo, hi + 1);
      this.pLoad[i]!.fill(0, this.pIdx[lo]!, this.pIdx[hi]! + 1);
    }
    this.touchLo = Infinity;
    this.touchHi = -1;
  }
}

/** Per-run schedule state. */
export interface Placement {
  /** Axis start / finish per network task. */
  readonly S: Float64Array;
  readonly F: Float64Array;
  /** The start allowed by predecessors and constraints (axis), per task. */
  readonly lo: Float64Array;
  /** Axis start per assignment (its first booked bucket). */
  readonly aS: Float64Array;
  /** Axis end per assignment (end of its last booked bucket). */
  readonly aE: Float64Array;
  /** Booked ranks per assignment on its grid (`m.aGrid`): flat [start, end, start, end, ...]; several pairs = a split. */
  readonly parts: (readonly number[])[];
  readonly unresolved: { j: number; a: number; reason: UnresolvedReason; at: number }[];
  /** First conflict met at `lo` for delayed tasks: assignment index and grid bucket. */
  readonly cause: Int32Array;
  readonly causeBucket: Int32Array;
}

/** Ordering of the serial SGS: a comparator on eligible tasks (negative = schedule `a` first). */
export type Compare = (a: number, b: number, lo: Float64Array, loEpoch: Float64Array) => number;

export function orderComparator(m: LevelModel, order: ResolvedOptions["order"]): Compare {
  const { pass, prio, projPrio, hard, cpmStart } = m;
  const slack = (j: number, lo: Float64Array): number => pass.totalSlack[j]! - (lo[j]! - cpmStart[j]!);
  const prioCmp = (a: number, b: number): number => projPrio[b]! - projPrio[a]! || prio[b]! - prio[a]!;
  const std = (a: number, b: number, lo: Float64Array, le: Float64Array): number =>
    le[a]! - le[b]! || hard[b]! - hard[a]! || slack(a, lo) - slack(b, lo) || prioCmp(a, b) || a - b;
  if (order === "id") return (a, b) => a - b;
  if (order === "priorityStandard") return (a, b, lo, le) => prioCmp(a, b) || std(a, b, lo, le);
  return std;
}

/** A comparator from an explicit priority list (lower rank first). */
export function rankComparator(rank: ArrayLike<number>): Compare {
  return (a, b) => rank[a]! - rank[b]! || a - b;
}

class Heap {
  private readonly h: number[] = [];
  private readonly less: (a: number, b: number) => boolean;
  constructor(less: (a: number, b: number) => boolean) {
    this.less = less;
  }
  get size(): number {
    return this.h.length;
  }
  push(v: number): void {
    const h = this.h;
    h.push(v);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): number {
    const h = this.h;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let s = i;
        if (l < h.length && this.less(h[l]!, h[s]!)) s = l;
        if (r < h.length && this.less(h[r]!, h[s]!)) s = r;
        if (s === i) break;
        [h[i], h[s]] = [h[s]!, h[i]!];
        i = s;
      }
    }
    return top;
  }
}

const EPS = 1e-9;
const NONE: readonly number[] = [];

/** Adds (`sign` 1) or removes (-1) the load of assignment `k` booked on `parts` (ranks of its grid). */
export function bookParts(m: LevelModel, k: number, parts: readonly number[], sign: number): void {
  const r = m.aRes[k]!;
  if (r < 0 || parts.length === 0) return;
  const gi = m.aGrid[k]!;
  m.ensureRank(gi, parts[parts.length - 1]!);
  const wb = m.cals[gi]!.wb;
  const load = m.load[r]!;
  const pLoad = m.pLoad[r]!;
  const pIdx = m.pIdx;
  const rw = m.rWork[r]!;
  const u = m.aUnits[k]! * sign;
  const first = wb[parts[0]!]!;
  const last = wb[parts[parts.length - 1]! - 1]!;
  if (first < m.touchLo) m.touchLo = first;
  if (last > m.touchHi) m.touchHi = last;
  for (let i = 0; i < parts.length; i += 2) {
    for (let q = parts[i]!; q < parts[i + 1]!; q++) {
      const b = wb[q]!;
      if (!rw[b]) continue;
      load[b]! += u;
      pLoad[pIdx[b]!]! += u;
    }
  }
}

/** Re-books a placement's assignments on the model's load arrays (e.g. the best of several runs). */
export function rebook(m: LevelModel, pl: Placement): void {
  m.resetLoads();
  for (let k = 0; k < m.aIds.length; k++) bookParts(m, k, pl.parts[k]!, 1);
}

/** Stored delays (and split parts) replayed by {@link runSchedule} in `replay` mode, axis minutes. */
export interface ReplayInput {
  readonly task: (j: number, lo: number) => number;
  readonly assignment: (k: number, start: number) => number;
  /** Stored split parts of assignment k: flat [offset, work, ...] working minutes of its grid. */
  readonly parts?: (k: number) => readonly number[] | undefined;
}

/**
 * Runs the serial SGS (`mode: "level"`) or replays stored delays (`mode: "replay"`).
 * `delays` (replay): task and assignment delays in axis minutes, and stored split parts.
 */
export function runSchedule(
  m: LevelModel,
  mode: "level" | "replay",
  compare: Compare,
  delays?: ReplayInput,
): Placement {
  const { net, n, G, opts } = m;
  const cals = net.calendars;
  const origin = net.origin;
  const nA = m.aIds.length;
  const W = (c: number, e: EpochMinute): number => cals[c]!.workingMinutesBetween(origin, e);
  const startOfC = (c: number, v: number): EpochMinute => axisToDate(cals[c]!, origin, v, "start");
  const endOfC = (c: number, v: number): EpochMinute => axisToDate(cals[c]!, origin, v, "end");
  const S = new Float64Array(n);
  const F = new Float64Array(n);
  const lo = new Float64Array(n);
  const loE = new Float64Array(n);
  const aS = new Float64Array(nA);
  const aE = new Float64Array(nA);
  const parts: (readonly number[])[] = new Array<readonly number[]>(nA).fill(NONE);
  const cause = new Int32Array(n).fill(-1);
  const causeBucket = new Int32Array(n).fill(-1);
  const unresolved: Placement["unresolved"] = [];
  m.resetLoads();
  const minute = opts.periodBasis === "minute";
  const dur = (j: number): number => {
    const d = m.cpmFinish[j]! - m.cpmStart[j]!;
    return d > 0 ? d : 0;
  };
  const rankOf = (j: number, v: number): number =>
    Math.round((v + m.cals[net.taskCalendar[j]!]!.off * G) / G);
  /** Grid bucket of task axis value v: the first working bucket of the task's calendar at or after it. */
  const bucketAt = (j: number, v: number): number => {
    const c = net.taskCalendar[j]!;
    const q = rankOf(j, v);
    m.ensureRank(c, q);
    return m.cals[c]!.wb[q]!;
  };
  /** Rank on grid gi of the first working bucket at or after task axis value v. */
  const rankAt = (j: number, gi: number, v: number): number => {
    const b = bucketAt(j, v); // may grow the grid: read the counts after
    return m.cals[gi]!.cnt[b]!;
  };
  /** Task axis value at the boundary before grid bucket b. */
  const axisAt = (j: number, b: number): number => {
    if (b >= m.H) m.ensureBuckets(b + 1);
    const c = m.cals[net.taskCalendar[j]!]!;
    return (c.cnt[b]! - c.off) * G;
  };
  const book = (k: number, sign: number): void => bookParts(m, k, parts[k]!, sign);
  /** Buckets of work of assignment k (its own duration when the CPM schedules it on its own calendar). */
  const aNb = (k: number, nb: number): number => (m.aDur[k]! >= 0 ? Math.round(m.aDur[k]! / G) : nb);
  const contiguous = (j: number, k: number, v: number, taskNb: number): readonly number[] => {
    const nb = aNb(k, taskNb);
    if (m.aRes[k]! < 0 || nb <= 0 || taskNb <= 0) return NONE;
    const r0 = rankAt(j, m.aGrid[k]!, v);
    return [r0, r0 + nb];
  };

  /** First conflicting rank of assignment k placed from rank k0 of its grid (or -1), and the next rank to try. */
  let conflictBucket = -1;
  let conflictAlone = false;
  const conflictAt = (k: number, k0: number, nb: number): number => {
    const r = m.aRes[k]!;
    const gi = m.aGrid[k]!;
    m.ensureRank(gi, k0 + nb);
    const wb = m.cals[gi]!.wb;
    const u = m.aUnits[k]!;
    const load = m.load[r]!;
    const cap = m.cap[r]!;
    const rw = m.rWork[r]!;
    if (minute) {
      for (let q = k0; q < k0 + nb; q++) {
        const b = wb[q]!;
        if (rw[b] && load[b]! + u > cap[b]! + EPS) {
          conflictBucket = b;
          conflictAlone = load[b]! <= EPS;
          return q + 1;
        }
      }
      return -1;
    }
    const pIdx = m.pIdx;
    const pLoad = m.pLoad[r]!;
    const pCap = m.pCap[r]!;
    let q = k0;
    while (q < k0 + nb) {
      const p = pIdx[wb[q]!]!;
      let cnt = 0;
      const q0 = q;
      while (q < k0 + nb && pIdx[wb[q]!]! === p) {
        cnt += rw[wb[q]!]!;
        q++;
      }
      if (cnt > 0 && pLoad[p]! + u * cnt > pCap[p]! + EPS) {
        conflictBucket = wb[q0]!;
        conflictAlone = pLoad[p]! <= EPS;
        // Skip the following periods that are already fully booked (no start can fit there).
        let p2 = p + 1;
        const P = m.pStart.length - 1;
        while (p2 < P - 1 && pCap[p2]! > EPS && pLoad[p2]! >= pCap[p2]! - EPS) p2++;
        if (m.pStart[p2]! >= m.H) m.ensureBuckets(m.H * 2);
        return Math.max(q0 + 1, m.cals[gi]!.cnt[Math.min(m.pStart[p2]!, m.H)]!);
      }
    }
    return -1;
  };

  /**
   * Earliest start rank in [r0, maxR] of assignment k placed whole (nb buckets), or -1. One pass:
   * the candidate run grows period by period and restarts after a period that cannot take its share
   * (at the next period with room), as repeated {@link conflictAt} calls would, in linear time.
   */
  const findWhole = (k: number, r0: number, nb: number, maxR: number): number => {
    const gi = m.aGrid[k]!;
    const r = m.aRes[k]!;
    const u = m.aUnits[k]!;
    let start = r0;
    let q = r0;
    while (start <= maxR) {
      if (q >= start + nb) return start;
      m.ensureRank(gi, start + nb);
      const wb = m.cals[gi]!.wb;
      const rw = m.rWork[r]!;
      if (minute) {
        const b = wb[q]!;
        const load = m.load[r]!;
        if (rw[b] && load[b]! + u > m.cap[r]![b]! + EPS) {
          conflictBucket = b;
          conflictAlone = load[b]! <= EPS;
          start = q = q + 1;
        } else q++;
        continue;
      }
      const pIdx = m.pIdx;
      const p = pIdx[wb[q]!]!;
      let cnt = 0;
      const q0 = q;
      while (q < start + nb && pIdx[wb[q]!]! === p) {
        cnt += rw[wb[q]!]!;
        q++;
      }
      const pLoad = m.pLoad[r]!;
      const pCap = m.pCap[r]!;
      if (cnt > 0 && pLoad[p]! + u * cnt > pCap[p]! + EPS) {
        conflictBucket = wb[q0]!;
        conflictAlone = pLoad[p]! <= EPS;
        let p2 = p + 1;
        const P = m.pStart.length - 1;
        while (p2 < P - 1 && pCap[p2]! > EPS && pLoad[p2]! >= pCap[p2]! - EPS) p2++;
        if (m.pStart[p2]! >= m.H) m.ensureBuckets(m.H * 2);
        start = q = Math.max(q0 + 1, m.cals[gi]!.cnt[Math.min(m.pStart[p2]!, m.H)]!);
      }
    }
    return -1;
  };

  /**
   * Split placement (MS Project "leveling can create splits in remaining work"): lays the nb
   * buckets of assignment k from rank r0 of its grid, each period taking what still fits on the
   * resource and skipping periods that are full. Undefined when the first part would start after
   * `maxStart` or the last would end after `maxEnd`.
   */
  const fill = (
    k: number,
    r0: number,
    nb: number,
    maxStart: number,
    maxEnd: number,
  ): number[] | undefined => {
    const gi = m.aGrid[k]!;
    const r = m.aRes[k]!;
    const u = m.aUnits[k]!;
    const out: number[] = [];
    let q = r0;
    let need = nb;
    let lastP = -1;
    let lastUsed = 0;
    while (need > 0) {
      if (out.length === 0 ? q > maxStart : q + need > maxEnd) return undefined;
      m.ensureRank(gi, q + need);
      const wb = m.cals[gi]!.wb;
      const rw = m.rWork[r]!;
      const pIdx = m.pIdx;
      let take = 0;
      if (minute) {
        const load = m.load[r]!;
        const cap = m.cap[r]!;
        while (take < need) {
          const b = wb[q + take]!;
          if (rw[b] && load[b]! + u > cap[b]! + EPS) break;
          take++;
        }
        if (take === 0) {
          q++;
          continue;
        }
      } else {
        const p = pIdx[wb[q]!]!;
        // Room left in the period, less what this assignment already took there.
        let room = m.pCap[r]![p]! - m.pLoad[r]![p]! - (p === lastP ? lastUsed : 0) + EPS;
        const room0 = room;
        while (take < need) {
          const b = wb[q + take]!;
          if (pIdx[b] !== p) break;
          if (rw[b]) {
            if (u > room) break;
            room -= u;
          }
          take++;
        }
        if (p !== lastP) {
          lastP = p;
          lastUsed = 0;
        }
        lastUsed += room0 - room;
        if (take === 0) {
          // The period is full for this assignment: continue at the next period.
          if (m.pStart[p + 1]! >= m.H) m.ensureBuckets(m.H * 2);
          q = Math.max(q + 1, m.cals[gi]!.cnt[Math.min(m.pStart[p + 1]!, m.H)]!);
          continue;
        }
      }
      if (out.length > 0 && out[out.length - 1] === q) out[out.length - 1] = q + take;
      else out.push(q, q + take);
      q += take;
      need -= take;
    }
    return out;
  };

  /** Whether assignment k is leveled and its units fit under its resource's max units. */
  const levelsUnder = (k: number): boolean =>
    m.aLevel[k] === 1 && m.aUnits[k]! <= m.rMax[m.aRes[k]!]! * m.capFactor + EPS;
  /**
   * Buckets of actual work of a started task whose remaining work leveling may split or delay
   * (`allowSplits` and the task's own flag, MS Project dialect, not finished, every assignment on the
   * task's duration, one leveled assignment unless assignments are leveled individually); 0 when the
   * task keeps its dates.
   */
  const resumable = (j: number, nb: number): number => {
    if (m.canSplit[j] !== 1 || opts.dialect !== "msp") return 0;
    if (!Number.isNaN(net.actualFinishAxis[j]!)) return 0;
    let nLevel = 0;
    for (let k = m.aStart[j]!; k < m.aStart[j + 1]!; k++) {
      if (m.aRes[k]! >= 0 && m.aDur[k]! >= 0) return 0;
      if (m.aLevel[k]) nLevel++;
    }
    if (nLevel === 0 || (nLevel > 1 && !opts.levelIndividualAssignments)) return 0;
    const done = Math.round((dur(j) - net.remaining[j]!) / G);
    return done >= 1 && done < nb ? done : 0;
  };

  // The search never goes further than the horizon past the latest finish booked so far (after it
  // every resource is free again, unless its capacity or calendar says otherwise).
  let latest = m.horizonEnd;
  const horizonAxis = (j: number): number => W(net.taskCalendar[j]!, latest);
  const reasonOfFixed = (j: number): UnresolvedReason => FIXED_REASONS[m.fixed[j]!] as UnresolvedReason;

  // Tentative bookings of fixed tasks at their pre-leveling dates, so others plan around them.
  const tent = new Uint8Array(n);
  if (mode === "level") {
    for (let j = 0; j < n; j++) {
      if (!m.fixed[j]) continue;
      tent[j] = 1;
      const nb = Math.round(dur(j) / G);
      // A started task whose remaining work may move holds only its actual work meanwhile.
      const done = m.fixed[j] === 3 && nb > 0 ? resumable(j, nb) : 0;
      for (let k = m.aStart[j]!; k < m.aStart[j + 1]!; k++) {
        parts[k] = contiguous(j, k, m.cpmStart[j]!, nb);
        if (done > 0 && levelsUnder(k) && parts[k]!.length > 0)
          parts[k] = [parts[k]![0]!, parts[k]![0]! + done];
        book(k, 1);
      }
    }
  }

  // Predecessor counts.
  const predLeft = new Int32Array(n);
  for (let k = 0; k < net.linkCount; k++) predLeft[net.linkTo[k]!]!++;
  const heap = new Heap((a, b) => compare(a, b, lo, loE) < 0);
  const computeLo = (j: number): void => {
    const cj = net.taskCalendar[j]!;
    let s = m.cpmStart[j]!;
    const d = dur(j);
    let fin = -Infinity;
    for (let p = net.predOffsets[j]!; p < net.predOffsets[j + 1]!; p++) {
      const k = net.predLinks[p]!;
      if (net.linkNoForward[k] === 1) continue;
      const i = net.linkFrom[k]!;
      const t = net.linkType[k]!;
      const lag = net.linkPercent[k] === 1 ? Math.round((net.linkLag[k]! * dur(i)) / 100) : net.linkLag[k]!;
      let v: number;
      if (net.linkFast[k] === 1) v = (t & 1 ? S[i]! : F[i]!) + lag;
      else {
        const ci = net.taskCalendar[i]!;
        const e = t & 1 ? startOfC(ci, S[i]!) : endOfC(ci, F[i]!);
        v = W(cj, cals[net.linkLagCalendar[k]!]!.addWorkingMinutes(e, lag));
      }
      if (t & 2) {
        if (v > fin) fin = v;
      } else if (v > s) s = v;
    }
    if (fin - d > s) s = fin - d;
    if (m.fixed[j] === 2 || m.fixed[j] === 3) s = m.cpmStart[j]!; // manual / started keep their dates
    if (!m.fixed[j] || m.fixed[j] === 5) s += m.storedDelay[j]!;
    lo[j] = s;
    loE[j] = startOfC(cj, s);
  };
  for (let j = 0; j < n; j++)
    if (predLeft[j] === 0) {
      computeLo(j);
      heap.push(j);
    }

  const storedPartsOk = (sp: readonly number[], nb: number): boolean => {
    let sum = 0;
    let end = 0;
    for (let i = 0; i < sp.length; i += 2) {
      if (sp[i]! % G !== 0 || sp[i + 1]! % G !== 0 || sp[i]! < end) return false;
      end = sp[i]! + sp[i + 1]!;
      sum += sp[i + 1]!;
    }
    return sum === nb * G && sp[0] === 0;
  };

  while (heap.size > 0) {
    const j = heap.pop();
    const l = lo[j]!;
    const d = dur(j);
    const nb = Math.round(d / G);
    const a0 = m.aStart[j]!;
    const a1 = m.aStart[j + 1]!;
    if (tent[j])
      for (let k = a0; k < a1; k++) {
        book(k, -1);
        parts[k] = NONE;
      }
    let s = l;
    if (mode === "replay") {
      s = delays === undefined ? l : Math.max(l, delays.task(j, l));
      for (let k = a0; k < a1; k++) {
        const v = delays === undefined ? s : Math.max(s, delays.assignment(k, s));
        aS[k] = v;
        const sp = delays?.parts?.(k);
        if (sp !== undefined && m.aRes[k]! >= 0 && nb > 0 && storedPartsOk(sp, aNb(k, nb))) {
          const r0 = rankAt(j, m.aGrid[k]!, v);
          const ps: number[] = [];
          for (let i = 0; i < sp.length; i += 2) ps.push(r0 + sp[i]! / G, r0 + (sp[i]! + sp[i + 1]!) / G);
          parts[k] = ps;
        } else parts[k] = contiguous(j, k, v, nb);
        book(k, 1);
      }
    } else if (m.fixed[j] === 3 && nb > 0 && resumable(j, nb) > 0) {
      // Started task with splits: the actual work stays booked where it is; the remaining work,
      // from the resume point, is laid like other split work (interrupted or delayed around conflicts).
      const nbDone = resumable(j, nb);
      const limit = Math.min(
        m.limitAxis[j]!,
        opts.withinSlack ? Math.max(l, m.pass.lateStart[j]! - opts.preserveMinimumFloatMinutes) : Infinity,
        horizonAxis(j),
      );
      const limitReason: UnresolvedReason =
        limit === m.limitAxis[j]!
          ? "hardConstraint"
          : opts.withinSlack && limit < horizonAxis(j)
            ? "withinSlack"
            : "horizon";
      for (let k = a0; k < a1; k++) {
        aS[k] = s;
        if (!levelsUnder(k)) {
          parts[k] = contiguous(j, k, s, nb);
          if (m.aLevel[k] && parts[k]!.length > 0 && conflictAt(k, parts[k]![0]!, nb) >= 0)
            unresolved.push({ j, a: k, reason: "started", at: s });
          book(k, 1);
          continue;
        }
        const gi = m.aGrid[k]!;
        const r0 = rankAt(j, gi, s);
        const stop = r0 + nbDone;
        const nbRem = nb - nbDone;
        // The actual work cannot move: a conflict there is reported, not resolved.
        if (conflictAt(k, r0, nbDone) >= 0) unresolved.push({ j, a: k, reason: "started", at: s });
        parts[k] = [r0, stop];
        book(k, 1);
        if (cause[j]! < 0 && conflictAt(k, stop, nbRem) >= 0) {
          cause[j] = k;
          causeBucket[j] = conflictBucket;
        }
        // The limit bounds the task's start: the remaining work may move as far as the start could.
        const limR =
          limitReason === "horizon" ? rankOf(j, Math.max(l, limit)) : rankAt(j, gi, Math.max(l, limit));
        const maxR = stop + Math.max(0, limR - r0);
        let rest: readonly number[] | undefined = fill(k, stop, nbRem, maxR, maxR + nbRem);
        if (rest === undefined) {
          const found = findWhole(k, stop, nbRem, maxR);
          if (found < 0) {
            unresolved.push({ j, a: k, reason: conflictAlone ? "aboveMaxUnits" : limitReason, at: s });
            rest = [stop, stop + nbRem];
          } else rest = [found, found + nbRem];
        }
        book(k, -1);
        parts[k] = rest[0] === stop ? [r0, ...rest.slice(1)] : [r0, stop, ...rest];
        book(k, 1);
      }
    } else if (m.fixed[j] || nb === 0) {
      for (let k = a0; k < a1; k++) {
        aS[k] = s;
        parts[k] = contiguous(j, k, s, nb);
        if (m.aLevel[k] && parts[k]!.length > 0 && conflictAt(k, parts[k]![0]!, aNb(k, nb)) >= 0)
          unresolved.push({ j, a: k, reason: reasonOfFixed(j), at: s });
        book(k, 1);
      }
    } else {
      const limit = Math.min(
        m.limitAxis[j]!,
        opts.withinSlack ? Math.max(l, m.pass.lateStart[j]! - opts.preserveMinimumFloatMinutes) : Infinity,
        horizonAxis(j),
      );
      const maxRank = rankOf(j, Math.max(l, limit));
      const limitReason: UnresolvedReason =
        limit === m.limitAxis[j]!
          ? "hardConstraint"
          : opts.withinSlack && limit < horizonAxis(j)
            ? "withinSlack"
            : "horizon";
      const levelable = (k: number): boolean => {
        if (!m.aLevel[k]) return false;
        const r = m.aRes[k]!;
        if (m.aUnits[k]! > m.rMax[r]! * m.capFactor + EPS) return false;
        return true;
      };
      let nLevelable = 0;
      for (let k = a0; k < a1; k++) {
        if (levelable(k)) nLevelable++;
        else if (m.aLevel[k]) unresolved.push({ j, a: k, reason: "aboveMaxUnits", at: l });
      }
      const firstTry = (k: number, r0: number): void => {
        if (cause[j]! >= 0) return;
        if (conflictAt(k, r0, aNb(k, nb)) >= 0) {
          cause[j] = k;
          causeBucket[j] = conflictBucket;
        }
      };
      // Splits: per assignment; with whole-task leveling only when one assignment is leveled.
      const split = m.canSplit[j] === 1 && (opts.levelIndividualAssignments || nLevelable <= 1);
      if (opts.levelIndividualAssignments || split) {
        for (let k = a0; k < a1; k++) {
          const base = l + (m.aStored[k] ?? 0);
          aS[k] = base;
          if (!levelable(k)) {
            parts[k] = contiguous(j, k, base, nb);
            book(k, 1);
            continue;
          }
          const gi = m.aGrid[k]!;
          const kb = aNb(k, nb);
          const r = rankAt(j, gi, base);
          firstTry(k, r);
          // The horizon is far: bound by the task's rank there (an assignment's calendar lies
          // within its task's, so its rank is not higher) without growing the grid to reach it.
          const maxR =
            limitReason === "horizon"
              ? rankOf(j, Math.max(base, limit))
              : rankAt(j, gi, Math.max(base, limit));
          let placed: readonly number[] | undefined = split ? fill(k, r, kb, maxR, maxR + kb) : undefined;
          if (placed === undefined) {
            const found = findWhole(k, r, kb, maxR);
            if (found < 0) {
              unresolved.push({ j, a: k, reason: conflictAlone ? "aboveMaxUnits" : limitReason, at: base });
              placed = contiguous(j, k, base, nb);
            } else placed = [found, found + kb];
          }
          parts[k] = placed;
          book(k, 1);
        }
      } else {
        const c = net.taskCalendar[j]!;
        let r = rankOf(j, l);
        for (let k = a0; k < a1; k++) if (levelable(k)) firstTry(k, rankAt(j, m.aGrid[k]!, l));
        let found = -1;
        outer: while (r <= maxRank) {
          m.ensureRank(c, r);
          const b = m.cals[c]!.wb[r]!;
          for (let k = a0; k < a1; k++) {
            if (!levelable(k)) continue;
            const gi = m.aGrid[k]!;
            const next = conflictAt(k, m.cals[gi]!.cnt[b]!, aNb(k, nb));
            if (next >= 0) {
              m.ensureRank(gi, next);
              const nbk = m.cals[gi]!.wb[next]!;
              r = Math.max(r + 1, m.cals[c]!.cnt[nbk]!);
              continue outer;
            }
          }
          found = r;
          break;
        }
        if (found < 0) {
          for (let k = a0; k < a1; k++)
            if (levelable(k))
              unresolved.push({ j, a: k, reason: conflictAlone ? "aboveMaxUnits" : limitReason, at: l });
          s = l;
        } else s = found * G - m.cals[c]!.off * G;
        for (let k = a0; k < a1; k++) {
          aS[k] = s + (m.aStored[k] ?? 0);
          parts[k] = contiguous(j, k, aS[k]!, nb);
          book(k, 1);
        }
      }
    }
    // Dates from the bookings: an assignment runs from its first to its last booked bucket.
    let sMin = Infinity;
    let f = s + d;
    for (let k = a0; k < a1; k++) {
      const ps = parts[k]!;
      if (ps.length > 0) {
        const wb = m.cals[m.aGrid[k]!]!.wb;
        aS[k] = axisAt(j, wb[ps[0]!]!);
        aE[k] = axisAt(j, wb[ps[ps.length - 1]! - 1]! + 1);
      } else aE[k] = aS[k]! + d;
      if (aS[k]! < sMin) sMin = aS[k]!;
      if (aE[k]! > f) f = aE[k]!;
    }
    if (a1 > a0 && sMin > s) s = sMin;
    if (s + d > f) f = s + d;
    S[j] = s;
    F[j] = f;
    if (mode === "level" && nb > 0) {
      const fe = m.endOf(j, f) + m.horizonSpan;
      if (fe > latest) latest = fe;
    }
    for (let p = net.succOffsets[j]!; p < net.succOffsets[j + 1]!; p++) {
      const q = net.linkTo[net.succLinks[p]!]!;
      if (--predLeft[q]! === 0) {
        computeLo(q);
        heap.push(q);
      }
    }
  }
  return { S, F, lo, aS, aE, parts, unresolved, cause, causeBucket };
}

export { fromEpochMinute, displayDates };
