import type { MaturityModel, MaturityModelInput } from "../model/schema.js";
import { parseMaturityModel } from "../model/validate.js";

// [id, dimension, level, text, recommendation, extra]
type Row = readonly [
  string,
  string,
  string,
  string,
  string,
  {
    readonly also?: readonly (readonly [string, string, number])[];
    readonly dependsOn?: readonly string[];
    readonly critical?: boolean;
    readonly evidence?: "optional" | "required";
    readonly na?: boolean;
    readonly importance?: number;
    readonly effort?: number;
  }?,
];

// Written by the pmokit project in its own words (MIT). Not derived from any licensed model.
const rows: readonly Row[] = [
  // Standards and methodology
  [
    "std-1",
    "standards",
    "L2",
    "Projects follow a documented, lightweight life cycle with named phases and gate decisions.",
    "Publish a simple life cycle with phases and gates that every project uses.",
    { effort: 2, importance: 4 },
  ],
  [
    "std-2",
    "standards",
    "L2",
    "Common templates exist for the core project documents (charter, plan, status report, closure report).",
    "Provide a small set of templates for the core project documents.",
    { effort: 1 },
  ],
  [
    "std-3",
    "standards",
    "L3",
    "One organisation-wide project management method is documented, approved and kept under version control.",
    "Write, approve and version one organisation-wide project method.",
    { critical: true, evidence: "required", importance: 5, effort: 4, dependsOn: ["std-1"] },
  ],
  [
    "std-4",
    "standards",
    "L3",
    "Project managers tailor the standard method with documented tailoring rules instead of inventing their own.",
    "Add tailoring rules to the method and review tailoring decisions at the first gate.",
    { dependsOn: ["std-3"] },
  ],
  [
    "std-5",
    "standards",
    "L4",
    "Adherence to the method is measured (gate compliance, template use) and the results are reviewed.",
    "Measure method adherence at each gate and review the figures monthly.",
    { dependsOn: ["std-3"] },
  ],
  [
    "std-6",
    "standards",
    "L4",
    "The method scales explicitly by project size, risk and delivery approach (predictive, agile, hybrid).",
    "Define method variants by size, risk and delivery approach.",
  ],
  [
    "std-7",
    "standards",
    "L5",
    "Changes to the method are driven by measured outcomes and lessons, and their effect is checked after release.",
    "Tie every method change to evidence and check its effect after release.",
    { dependsOn: ["std-5"] },
  ],
  [
    "std-8",
    "standards",
    "L5",
    "The method is compared with external practice at least every two years and improved where it falls behind.",
    "Schedule an external comparison of the method every two years.",
    { effort: 2 },
  ],
  // Governance and compliance
  [
    "gov-1",
    "governance",
    "L2",
    "Every project has a named sponsor and a decision body with documented authority.",
    "Name a sponsor and a decision body with written authority for every project.",
    { importance: 5, effort: 1 },
  ],
  [
    "gov-2",
    "governance",
    "L2",
    "Projects are formally approved against written entry criteria before they start spending.",
    "Introduce written entry criteria and a formal approval before spending starts.",
    { effort: 2 },
  ],
  [
    "gov-3",
    "governance",
    "L3",
    "Stage-gate reviews are held at defined points and can stop, re-plan or redirect a project.",
    "Hold stage-gate reviews with the authority to stop, re-plan or redirect.",
    { critical: true, importance: 5, dependsOn: ["gov-1"] },
  ],
  [
    "gov-4",
    "governance",
    "L3",
    "The roles of the PMO, sponsors, project managers and line managers are written down and agreed.",
    "Write down and agree the roles of PMO, sponsors, project and line managers.",
    { effort: 2 },
  ],
  [
    "gov-5",
    "governance",
    "L4",
    "The PMO audits projects for compliance with policies and standards on a plan, and tracks findings to closure.",
    "Plan compliance audits and track every finding to closure.",
    { evidence: "required", dependsOn: ["gov-3"] },
  ],
  [
    "gov-6",
    "governance",
    "L4",
    "Regulatory and contractual obligations that affect projects are identified and checked at gates.",
    "Add a regulatory and contractual obligations check to the gate criteria.",
    { na: true },
  ],
  [
    "gov-7",
    "governance",
    "L5",
    "Governance thresholds (approval limits, escalation triggers) are tuned using data on past decisions.",
    "Review approval limits and escalation triggers against decision data.",
  ],
  [
    "gov-8",
    "governance",
    "L5",
    "Governance effectiveness is reviewed with executives every year and decision lead time is measured and reduced.",
    "Measure decision lead time and review governance with executives yearly.",
  ],
  // Portfolio management
  [
    "pf-1",
    "portfolio",
    "L2",
    "A complete list of active and proposed projects exists, with owner, budget and status.",
    "Build and maintain one complete list of active and proposed projects.",
    { importance: 5, effort: 1, also: [["reporting", "L2", 0.5]] },
  ],
  [
    "pf-2",
    "portfolio",
    "L2",
    "New project requests come in through one intake route with a minimum business case.",
    "Create a single intake route with a minimum business case.",
    { effort: 2 },
  ],
  [
    "pf-3",
    "portfolio",
    "L3",
    "Projects are prioritised with agreed scoring criteria linked to strategic objectives.",
    "Agree scoring criteria linked to strategy and rank all projects with them.",
    { critical: true, importance: 5, dependsOn: ["pf-2"] },
  ],
  [
    "pf-4",
    "portfolio",
    "L3",
    "Portfolio decisions take total capacity and budget limits into account before new work is approved.",
    "Check capacity and budget limits before approving new work.",
    { dependsOn: ["pf-1"], also: [["resources", "L3", 0.5]] },
  ],
  [
    "pf-5",
    "portfolio",
    "L4",
    "The portfolio is rebalanced on a regular cycle: projects are accelerated, paused or stopped on value and performance.",
    "Run a quarterly rebalancing review that can pause or stop projects.",
    { dependsOn: ["pf-3"] },
  ],
  [
    "pf-6",
    "portfolio",
    "L4",
    "Benefits are tracked after delivery against the business case and reported to the portfolio board.",
    "Track realised benefits against each business case after delivery.",
    { effort: 4 },
  ],
  [
    "pf-7",
    "portfolio",
    "L5",
    "Portfolio scenarios (budget, capacity and timing what-ifs) are modelled before major decisions.",
    "Model portfolio scenarios before major investment decisions.",
    { effort: 4, dependsOn: ["pf-4"] },
  ],
  [
    "pf-8",
    "portfolio",
    "L5",
    "Value delivered per unit of investment is measured and used to improve the selection criteria.",
    "Feed measured portfolio value back into the selection criteria.",
    { dependsOn: ["pf-6"] },
  ],
  // Resource management
  [
    "res-1",
    "resources",
    "L2",
    "Assignments of people to projects are recorded in one place.",
    "Record all assignments of people to projects in one tool or register.",
    { effort: 2, importance: 4 },
  ],
  [
    "res-2",
    "resources",
    "L2",
    "Resource conflicts between projects are escalated through a known route.",
    "Define and publish an escalation route for resource conflicts.",
    { effort: 1 },
  ],
  [
    "res-3",
    "resources",
    "L3",
    "Capacity and demand are compared per role or skill for at least the next quarter.",
    "Compare capacity with demand per role for the next quarter, every month.",
    { importance: 4, dependsOn: ["res-1"] },
  ],
  [
    "res-4",
    "resources",
    "L3",
    "Shared or scarce resources are allocated by portfolio priority rather than by who asks first.",
    "Allocate scarce resources by portfolio priority.",
    { dependsOn: ["pf-3"] },
  ],
  [
    "res-5",
    "resources",
    "L4",
    "The accuracy of resource forecasts is measured and over-allocation is tracked as a metric.",
    "Measure resource forecast accuracy and track over-allocation.",
  ],
  [
    "res-6",
    "resources",
    "L4",
    "A skills inventory exists and is used to staff projects and to plan hiring or sourcing.",
    "Build a skills inventory and use it when staffing projects.",
    { effort: 4 },
  ],
  [
    "res-7",
    "resources",
    "L5",
    "Resource scenarios are used to decide the start dates of new projects.",
    "Use resource scenarios to set the start dates of new projects.",
    { dependsOn: ["res-3"] },
  ],
  [
    "res-8",
    "resources",
    "L5",
    "Utilisation, overload signals and staffing outcomes feed continuous improvement of resource practices.",
    "Review utilisation and overload data and improve resource practices.",
  ],
  // Risk management
  [
    "risk-1",
    "risk",
    "L2",
    "Each project keeps a risk register with owners and responses.",
    "Require a risk register with owners and responses on every project.",
    { effort: 1, importance: 4 },
  ],
  [
    "risk-2",
    "risk",
    "L2",
    "Risks and issues are reviewed in regular project meetings.",
    "Put risk and issue review on the agenda of regular project meetings.",
    { effort: 1 },
  ],
  [
    "risk-3",
    "risk",
    "L3",
    "All projects use one risk method: probability and impact scales, categories and escalation thresholds.",
    "Publish one risk method with common scales, categories and escalation thresholds.",
    { critical: true, importance: 5, dependsOn: ["risk-1"] },
  ],
  [
    "risk-4",
    "risk",
    "L3",
    "Risks beyond project tolerance are escalated to the portfolio level and are visible there.",
    "Escalate risks beyond project tolerance to a portfolio risk view.",
    { dependsOn: ["risk-3"] },
  ],
  [
    "risk-5",
    "risk",
    "L4",
    "Schedule and cost risk are quantified for large projects and contingency is set from the analysis.",
    "Run quantitative schedule and cost risk analysis on large projects.",
    { effort: 4, dependsOn: ["risk-3"] },
  ],
  [
    "risk-6",
    "risk",
    "L4",
    "Response effectiveness is tracked: risks that occurred are compared with what the register expected.",
    "Compare occurred risks with the register and track response effectiveness.",
  ],
  [
    "risk-7",
    "risk",
    "L5",
    "Risk is aggregated across the portfolio and correlated exposure between projects is visible.",
    "Aggregate risk across the portfolio, including correlated exposure.",
    { effort: 4, dependsOn: ["risk-4"] },
  ],
  [
    "risk-8",
    "risk",
    "L5",
    "Leadership defines a risk appetite that drives project approval and contingency policies.",
    "Agree a risk appetite with leadership and apply it to approvals and contingency.",
  ],
  // Reporting and metrics
  [
    "rep-1",
    "reporting",
    "L2",
    "Projects report status on a regular cycle in a common format.",
    "Set a reporting cycle and a common status format.",
    { effort: 1, importance: 4 },
  ],
  [
    "rep-2",
    "reporting",
    "L2",
    "Status reports state schedule, cost, scope and key risks, not only narrative.",
    "Add schedule, cost, scope and risk fields to the status format.",
    { effort: 1 },
  ],
  [
    "rep-3",
    "reporting",
    "L3",
    "A consolidated portfolio dashboard is produced from project data without manual re-keying.",
    "Produce the portfolio dashboard straight from project data.",
    { dependsOn: ["rep-1"], effort: 4 },
  ],
  [
    "rep-4",
    "reporting",
    "L3",
    "Key performance indicators and their definitions are documented and agreed with management.",
    "Document KPI definitions and agree them with management.",
    { effort: 2 },
  ],
  [
    "rep-5",
    "reporting",
    "L4",
    "Earned value or an equivalent objective progress measure is used on projects above a size threshold.",
    "Introduce earned value on projects above a size threshold.",
    { na: true, dependsOn: ["rep-2"] },
  ],
  [
    "rep-6",
    "reporting",
    "L4",
    "The quality of reporting data is checked and the error rate is tracked.",
    "Check reporting data quality and track the error rate.",
  ],
  [
    "rep-7",
    "reporting",
    "L5",
    "Forecast finish dates and costs are compared with actuals and the forecasting method is improved.",
    "Compare forecasts with actuals and improve the forecasting method.",
    { dependsOn: ["rep-5"] },
  ],
  [
    "rep-8",
    "reporting",
    "L5",
    "Decision records cite the portfolio data they relied on.",
    "Make decision records cite the portfolio data used.",
  ],
  // Competence and training
  [
    "comp-1",
    "competence",
    "L2",
    "Project managers have received basic project management training.",
    "Give every project manager basic project management training.",
    { importance: 4 },
  ],
  [
    "comp-2",
    "competence",
    "L2",
    "New project managers get an introduction to the local method and tools.",
    "Run an induction on the local method and tools for new project managers.",
    { effort: 1 },
  ],
  [
    "comp-3",
    "competence",
    "L3",
    "A competence framework defines the expected skills for each project role and career level.",
    "Define a competence framework per project role and career level.",
    { importance: 4 },
  ],
  [
    "comp-4",
    "competence",
    "L3",
    "Training is planned from the competence framework and the skills gaps of each project manager.",
    "Plan training from the competence framework and individual gaps.",
    { dependsOn: ["comp-3"] },
  ],
  [
    "comp-5",
    "competence",
    "L4",
    "Mentoring or coaching is offered and its uptake is tracked.",
    "Offer mentoring or coaching and track its uptake.",
    { effort: 2 },
  ],
  [
    "comp-6",
    "competence",
    "L4",
    "Competence is assessed periodically and linked to the size and complexity of assignments.",
    "Assess competence periodically and use it when assigning projects.",
    { dependsOn: ["comp-3"] },
  ],
  [
    "comp-7",
    "competence",
    "L5",
    "Training content is updated from lessons learned and project performance data.",
    "Update training content from lessons and performance data.",
    { dependsOn: ["kn-3"] },
  ],
  [
    "comp-8",
    "competence",
    "L5",
    "An active community of practice leads improvements to the method.",
    "Start a community of practice and give it a role in method changes.",
    { effort: 2, also: [["standards", "L5", 0.5]] },
  ],
  // Knowledge and lessons learned
  [
    "kn-1",
    "knowledge",
    "L2",
    "Project documents are stored in a shared repository with a common structure.",
    "Set up a shared project repository with a common folder structure.",
    { effort: 1 },
  ],
  [
    "kn-2",
    "knowledge",
    "L2",
    "Projects hold a lessons-learned session at closure.",
    "Hold a lessons-learned session when every project closes.",
    { effort: 1, importance: 4 },
  ],
  [
    "kn-3",
    "knowledge",
    "L3",
    "Lessons learned are recorded in a searchable register with categories.",
    "Keep a searchable, categorised lessons register.",
    { dependsOn: ["kn-2"] },
  ],
  [
    "kn-4",
    "knowledge",
    "L3",
    "New projects review relevant lessons during initiation.",
    "Make a lessons review part of project initiation.",
    { dependsOn: ["kn-3"], effort: 1 },
  ],
  [
    "kn-5",
    "knowledge",
    "L4",
    "The PMO analyses lessons across projects to find recurring causes and reports them.",
    "Analyse lessons across projects for recurring causes.",
    { dependsOn: ["kn-3"] },
  ],
  [
    "kn-6",
    "knowledge",
    "L4",
    "Estimating data from past projects (durations, effort, cost) is kept and used for new estimates.",
    "Keep historical estimating data and use it for new estimates.",
    { effort: 4, also: [["reporting", "L4", 0.5]] },
  ],
  [
    "kn-7",
    "knowledge",
    "L5",
    "Recurring lessons lead to tracked changes in the method, templates or training.",
    "Turn recurring lessons into tracked changes to method, templates or training.",
    { dependsOn: ["kn-5"] },
  ],
  [
    "kn-8",
    "knowledge",
    "L5",
    "Knowledge is exchanged with other organisations or industry groups.",
    "Exchange lessons with peer organisations or industry groups.",
    { effort: 2 },
  ],
];

/**
 * The built-in PMO maturity model as JSON-compatible data (before defaults are applied). Five levels
 * (Ad hoc, Developing, Standardised, Measured, Optimising), eight dimensions covering the duties of a
 * PMO and 64 questions written by the pmokit project (MIT). Staged rule: a level counts when at least
 * 70 % of its weight is in place in every lower level too and no critical practice of the level is
 * below "partly in place"; the overall level is the weakest dimension.
 *
 * @example
 * ```ts
 * import { pmoMaturityModelData } from "@pmokit/maturity";
 * JSON.stringify(pmoMaturityModelData);
 * ```
 * @category Built-in models
 * @since 0.1.0
 */
export const pmoMaturityModelData: MaturityModelInput = {
  id: "pmokit.pmo-maturity",
  version: "1.0.0",
  name: "pmokit PMO maturity model",
  description:
    "An open maturity model of the PMO's duties, written by the pmokit project. Eight dimensions, five levels, staged scoring with a decimal score beside it.",
  kind: "maturity",
  source: {
    publisher: "pmokit",
    license: "MIT",
    contentProvidedBy: "library",
    citation: "pmokit PMO maturity model 1.0",
  },
  levels: [
    {
      id: "L1",
      ordinal: 1,
      code: "1",
      name: "Ad hoc",
      isBaseline: true,
      description: "Work depends on individuals; no shared practice.",
    },
    {
      id: "L2",
      ordinal: 2,
      code: "2",
      name: "Developing",
      description: "Basic practices exist and are repeated on most projects.",
    },
    {
      id: "L3",
      ordinal: 3,
      code: "3",
      name: "Standardised",
      description: "One documented way of working is used across the organisation.",
    },
    {
      id: "L4",
      ordinal: 4,
      code: "4",
      name: "Measured",
      description: "Practices are measured and managed with data.",
    },
    {
      id: "L5",
      ordinal: 5,
      code: "5",
      name: "Optimising",
      description: "Practices improve continuously from evidence.",
    },
  ],
  dimensions: [
    {
      id: "standards",
      name: "Standards and methodology",
      description: "Life cycle, method, templates, tailoring.",
    },
    {
      id: "governance",
      name: "Governance and compliance",
      description: "Authority, approvals, gates, audits.",
    },
    {
      id: "portfolio",
      name: "Portfolio management",
      description: "Intake, prioritisation, balancing, benefits.",
    },
    {
      id: "resources",
      name: "Resource management",
      description: "Assignments, capacity, allocation, skills.",
    },
    {
      id: "risk",
      name: "Risk management",
      description: "Registers, common method, escalation, quantification.",
    },
    {
      id: "reporting",
      name: "Reporting and metrics",
      description: "Status reporting, dashboards, KPIs, forecasting.",
    },
    {
      id: "competence",
      name: "Competence and training",
      description: "Training, competence framework, coaching.",
    },
    {
      id: "knowledge",
      name: "Knowledge and lessons learned",
      description: "Repository, lessons, historical data.",
    },
  ],
  answerScales: [
    {
      id: "presence",
      name: "How far the practice is in place",
      type: "ordinal",
      options: [
        { id: "none", label: "Not in place", value: 0 },
        { id: "initial", label: "Started or done occasionally", value: 0.25 },
        { id: "partial", label: "In place in some areas", value: 0.5 },
        { id: "largely", label: "Largely in place", value: 0.75 },
        { id: "full", label: "Fully in place and followed", value: 1 },
      ],
    },
  ],
  questions: rows.map(([id, dim, level, text, recommendation, x]) => ({
    id,
    text,
    recommendation,
    answerScaleId: "presence",
    impacts: [
      { dimensionId: dim, levelId: level, weight: 1 },
      ...(x?.also ?? []).map(([d, l, w]) => ({ dimensionId: d, levelId: l, weight: w })),
    ],
    allowNotApplicable: x?.na ?? false,
    allowDontKnow: true,
    ...(x?.critical === undefined ? {} : { critical: x.critical }),
    ...(x?.evidence === undefined ? {} : { evidence: x.evidence }),
    ...(x?.dependsOn === undefined ? {} : { dependsOn: [...x.dependsOn] }),
    importance: x?.importance ?? 3,
    effort: x?.effort ?? 3,
  })),
  scoringPolicy: {
    levelAward: { type: "staged", metric: "percentOfLevel", threshold: 0.7, criticalBelow: 0.5 },
    respondentAggregation: "median",
    dimensionRollup: "weightedMean",
    overallLevel: "min",
    minCoverageToRate: 0.5,
  },
  targetProfiles: [
    {
      id: "standardised",
      name: "Standardised PMO (level 3 everywhere; portfolio, governance and risk first)",
      default: { levelId: "L3", importance: 3 },
      targets: [
        { dimensionId: "portfolio", levelId: "L3", importance: 5 },
        { dimensionId: "governance", levelId: "L3", importance: 4 },
        { dimensionId: "risk", levelId: "L3", importance: 4 },
        { dimensionId: "reporting", levelId: "L3", importance: 4 },
      ],
    },
  ],
};

/**
 * The built-in PMO maturity model, parsed and validated (see {@link pmoMaturityModelData}).
 *
 * @example
 * ```ts
 * import { pmoMaturityModel } from "@pmokit/maturity";
 * pmoMaturityModel.questions.length; // 64
 * ```
 * @category Built-in models
 * @since 0.1.0
 */
export const pmoMaturityModel: MaturityModel = /* @__PURE__ */ parseMaturityModel(pmoMaturityModelData);
