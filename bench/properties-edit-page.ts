/**
 * Browser side of bench/properties-edit.ts: our modeler (all feature modules, handover
 * marks included) with a large generated collaboration, and the properties panel
 * beside it showing a task with a KPI. The bench times a KPI edit from the moment it
 * is made until the panel has rendered it. Built by the bench with the app's vite
 * config; not part of the app.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { createModeler, type Modeler } from '../src/modeler/create-modeler';
import type { ModdleElement } from '../src/model/moddle-types';
import { getExtension } from '../src/model/value-chain/extension';
import type ValueChainEditor from '../src/modeler/features/value-chain/ValueChainEditor';
import { fieldId } from '../src/ui/properties/fields';
import type { MlProperties } from '../src/ui/properties/ml-properties';
import '../src/ui/properties/ml-properties';

/** One timed KPI edit (or its undo), in milliseconds of script. */
export interface EditRun {
  /** The synchronous edit: the command with every listener (bpmn-js, marks, the panel's bookkeeping). */
  editMs: number;
  /** From the end of the edit until the panel's render is complete (Lit renders in a microtask). */
  renderMs: number;
  /** editMs + renderMs: from the edit to the updated panel, the headline figure. */
  totalMs: number;
  /** Style and layout of the updated panel, forced right after the render (the browser would do it before the next frame). */
  layoutMs: number;
  /** The part of editMs the handover marks took (0 when the model has no marks feature). */
  markersMs: number;
  /** The same for the undo of the edit. */
  undoTotalMs: number;
}

/** What the page reports after loading. */
export interface LoadInfo {
  flowNodes: number;
  tasksWithKpi: number;
  panelElements: number;
}

interface Shape {
  id: string;
  type: string;
  waypoints?: unknown;
  businessObject: ModdleElement;
}

interface Markers {
  totals: { ms: number };
}

let modeler: Modeler;
let panel: MlProperties;
let tasks: Array<{ shape: Shape; kpiId: string }> = [];

function markersMs(): number {
  const markers = modeler.get<Markers>('handoverMarkers', false);
  return markers ? markers.totals.ms : 0;
}

async function load(xml: string): Promise<LoadInfo> {
  const container = document.createElement('div');
  container.style.cssText = 'position:absolute;left:0;top:0;width:1080px;height:900px';
  document.body.append(container);
  modeler = createModeler(container);
  await modeler.importXML(xml);
  panel = document.createElement('ml-properties') as MlProperties;
  panel.style.cssText = 'position:absolute;left:1080px;top:0;width:360px;height:900px;display:flex';
  panel.modeler = modeler;
  document.body.append(panel);
  await panel.updateComplete;
  const all = modeler.get<{ getAll(): Shape[] }>('elementRegistry').getAll();
  tasks = all
    .map((shape) => ({ shape, kpi: (getExtension(shape.businessObject, 'ml:Step')?.kpis as ModdleElement[] | undefined)?.[0] }))
    .filter((t): t is { shape: Shape; kpi: ModdleElement } => !!t.kpi?.id)
    .map((t) => ({ shape: t.shape, kpiId: t.kpi.id as string }));
  return {
    flowNodes: all.filter((e) => !e.waypoints && /Task|Event|Gateway|SubProcess|CallActivity/.test(e.type)).length,
    tasksWithKpi: tasks.length,
    panelElements: 0
  };
}

/** Selects the i-th task with a KPI and opens its KPI card, as a user looking at it would. */
async function show(i: number): Promise<{ shown: string; panelElements: number }> {
  const task = tasks[i % tasks.length]!;
  modeler.get<{ select(e: unknown): void }>('selection').select(task.shape);
  await panel.updateComplete;
  panel.renderRoot.querySelector<HTMLDetailsElement>(`details[data-kpi="${task.kpiId}"]`)!.open = true;
  await panel.updateComplete;
  return { shown: panel.renderRoot.querySelector('.body')!.getAttribute('data-element')!, panelElements: panel.renderRoot.querySelectorAll('*').length };
}

function targetInput(i: number): HTMLInputElement {
  const task = tasks[i % tasks.length]!;
  return panel.renderRoot.querySelector<HTMLInputElement>(`#${fieldId(task.shape.id, 'kpi', task.kpiId, 'target')}`)!;
}

async function measure(edit: () => void, check: () => boolean): Promise<Omit<EditRun, 'undoTotalMs'>> {
  const m0 = markersMs();
  const t0 = performance.now();
  edit();
  const t1 = performance.now();
  await panel.updateComplete;
  const t2 = performance.now();
  void panel.renderRoot.querySelector('.body')!.getBoundingClientRect().height;
  const t3 = performance.now();
  if (!check()) throw new Error('the panel does not show the edited value');
  return { editMs: t1 - t0, renderMs: t2 - t1, totalMs: t2 - t0, layoutMs: t3 - t2, markersMs: markersMs() - m0 };
}

/** Changes the shown KPI's target through the value-chain editor (the call the panel makes), then undoes it. */
async function editViaService(i: number, value: string): Promise<EditRun> {
  const task = tasks[i % tasks.length]!;
  const before = targetInput(i).value;
  const editor = modeler.get<ValueChainEditor>('valueChainEditor');
  const run = await measure(
    () => editor.updateKpi(task.shape, task.kpiId, { target: value }),
    () => targetInput(i).value === value
  );
  const undo = await measure(
    () => modeler.get<{ undo(): void }>('commandStack').undo(),
    () => targetInput(i).value === before
  );
  return { ...run, undoTotalMs: undo.totalMs };
}

/** Changes the shown KPI's target as a user does: new text in the field and a change event (check, command, render), then undoes it. */
async function editViaField(i: number, value: string): Promise<EditRun> {
  const input = targetInput(i);
  const before = input.value;
  const run = await measure(
    () => {
      input.value = value;
      input.dispatchEvent(new Event('change'));
    },
    () => targetInput(i).value === value && targetInput(i).getAttribute('aria-invalid') === 'false'
  );
  const undo = await measure(
    () => modeler.get<{ undo(): void }>('commandStack').undo(),
    () => targetInput(i).value === before
  );
  return { ...run, undoTotalMs: undo.totalMs };
}

(window as unknown as { propertiesBench: unknown }).propertiesBench = { load, show, editViaService, editViaField };
