import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LibraryAnalysis, type FollowedController, type FollowedModeler, type LibrarySource, type ProcessRef } from '../../../src/app/library-analysis';
import type { ModdleElement } from '../../../src/model/moddle-types';
import { parseBpmn } from '../../../src/model/bpmn-io';
import type { ProcessRecord } from '../../../src/storage/records';

const PROCESSES = join(import.meta.dirname, '../../../processes');

async function record(id: string, file: string, revision = 1): Promise<ProcessRecord> {
  const xml = await readFile(join(PROCESSES, file), 'utf8');
  return { id, name: file.replace('.bpmn', ''), xml, revision, createdAt: 0, updatedAt: 0, sizeBytes: xml.length };
}

/** A library in memory that counts how often a process is read. */
function library(records: ProcessRecord[]) {
  const reads: string[] = [];
  const lists: number[] = [];
  const source: LibrarySource = {
    list: async () => {
      lists.push(1);
      return { processes: records.map(({ xml: _xml, ...summary }) => summary), problems: [] };
    },
    get: async (id) => {
      reads.push(id);
      return records.find((r) => r.id === id);
    }
  };
  return { source, reads, lists, records };
}

/** The app as the service follows it: a controller with a library list and an open process, a modeler with events. */
function app(processes: ProcessRef[], current: ProcessRef, definitions: ModdleElement) {
  const controller = Object.assign(new EventTarget(), { state: { processes, current } }) as FollowedController & { state: { processes: ProcessRef[]; current: ProcessRef } };
  const listeners: (() => void)[] = [];
  const modeler: FollowedModeler & { definitions: ModdleElement; change(): void } = {
    definitions,
    getDefinitions() {
      return this.definitions;
    },
    get: (() => ({ on: (_events: string[], callback: () => void) => listeners.push(callback) })) as FollowedModeler['get'],
    change: () => listeners.forEach((l) => l())
  };
  return { controller, modeler };
}

describe('analysing the whole library for cross-library views', () => {
  it('parses every stored process once and gives the dashboard and indicator inputs', async () => {
    // given a library of two sample processes
    const lib = library([await record('a', 'van-lead-tot-order.bpmn'), await record('b', 'klachtafhandeling.bpmn')]);
    const analysis = new LibraryAnalysis(lib.source, { pause: async () => {} });

    // when it is analysed twice
    const progress: number[] = [];
    const first = await analysis.analyse({ onProgress: (done) => progress.push(done) });
    const second = await analysis.analyse();

    // then both processes come with their activities and handovers, and were read only once
    expect(first.processes.map((p) => p.id)).toEqual(['a', 'b']);
    expect(first.processes[0]!.performance.activities.some((a) => a.kpis.length > 0)).toBe(true);
    expect(first.processes[0]!.indicators.handovers.length).toBeGreaterThan(0);
    expect(second.processes).toEqual(first.processes);
    expect(lib.reads).toEqual(['a', 'b']);
    expect(progress).toEqual([1, 2]);
    expect(analysis.isWarm(lib.records)).toBe(true);
  });

  it('parses a process again only after its revision changed', async () => {
    const lib = library([await record('a', 'van-lead-tot-order.bpmn'), await record('b', 'klachtafhandeling.bpmn')]);
    const analysis = new LibraryAnalysis(lib.source, { pause: async () => {} });
    await analysis.analyse();

    // when process b is saved again
    lib.records[1] = { ...lib.records[1]!, revision: 2, name: 'Klachten' };
    expect(analysis.isWarm(lib.records)).toBe(false);
    const result = await analysis.analyse();

    // then only b is read again, and its new name shows
    expect(lib.reads).toEqual(['a', 'b', 'b']);
    expect(result.processes.map((p) => [p.id, p.name, p.revision])).toEqual([
      ['a', 'van-lead-tot-order', 1],
      ['b', 'Klachten', 2]
    ]);
  });

  it('takes the open process from the modeler, so unsaved edits count', async () => {
    const lib = library([await record('a', 'van-lead-tot-order.bpmn')]);
    const analysis = new LibraryAnalysis(lib.source, { pause: async () => {} });
    const { definitions } = await parseBpmn(lib.records[0]!.xml.replace('realised="342"', 'realised="12"'));

    const result = await analysis.analyse({ live: { id: 'a', name: 'Open', definitions } });

    const mql = result.processes[0]!.performance.activities.flatMap((a) => a.kpis).find((k) => k.id === 'l2o_scoren_kpi1');
    expect(mql?.realised).toBe(12);
    expect(result.processes[0]!.name).toBe('Open');
    expect(lib.reads).toEqual([]);
  });

  it('reports a process that does not read as BPMN and goes on with the others', async () => {
    const broken: ProcessRecord = { ...(await record('x', 'klachtafhandeling.bpmn')), xml: 'not xml at all' };
    const lib = library([broken, await record('a', 'van-lead-tot-order.bpmn')]);
    const analysis = new LibraryAnalysis(lib.source, { pause: async () => {} });

    const result = await analysis.analyse();

    expect(result.processes.map((p) => p.id)).toEqual(['a']);
    expect(result.failed).toEqual([expect.objectContaining({ id: 'x', message: expect.any(String) })]);
  });

  it('follows the app: the library list from the controller, the open process from the modeler, analysed again only after a change', async () => {
    const lib = library([await record('a', 'van-lead-tot-order.bpmn'), await record('b', 'klachtafhandeling.bpmn')]);
    const analysis = new LibraryAnalysis(lib.source, { pause: async () => {} });
    const { definitions } = await parseBpmn(lib.records[0]!.xml);
    const { controller, modeler } = app(lib.records.map(({ id, name, revision }) => ({ id, name, revision })), { id: 'a', name: 'Open', revision: 1 }, definitions);
    analysis.follow(controller, modeler);

    const first = await analysis.analyse();
    const again = analysis.analyseOpen();

    // no storage list read, only process b parsed from storage; the open process analysed once
    expect(lib.lists).toEqual([]);
    expect(lib.reads).toEqual(['b']);
    expect(first.processes.map((p) => p.name)).toEqual(['Open', 'klachtafhandeling']);
    expect(again).toBe(first.processes[0]);
    // after a change in the modeler the open process is analysed again
    modeler.change();
    expect(analysis.analyseOpen()).not.toBe(again);
  });

  it('notices a process saved in this tab while it was open, although the app list still has the old revision', async () => {
    const lib = library([await record('a', 'van-lead-tot-order.bpmn'), await record('b', 'klachtafhandeling.bpmn')]);
    const analysis = new LibraryAnalysis(lib.source, { pause: async () => {} });
    const { definitions } = await parseBpmn(lib.records[0]!.xml);
    const listed = lib.records.map(({ id, name, revision }) => ({ id, name, revision }));
    const { controller, modeler } = app(listed, { id: 'a', name: 'a', revision: 1 }, definitions);
    analysis.follow(controller, modeler);
    await analysis.analyse();

    // when b is opened, saved twice (revision 3) and left again, while the app's list keeps revision 1
    controller.state.current = { id: 'b', name: 'b', revision: 3 };
    controller.dispatchEvent(new Event('change'));
    lib.records[1] = { ...lib.records[1]!, revision: 3, xml: lib.records[1]!.xml.replace('realised="17800"', 'realised="9000"') };
    controller.state.current = { id: 'a', name: 'a', revision: 1 };
    controller.dispatchEvent(new Event('change'));
    const result = await analysis.analyse();

    // then b is read again and its new value counts
    expect(lib.reads).toEqual(['b', 'b']);
    const compensation = result.processes[1]!.performance.activities.flatMap((a) => a.kpis).find((k) => k.id === 'kl_compensatie_kpi1');
    expect(compensation?.realised).toBe(9000);
  });
});
