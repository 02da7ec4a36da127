import { isDirection, isObjectiveGroup, type Direction, type KpiStatus, type NumericInput, type ObjectiveGroup } from './schema';
import { parseDecimal } from '../../model/decimal';
import { isUnreadableDecimal, nonBlank } from './values';

/*
 * Planned versus realised for one KPI. The status is direction-aware: below an
 * "at most" target is good, above an "at least" target is good, and "exactly"
 * is good within a tolerance. KPIs are insight, not a ranking of people, so the
 * status speaks about the measure only.
 */

/** Floating-point slack so 0.1 + 0.2 still meets a target of 0.3. */
const EPSILON = 1e-9;

/**
 * The usual direction per objective group (DOMAIN.md §2), used when a KPI does not
 * say: spending must not exceed, results must reach at least. Hoeing keeps a score
 * at a level, so falling below it is what matters.
 */
export const USUAL_DIRECTION: Readonly<Record<ObjectiveGroup, Direction>> = {
  input: 'at-most',
  throughput: 'at-most',
  customer: 'at-least',
  'harvest-short': 'at-least',
  'harvest-long': 'at-least',
  sowing: 'at-least',
  hoeing: 'at-least'
};

/** Options of the variance evaluation. */
export interface VarianceOptions {
  /** For "exactly": how far from the target still counts as on track, in percent of |target|. Default 5. */
  readonly exactTolerancePercent?: number;
}

/** Why a KPI could not be judged against its target. */
export type NoDataReason = 'no-realised' | 'no-target' | 'no-direction';

/** The fields of a KPI that held text which could not be read. */
export type UnreadableField = 'target' | 'realised' | 'direction' | 'objectiveGroup';

/** What the evaluation needs of a KPI. */
export interface KpiValues {
  readonly objectiveGroup?: string;
  readonly direction?: string;
  readonly target?: NumericInput;
  readonly realised?: NumericInput;
  readonly evidence?: string;
}

/** The outcome of comparing a KPI's realised value with its target. */
export interface KpiEvaluation {
  readonly objectiveGroup: ObjectiveGroup | undefined;
  readonly direction: Direction | undefined;
  /** True when the direction came from the objective group because the KPI gave none (or an unreadable one). */
  readonly directionAssumed: boolean;
  readonly target: number | undefined;
  readonly realised: number | undefined;
  /** Qualitative evidence (soft KPIs), shown beside or instead of a number. */
  readonly evidence: string | undefined;
  /** realised − target. */
  readonly absolute: number | undefined;
  /** (realised − target) / |target|; undefined when the target is 0. */
  readonly relative: number | undefined;
  readonly status: KpiStatus;
  readonly noDataReason: NoDataReason | undefined;
  readonly unreadable: readonly UnreadableField[];
}

/** Shared by every evaluation without problems, so the common case allocates nothing. */
const NOTHING_UNREADABLE: readonly UnreadableField[] = Object.freeze([]);

/** Compares a KPI's realised value with its target, direction-aware. */
export function evaluateKpi(kpi: KpiValues, options: VarianceOptions = {}): KpiEvaluation {
  return evaluateKpiValues(kpi.objectiveGroup, kpi.direction, kpi.target, kpi.realised, kpi.evidence, options);
}

/**
 * evaluateKpi with the realised value and evidence passed separately, so the
 * dashboard can judge a measurement without copying the KPI (the library loop
 * runs this 20 000 times; the result always has the same shape for speed).
 */
export function evaluateKpiValues(
  objectiveGroupText: string | undefined,
  directionText: string | undefined,
  targetInput: NumericInput,
  realisedInput: NumericInput,
  evidenceText: string | undefined,
  options: VarianceOptions = {}
): KpiEvaluation {
  // Built only when something is wrong (no closure either: this runs once per KPI of a library).
  let unreadable: UnreadableField[] | undefined;
  const groupText = nonBlank(objectiveGroupText);
  const objectiveGroup = isObjectiveGroup(groupText) ? groupText : undefined;
  if (groupText !== undefined && !objectiveGroup) (unreadable ??= []).push('objectiveGroup');

  const dirText = nonBlank(directionText);
  let direction: Direction | undefined = isDirection(dirText) ? dirText : undefined;
  if (dirText !== undefined && !direction) (unreadable ??= []).push('direction');
  const directionAssumed = direction === undefined && objectiveGroup !== undefined;
  if (directionAssumed) direction = USUAL_DIRECTION[objectiveGroup!];

  const target = parseDecimal(targetInput);
  const realised = parseDecimal(realisedInput);
  if (target === undefined && isUnreadableDecimal(targetInput)) (unreadable ??= []).push('target');
  if (realised === undefined && isUnreadableDecimal(realisedInput)) (unreadable ??= []).push('realised');
  const evidence = nonBlank(evidenceText);

  const absolute = target !== undefined && realised !== undefined ? realised - target : undefined;
  const relative = absolute !== undefined && Math.abs(target!) > EPSILON ? absolute / Math.abs(target!) : undefined;

  let status: KpiStatus;
  let noDataReason: NoDataReason | undefined;
  if (realised === undefined) {
    status = evidence ? 'qualitative' : 'no-data';
    noDataReason = evidence ? undefined : 'no-realised';
  } else if (target === undefined) {
    status = 'no-data';
    noDataReason = 'no-target';
  } else if (direction === undefined) {
    status = 'no-data';
    noDataReason = 'no-direction';
  } else {
    status = meetsTarget(direction, target, realised, options) ? 'on-track' : 'off-track';
  }
  return { objectiveGroup, direction, directionAssumed, target, realised, evidence, absolute, relative, status, noDataReason, unreadable: unreadable ?? NOTHING_UNREADABLE };
}

/** Whether a realised value meets a target in the given direction. */
export function meetsTarget(direction: Direction, target: number, realised: number, options: VarianceOptions = {}): boolean {
  switch (direction) {
    case 'at-most':
      return realised <= target + EPSILON;
    case 'at-least':
      return realised >= target - EPSILON;
    case 'exactly': {
      const tolerance = (Math.abs(target) * (options.exactTolerancePercent ?? 5)) / 100;
      return Math.abs(realised - target) <= tolerance + EPSILON;
    }
  }
}
