import type { BpmnModdle } from 'bpmn-moddle';
import { BpmnImportError, createModdle } from '../bpmn-io';
import { readBpmnFile } from '../bpmn-file';
import type { ModdleElement } from '../moddle-types';
import { removeUnsafeColours } from './colours';
import { diagramCoverage, drawnElements } from './coverage';
import { centre, straightConnection, type Bounds, type Point } from './geometry';
import { layoutDefinitions, type LayoutSummary } from './layout';
import { describeRepair, repairDiagramGeometry, repairedAnything } from './repair-geometry';
import { describeRenamedIds } from './safe-ids';

/** Why an imported model was (partly) laid out by MissingLink. */
export type LayoutReason = 'no-diagram' | 'incomplete-diagram' | 'missing-edges';

/** What the import did to the diagram, for the message to the user. */
export interface ImportLayoutReport {
  reason: LayoutReason;
  /** Pools, lanes and flow nodes without a shape ('incomplete-diagram'), or flows without a line ('missing-edges'). */
  missing: number;
  /** Pools, lanes and flow nodes the diagram should show. */
  expected: number;
  /** What the layout drew ('no-diagram' and 'incomplete-diagram'). */
  summary?: LayoutSummary;
}

/** A file ready for the modeler: the XML to open and store, the parser's warnings, and the layout report if one was made. */
export interface PreparedImport {
  xml: string;
  warnings: string[];
  layout?: ImportLayoutReport;
}

let layoutModdle: BpmnModdle | undefined;

/**
 * The import step before the modeler: reads the file, as text or as its bytes
 * (readBpmnFile; BpmnImportError when it cannot be BPMN) and makes sure it has something to show. A model without diagram, or
 * whose diagram leaves out pools, lanes or flow nodes, is laid out anew; flows whose
 * ends are drawn but which lack a line get one. A complete file comes back unchanged,
 * byte for byte, unless it holds elements in no namespace (see below).
 */
export async function prepareImport(file: string | Uint8Array): Promise<PreparedImport> {
  const moddle = (layoutModdle ??= createModdle());
  // Decoding, the structure limits, safe ids and parsing are the command line's too (readBpmnFile).
  const parsed = await readBpmnFile(file, { moddle });
  const xml = parsed.xml;
  const safe = { renamed: parsed.renamedIds };
  const definitions = parsed.definitions;
  // Coordinates bpmn-js cannot draw are repaired or removed first, so coverage sees what is really drawable.
  const repair = repairDiagramGeometry(definitions);
  const colours = removeUnsafeColours(definitions);
  const repaired = repairedAnything(repair) || colours.length > 0 || safe.renamed.size > 0;
  const warnings = [...describeRenamedIds(safe.renamed), ...parsed.warnings, ...describeRepair(repair), ...colours];
  const coverage = diagramCoverage(definitions);
  const roots = definitions.rootElements ?? [];
  if (!roots.some((r) => r.$type === 'bpmn:Process' || r.$type === 'bpmn:Collaboration')) {
    throw new BpmnImportError('invalid', 'The file contains no process and no collaboration, so there is no model to show.');
  }

  let layout: ImportLayoutReport | undefined;
  if (!coverage.hasDiagram || coverage.missingShapes.length > 0) {
    const summary = layoutDefinitions(definitions, moddle);
    layout = coverage.hasDiagram
      ? { reason: 'incomplete-diagram', missing: coverage.missingShapes.length, expected: coverage.expected, summary }
      : { reason: 'no-diagram', missing: coverage.expected, expected: coverage.expected, summary };
  } else if (coverage.missingEdges.length > 0) {
    const added = addMissingEdges(definitions, moddle, new Set(coverage.missingEdges));
    if (added > 0) layout = { reason: 'missing-edges', missing: added, expected: coverage.expected };
  }
  // Elements in no namespace (`xmlns=""`, as SAP Signavio writes W4 extensions) are
  // read by parseBpmn in a form that can be written again; the modeler's own reader
  // cannot, and could then never save the model. Hand it the repaired text instead.
  if (!layout && !repaired && !NO_NAMESPACE.test(xml)) return { xml, warnings };
  const { xml: written } = await moddle.toXML(definitions, { format: true });
  return { xml: written, warnings, ...(layout ? { layout } : {}) };
}

const NO_NAMESPACE = /\sxmlns\s*=\s*(""|'')/;

/**
 * Draws a line for each flow that has none although both its ends are drawn, on the
 * plane that shows its source; returns how many were added.
 */
function addMissingEdges(definitions: ModdleElement, moddle: BpmnModdle, flowIds: Set<string>): number {
  const { shapes } = drawnElements(definitions);
  const planeOf = new Map<ModdleElement, ModdleElement>();
  for (const diagram of definitions.diagrams ?? []) {
    const plane = diagram?.plane as ModdleElement | undefined;
    for (const di of plane?.planeElement ?? []) {
      if (di.$type === 'bpmndi:BPMNShape' && di.bpmnElement && !planeOf.has(di.bpmnElement)) planeOf.set(di.bpmnElement, plane!);
    }
  }
  const flows: ModdleElement[] = [];
  const collect = (element: ModdleElement) => {
    if (element.id && flowIds.has(element.id)) flows.push(element);
  };
  for (const root of definitions.rootElements ?? []) {
    for (const flow of root.messageFlows ?? []) collect(flow);
    const stack = [root];
    while (stack.length > 0) {
      const container = stack.pop()!;
      for (const element of container.flowElements ?? []) {
        collect(element);
        if (element.flowElements) stack.push(element);
      }
    }
  }
  let added = 0;
  for (const flow of flows) {
    const sourceShape = shapes.get(flow.sourceRef as ModdleElement);
    const targetShape = shapes.get(flow.targetRef as ModdleElement);
    const plane = planeOf.get(flow.sourceRef as ModdleElement);
    if (!sourceShape?.bounds || !targetShape?.bounds || !plane) continue;
    const points = connect(sourceShape.bounds as Bounds, targetShape.bounds as Bounds);
    const edge = moddle.create('bpmndi:BPMNEdge', {
      id: `${flow.id}_di`,
      bpmnElement: flow,
      waypoint: points.map((p) => moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) }))
    });
    edge.$parent = plane;
    plane.planeElement!.push(edge);
    added++;
  }
  return added;
}

/** An orthogonal line from the right of the source to the left of a target further right, else a straight one. */
function connect(source: Bounds, target: Bounds): Point[] {
  if (target.x >= source.x + source.width + 20) {
    const s = centre(source);
    const t = centre(target);
    const mid = (source.x + source.width + target.x) / 2;
    if (Math.abs(s.y - t.y) < 1) return [{ x: source.x + source.width, y: s.y }, { x: target.x, y: t.y }];
    return [{ x: source.x + source.width, y: s.y }, { x: mid, y: s.y }, { x: mid, y: t.y }, { x: target.x, y: t.y }];
  }
  return straightConnection(source, target);
}
