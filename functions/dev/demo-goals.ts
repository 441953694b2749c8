/** Goal texts for the demo organisation, by department. Plain language, measurable key results. */
import type { KeyResultInput } from "../src/contracts/key-results.js";

export interface DemoGoalText {
  title: string;
  description: string;
  keyResults: KeyResultInput[];
}

export const ORGANISATION_GOALS: DemoGoalText[] = [
  {
    title: "Grow recurring revenue to 48 million",
    description: "Win and keep more customers so that annual recurring revenue reaches 48 million by the end of the quarter.",
    keyResults: [
      { title: "Annual recurring revenue (millions)", kind: "increase", start: 41, target: 48, current: 44.5, unitKind: "currency", currency: "EUR" },
      { title: "Net revenue retention", kind: "increase", start: 104, target: 110, current: 106, unitKind: "percent" },
    ],
  },
  {
    title: "Make customers love the product again",
    description: "Fix what customers complain about most and make the product fast and easy, so that they recommend us.",
    keyResults: [
      { title: "Net promoter score", kind: "increase", start: 21, target: 35, current: 27, unit: "pts" },
      { title: "Median page load time", kind: "decrease", start: 3.2, target: 1.5, current: 2.4, unit: "s" },
    ],
  },
];

const BY_DEPARTMENT: Record<string, DemoGoalText[]> = {
  Engineering: [
    {
      title: "Cut page load time in half for every customer",
      description: "Customers wait too long for pages to open. Profile the slowest pages and fix them so the product feels instant.",
      keyResults: [
        { title: "Median page load time", kind: "decrease", start: 3.2, target: 1.6, current: 2.5, unit: "s" },
        { title: "Performance budget checked in every build", kind: "milestone", done: true },
      ],
    },
    {
      title: "Ship the reliability programme for the platform",
      description: "Fewer outages and faster recovery: on-call runbooks, alerting on what customers feel, and blameless reviews.",
      keyResults: [
        { title: "Monthly availability", kind: "keep_above", start: 99.5, target: 99.9, current: 99.8, unitKind: "percent" },
        { title: "Incidents without a review after 5 days", kind: "decrease", start: 6, target: 0, current: 2 },
      ],
    },
  ],
  Product: [
    {
      title: "Redesign onboarding so new teams succeed in week one",
      description: "Most churn starts in the first week. Interview new customers, redesign the first-run experience and measure activation.",
      keyResults: [
        { title: "Teams active after 7 days", kind: "increase", start: 38, target: 60, current: 47, unitKind: "percent" },
        { title: "New onboarding released to everyone", kind: "milestone", done: false },
      ],
    },
  ],
  Sales: [
    {
      title: "Win 40 new mid-market customers this quarter",
      description: "Focus the team on mid-market accounts where we win most often, with a shorter trial and a clear offer.",
      keyResults: [
        { title: "New mid-market customers", kind: "increase", start: 0, target: 40, current: 17 },
        { title: "Average sales cycle", kind: "decrease", start: 62, target: 45, current: 55, unit: "days" },
      ],
    },
  ],
  Marketing: [
    {
      title: "Double qualified leads from customer stories",
      description: "Publish stories of customers who succeeded with us and put them where buyers look, so that more qualified leads arrive.",
      keyResults: [
        { title: "Qualified leads per month", kind: "increase", start: 300, target: 600, current: 410 },
        { title: "Customer stories published", kind: "increase", start: 0, target: 8, current: 3 },
      ],
    },
  ],
  "Customer Success": [
    {
      title: "Keep every key account healthy and renewing",
      description: "Run quarterly reviews with every key account and act on early warning signs, so that renewals do not surprise us.",
      keyResults: [
        { title: "Gross revenue retention", kind: "increase", start: 90, target: 95, current: 92, unitKind: "percent" },
        { title: "Key accounts with a review this quarter", kind: "increase", start: 0, target: 30, current: 12 },
      ],
    },
  ],
  Finance: [
    {
      title: "Close the books in five working days",
      description: "Automate reconciliations and agree a calendar with every team so the monthly close is fast and calm.",
      keyResults: [
        { title: "Working days to close", kind: "decrease", start: 11, target: 5, current: 8, unit: "days" },
        { title: "Bank reconciliation automated", kind: "milestone", done: true },
      ],
    },
  ],
  People: [
    {
      title: "Make hiring faster and fairer for every team",
      description: "Structured interviews and a shared scorecard for every role, so that teams hire faster and candidates are treated fairly.",
      keyResults: [
        { title: "Days from opening to offer", kind: "decrease", start: 54, target: 35, current: 46, unit: "days" },
        { title: "Roles with a structured interview kit", kind: "increase", start: 20, target: 100, current: 65, unitKind: "percent" },
      ],
    },
  ],
  Operations: [
    {
      title: "Run the company on fewer, better tools",
      description: "Retire overlapping tools and agree one place for each job, so that people spend less time searching and paying twice.",
      keyResults: [
        { title: "Paid software tools", kind: "decrease", start: 84, target: 60, current: 71 },
        { title: "Tool catalogue published", kind: "milestone", done: true },
      ],
    },
  ],
};

const FALLBACK: DemoGoalText = {
  title: "Make our team's work visible and on time",
  description: "Agree priorities every two weeks and share progress openly, so that other teams can rely on our dates.",
  keyResults: [
    { title: "Commitments delivered on time", kind: "increase", start: 60, target: 90, current: 72, unitKind: "percent" },
    { title: "Team priorities page published", kind: "milestone", done: true },
  ],
};

/** Goals individuals write under their team lead's goal, whatever the department. */
const INDIVIDUAL_GOALS: DemoGoalText[] = [
  {
    title: "Automate the weekly report our team builds by hand",
    description: "The weekly report takes half a day to assemble; automate it so the team spends that time with customers.",
    keyResults: [
      { title: "Hours spent on the weekly report", kind: "decrease", start: 4, target: 0.5, current: 2, unit: "h" },
      { title: "Automated report shared with the team", kind: "milestone", done: false },
    ],
  },
  {
    title: "Answer every customer question within one working day",
    description: "Customers wait too long for answers from us; set up a shared queue and a daily rota so nobody waits.",
    keyResults: [{ title: "Questions answered within one working day", kind: "increase", start: 55, target: 95, current: 70, unitKind: "percent" }],
  },
  {
    title: "Learn the new analytics platform and teach two colleagues",
    description: "We are moving to a new analytics platform; become fluent in it and help two colleagues get started.",
    keyResults: [
      { title: "Certification passed", kind: "milestone", done: true },
      { title: "Colleagues onboarded", kind: "increase", start: 0, target: 2, current: 1 },
    ],
  },
];

export function pickIndividualGoal(index: number): DemoGoalText {
  return INDIVIDUAL_GOALS[index % INDIVIDUAL_GOALS.length]!;
}

export function pickDepartmentGoal(department: string | null, index: number): DemoGoalText {
  const options = BY_DEPARTMENT[department ?? ""] ?? [FALLBACK];
  return options[index % options.length]!;
}
