import type { Result } from "@pmokit/core";
import { PmokitError, isPmokitError } from "@pmokit/core";
import type { RcpspProblem } from "./instance.js";

/**
 * A parsed PSPLIB single-mode instance: the problem (job `j` of the file is activity `j-1`) plus
 * the header facts.
 *
 * @category RCPSP
 * @since 0.1.0
 */
export interface PsplibInstance {
  readonly problem: RcpspProblem;
  /** Number of jobs including the dummy source and sink. */
  readonly jobs: number;
  /** Number of renewable resources. */
  readonly resources: number;
  /** The `horizon` header (sum of durations). */
  readonly horizon: number | undefined;
  /** The `MPM-Time` field (critical-path length), when present. */
  readonly mpmTime: number | undefined;
}

/** Options of {@link parsePsplibSm}. @category RCPSP @since 0.1.0 */
export interface ParsePsplibOptions {
  /** File name used in error messages. */
  readonly file?: string;
}

/**
 * Parses a PSPLIB single-mode RCPSP file (`.sm`, as in j30/j60/j90/j120). Sections are found by
 * their titles and rows split on whitespace (column positions are not relied on).
 *
 * @param text - the file content
 * @param options - `file` for error messages
 * @returns the instance
 * @throws PmokitError `PARSE_ERROR` naming the line (1-based) and what was expected;
 *   `UNSUPPORTED_FORMAT` for multi-mode files or non-renewable resources
 * @example
 * ```ts
 * import { parsePsplibSm, solveRcpsp } from "@pmokit/leveling";
 * declare const text: string; // content of j301_1.sm
 * const { problem } = parsePsplibSm(text, { file: "j301_1.sm" });
 * solveRcpsp(problem).makespan;
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function parsePsplibSm(text: string, options: ParsePsplibOptions = {}): PsplibInstance {
  const file = options.file;
  const lines = text.split(/\r?\n/);
  const where = (line: number): string => `${file === undefined ? "" : `${file}:`}${line}`;
  const fail = (line: number, expected: string, received?: string): never => {
    throw new PmokitError(
      "PARSE_ERROR",
      `${where(line)}: expected ${expected}${received === undefined ? "" : `, got '${received.trim().slice(0, 60)}'`}`,
      {
        ...(file === undefined ? {} : { file }),
        line,
        expected,
        ...(received === undefined ? {} : { received: received.trim().slice(0, 200) }),
      },
    );
  };
  const findLine = (re: RegExp, from = 0): number => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i]!)) return i;
    return -1;
  };
  const headerInt = (re: RegExp, what: string, required: boolean): number | undefined => {
    const i = findLine(re);
    if (i < 0) {
      if (required) fail(lines.length, `a '${what}' line`);
      return undefined;
    }
    const m = /:\s*(-?\d+)/.exec(lines[i]!);
    if (!m) return fail(i + 1, `an integer after '${what}:'`, lines[i]);
    return Number(m[1]);
  };
  const ints = (i: number, expected: string): number[] => {
    const raw = lines[i];
    if (raw === undefined) return fail(lines.length, expected, "end of file");
    const parts = raw
      .trim()
      .split(/\s+/)
      .filter((p) => p !== "");
    const out: number[] = [];
    for (const p of parts) {
      if (!/^-?\d+$/.test(p)) fail(i + 1, expected, raw);
      out.push(Number(p));
    }
    return out;
  };

  const n = headerInt(/^\s*jobs\s*\(incl\./i, "jobs (incl. supersource/sink )", true)!;
  if (n < 1) fail(findLine(/^\s*jobs\s*\(incl\./i) + 1, "at least 1 job", String(n));
  const K = headerInt(/^\s*-\s*renewable/i, "- renewable", true)!;
  const nonRenewable = headerInt(/^\s*-\s*nonrenewable/i, "- nonrenewable", false) ?? 0;
  if (nonRenewable > 0) {
    throw new PmokitError(
      "UNSUPPORTED_FORMAT",
      `${where(findLine(/^\s*-\s*nonrenewable/i) + 1)}: non-renewable resources are not supported (single-mode RCPSP only)`,
      { ...(file === undefined ? {} : { file }), expected: "0 non-renewable resources" },
    );
  }
  const horizon = headerInt(/^\s*horizon\s*:/i, "horizon", false);

  let mpmTime: number | undefined;
  const pi = findLine(/^\s*PROJECT INFORMATION/i);
  if (pi >= 0) {
    const header = lines[pi + 1] ?? "";
    const row = ints(pi + 2, "the project information row (pronr. #jobs rel.date duedate tardcost MPM-Time)");
    const cols = header.trim().split(/\s+/);
    const idx = cols.findIndex((c) => /^MPM/i.test(c));
    if (idx >= 0 && row[idx] !== undefined) mpmTime = row[idx];
  }

  // Precedence relations.
  const pr = findLine(/^\s*PRECEDENCE RELATIONS/i);
  if (pr < 0) fail(lines.length, "a 'PRECEDENCE RELATIONS:' section");
  const successors: number[][] = Array.from({ length: n }, () => []);
  const seenPrec = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const i = pr + 2 + r;
    const row = ints(i, "a precedence row 'jobnr #modes #successors successors...'");
    if (row.length < 3) fail(i + 1, "a precedence row 'jobnr #modes #successors successors...'", lines[i]);
    const [job, modes, count] = row as [number, number, number];
    if (job < 1 || job > n) fail(i + 1, `a job number in 1..${n}`, String(job));
    if (seenPrec[job - 1]) fail(i + 1, `job ${job} only once in PRECEDENCE RELATIONS`, lines[i]);
    seenPrec[job - 1] = 1;
    if (modes !== 1)
      throw new PmokitError(
        "UNSUPPORTED_FORMAT",
        `${where(i + 1)}: job ${job} has ${modes} modes; only single-mode files are supported`,
        { ...(file === undefined ? {} : { file }), line: i + 1, expected: "1 mode" },
      );
    if (row.length !== 3 + count) fail(i + 1, `${count} successor ids for job ${job}`, lines[i]);
    for (let q = 3; q < row.length; q++) {
      const s = row[q]!;
      if (s < 1 || s > n) fail(i + 1, `successor ids in 1..${n}`, String(s));
      successors[job - 1]!.push(s - 1);
    }
  }

  // Requests and durations.
  const rd = findLine(/^\s*REQUESTS\/DURATIONS/i);
  if (rd < 0) fail(lines.length, "a 'REQUESTS/DURATIONS:' section");
  let first = rd + 2;
  if (/^\s*-+\s*$/.test(lines[first] ?? "")) first++;
  const durations: number[] = new Array<number>(n).fill(0);
  const demands: number[][] = Array.from({ length: n }, () => new Array<number>(K).fill(0));
  const seenReq = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const i = first + r;
    const row = ints(i, `a request row 'jobnr mode duration' and ${K} resource requests`);
    if (row.length !== 3 + K)
      fail(i + 1, `a request row 'jobnr mode duration' and ${K} resource requests`, lines[i]);
    const [job, , d] = row as [number, number, number];
    if (job < 1 || job > n) fail(i + 1, `a job number in 1..${n}`, String(job));
    if (seenReq[job - 1]) fail(i + 1, `job ${job} only once in REQUESTS/DURATIONS`, lines[i]);
    seenReq[job - 1] = 1;
    if (d < 0) fail(i + 1, "a duration >= 0", String(d));
    durations[job - 1] = d;
    for (let k = 0; k < K; k++) {
      const v = row[3 + k]!;
      if (v < 0) fail(i + 1, "resource requests >= 0", String(v));
      demands[job - 1]![k] = v;
    }
  }

  // Availabilities.
  const ra = findLine(/^\s*RESOURCEAVAILABILITIES/i);
  if (ra < 0) fail(lines.length, "a 'RESOURCEAVAILABILITIES:' section");
  const caps = ints(ra + 2, `${K} resource capacities`);
  if (caps.length !== K) fail(ra + 3, `${K} resource capacities`, lines[ra + 2]);
  for (const c of caps) if (c < 0) fail(ra + 3, "capacities >= 0", String(c));

  const names = Array.from({ length: n }, (_, j) => String(j + 1));
  return {
    problem: { durations, successors, demands, capacities: caps, names },
    jobs: n,
    resources: K,
    horizon,
    mpmTime,
  };
}

/**
 * {@link parsePsplibSm} that returns a `Result` instead of throwing.
 *
 * @param text - the file content
 * @param options - `file` for error messages
 * @returns `{ ok: true, value }` or `{ ok: false, error }`
 * @example
 * ```ts
 * import { safeParsePsplibSm } from "@pmokit/leveling";
 * const r = safeParsePsplibSm("not a psplib file");
 * if (!r.ok) console.log(r.error.message);
 * ```
 * @category RCPSP
 * @since 0.1.0
 */
export function safeParsePsplibSm(text: string, options: ParsePsplibOptions = {}): Result<PsplibInstance> {
  try {
    return { ok: true, value: parsePsplibSm(text, options) };
  } catch (e) {
    if (isPmokitError(e)) return { ok: false, error: e };
    throw e;
  }
}
