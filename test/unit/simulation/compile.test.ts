import { describe, expect, it } from 'vitest';
import { runBatch } from '../../../src/simulation/batch';
import { NodeKind, SplitMode, type SimModel } from '../../../src/simulation/model';
import { issuesFor } from '../../../src/simulation/options';
import { compileXml, flow, loadDefinitions, loadModel, processXml, task } from './support';

const node = (model: SimModel, id: string) => model.nodes.find((n) => n.id === id)!;
/** Probabilities per outgoing flow of an exactly-one split, from its cumulative routing. */
const shares = (model: SimModel, id: string) => {
  const n = node(model, id);
  return Array.from(n.routing, (c, i) => Math.round((c - (i > 0 ? n.routing[i - 1]! : 0)) * 1000) / 1000);
};

const split = (flows: string) =>
  processXml(`<bpmn:startEvent id="S" /><bpmn:exclusiveGateway id="G" />${task('A')}${task('B')}${task('C')}
    <bpmn:endEvent id="E" />${flow('f0', 'S', 'G')}${flows}${flow('fa', 'A', 'E')}${flow('fb', 'B', 'E')}${flow('fc', 'C', 'E')}`);

describe('compiling a model for the engine', () => {
  it('given some probabilities missing, then the rest is shared equally by the flows without one, and the gateway is named', async () => {
    const model = await compileXml(split(flow('ga', 'G', 'A', '30') + flow('gb', 'G', 'B') + flow('gc', 'G', 'C')));
    expect(shares(model, 'G')).toEqual([0.3, 0.35, 0.35]);
    expect(model.issues.find((i) => i.code === 'missing-probability')!.elementIds).toEqual(['G']);
  });

  it('given probabilities adding up to more than 100 %, then they are scaled to 100 % and that is reported', async () => {
    const model = await compileXml(split(flow('ga', 'G', 'A', '60') + flow('gb', 'G', 'B', '60') + flow('gc', 'G', 'C', '30')));
    expect(shares(model, 'G')).toEqual([0.4, 0.4, 0.2]);
    expect(model.issues.map((i) => i.code)).toContain('probabilities-normalised');
  });

  it('given a probability that is not a number from 0 to 100, then it is ignored and named', async () => {
    const model = await compileXml(split(flow('ga', 'G', 'A', 'often') + flow('gb', 'G', 'B', '150') + flow('gc', 'G', 'C', '40')));
    expect(model.issues.find((i) => i.code === 'invalid-probability')!.elementIds.sort()).toEqual(['ga', 'gb']);
    expect(shares(model, 'G')).toEqual([0.3, 0.3, 0.4]);
  });

  it('given a triangular duration, then it is kept; given one out of order, then a fixed value is used and reported', async () => {
    const model = await compileXml(
      processXml(`<bpmn:startEvent id="S" />
        <bpmn:task id="Good"><bpmn:extensionElements><ml:step><ml:duration min="PT1H" mostLikely="PT2H" max="PT6H" /></ml:step></bpmn:extensionElements></bpmn:task>
        <bpmn:task id="Bad"><bpmn:extensionElements><ml:step><ml:duration planned="PT3H" min="PT5H" mostLikely="PT2H" max="PT6H" /></ml:step></bpmn:extensionElements></bpmn:task>
        <bpmn:endEvent id="E" />${flow('f1', 'S', 'Good')}${flow('f2', 'Good', 'Bad')}${flow('f3', 'Bad', 'E')}`)
    );
    expect(node(model, 'Good').duration[0]).toEqual({ min: 1, mode: 2, max: 6 });
    expect(node(model, 'Bad').duration[0]).toEqual({ min: 3, mode: 3, max: 3 });
    expect(model.issues.find((i) => i.code === 'invalid-duration-range')!.elementIds).toEqual(['Bad']);
  });

  it('reports missing realised values only for the realised scenario', async () => {
    const model = await loadModel('quote-collaboration.bpmn');
    const planned = issuesFor(model, 'planned').map((i) => i.code);
    const realised = issuesFor(model, 'realised').map((i) => i.code);
    expect(planned).not.toContain('missing-realised-duration');
    expect(realised).toContain('missing-realised-duration');
    expect(model.issues.find((i) => i.code === 'missing-realised-duration')!.elementIds.sort()).toEqual(['CloseQuote', 'Decide', 'RequestQuote']);
  });

  it('links lanes, pools, the customer side and the handovers found by the model layer', async () => {
    const model = await loadModel('quote-collaboration.bpmn');
    const dept = (id: string) => model.departments[node(model, id).department];
    expect(dept('PrepareQuote')?.name).toBe('Sales');
    expect(dept('PlanDelivery')?.name).toBe('Marketing');
    expect(dept('Decide')?.name).toBe('Customer');
    expect(node(model, 'Decide').customer).toBe(true);
    expect(node(model, 'PrepareQuote').customer).toBe(false);
    expect(model.hasCustomerSide).toBe(true);
    const handovers = Object.fromEntries(model.handovers.map((h) => [h.flowId, h]));
    expect(Object.keys(handovers).sort()).toEqual(['AcceptFlow', 'BackToSales', 'QuoteFlow', 'RequestFlow', 'ToMarketing']);
    expect(handovers.ToMarketing).toMatchObject({ kind: 'sequence', status: 'agreed', dueHours: 4, from: 'Sales', to: 'Marketing' });
    expect(handovers.AcceptFlow).toMatchObject({ kind: 'message', status: 'missing' });
    expect(model.flows.find((f) => f.id === 'S2')!.handover).toBe(-1);
    expect(model.customerPromise).toMatchObject({ measure: 'lead-time', targetHours: 8 });
    expect(model.exemptions).toEqual([
      { elementId: 'Invoice', rule: 'missing-accountable', reason: 'Invoicing is automated by the ERP system', by: 'Auditor', date: '2025-01-15' }
    ]);
  });

  it('makes an event-based gateway a race when every event happens by itself, and a choice by probability otherwise', async () => {
    const model = await loadModel('quote-collaboration.bpmn');
    expect(node(model, 'Answer').split).toBe(SplitMode.All);
    const external = await compileXml(
      processXml(`<bpmn:startEvent id="S" /><bpmn:eventBasedGateway id="G" />
        <bpmn:intermediateCatchEvent id="Yes"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="No"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="E1" /><bpmn:endEvent id="E2" />
        ${flow('f0', 'S', 'G')}${flow('f1', 'G', 'Yes')}${flow('f2', 'G', 'No')}${flow('f3', 'Yes', 'E1')}${flow('f4', 'No', 'E2')}`)
    );
    expect(node(external, 'G').split).toBe(SplitMode.One);
    expect(shares(external, 'G')).toEqual([0.5, 0.5]);
    expect(external.issues.find((i) => i.code === 'missing-probability')!.elementIds).toEqual(['G']);
  });

  it('given a process library, when a call activity calls a process in it, then that process runs inside the call', async () => {
    const called = (await loadDefinitions('series.bpmn')).rootElements![0];
    const model = await loadModel('call-activity.bpmn', { resolveCalledProcess: (id) => (id === 'CreditCheck' ? called : undefined) });
    expect(node(model, 'Check').kind).toBe(NodeKind.SubProcess);
    expect(model.nodes.map((n) => n.id)).toContain('Check/Brief');
    const result = runBatch(model, { cases: 20 });
    expect(result.leadTime.mean).toBe(5);
    expect(result.visitsPerCase['Check/Review']).toBe(1);
  });

  it('does not call compensation handlers unreachable: compensation is reported as not simulated', async () => {
    const model = await compileXml(
      processXml(`<bpmn:startEvent id="S" />${task('Book')}<bpmn:endEvent id="E" />
        <bpmn:boundaryEvent id="Undo" attachedToRef="Book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
        <bpmn:task id="Cancel" name="Cancel booking" isForCompensation="true" />
        <bpmn:association id="A1" sourceRef="Undo" targetRef="Cancel" />
        ${flow('f1', 'S', 'Book')}${flow('f2', 'Book', 'E')}`)
    );
    expect(model.unreachable).toEqual([]);
    expect(model.nodes.filter((n) => n.deadEnd)).toEqual([]);
    expect(model.issues.find((i) => i.code === 'compensation')!.elementIds.sort()).toEqual(['Cancel', 'Undo']);
  });

  it('finds unreachable elements and dead ends before any run', async () => {
    const model = await loadModel('dead-end.bpmn');
    expect(model.unreachable).toEqual(['Forgotten']);
    expect(model.nodes.filter((n) => n.deadEnd).map((n) => n.id).sort()).toEqual(['Archive', 'Forgotten']);
  });
});
