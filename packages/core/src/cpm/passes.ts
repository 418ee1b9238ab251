import type { WorkingCalendar } from "../calendar/types.js";
import { PmokitError } from "../errors.js";
import type { EpochMinute } from "../time/local.js";
import type { CompiledNetwork } from "./network.js";
import * as NF from "./network.js";

// Local copies: module bindings can be getters under some loaders, and these are read in hot loops.
const F_ALAP = NF.F_ALAP;
const F_ASSIGN = NF.F_ASSIGN;
const F_COMPLETE = NF.F_COMPLETE;
const F_LOE = NF.F_LOE;
const F_MANUAL = NF.F_MANUAL;
const F_MILESTONE_KIND = NF.F_MILESTONE_KIND;
const F_SPECIAL = NF.F_SPECIAL;
const F_STARTED = NF.F_STARTED;

/**
 * Output of {@link runPasses}: per task, dates as working minutes since the network origin on the
 * task's own calendar axis (convert with {@link axisToDate}), slack in working minutes of the task's
 * calendar, and per link the gap (how far the predecessor may slip before it moves the successor's
 * early date; 0 = driving).
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface PassResult {
  readonly earlyStart: Float64Array;
  readonly earlyFinish: Float64Array;
  readonly lateStart: Float64Array;
  readonly lateFinish: Float64Array;
  /** Scheduled dates: early dates, or late dates for MS Project ALAP tasks and schedule-from-finish. */
  readonly start: Float64Array;
  readonly finish: Float64Array;
  readonly startSlack: Float64Array;
  readonly finishSlack: Float64Array;
  readonly totalSlack: Float64Array;
  readonly freeSlack: Float64Array;
  /** Per link: working minutes (predecessor calendar) the predecessor can slip before moving the successor. */
  readonly linkGap: Float64Array;
  /** 1 = critical. */
  readonly critical: Uint8Array;
  readonly projectStart: EpochMinute;
  readonly projectFinish: EpochMinute;
}

/**
 * Converts an axis value of a task calendar back to an epoch minute. `form` `"start"` gives the
 * start of the working minute at that position (e.g. 08:00 the next morning), `"end"` the end of the
 * previous working minute (e.g. 17:00).
 *
 * @param calendar - the task's calendar
 * @param origin - the network origin (`network.origin`)
 * @param value - axis value
 * @param form - start or end form
 * @returns the epoch minute
 * @example
 * ```ts
 * import { axisToDate, ELAPSED_CALENDAR } from "@pmokit/core";
 * axisToDate(ELAPSED_CALENDAR, 100, 20, "end"); // 120
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export function axisToDate(
  calendar: WorkingCalendar,
  origin: EpochMinute,
  value: number,
  form: "start" | "end",
): EpochMinute {
  if (form === "start") return calendar.nextWorkingStart(calendar.addWorkingMinutes(origin, value));
  return calendar.addWorkingMinutes(calendar.addWorkingMinutes(origin, value - 1), 1);
}

/**
 * Runs the forward pass, backward pass, slack and critical flags on a compiled network. Cheap to call
 * many times: no allocation beyond the result arrays, and no calendar call on links whose
 * predecessor, successor and lag share one calendar.
 *
 * @param net - the compiled network ({@link compileNetwork})
 * @param durations - optional override of every task's duration (working minutes of its calendar; for started tasks in the P6 dialect, the remaining duration), e.g. a Monte Carlo sample
 * @returns dates, slack and flags per task
 * @throws PmokitError `INVALID_INPUT` when `durations` has the wrong length
 * @example
 * ```ts
 * import { compileNetworkInput, runPasses, ELAPSED_CALENDAR } from "@pmokit/core";
 * const net = compileNetworkInput({
 *   projectStart: 0, projectCalendar: ELAPSED_CALENDAR,
 *   tasks: [{ id: "A", calendar: ELAPSED_CALENDAR, duration: 60 }],
 *   links: [],
 * });
 * runPasses(net, Float64Array.of(90)).earlyFinish[0]; // 90
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export function runPasses(net: CompiledNetwork, durations?: ArrayLike<number>): PassResult {
  const n = net.taskCount;
  const m = net.linkCount;
  const o = net.options;
  if (durations !== undefined && durations.length !== n) {
    throw new PmokitError("INVALID_INPUT", `durations: expected ${n} values, got ${durations.length}`, {
      expected: `${n} durations`,
      received: String(durations.length),
    });
  }
  const plan = plainPlan(net);
  if (plan !== null) return runPlain(net, plan, durations);
  const cals = net.calendars;
  const origin = net.origin;
  const { flags, taskCalendar: tcal, order } = net;
  const { linkFrom, linkTo, linkType, linkLag, linkPercent, linkLagCalendar, linkFast } = net;
  const { linkNoForward, linkNoBackward, predOffsets, predLinks, succOffsets, succLinks } = net;
  const W = (c: number, e: EpochMinute): number => cals[c]!.workingMinutesBetween(origin, e);
  const startOf = (c: number, v: number): EpochMinute => axisToDate(cals[c]!, origin, v, "start");
  const endOf = (c: number, v: number): EpochMinute => axisToDate(cals[c]!, origin, v, "end");

  // Effective durations from the early start (remaining work for started P6 tasks, manual spans).
  const dur = new Float64Array(n);
  const p6Progress = o.progress !== "actualDates";
  for (let j = 0; j < n; j++) {
    const f = flags[j]!;
    let d = durations === undefined ? net.duration[j]! : Math.max(0, Math.round(durations[j]!));
    if (f & F_MILESTONE_KIND) d = 0;
    if (f & F_SPECIAL) {
      if (f & F_COMPLETE)
        d =
          p6Progress && net.statusDate !== undefined ? 0 : net.actualFinishAxis[j]! - net.actualStartAxis[j]!;
      else if (f & F_STARTED && p6Progress) d = durations === undefined ? net.remaining[j]! : d;
      else if (f & F_MANUAL) d = net.manualFinishAxis[j]! - net.manualStartAxis[j]!;
    }
    dur[j] = d;
  }
  const lagOf = (k: number): number =>
    linkPercent[k] === 1 ? Math.round((linkLag[k]! * dur[linkFrom[k]!]!) / 100) : linkLag[k]!;

  // Assignment-level scheduling (F_ASSIGN): each assignment on its own calendar, the task spans them.
  const { assignmentOffsets: aOff, assignmentCalendar: aCal, assignmentDuration: aDur } = net;
  const aDelay = net.assignmentDelay;
  const scaleOf = (j: number): number => {
    if (durations === undefined) return 1;
    const nominal = net.duration[j]!;
    return nominal > 0 ? dur[j]! / nominal : 1;
  };
  /** Early finish (task axis) of an assignment-driven task starting at axis value `s`. */
  const asgFinish = (j: number, s: number): number => {
    const cj = tcal[j]!;
    const S = startOf(cj, s);
    const sc = scaleOf(j);
    let mx = S;
    for (let a = aOff[j]!; a < aOff[j + 1]!; a++) {
      const c = cals[aCal[a]!]!;
      let st = c.nextWorkingStart(S);
      if (aDelay[a]! > 0) st = c.nextWorkingStart(c.addWorkingMinutes(st, aDelay[a]!));
      const fe = c.addWorkingMinutes(st, Math.round(aDur[a]! * sc));
      if (fe > mx) mx = fe;
    }
    const v = W(cj, mx);
    return v > s ? v : s;
  };
  /**
   * Start (task axis) of an assignment-driven task from a finish at axis value `fin`. By default the
   * latest start from which every assignment ends by `fin` (backward pass, deadlines). With
   * `reaching` (forward pass, a finish-to-finish or start-to-finish predecessor) the earliest start
   * from which the last assignment ends at or after `fin`: an assignment whose calendar cannot end at
   * that instant (not working the minute before) then ends at its next working minute. Without it the
   * task could end before `fin` on its own axis (on the assignment's calendar the two are the same
   * position, on the task's they are not) and the predecessor would get negative slack.
   */
  const asgStart = (j: number, fin: number, reaching = false): number => {
    const cj = tcal[j]!;
    const F = endOf(cj, fin);
    const sc = scaleOf(j);
    let mn = reaching ? Infinity : F;
    for (let a = aOff[j]!; a < aOff[j + 1]!; a++) {
      const c = cals[aCal[a]!]!;
      const d = Math.round(aDur[a]! * sc);
      const end =
        reaching && d > 0 && !c.isWorking(F - 1) ? c.nextWorkingStart(F) + 1 : c.previousWorkingEnd(F);
      let st = c.addWorkingMinutes(end, -d);
      if (aDelay[a]! > 0) st = c.addWorkingMinutes(st, -aDelay[a]!);
      if (st < mn) mn = st;
    }
    if (reaching) return mn === Infinity ? fin : W(cj, mn);
    const v = W(cj, mn);
    return v < fin ? v : fin;
  };

  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const nc = cals.length;
  const ddAxis = new Float64Array(nc);
  const hasDd = net.statusDate !== undefined;
  for (let c = 0; c < nc; c++) ddAxis[c] = hasDd ? W(c, net.statusDate!) : 0;
  const cPrec = o.constraintPrecedence === "constraints";
  const p6Sem = o.constraintSemantics === "p6";

  // ---- forward pass ----
  const floor = new Float64Array(nc);
  const forward = (alapFloor: Float64Array | null): void => {
    for (let oi = 0; oi < n; oi++) {
      const j = order[oi]!;
      const f = flags[j]!;
      const cj = tcal[j]!;
      const d = dur[j]!;
      if (f & F_COMPLETE) {
        if (p6Progress && hasDd) {
          // P6 reports the remaining dates of a completed activity: both at the data date.
          es[j] = ddAxis[cj]!;
          ef[j] = ddAxis[cj]!;
        } else {
          es[j] = net.actualStartAxis[j]!;
          ef[j] = net.actualFinishAxis[j]!;
        }
        continue;
      }
      let s = floor[cj]!;
      let fin = -Infinity;
      const pe = predOffsets[j + 1]!;
      for (let p = predOffsets[j]!; p < pe; p++) {
        const k = predLinks[p]!;
        if (linkNoForward[k] === 1) continue;
        const i = linkFrom[k]!;
        const t = linkType[k]!;
        const lag = linkPercent[k] === 1 ? lagOf(k) : linkLag[k]!;
        let v: number;
        if (linkFast[k] === 1) v = (t & 1 ? es[i]! : ef[i]!) + lag;
        else {
          const ci = tcal[i]!;
          const e = t & 1 ? startOf(ci, es[i]!) : endOf(ci, ef[i]!);
          v = W(cj, cals[linkLagCalendar[k]!]!.addWorkingMinutes(e, lag));
        }
        if (t & 2) {
          if (v > fin) fin = v;
        } else if (v > s) s = v;
      }
      if (f & F_ASSIGN) {
        if (fin > -Infinity) {
          const v = asgStart(j, fin, true);
          if (v > s) s = v;
        }
      } else if (fin - d > s) s = fin - d;
      if (f & F_SPECIAL) {
        if (f & F_MANUAL) s = net.manualStartAxis[j]!;
        else if (f & F_STARTED) {
          if (!p6Progress) s = net.actualStartAxis[j]!;
          else if (o.progress === "progressOverride") s = ddAxis[cj]!;
          else if (s < ddAxis[cj]!) s = ddAxis[cj]!;
        } else {
          const c1 = net.constraintType[j]!;
          if (c1 > 1) s = forwardConstraint(c1, net.constraintAxis[j]!, s, d, p6Sem, cPrec);
          const c2 = net.constraintType2[j]!;
          if (c2 > 1) s = forwardConstraint(c2, net.constraintAxis2[j]!, s, d, p6Sem, cPrec);
          if (alapFloor !== null && f & F_ALAP && alapFloor[j]! > s) s = alapFloor[j]!;
        }
      }
      es[j] = s;
      ef[j] = f & F_ASSIGN ? asgFinish(j, s) : s + d;
    }
  };

  // ---- backward pass ----
  const pfAxis = new Float64Array(nc);
  const backward = (): void => {
    for (let oi = n - 1; oi >= 0; oi--) {
      const j = order[oi]!;
      const f = flags[j]!;
      const cj = tcal[j]!;
      const d = dur[j]!;
      if (f & F_COMPLETE) {
        ls[j] = es[j]!;
        lf[j] = ef[j]!;
        continue;
      }
      let fin = pfAxis[cj]!;
      let s = Infinity;
      const se = succOffsets[j + 1]!;
      for (let p = succOffsets[j]!; p < se; p++) {
        const k = succLinks[p]!;
        if (linkNoBackward[k] === 1) continue;
        const q = linkTo[k]!;
        const t = linkType[k]!;
        const lag = linkPercent[k] === 1 ? lagOf(k) : linkLag[k]!;
        let v: number;
        if (linkFast[k] === 1) v = (t & 2 ? lf[q]! : ls[q]!) - lag;
        else {
          const cq = tcal[q]!;
          // The latest instant at the successor's working position: its next work start.
          const e = startOf(cq, t & 2 ? lf[q]! : ls[q]!);
          v = W(cj, cals[linkLagCalendar[k]!]!.addWorkingMinutes(e, -lag));
        }
        if (t & 1) {
          if (v < s) s = v;
        } else if (v < fin) fin = v;
      }
      let byFinish = NaN;
      if (f & F_ASSIGN) {
        byFinish = asgStart(j, fin);
        if (byFinish < s) s = byFinish;
      } else if (fin - d < s) s = fin - d;
      if (f & F_SPECIAL && !(f & (F_STARTED | F_MANUAL))) {
        const c1 = net.constraintType[j]!;
        if (c1 > 1) s = backwardConstraint(c1, net.constraintAxis[j]!, s, d, p6Sem, cPrec);
        const c2 = net.constraintType2[j]!;
        if (c2 > 1) s = backwardConstraint(c2, net.constraintAxis2[j]!, s, d, p6Sem, cPrec);
      }
      if (f & F_SPECIAL) {
        const dl = net.deadlineAxis[j]!;
        if (dl === dl) {
          const v = f & F_ASSIGN ? asgStart(j, dl) : dl - d;
          if (v < s) s = v;
        }
      }
      ls[j] = s;
      lf[j] = f & F_ASSIGN ? (s === byFinish ? fin : asgFinish(j, s)) : s + d;
    }
  };
  const computeProjectFinish = (): EpochMinute => {
    if (n === 0) return net.projectStart;
    if (net.singleCalendar) {
      let mx = -Infinity;
      for (let j = 0; j < n; j++) if (ef[j]! > mx) mx = ef[j]!;
      return endOf(tcal[0]!, mx);
    }
    let mx = -Infinity;
    for (let j = 0; j < n; j++) {
      const e = endOf(tcal[j]!, ef[j]!);
      if (e > mx) mx = e;
    }
    return mx;
  };
  const setPf = (pf: EpochMinute): void => {
    for (let c = 0; c < nc; c++) pfAxis[c] = W(c, pf);
  };
  const setFloor = (ps: EpochMinute): void => {
    for (let c = 0; c < nc; c++) {
      const v = W(c, ps);
      floor[c] = o.remainingFromDataDate && hasDd && ddAxis[c]! > v ? ddAxis[c]! : v;
    }
  };

  let projectStart = net.projectStart;
  let projectFinish: EpochMinute;
  const fromFinish = net.scheduleFrom === "finish" && net.projectFinish !== undefined;
  // P6 level of effort: its finish stretches to the activities linked to its finish (successors'
  // early dates are final because an LOE never drives them).
  let hasLoe = false;
  for (let j = 0; j < n; j++) if (flags[j]! & F_LOE) hasLoe = true;
  const levelOfEffort = (): void => {
    if (!hasLoe) return;
    for (let oi = n - 1; oi >= 0; oi--) {
      const j = order[oi]!;
      if (!(flags[j]! & F_LOE) || flags[j]! & F_COMPLETE) continue;
      let fin = ef[j]!;
      const se = succOffsets[j + 1]!;
      for (let p = succOffsets[j]!; p < se; p++) {
        const k = succLinks[p]!;
        const t = linkType[k]!;
        if (t & 1) continue; // SS / SF relate to the LOE's start
        const q = linkTo[k]!;
        const lag = lagOf(k);
        let v: number;
        if (linkFast[k] === 1) v = (t & 2 ? ef[q]! : es[q]!) - lag;
        else {
          const e = startOf(tcal[q]!, t & 2 ? ef[q]! : es[q]!);
          v = W(tcal[j]!, cals[linkLagCalendar[k]!]!.addWorkingMinutes(e, -lag));
        }
        if (v > fin) fin = v;
      }
      ef[j] = fin;
      dur[j] = fin - es[j]!;
    }
  };

  if (fromFinish) {
    projectFinish = net.projectFinish!;
    setPf(projectFinish);
    backward();
    let mn = Infinity;
    for (let j = 0; j < n; j++) {
      const e = startOf(tcal[j]!, ls[j]!);
      if (e < mn) mn = e;
    }
    if (n > 0) projectStart = mn;
    setFloor(projectStart);
    forward(null);
    levelOfEffort();
  } else {
    setFloor(projectStart);
    forward(null);
    levelOfEffort();
    const earlyFinish = computeProjectFinish();
    projectFinish =
      o.constraintSemantics === "p6" && net.projectFinish !== undefined ? net.projectFinish : earlyFinish;
    setPf(projectFinish);
    backward();
  }

  let hasAlap = false;
  for (let j = 0; j < n; j++) if (flags[j]! & F_ALAP && !(flags[j]! & (F_STARTED | F_MANUAL))) hasAlap = true;

  // ---- link gaps ----
  const linkGap = new Float64Array(m);
  const gapOf = (k: number): number => {
    const i = linkFrom[k]!;
    const q = linkTo[k]!;
    const t = linkType[k]!;
    const lag = lagOf(k);
    const own = t & 1 ? es[i]! : ef[i]!;
    if (linkFast[k] === 1) return (t & 2 ? ef[q]! : es[q]!) - lag - own;
    const cq = tcal[q]!;
    const e = startOf(cq, t & 2 ? ef[q]! : es[q]!);
    return W(tcal[i]!, cals[linkLagCalendar[k]!]!.addWorkingMinutes(e, -lag)) - own;
  };
  const pfEarly = new Float64Array(nc);

  // ---- ALAP ----
  if (hasAlap && o.alap === "lateDates") {
    const alapFloor = new Float64Array(n);
    for (let j = 0; j < n; j++) alapFloor[j] = ls[j]!;
    forward(alapFloor);
  } else if (hasAlap) {
    // P6: consume free float, latest tasks first.
    const pf = computeProjectFinish();
    for (let c = 0; c < nc; c++) pfEarly[c] = W(c, pf);
    for (let oi = n - 1; oi >= 0; oi--) {
      const j = order[oi]!;
      const f = flags[j]!;
      if (!(f & F_ALAP) || f & (F_STARTED | F_MANUAL)) continue;
      let g = Infinity;
      let any = false;
      const se = succOffsets[j + 1]!;
      for (let p = succOffsets[j]!; p < se; p++) {
        const k = succLinks[p]!;
        if (linkNoBackward[k] === 1) continue;
        any = true;
        const v = gapOf(k);
        if (v < g) g = v;
      }
      if (!any) g = pfEarly[tcal[j]!]! - ef[j]!;
      const room = Math.min(g, lf[j]! - ef[j]!);
      if (room > 0) {
        es[j] = es[j]! + room;
        ef[j] = f & F_ASSIGN ? asgFinish(j, es[j]!) : ef[j]! + room;
      }
    }
  }

  // Link gaps, and per predecessor the smallest gap (free slack) over the links that count.
  const minGap = new Float64Array(n).fill(Infinity);
  const noSuccessor = new Uint8Array(n).fill(1);
  const clampFree = o.dialect === "msp" || o.freeSlackWithoutSuccessors === "totalSlack";
  for (let k = 0; k < m; k++) {
    const i = linkFrom[k]!;
    const q = linkTo[k]!;
    let g: number;
    if (linkNoForward[k] === 1) g = Infinity;
    else if (linkFast[k] === 1 && linkPercent[k] === 0) {
      const t = linkType[k]!;
      g = (t & 2 ? ef[q]! : es[q]!) - linkLag[k]! - (t & 1 ? es[i]! : ef[i]!);
    } else g = gapOf(k);
    linkGap[k] = g;
    if (linkNoBackward[k] === 1 || (clampFree && flags[q]! & F_COMPLETE)) continue;
    noSuccessor[i] = 0;
    if (g < minGap[i]!) minGap[i] = g;
  }

  // ---- slack ----
  const startSlack = new Float64Array(n);
  const finishSlack = new Float64Array(n);
  const totalSlack = new Float64Array(n);
  const freeSlack = new Float64Array(n);
  const pfE = computeProjectFinish();
  for (let c = 0; c < nc; c++) pfEarly[c] = W(c, pfE);
  const tsKind = o.totalSlack;
  const startedFinish = o.startedTaskSlack === "finish";
  for (let j = 0; j < n; j++) {
    const f = flags[j]!;
    const ss = ls[j]! - es[j]!;
    const fs = lf[j]! - ef[j]!;
    startSlack[j] = ss;
    finishSlack[j] = fs;
    let ts = tsKind === "min" ? Math.min(ss, fs) : tsKind === "start" ? ss : fs;
    if (f & F_STARTED && startedFinish) ts = fs;
    if (f & F_COMPLETE) ts = 0;
    totalSlack[j] = ts;
    let fr = minGap[j]!;
    if (fr === Infinity && noSuccessor[j] === 1) {
      fr = o.freeSlackWithoutSuccessors === "totalSlack" ? ts : pfEarly[tcal[j]!]! - ef[j]!;
    }
    if (fr > ts) fr = ts;
    if (clampFree && fr < 0) fr = 0;
    if (f & F_COMPLETE) fr = 0;
    freeSlack[j] = fr;
  }

  // ---- critical ----
  const critical = new Uint8Array(n);
  if (o.critical.kind === "totalSlack") {
    const lim = o.critical.limitMinutes;
    for (let j = 0; j < n; j++) if (totalSlack[j]! <= lim && !(flags[j]! & F_COMPLETE)) critical[j] = 1;
  } else {
    // Longest path: walk driving links back from the tasks that finish last.
    const stack: number[] = [];
    for (let j = 0; j < n; j++) {
      if (W(tcal[j]!, projectFinish) <= ef[j]! || pfEarly[tcal[j]!]! <= ef[j]!) {
        critical[j] = 1;
        stack.push(j);
      }
    }
    while (stack.length > 0) {
      const j = stack.pop()!;
      const pe = predOffsets[j + 1]!;
      for (let p = predOffsets[j]!; p < pe; p++) {
        const k = predLinks[p]!;
        const i = linkFrom[k]!;
        if (linkGap[k]! <= 0 && critical[i] === 0) {
          critical[i] = 1;
          stack.push(i);
        }
      }
    }
  }

  // Scheduled dates.
  let start = es;
  let finish = ef;
  if (fromFinish || (hasAlap && o.alap === "lateDates")) {
    start = es.slice();
    finish = ef.slice();
    if (fromFinish) {
      for (let j = 0; j < n; j++) {
        if (flags[j]! & (F_STARTED | F_MANUAL)) continue;
        start[j] = ls[j]!;
        finish[j] = lf[j]!;
      }
    }
  }
  return {
    earlyStart: es,
    earlyFinish: ef,
    lateStart: ls,
    lateFinish: lf,
    start,
    finish,
    startSlack,
    finishSlack,
    totalSlack,
    freeSlack,
    linkGap,
    critical,
    projectStart,
    projectFinish,
  };
}

/** Link data in predecessor / successor CSR order, for sequential reads in the plain sweeps. */
interface PlainPlan {
  readonly predFrom: Int32Array;
  readonly predType: Uint8Array;
  readonly predLag: Float64Array;
  readonly succTo: Int32Array;
  readonly succType: Uint8Array;
  readonly succLag: Float64Array;
  /** Tasks in topological order: index order when every link goes from a lower to a higher index. */
  readonly order: Int32Array;
}

/** Per compiled network: its plan when it qualifies for {@link runPlain}, else null (computed once). */
const PLAIN = new WeakMap<CompiledNetwork, PlainPlan | null>();

/**
 * Whether a network is plain: one calendar, no task needing the per-task path (constraints, deadlines,
 * progress, manual, ALAP, LOE, assignments), every link on that calendar with a fixed lag, scheduled
 * from the start, critical by total slack. The usual generated or imported network.
 */
function plainPlan(net: CompiledNetwork): PlainPlan | null {
  let plan = PLAIN.get(net);
  if (plan === undefined) {
    let v =
      net.singleCalendar &&
      !net.hasSpecial &&
      net.scheduleFrom !== "finish" &&
      net.options.critical.kind === "totalSlack";
    for (let k = 0; v && k < net.linkCount; k++) {
      if (net.linkFast[k] !== 1 || net.linkPercent[k] !== 0) v = false;
      else if (net.linkNoForward[k] !== 0 || net.linkNoBackward[k] !== 0) v = false;
    }
    plan = null;
    if (v) {
      const m = net.linkCount;
      const predFrom = new Int32Array(m);
      const predType = new Uint8Array(m);
      const predLag = new Float64Array(m);
      const succTo = new Int32Array(m);
      const succType = new Uint8Array(m);
      const succLag = new Float64Array(m);
      for (let p = 0; p < m; p++) {
        const k = net.predLinks[p]!;
        predFrom[p] = net.linkFrom[k]!;
        predType[p] = net.linkType[k]!;
        predLag[p] = net.linkLag[k]!;
        const k2 = net.succLinks[p]!;
        succTo[p] = net.linkTo[k2]!;
        succType[p] = net.linkType[k2]!;
        succLag[p] = net.linkLag[k2]!;
      }
      let forwardIndexed = true;
      for (let k = 0; k < m && forwardIndexed; k++)
        if (net.linkFrom[k]! >= net.linkTo[k]!) forwardIndexed = false;
      const order = forwardIndexed ? Int32Array.from({ length: net.taskCount }, (_, i) => i) : net.order;
      plan = { predFrom, predType, predLag, succTo, succType, succLag, order };
    }
    PLAIN.set(net, plan);
  }
  return plan;
}

/**
 * {@link runPasses} on a plain network (see {@link isPlain}): integer sweeps only, with slack, link
 * gaps, free slack and critical flags fused into the backward sweep, and every result array cut from
 * one allocation. Gives the same answers as the general path.
 */
function runPlain(
  net: CompiledNetwork,
  plan: PlainPlan,
  durations: ArrayLike<number> | undefined,
): PassResult {
  const n = net.taskCount;
  const m = net.linkCount;
  const o = net.options;
  const { predOffsets, succOffsets, succLinks } = net;
  const { predFrom, predType, predLag, succTo, succType, succLag, order } = plan;
  let dur: Float64Array = net.duration;
  if (durations !== undefined) {
    dur = new Float64Array(n);
    const flags = net.flags;
    for (let j = 0; j < n; j++)
      dur[j] = flags[j]! & F_MILESTONE_KIND ? 0 : Math.max(0, Math.round(durations[j]!));
  }
  const buf = new Float64Array(8 * n + m);
  const es = buf.subarray(0, n);
  const ef = buf.subarray(n, 2 * n);
  const ls = buf.subarray(2 * n, 3 * n);
  const lf = buf.subarray(3 * n, 4 * n);
  const startSlack = buf.subarray(4 * n, 5 * n);
  const finishSlack = buf.subarray(5 * n, 6 * n);
  const totalSlack = buf.subarray(6 * n, 7 * n);
  const freeSlack = buf.subarray(7 * n, 8 * n);
  const linkGap = buf.subarray(8 * n, 8 * n + m);
  const critical = new Uint8Array(n);
  const result = (projectFinish: number): PassResult => ({
    earlyStart: es,
    earlyFinish: ef,
    lateStart: ls,
    lateFinish: lf,
    start: es,
    finish: ef,
    startSlack,
    finishSlack,
    totalSlack,
    freeSlack,
    linkGap,
    critical,
    projectStart: net.projectStart,
    projectFinish,
  });
  if (n === 0) return result(net.projectStart);
  const cal = net.calendars[net.taskCalendar[0]!]!;
  const origin = net.origin;
  let floor = cal.workingMinutesBetween(origin, net.projectStart);
  if (o.remainingFromDataDate && net.statusDate !== undefined) {
    const dd = cal.workingMinutesBetween(origin, net.statusDate);
    if (dd > floor) floor = dd;
  }

  // Forward.
  let mx = -Infinity;
  for (let oi = 0; oi < n; oi++) {
    const j = order[oi]!;
    const d = dur[j]!;
    let s = floor;
    let fin = -Infinity;
    const pe = predOffsets[j + 1]!;
    for (let p = predOffsets[j]!; p < pe; p++) {
      const i = predFrom[p]!;
      const t = predType[p]!;
      const v = (t & 1 ? es[i]! : ef[i]!) + predLag[p]!;
      if (t & 2) {
        if (v > fin) fin = v;
      } else if (v > s) s = v;
    }
    if (fin - d > s) s = fin - d;
    es[j] = s;
    const e = s + d;
    ef[j] = e;
    if (e > mx) mx = e;
  }
  const earlyFinish = axisToDate(cal, origin, mx, "end");
  const projectFinish =
    o.constraintSemantics === "p6" && net.projectFinish !== undefined ? net.projectFinish : earlyFinish;
  const pfAxis = cal.workingMinutesBetween(origin, projectFinish);

  // Backward, with slack, link gaps, free slack and critical flags of each task as it completes.
  const tsKind = o.totalSlack === "min" ? 0 : o.totalSlack === "start" ? 1 : 2;
  const freeIsTotal = o.freeSlackWithoutSuccessors === "totalSlack";
  const clampFree = o.dialect === "msp" || freeIsTotal;
  const lim = o.critical.kind === "totalSlack" ? o.critical.limitMinutes : 0;
  for (let oi = n - 1; oi >= 0; oi--) {
    const j = order[oi]!;
    const d = dur[j]!;
    const esj = es[j]!;
    const efj = ef[j]!;
    let fin = pfAxis;
    let s = Infinity;
    let gapMin = Infinity;
    const se = succOffsets[j + 1]!;
    const sb = succOffsets[j]!;
    for (let p = sb; p < se; p++) {
      const q = succTo[p]!;
      const t = succType[p]!;
      const lag = succLag[p]!;
      let g: number;
      if (t & 2) {
        const v = lf[q]! - lag;
        g = ef[q]! - lag;
        if (t & 1) {
          if (v < s) s = v;
          g -= esj;
        } else {
          if (v < fin) fin = v;
          g -= efj;
        }
      } else {
        const v = ls[q]! - lag;
        g = es[q]! - lag;
        if (t & 1) {
          if (v < s) s = v;
          g -= esj;
        } else {
          if (v < fin) fin = v;
          g -= efj;
        }
      }
      linkGap[succLinks[p]!] = g;
      if (g < gapMin) gapMin = g;
    }
    if (fin - d < s) s = fin - d;
    ls[j] = s;
    lf[j] = s + d;
    const ss = s - esj;
    const fs = s + d - efj;
    startSlack[j] = ss;
    finishSlack[j] = fs;
    const ts = tsKind === 0 ? (ss < fs ? ss : fs) : tsKind === 1 ? ss : fs;
    totalSlack[j] = ts;
    let fr = gapMin;
    if (se === sb) fr = freeIsTotal ? ts : mx - efj;
    if (fr > ts) fr = ts;
    if (clampFree && fr < 0) fr = 0;
    freeSlack[j] = fr;
    if (ts <= lim) critical[j] = 1;
  }
  return result(projectFinish);
}

// Constraint codes: 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT, 8 START_ON, 9 FINISH_ON.
function forwardConstraint(c: number, a: number, s: number, d: number, p6: boolean, honour: boolean): number {
  if (p6) {
    switch (c) {
      case 2:
        return a;
      case 3:
        return a - d;
      case 4:
      case 8:
        return s > a ? s : a;
      case 6:
      case 9:
        return s > a - d ? s : a - d;
      default:
        return s;
    }
  }
  switch (c) {
    case 2:
    case 8:
      return honour ? a : Math.max(s, a);
    case 3:
    case 9:
      return honour ? a - d : Math.max(s, a - d);
    case 4:
      return Math.max(s, a);
    case 6:
      return Math.max(s, a - d);
    case 5:
      return honour ? Math.min(s, a) : s;
    case 7:
      return honour ? Math.min(s, a - d) : s;
    default:
      return s;
  }
}

function backwardConstraint(
  c: number,
  a: number,
  s: number,
  d: number,
  p6: boolean,
  honour: boolean,
): number {
  if (p6) {
    switch (c) {
      case 2:
        return a;
      case 3:
        return a - d;
      case 5:
      case 8:
        return s < a ? s : a;
      case 7:
      case 9:
        return s < a - d ? s : a - d;
      default:
        return s;
    }
  }
  switch (c) {
    case 2:
    case 8:
      return honour ? a : Math.min(s, a);
    case 3:
    case 9:
      return honour ? a - d : Math.min(s, a - d);
    case 5:
      return Math.min(s, a);
    case 7:
      return Math.min(s, a - d);
    default:
      return s;
  }
}
