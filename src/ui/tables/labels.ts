import { msg, str } from '@lit/localize';
import type { FieldProblem } from '../../model/value-chain/schema';

/*
 * The tables' own words (the value-chain vocabulary is in ../common/vocabulary).
 * Functions, not constants, so that they follow a language switch.
 */

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
