/**
 * Connects the compiled graph to the value-chain structure the model layer derives:
 * departments (innermost lanes, or pools without lanes), the customer side, and the
 * handovers with their agreements (findHandovers is the one definition of a handover).
 */
import { parseIsoDuration } from '../model/duration';
import { findHandovers } from '../model/handovers';
import { indexLanes, laneOf, processOf } from '../model/lanes';
import type { ModdleElement } from '../model/moddle-types';
import { getExtension } from '../model/value-chain/extension';
import type { SimDepartment, SimFlow, SimHandover, SimMessageFlow, SimNode } from './model';

/** Departments and handovers found for a compiled graph; nodes and flows are updated in place. */
export interface ModelRelations {
  departments: SimDepartment[];
  handovers: SimHandover[];
}

/** Sets department, customer side and handover indices on the compiled nodes and flows. */
export function linkModelRelations(
  definitions: ModdleElement,
  nodes: SimNode[],
  elementOf: ModdleElement[],
  flows: SimFlow[],
  messageFlows: SimMessageFlow[]
): ModelRelations {
  const index = indexLanes(definitions);
  const departments: SimDepartment[] = [];
  const departmentOf = new Map<string, number>();

  const isCustomer = (el: ModdleElement | undefined) => getExtension(el, 'ml:Department')?.kind === 'customer';
  const laneIsCustomer = (laneId: string): boolean => {
    for (let lane = index.lanes.get(laneId); lane; lane = lane.parentLaneId ? index.lanes.get(lane.parentLaneId) : undefined) {
      if (isCustomer(lane.element)) return true;
    }
    const lane = index.lanes.get(laneId);
    return lane?.participantId ? isCustomer(index.participants.get(lane.participantId)?.element) : false;
  };
  const department = (id: string, element: ModdleElement, customer: boolean): number => {
    let d = departmentOf.get(id);
    if (d === undefined) {
      const ext = getExtension(element, 'ml:Department');
      const name = ((typeof ext?.name === 'string' && ext.name.trim()) || element.name || id).replace(/\s+/g, ' ').trim();
      d = departments.length;
      departments.push({ index: d, id, name, customer });
      departmentOf.set(id, d);
    }
    return d;
  };

  const processesWithLanes = new Set<string>();
  for (const lane of index.lanes.values()) processesWithLanes.add(lane.processId);

  for (const node of nodes) {
    const el = elementOf[node.index]!;
    // Inlined called processes carry prefixed ids and belong where their call activity is.
    const own = el.id === node.id;
    const lane = own ? laneOf(index, el) : undefined;
    if (lane) {
      const customer = laneIsCustomer(lane.id);
      node.department = department(lane.id, lane.element, customer);
      node.customer = customer;
      continue;
    }
    const processId = own ? processOf(el)?.id : undefined;
    const participantId = processId ? index.participantOfProcess.get(processId) : undefined;
    const participant = participantId ? index.participants.get(participantId) : undefined;
    if (participant && !processesWithLanes.has(processId!)) {
      const customer = isCustomer(participant.element);
      node.department = department(participant.id, participant.element, customer);
      node.customer = customer;
      continue;
    }
    if (participant) node.customer = isCustomer(participant.element);
    const owner = ownerNode(node, nodes);
    if (owner) {
      node.department = owner.department;
      node.customer = owner.customer;
    }
  }

  const handovers: SimHandover[] = [];
  const flowByid = new Map<string, SimFlow | SimMessageFlow>();
  for (const f of flows) flowByid.set(f.id, f);
  for (const m of messageFlows) flowByid.set(m.id, m);
  for (const h of findHandovers(definitions, index)) {
    const flow = flowByid.get(h.flowId);
    if (!flow) continue;
    flow.handover = handovers.length;
    const due = parseIsoDuration(h.agreement?.dueWithin);
    handovers.push({
      flowId: h.flowId,
      kind: h.kind,
      status: h.agreementStatus,
      dueHours: due ?? NaN,
      from: h.from.name || h.from.elementId,
      to: h.to.name || h.to.elementId
    });
  }
  return { departments, handovers };
}

/** The activity whose sub-process (or inlined call) contains `node`, if any. */
function ownerNode(node: SimNode, nodes: SimNode[]): SimNode | undefined {
  const slash = node.id.lastIndexOf('/');
  if (slash < 0) return undefined;
  const ownerId = node.id.slice(0, slash);
  return nodes.find((n) => n.id === ownerId);
}
