/**
 * fast-check arbitraries for the core model, for tests only (not exported from the package barrel).
 * `projectInputArb` builds valid project inputs: unique ids, an acyclic WBS (parents come first), acyclic
 * logic (links go forward), references that resolve, dated constraints with dates.
 */
import fc from "fast-check";
import { fromEpochMinute } from "../time/local.js";
import type { ProjectInput } from "./project.js";

const DAY = 1440;
const BASE_DAY = 20_089; // 2025-01-01

/** A real date or local date-time string in 2025-2030. */
export const dateTimeArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 95 }), fc.boolean())
  .map(([d, q, dateOnly]) => {
    const s = fromEpochMinute((BASE_DAY + d) * DAY + q * 15);
    return dateOnly ? s.slice(0, 10) : s;
  });

const keyArb = fc.stringMatching(/^[a-z][a-zA-Z0-9:]{0,8}$/);

/** A decimal amount string such as `"-12.5"` or `"1000"`. */
export const amountArb: fc.Arbitrary<string> = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }))
  .map(([v, scale]) => {
    const neg = v < 0n;
    const s = (neg ? -v : v).toString().padStart(scale + 1, "0");
    const body = scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
    return `${neg ? "-" : ""}${body}`;
  });

const currencyArb = fc.constantFrom("USD", "EUR", "JPY", "BHD");
export const moneyArb: fc.Arbitrary<{ amount: string; currency: string }> = fc.record({
  amount: amountArb,
  currency: currencyArb,
});

const workUnitArb = fc.constantFrom(
  "minutes",
  "hours",
  "days",
  "weeks",
  "elapsedDays",
  "elapsedHours",
  "months",
);
const durationArb = fc.record({
  value: fc.integer({ min: 0, max: 4000 }).map((v) => v / 4),
  unit: workUnitArb,
});
const lagArb = fc.oneof(
  fc.record({
    value: fc.integer({ min: -40, max: 40 }).map((v) => (v === 0 ? 0 : v / 2)),
    unit: workUnitArb,
  }),
  fc.record({ value: fc.integer({ min: 0, max: 100 }), unit: fc.constant("percent" as const) }),
);
const customFieldsArb = fc.dictionary(
  keyArb,
  fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
  { maxKeys: 3 },
);
const extensionsArb = fc.dictionary(
  keyArb,
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
  { maxKeys: 2 },
);

function constraintArb(): fc.Arbitrary<{ type: string; date?: string }> {
  return fc.oneof(
    fc.record({ type: fc.constantFrom("ASAP", "ALAP") }),
    fc.record({
      type: fc.constantFrom("SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO", "SO", "FO"),
      date: dateTimeArb,
    }),
  );
}

/**
 * Valid {@link ProjectInput}s with up to `maxTasks` tasks (plus links, resources, assignments, risks).
 */
export function projectInputArb(maxTasks = 12): fc.Arbitrary<ProjectInput> {
  return fc
    .record({
      nTasks: fc.integer({ min: 0, max: maxTasks }),
      nRes: fc.integer({ min: 0, max: 4 }),
      seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
      start: dateTimeArb,
      currency: currencyArb,
      priority: fc.integer({ min: 0, max: 1000 }),
      taskExtras: fc.array(
        fc.record(
          {
            duration: durationArb,
            work: durationArb,
            milestone: fc.boolean(),
            type: fc.constantFrom("fixedUnits", "fixedWork", "fixedDuration"),
            effortDriven: fc.boolean(),
            constraint: constraintArb(),
            deadline: dateTimeArb,
            priority: fc.integer({ min: 0, max: 1000 }),
            manual: fc.boolean(),
            percentComplete: fc.integer({ min: 0, max: 100 }),
            fixedCost: moneyArb,
            baselines: fc.array(
              fc.record({ number: fc.integer({ min: 0, max: 10 }), start: dateTimeArb, cost: moneyArb }),
              {
                maxLength: 2,
              },
            ),
            customFields: customFieldsArb,
            notes: fc.string(),
            activityType: fc.constantFrom("task", "resourceDependent", "levelOfEffort"),
            reported: fc.record(
              {
                earlyStart: dateTimeArb,
                totalSlackMinutes: fc.integer(),
                critical: fc.boolean(),
                startSlackMinutes: fc.integer({ min: -100_000, max: 100_000 }),
                finishSlackMinutes: fc.integer({ min: -100_000, max: 100_000 }),
              },
              { requiredKeys: ["earlyStart", "totalSlackMinutes", "critical"] },
            ),
            extensions: extensionsArb,
          },
          { requiredKeys: ["duration"] },
        ),
        { minLength: maxTasks, maxLength: maxTasks },
      ),
      links: fc.array(
        fc.record({ a: fc.nat(), b: fc.nat(), type: fc.constantFrom("FS", "SS", "FF", "SF"), lag: lagArb }),
        { maxLength: maxTasks * 2 },
      ),
      rate: moneyArb,
    })
    .map(({ nTasks, nRes, seed, start, currency, priority, taskExtras, links, rate }) => {
      const pick = (i: number, n: number): number => seed[i % seed.length]! % n;
      const tasks = Array.from({ length: nTasks }, (_, i) => {
        const extra = taskExtras[i]!;
        const parent = i > 0 && pick(i, 3) === 0 ? `T${pick(i + 7, i)}` : undefined;
        return {
          ...extra,
          id: `T${i}`,
          name: `Task ${i}`,
          ...(parent === undefined ? {} : { parentId: parent }),
          ...(pick(i + 3, 2) === 0 ? { calendarId: "night" } : {}),
        };
      });
      const dependencies =
        nTasks < 2
          ? []
          : links
              .map((l, k) => {
                const a = l.a % nTasks;
                const b = l.b % nTasks;
                return a === b
                  ? undefined
                  : {
                      id: `L${k}`,
                      from: `T${Math.min(a, b)}`,
                      to: `T${Math.max(a, b)}`,
                      type: l.type,
                      lag: l.lag,
                    };
              })
              .filter((d): d is NonNullable<typeof d> => d !== undefined);
      const resources = Array.from({ length: nRes }, (_, i) => ({
        id: `R${i}`,
        name: `Res ${i}`,
        type: (["work", "material", "cost"] as const)[i % 3]!,
        maxUnits: 1 + (i % 2),
        availability: [{ from: "2025-01-01", units: 1 }],
        costRateTables: { A: [{ standardRate: rate }] },
        skills: ["x"],
        ...(i % 2 === 0 ? { calendarId: "std" } : {}),
      }));
      const assignments =
        nRes === 0 || nTasks === 0
          ? []
          : Array.from({ length: Math.min(nTasks, 6) }, (_, i) => ({
              id: `A${i}`,
              taskId: `T${pick(i + 11, nTasks)}`,
              resourceId: `R${pick(i + 13, nRes)}`,
              units: 0.5,
              work: 480 * (i + 1),
              contour: "bell" as const,
            }));
      const input: ProjectInput = {
        id: "P",
        name: "Generated",
        priority,
        settings: { currency, defaultCalendarId: "std", startDate: start },
        calendars: [
          { id: "std", name: "Standard" },
          { id: "night", name: "Night", parentId: "std" },
        ],
        tasks: tasks as ProjectInput["tasks"],
        dependencies: dependencies as ProjectInput["dependencies"],
        resources,
        assignments,
        risks: nTasks > 0 ? [{ id: "K1", title: "Risk", probability: 0.25, taskIds: ["T0"] }] : [],
        issues: [{ id: "I1", title: "Issue" }],
      };
      return input;
    });
}
