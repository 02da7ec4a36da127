/**
 * Browser side of bench/handover-markers-edit.ts: our modeler (all feature modules,
 * handover marks included) with a large generated collaboration, and the two edits
 * the bench times: moving a task into the next lane, and setting / clearing an
 * agreement through the value-chain editor. Built by the bench with the app's vite
 * config; not part of the app.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { createModeler, type Modeler } from '../src/modeler/create-modeler';
import type HandoverMarkers from '../src/modeler/features/handover-markers/HandoverMarkers';
import type { HandoverCounts } from '../src/modeler/features/handover-markers';

/** One timed edit, in milliseconds of script. */
export interface EditRun {
  /** The whole synchronous edit: the command with every listener (bpmn-js, value chain, marks, legend). */
  editMs: number;
  /** The part spent updating the handover marks and the legend. */
  markersMs: number;
  /** Flows the marks looked at again (the incremental scope). */
  flowsChecked: number;
  /** The undo of the edit, whole and the marks' part. */
  undoMs: number;
  undoMarkersMs: number;
}

/** What the page reports after loading the model. */
export interface LoadInfo {
  flowNodes: number;
  flows: number;
  counts: HandoverCounts;
  fullRefreshMs: number;
  movable: number;
  handoverFlows: number;
}

interface Shape {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  parent: Shape;
  children: Shape[];
  businessObject: { lanes?: Array<{ id: string }> };
  waypoints?: unknown;
}

interface Services {
  modeling: { moveElements(shapes: Shape[], delta: { x: number; y: number }): void };
  commandStack: { undo(): void };
  elementRegistry: { getAll(): Shape[]; get(id: string): Shape };
  valueChainEditor: { setAgreement(flow: string, attrs: Record<string, string> | null): void };
}

let modeler: Modeler;
let bare: Modeler | undefined;
let moves: Array<{ id: string; dy: number }> = [];
let handovers: string[] = [];

function get<K extends keyof Services>(name: K): Services[K] {
  return modeler.get<Services[K]>(name);
}

function markers(): HandoverMarkers {
  return modeler.get<HandoverMarkers>('handoverMarkers');
}

/** Times a synchronous edit and the marks' share of it (every marks update it caused). */
function timed(edit: () => void): { ms: number; markersMs: number; flowsChecked: number } {
  const before = markers().totals.ms;
  const t0 = performance.now();
  edit();
  const ms = performance.now() - t0;
  return { ms, markersMs: markers().totals.ms - before, flowsChecked: markers().lastUpdate.flowsChecked };
}

async function load(xml: string): Promise<LoadInfo> {
  const container = document.createElement('div');
  container.style.cssText = 'position:absolute;inset:0;width:1440px;height:900px';
  document.body.append(container);
  modeler = createModeler(container);
  await modeler.importXML(xml);
  const all = get('elementRegistry').getAll();
  const lanes = all.filter((e) => e.type === 'bpmn:Lane');
  // Tasks that can move into the lane below theirs, in the same pool.
  moves = [];
  for (const shape of all) {
    if (!shape.type.endsWith('Task') || !shape.businessObject.lanes?.length) continue;
    const own = lanes.find((l) => l.id === shape.businessObject.lanes![0]!.id);
    const below = own && lanes.find((l) => l.parent === own.parent && Math.abs(l.y - (own.y + own.height)) < 1);
    if (!below) continue;
    moves.push({ id: shape.id, dy: below.y + below.height / 2 - (shape.y + shape.height / 2) });
  }
  handovers = all.filter((e) => e.waypoints && markers().markOf(e.id)).map((e) => e.id);
  const t0 = performance.now();
  markers().refreshAll();
  const fullRefreshMs = performance.now() - t0;
  return {
    flowNodes: all.filter((e) => !e.waypoints && e.type !== 'label' && e.type !== 'bpmn:Lane' && e.type !== 'bpmn:Participant' && e.type !== 'bpmn:Collaboration' && e.type !== 'bpmn:Process').length,
    flows: all.filter((e) => e.waypoints).length,
    counts: markers().counts(),
    fullRefreshMs,
    movable: moves.length,
    handoverFlows: handovers.length
  };
}

/** Moves the i-th movable task into the lane below it, then undoes the move. */
function moveAcrossLanes(i: number): EditRun {
  const move = moves[i % moves.length]!;
  const shape = get('elementRegistry').get(move.id);
  const edit = timed(() => get('modeling').moveElements([shape], { x: 0, y: move.dy }));
  const undo = timed(() => get('commandStack').undo());
  return { editMs: edit.ms, markersMs: edit.markersMs, flowsChecked: edit.flowsChecked, undoMs: undo.ms, undoMarkersMs: undo.markersMs };
}

/** Records an agreed agreement on the i-th handover, then undoes it. */
function setAgreement(i: number): EditRun {
  const flow = handovers[(i * 7) % handovers.length]!;
  const edit = timed(() => get('valueChainEditor').setAgreement(flow, { status: 'agreed', deliverable: 'Bench deliverable' }));
  const undo = timed(() => get('commandStack').undo());
  return { editMs: edit.ms, markersMs: edit.markersMs, flowsChecked: edit.flowsChecked, undoMs: undo.ms, undoMarkersMs: undo.markersMs };
}

/** The same move in a bare bpmn-js Modeler (no feature of ours), for comparison; returns ms of script. */
async function bareMove(xml: string, i: number): Promise<number> {
  if (!bare) {
    const container = document.createElement('div');
    container.style.cssText = 'position:absolute;inset:0;width:1440px;height:900px';
    document.body.append(container);
    bare = new BpmnModeler({ container });
    await bare.importXML(xml);
  }
  const move = moves[i % moves.length]!;
  const registry = bare.get<Services['elementRegistry']>('elementRegistry');
  const t0 = performance.now();
  bare.get<Services['modeling']>('modeling').moveElements([registry.get(move.id)], { x: 0, y: move.dy });
  const ms = performance.now() - t0;
  bare.get<Services['commandStack']>('commandStack').undo();
  return ms;
}

(window as unknown as { markersBench: unknown }).markersBench = { load, moveAcrossLanes, setAgreement, bareMove };
