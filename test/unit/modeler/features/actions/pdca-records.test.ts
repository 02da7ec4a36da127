import { beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import CommandStack from 'diagram-js/lib/command/CommandStack';
import { parseBpmn, serializeBpmn } from '../../../../../src/model/bpmn-io';
import { commandHarness } from '../../../../support/command-harness';
import type { ModdleElement } from '../../../../../src/model/moddle-types';
import { readValueChain } from '../../../../../src/model/value-chain/read';
import { aggregatePerformance } from '../../../../../src/analysis/performance/aggregate';
import { performanceInputFromModel } from '../../../../../src/analysis/performance/from-model';
import type { ValueChainChangedEvent } from '../../../../../src/modeler/features/value-chain/ValueChainEditor';
import ImprovementActions from '../../../../../src/modeler/features/actions/ImprovementActions';
import KpiMeasurements from '../../../../../src/modeler/features/actions/KpiMeasurements';
import { localDate } from '../../../../../src/modeler/features/actions/today';

/*
 * The Check and Act records through a real diagram-js command stack, as in the
 * modeler: every change is one command with execute, undo and redo, and ends in the
 * value-chain editor's `valueChain.changed` event. No canvas: the model is a
 * bpmn-moddle tree, so this runs in node.
 */

const LEAD_TO_ORDER = join(import.meta.dirname, '../../../../../processes/van-lead-tot-order.bpmn');

const PLAIN_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_plain" targetNamespace="http://missinglink.app/test">
  <bpmn:process id="Process_plain" isExecutable="false">
    <bpmn:task id="Task_plain" name="Offerte maken" />
  </bpmn:process>
</bpmn:definitions>
`;

interface Harness {
  definitions: ModdleElement;
  actions: ImprovementActions;
  measurements: KpiMeasurements;
  commandStack: CommandStack;
  changes: ValueChainChangedEvent[];
}

async function harness(xml: string): Promise<Harness> {
  const h = await commandHarness(xml, {
    improvementActions: ['type', ImprovementActions],
    kpiMeasurements: ['type', KpiMeasurements]
  });
  return {
    ...h,
    actions: h.injector.get<ImprovementActions>('improvementActions'),
    measurements: h.injector.get<KpiMeasurements>('kpiMeasurements')
  };
}

function findById(definitions: ModdleElement, id: string): ModdleElement {
  const process = definitions.rootElements!.find((r) => r.$type === 'bpmn:Process' && r.flowElements?.some((f) => f.id === id));
  return process!.flowElements!.find((f) => f.id === id)!;
}

describe('recording improvement actions', () => {
  let h: Harness;
  let original: string;

  beforeEach(async () => {
    h = await harness(await readFile(LEAD_TO_ORDER, 'utf8'));
    original = await serializeBpmn(h.definitions);
  });

  it('stores an action from a KPI in the value chain, open and dated today, and it reads back from the saved file', async () => {
    // when a marketeer records an action for the MQL KPI of "Lead scoren en verrijken"
    const id = h.actions.add({ elementId: 'l2o_scoren', kpiId: 'l2o_scoren_kpi1', what: 'Leadformulier inkorten', owner: 'Marketingmanager', due: '2026-09-30' });

    // then the list shows it with the defaults filled in
    expect(h.actions.list()).toEqual([
      expect.objectContaining({ id, elementId: 'l2o_scoren', kpiId: 'l2o_scoren_kpi1', what: 'Leadformulier inkorten', status: 'open', createdOn: localDate(new Date()), problems: [] })
    ]);
    // and the BPMN file carries it inside ml:valueChain, readable by the value-chain reader
    const xml = await serializeBpmn(h.definitions);
    expect(xml).toMatch(/<ml:action id="Action_\w+" elementId="l2o_scoren" kpiId="l2o_scoren_kpi1" what="Leadformulier inkorten"/);
    const reread = readValueChain((await parseBpmn(xml)).definitions);
    expect(reread.valueChain!.actions).toEqual([expect.objectContaining({ id, what: 'Leadformulier inkorten', due: '2026-09-30', status: 'open' })]);
    expect(reread.issues.filter((i) => i.field.startsWith('actions'))).toEqual([]);
    // and the panels hear about it, naming the collaboration that carries the value chain
    expect(h.changes).toEqual([{ elementIds: ['l2o_collaboration'], trigger: 'execute' }]);
  });

  it('undoes the new action in one step and redoes it with the same id', async () => {
    const id = h.actions.add({ elementId: 'l2o_offerte', findingRule: 'kpi-off-track', what: 'Offertesjabloon vereenvoudigen' });

    h.commandStack.undo();
    expect(h.actions.list()).toEqual([]);
    expect(await serializeBpmn(h.definitions)).toBe(original);

    h.commandStack.redo();
    expect(h.actions.list().map((a) => a.id)).toEqual([id]);
    expect(h.changes.map((c) => c.trigger)).toEqual(['execute', 'undo', 'redo']);
  });

  it('changes the status of an action as one undoable edit, leaving the other fields alone', () => {
    const id = h.actions.add({ elementId: 'l2o_offerte', what: 'Offertesjabloon vereenvoudigen', owner: 'Verkoopleider' });

    h.actions.update(id, { status: 'in-progress' });
    expect(h.actions.get(id)).toMatchObject({ status: 'in-progress', owner: 'Verkoopleider' });

    h.commandStack.undo();
    expect(h.actions.get(id)).toMatchObject({ status: 'open', owner: 'Verkoopleider' });
  });

  it('removes an action, and undo brings it back', () => {
    const id = h.actions.add({ elementId: 'l2o_offerte', what: 'Offertesjabloon vereenvoudigen' });
    h.actions.remove(id);
    expect(h.actions.list()).toEqual([]);
    h.commandStack.undo();
    expect(h.actions.get(id)?.what).toBe('Offertesjabloon vereenvoudigen');
  });

  it('refuses an unknown action id without putting anything on the undo stack', () => {
    expect(() => h.actions.update('Action_missing', { status: 'done' })).toThrow(/no action "Action_missing"/);
    expect(h.commandStack.canUndo()).toBe(false);
    expect(h.changes).toEqual([]);
  });

  it('reports an invalid due date or status from a file, and keeps the text as it was', async () => {
    // given a file whose action was edited by hand
    const id = h.actions.add({ elementId: 'l2o_offerte', what: 'Sjabloon' });
    const xml = (await serializeBpmn(h.definitions)).replace('status="open"', 'status="bijna klaar"').replace(`id="${id}"`, `id="${id}" due="31-12-2026"`);
    const h2 = await harness(xml);
    // then the action is listed with both problems, and saving writes the text back unchanged
    const entry = h2.actions.get(id)!;
    expect(entry.problems.map((p) => [p.field, p.code])).toEqual([
      ['due', 'not-a-date'],
      ['status', 'unknown-value']
    ]);
    expect(entry.stored.due).toBe('31-12-2026');
    expect(await serializeBpmn(h2.definitions)).toContain('due="31-12-2026"');
  });
});

describe('recording improvement actions in a model without value-chain data', () => {
  it('creates the value chain on the process for the first action, and undo leaves the file as it was', async () => {
    const h = await harness(PLAIN_PROCESS);
    const original = await serializeBpmn(h.definitions);

    h.actions.add({ elementId: 'Task_plain', what: 'Stap beschrijven' });
    const xml = await serializeBpmn(h.definitions);
    expect(xml).toContain('<ml:valueChain>');
    expect(readValueChain((await parseBpmn(xml)).definitions).valueChain).toMatchObject({ elementId: 'Process_plain', actions: [expect.objectContaining({ what: 'Stap beschrijven' })] });

    h.commandStack.undo();
    expect(await serializeBpmn(h.definitions)).toBe(original);
  });
});

describe('recording a realised value for a period', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await harness(await readFile(LEAD_TO_ORDER, 'utf8'));
  });

  function mqlRow(period?: { from?: string; to?: string }) {
    const report = aggregatePerformance([performanceInputFromModel({ id: 'l2o', definitions: h.definitions })], { period });
    return report.kpis.find((k) => k.kpiId === 'l2o_scoren_kpi1')!;
  }

  it('adds the value to the KPI history, so the dashboard shows it for that period', () => {
    // given the MQL KPI with two quarterly measurements (160 and 182)
    expect(mqlRow({ from: '2026-07-01', to: '2026-09-30' })).toBeUndefined();

    // when the third quarter's 150 leads are recorded
    h.measurements.record('l2o_scoren', 'l2o_scoren_kpi1', { periodStart: '2026-07-01', periodEnd: '2026-09-30', value: '150' });

    // then the dashboard for Q3 shows 150 against the target of 300, from the measurement
    const row = mqlRow({ from: '2026-07-01', to: '2026-09-30' })!;
    expect(row).toMatchObject({ realised: 150, target: 300, status: 'off-track', realisedSource: 'measurement' });
    // and the whole history now has three points, dated today
    const history = mqlRow()!.history;
    expect(history.map((p) => p.value)).toEqual([160, 182, 150]);
    expect(history[2]!.recordedOn).toBe(localDate(new Date()));
    expect(h.changes).toEqual([{ elementIds: ['l2o_scoren'], trigger: 'execute' }]);
  });

  it('undoes and redoes the recorded value', () => {
    h.measurements.record(findById(h.definitions, 'l2o_scoren'), 'l2o_scoren_kpi1', { periodStart: '2026-07-01', periodEnd: '2026-09-30', evidence: 'Gesprekken met drie accountmanagers' });
    expect(mqlRow()!.history).toHaveLength(3);
    h.commandStack.undo();
    expect(mqlRow()!.history).toHaveLength(2);
    h.commandStack.redo();
    expect(mqlRow()!.history[2]!.evidence).toBe('Gesprekken met drie accountmanagers');
  });

  it('removes a mistyped measurement by its place in the history', () => {
    h.measurements.remove('l2o_scoren', 'l2o_scoren_kpi1', 0);
    expect(mqlRow()!.history.map((p) => p.value)).toEqual([182]);
    h.commandStack.undo();
    expect(mqlRow()!.history.map((p) => p.value)).toEqual([160, 182]);
  });

  it('refuses a KPI the activity does not have, without a command', () => {
    expect(() => h.measurements.record('l2o_scoren', 'no-such-kpi', { value: '1' })).toThrow(/has no performance measure "no-such-kpi"/);
    expect(() => h.measurements.record('nowhere', 'l2o_scoren_kpi1', { value: '1' })).toThrow(/no element "nowhere"/);
    expect(h.commandStack.canUndo()).toBe(false);
  });
});
