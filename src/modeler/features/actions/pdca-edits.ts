import type { ModdleElement } from '../../../model/moddle-types';
import { getExtension } from '../../../model/value-chain/extension';
import { attributeUpdate } from '../../../model/value-chain/read';
import type { MlElementType } from '../../../model/value-chain/schema';
import { carrierOf, findValueChain, valueChainHost, type AttrEdits, type EditEnvironment, type EditValue } from '../value-chain/edits';

/*
 * The Check and Act records of Plan–Do–Check–Act as edits on plain moddle trees:
 * improvement actions (ml:Action in the process's ml:ValueChain) and realised
 * values per period (ml:Measurement under a KPI). The value-chain editor covers
 * the Plan data; these edits use its change log, so undo and redo work the same way.
 */

/** Attribute changes of an improvement action; the id is given on creation only. */
export type ActionEdits = AttrEdits<'ml:Action'>;
/** Attributes of a new measurement. */
export type MeasurementEdits = AttrEdits<'ml:Measurement'>;

/** One change of a Check or Act record. */
export type PdcaEdit =
  | { kind: 'action.add'; id: string; attrs: ActionEdits }
  | { kind: 'action.update'; actionId: string; attrs: ActionEdits }
  | { kind: 'action.remove'; actionId: string }
  | { kind: 'measurement.add'; kpiId: string; attrs: MeasurementEdits }
  | { kind: 'measurement.remove'; kpiId: string; index: number };

/**
 * Applies one edit. Action edits go to the process's value chain (created on the
 * main diagram's collaboration or process when the model has none); measurement
 * edits need the activity that holds the KPI as `host`. Throws before changing
 * anything when an id does not exist.
 */
export function applyPdcaEdit(env: EditEnvironment, host: ModdleElement | undefined, edit: PdcaEdit): void {
  switch (edit.kind) {
    case 'action.add': {
      const valueChain = ensureValueChain(env);
      if (list(valueChain, 'actions').some((a) => a.id === edit.id)) throw new Error(`The value chain already has an action "${edit.id}".`);
      const action = env.moddle.create('ml:Action', { id: edit.id });
      setAttributes(env, action, 'ml:Action', edit.attrs);
      env.log.set(valueChain, 'actions', [...list(valueChain, 'actions'), action]);
      return;
    }
    case 'action.update': {
      const { valueChain, action } = findAction(env, edit.actionId);
      touchCarrier(env, valueChain);
      setAttributes(env, action, 'ml:Action', edit.attrs);
      return;
    }
    case 'action.remove': {
      const { valueChain, action } = findAction(env, edit.actionId);
      touchCarrier(env, valueChain);
      const kept = list(valueChain, 'actions').filter((a) => a !== action);
      env.log.set(valueChain, 'actions', kept.length ? kept : undefined);
      return;
    }
    case 'measurement.add': {
      const kpi = findKpi(host, edit.kpiId);
      env.touched.add(host!.id!);
      const measurement = env.moddle.create('ml:Measurement', {});
      setAttributes(env, measurement, 'ml:Measurement', edit.attrs);
      env.log.set(kpi, 'measurements', [...list(kpi, 'measurements'), measurement]);
      return;
    }
    case 'measurement.remove': {
      const kpi = findKpi(host, edit.kpiId);
      const measurements = list(kpi, 'measurements');
      if (!measurements[edit.index]) throw new Error(`The KPI "${edit.kpiId}" has no measurement number ${edit.index + 1}.`);
      env.touched.add(host!.id!);
      const kept = measurements.filter((_, i) => i !== edit.index);
      env.log.set(kpi, 'measurements', kept.length ? kept : undefined);
      return;
    }
  }
}

/** The stored improvement actions of a model, in the order they were recorded. */
export function storedActions(definitions: ModdleElement): ModdleElement[] {
  return list(findValueChain(definitions), 'actions');
}

function findAction(env: EditEnvironment, actionId: string): { valueChain: ModdleElement; action: ModdleElement } {
  const valueChain = findValueChain(env.definitions);
  const action = list(valueChain, 'actions').find((a) => a.id === actionId);
  if (!valueChain || !action) throw new Error(`The value chain has no action "${actionId}".`);
  return { valueChain, action };
}

function findKpi(host: ModdleElement | undefined, kpiId: string): ModdleElement {
  if (!host?.id) throw new Error('A measurement needs the activity that holds its KPI.');
  const kpi = list(getExtension(host, 'ml:Step'), 'kpis').find((k) => k.id === kpiId);
  if (!kpi) throw new Error(`"${host.id}" has no performance measure "${kpiId}".`);
  return kpi;
}

/** The value chain that holds the actions, created (with its extensionElements) when the model has none yet. */
function ensureValueChain(env: EditEnvironment): ModdleElement {
  const existing = findValueChain(env.definitions);
  if (existing) {
    touchCarrier(env, existing);
    return existing;
  }
  const host = valueChainHost(env.definitions);
  if (!host) throw new Error('The model has no collaboration or process to hold improvement actions.');
  if (host.id) env.touched.add(host.id);
  let container = host.extensionElements as ModdleElement | undefined;
  if (!container) {
    container = env.moddle.create('bpmn:ExtensionElements', {});
    env.log.set(host, 'extensionElements', container);
  }
  const valueChain = env.moddle.create('ml:ValueChain', {});
  env.log.set(container, 'values', [...list(container, 'values'), valueChain]);
  return valueChain;
}

function touchCarrier(env: EditEnvironment, valueChain: ModdleElement): void {
  const carrier = carrierOf(valueChain);
  if (carrier?.id) env.touched.add(carrier.id);
}

function setAttributes<T extends MlElementType>(env: EditEnvironment, element: ModdleElement, type: T, attrs: AttrEdits<T>): void {
  const update = attributeUpdate(type, attrs as Record<string, EditValue>);
  if ('id' in update) throw new Error(`The id of ${type} cannot be edited.`);
  for (const [name, value] of Object.entries(update)) env.log.set(element, name, value);
}

function list(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value: unknown = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}
