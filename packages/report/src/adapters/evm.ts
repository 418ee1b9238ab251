// Adapters from the time-phased earned value of @pmokit/core (`computeProjectEvm`,
// `computePortfolioEvm`) to the `pmokit evm` series format and to S-curve chart data. Exact: amounts
// are summed as integers of the smallest decimal unit present, never as floats.
import { PmokitError } from "@pmokit/core/errors";
import type { ProjectEvm } from "@pmokit/core/evm";
import type { SCurveData } from "../charts/s-curve.js";
import { sCurveFromSeries } from "./adapters.js";

/**
 * A time-phased earned-value series in the `pmokit evm` input format (`{ bac, periods }`, values
 * cumulative to the end of each period, `ev` / `ac` up to the status date), with amounts as exact
 * decimal strings. Pass it to `evmSeries` of `@pmokit/core` or save it as JSON for `pmokit evm`.
 *
 * @category Adapters
 * @since 0.2.0
 */
export interface EvmTimeSeries {
  /** Currency of every amount. */
  readonly currency: string;
  /** Budget at completion: the sum of the projects' BAC. */
  readonly bac: string;
  /** The status date (the latest of the projects' status dates). */
  readonly statusDate: string;
  /** Cumulative values at each period end (the end instant; `YYYY-MM-DD` when it is midnight). */
  readonly periods: readonly {
    readonly date: string;
    readonly pv: string;
    readonly ev?: string;
    readonly ac?: string;
  }[];
}

/** A decimal string as an integer of 10^-scale units. */
function toUnits(amount: string, scale: number): bigint {
  const neg = amount.startsWith("-");
  const body = neg ? amount.slice(1) : amount;
  const [int = "0", frac = ""] = body.split(".");
  const v = BigInt(int + frac.padEnd(scale, "0"));
  return neg ? -v : v;
}

function fromUnits(v: bigint, scale: number): string {
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, "0");
  const s = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${s}` : s;
}

const MIDNIGHT = "T00:00:00";

/**
 * The time-phased earned value of one project, or the sum of several projects (a program or a
 * portfolio), in the `pmokit evm` series format. The periods are core's S-curve periods
 * (`ProjectEvm.sCurve`: PV from the baseline, spread over the baseline working time with the work
 * contours and calendars; EV and AC to the status date); projects are summed on the union of their
 * period ends (calendar-aligned weeks, months or days), a project contributing 0 before its first
 * period and its final values after its last one. EV and AC are left out from the first period that
 * starts on or after a project's status date.
 *
 * @param results - `computeProjectEvm` results (or `computePortfolioEvm(...).projects`), same currency and period
 * @returns the series (amounts as exact decimal strings)
 * @throws PmokitError `INVALID_INPUT` when `results` is empty or mixes periods (`day`, `week`, `month`);
 *   `CURRENCY_MISMATCH` when the projects use different currencies
 * @example
 * ```ts
 * import { computePortfolioEvm, evmSeries } from "@pmokit/core";
 * import type { Portfolio } from "@pmokit/core";
 * import { evmSeriesFromProjectEvm } from "@pmokit/report";
 * declare const portfolio: Portfolio;
 * const series = evmSeriesFromProjectEvm(computePortfolioEvm(portfolio).projects);
 * evmSeries(series).spi; // what `pmokit evm series.json` prints
 * ```
 * @category Adapters
 * @since 0.2.0
 */
export function evmSeriesFromProjectEvm(results: ProjectEvm | readonly ProjectEvm[]): EvmTimeSeries {
  const list: readonly ProjectEvm[] = Array.isArray(results) ? results : [results as ProjectEvm];
  const first = list[0];
  if (first === undefined)
    throw new PmokitError("INVALID_INPUT", "results: expected at least one project EVM result", {
      path: "results",
      expected: "computeProjectEvm results",
    });
  list.forEach((r, i) => {
    if (r.currency !== first.currency)
      throw new PmokitError(
        "CURRENCY_MISMATCH",
        `results[${i}]: project '${r.projectId}' is in ${r.currency}, not ${first.currency}`,
        {
          path: `results[${i}].currency`,
          ids: [r.projectId],
          expected: first.currency,
          received: r.currency,
        },
      );
    if (r.period !== first.period)
      throw new PmokitError(
        "INVALID_INPUT",
        `results[${i}]: project '${r.projectId}' uses ${r.period} periods, not ${first.period}`,
        { path: `results[${i}].period`, ids: [r.projectId], expected: first.period, received: r.period },
      );
  });
  let scale = 0;
  const seeScale = (amount: string) => {
    const dot = amount.indexOf(".");
    if (dot >= 0) scale = Math.max(scale, amount.length - dot - 1);
  };
  for (const r of list) {
    seeScale(r.bac.amount);
    for (const p of r.sCurve) {
      seeScale(p.pv.amount);
      if (p.ev) seeScale(p.ev.amount);
      if (p.ac) seeScale(p.ac.amount);
    }
  }
  const ends = [...new Set(list.flatMap((r) => r.sCurve.map((p) => p.end)))].sort();
  const starts = list.flatMap((r) => (r.sCurve[0] ? [r.sCurve[0].start] : []));
  const gridStart = starts.length > 0 ? starts.reduce((a, b) => (b < a ? b : a)) : undefined;
  const byEnd = list.map((r) => new Map(r.sCurve.map((p) => [p.end, p])));
  const periods: { date: string; pv: string; ev?: string; ac?: string }[] = [];
  ends.forEach((end, i) => {
    const start = i === 0 ? (gridStart ?? end) : ends[i - 1]!;
    let pv = 0n;
    let ev: bigint | undefined = 0n;
    let ac: bigint | undefined = 0n;
    list.forEach((r, j) => {
      const curve = r.sCurve;
      const last = curve[curve.length - 1];
      const point = byEnd[j]!.get(end);
      let pvJ = 0n;
      let evJ: bigint | undefined = 0n;
      let acJ: bigint | undefined = 0n;
      if (point) {
        pvJ = toUnits(point.pv.amount, scale);
        evJ = point.ev ? toUnits(point.ev.amount, scale) : undefined;
        acJ = point.ac ? toUnits(point.ac.amount, scale) : undefined;
      } else if (last !== undefined && end > last.end) {
        pvJ = toUnits(last.pv.amount, scale);
        const known = start < r.statusDate && last.ev !== null && last.ac !== null;
        evJ = known ? toUnits(last.ev.amount, scale) : undefined;
        acJ = known ? toUnits(last.ac.amount, scale) : undefined;
      }
      // Before a project's first period: nothing planned, earned or spent yet (status >= its start).
      pv += pvJ;
      ev = ev === undefined || evJ === undefined ? undefined : ev + evJ;
      ac = ac === undefined || acJ === undefined ? undefined : ac + acJ;
    });
    periods.push({
      date: end.endsWith(MIDNIGHT) ? end.slice(0, -MIDNIGHT.length) : end,
      pv: fromUnits(pv, scale),
      ...(ev === undefined ? {} : { ev: fromUnits(ev, scale) }),
      ...(ac === undefined ? {} : { ac: fromUnits(ac, scale) }),
    });
  });
  const bac = list.reduce((s, r) => s + toUnits(r.bac.amount, scale), 0n);
  return {
    currency: first.currency,
    bac: fromUnits(bac, scale),
    statusDate: list.map((r) => r.statusDate).reduce((a, b) => (b > a ? b : a)),
    periods,
  };
}

/**
 * Options of {@link sCurveFromProjectEvm}.
 *
 * @category Adapters
 * @since 0.2.0
 */
export interface SCurveFromProjectEvmOptions {
  readonly title?: string;
  /** Estimate at completion to draw (e.g. `Number(rollup.indicators.eac.cpi)`). */
  readonly eac?: number;
}

/**
 * S-curve chart data from core's time-phased earned value of one or several projects: the points
 * are exactly the periods of {@link evmSeriesFromProjectEvm} (so the chart shows what
 * `pmokit evm` reports for that series), with BAC and the status date.
 *
 * @param results - `computeProjectEvm` results (or `computePortfolioEvm(...).projects`)
 * @param options - title, EAC line
 * @returns chart data for {@link renderSCurveSvg} / {@link sCurveSpec}
 * @throws PmokitError as {@link evmSeriesFromProjectEvm}
 * @example
 * ```ts
 * import { computeProjectEvm } from "@pmokit/core";
 * import type { Project } from "@pmokit/core";
 * import { renderSCurveSvg, sCurveFromProjectEvm } from "@pmokit/report";
 * declare const project: Project;
 * const svg = renderSCurveSvg(sCurveFromProjectEvm(computeProjectEvm(project, { period: "month" })));
 * ```
 * @category Adapters
 * @since 0.2.0
 */
export function sCurveFromProjectEvm(
  results: ProjectEvm | readonly ProjectEvm[],
  options: SCurveFromProjectEvmOptions = {},
): SCurveData {
  const s = evmSeriesFromProjectEvm(results);
  return sCurveFromSeries(
    {
      bac: Number(s.bac),
      periods: s.periods.map((p) => ({
        date: p.date,
        pv: Number(p.pv),
        ...(p.ev === undefined ? {} : { ev: Number(p.ev) }),
        ...(p.ac === undefined ? {} : { ac: Number(p.ac) }),
      })),
    },
    {
      unit: s.currency,
      statusDate: s.statusDate,
      ...(options.eac === undefined ? {} : { eac: options.eac }),
      ...(options.title === undefined ? {} : { title: options.title }),
    },
  );
}
