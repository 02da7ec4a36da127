import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { generateCollaboration, MIN_FLOW_NODES } from '../../../bench/lib/generate-collaboration';
import { MAX_BPMN_BYTES } from '../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../src/model/moddle-types';
import { getExtension } from '../../../src/model/value-chain/extension';
import descriptor from '../../../src/model/value-chain/missinglink.json';
import {
  allFlowElements,
  allLanes,
  collaborationOf,
  laneCrossingFlows,
  overlappingShapes,
  processesOf,
  undrawnElements,
  untidyFlows
} from '../processes/diagram-checks';

/*
 * The generator feeds the import, audit and save benchmarks, so its models must be
 * exactly the size asked for, valid for bpmn-moddle (and so for bpmn-js), drawn
 * without overlaps, and the same for the same seed so runs can be compared.
 */

async function parse(xml: string): Promise<{ definitions: ModdleElement; warnings: string[] }> {
  const { rootElement, warnings } = await new BpmnModdle({ ml: descriptor }).fromXML(xml);
  return { definitions: rootElement, warnings: warnings.map((w) => w.message) };
}

function flowNodes(definitions: ModdleElement): ModdleElement[] {
  return processesOf(definitions)
    .flatMap(allFlowElements)
    .filter((e) => e.$type !== 'bpmn:SequenceFlow');
}

function pools(definitions: ModdleElement): { customer: ModdleElement; organisation: ModdleElement } {
  const participants = collaborationOf(definitions)!.participants as ModdleElement[];
  return {
    customer: participants.find((p) => p.name === 'Klant')!,
    organisation: participants.find((p) => p.name !== 'Klant')!
  };
}

function shapeBounds(definitions: ModdleElement): Map<ModdleElement, { x: number; width: number }> {
  const map = new Map<ModdleElement, { x: number; width: number }>();
  for (const di of definitions.diagrams![0].plane!.planeElement as ModdleElement[]) if (di.bounds) map.set(di.bpmnElement!, { x: Number(di.bounds.x), width: Number(di.bounds.width) });
  return map;
}

describe('generateCollaboration', () => {
  it.each([
    [MIN_FLOW_NODES, 1],
    [9, 2],
    [57, 3],
    [1000, 6],
    [1000, 12]
  ])('given %i flow nodes in %i lanes, when generated, then the file holds exactly that many, all in one lane each', async (count, lanes) => {
    const { definitions, warnings } = await parse(generateCollaboration({ flowNodes: count, lanes, seed: 7 }));
    expect(warnings).toEqual([]);
    const nodes = flowNodes(definitions);
    expect(nodes).toHaveLength(count);
    const { customer, organisation } = pools(definitions);
    expect(allLanes(organisation.processRef!)).toHaveLength(lanes);
    expect(allLanes(customer.processRef!)).toHaveLength(1);
    const lanesOf = (node: ModdleElement) =>
      processesOf(definitions)
        .flatMap(allLanes)
        .filter((l) => ((l.flowNodeRef ?? []) as ModdleElement[]).includes(node));
    for (const node of nodes) expect(lanesOf(node), node.id).toHaveLength(1);
  });

  it('given 1,000 flow nodes, when laid out, then everything is drawn, nothing overlaps and flows go around the shapes', async () => {
    const { definitions } = await parse(generateCollaboration({ flowNodes: 1000, lanes: 6, seed: 3, withValueChain: true }));
    expect(undrawnElements(definitions)).toEqual([]);
    expect(overlappingShapes(definitions)).toEqual([]);
    expect(untidyFlows(definitions)).toEqual([]);
  });

  it('given a layout on the grid, then every flow node is centred on one of its columns', async () => {
    const { definitions } = await parse(generateCollaboration({ flowNodes: 300, seed: 5 }));
    const bounds = shapeBounds(definitions);
    const centres = flowNodes(definitions).map((n) => bounds.get(n)!.x + bounds.get(n)!.width / 2);
    const first = Math.min(...centres);
    for (const c of centres) expect((c - first) % 150).toBe(0);
  });

  it('given 1,000 nodes in 6 lanes, then the chain crosses lanes regularly, loops back, splits and joins, and talks to the customer', async () => {
    const { definitions } = await parse(generateCollaboration({ flowNodes: 1000, lanes: 6, seed: 1 }));
    const sequenceFlows = processesOf(definitions)
      .flatMap(allFlowElements)
      .filter((e) => e.$type === 'bpmn:SequenceFlow');
    const crossings = processesOf(definitions).flatMap(laneCrossingFlows);
    expect(crossings.length / sequenceFlows.length).toBeGreaterThan(0.1);
    const bounds = shapeBounds(definitions);
    expect(sequenceFlows.some((f) => bounds.get(f.targetRef!)!.x < bounds.get(f.sourceRef!)!.x)).toBe(true);
    const nodes = flowNodes(definitions);
    for (const type of ['bpmn:ExclusiveGateway', 'bpmn:ParallelGateway']) {
      expect(nodes.some((n) => n.$type === type && n.outgoing!.length === 2)).toBe(true);
      expect(nodes.some((n) => n.$type === type && n.incoming!.length === 2)).toBe(true);
    }
    const messageFlows = collaborationOf(definitions)!.messageFlows as ModdleElement[];
    expect(messageFlows.length).toBeGreaterThanOrEqual(2);
    expect(messageFlows.length).toBeLessThanOrEqual(12);
    const { customer } = pools(definitions);
    const inCustomerPool = new Set(allFlowElements(customer.processRef!));
    for (const m of messageFlows) expect(inCustomerPool.has(m.sourceRef!) !== inCustomerPool.has(m.targetRef!), m.id).toBe(true);
  });

  it('given the same seed, then the XML is identical; given another seed, it differs', () => {
    const a = generateCollaboration({ flowNodes: 500, lanes: 5, seed: 42, withValueChain: true });
    expect(generateCollaboration({ flowNodes: 500, lanes: 5, seed: 42, withValueChain: true })).toBe(a);
    expect(generateCollaboration({ flowNodes: 500, lanes: 5, seed: 43, withValueChain: true })).not.toBe(a);
    expect(generateCollaboration({ flowNodes: 500 })).toBe(generateCollaboration({ flowNodes: 500, lanes: 6, seed: 1 }));
  });

  it('given withValueChain, then steps, departments, roles, agreements on part of the handovers and routing probabilities are filled in', async () => {
    const { definitions } = await parse(generateCollaboration({ flowNodes: 1000, lanes: 6, seed: 2, withValueChain: true }));
    const chain = getExtension(collaborationOf(definitions), 'ml:ValueChain')!;
    const roles = new Set(chain.roles!.map((r) => r.id));
    expect(roles).toContain(chain.owner);
    const { customer, organisation } = pools(definitions);
    expect(getExtension(customer, 'ml:Department')?.kind).toBe('customer');
    for (const lane of allLanes(organisation.processRef!)) expect(getExtension(lane, 'ml:Department')?.kind).toBe('department');

    const tasks = flowNodes(definitions).filter((n) => /Task$/.test(n.$type));
    for (const task of tasks) {
      const step = getExtension(task, 'ml:Step');
      expect(step, task.id).toBeDefined();
      expect(step!.resources!.budgetGroup).toBe(step!.activityGroup);
      for (const a of step!.assignments as ModdleElement[]) expect(roles).toContain(a.role);
    }

    const handovers = [...processesOf(definitions).flatMap(laneCrossingFlows), ...(collaborationOf(definitions)!.messageFlows as ModdleElement[])];
    const agreements = handovers.map((f) => getExtension(f, 'ml:Agreement')).filter((a) => a !== undefined);
    expect(agreements.length).toBeGreaterThan(handovers.length * 0.4);
    expect(agreements.length).toBeLessThan(handovers.length);
    for (const a of agreements) {
      expect(roles).toContain(a.providerRole);
      expect(roles).toContain(a.receiverRole);
    }

    const deciding = flowNodes(definitions).filter((n) => n.$type === 'bpmn:ExclusiveGateway' && n.outgoing!.length > 1);
    expect(deciding.length).toBeGreaterThan(0);
    for (const gateway of deciding) {
      const sum = gateway.outgoing!.reduce((s, f) => s + Number(getExtension(f, 'ml:Simulation')?.probability), 0);
      expect(sum, gateway.id).toBe(100);
      expect(gateway.default, gateway.id).toBeDefined();
      expect(gateway.default!.conditionExpression, gateway.id).toBeUndefined();
    }
  });

  it('given no value chain, then the file carries no ml: data at all', () => {
    const xml = generateCollaboration({ flowNodes: 200, seed: 9 });
    expect(xml).not.toMatch(/<ml:/);
  });

  it(
    'given 10,000 flow nodes with value-chain data, then it fits the app import limit and parses without warnings',
    async () => {
      const xml = generateCollaboration({ flowNodes: 10_000, lanes: 6, seed: 1, withValueChain: true });
      expect(new TextEncoder().encode(xml).length).toBeLessThan(MAX_BPMN_BYTES);
      const { definitions, warnings } = await parse(xml);
      expect(warnings).toEqual([]);
      expect(flowNodes(definitions)).toHaveLength(10_000);
      expect(undrawnElements(definitions)).toEqual([]);
    },
    180_000
  );

  it('given too few flow nodes or lanes, then it refuses with a RangeError', () => {
    expect(() => generateCollaboration({ flowNodes: MIN_FLOW_NODES - 1 })).toThrow(RangeError);
    expect(() => generateCollaboration({ flowNodes: 100.5 })).toThrow(RangeError);
    expect(() => generateCollaboration({ flowNodes: 100, lanes: 0 })).toThrow(RangeError);
  });
});
