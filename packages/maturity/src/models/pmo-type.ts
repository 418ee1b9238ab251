import type { MaturityModel, MaturityModelInput } from "../model/schema.js";
import { parseMaturityModel } from "../model/validate.js";

type Pts = Readonly<Partial<Record<"supportive" | "controlling" | "directive", number>>>;
// [id, dimension, text, options [id, label, points]]
type Row = readonly [string, string, string, readonly (readonly [string, string, Pts])[]];

// Indicator questions written by the pmokit project (MIT), after the public description of PMO types
// by degree of control (low / moderate / high) and the research on PMO functions.
const rows: readonly Row[] = [
  [
    "t-relation",
    "control",
    "How does the PMO relate to the projects it covers?",
    [
      ["advise", "It advises and supplies material when asked", { supportive: 3 }],
      ["require", "It sets rules that projects must follow and checks them", { controlling: 3 }],
      ["manage", "It manages the projects itself", { directive: 3 }],
    ],
  ],
  [
    "t-stop",
    "authority",
    "Can the PMO stop, re-plan or redirect a project?",
    [
      ["no", "No, it can only give advice", { supportive: 3 }],
      ["gate", "It can hold a project at a gate or take it to the decision board", { controlling: 3 }],
      ["decide", "Yes, it decides on its own", { directive: 3 }],
    ],
  ],
  [
    "t-reporting-line",
    "reportingLine",
    "To whom do project managers report?",
    [
      ["business", "To their business or line units", { supportive: 2, controlling: 1 }],
      ["dotted", "To their units, with a dotted line to the PMO", { controlling: 2, supportive: 1 }],
      ["pmo", "To the PMO", { directive: 3 }],
    ],
  ],
  [
    "t-pm-share",
    "staffing",
    "What share of the project managers sit in the PMO?",
    [
      ["few", "None or very few (under 10 %)", { supportive: 2, controlling: 1 }],
      ["some", "Some (10 to 50 %)", { controlling: 2, directive: 1 }],
      ["most", "Most (over 50 %)", { directive: 3 }],
    ],
  ],
  [
    "t-project-share",
    "staffing",
    "What share of the projects are run directly by PMO staff?",
    [
      ["none", "Almost none", { supportive: 2, controlling: 1 }],
      ["some", "Some key projects", { controlling: 1, directive: 1 }],
      ["most", "Most projects", { directive: 3 }],
    ],
  ],
  [
    "t-method",
    "methodology",
    "Is the project method mandatory?",
    [
      ["optional", "It is guidance that projects may use", { supportive: 3 }],
      ["mandatory", "It is mandatory and compliance is checked", { controlling: 3 }],
      ["own", "The PMO's own staff apply it on the projects they run", { directive: 2, controlling: 1 }],
    ],
  ],
  [
    "t-audit",
    "methodology",
    "Does the PMO audit projects?",
    [
      ["never", "Never", { supportive: 2 }],
      ["request", "Only on request", { supportive: 1, controlling: 1 }],
      ["planned", "Regularly, with findings tracked to closure", { controlling: 3 }],
      ["runs", "No separate audits: it runs the projects itself", { directive: 2 }],
    ],
  ],
  [
    "t-templates",
    "methodology",
    "How are templates and tools used?",
    [
      ["offered", "Offered; use is voluntary", { supportive: 3 }],
      ["prescribed", "Prescribed for every project", { controlling: 3 }],
      ["internal", "Used by PMO staff on the projects they manage", { directive: 2, controlling: 1 }],
    ],
  ],
  [
    "t-status",
    "control",
    "How does status reporting reach the PMO?",
    [
      ["informal", "Informally or when projects choose to", { supportive: 3 }],
      ["required", "Required, in a fixed format and cycle", { controlling: 3 }],
      ["produced", "The PMO produces the reports itself", { directive: 3 }],
    ],
  ],
  [
    "t-service",
    "services",
    "What is the PMO's main service?",
    [
      ["support", "Training, coaching, templates and knowledge", { supportive: 3 }],
      ["compliance", "Governance, compliance and portfolio control", { controlling: 3 }],
      ["delivery", "Delivering projects", { directive: 3 }],
    ],
  ],
  [
    "t-staffing",
    "staffing",
    "Who assigns project managers and key staff to projects?",
    [
      ["line", "Line managers", { supportive: 2, controlling: 1 }],
      ["approved", "Line managers, with PMO approval", { controlling: 3 }],
      ["pmo", "The PMO", { directive: 3 }],
    ],
  ],
  [
    "t-budget",
    "authority",
    "Who holds project budgets?",
    [
      ["business", "The business units", { supportive: 2, controlling: 1 }],
      ["released", "The business units; the PMO controls release at gates", { controlling: 3 }],
      ["pmo", "The PMO", { directive: 3 }],
    ],
  ],
];

/**
 * The built-in PMO-type classifier as JSON-compatible data: 12 indicator questions in six areas
 * (degree of control, authority, reporting line, staffing, methodology enforcement, services),
 * each option scoring towards supportive, controlling or directive. A margin under 0.1 between the
 * top two shares gives a hybrid result.
 *
 * @example
 * ```ts
 * import { pmoTypeModelData } from "@pmokit/maturity";
 * pmoTypeModelData.questions.length; // 12
 * ```
 * @category Built-in models
 * @since 0.1.0
 */
export const pmoTypeModelData: MaturityModelInput = {
  id: "pmokit.pmo-type",
  version: "1.0.0",
  name: "pmokit PMO type classifier",
  description:
    "Classifies a PMO as supportive, controlling or directive (or a hybrid) from observable indicators.",
  kind: "typology",
  source: { publisher: "pmokit", license: "MIT", contentProvidedBy: "library" },
  levels: [],
  dimensions: [
    { id: "control", name: "Degree of control over projects" },
    { id: "authority", name: "Authority to stop or redirect projects" },
    { id: "reportingLine", name: "Reporting line of project managers" },
    { id: "staffing", name: "Projects and project managers inside the PMO" },
    { id: "methodology", name: "Methodology enforcement and audits" },
    { id: "services", name: "Services offered" },
  ],
  answerScales: rows.map(([id, , , options]) => ({
    id: `${id}-scale`,
    type: "nominal" as const,
    options: options.map(([oid, label, pts]) => ({
      id: oid,
      label,
      value: 0,
      categoryPoints: { ...pts },
    })),
  })),
  questions: rows.map(([id, dim, text]) => ({
    id,
    text,
    answerScaleId: `${id}-scale`,
    impacts: [{ dimensionId: dim, weight: 1 }],
    allowNotApplicable: false,
    allowDontKnow: true,
  })),
  scoringPolicy: {
    levelAward: {
      type: "typology",
      categories: [
        {
          id: "supportive",
          name: "Supportive",
          description: "Consultative: templates, training, lessons; low control.",
        },
        {
          id: "controlling",
          name: "Controlling",
          description: "Support plus required compliance; moderate control.",
        },
        { id: "directive", name: "Directive", description: "Manages projects directly; high control." },
      ],
      hybridMargin: 0.1,
    },
    respondentAggregation: "mean",
  },
};

/**
 * The built-in PMO-type classifier, parsed and validated (see {@link pmoTypeModelData}).
 *
 * @example
 * ```ts
 * import { classifyType, pmoTypeModel } from "@pmokit/maturity";
 * pmoTypeModel.kind; // "typology"
 * ```
 * @category Built-in models
 * @since 0.1.0
 */
export const pmoTypeModel: MaturityModel = /* @__PURE__ */ parseMaturityModel(pmoTypeModelData);
