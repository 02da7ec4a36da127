import type { ModdleElement } from '../../model/moddle-types';
import { indexLanes, laneOf, participantOf, type LaneIndex } from '../../model/lanes';
import { forEachContained } from '../../model/walk';
import { readValueChain, type StepEntry, type ValueChainSnapshot } from '../../model/value-chain/read';
import type { ActivityInput, ProcessInput } from './schema';

/*
 * The thin adapter from a parsed BPMN model to the analysis input: the value-chain
 * reader supplies typed steps (invalid values are its issues, not ours), this
 * file adds what the reader does not list, namely every activity, also those
 * without value-chain data, and the department each one sits in.
 */

/** One process of the library: its record id and name, the parsed model, and its snapshot if already read. */
export interface LibraryModel {
  readonly id: string;
  readonly name?: string;
  readonly definitions: ModdleElement;
  readonly snapshot?: ValueChainSnapshot;
}

/** An activity of a model with its step data (if any) and the name of its department. */
export interface ModelActivity {
  readonly element: ModdleElement;
  readonly step: StepEntry | undefined;
  readonly department: string | undefined;
}

/** Every activity (tasks, sub-processes, call activities, also nested ones) in document order. */
export function modelActivities(definitions: ModdleElement, snapshot: ValueChainSnapshot, index: LaneIndex = indexLanes(definitions)): ModelActivity[] {
  const out: ModelActivity[] = [];
  forEachContained(definitions, (element) => {
    if (!element.id || typeof element.$instanceOf !== 'function' || !element.$instanceOf('bpmn:Activity')) return;
    out.push({ element, step: snapshot.steps[element.id], department: departmentOf(element, snapshot, index) });
  });
  return out;
}

/** The department an element works in: its innermost lane, else its pool; the ml:Department name wins over the shape's label. */
function departmentOf(element: ModdleElement, snapshot: ValueChainSnapshot, index: LaneIndex): string | undefined {
  const lane = laneOf(index, element);
  if (lane) return snapshot.departments[lane.id]?.name ?? lane.name ?? undefined;
  const participantId = participantOf(index, element);
  if (!participantId) return undefined;
  return snapshot.departments[participantId]?.name ?? index.participants.get(participantId)?.name ?? undefined;
}

/** The performance input of one model of the library. */
export function performanceInputFromModel(model: LibraryModel): ProcessInput {
  const snapshot = model.snapshot ?? readValueChain(model.definitions);
  const activities: ActivityInput[] = modelActivities(model.definitions, snapshot).map(({ element, step, department }) => ({
    id: element.id!,
    name: element.name || undefined,
    activityGroup: step?.activityGroup,
    department,
    kpis: (step?.kpis ?? []).map((k) => ({
      id: k.id,
      name: k.name,
      objectiveGroup: k.objectiveGroup,
      unit: k.unit,
      direction: k.direction,
      target: k.target,
      realised: k.realised,
      evidence: k.evidence,
      periodStart: k.periodStart,
      periodEnd: k.periodEnd,
      targetGroup: k.targetGroup,
      product: k.product,
      channel: k.channel,
      campaign: k.campaign,
      measurements: k.measurements.map((m) => ({ periodStart: m.periodStart, periodEnd: m.periodEnd, value: m.value, evidence: m.evidence, recordedOn: m.recordedOn }))
    })),
    resources: step?.resources
  }));
  return { id: model.id, name: model.name, activities };
}
