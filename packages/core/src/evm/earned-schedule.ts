import { PmokitError } from "../errors.js";
import { D, decString, toDec } from "./decimal.js";
import type { Dec } from "./decimal.js";
import { indicatorsFromDec } from "./indicators.js";
import type { EvmIndicators, EvmOptions } from "./indicators.js";

/**
 * How earned schedule handles a flat stretch of the cumulative PV curve that equals EV:
 *
 * - `end` (default, Lipke's count): C = the number of periods with PV_C ≤ EV, so ES lands at the *end* of
 *   the plateau (the division by PV_{C+1} − PV_C never hits zero);
 * - `start`: ES is the earliest time the PV curve reaches EV (the *start* of the plateau); more
 *   conservative when nothing is planned in the first periods.
 *
 * The two differ only when EV equals a plateau value of the PV curve.
 *
 * @category Earned value
 * @since 0.1.0
 */
export type EsPlateauRule = "end" | "start";

/**
 * Inputs of {@link earnedSchedule}.
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface EarnedScheduleInput {
  /** Cumulative planned value at the end of periods 1..PD (PD = length). */
  readonly pv: readonly (string | number)[];
  /** Cumulative earned value at the status date. */
  readonly ev: string | number;
  /** Actual time in periods (may be fractional; may exceed PD). */
  readonly at: number;
}

/**
 * Earned schedule at one status date (all durations in periods).
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface EarnedScheduleResult {
  /** ES = C + I (Lipke), capped at PD. */
  readonly es: number;
  /** SV(t) = ES − AT. */
  readonly svt: number;
  /** SPI(t) = ES / AT; `null` when AT = 0. */
  readonly spit: number | null;
  /** IEAC(t) = AT + (PD − ES) / SPI(t) = PD / SPI(t); `null` when SPI(t) is undefined or 0. */
  readonly ieact: number | null;
  /** IEAC(t) per performance factor: `spit` (PF = SPI(t), the default) and `plan` (PF = 1: AT + PD − ES). */
  readonly ieactVariants: { readonly spit: number | null; readonly plan: number };
  /** TSPI = (PD − ES) / (PD − AT) while AT < PD; from AT ≥ PD: (PD − ES) / (IEAC(t) − AT). `null` on a zero denominator. */
  readonly tspi: number | null;
  /** Which TSPI form was used: `pd` or `ieact` (estimated duration). */
  readonly tspiBasis: "pd" | "ieact";
  /** Planned duration in periods. */
  readonly pd: number;
  /** Actual time in periods. */
  readonly at: number;
  /** C: whole periods earned. */
  readonly c: number;
  /** The plateau rule used. */
  readonly plateau: EsPlateauRule;
  /** Whether ES was capped at PD (EV ≥ BAC). */
  readonly capped: boolean;
  /** Why each `null` value is undefined. */
  readonly undefinedReasons: Readonly<Record<string, string>>;
}

/**
 * Earned schedule (Lipke 2003; PMI Practice Standard for EVM, 2nd ed., appendix D) from a cumulative
 * planned value curve per period, the cumulative earned value and the actual time.
 *
 * ES = C + (EV − PV_C) / (PV_{C+1} − PV_C) with PV_0 = 0; C per the {@link EsPlateauRule} (default
 * `end`). ES is capped at PD when EV ≥ PV_PD (= BAC); past PD, SPI(t) keeps using AT > PD and TSPI
 * switches to the estimated-duration form (PD − ES) / (IEAC(t) − AT).
 *
 * @param input - PV curve (periods 1..PD), EV, AT
 * @param options - plateau rule
 * @returns ES, SV(t), SPI(t), IEAC(t), TSPI
 * @throws PmokitError `INVALID_INPUT` for an empty or decreasing PV curve, negative values, AT < 0
 * @example
 * ```ts
 * import { earnedSchedule } from "@pmokit/core";
 * // PV 100, 200, 300, 400; EV 250 at the end of period 3: ES = 2 + 50/100 = 2.5
 * const r = earnedSchedule({ pv: [100, 200, 300, 400], ev: 250, at: 3 });
 * r.es; // 2.5
 * r.spit; // 0.8333...
 * ```
 * @category Earned value
 * @since 0.1.0
 */
export function earnedSchedule(
  input: EarnedScheduleInput,
  options: { readonly plateau?: EsPlateauRule } = {},
): EarnedScheduleResult {
  const pv = input.pv.map((v, i) => toDec(v, `pv[${i}]`));
  checkCurve(pv, "pv");
  return esFromDec(pv, toDec(input.ev, "ev"), input.at, options.plateau ?? "end");
}

function checkCurve(pv: readonly Dec[], path: string): void {
  if (pv.length === 0)
    throw new PmokitError("INVALID_INPUT", `${path}: expected at least one period`, {
      path,
      expected: "PV per period",
    });
  let prev = new D(0);
  pv.forEach((v, i) => {
    if (v.lt(prev)) {
      throw new PmokitError(
        "INVALID_INPUT",
        `${path}[${i}]: cumulative PV decreases (${decString(v)} after ${decString(prev)})`,
        {
          path: `${path}[${i}]`,
          expected: `a cumulative value >= ${decString(prev)}`,
          received: decString(v),
        },
      );
    }
    prev = v;
  });
}

/** Earned schedule on decimals (PV already validated as a non-decreasing, non-negative curve). */
export function esFromDec(
  pv: readonly Dec[],
  ev: Dec,
  at: number,
  plateau: EsPlateauRule,
): EarnedScheduleResult {
  if (!Number.isFinite(at) || at < 0)
    throw new PmokitError("INVALID_INPUT", `at: expected a number >= 0, got ${at}`, {
      path: "at",
      expected: ">= 0",
    });
  if (ev.isNegative() && !ev.isZero())
    throw new PmokitError("INVALID_INPUT", "ev: expected a value >= 0", { path: "ev", expected: ">= 0" });
  const pd = pv.length;
  const reasons: Record<string, string> = {};
  const bac = pv[pd - 1]!;
  let es: number;
  let c: number;
  let capped = false;
  if (ev.gte(bac)) {
    c = pd;
    es = pd;
    capped = true;
  } else {
    const at_ = (k: number): Dec => (k === 0 ? new D(0) : pv[k - 1]!);
    if (plateau === "end") {
      // last C with PV_C <= EV (PV_0 = 0 always qualifies); PV_{C+1} > EV
      c = 0;
      let lo = 0;
      let hi = pd; // invariant: PV_lo <= EV, answer in [lo, hi]
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (at_(mid).lte(ev)) lo = mid;
        else hi = mid - 1;
      }
      c = lo;
    } else {
      // first n with PV_n >= EV (n >= 1); C = n − 1, so PV_C < EV <= PV_{C+1} (EV = 0: ES = 0)
      if (ev.isZero()) c = -1;
      else {
        let lo = 1;
        let hi = pd;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (at_(mid).gte(ev)) hi = mid;
          else lo = mid + 1;
        }
        c = lo - 1;
      }
    }
    if (c < 0) {
      c = 0;
      es = 0;
    } else {
      const base = at_(c);
      const next = at_(c + 1);
      const step = next.minus(base);
      es = step.isZero() ? c : c + ev.minus(base).div(step).toNumber();
    }
  }
  const svt = es - at;
  const spit = at === 0 ? null : es / at;
  if (spit === null) reasons["spit"] = "AT = 0";
  const ieactSpit = spit === null || spit === 0 ? null : at + (pd - es) / spit;
  if (ieactSpit === null)
    reasons["ieact"] = spit === null ? "SPI(t) undefined (AT = 0)" : "SPI(t) = 0 (ES = 0)";
  const plan = at + (pd - es);
  let tspi: number | null;
  let basis: "pd" | "ieact";
  if (at < pd) {
    basis = "pd";
    tspi = (pd - es) / (pd - at);
  } else {
    basis = "ieact";
    const den = ieactSpit === null ? 0 : ieactSpit - at;
    tspi = ieactSpit === null || den === 0 ? null : (pd - es) / den;
    if (tspi === null)
      reasons["tspi"] = "AT >= PD and IEAC(t) − AT = 0 or undefined (work complete or no progress)";
  }
  return {
    es,
    svt,
    spit,
    ieact: ieactSpit,
    ieactVariants: { spit: ieactSpit, plan },
    tspi,
    tspiBasis: basis,
    pd,
    at,
    c,
    plateau,
    capped,
    undefinedReasons: reasons,
  };
}

/**
 * One period of the time-phased input of {@link evmSeries}: values cumulative to the end of the
 * period; `ev` / `ac` up to the actual time only.
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface EvmSeriesPeriod {
  readonly date?: string;
  readonly pv: string | number;
  readonly ev?: string | number | null;
  readonly ac?: string | number | null;
}

/**
 * The time-phased input of `pmokit evm`: `{ bac, periods: [{ date, pv, ev?, ac? }] }`.
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface EvmSeriesInput {
  readonly bac: string | number;
  readonly periods: readonly EvmSeriesPeriod[];
}

/**
 * Result of {@link evmSeries}: the indicators at AT, earned schedule in periods, and the S-curve.
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface EvmSeriesResult extends EvmIndicators {
  readonly at: number;
  readonly pd: number;
  readonly es: number;
  readonly svt: number;
  readonly spit: number | null;
  readonly ieact: number | null;
  readonly tspi: number | null;
  readonly earnedSchedule: EarnedScheduleResult;
  /** PV, EV, AC per period (cumulative; EV/AC `null` after AT). */
  readonly sCurve: readonly {
    readonly period: number;
    readonly date?: string;
    readonly pv: string;
    readonly ev: string | null;
    readonly ac: string | null;
  }[];
  readonly warnings: readonly string[];
}

/**
 * Earned value and earned schedule from a time-phased cumulative series (the `pmokit evm` series
 * format). PD = number of periods; AT = the last period that has `ev`; PV, EV and AC are taken at AT.
 * An AC missing at AT carries the last earlier AC forward (warning); none at all is an error.
 * A PV curve that does not end at BAC gives a warning (BAC is still the given value).
 *
 * @param input - `{ bac, periods }`
 * @param options - EVM options and the plateau rule
 * @returns indicators at AT plus `es`, `svt`, `spit`, `ieact`, `tspi`
 * @throws PmokitError `INVALID_INPUT` for negative values, a decreasing PV / EV / AC curve, no EV, or no AC
 * @example
 * ```ts
 * import { evmSeries } from "@pmokit/core";
 * const r = evmSeries({ bac: 400, periods: [
 *   { date: "2026-01", pv: 100, ev: 80, ac: 90 }, { date: "2026-02", pv: 200, ev: 150, ac: 170 },
 *   { date: "2026-03", pv: 300 }, { date: "2026-04", pv: 400 } ] });
 * r.es; // 1.5
 * ```
 * @category Earned value
 * @since 0.1.0
 */
export function evmSeries(
  input: EvmSeriesInput,
  options: EvmOptions & { readonly plateau?: EsPlateauRule } = {},
): EvmSeriesResult {
  const bac = toDec(input.bac, "bac");
  if (bac.isNegative() && !bac.isZero())
    throw new PmokitError("INVALID_INPUT", "bac: expected a value >= 0", { path: "bac", expected: ">= 0" });
  if (!Array.isArray(input.periods) || input.periods.length === 0)
    throw new PmokitError("INVALID_INPUT", "periods: expected a non-empty array", {
      path: "periods",
      expected: "[{ date, pv, ev?, ac? }]",
    });
  const warnings: string[] = [];
  const pv = input.periods.map((p, i) => toDec(p.pv, `periods[${i}].pv`));
  for (const [i, v] of pv.entries())
    if (v.isNegative() && !v.isZero())
      throw new PmokitError("INVALID_INPUT", `periods[${i}].pv: expected a value >= 0`, {
        path: `periods[${i}].pv`,
        expected: ">= 0",
      });
  checkCurve(pv, "periods.pv");
  const opt = (v: unknown, path: string): Dec | null => {
    if (v === undefined || v === null) return null;
    const d = toDec(v, path);
    if (d.isNegative() && !d.isZero())
      throw new PmokitError("INVALID_INPUT", `${path}: expected a value >= 0`, { path, expected: ">= 0" });
    return d;
  };
  const ev = input.periods.map((p, i) => opt(p.ev, `periods[${i}].ev`));
  const ac = input.periods.map((p, i) => opt(p.ac, `periods[${i}].ac`));
  let atIdx = -1;
  ev.forEach((v, i) => {
    if (v !== null) atIdx = i;
  });
  if (atIdx < 0)
    throw new PmokitError("INVALID_INPUT", "periods: no period has an `ev` value (actual time unknown)", {
      path: "periods[].ev",
      expected: "ev up to the status period",
    });
  let lastAc: Dec | null = null;
  for (let i = 0; i <= atIdx; i++) if (ac[i] !== null) lastAc = ac[i]!;
  if (lastAc === null)
    throw new PmokitError("INVALID_INPUT", "periods: no `ac` value up to the actual time", {
      path: `periods[${atIdx}].ac`,
      expected: "ac at the last period with ev",
    });
  if (ac[atIdx] === null)
    warnings.push(`periods[${atIdx}].ac missing: the last earlier AC is carried forward`);
  const pd = pv.length;
  if (!pv[pd - 1]!.eq(bac))
    warnings.push(`the PV curve ends at ${decString(pv[pd - 1]!)}, not at BAC ${decString(bac)}`);
  let prevEv = new D(0);
  ev.forEach((v, i) => {
    if (v === null) return;
    if (v.lt(prevEv)) warnings.push(`periods[${i}].ev: cumulative EV decreases`);
    prevEv = v;
  });
  const evAt = ev[atIdx]!;
  const pvAt = pv[atIdx]!;
  const at = atIdx + 1;
  const ind = indicatorsFromDec(bac, pvAt, evAt, lastAc, { plannedDuration: pd, ...options });
  const es = esFromDec(pv, evAt, at, options.plateau ?? "end");
  return {
    ...ind,
    at,
    pd,
    es: es.es,
    svt: es.svt,
    spit: es.spit,
    ieact: es.ieact,
    tspi: es.tspi,
    earnedSchedule: es,
    sCurve: input.periods.map((p, i) => ({
      period: i + 1,
      ...(p.date === undefined ? {} : { date: p.date }),
      pv: decString(pv[i]!),
      ev: ev[i] === null ? null : decString(ev[i]!),
      ac: ac[i] === null ? null : decString(ac[i]!),
    })),
    warnings,
  };
}
