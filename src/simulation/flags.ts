/**
 * The consequences a simulation run makes visible. Each kind is also the rule id an
 * ml:Exemption or ml:ruleSetting uses to silence it for one element or the model.
 */
export const FLAG_KINDS = [
  'handover-without-agreement',
  'missing-accountable',
  'handover-overdue',
  'budget-exceeded',
  'deadlock',
  'step-limit',
  'dead-end',
  'unreachable'
] as const;

/** One of FLAG_KINDS. */
export type FlagKind = (typeof FLAG_KINDS)[number];

/** Numeric code of each flag kind (its index in FLAG_KINDS), used by the engine's hot path. */
export const FlagCode = {
  HandoverWithoutAgreement: 0,
  MissingAccountable: 1,
  HandoverOverdue: 2,
  BudgetExceeded: 3,
  Deadlock: 4,
  StepLimit: 5,
  DeadEnd: 6,
  Unreachable: 7
} as const;
/** One of the FlagCode values. */
export type FlagCode = (typeof FlagCode)[keyof typeof FlagCode];

/** A flag raised during a run, on one element of one case, at a simulated time (hours). */
export interface SimFlag {
  kind: FlagKind;
  elementId: string;
  caseIndex: number;
  time: number;
  /** One plain English sentence for lists and the command line. */
  message: string;
  /** Numbers behind the message (e.g. elapsed and due hours), for the UI's own wording. */
  data?: Record<string, number | string>;
}

/** A flag kind on one element, counted over a batch. */
export interface FlagSummary {
  kind: FlagKind;
  elementId: string;
  elementName: string;
  /** How often it was raised in all cases together. */
  occurrences: number;
  /** In how many cases it was raised at least once. */
  cases: number;
  /** cases / simulated cases. */
  shareOfCases: number;
  /** Found by looking at the model (unreachable, dead end) rather than by running it. */
  static: boolean;
}
