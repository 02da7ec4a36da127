import { msg } from '@lit/localize';

/*
 * Readable names for the properties the semantic diff reports, e.g.
 * `ml:step.kpis[Kpi_1].target` → "performance measure Kpi_1 – target score" and
 * `name` → "name". Unknown properties keep their technical path, so nothing is hidden.
 */

/** The name of an ml: or BPMN attribute as an auditor knows it. */
export function attributeLabel(name: string): string | undefined {
  switch (name) {
    case 'name':
      return msg('name');
    case 'documentation':
      return msg('description');
    case 'activityGroup':
      return msg('activity group');
    case 'level':
      return msg('level');
    case 'objectiveGroup':
      return msg('objective group');
    case 'direction':
      return msg('direction');
    case 'target':
      return msg('target score');
    case 'realised':
      return msg('realised value');
    case 'evidence':
      return msg('evidence');
    case 'unit':
      return msg('unit');
    case 'periodStart':
      return msg('period start');
    case 'periodEnd':
      return msg('period end');
    case 'plannedBudget':
      return msg('planned budget');
    case 'realisedBudget':
      return msg('realised budget');
    case 'plannedHours':
      return msg('planned hours');
    case 'realisedHours':
      return msg('realised hours');
    case 'currency':
      return msg('currency');
    case 'budgetGroup':
      return msg('budget group');
    case 'responsibility':
      return msg('responsibility');
    case 'role':
      return msg('role');
    case 'status':
      return msg('status');
    case 'deliverable':
      return msg('deliverable');
    case 'criteria':
      return msg('criteria');
    case 'dueWithin':
      return msg('due within');
    case 'providerRole':
      return msg('provider');
    case 'receiverRole':
      return msg('receiver');
    case 'agreedOn':
      return msg('agreed on');
    case 'reviewDate':
      return msg('review date');
    case 'notes':
      return msg('notes');
    case 'kind':
      return msg('kind');
    case 'head':
      return msg('head');
    case 'owner':
      return msg('owner');
    case 'what':
      return msg('what will be improved');
    case 'due':
      return msg('due date');
    case 'valueProposition':
      return msg('value proposition');
    case 'text':
      return msg('text');
    case 'enabled':
      return msg('switched on');
    case 'severity':
      return msg('severity');
    case 'tolerance':
      return msg('tolerance');
    case 'reason':
      return msg('reason');
    case 'planned':
      return msg('planned duration');
    case 'realisedAverage':
      return msg('realised average duration');
    case 'probability':
      return msg('probability');
    default:
      return undefined;
  }
}

/** The name of an ml: part that holds attributes, e.g. a KPI or the resources: the XML name the diff paths use (`kpi`), or the model property (`kpis`). */
function partLabel(name: string): string | undefined {
  switch (name) {
    case 'step':
      return msg('step');
    case 'kpi':
    case 'kpis':
      return msg('performance measure');
    case 'resources':
      return msg('resources');
    case 'assignment':
    case 'assignments':
      return msg('assignment');
    case 'duration':
      return msg('duration');
    case 'agreement':
      return msg('agreement');
    case 'department':
      return msg('department');
    case 'valueChain':
      return msg('value chain');
    case 'role':
    case 'roles':
      return msg('role');
    case 'customerPromise':
      return msg('customer promise');
    case 'ruleSetting':
    case 'ruleSettings':
      return msg('rule setting');
    case 'exemption':
      return msg('exemption');
    case 'measurement':
    case 'measurements':
      return msg('measurement');
    case 'simulation':
      return msg('simulation');
    case 'action':
    case 'actions':
      return msg('improvement action');
    default:
      return undefined;
  }
}

/**
 * A diff property path in words: the innermost part that has an id or a name
 * (a KPI, a role) with that id, then the attribute. `ml:step.kpis[Kpi_1].target` →
 * "performance measure Kpi_1 – target score"; `ml:step.resources[0].plannedBudget` →
 * "resources – planned budget".
 */
export function propertyLabel(path: string): string {
  const segments = path.replace(/^ml:/, '').split('.');
  const last = segments[segments.length - 1]!;
  const attribute = attributeLabel(last);
  if (segments.length === 1) return attribute ?? path;
  const parent = /^([^[\]]+)(?:\[([^\]]+)\])?$/.exec(segments[segments.length - 2]!);
  const part = parent ? partLabel(parent[1]!) : undefined;
  if (!attribute || !part) return path;
  const key = parent?.[2];
  const named = key !== undefined && !/^\d+$/.test(key) ? `${part} ${key}` : part;
  return `${named} – ${attribute}`;
}
