import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp } from '../support/app';
import { parseBpmn } from '../../src/model/bpmn-io';
import type { ModdleElement } from '../../src/model/moddle-types';
import { compareFiles, sameMeaning, semanticDiff } from '../unit/robustness/semantic-diff';
import { flowNodesToDraw } from '../unit/model/layout/diagram-invariants';

/*
 * The BPMN Model Interchange Working Group corpus through the app's real import path
 * (file → prepareImport → bpmn-js → IndexedDB) in Chromium: every file must import
 * without an error, draw its elements, export, and say the same after export as
 * before, compared by meaning (bpmn-js-differ plus a canonical listing that also covers
 * foreign extensions). Models without diagram must open with a visible layout.
 */

const corpus = new URL('../fixtures/miwg/', import.meta.url);
const DIRECTORIES = ['Reference', 'bpmn.io-18.6.1', 'SAP-Signavio-19.9.0'] as const;
const files = DIRECTORIES.flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, corpus))
    .filter((name) => name.endsWith('.bpmn'))
    .map((name) => ({ dir, name, path: `${dir}/${name}` }))
);

/**
 * A known bpmn-moddle limitation (also in test/unit/model/bpmn-io.test.ts): on
 * <triso:allowedValues constraintsType="enumeration" triso:constraintsType="enumeration">
 * the prefixed twin of an unprefixed attribute with the same value is merged into it.
 */
const MERGED_TWIN_ATTRIBUTE = /allowedValues constraintsType=enumeration triso:constraintsType=enumeration$/;

/**
 * Ids bpmn-js does not draw although the diagram has DI for them: the content of a
 * process that no pool of the collaboration refers to, unless it has lanes
 * (BpmnTreeWalker#handleUnhandledProcesses), and flows whose source or target the
 * file does not define (SAP Signavio's B.2.0 export repeats a process id, so the
 * second process and what its flows connect to are dropped while reading). bpmn-js
 * also leaves their DI out on export.
 */
async function notDrawnByBpmnJs(xml: string): Promise<string[]> {
  const { definitions } = await parseBpmn(xml);
  const roots = (definitions.rootElements ?? []) as ModdleElement[];
  const planeElements = (definitions.diagrams?.[0]?.plane?.planeElement ?? []) as ModdleElement[];
  const dangling = planeElements
    .map((di) => di.bpmnElement as ModdleElement | undefined)
    .filter((e) => e?.id && /SequenceFlow|MessageFlow/.test(e.$type) && (!e.sourceRef || !e.targetRef))
    .map((e) => e!.id as string);
  const shown = definitions.diagrams?.[0]?.plane?.bpmnElement ?? undefined;
  if (shown?.$type !== 'bpmn:Collaboration') return dangling;
  const referenced = new Set(((shown.participants ?? []) as ModdleElement[]).map((p) => p.processRef));
  const hidden = roots.filter((r) => r.$type === 'bpmn:Process' && !referenced.has(r) && !r.laneSets);
  const ids = new Set<string>();
  for (const process of hidden) {
    const stack = [process];
    while (stack.length) {
      for (const element of (stack.pop()!.flowElements ?? []) as ModdleElement[]) {
        if (element.id) ids.add(element.id);
        if (element.flowElements) stack.push(element);
      }
    }
  }
  return [
    ...dangling,
    ...planeElements.map((di) => di.bpmnElement?.id as string | undefined).filter((id): id is string => !!id && ids.has(id))
  ];
}

/** What one import through the app did, as the page saw it. */
interface ImportOutcome {
  error?: string;
  info: string[];
  libraryGrew: boolean;
  /** Elements bpmn-js drew (shapes and connections, no labels or roots). */
  drawn: number;
  /** Elements the displayed diagram has DI for, and which of those bpmn-js did not draw. */
  withDi: number;
  undrawn: string[];
  exported: string;
  svgBytes: number;
  /** Ids of everything bpmn-js registered (all planes). */
  registered: string[];
  /** Shapes whose box lies at least partly inside the visible canvas. */
  onScreen: number;
}

/** An import through the app and the comparison of its export with the original. */
interface FileResult {
  outcome: ImportOutcome;
  hidden: string[];
  comparison: Awaited<ReturnType<typeof compareFiles>>;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
const report: Array<Record<string, unknown>> = [];
const results = new Map<string, Promise<FileResult>>();

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newAppPage(browser));
  await openApp(page);
  // One pipeline: while the browser imports the next file, node compares the last one.
  let previous: Promise<unknown> = Promise.resolve();
  for (const file of files) {
    const xml = readFileSync(new URL(file.path, corpus), 'utf8');
    const imported = previous.then(() => importAndExport(file.name, xml));
    previous = imported.catch(() => undefined);
    const result = imported.then(async (outcome) => ({
      outcome,
      hidden: await notDrawnByBpmnJs(xml),
      comparison: await compareFiles(xml, outcome.exported)
    }));
    result.catch(() => undefined);
    results.set(file.path, result);
  }
}, 600_000);

afterAll(async () => {
  if (process.env.ROBUSTNESS_RESULTS) writeFileSync(process.env.ROBUSTNESS_RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  await context?.close();
  await browser?.close();
});

/** Imports one file through the controller (as the import button does) and exports it again. */
async function importAndExport(name: string, xml: string): Promise<ImportOutcome> {
  return page.evaluate(
    async ({ name, xml }) => {
      type Controller = EventTarget & {
        state: { busy: boolean; processes: unknown[]; notices: Array<{ id: number; tone: string; message: string; detail?: string }> };
        importFiles(files: File[]): void;
      };
      const app = (window as unknown as { missinglink: { controller: Controller; modeler: any } }).missinglink;
      const { controller, modeler } = app;
      const lastNotice = controller.state.notices.at(-1)?.id ?? 0;
      const before = controller.state.processes.length;
      const done = new Promise<void>((resolve) => {
        const check = () => {
          if (!controller.state.busy) {
            controller.removeEventListener('change', check);
            resolve();
          }
        };
        controller.addEventListener('change', check);
      });
      controller.importFiles([new File([xml], name, { type: 'application/xml' })]);
      await done;
      const notices = controller.state.notices.filter((n) => n.id > lastNotice);
      const error = notices.find((n) => n.tone === 'error');
      const registry = modeler.get('elementRegistry');
      const drawn = registry.filter((e: any) => e.type !== 'label' && e.parent).length;
      const definitions = modeler.getDefinitions();
      const shown = definitions.diagrams?.[0]?.plane?.planeElement ?? [];
      const withDi = shown.filter((di: any) => di.bpmnElement?.id);
      const undrawn = withDi.filter((di: any) => !registry.get(di.bpmnElement.id)).map((di: any) => di.bpmnElement.id as string);
      const { xml: exported } = await modeler.saveXML({ format: true });
      const { svg } = await modeler.saveSVG();
      const area = document.querySelector('.canvas-area')!.getBoundingClientRect();
      const onScreen = [...document.querySelectorAll('.djs-container .djs-shape')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > area.left && r.left < area.right && r.bottom > area.top && r.top < area.bottom;
      }).length;
      return {
        error: error ? `${error.message} ${error.detail ?? ''}` : undefined,
        info: notices.filter((n) => n.tone === 'info').map((n) => n.message),
        libraryGrew: controller.state.processes.length === before + 1,
        drawn,
        withDi: withDi.length,
        undrawn,
        exported: exported as string,
        svgBytes: (svg as string).length,
        registered: registry.getAll().map((e: any) => e.id as string),
        onScreen
      };
    },
    { name, xml }
  );
}

describe('MIWG interchange corpus through the app in Chromium', () => {
  it.each(files)('$path imports, draws, exports and keeps its meaning', async ({ path }) => {
    // given a file written by another BPMN tool, imported into the library and exported again
    const { outcome, hidden, comparison } = await results.get(path)!;
    const { diff, layout } = comparison;
    // then it was stored and drawn without error
    expect(outcome.error).toBeUndefined();
    expect(outcome.libraryGrew).toBe(true);
    expect(outcome.info, 'a file with a complete diagram is not laid out anew').toEqual([]);
    expect(outcome.drawn).toBeGreaterThan(0);
    expect(outcome.svgBytes).toBeGreaterThan(1000);
    // and bpmn-js drew every element the diagram has a shape or line for (but those it never draws)
    expect([...outcome.undrawn].sort()).toEqual([...hidden].sort());
    // DI that draws nothing (no element, or an element bpmn-js does not draw) is not written back by bpmn-js.
    const drawable = (entry: string) => !entry.includes(' (none) ') && !hidden.some((id) => entry.includes(` ${id} `));
    const layoutBefore = layout.before.filter(drawable);
    report.push({
      file: path,
      drawn: outcome.drawn,
      withDi: outcome.withDi,
      lost: diff.lost.length,
      gained: diff.gained.length,
      differ: { added: diff.differ.added.length, removed: diff.differ.removed.length, changed: diff.differ.changed.length },
      layoutEntriesChanged: layoutBefore.filter((e) => !layout.after.includes(e)).length,
      diNotDrawnByBpmnJs: hidden.length
    });
    // and the exported file says the same as the original
    const lost = diff.lost.filter((entry) => !MERGED_TWIN_ATTRIBUTE.test(entry));
    expect(lost).toEqual([]);
    expect(diff.gained.map((entry) => entry.replace(/ triso:constraintsType=enumeration$/, ''))).toEqual(
      diff.lost.filter((entry) => MERGED_TWIN_ATTRIBUTE.test(entry)).map((entry) => entry.replace(/ triso:constraintsType=enumeration$/, ''))
    );
    expect(diff.differ).toMatchObject({ added: [], removed: [], changed: [] });
    expect(sameMeaning({ ...diff, lost, gained: [] })).toBe(true);
    // and the drawing is kept as it was
    expect(layout.after).toEqual(layoutBefore);
  });
});

/** The same file without any diagram interchange: what a generator or a process-mining export writes. */
function withoutDiagram(xml: string): string {
  return xml.replace(/<([\w.-]+:)?BPMNDiagram\b[\s\S]*<\/([\w.-]+:)?BPMNDiagram>/g, '');
}

describe('MIWG reference models without diagram open laid out in Chromium', () => {
  const references = files.filter((f) => f.dir === 'Reference');
  // The page imports one file at a time: let the corpus pipeline finish first.
  beforeAll(() => Promise.allSettled(results.values()), 600_000);

  it.each(references)('$name without DI opens with every flow node drawn and visible, and keeps its meaning', async ({ path, name }) => {
    // given a reference model whose diagram was removed
    const bare = withoutDiagram(readFileSync(new URL(path, corpus), 'utf8'));
    expect(bare).not.toMatch(/BPMNDiagram/);
    // when it is imported
    const outcome = await importAndExport(`bare-${name}`, bare);
    // then it opens, laid out, and the user is told
    expect(outcome.error).toBeUndefined();
    expect(outcome.libraryGrew).toBe(true);
    expect(outcome.info).toEqual([expect.stringMatching(/had no diagram; MissingLink laid it out/)]);
    // with every flow node of its processes drawn, and the diagram in view
    const nodes = flowNodesToDraw((await parseBpmn(bare)).definitions).map((e) => e.id as string);
    expect(nodes.filter((id) => !outcome.registered.includes(id))).toEqual([]);
    expect(outcome.onScreen).toBeGreaterThan(0);
    // and the layout changed nothing but the drawing
    const diff = await semanticDiff(bare, outcome.exported);
    expect(sameMeaning({ ...diff, lost: diff.lost.filter((entry) => !MERGED_TWIN_ATTRIBUTE.test(entry)), gained: [] })).toBe(true);
    if (name === 'C.2.0.bpmn') await page.screenshot({ path: new URL('../../.tmp-h12/bare-C.2.0.png', import.meta.url).pathname });
  });
});
