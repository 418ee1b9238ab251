import type { EpochMinute } from "../time/local.js";
import type { CompiledNetwork } from "./network.js";
import { F_COMPLETE, F_MILESTONE, F_START_MS } from "./network.js";
import { axisToDate } from "./passes.js";
import type { PassResult } from "./passes.js";

/**
 * Epoch-minute dates of every task as the tool would display them.
 *
 * @category Scheduling
 * @since 0.1.0
 */
export interface DisplayDates {
  readonly earlyStart: Float64Array;
  readonly earlyFinish: Float64Array;
  readonly lateStart: Float64Array;
  readonly lateFinish: Float64Array;
  readonly start: Float64Array;
  readonly finish: Float64Array;
}

const FINISH_CONSTRAINTS = new Set([3, 6, 7, 9]);

/**
 * Turns the axis values of a {@link PassResult} into displayed dates. An axis position is ambiguous
 * at a working-period boundary (17:00 and the next morning's 08:00 are the same working minute);
 * starts resolve to the next work start and finishes to the end of the previous working period.
 * With `milestones: "msp"`, MS Project's rule applies on top: a finish driven by an FF/SF link or a
 * finish constraint, and both dates of a milestone, keep the exact date of the link or constraint
 * that drives them (ties: the later date for early dates, the earlier date for late dates).
 * P6 start milestones sit at a work start, finish milestones at a work end.
 *
 * @param net - the compiled network
 * @param pass - the pass result
 * @returns displayed dates as epoch minutes
 * @example
 * ```ts
 * import { compileNetworkInput, runPasses, displayDates, ELAPSED_CALENDAR } from "@pmokit/core";
 * const net = compileNetworkInput({
 *   projectStart: 0, projectCalendar: ELAPSED_CALENDAR,
 *   tasks: [{ id: "A", calendar: ELAPSED_CALENDAR, duration: 60 }], links: [],
 * });
 * displayDates(net, runPasses(net)).earlyFinish[0]; // 60
 * ```
 * @category Scheduling
 * @since 0.1.0
 */
export function displayDates(net: CompiledNetwork, pass: PassResult): DisplayDates {
  const n = net.taskCount;
  const { calendars: cals, taskCalendar: tcal, origin, flags, order } = net;
  const { linkFrom, linkTo, linkType, linkLag, linkPercent, linkLagCalendar, linkNoForward, linkNoBackward } =
    net;
  const msp = net.options.milestones === "msp";
  const es = pass.earlyStart;
  const ef = pass.earlyFinish;
  const ls = pass.lateStart;
  const lf = pass.lateFinish;
  const dES = new Float64Array(n);
  const dEF = new Float64Array(n);
  const dLS = new Float64Array(n);
  const dLF = new Float64Array(n);
  const W = (c: number, e: EpochMinute): number => cals[c]!.workingMinutesBetween(origin, e);
  const lagOf = (k: number): number =>
    linkPercent[k] === 1 ? Math.round((linkLag[k]! * net.duration[linkFrom[k]!]!) / 100) : linkLag[k]!;
  const cal = (j: number) => cals[tcal[j]!]!;

  for (let oi = 0; oi < n; oi++) {
    const j = order[oi]!;
    const f = flags[j]!;
    const c = cal(j);
    const ms = (f & F_MILESTONE) !== 0;
    if (!msp && f & F_COMPLETE && net.statusDate !== undefined) {
      // P6 reports a completed activity's remaining early dates at the data date itself.
      dES[j] = dEF[j] = net.statusDate;
      continue;
    }
    if (ms && !msp) {
      const e =
        f & F_START_MS ? axisToDate(c, origin, es[j]!, "start") : axisToDate(c, origin, ef[j]!, "end");
      dES[j] = dEF[j] = e;
      continue;
    }
    dES[j] = axisToDate(c, origin, es[j]!, "start");
    dEF[j] = ms ? dES[j]! : axisToDate(c, origin, ef[j]!, "end");
    if (!msp) continue;
    let best = -Infinity;
    const target = ms ? es[j]! : ef[j]!;
    for (let p = net.predOffsets[j]!; p < net.predOffsets[j + 1]!; p++) {
      const k = net.predLinks[p]!;
      if (linkNoForward[k] === 1) continue;
      const t = linkType[k]!;
      if (!ms && !(t & 2)) continue;
      const i = linkFrom[k]!;
      const src = t & 1 ? dES[i]! : dEF[i]!;
      const cand = cals[linkLagCalendar[k]!]!.addWorkingMinutes(src, lagOf(k));
      if (W(tcal[j]!, cand) === target && cand > best) best = cand;
    }
    const consider = (type: number, date: number, axis: number): void => {
      if (type < 2 || date !== date) return;
      const finishType = FINISH_CONSTRAINTS.has(type);
      if (!ms && !finishType) return;
      if (axis === target && date > best) best = date;
    };
    consider(net.constraintType[j]!, net.constraintDate[j]!, net.constraintAxis[j]!);
    consider(net.constraintType2[j]!, net.constraintDate2[j]!, net.constraintAxis2[j]!);
    if (best > -Infinity) {
      if (ms) dES[j] = dEF[j] = best;
      else if (best >= dES[j]!) dEF[j] = best;
    }
  }

  const pf = pass.projectFinish;
  for (let oi = n - 1; oi >= 0; oi--) {
    const j = order[oi]!;
    const f = flags[j]!;
    const c = cal(j);
    const ms = (f & F_MILESTONE) !== 0;
    if (ms && !msp) {
      const e =
        f & F_START_MS ? axisToDate(c, origin, ls[j]!, "start") : axisToDate(c, origin, lf[j]!, "end");
      dLS[j] = dLF[j] = e;
      continue;
    }
    dLS[j] = axisToDate(c, origin, ls[j]!, "start");
    dLF[j] = ms ? dLS[j]! : axisToDate(c, origin, lf[j]!, "end");
    if (!ms) continue;
    let best = Infinity;
    const target = lf[j]!;
    if (W(tcal[j]!, pf) === target) best = pf;
    for (let p = net.succOffsets[j]!; p < net.succOffsets[j + 1]!; p++) {
      const k = net.succLinks[p]!;
      if (linkNoBackward[k] === 1) continue;
      const q = linkTo[k]!;
      const t = linkType[k]!;
      const dst = t & 2 ? dLF[q]! : dLS[q]!;
      const cand = cals[linkLagCalendar[k]!]!.addWorkingMinutes(dst, -lagOf(k));
      if (W(tcal[j]!, cand) === target && cand < best) best = cand;
    }
    const consider = (type: number, date: number, axis: number): void => {
      if (type >= 2 && date === date && axis === target && date < best) best = date;
    };
    consider(net.constraintType[j]!, net.constraintDate[j]!, net.constraintAxis[j]!);
    consider(net.constraintType2[j]!, net.constraintDate2[j]!, net.constraintAxis2[j]!);
    consider(2, net.deadlineDate[j]!, net.deadlineAxis[j]!);
    if (best < Infinity) dLS[j] = dLF[j] = best;
    else dLS[j] = dLF[j] = axisToDate(c, origin, lf[j]!, "end");
  }

  let start = dES;
  let finish = dEF;
  let hasActuals = false;
  for (let j = 0; j < n && !hasActuals; j++)
    if (net.actualStartDate[j] === net.actualStartDate[j]) hasActuals = true;
  if (pass.start !== pass.earlyStart || hasActuals) {
    start = new Float64Array(n);
    finish = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const ms = (flags[j]! & F_MILESTONE) !== 0;
      const c = cal(j);
      const s = pass.start[j]!;
      const fi = pass.finish[j]!;
      start[j] = s === es[j] ? dES[j]! : s === ls[j] ? dLS[j]! : axisToDate(c, origin, s, "start");
      finish[j] =
        fi === ef[j] ? dEF[j]! : fi === lf[j] ? dLF[j]! : ms ? start[j]! : axisToDate(c, origin, fi, "end");
    }
  }
  // Scheduled dates of progressed tasks are their actual dates.
  const keepActuals = net.options.progress === "actualDates";
  for (let j = 0; j < n && hasActuals; j++) {
    const as = net.actualStartDate[j]!;
    if (as !== as) continue;
    start[j] = as;
    const af = net.actualFinishDate[j]!;
    if (af === af) finish[j] = af;
    if (keepActuals) {
      // MS Project shows a started task's actual start as its early start, even outside working
      // time (e.g. work recorded on a Saturday); a completed task's late dates are its actual dates.
      dES[j] = as;
      if (af === af) {
        dEF[j] = af;
        dLS[j] = as;
        dLF[j] = af;
      }
    }
  }
  return { earlyStart: dES, earlyFinish: dEF, lateStart: dLS, lateFinish: dLF, start, finish };
}
