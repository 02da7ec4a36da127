import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/model/bpmn-io';
import { indexLanes, laneOf, participantOf, processOf } from '../../../src/model/lanes';
import type { ModdleElement } from '../../../src/model/moddle-types';
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
