import { msg } from '@lit/localize';
import type {
  ActionStatus,
  ActivityGroup,
  AgreementStatus,
  DepartmentKind,
  KpiDirection,
  ObjectiveGroup,
  Responsibility,
  StepLevel
} from '../../model/value-chain/schema';
import type { KpiStatus } from '../../analysis/performance/schema';
import type { DurationUnit } from '../../model/value-chain/input-values';

/*
 * The value-chain vocabulary (DOMAIN.md §1–3) in the UI language, for every panel:
 * the properties panel, the tables, the dashboard and the actions name a stored code
 * the same way. Functions, not constants: msg() must run after a locale switch.
 */

/** The label of a stored code, or the code itself when a file holds a value outside the vocabulary (shown as it is). */
export function labelOf<T extends string>(choices: readonly T[], label: (value: T) => string, value: string): string {
  return (choices as readonly string[]).includes(value) ? label(value as T) : value;
}

/** Activity groups (DOMAIN.md §3), as a marketeer names them. */
export function activityGroupLabel(value: ActivityGroup): string {
  switch (value) {
    case 'preparation':
      return msg('Internal preparation');
    case 'sowing':
      return msg('External sowing');
    case 'harvest':
      return msg('External short-term harvest');
    case 'handling':
      return msg('Internal handling');
  }
}

/** Levels of the marketing hierarchy, from large to small. */
export function levelLabel(value: StepLevel): string {
  switch (value) {
    case 'concept':
      return msg('Marketing concept');
    case 'campaign':
      return msg('Campaign');
    case 'event':
      return msg('Event');
    case 'activity':
      return msg('Activity');
    case 'task':
      return msg('Task');
  }
}

/** A KPI objective group's name (DOMAIN.md §2), for table cells, headings and filters. */
export function objectiveGroupLabel(value: ObjectiveGroup): string {
  switch (value) {
    case 'input':
      return msg('Input');
    case 'throughput':
      return msg('Throughput');
    case 'customer':
      return msg('Customer-related');
    case 'harvest-short':
      return msg('Output: short-term harvest');
    case 'harvest-long':
      return msg('Output: long-term harvest');
    case 'sowing':
      return msg('Output: sowing');
    case 'hoeing':
      return msg('Hoeing');
  }
}

/** An objective group with what it measures in brackets, for a form's list of choices. */
export function objectiveGroupChoice(value: ObjectiveGroup): string {
  switch (value) {
    case 'input':
      return msg('Input (spending, costs)');
    case 'throughput':
      return msg('Throughput (work done as agreed)');
    case 'customer':
      return msg('Customer-related (reach, awareness, satisfaction)');
    case 'harvest-short':
      return msg('Output: short-term harvest (≤ 1 year)');
    case 'harvest-long':
      return msg('Output: long-term harvest (> 1 year)');
    case 'sowing':
      return msg('Output: sowing (contacts, brand, relations)');
    case 'hoeing':
      return msg('Hoeing (keeping a score at its level)');
  }
}

/** One line on what an objective group measures, so a marketeer knows where a KPI belongs. */
export function objectiveGroupHint(value: ObjectiveGroup): string {
  switch (value) {
    case 'input':
      return msg('Spending, investments and costs: must not exceed the target.');
    case 'throughput':
      return msg('Tasks, activities, campaigns and hours: as agreed, not more.');
    case 'customer':
      return msg('Reach, awareness, attitude, behaviour, satisfaction, loyalty.');
    case 'harvest-short':
      return msg('Within a year: new customers, sales, revenue, margin.');
    case 'harvest-long':
      return msg('Over more than a year: customer lifetime value, years as customer.');
    case 'sowing':
      return msg('Contacts, brand equity, distribution, relations, customer knowledge.');
    case 'hoeing':
      return msg('Keeping a score at its level, e.g. PR and public affairs.');
  }
}

/** How a realised value is compared with the target. */
export function directionLabel(value: KpiDirection): string {
  switch (value) {
    case 'at-most':
      return msg('At most');
    case 'at-least':
      return msg('At least');
    case 'exactly':
      return msg('Exactly');
  }
}

/** The direction as a sign before the target (≤ 45 EUR, ≥ 300 leads, = 100 %); empty when unknown. */
export function directionSign(value: KpiDirection | string | undefined): string {
  switch (value) {
    case 'at-most':
      return '≤';
    case 'at-least':
      return '≥';
    case 'exactly':
      return '=';
    default:
      return '';
  }
}

/** A KPI's status in words (never colour alone). */
export function kpiStatusLabel(status: KpiStatus): string {
  switch (status) {
    case 'on-track':
      return msg('On track');
    case 'off-track':
      return msg('Off track');
    case 'no-data':
      return msg('No data');
    case 'qualitative':
      return msg('Qualitative');
  }
}

/** A symbol beside a KPI status word, for a quick scan; the word carries the meaning. */
export function kpiStatusSymbol(status: KpiStatus): string {
  switch (status) {
    case 'on-track':
      return '✓';
    case 'off-track':
      return '✗';
    case 'no-data':
      return '–';
    case 'qualitative':
      return '❝';
  }
}

/** The life cycle of a handover agreement. */
export function agreementStatusLabel(value: AgreementStatus): string {
  switch (value) {
    case 'draft':
      return msg('Draft');
    case 'agreed':
      return msg('Agreed');
    case 'under-review':
      return msg('Under review');
  }
}

/** The status of an improvement action; a missing status is said as such. */
export function actionStatusLabel(status: ActionStatus | undefined): string {
  switch (status) {
    case 'open':
      return msg('Open');
    case 'in-progress':
      return msg('In progress');
    case 'done':
      return msg('Done');
    default:
      return msg('No status');
  }
}

/** A RACI responsibility with its letter, for a form's list of choices. */
export function responsibilityLabel(value: Responsibility): string {
  switch (value) {
    case 'accountable':
      return msg('Accountable (A)');
    case 'responsible':
      return msg('Responsible (R)');
    case 'consulted':
      return msg('Consulted (C)');
    case 'informed':
      return msg('Informed (I)');
  }
}

/** A RACI responsibility with what it means, beside its letter in the matrix. */
export function responsibilityMeaning(value: Responsibility): string {
  switch (value) {
    case 'responsible':
      return msg('Responsible (does the work)');
    case 'accountable':
      return msg('Accountable (answers for the result)');
    case 'consulted':
      return msg('Consulted (asked beforehand)');
    case 'informed':
      return msg('Informed (told afterwards)');
  }
}

/** Whether a lane or pool is a department or the customer. */
export function departmentKindLabel(value: DepartmentKind): string {
  return value === 'customer' ? msg('The customer') : msg('A department of the organisation');
}

/** Units for entering durations. */
export function durationUnitLabel(value: DurationUnit): string {
  switch (value) {
    case 'hours':
      return msg('hours');
    case 'days':
      return msg('days');
    case 'weeks':
      return msg('weeks');
  }
}
