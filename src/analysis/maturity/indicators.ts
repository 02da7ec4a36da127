import { z } from 'zod';
import type { LocalizedText, PillarId } from './model';
import { NumericInputSchema } from '../performance/schema';
import { parseDecimal } from '../../model/decimal';
import { nonBlank } from '../performance/values';

/*
 * Indicators from the process library, shown beside the self-assessment. They
 * are facts about how the value chain is documented (KPIs, agreements,
 * accountability), deliberately not converted into a maturity level: a well-kept
 * model says something about process management, not about a pillar as a whole,
 * and the assessment is about perception, which a computed level would hide.
 */

/** What the indicators need of a KPI: its group and name, and whether anything was realised. */
export const IndicatorKpiSchema = z.object({
  name: z.string().optional(),
  objectiveGroup: z.string().optional(),
  realised: NumericInputSchema,
  evidence: z.string().optional(),
  measurements: z.array(z.object({ value: NumericInputSchema, evidence: z.string().optional() })).optional()
});
/** A KPI as the indicators receive it. */
export type IndicatorKpi = z.infer<typeof IndicatorKpiSchema>;

/** An activity with its KPIs and RACI assignments. */
export const IndicatorActivitySchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  kpis: z.array(IndicatorKpiSchema),
  assignments: z.array(z.object({ role: z.string().optional(), responsibility: z.string().optional() }))
});
/** An activity as the indicators receive it. */
export type IndicatorActivity = z.infer<typeof IndicatorActivitySchema>;

/** A handover (a flow between lanes or pools) and the status of its agreement; no status when it has none. */
export const IndicatorHandoverSchema = z.object({
  id: z.string(),
  agreementStatus: z.string().optional()
});
/** A handover as the indicators receive it. */
export type IndicatorHandover = z.infer<typeof IndicatorHandoverSchema>;

/** A snapshot of one process's value chain, as much as the indicators need. */
export const IndicatorProcessSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  activities: z.array(IndicatorActivitySchema),
  handovers: z.array(IndicatorHandoverSchema)
});
/** A process as the indicators receive it. */
export type IndicatorProcess = z.infer<typeof IndicatorProcessSchema>;

/** A count out of a total; `share` (0..1) is undefined when there is nothing to count. */
export interface Share {
  readonly count: number;
  readonly total: number;
  readonly share: number | undefined;
}

/** The stable ids of the indicators. */
export type IndicatorId =
  | 'activities-with-kpi'
  | 'handovers-with-agreed-agreement'
  | 'activities-with-one-accountable'
  | 'kpis-with-realised-value'
  | 'tactical-kpis';

/** One indicator as the UI lists it: labelled, explained, tied to the pillars it informs. */
export interface Indicator {
  readonly id: IndicatorId;
  /** Always 'indicator': these are facts from the model, never a computed maturity level. */
  readonly kind: 'indicator';
  readonly label: LocalizedText;
  /** Why this fact says something about the pillars named in `pillars`. */
  readonly explanation: LocalizedText;
  readonly pillars: readonly PillarId[];
  readonly value: Share;
  /** For tactical KPIs: their names (distinct, in order of appearance). */
  readonly examples?: readonly string[];
}

/** The indicators of one process or of the whole library. */
export interface IndicatorSet {
  readonly processes: number;
  readonly activities: number;
  readonly handovers: number;
  readonly kpis: number;
  readonly indicators: readonly Indicator[];
}

/** The indicators of the library, and per process. */
export interface LibraryIndicators extends IndicatorSet {
  readonly perProcess: readonly (IndicatorSet & { readonly processId: string; readonly name: string | undefined })[];
}

/** Objective groups whose KPIs are tactical in the source's sense (customer-related and sowing, e.g. MQL and SQL). */
const TACTICAL_GROUPS: ReadonlySet<string> = new Set(['customer', 'sowing']);

/** Names of tactical marketing/sales KPIs (strategy level 3 of the source: "MQL, SQL, sales follow-up"). */
const TACTICAL_NAME = /\b(?:MQLs?|SQLs?|SALs?|leads?|follow[- ]?up|opvolging)\b/i;

/** Whether a KPI is tactical: by its objective group or by a name like MQL, SQL or lead follow-up. */
export function isTacticalKpi(kpi: IndicatorKpi): boolean {
  const group = kpi.objectiveGroup?.trim();
  return (group !== undefined && TACTICAL_GROUPS.has(group)) || (kpi.name !== undefined && TACTICAL_NAME.test(kpi.name));
}

/** Whether something was realised: a number, qualitative evidence (soft KPIs), or a measurement with either. */
export function hasRealisedValue(kpi: IndicatorKpi): boolean {
  if (parseDecimal(kpi.realised) !== undefined || nonBlank(kpi.evidence) !== undefined) return true;
  return (kpi.measurements ?? []).some((m) => parseDecimal(m.value) !== undefined || nonBlank(m.evidence) !== undefined);
}

function share(count: number, total: number): Share {
  return { count, total, share: total ? count / total : undefined };
}

interface Tally {
  processes: number;
  activities: number;
  withKpi: number;
  oneAccountable: number;
  handovers: number;
  agreed: number;
  kpis: number;
  realised: number;
  tactical: number;
  tacticalNames: string[];
}

function emptyTally(): Tally {
  return { processes: 0, activities: 0, withKpi: 0, oneAccountable: 0, handovers: 0, agreed: 0, kpis: 0, realised: 0, tactical: 0, tacticalNames: [] };
}

function tallyProcess(process: IndicatorProcess, into: Tally): void {
  into.processes++;
  for (const activity of process.activities) {
    into.activities++;
    if (activity.kpis.length > 0) into.withKpi++;
    const accountable = activity.assignments.filter((a) => a.responsibility?.trim() === 'accountable').length;
    if (accountable === 1) into.oneAccountable++;
    for (const kpi of activity.kpis) {
      into.kpis++;
      if (hasRealisedValue(kpi)) into.realised++;
      if (isTacticalKpi(kpi)) {
        into.tactical++;
        const name = nonBlank(kpi.name);
        if (name !== undefined && !into.tacticalNames.includes(name)) into.tacticalNames.push(name);
      }
    }
  }
  for (const h of process.handovers) {
    into.handovers++;
    if (h.agreementStatus?.trim() === 'agreed') into.agreed++;
  }
}

function mergeTally(from: Tally, into: Tally): void {
  for (const k of ['processes', 'activities', 'withKpi', 'oneAccountable', 'handovers', 'agreed', 'kpis', 'realised', 'tactical'] as const) into[k] += from[k];
  for (const name of from.tacticalNames) if (!into.tacticalNames.includes(name)) into.tacticalNames.push(name);
}

function toSet(t: Tally): IndicatorSet {
  return {
    processes: t.processes,
    activities: t.activities,
    handovers: t.handovers,
    kpis: t.kpis,
    indicators: [
      {
        id: 'activities-with-kpi',
        kind: 'indicator',
        label: { nl: 'Activiteiten met minstens één KPI', en: 'Activities with at least one KPI' },
        explanation: {
          nl: 'Zonder meetbare doelen per stap blijft marketing een black box (strategie, data).',
          en: 'Without measurable goals per step, marketing stays a black box (strategy, data).'
        },
        pillars: ['strategy', 'data'],
        value: share(t.withKpi, t.activities)
      },
      {
        id: 'handovers-with-agreed-agreement',
        kind: 'indicator',
        label: { nl: 'Overdrachten met een overeengekomen afspraak', en: 'Handovers with an agreed agreement' },
        explanation: {
          nl: 'Afspraken tussen afdelingen doorbreken silo’s en maken samenwerking toetsbaar (mensen & organisatie).',
          en: 'Agreements between departments break silos and make collaboration checkable (people & organisation).'
        },
        pillars: ['people-organisation'],
        value: share(t.agreed, t.handovers)
      },
      {
        id: 'activities-with-one-accountable',
        kind: 'indicator',
        label: { nl: 'Activiteiten met precies één eindverantwoordelijke', en: 'Activities with exactly one Accountable' },
        explanation: {
          nl: 'Op niveau 1 is niemand verantwoordelijk; elke stap hoort één eindverantwoordelijke te hebben (mensen & organisatie).',
          en: 'At level 1 nobody is accountable; every step should have one Accountable (people & organisation).'
        },
        pillars: ['people-organisation'],
        value: share(t.oneAccountable, t.activities)
      },
      {
        id: 'kpis-with-realised-value',
        kind: 'indicator',
        label: { nl: 'KPI’s met een gerealiseerde waarde', en: 'KPIs with a realised value' },
        explanation: {
          nl: 'Een doel zonder gemeten resultaat stuurt niets; ook kwalitatief bewijs telt mee (data).',
          en: 'A goal without a measured result steers nothing; qualitative evidence counts too (data).'
        },
        pillars: ['data'],
        value: share(t.realised, t.kpis)
      },
      {
        id: 'tactical-kpis',
        kind: 'indicator',
        label: { nl: 'Tactische KPI’s (zoals MQL, SQL)', en: 'Tactical KPIs (such as MQL, SQL)' },
        explanation: {
          nl: 'Tactische KPI’s zoals MQL, SQL en sales follow-up horen bij strategie op niveau 3; klantgerelateerde en zaai-doelen tellen mee.',
          en: 'Tactical KPIs such as MQL, SQL and sales follow-up belong to strategy at level 3; customer-related and sowing objectives count.'
        },
        pillars: ['strategy'],
        value: share(t.tactical, t.kpis),
        examples: t.tacticalNames
      }
    ]
  };
}

/**
 * Computes the indicators over a library of value-chain snapshots, in total and
 * per process. Shares are undefined (not 0) when there is nothing to count.
 */
export function libraryIndicators(processes: readonly IndicatorProcess[]): LibraryIndicators {
  const total = emptyTally();
  const perProcess = processes.map((p) => {
    const t = emptyTally();
    tallyProcess(p, t);
    mergeTally(t, total);
    return { processId: p.id, name: p.name, ...toSet(t) };
  });
  return { ...toSet(total), perProcess };
}

/** Looks up one indicator of a set by id. */
export function findIndicator(set: IndicatorSet, id: IndicatorId): Indicator {
  return set.indicators.find((i) => i.id === id)!;
}
