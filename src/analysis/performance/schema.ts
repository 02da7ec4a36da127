import { z } from 'zod';
import { ACTIVITY_GROUPS, KPI_DIRECTIONS, OBJECTIVE_GROUPS } from '../../model/value-chain/schema';

/*
 * The input of the performance analysis: a plain snapshot of what the value-chain
 * extension stores per activity (KPIs with their measurement history, resources).
 * Numbers may come as the text found in the BPMN or typed by the value-chain
 * reader (from-model.ts); text is parsed here, so a value that does not read as a
 * number is reported, not lost.
 */

// The vocabulary is the model's (src/model/value-chain/schema.ts); re-exported so dashboard code needs one import.
export { ACTIVITY_GROUPS, OBJECTIVE_GROUPS };
/** The KPI directions, in the model's order. */
export const DIRECTIONS = KPI_DIRECTIONS;

/** Validates an objective group value. */
export const ObjectiveGroupSchema = z.enum(OBJECTIVE_GROUPS);
/** An objective group of a KPI. */
export type ObjectiveGroup = z.infer<typeof ObjectiveGroupSchema>;

/** Validates a KPI direction. */
export const DirectionSchema = z.enum(DIRECTIONS);
/** A KPI direction. */
export type Direction = z.infer<typeof DirectionSchema>;

/** Validates an activity (or budget) group. */
export const ActivityGroupSchema = z.enum(ACTIVITY_GROUPS);
/** An activity group. */
export type ActivityGroup = z.infer<typeof ActivityGroupSchema>;

/** How a KPI stands: judged against its target, shown with qualitative evidence, or not judgeable. */
export const KpiStatusSchema = z.enum(['on-track', 'off-track', 'no-data', 'qualitative']);
/** A KPI's status. */
export type KpiStatus = z.infer<typeof KpiStatusSchema>;

/** Where a measurement series is heading, judged by the KPI's direction. */
export const TrendSchema = z.enum(['improving', 'worsening', 'flat']);
/** A KPI's trend. */
export type Trend = z.infer<typeof TrendSchema>;

const OBJECTIVE_GROUP_SET: ReadonlySet<string> = new Set(OBJECTIVE_GROUPS);
const DIRECTION_SET: ReadonlySet<string> = new Set(DIRECTIONS);
const ACTIVITY_GROUP_SET: ReadonlySet<string> = new Set(ACTIVITY_GROUPS);

/** Fast membership test for the hot loop of library aggregation (same values as ObjectiveGroupSchema). */
export function isObjectiveGroup(value: string | undefined): value is ObjectiveGroup {
  return value !== undefined && OBJECTIVE_GROUP_SET.has(value);
}

/** Fast membership test for directions. */
export function isDirection(value: string | undefined): value is Direction {
  return value !== undefined && DIRECTION_SET.has(value);
}

/** Fast membership test for activity groups. */
export function isActivityGroup(value: string | undefined): value is ActivityGroup {
  return value !== undefined && ACTIVITY_GROUP_SET.has(value);
}

/** A number as stored (decimal text such as "1250.50") or already parsed. */
export const NumericInputSchema = z.union([z.string(), z.number()]).optional();
/** A stored or parsed number. */
export type NumericInput = z.infer<typeof NumericInputSchema>;

/** One recorded realised value for a period (ml:Measurement). */
export const MeasurementInputSchema = z.object({
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
  value: NumericInputSchema,
  evidence: z.string().optional(),
  recordedOn: z.string().optional()
});
/** A measurement as the analysis receives it. */
export type MeasurementInput = z.infer<typeof MeasurementInputSchema>;

/** A KPI of a step (ml:Kpi), attributes as stored. */
export const KpiInputSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  objectiveGroup: z.string().optional(),
  unit: z.string().optional(),
  direction: z.string().optional(),
  target: NumericInputSchema,
  realised: NumericInputSchema,
  evidence: z.string().optional(),
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
  targetGroup: z.string().optional(),
  product: z.string().optional(),
  channel: z.string().optional(),
  campaign: z.string().optional(),
  measurements: z.array(MeasurementInputSchema).optional()
});
/** A KPI as the analysis receives it. */
export type KpiInput = z.infer<typeof KpiInputSchema>;

/** Planned and realised resources of a step (ml:Resources), attributes as stored. */
export const ResourcesInputSchema = z.object({
  budgetGroup: z.string().optional(),
  currency: z.string().optional(),
  plannedBudget: NumericInputSchema,
  realisedBudget: NumericInputSchema,
  plannedHours: NumericInputSchema,
  realisedHours: NumericInputSchema
});
/** Resources as the analysis receives them. */
export type ResourcesInput = z.infer<typeof ResourcesInputSchema>;

/** An activity with its value-chain data; `department` is the name of its (innermost) lane's department. */
export const ActivityInputSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  activityGroup: z.string().optional(),
  department: z.string().optional(),
  kpis: z.array(KpiInputSchema),
  resources: ResourcesInputSchema.optional()
});
/** An activity as the analysis receives it. */
export type ActivityInput = z.infer<typeof ActivityInputSchema>;

/** One process of the library. */
export const ProcessInputSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  activities: z.array(ActivityInputSchema)
});
/** A process as the analysis receives it. */
export type ProcessInput = z.infer<typeof ProcessInputSchema>;

/** An inclusive period filter in YYYY-MM-DD; either end may be open. */
export const PeriodFilterSchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional()
});
/** A period filter. */
export type PeriodFilter = z.infer<typeof PeriodFilterSchema>;
