import { PmokitError } from "../errors.js";
import { D, decString, toDec } from "./decimal.js";
import type { Dec } from "./decimal.js";

/**
 * Names of the estimate-at-completion methods (PMI PMBOK / Practice Standard for EVM):
 *
 * - `cpi` (typical): BAC / CPI
 * - `atypical` (remaining work at the budgeted rate): AC + (BAC − EV)
 * - `cpiSpi` (cost and schedule): AC + (BAC − EV) / (CPI × SPI)
 * - `composite` (weighted index, DoD practice): AC + (BAC − EV) / (w₁·CPI + w₂·SPI), default 0.8 / 0.2
 * - `bottomUp` (re-estimate): AC + bottom-up ETC (only when a bottom-up ETC is given)
 *
 * @example
 * ```ts
 * import type { EacMethod } from "@pmokit/core";
 * const m: EacMethod = "cpiSpi";
 * ```
 * @category Earned value
 * @since 0.1.0
 */
export type EacMethod = "cpi" | "atypical" | "cpiSpi" | "composite" | "bottomUp";

/**
 * Inputs of {@link evmIndicators}: cumulative values at the status date, as decimal strings or finite
 * numbers (any currency, all in the same one).
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface EvmInput {
  /** Budget at completion. */
  readonly bac: string | number;
  /** Planned value (BCWS) to date. */
  readonly pv: string | number;
  /** Earned value (BCWP) to date. */
  readonly ev: string | number;
  /** Actual cost (ACWP) to date. */
  readonly ac: string | number;
}

/**
 * Options of {@link evmIndicators}.
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface EvmOptions {
  /** EAC method used for `etc`, `vac` and `tcpi.eac`; default `cpi` (the typical EAC). */
  readonly eacMethod?: EacMethod;
  /** Bottom-up estimate to complete; enables the `bottomUp` EAC. */
  readonly bottomUpEtc?: string | number;
  /** Weights of the `composite` EAC index; default `{ cpi: 0.8, spi: 0.2 }`. */
  readonly compositeWeights?: { readonly cpi: number; readonly spi: number };
  /** Planned duration (any unit) for the simple time estimate PD / SPI. */
  readonly plannedDuration?: number;
}

/**
 * Earned value indicators at one status date. Amounts are decimal strings (exact, not rounded);
 * indices are numbers. A value whose formula has a zero (or meaningless) denominator is `null`, never
 * `Infinity` or `NaN`; `undefinedReasons` says why.
 *
 * @category Earned value
 * @since 0.1.0
 */
export interface EvmIndicators {
  readonly bac: string;
  readonly pv: string;
  readonly ev: string;
  readonly ac: string;
  /** CV = EV − AC. */
  readonly cv: string;
  /** SV = EV − PV (money). */
  readonly sv: string;
  /** CV% = CV / EV × 100; `null` when EV = 0. */
  readonly cvPercent: number | null;
  /** SV% = SV / PV × 100; `null` when PV = 0. */
  readonly svPercent: number | null;
  /** CPI = EV / AC; `null` when AC = 0. */
  readonly cpi: number | null;
  /** SPI = EV / PV; `null` when PV = 0. */
  readonly spi: number | null;
  /** Every EAC variant by method name (`bottomUp` only when a bottom-up ETC was given). */
  readonly eac: Readonly<Partial<Record<EacMethod, string | null>>> & {
    readonly cpi: string | null;
    readonly atypical: string;
    readonly cpiSpi: string | null;
    readonly composite: string | null;
  };
  /** The EAC method behind `etc`, `vac` and `tcpi.eac`. */
  readonly eacMethod: EacMethod;
  /** ETC = EAC − AC (EAC of `eacMethod`). */
  readonly etc: string | null;
  /** VAC = BAC − EAC (EAC of `eacMethod`). */
  readonly vac: string | null;
  /** ETC per EAC method. */
  readonly etcByMethod: Readonly<Partial<Record<EacMethod, string | null>>>;
  /** VAC per EAC method. */
  readonly vacByMethod: Readonly<Partial<Record<EacMethod, string | null>>>;
  /**
   * TCPI to reach BAC: (BAC − EV) / (BAC − AC), `null` when AC ≥ BAC (budget exhausted); TCPI to reach
   * EAC: (BAC − EV) / (EAC − AC), `null` when EAC is undefined or EAC = AC.
   */
  readonly tcpi: { readonly bac: number | null; readonly eac: number | null };
  /** EV / BAC × 100; `null` when BAC = 0. */
  readonly percentComplete: number | null;
  /** AC / BAC × 100; `null` when BAC = 0. */
  readonly percentSpent: number | null;
  /** Simple time estimate PD / SPI (only when `plannedDuration` is given). */
  readonly timeEstimate?: number | null;
  /** Why each `null` value is undefined, keyed by field (e.g. `cpi`, `eac.cpiSpi`, `tcpi.bac`). */
  readonly undefinedReasons: Readonly<Record<string, string>>;
}

/**
 * Computes the earned value indicators (PMI PMBOK formulas) from BAC, PV, EV and AC at a status date.
 *
 * Zero denominators give `null` with a reason: CPI (AC = 0), SPI (PV = 0, e.g. before the first
 * planned spend or work done before the baseline start), CV% (EV = 0), SV% (PV = 0), EAC `cpi` (CPI
 * undefined or 0), EAC `cpiSpi` / `composite` (an index undefined or 0), TCPI to BAC (AC ≥ BAC: the
 * budget is exhausted), TCPI to EAC (EAC undefined or EAC = AC). A completed project (EV = BAC) has
 * ETC = 0 for the index-based EACs.
 *
 * @param input - BAC, PV, EV, AC (decimal strings or finite numbers, not negative)
 * @param options - EAC method for ETC / VAC / TCPI, bottom-up ETC, composite weights, planned duration
 * @returns the indicators
 * @throws PmokitError `INVALID_INPUT` for a malformed or negative value
 * @example
 * ```ts
 * import { evmIndicators } from "@pmokit/core";
 * const r = evmIndicators({ bac: 1000, pv: 500, ev: 400, ac: 500 });
 * r.cpi; // 0.8
 * r.eac.cpi; // "1250"
 * r.tcpi.bac; // 1.2
 * ```
 * @category Earned value
 * @since 0.1.0
 */
export function evmIndicators(input: EvmInput, options: EvmOptions = {}): EvmIndicators {
  const bac = nonNegative(input.bac, "bac");
  const pv = nonNegative(input.pv, "pv");
  const ev = nonNegative(input.ev, "ev");
  const ac = nonNegative(input.ac, "ac");
  return indicatorsFromDec(bac, pv, ev, ac, options);
}

function nonNegative(v: unknown, path: string): Dec {
  const d = toDec(v, path);
  if (d.isNegative() && !d.isZero()) {
    throw new PmokitError("INVALID_INPUT", `${path}: expected a value >= 0, got ${String(v)}`, {
      path,
      expected: ">= 0",
      received: String(v),
    });
  }
  return d;
}

const num = (d: Dec): number => d.toNumber();

/** Indicators from decimals (shared by the model-based and the series-based entry points). */
export function indicatorsFromDec(
  bac: Dec,
  pv: Dec,
  ev: Dec,
  ac: Dec,
  options: EvmOptions = {},
): EvmIndicators {
  const reasons: Record<string, string> = {};
  const cv = ev.minus(ac);
  const sv = ev.minus(pv);
  const cpiD = ac.isZero() ? null : ev.div(ac);
  if (cpiD === null) reasons["cpi"] = "AC = 0 (no actual cost yet)";
  const spiD = pv.isZero() ? null : ev.div(pv);
  if (spiD === null)
    reasons["spi"] = "PV = 0 (nothing planned yet: status date before the first planned spend)";
  const cvPercent = ev.isZero() ? null : num(cv.div(ev).times(100));
  if (cvPercent === null) reasons["cvPercent"] = "EV = 0";
  const svPercent = pv.isZero() ? null : num(sv.div(pv).times(100));
  if (svPercent === null) reasons["svPercent"] = "PV = 0";
  const remaining = bac.minus(ev);

  const eac: Partial<Record<EacMethod, Dec | null>> = {};
  if (cpiD === null || cpiD.isZero()) {
    eac.cpi = null;
    reasons["eac.cpi"] = cpiD === null ? "CPI undefined (AC = 0)" : "CPI = 0 (EV = 0 with AC > 0)";
  } else eac.cpi = bac.div(cpiD);
  eac.atypical = ac.plus(remaining);
  if (cpiD === null || spiD === null || cpiD.isZero() || spiD.isZero()) {
    eac.cpiSpi = null;
    reasons["eac.cpiSpi"] = "CPI × SPI undefined or 0";
  } else eac.cpiSpi = ac.plus(remaining.div(cpiD.times(spiD)));
  const w = options.compositeWeights ?? { cpi: 0.8, spi: 0.2 };
  if (cpiD === null || spiD === null) {
    eac.composite = null;
    reasons["eac.composite"] = "CPI or SPI undefined";
  } else {
    const idx = cpiD
      .times(toDec(w.cpi, "compositeWeights.cpi"))
      .plus(spiD.times(toDec(w.spi, "compositeWeights.spi")));
    if (idx.isZero()) {
      eac.composite = null;
      reasons["eac.composite"] = "composite index = 0";
    } else eac.composite = ac.plus(remaining.div(idx));
  }
  if (options.bottomUpEtc !== undefined)
    eac.bottomUp = ac.plus(nonNegative(options.bottomUpEtc, "bottomUpEtc"));

  const method = options.eacMethod ?? "cpi";
  if (!(method in eac)) {
    throw new PmokitError("INVALID_INPUT", `eacMethod '${method}' needs a bottom-up ETC`, {
      path: "eacMethod",
      expected: "cpi | atypical | cpiSpi | composite, or bottomUp with bottomUpEtc",
      received: method,
    });
  }
  const etcBy: Partial<Record<EacMethod, string | null>> = {};
  const vacBy: Partial<Record<EacMethod, string | null>> = {};
  const eacOut: Partial<Record<EacMethod, string | null>> = {};
  for (const [k, v] of Object.entries(eac) as [EacMethod, Dec | null][]) {
    eacOut[k] = v === null ? null : decString(v);
    etcBy[k] = v === null ? null : decString(v.minus(ac));
    vacBy[k] = v === null ? null : decString(bac.minus(v));
  }
  const chosen = eac[method] ?? null;
  if (chosen === null) {
    reasons["etc"] = `EAC (${method}) undefined`;
    reasons["vac"] = `EAC (${method}) undefined`;
  }
  const budgetLeft = bac.minus(ac);
  let tcpiBac: number | null = null;
  if (budgetLeft.isNegative() || budgetLeft.isZero()) reasons["tcpi.bac"] = "AC >= BAC (budget exhausted)";
  else tcpiBac = num(remaining.div(budgetLeft));
  let tcpiEac: number | null = null;
  if (chosen === null) reasons["tcpi.eac"] = `EAC (${method}) undefined`;
  else {
    const left = chosen.minus(ac);
    if (left.isZero()) reasons["tcpi.eac"] = "EAC = AC (nothing left to spend)";
    else tcpiEac = num(remaining.div(left));
  }
  let timeEstimate: number | null | undefined;
  if (options.plannedDuration !== undefined) {
    if (spiD === null || spiD.isZero()) {
      timeEstimate = null;
      reasons["timeEstimate"] = "SPI undefined or 0";
    } else timeEstimate = num(toDec(options.plannedDuration, "plannedDuration").div(spiD));
  }
  const pctComplete = bac.isZero() ? null : num(ev.div(bac).times(100));
  const pctSpent = bac.isZero() ? null : num(ac.div(bac).times(100));
  if (bac.isZero()) reasons["percentComplete"] = reasons["percentSpent"] = "BAC = 0";
  return {
    bac: decString(bac),
    pv: decString(pv),
    ev: decString(ev),
    ac: decString(ac),
    cv: decString(cv),
    sv: decString(sv),
    cvPercent,
    svPercent,
    cpi: cpiD === null ? null : num(cpiD),
    spi: spiD === null ? null : num(spiD),
    eac: eacOut as EvmIndicators["eac"],
    eacMethod: method,
    etc: chosen === null ? null : decString(chosen.minus(ac)),
    vac: chosen === null ? null : decString(bac.minus(chosen)),
    etcByMethod: etcBy,
    vacByMethod: vacBy,
    tcpi: { bac: tcpiBac, eac: tcpiEac },
    percentComplete: pctComplete,
    percentSpent: pctSpent,
    ...(timeEstimate === undefined ? {} : { timeEstimate }),
    undefinedReasons: reasons,
  };
}

/** `new D(0)` shortcut for callers. */
export const ZERO = new D(0);
