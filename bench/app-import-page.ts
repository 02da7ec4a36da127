/**
 * Browser side of bench/app-import.ts: one page that holds both modelers, our
 * createModeler (value-chain extension + our feature modules) and a bare bpmn-js
 * Modeler, so the two import the same XML under the same conditions. Built by the
 * bench with the app's vite config; not part of the app.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { createModeler } from '../src/modeler/create-modeler';

/** Which modeler a run uses. */
export type ModelerKind = 'missinglink' | 'bare';

/** One import, in milliseconds. */
export interface ImportRun {
  kind: ModelerKind;
  /** Constructing the modeler (module wiring, canvas, palette). */
  createMs: number;
  /** `importXML`: parse, build the element tree, render every shape. */
  importMs: number;
  /** From the start of `importXML` to the first frame after it: what a user waits for. */
  shownMs: number;
  warnings: number;
  elements: number;
}

interface ImportBench {
  setXml(xml: string): void;
  run(kind: ModelerKind): Promise<ImportRun>;
}

let xml = '';

function nextFrame(): Promise<void> {
  // rAF runs before the frame is produced; a message posted from it arrives after that frame.
  return new Promise((done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done();
      channel.port2.postMessage(null);
    })
  );
}

async function run(kind: ModelerKind): Promise<ImportRun> {
  const container = document.createElement('div');
  container.style.cssText = 'position:absolute;inset:0;width:1440px;height:900px';
  document.body.append(container);
  const t0 = performance.now();
  const modeler = kind === 'missinglink' ? createModeler(container) : new BpmnModeler({ container });
  const t1 = performance.now();
  const { warnings } = await modeler.importXML(xml);
  const t2 = performance.now();
  await nextFrame();
  const t3 = performance.now();
  const elements = modeler.get<{ getAll(): unknown[] }>('elementRegistry').getAll().length;
  modeler.destroy();
  container.remove();
  return { kind, createMs: t1 - t0, importMs: t2 - t1, shownMs: t3 - t1, warnings: warnings.length, elements };
}

(window as unknown as { importBench: ImportBench }).importBench = {
  setXml: (value) => (xml = value),
  run
};
