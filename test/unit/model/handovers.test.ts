import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/model/bpmn-io';
import { findHandovers } from '../../../src/model/handovers';
import type { ModdleElement } from '../../../src/model/moddle-types';

async function load(name: string): Promise<ModdleElement> {
  const { definitions, warnings } = await parseBpmn(readFileSync(new URL(name, import.meta.url), 'utf8'));
  expect(warnings).toEqual([]);
  return definitions;
}

describe('findHandovers: sequence flows between lanes of one pool', () => {
  it('finds exactly the flows that change the innermost lane', async () => {
    // given a pool with Marketing split into Campaigns and Content, and Sales
    const handovers = findHandovers(await load('./handovers-pools-and-lanes.bpmn'));
    // then the sequence-flow handovers are these, provider first
    const sequence = handovers.filter((h) => h.kind === 'sequence').map((h) => `${h.flowId}: ${h.from.name} -> ${h.to.name}`);
    expect(sequence).toEqual([
      'Flow_brief: Campaigns -> Content', // nested lanes: the innermost lane counts, not Marketing
      'Flow_write: Content -> Campaigns',
      'Flow_yes: Campaigns -> Sales', // the gateway belongs to the lane that lists it
      'Flow_no: Campaigns -> Content',
      'Flow_back: Content -> Campaigns', // a loop back across lanes is a handover too
      'Flow_agency: Design -> Print'
    ]);
  });

  it('describes both sides by lane and pool', async () => {
    const handovers = findHandovers(await load('./handovers-pools-and-lanes.bpmn'));
    expect(handovers.find((h) => h.flowId === 'Flow_yes')).toEqual({
      flowId: 'Flow_yes',
      kind: 'sequence',
      from: { elementId: 'Lane_campaigns', name: 'Campaigns', laneId: 'Lane_campaigns', participantId: 'Participant_org' },
      to: { elementId: 'Lane_sales', name: 'Sales', laneId: 'Lane_sales', participantId: 'Participant_org' },
      sourceRef: 'Gateway_ok',
      targetRef: 'Task_visit',
      agreement: { deliverable: 'Approved copy', status: 'agreed', agreedOn: '2025-02-01' },
      agreementStatus: 'agreed'
    });
  });

  it('counts an agreement without status as a draft and a flow without one as missing', async () => {
    const handovers = findHandovers(await load('./handovers-pools-and-lanes.bpmn'));
    const status = Object.fromEntries(handovers.map((h) => [h.flowId, h.agreementStatus]));
    expect(status.Flow_brief).toBe('draft');
    expect(status.Flow_write).toBe('missing');
  });

  it('keeps the contents of a sub-process in the lane of the sub-process', async () => {
    const flowIds = findHandovers(await load('./handovers-pools-and-lanes.bpmn')).map((h) => h.flowId);
    expect(flowIds).not.toContain('Sub_flow1');
    expect(flowIds).not.toContain('Flow_visit');
  });

  it('does not count a sequence flow drawn between lanes of different pools', async () => {
    const flowIds = findHandovers(await load('./handovers-pools-and-lanes.bpmn')).map((h) => h.flowId);
    expect(flowIds).not.toContain('Flow_crossPools');
  });

  it('finds nothing in a pool without lanes or a process without collaboration', async () => {
    const flowIds = findHandovers(await load('./handovers-pools-and-lanes.bpmn')).map((h) => h.flowId);
    expect(flowIds).not.toContain('Flow_partner');
    expect(findHandovers(await load('./handovers-single-process.bpmn'))).toEqual([]);
  });
});

describe('findHandovers: message flows between pools', () => {
  it('connects collapsed pools and flow nodes inside pools, naming the pools', async () => {
    const handovers = findHandovers(await load('./handovers-pools-and-lanes.bpmn')).filter((h) => h.kind === 'message');
    expect(handovers.map((h) => ({ flowId: h.flowId, from: h.from, to: h.to, sourceRef: h.sourceRef, targetRef: h.targetRef, status: h.agreementStatus }))).toEqual([
      {
        flowId: 'Message_order',
        // from a collapsed pool (no process) to a start event in the Campaigns lane
        from: { elementId: 'Participant_customer', name: 'Customer', participantId: 'Participant_customer' },
        to: { elementId: 'Participant_org', name: 'Organisation', participantId: 'Participant_org', laneId: 'Lane_campaigns' },
        sourceRef: 'Participant_customer',
        targetRef: 'Start_order',
        status: 'missing'
      },
      {
        flowId: 'Message_offer',
        from: { elementId: 'Participant_org', name: 'Organisation', participantId: 'Participant_org', laneId: 'Lane_sales' },
        to: { elementId: 'Participant_customer', name: 'Customer', participantId: 'Participant_customer' },
        sourceRef: 'Task_visit',
        targetRef: 'Participant_customer',
        status: 'under-review'
      },
      {
        flowId: 'Message_partner',
        // from a task in a pool without lanes to a task in a lane
        from: { elementId: 'Participant_partner', name: 'Partner', participantId: 'Participant_partner' },
        to: { elementId: 'Participant_org', name: 'Organisation', participantId: 'Participant_org', laneId: 'Lane_campaigns' },
        sourceRef: 'Task_partnerSend',
        targetRef: 'Task_brief',
        status: 'missing'
      }
    ]);
  });
});

describe('findHandovers: size', () => {
  it('handles a 10,000-node model in milliseconds', async () => {
    // given one pool with 10 lanes and a chain of 10,000 tasks that changes lane every 7 tasks
    const lanes = 10;
    const nodes = 10_000;
    const laneOf = (i: number) => Math.floor(i / 7) % lanes;
    const refs: string[][] = Array.from({ length: lanes }, () => []);
    const elements: string[] = [];
    for (let i = 0; i < nodes; i++) {
      refs[laneOf(i)]!.push(`<bpmn:flowNodeRef>T${i}</bpmn:flowNodeRef>`);
      elements.push(`<bpmn:task id="T${i}"/>`);
      if (i > 0) elements.push(`<bpmn:sequenceFlow id="F${i}" sourceRef="T${i - 1}" targetRef="T${i}"/>`);
    }
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">
      <bpmn:collaboration id="C"><bpmn:participant id="P" processRef="Proc"/></bpmn:collaboration>
      <bpmn:process id="Proc"><bpmn:laneSet id="LS">${refs.map((r, l) => `<bpmn:lane id="L${l}">${r.join('')}</bpmn:lane>`).join('')}</bpmn:laneSet>
      ${elements.join('')}</bpmn:process></bpmn:definitions>`;
    const { definitions } = await parseBpmn(xml);
    // when the handovers are found (best of ten runs, to leave out warm-up and a busy machine)
    let best = Infinity;
    let count = 0;
    for (let run = 0; run < 10; run++) {
      const start = performance.now();
      count = findHandovers(definitions).length;
      best = Math.min(best, performance.now() - start);
    }
    // then every lane change is found, quickly
    expect(count).toBe(Math.floor((nodes - 1) / 7));
    console.info(`findHandovers on ${nodes} nodes: ${best.toFixed(2)} ms`);
    // Speed is a benchmark figure (bench/audit-scale.ts), not a unit-test assertion.
  });
});
