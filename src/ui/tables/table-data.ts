import type { ModdleElement } from '../../model/moddle-types';
import { getExtension } from '../../model/value-chain/extension';
import { laneName, laneOf } from '../../modeler/features/handover-markers/handover-status';

/*
 * What both tables list: the activities of the open model, in the order a reader
 * follows the diagram (lanes top to bottom, then left to right), with the lane each
 * lies in. Read from the live modeler, whose business objects bpmn-js keeps in step
 * with every edit, using the same lane rule as the handover marks.
 */

/** The few parts of a diagram element the tables read. */
export interface DiagramElementLike {
  id: string;
  businessObject: ModdleElement;
  x?: number;
  y?: number;
  waypoints?: unknown;
  labelTarget?: unknown;
}

/** An activity with where it sits. */
export interface ActivityEntry {
  id: string;
  /** The activity's name, or its id when it has none. */
  name: string;
  element: ModdleElement;
  /** Display name of its (innermost) lane; undefined outside lanes. */
  department?: string;
  laneId?: string;
}

const ACTIVITY_TYPES = new Set([
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ManualTask',
  'bpmn:ServiceTask',
  'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:SubProcess',
  'bpmn:AdHocSubProcess',
  'bpmn:Transaction',
  'bpmn:CallActivity'
]);

/** True for every kind of BPMN activity (tasks of any type, sub-processes, call activities). */
export function isActivity(bo: ModdleElement | undefined): boolean {
  return !!bo && ACTIVITY_TYPES.has(bo.$type);
}

/** The activities drawn in the diagram, grouped by lane (top to bottom), left to right within a lane. */
export function activitiesInFlowOrder(elements: readonly DiagramElementLike[]): ActivityEntry[] {
  const laneTop = new Map<string, number>();
  for (const e of elements) {
    if (e.businessObject?.$type === 'bpmn:Lane' && !e.labelTarget) laneTop.set(e.businessObject.id!, e.y ?? 0);
  }
  const entries: Array<ActivityEntry & { order: number; x: number; y: number }> = [];
  for (const e of elements) {
    const bo = e.businessObject;
    if (e.labelTarget || e.waypoints || !isActivity(bo) || !bo.id) continue;
    const lane = laneOf(bo);
    entries.push({
      id: bo.id,
      name: (bo.name as string | undefined)?.trim() || bo.id,
      element: bo,
      ...(lane ? { department: laneName(lane), laneId: lane.id } : {}),
      // Activities outside lanes come last.
      order: lane?.id !== undefined ? (laneTop.get(lane.id) ?? Number.MAX_SAFE_INTEGER - 1) : Number.MAX_SAFE_INTEGER,
      x: e.x ?? 0,
      y: e.y ?? 0
    });
  }
  entries.sort((a, b) => a.order - b.order || a.x - b.x || a.y - b.y);
  return entries.map(({ order: _order, x: _x, y: _y, ...entry }) => entry);
}

/** The ml:Step of an activity, if it has value-chain data. */
export function stepOf(activity: ModdleElement): ModdleElement | undefined {
  return getExtension(activity, 'ml:Step');
}
