/**
 * The shape of a known (licensed) maturity model: levels and areas only, with neutral labels and no
 * question text, answer keys or pass marks. Users who hold a licence author the content as a model
 * with `source.contentProvidedBy: "user"`.
 *
 * @category Built-in models
 * @since 0.1.0
 */
export interface MaturityStructure {
  readonly id: string;
  readonly name: string;
  /** The model the shape follows, its owner, and how its content is obtained. */
  readonly basedOn: { readonly model: string; readonly owner: string; readonly access: string };
  readonly levels: readonly { readonly ordinal: number; readonly name: string }[];
  /** Area tree (sub-models, perspectives, domains, categories...). */
  readonly dimensions: readonly { readonly id: string; readonly name: string; readonly parentId?: string }[];
  /** The level-award rule that fits the shape in pmokit terms. */
  readonly suggestedRule: "staged" | "averaged" | "perLevelThreshold" | "cumulative";
  readonly notes: string;
}

const p3m3Perspectives = [
  ["control", "Management control"],
  ["benefits", "Benefits management"],
  ["finance", "Financial management"],
  ["stakeholders", "Stakeholder engagement"],
  ["risk", "Risk management"],
  ["governance", "Organisational governance"],
  ["resources", "Resource management"],
] as const;

/**
 * Structure presets of known models (P3M3-like, CMMI-like staged, Kerzner-like, OPM3-like,
 * Hill-like PMO continuum). Levels and areas only; no licensed text.
 *
 * @example
 * ```ts
 * import { maturityStructures } from "@pmokit/maturity";
 * maturityStructures.map((s) => s.id);
 * ```
 * @category Built-in models
 * @since 0.1.0
 */
export const maturityStructures: readonly MaturityStructure[] = [
  {
    id: "structure.p3m3-like",
    name: "P3M3-like: three sub-models × seven perspectives × five levels",
    basedOn: { model: "P3M3", owner: "AXELOS / PeopleCert", access: "licensed; accredited consultants" },
    levels: [
      { ordinal: 1, name: "Awareness of process" },
      { ordinal: 2, name: "Repeatable" },
      { ordinal: 3, name: "Defined" },
      { ordinal: 4, name: "Managed" },
      { ordinal: 5, name: "Optimised" },
    ],
    dimensions: (["portfolio", "programme", "project"] as const).flatMap((sub) => [
      { id: sub, name: `${sub[0]!.toUpperCase()}${sub.slice(1)} sub-model` },
      ...p3m3Perspectives.map(([pid, pname]) => ({ id: `${sub}.${pid}`, name: pname, parentId: sub })),
    ]),
    suggestedRule: "staged",
    notes:
      "Sub-models are assessed independently; each perspective gets its own level. The official roll-up rule is in licensed material: configure the staged rule and state the method.",
  },
  {
    id: "structure.cmmi-like-staged",
    name: "CMMI-like staged: five maturity levels, process areas staged at one level",
    basedOn: { model: "CMMI", owner: "CMMI Institute (ISACA)", access: "V2.0/V3.0 licensed" },
    levels: [
      { ordinal: 1, name: "Initial" },
      { ordinal: 2, name: "Managed" },
      { ordinal: 3, name: "Defined" },
      { ordinal: 4, name: "Quantitatively Managed" },
      { ordinal: 5, name: "Optimizing" },
    ],
    dimensions: [
      { id: "process-management", name: "Process management" },
      { id: "project-management", name: "Project management" },
      { id: "engineering", name: "Engineering" },
      { id: "support", name: "Support" },
    ],
    suggestedRule: "staged",
    notes:
      "Add the process areas you hold a licence for under the four categories, with questions at the level each area is staged at; use metric allItemsAtLeast with an FI/LI-style scale. Level 1 is the baseline.",
  },
  {
    id: "structure.kerzner-like",
    name: "Kerzner-like: one instrument and pass mark per level",
    basedOn: {
      model: "Kerzner PMMM",
      owner: "H. Kerzner (Wiley) / IIL",
      access: "book and commercial assessment",
    },
    levels: [
      { ordinal: 1, name: "Common language" },
      { ordinal: 2, name: "Common processes" },
      { ordinal: 3, name: "Singular methodology" },
      { ordinal: 4, name: "Benchmarking" },
      { ordinal: 5, name: "Continuous improvement" },
    ],
    dimensions: [
      { id: "instrument-1", name: "Level 1 instrument (knowledge test)" },
      { id: "instrument-2", name: "Level 2 instrument (life-cycle phases)" },
      { id: "instrument-3", name: "Level 3 instrument" },
      { id: "instrument-4", name: "Level 4 instrument" },
      { id: "instrument-5", name: "Level 5 instrument" },
    ],
    suggestedRule: "perLevelThreshold",
    notes:
      "Use option points (negative allowed) and metric points with sequential: true. Pass marks are not published openly: enter the ones you are licensed to use.",
  },
  {
    id: "structure.opm3-like",
    name: "OPM3-like: three domains × four improvement stages, a continuum",
    basedOn: { model: "OPM3", owner: "PMI", access: "copyrighted standard" },
    levels: [
      { ordinal: 0, name: "Not attained" },
      { ordinal: 1, name: "Standardize" },
      { ordinal: 2, name: "Measure" },
      { ordinal: 3, name: "Control" },
      { ordinal: 4, name: "Continuously improve" },
    ],
    dimensions: (["portfolio", "program", "project"] as const).map((d) => ({
      id: d,
      name: `${d[0]!.toUpperCase()}${d.slice(1)} domain`,
    })),
    suggestedRule: "averaged",
    notes:
      "A continuum, not discrete levels: report the share of best practices attained per domain × stage (averaged scores).",
  },
  {
    id: "structure.hill-like",
    name: "Hill-like PMO competency continuum: five cumulative stages",
    basedOn: { model: "PMO competency continuum (G. Hill)", owner: "G. Hill / publisher", access: "book" },
    levels: [
      { ordinal: 1, name: "Project office" },
      { ordinal: 2, name: "Basic PMO" },
      { ordinal: 3, name: "Standard PMO" },
      { ordinal: 4, name: "Advanced PMO" },
      { ordinal: 5, name: "Center of excellence" },
    ],
    dimensions: [
      { id: "practice", name: "Practice management" },
      { id: "infrastructure", name: "Infrastructure management" },
      { id: "resources", name: "Resource integration" },
      { id: "support", name: "Technical support" },
      { id: "alignment", name: "Business alignment" },
    ],
    suggestedRule: "cumulative",
    notes: "Higher stages assume the competencies of the lower ones; a stage-3 target is often enough.",
  },
];
