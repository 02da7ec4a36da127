import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ModdleElement } from '../../../model/moddle-types';
import { getExtension } from '../../../model/value-chain/extension';
import { storedAttributes } from '../../../model/value-chain/read';
import { DEPARTMENT_KINDS, type DepartmentKind } from '../../../model/value-chain/schema';
import { durationFromInput, durationToInput, normaliseDecimal, preferredDurationUnit } from '../../../model/value-chain/input-values';
import type { AttrGroup } from '../form-state';
import { fieldId, selectField, textField } from '../fields';
import { departmentKindLabel, durationUnitLabel } from '../../shared/vocabulary';
import type { DiagramElement, PanelView } from '../panel-view';
import { section } from './section';

/** The department of a lane or pool: who works there, or that it is the customer. */
export function departmentSection(view: PanelView, element: DiagramElement): TemplateResult {
  const department = getExtension(element.businessObject, 'ml:Department');
  const stored = department ? storedAttributes(department, 'ml:Department') : {};
  const group: AttrGroup = { key: `${element.id}/department`, type: 'ml:Department', stored, element, edits: (accepted) => [{ kind: 'department', attrs: accepted }] };
  const id = (f: string) => fieldId(element.id, 'department', f);
  const problem = (f: string) => view.problemText(view.form.problem(group, f));
  const status = stored.kind === 'customer' ? msg('customer') : stored.name ?? msg('not set');
  return section('department', msg('Department'), status, false, html`
    ${selectField({
      id: id('kind'),
      name: 'kind',
      label: msg('This lane stands for'),
      value: view.form.text(group, 'kind'),
      options: DEPARTMENT_KINDS.map((k: DepartmentKind) => [k, departmentKindLabel(k)]),
      hint: msg('Mark the customer, so the process can start and end with the customer.'),
      problem: problem('kind'),
      onCommit: (t) => view.form.commit(group, 'kind', t)
    })}
    ${textField({ id: id('name'), name: 'name', label: msg('Department name'), value: view.form.text(group, 'name'), placeholder: element.businessObject.name ?? '', problem: problem('name'), onCommit: (t) => view.form.commit(group, 'name', t.trim()) })}
    ${textField({ id: id('head'), name: 'head', label: msg('Head of department'), value: view.form.text(group, 'head'), problem: problem('head'), onCommit: (t) => view.form.commit(group, 'head', t.trim()) })}
  `);
}

/** Simulation inputs that belong to one element: firing or repeat probability, arrival interval, delay. */
export function simulationSection(view: PanelView, element: DiagramElement): TemplateResult | undefined {
  const bo = element.businessObject;
  const field = simulationField(bo);
  if (!field) return undefined;
  const simulation = getExtension(bo, 'ml:Simulation');
  const stored = simulation ? storedAttributes(simulation, 'ml:Simulation') : {};
  const group: AttrGroup = { key: `${element.id}/simulation`, type: 'ml:Simulation', stored, element, edits: (accepted) => [{ kind: 'simulation', attrs: accepted }] };
  const id = fieldId(element.id, 'simulation', field.name);
  const problem = view.problemText(view.form.problem(group, field.name));
  const unit = preferredDurationUnit([stored[field.name]]);
  const input =
    field.kind === 'percent'
      ? textField({ id, name: field.name, label: field.label, hint: field.hint, value: view.form.text(group, field.name), inputmode: 'decimal', suffix: '%', problem, onCommit: (t) => view.form.commit(group, field.name, t, normaliseDecimal) })
      : textField({
          id,
          name: field.name,
          label: field.label,
          hint: field.hint,
          value: view.form.text(group, field.name, (s) => durationToInput(s, unit)),
          inputmode: 'decimal',
          suffix: durationUnitLabel(unit),
          problem,
          onCommit: (t) => view.form.commit(group, field.name, t, (x) => durationFromInput(x, unit))
        });
  return section('simulation', msg('Simulation'), stored[field.name] ? (field.kind === 'percent' ? `${stored[field.name]} %` : `${durationToInput(stored[field.name], unit)} ${durationUnitLabel(unit)}`) : msg('not set'), false, input);
}

function simulationField(bo: ModdleElement): { name: 'probability' | 'repeatProbability' | 'arrivalInterval' | 'delay'; kind: 'percent' | 'duration'; label: string; hint: string } | undefined {
  const definitions = bo.eventDefinitions ?? [];
  switch (bo.$type) {
    case 'bpmn:BoundaryEvent':
      return { name: 'probability', kind: 'percent', label: msg('Probability that it fires'), hint: msg('In how many of the cases this event interrupts or branches off the activity.') };
    case 'bpmn:StartEvent':
      return { name: 'arrivalInterval', kind: 'duration', label: msg('A new case starts every'), hint: msg('The average time between two new cases, for the simulation.') };
    case 'bpmn:IntermediateCatchEvent':
      if (definitions.some((d) => d.$type === 'bpmn:TimerEventDefinition')) return undefined;
      return { name: 'delay', kind: 'duration', label: msg('Waiting time'), hint: msg('How long the process waits here on average, for the simulation.') };
    default:
      if (bo.loopCharacteristics?.$type === 'bpmn:StandardLoopCharacteristics') {
        return { name: 'repeatProbability', kind: 'percent', label: msg('Probability of another round'), hint: msg('After each round: how often the loop runs again.') };
      }
      return undefined;
  }
}
