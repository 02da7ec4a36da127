import { msg, str } from '@lit/localize';
import type { KpiStatus } from '../../analysis/performance/schema';
import type { FieldProblem, Responsibility } from '../../model/value-chain/schema';

/*
 * The words the tables show for stored codes (objective groups, directions, statuses,
 * responsibilities). Functions, not constants, so that they follow a language switch.
 */

/** The objective group in the UI language (DOMAIN.md section 2). */
export function objectiveGroupLabel(value: string): string {
  switch (value) {
    case 'input':
      return msg('Input');
    case 'throughput':
      return msg('Throughput');
    case 'customer':
      return msg('Customer-related');
    case 'harvest-short':
      return msg('Harvest, short term');
    case 'harvest-long':
      return msg('Harvest, long term');
    case 'sowing':
      return msg('Sowing');
    case 'hoeing':
      return msg('Hoeing');
    default:
      return value;
  }
}

/** How a realised value is compared with the target, in the UI language. */
export function directionLabel(value: string): string {
  switch (value) {
    case 'at-most':
      return msg('At most');
    case 'at-least':
      return msg('At least');
    case 'exactly':
      return msg('Exactly');
    default:
      return value;
  }
}

/** The KPI status in the UI language. */
export function statusLabel(status: KpiStatus): string {
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

/** The RACI responsibility in the UI language, as a short explanation of its letter. */
export function responsibilityLabel(value: Responsibility): string {
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

/** Why a typed or stored KPI value cannot be used, in the UI language (English fallback for rare codes). */
export function problemText(problem: FieldProblem): string {
  const value = problem.value ?? '';
  switch (problem.code) {
    case 'not-a-number':
      return msg(str`"${value}" is not a number; type digits, such as 1250 or 12,5.`);
    case 'negative':
      return msg(str`"${value}" is negative; it must be 0 or more.`);
    case 'not-a-date':
      return msg(str`"${value}" is not a date; choose a date such as 2026-03-31.`);
    case 'period-reversed':
      return msg('The period ends before it starts.');
    case 'unit-missing':
      return msg('A target needs a unit: say what is measured, such as EUR, % or customers.');
    case 'unknown-value':
      return msg(str`"${value}" is not one of the allowed values.`);
    case 'required':
      return msg('This field is required.');
    default:
      return problem.message;
  }
}
