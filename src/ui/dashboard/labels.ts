import { msg, str } from '@lit/localize';
import type { ActivityGroup, Direction, KpiStatus, ObjectiveGroup, Trend } from '../../analysis/performance/schema';
import type { NoDataReason } from '../../analysis/performance/kpi-status';

/*
 * The words the dashboard shows for stored codes. Functions, not constants, so
 * they follow a language switch.
 */

/** The objective group as the source names it (DOMAIN.md §2); undefined is the bucket of KPIs without a valid group. */
export function objectiveGroupLabel(group: ObjectiveGroup | undefined): string {
  switch (group) {
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
    case undefined:
      return msg('Without objective group');
  }
}

/** One line on what an objective group measures, so a marketeer knows where a KPI belongs. */
export function objectiveGroupHint(group: ObjectiveGroup | undefined): string {
  switch (group) {
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
    case undefined:
      return msg('These KPIs name no valid objective group; choose one in the KPI table.');
  }
}

/** The activity group (DOMAIN.md §3); undefined for activities without one. */
export function activityGroupLabel(group: ActivityGroup | undefined): string {
  switch (group) {
    case 'preparation':
      return msg('Internal preparation');
    case 'sowing':
      return msg('External sowing');
    case 'harvest':
      return msg('External short-term harvest');
    case 'handling':
      return msg('Internal handling');
    case undefined:
      return msg('Without activity group');
  }
}

/** A KPI status in words (never colour alone). */
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

/** A symbol beside the status word, for a quick scan; the word carries the meaning. */
export function statusSymbol(status: KpiStatus | 'on-track' | 'off-track' | 'no-data'): string {
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

/** Why a KPI has no status. */
export function noDataReasonLabel(reason: NoDataReason | undefined): string {
  switch (reason) {
    case 'no-realised':
      return msg('nothing realised yet');
    case 'no-target':
      return msg('no target');
    case 'no-direction':
      return msg('no direction');
    default:
      return '';
  }
}

/** The trend of a KPI's measurements in words. */
export function trendLabel(trend: Trend | undefined): string {
  switch (trend) {
    case 'improving':
      return msg('improving');
    case 'worsening':
      return msg('worsening');
    case 'flat':
      return msg('flat');
    default:
      return '';
  }
}

/** The direction as a symbol before the target: ≤ 45 EUR, ≥ 300 leads, = 100 %. */
export function directionSymbol(direction: Direction | string | undefined): string {
  switch (direction) {
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

/** The direction in words, for screen readers and tooltips. */
export function directionLabel(direction: Direction | undefined, assumed: boolean): string {
  const word =
    direction === 'at-most' ? msg('at most') : direction === 'at-least' ? msg('at least') : direction === 'exactly' ? msg('exactly') : msg('no direction');
  return assumed ? msg(str`${word} (usual for this objective group)`) : word;
}
