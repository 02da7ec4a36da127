import { readFileSync, readdirSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import missinglinkDescriptor from '../../../../src/model/value-chain/missinglink.json';
import { describe, expect, it } from 'vitest';
import { BpmnImportError, createModdle, parseBpmn } from '../../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../../src/model/moddle-types';
import { diagramCoverage, layoutDefinitions, prepareImport } from '../../../../src/model/layout';
import { flowNodesToDraw, flowsThroughShapes, layoutProblems, planesOf } from './diagram-invariants';

const corpus = new URL('../../../fixtures/miwg/', import.meta.url);
const samples = new URL('../../../../processes/', import.meta.url);
const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const fixture = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

const referenceFiles = readdirSync(new URL('Reference/', corpus)).filter((n) => n.endsWith('.bpmn'));
const sampleFiles = readdirSync(samples).filter((n) => n.endsWith('.bpmn'));
const readReference = (name: string) => readFileSync(new URL(`Reference/${name}`, corpus), 'utf8');
const readSample = (name: string) => readFileSync(new URL(name, samples), 'utf8');

/** The same file without any diagram interchange: what a generator or a process-mining export writes. */
export function withoutDiagram(xml: string): string {
  return xml.replace(/<([\w.-]+:)?BPMNDiagram\b[\s\S]*<\/([\w.-]+:)?BPMNDiagram>/g, '');
}

async function laidOut(xml: string) {
  const prepared = await prepareImport(xml);
  const { definitions, warnings } = await parseBpmn(prepared.xml);
  return { prepared, definitions, warnings };
}

function shapeIds(definitions: ModdleElement): string[] {
  return planesOf(definitions).flatMap((p) => [...p.shapes.keys()].map((e) => e.id as string));
}

describe('prepareImport: files with a complete diagram', () => {
  it.each(referenceFiles)('leaves %s byte for byte as it is', async (name) => {
    // given a reference file whose diagram draws everything
    const xml = readReference(name);
    // when it is prepared for import
    const prepared = await prepareImport(xml);
    // then nothing was laid out and the text is the original
    expect(prepared.layout).toBeUndefined();
    expect(prepared.xml).toBe(xml);
  });
});

describe('prepareImport: files without diagram get a sound automatic layout', () => {
  const cases = [
    ...referenceFiles.map((name) => ({ name: `Reference/${name}`, xml: () => readReference(name) })),
    ...sampleFiles.map((name) => ({ name: `processes/${name}`, xml: () => readSample(name) }))
  ];

  it.each(cases)('$name without DI: every flow node drawn inside its lane and pool, no overlaps, lines docked on their shapes', async ({ xml }) => {
    // given the model with its diagram removed
    const bare = withoutDiagram(xml());
    expect(diagramCoverage((await parseBpmn(bare)).definitions).hasDiagram).toBe(false);
    // when it is prepared for import
    const { prepared, definitions, warnings } = await laidOut(bare);
    // then it was laid out, the result reads cleanly and keeps every promise of the layout
    expect(prepared.layout?.reason).toBe('no-diagram');
    expect(warnings).toEqual([]);
    expect(layoutProblems(definitions)).toEqual([]);
    expect(flowNodesToDraw(definitions).length).toBeGreaterThan(0);
    expect(diagramCoverage(definitions).missingShapes).toEqual([]);
  });

  it('draws the flows of the sample processes around the shapes, not through them', async () => {
    // given the four samples without diagram
    for (const name of sampleFiles) {
      const { definitions } = await laidOut(withoutDiagram(readSample(name)));
      // then no sequence flow crosses a flow node it does not connect
      expect(flowsThroughShapes(definitions), name).toEqual([]);
    }
  });
});

describe('automatic layout of a hand-written collaboration', () => {
  it('stacks the pools, gives every leaf lane a band in file order and keeps empty lanes', async () => {
    const { definitions } = await laidOut(fixture('./no-diagram.bpmn'));
    const main = planesOf(definitions)[0]!;
    const box = (id: string) => [...main.shapes].find(([e]) => e.id === id)![1];
    expect(layoutProblems(definitions)).toEqual([]);
    // the black-box customer pool sits above the organisation's pool, both equally wide
    expect(box('pool_customer').y + box('pool_customer').height).toBeLessThan(box('pool_org').y);
    expect(box('pool_customer').width).toBe(box('pool_org').width);
    // lanes: Marketing holds Analyse above Campagnes; then Verkoop, then the empty Financiën
    expect(box('lane_analysis').y).toBeLessThan(box('lane_campaigns').y);
    expect(box('lane_marketing').y).toBe(box('lane_analysis').y);
    expect(box('lane_marketing').height).toBe(box('lane_analysis').height + box('lane_campaigns').height);
    expect(box('lane_campaigns').y + box('lane_campaigns').height).toBe(box('lane_sales').y);
    expect(box('lane_empty').y).toBe(box('lane_sales').y + box('lane_sales').height);
    expect(box('lane_empty').height).toBeGreaterThan(0);
    expect(box('lane_analysis').x).toBeGreaterThan(box('lane_marketing').x);
    // a node no lane lists still lies in the pool, below the lanes
    expect(box('unassigned').y).toBeGreaterThan(box('lane_empty').y + box('lane_empty').height);
  });

  it('reads left to right: every forward flow points right, the rework loop and the self loop go back', async () => {
    const { definitions } = await laidOut(fixture('./no-diagram.bpmn'));
    const main = planesOf(definitions)[0]!;
    const x = (id: string) => [...main.shapes].find(([e]) => e.id === id)![1].x;
    const chain = ['start', 'select', 'check', 'write', 'send_invite', 'answer_received', 'workshop', 'visit', 'evaluate', 'end'];
    for (let i = 1; i < chain.length; i++) expect(x(chain[i]!), chain[i]).toBeGreaterThan(x(chain[i - 1]!));
    const loop = [...main.edges].find(([e]) => e.id === 'f4')![1];
    expect(loop[loop.length - 1]!.x).toBeLessThan(loop[0]!.x);
    const selfLoop = [...main.edges].find(([e]) => e.id === 'f13')![1];
    expect(selfLoop.length).toBeGreaterThan(2);
  });

  it('expands a small sub-process in place and gives a large one its own plane', async () => {
    const { definitions } = await laidOut(fixture('./no-diagram.bpmn'));
    const diagrams = definitions.diagrams as ModdleElement[];
    const shapeOf = (id: string) =>
      diagrams.flatMap((d) => d.plane!.planeElement as ModdleElement[]).find((di) => di.bpmnElement?.id === id)!;
    expect(shapeOf('workshop').isExpanded).toBe(true);
    expect(shapeOf('complaints').isExpanded).toBe(true);
    expect(shapeOf('visit').isExpanded).toBe(false);
    // the large one's content is drawn on a plane of its own, where bpmn-js drills down
    const visitPlane = planesOf(definitions).find((p) => p.root.id === 'visit')!;
    expect([...visitPlane.shapes.keys()].map((e) => e.id).sort()).toEqual(['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v_end', 'v_start'].sort());
    // the small one's content lies inside it on the main plane
    const main = planesOf(definitions)[0]!;
    const workshop = [...main.shapes].find(([e]) => e.id === 'workshop')![1];
    const host = [...main.shapes].find(([e]) => e.id === 'ws_host')![1];
    expect(host.x).toBeGreaterThan(workshop.x);
    expect(host.y).toBeGreaterThan(workshop.y);
  });

  it('hangs boundary events on the lower border of their host, side by side', async () => {
    const { definitions } = await laidOut(fixture('./no-diagram.bpmn'));
    const main = planesOf(definitions)[0]!;
    const box = (id: string) => [...main.shapes].find(([e]) => e.id === id)![1];
    const host = box('send_invite');
    for (const id of ['bounce', 'late']) {
      const b = box(id);
      expect(b.y + b.height / 2).toBe(host.y + host.height);
    }
    expect(box('late').x - box('bounce').x).toBeGreaterThanOrEqual(36);
  });

  it('routes message flows from and to the black-box pool vertically', async () => {
    const { definitions } = await laidOut(fixture('./no-diagram.bpmn'));
    const main = planesOf(definitions)[0]!;
    for (const id of ['mf_invite', 'mf_answer']) {
      const points = [...main.edges].find(([e]) => e.id === id)![1];
      expect(points[0]!.x).toBe(points[points.length - 1]!.x);
    }
  });

  it('writes DI ids that do not collide with ids in the file', async () => {
    // given a model that already uses the id the layout would choose for a shape
    const xml = fixture('./no-diagram.bpmn').replace('<bpmn:task id="evaluate"', '<bpmn:task id="select_di" name="Clash" /><bpmn:task id="evaluate"');
    const { definitions, warnings } = await laidOut(xml);
    expect(warnings).toEqual([]);
    const ids: string[] = [];
    for (const diagram of definitions.diagrams as ModdleElement[]) {
      ids.push(diagram.id as string, diagram.plane!.id as string, ...diagram.plane!.planeElement!.map((di) => di.id as string));
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('select_di');
  });
});

describe('prepareImport: incomplete diagrams', () => {
  it('lays out anew a diagram that forgets some flow nodes, and says how many were missing', async () => {
    // given a sample whose diagram lost the shapes of three tasks
    const xml = readSample('klachtafhandeling.bpmn');
    const { definitions } = await parseBpmn(xml);
    const tasks = flowNodesToDraw(definitions).filter((e) => e.$type.endsWith('Task')).slice(0, 3).map((e) => e.id as string);
    let damaged = xml;
    for (const id of tasks) damaged = damaged.replace(new RegExp(`<bpmndi:BPMNShape [^>]*bpmnElement="${id}"[\\s\\S]*?</bpmndi:BPMNShape>`), '');
    // when it is prepared
    const result = await laidOut(damaged);
    // then all of it is drawn again
    expect(result.prepared.layout).toMatchObject({ reason: 'incomplete-diagram', missing: 3 });
    expect(layoutProblems(result.definitions)).toEqual([]);
    expect(shapeIds(result.definitions)).toEqual(expect.arrayContaining(tasks));
  });

  it('adds a line for a flow whose ends are drawn, keeping every shape where it was', async () => {
    // given a reference file whose diagram lost the edge of one sequence flow
    const xml = readReference('A.2.0.bpmn');
    const flowId = /<(?:\w+:)?sequenceFlow[^>]* id="([^"]+)"/.exec(xml)![1]!;
    const damaged = xml.replace(new RegExp(`<(\\w+:)?BPMNEdge [^>]*bpmnElement="${flowId}"[\\s\\S]*?</(\\w+:)?BPMNEdge>`), '');
    expect(damaged).not.toBe(xml);
    // when it is prepared
    const before = planesOf((await parseBpmn(damaged)).definitions)[0]!;
    const result = await laidOut(damaged);
    // then only that line was added, docked on its two shapes
    expect(result.prepared.layout).toMatchObject({ reason: 'missing-edges', missing: 1 });
    const after = planesOf(result.definitions)[0]!;
    expect([...after.edges.keys()].map((e) => e.id)).toContain(flowId);
    for (const [element, bounds] of before.shapes) expect([...after.shapes].find(([e]) => e.id === element.id)![1]).toEqual(bounds);
    expect(layoutProblems(result.definitions)).toEqual([]);
  });
});

describe('prepareImport: files the modeler could not save as they are', () => {
  it('rewrites a SAP Signavio export with elements in no namespace so that a plain bpmn-moddle (as in bpmn-js) can write it again', async () => {
    // given the Signavio export whose W4 extension holds <Grid xmlns="">
    const xml = readFileSync(new URL('SAP-Signavio-19.9.0/A.2.1-roundtrip.bpmn', corpus), 'utf8');
    const plain = new BpmnModdle({ ml: missinglinkDescriptor });
    const asIs = await plain.fromXML(xml);
    await expect(plain.toXML(asIs.rootElement)).rejects.toThrow(/no namespace uri given for prefix/);
    // when it is prepared for import
    const prepared = await prepareImport(xml);
    // then the text handed to the modeler reads and writes back, with the grid still outside any namespace
    expect(prepared.layout).toBeUndefined();
    const read = await plain.fromXML(prepared.xml);
    const { xml: written } = await plain.toXML(read.rootElement);
    expect(written).toMatch(/<Grid [^>]*color="230,230,230"/);
  });
});

describe('prepareImport: what cannot be shown', () => {
  it('refuses a file without process or collaboration with a clear message', async () => {
    const xml = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><message id="m" name="Offerte"/></definitions>';
    const error = await prepareImport(xml).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(BpmnImportError);
    expect((error as BpmnImportError).kind).toBe('invalid');
    expect((error as BpmnImportError).message).toBe('The file contains no process and no collaboration, so there is no model to show.');
  });

  it('draws an empty process as an empty canvas rather than failing', async () => {
    const xml = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p"/></definitions>';
    const { prepared, definitions } = await laidOut(xml);
    expect(prepared.layout?.reason).toBe('no-diagram');
    expect(planesOf(definitions)[0]!.root.id).toBe('p');
  });
});

describe('automatic layout stays fast on huge or deeply nested models', () => {
  // The budget is for the layout itself; reading and writing the XML is bpmn-moddle's work.
  it('lays out a chain of 3,000 tasks within 5 seconds', async () => {
    const tasks = Array.from({ length: 3000 }, (_, i) => `<task id="t${i}"/>`).join('');
    const flows = Array.from({ length: 2999 }, (_, i) => `<sequenceFlow id="f${i}" sourceRef="t${i}" targetRef="t${i + 1}"/>`).join('');
    const moddle = createModdle();
    const { definitions } = await parseBpmn(`<definitions xmlns="${BPMN_NS}" id="d"><process id="p">${tasks}${flows}</process></definitions>`, { moddle });
    const started = performance.now();
    const summary = layoutDefinitions(definitions, moddle);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(summary).toMatchObject({ shapes: 3000, edges: 2999 });
  });

  it('lays out 2,000 sub-processes nested in each other within 5 seconds, with at most 200 extra planes', async () => {
    const depth = 2000;
    const nested = Array.from({ length: depth }, (_, i) => `<subProcess id="s${i}"><task id="t${i}"/>`).join('') + '</subProcess>'.repeat(depth);
    const moddle = createModdle();
    const { definitions } = await parseBpmn(`<definitions xmlns="${BPMN_NS}" id="d"><process id="p">${nested}</process></definitions>`, { moddle });
    const started = performance.now();
    const summary = layoutDefinitions(definitions, moddle);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(summary.subProcessPlanes).toBeGreaterThan(0);
    expect(summary.subProcessPlanes).toBeLessThanOrEqual(200);
  });
});
