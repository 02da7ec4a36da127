import { describe, expect, it } from 'vitest';
import { createModdle } from '../../../../src/model/bpmn-io';
import {
  attributeUpdate,
  createExtension,
  extensionValuesWith,
  extensionValuesWithout,
  toStoredValue
} from '../../../../src/model/value-chain/read';

describe('helpers for value-chain edits', () => {
  it('stores numbers and booleans as text and blank input as absent', () => {
    expect(toStoredValue(1234.5)).toBe('1234.5');
    expect(toStoredValue(true)).toBe('true');
    expect(toStoredValue('  ')).toBeUndefined();
    expect(toStoredValue(Number.NaN)).toBeUndefined();
    expect(toStoredValue('12x')).toBe('12x');
  });

  it('builds an update that clears emptied fields and refuses unknown ones', () => {
    expect(attributeUpdate('ml:Kpi', { target: 250, unit: 'leads', realised: '' })).toEqual({ target: '250', unit: 'leads', realised: undefined });
    expect(() => attributeUpdate('ml:Kpi', { budget: 5 })).toThrow('ml:Kpi has no attribute "budget".');
  });

  it('creates an extension element with its children attached', () => {
    const moddle = createModdle();
    const kpi = createExtension(moddle, 'ml:Kpi', { id: 'Kpi_1', target: 10, unit: '%', evidence: '' });
    const step = createExtension(moddle, 'ml:Step', { activityGroup: 'sowing' }, { kpis: [kpi] });
    expect(step.$type).toBe('ml:Step');
    expect(step.kpis).toEqual([kpi]);
    expect(kpi.$parent).toBe(step);
    expect(kpi.target).toBe('10');
    expect(kpi.evidence).toBeUndefined();
  });

  it('computes new extension lists without changing the current one', () => {
    // given a task with a foreign extension and a step
    const moddle = createModdle();
    const foreign = moddle.createAny('camunda:properties', 'http://camunda.org/schema/1.0/bpmn', {});
    const oldStep = createExtension(moddle, 'ml:Step', { activityGroup: 'sowing' });
    const task = moddle.create('bpmn:Task', { id: 'Task_1' });
    task.extensionElements = moddle.create('bpmn:ExtensionElements', { values: [foreign, oldStep] });
    const newStep = createExtension(moddle, 'ml:Step', { activityGroup: 'harvest' });
    const exemption = createExtension(moddle, 'ml:Exemption', { rule: 'kpi-required', reason: 'pilot' });
    // then a step is replaced in place, an exemption appended, and the foreign element kept
    expect(extensionValuesWith(task, newStep)).toEqual([foreign, newStep]);
    expect(extensionValuesWith(task, exemption, false)).toEqual([foreign, oldStep, exemption]);
    expect(extensionValuesWithout(task, 'ml:Step')).toEqual([foreign]);
    expect(task.extensionElements.values).toEqual([foreign, oldStep]);
  });
});
