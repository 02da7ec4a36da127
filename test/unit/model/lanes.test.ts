import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModdle, parseBpmn } from '../../../src/model/bpmn-io';
import { indexLanes, laneOf, participantOf, processOf } from '../../../src/model/lanes';
import { typeOf, type ModdleElement } from '../../../src/model/moddle-types';
import { forEachContained } from '../../../src/model/walk';

async function load() {
  const { definitions } = await parseBpmn(readFileSync(new URL('./handovers-pools-and-lanes.bpmn', import.meta.url), 'utf8'));
  const byId = new Map<string, ModdleElement>();
  forEachContained(definitions, (e) => {
    if (e.id) byId.set(e.id, e);
  });
  return { definitions, byId };
}

describe('indexLanes on a plain moddle parse', () => {
  it('puts a node listed by a lane and its child lane in the child lane', async () => {
    // given Marketing listing all its nodes and its child lanes Campaigns and Content listing theirs
    const { definitions, byId } = await load();
    const index = indexLanes(definitions);
    // then the innermost lane wins
    expect(laneOf(index, byId.get('Task_brief'))?.name).toBe('Campaigns');
    expect(laneOf(index, byId.get('Task_fix'))?.name).toBe('Content');
    expect(index.lanes.get('Lane_content')).toMatchObject({ parentLaneId: 'Lane_marketing', depth: 1, processId: 'Process_org', participantId: 'Participant_org' });
    expect(index.lanes.get('Lane_marketing')).toMatchObject({ depth: 0, parentLaneId: undefined });
  });

  it('gives the contents of a sub-process the lane of the sub-process', async () => {
    const { definitions, byId } = await load();
    const index = indexLanes(definitions);
    expect(laneOf(index, byId.get('Sub_call'))?.id).toBe('Lane_sales');
  });

  it('gives no lane to nodes of a process without lanes', async () => {
    const { definitions, byId } = await load();
    expect(laneOf(indexLanes(definitions), byId.get('Task_partnerSend'))).toBeUndefined();
  });

  it('links pools and processes both ways, collapsed pools included', async () => {
    const { definitions, byId } = await load();
    const index = indexLanes(definitions);
    expect(index.participants.get('Participant_customer')).toMatchObject({ name: 'Customer', processId: undefined });
    expect(index.participantOfProcess.get('Process_agency')).toBe('Participant_agency');
    expect(processOf(byId.get('Sub_call'))?.id).toBe('Process_org');
    expect(participantOf(index, byId.get('Sub_call'))).toBe('Participant_org');
    expect(participantOf(index, byId.get('Task_partnerSend'))).toBe('Participant_partner');
    expect(participantOf(index, byId.get('Participant_customer'))).toBe('Participant_customer');
  });
});

describe('laneOf by node object', () => {
  it('finds a listed node by the object itself, and still by id for a node no lane lists', async () => {
    // given the parsed model and a stand-in object that only shares an id with a listed task
    const { definitions, byId } = await load();
    const index = indexLanes(definitions);
    const task = byId.get('Task_visit')!;
    // then the listed task is indexed by object, as the id index has it
    expect(index.laneOfElement?.get(task)?.id).toBe(index.laneOfNode.get('Task_visit'));
    expect(laneOf(index, task)?.id).toBe('Lane_sales');
    // and a node known only by its id finds the lane through the id, as before
    expect(laneOf(index, { $type: 'bpmn:Task', id: 'Task_visit' })?.id).toBe('Lane_sales');
  });

  it('follows an edit after re-indexing: a node moved to another lane, a node deleted', async () => {
    const { definitions, byId } = await load();
    const task = byId.get('Task_visit')!;
    const [sales, design] = [byId.get('Lane_sales')!, byId.get('Lane_design')!];
    sales.flowNodeRef = sales.flowNodeRef!.filter((n) => n !== task);
    design.flowNodeRef!.push(task);
    expect(laneOf(indexLanes(definitions), task)?.id).toBe('Lane_design');
    design.flowNodeRef = design.flowNodeRef!.filter((n) => n !== task);
    const index = indexLanes(definitions);
    expect(index.laneOfElement?.has(task)).toBe(false);
    expect(laneOf(index, task)).toBeUndefined();
  });

  it('falls back to the ids when two listed objects share an id', async () => {
    // given a second object under the id of a task of Sales, listed by Design after it
    const { definitions, byId } = await load();
    const twin = createModdle().create('bpmn:Task', { id: 'Task_visit' });
    byId.get('Lane_design')!.flowNodeRef!.push(twin);
    const index = indexLanes(definitions);
    // then the object index is left out, and both answer what the ids say: the later lane
    expect(index.laneOfElement).toBeUndefined();
    expect(laneOf(index, byId.get('Task_visit'))?.id).toBe('Lane_design');
    expect(laneOf(index, twin)?.id).toBe('Lane_design');
  });
});

describe('typeOf', () => {
  it('gives $type for typed elements, generic elements of foreign extensions and plain objects', () => {
    const moddle = createModdle();
    const task = moddle.create('bpmn:UserTask', { id: 'T' });
    const step = moddle.create('ml:Step', {});
    const foreign = moddle.createAny('vendor:Thing', 'http://vendor.example', { a: '1' });
    for (const element of [task, step, foreign, { $type: 'bpmn:Process' }, Object.assign(Object.create(null), { $type: 'x:Y' })]) {
      expect(typeOf(element)).toBe(element.$type);
    }
  });
});
