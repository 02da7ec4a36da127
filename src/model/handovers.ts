import { typeOf, type ModdleElement } from './moddle-types';
import { indexLanes, laneOf, participantOf, type LaneIndex, type LaneInfo } from './lanes';
import { getExtension } from './value-chain/extension';
import { attributeNames, validateAttributes, type Agreement, type AgreementStatus } from './value-chain/schema';

/** One side of a handover: the lane (sequence flows) or the pool (message flows) that gives or receives. */
export interface HandoverSide {
  /** The lane id for a sequence flow, the participant id for a message flow. */
  elementId: string;
  name?: string;
  laneId?: string;
  participantId?: string;
}

/** A moment where work passes from one department (lane) or party (pool) to another. */
export interface Handover {
  flowId: string;
  kind: 'sequence' | 'message';
  /** The provider: the side the flow leaves. */
  from: HandoverSide;
  /** The receiver: the side the flow enters. */
  to: HandoverSide;
  /** Id of the flow's source element (a flow node, or a participant for a collapsed pool). */
  sourceRef: string;
  targetRef: string;
  /** The recorded agreement with its valid fields (invalid ones are reported by readValueChain). */
  agreement: Agreement | null;
  /** The agreement's status; an agreement without a valid status counts as a draft. */
  agreementStatus: AgreementStatus | 'missing';
}

/**
 * Finds every handover: each sequence flow whose source and target lie in different
 * (innermost) lanes of one pool, and each message flow between different pools.
 * A flow inside a pool without lanes is no handover. Linear in the model size.
 */
export function findHandovers(definitions: ModdleElement, index: LaneIndex = indexLanes(definitions)): Handover[] {
  const handovers: Handover[] = [];
  const rootElements = definitions.rootElements ?? [];

  for (const root of rootElements) {
    if (typeOf(root) !== 'bpmn:Process') continue;
    const stack: ModdleElement[] = [root];
    while (stack.length > 0) {
      const container = stack.pop()!;
      for (const element of container.flowElements ?? []) {
        const type = typeOf(element);
        if (type === 'bpmn:SubProcess' || type === 'bpmn:Transaction' || type === 'bpmn:AdHocSubProcess') stack.push(element);
        if (type !== 'bpmn:SequenceFlow') continue;
        const found = sequenceFlowHandover(element, index);
        if (found) handovers.push(found);
      }
    }
  }

  for (const root of rootElements) {
    if (typeOf(root) !== 'bpmn:Collaboration') continue;
    for (const flow of root.messageFlows ?? []) {
      const found = messageFlowHandover(flow, index);
      if (found) handovers.push(found);
    }
  }
  return handovers;
}

/**
 * The handover a sequence flow makes, if any: its source and target lie in different
 * (innermost) lanes of one process. findHandovers applies it to every sequence flow;
 * the audit applies it to each flow as it evaluates the flow.
 */
export function sequenceFlowHandover(flow: ModdleElement, index: LaneIndex): Handover | undefined {
  if (!flow.id) return undefined;
  const from = laneOf(index, flow.sourceRef as ModdleElement | undefined);
  if (!from) return undefined;
  const to = laneOf(index, flow.targetRef as ModdleElement | undefined);
  if (!to || from === to) return undefined;
  // Only message flows cross pools: a sequence flow drawn into another process is not a handover.
  if (from.processId !== to.processId) return undefined;
  return handover(flow, 'sequence', laneSide(from), laneSide(to));
}

/** The handover a message flow makes, if any: it connects two different pools. */
export function messageFlowHandover(flow: ModdleElement, index: LaneIndex): Handover | undefined {
  if (!flow.id) return undefined;
  const source = flow.sourceRef as ModdleElement | undefined;
  const target = flow.targetRef as ModdleElement | undefined;
  const fromPool = participantOf(index, source);
  const toPool = participantOf(index, target);
  if (!fromPool || !toPool || fromPool === toPool) return undefined;
  return handover(flow, 'message', poolSide(index, fromPool, source), poolSide(index, toPool, target));
}

/** The attributes of ml:agreement, listed once (every handover reads them). */
const AGREEMENT_ATTRIBUTES = attributeNames('ml:Agreement');

/** The typed agreement on a flow (valid fields only), or null when it has none. */
export function readAgreement(flow: ModdleElement): Agreement | null {
  const extension = getExtension(flow, 'ml:Agreement');
  if (!extension) return null;
  const attrs: Record<string, string | undefined> = {};
  for (const name of AGREEMENT_ATTRIBUTES) attrs[name] = extension[name] as string | undefined;
  return validateAttributes('ml:Agreement', attrs).value;
}

function handover(flow: ModdleElement, kind: Handover['kind'], from: HandoverSide, to: HandoverSide): Handover {
  const agreement = readAgreement(flow);
  return {
    flowId: flow.id!,
    kind,
    from,
    to,
    sourceRef: (flow.sourceRef as ModdleElement).id!,
    targetRef: (flow.targetRef as ModdleElement).id!,
    agreement,
    agreementStatus: agreement ? (agreement.status ?? 'draft') : 'missing'
  };
}

function laneSide(lane: LaneInfo): HandoverSide {
  return { elementId: lane.id, name: lane.name, laneId: lane.id, participantId: lane.participantId };
}

function poolSide(index: LaneIndex, participantId: string, end: ModdleElement | undefined): HandoverSide {
  const participant = index.participants.get(participantId);
  const laneId = end && typeOf(end) !== 'bpmn:Participant' ? laneOf(index, end)?.id : undefined;
  return { elementId: participantId, name: participant?.name, participantId, ...(laneId ? { laneId } : {}) };
}
