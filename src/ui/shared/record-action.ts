import { msg, str } from '@lit/localize';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { Modeler } from '../../modeler/create-modeler';
import type { ModdleElement } from '../../model/moddle-types';
import { getExtension } from '../../model/value-chain/extension';
import { checkChanges } from '../../model/value-chain/edit-check';
import type ValueChainEditor from '../../modeler/features/value-chain/ValueChainEditor';
import type ImprovementActions from '../../modeler/features/actions/ImprovementActions';
import { ruleTitle } from '../../modeler/features/audit-markers/finding-text';
import { fieldProblemText } from './field-problems';
import './ml-action-dialog';
import type { MlActionDialog, ActionFormValues } from './ml-action-dialog';

/** What an improvement action is about: the element, and the KPI or audit finding that prompted it. */
export interface ActionSubject {
  /** The BPMN element the action improves. */
  readonly elementId: string;
  /** The KPI (ml:Kpi id) that prompted it, from the dashboard. */
  readonly kpiId?: string;
  /** The audit rule whose finding prompted it, from the audit panel. */
  readonly findingRule?: string;
  /** The finding as the audit panel shows it, so the dialog can quote it. */
  readonly findingText?: string;
  /** A first wording of the action, which the user may change. */
  readonly what?: string;
}

function dialog(): MlActionDialog {
  let el = document.querySelector('ml-action-dialog');
  if (!el) {
    el = document.createElement('ml-action-dialog');
    document.body.appendChild(el);
  }
  return el as MlActionDialog;
}

function businessObject(modeler: Modeler, elementId: string | undefined): ModdleElement | undefined {
  if (!elementId) return undefined;
  const shape = modeler.get<ElementRegistry>('elementRegistry').get(elementId) as { businessObject?: ModdleElement } | undefined;
  return shape?.businessObject;
}

/** The element's name as the diagram shows it, or its id when it has none. */
export function elementName(modeler: Modeler, elementId: string | undefined): string {
  if (!elementId) return '';
  return businessObject(modeler, elementId)?.name?.trim() || elementId;
}

/** The name of a KPI of an activity, or its id. */
export function kpiName(modeler: Modeler, elementId: string | undefined, kpiId: string | undefined): string {
  if (!kpiId) return '';
  const kpis = (getExtension(businessObject(modeler, elementId), 'ml:Step')?.kpis as ModdleElement[] | undefined) ?? [];
  return kpis.find((k) => k.id === kpiId)?.name?.trim() || kpiId;
}

/** Sentences that say what an action is about, for the dialog and the list. */
export function describeSubject(modeler: Modeler, subject: { elementId?: string; kpiId?: string; findingRule?: string; findingText?: string }): string[] {
  const lines: string[] = [];
  if (subject.elementId) {
    const present = !!businessObject(modeler, subject.elementId);
    const name = elementName(modeler, subject.elementId);
    lines.push(present ? msg(str`Step or element: ${name}`) : msg(str`Element ${name} is no longer in the model.`));
  }
  if (subject.kpiId) lines.push(msg(str`Prompted by the KPI: ${kpiName(modeler, subject.elementId, subject.kpiId)}`));
  if (subject.findingRule) lines.push(msg(str`Prompted by the audit finding: ${subject.findingText ?? ruleTitle(subject.findingRule)}`));
  return lines;
}

/** Role names and people of the value chain, offered as owners. */
function ownerSuggestions(modeler: Modeler): string[] {
  const roles = (modeler.get<ValueChainEditor>('valueChainEditor').getValueChain()?.roles as ModdleElement[] | undefined) ?? [];
  const names = new Set<string>();
  for (const role of roles) {
    if (role.name?.trim()) names.add(role.name.trim());
    if (typeof role.person === 'string' && role.person.trim()) names.add(role.person.trim());
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** Checks the form against the schema and writes it; returns the reasons per field when nothing was written. */
function validate(stored: Record<string, string | undefined>, values: ActionFormValues) {
  const changes: Record<string, string | undefined> = { what: values.what.trim(), owner: values.owner.trim(), due: values.due, status: values.status };
  for (const key of Object.keys(changes)) if ((changes[key] ?? '') === (stored[key] ?? '')) delete changes[key];
  const { accepted, rejected } = checkChanges('ml:Action', stored, changes);
  const errors: Partial<Record<keyof ActionFormValues, string>> = {};
  for (const [field, problem] of Object.entries(rejected)) errors[field as keyof ActionFormValues] = fieldProblemText(problem);
  return { accepted, errors };
}

/**
 * Asks the user for an improvement action about an element (from a KPI or an audit
 * finding) and records it as one undoable command. Resolves the new action's id,
 * or null when the user cancelled. This is the entry point for other panels, such
 * as the audit panel's "Record action" button.
 */
export function recordImprovementAction(modeler: Modeler, subject: ActionSubject): Promise<string | null> {
  const actions = modeler.get<ImprovementActions>('improvementActions');
  let created: string | null = null;
  return new Promise((resolve) =>
    dialog().open({
      title: msg('Record an improvement action'),
      context: describeSubject(modeler, subject),
      values: { what: subject.what ?? '', owner: '', due: '', status: 'open' },
      owners: ownerSuggestions(modeler),
      confirmLabel: msg('Record action'),
      save: (values) => {
        const { accepted, errors } = validate({}, values);
        if (!values.what.trim()) errors.what = msg('Please say what will be improved.');
        if (Object.keys(errors).length) return errors;
        created = actions.add({
          ...accepted,
          elementId: subject.elementId,
          ...(subject.kpiId ? { kpiId: subject.kpiId } : {}),
          ...(subject.findingRule ? { findingRule: subject.findingRule } : {})
        });
        return undefined;
      },
      resolve: (saved) => resolve(saved ? created : null)
    })
  );
}

/** Lets the user change an action's text, owner, due date and status; one undoable command. Resolves true when saved. */
export function editImprovementAction(modeler: Modeler, actionId: string): Promise<boolean> {
  const actions = modeler.get<ImprovementActions>('improvementActions');
  const entry = actions.get(actionId);
  if (!entry) return Promise.resolve(false);
  return new Promise((resolve) =>
    dialog().open({
      title: msg('Edit improvement action'),
      context: describeSubject(modeler, entry),
      values: { what: entry.stored.what ?? '', owner: entry.stored.owner ?? '', due: entry.stored.due ?? '', status: entry.status ?? 'open' },
      owners: ownerSuggestions(modeler),
      confirmLabel: msg('Save'),
      save: (values) => {
        const { accepted, errors } = validate(entry.stored, values);
        if (Object.keys(errors).length) return errors;
        actions.update(actionId, accepted);
        return undefined;
      },
      resolve
    })
  );
}
