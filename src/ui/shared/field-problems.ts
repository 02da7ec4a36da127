import { msg, str } from '@lit/localize';
import type { FieldProblem, SchemaIssueCode } from '../../model/value-chain/schema';

/*
 * The reasons a value is refused, said the same way at a panel field, a table cell
 * and a dialog field. Functions, not constants: msg() must run after a locale switch.
 */

/** Why a typed or stored value is refused, in the UI language, with the text as it was typed or stored. */
export function problemText(code: SchemaIssueCode | 'probability-sum' | 'probability-missing', value?: string, sum?: number): string {
  const v = value ?? '';
  switch (code) {
    case 'required':
      return msg('This field is required.');
    case 'unknown-value':
      return msg(str`“${v}” is not one of the choices; pick one from the list.`);
    case 'not-a-number':
      return msg(str`“${v}” is not a number. Type digits, such as 1500 or 12,5.`);
    case 'negative':
      return msg(str`“${v}” is negative; it must be 0 or more.`);
    case 'not-a-percentage':
      return msg(str`“${v}” is not a percentage; type a number from 0 to 100.`);
    case 'not-a-date':
      return msg(str`“${v}” is not a date; write it as YYYY-MM-DD.`);
    case 'not-a-duration':
      return msg(str`“${v}” is not a duration; type a number and choose hours, days or weeks.`);
    case 'not-a-boolean':
      return msg(str`“${v}” must be yes or no.`);
    case 'not-a-currency':
      return msg(str`“${v}” is not a currency code such as EUR or USD.`);
    case 'period-reversed':
      return msg('The period ends before it starts.');
    case 'unit-missing':
      return msg('A target needs a unit: say what is measured, such as EUR, % or customers.');
    case 'triangle-incomplete':
      return msg('Enter minimum, most likely and maximum together.');
    case 'triangle-order':
      return msg('Minimum, most likely and maximum must be in increasing order.');
    case 'budget-group-mismatch':
      return msg('The budget group must be the activity group of this step.');
    case 'unknown-role':
      return msg(str`The role “${v}” is not in the role catalogue.`);
    case 'duplicate-id':
      return msg(str`The id “${v}” is used more than once in this model.`);
    case 'not-an-integer':
      return msg(str`“${v}” is not a whole number.`);
    case 'not-a-time-zone':
      return msg(str`“${v}” is not a time zone; write it like Europe/Amsterdam.`);
    case 'not-a-date-time':
      return msg(str`“${v}” is not a date and time; write it like 2026-01-05T09:00.`);
    case 'not-weekdays':
      return msg(str`“${v}” are not weekdays; write them like mon tue wed thu fri.`);
    case 'not-working-hours':
      return msg(str`“${v}” are not working hours; write them like 09:00-17:00 or 08:30-12:00 13:00-17:00.`);
    case 'not-a-date-list':
      return msg(str`“${v}” are not dates; write them like 2026-12-25 2026-12-26.`);
    case 'distribution-incomplete':
      return msg('This distribution needs more values: fixed and exponential a mean; normal, lognormal and gamma a mean and a standard deviation; uniform a minimum and maximum; triangular all three.');
    case 'distribution-order':
      return msg('Minimum, most likely and maximum must be in increasing order.');
    case 'unknown-reference':
      return msg(str`“${v}” does not exist in this model.`);
    case 'probability-sum':
      return msg(str`The outgoing flows add up to ${sum ?? 0} %; they must add up to 100 %. Not saved until they do.`);
    case 'probability-missing':
      return msg('Give every outgoing flow a probability (the default flow may take the rest). Not saved until they add up to 100 %.');
  }
}

/** The reason for a problem the schema or an edit check reported. */
export function fieldProblemText(problem: Pick<FieldProblem, 'code' | 'value'>): string {
  return problemText(problem.code, problem.value);
}
