import { msg, str } from '@lit/localize';
import type { FieldProblem } from '../../model/value-chain/schema';

/** Why a typed value cannot be stored, in the UI language; the English schema message is the fallback for rare codes. */
export function fieldProblemText(problem: FieldProblem): string {
  const value = problem.value ?? '';
  switch (problem.code) {
    case 'required':
      return msg('Please fill this in.');
    case 'not-a-date':
      return msg(str`"${value}" is not a date; choose one or type it as YYYY-MM-DD.`);
    case 'not-a-number':
      return msg(str`"${value}" is not a number; type digits, such as 1250 or 12,5.`);
    case 'period-reversed':
      return msg('The period ends before it starts.');
    case 'unknown-value':
      return msg(str`"${value}" is not one of the choices.`);
    default:
      return problem.message;
  }
}
