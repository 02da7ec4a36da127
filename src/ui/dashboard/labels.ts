import { msg, str } from '@lit/localize';
import type { ActivityGroup, Direction, ObjectiveGroup, Trend } from '../../analysis/performance/schema';
import type { NoDataReason } from '../../analysis/performance/kpi-status';
import { activityGroupLabel, objectiveGroupHint, objectiveGroupLabel } from '../shared/vocabulary';

/*
 * The dashboard's own words (the value-chain vocabulary is in ../shared/vocabulary).
 * Functions, not constants, so they follow a language switch.
 */

/** An objective group's name; undefined is the bucket of KPIs without a valid group. */
export function objectiveGroupOrNone(group: ObjectiveGroup | undefined): string {
  return group ? objectiveGroupLabel(group) : msg('Without objective group');
}

/** What an objective group measures; for the bucket without a group, where to fix it. */
export function objectiveGroupHintOrNone(group: ObjectiveGroup | undefined): string {
  return group ? objectiveGroupHint(group) : msg('These KPIs name no valid objective group; choose one in the KPI table.');
}

/** An activity group's name; undefined for activities without one. */
export function activityGroupOrNone(group: ActivityGroup | undefined): string {
  return group ? activityGroupLabel(group) : msg('Without activity group');
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

/** The direction in words, for screen readers and tooltips. */
export function directionInWords(direction: Direction | undefined, assumed: boolean): string {
  const word =
    direction === 'at-most' ? msg('at most') : direction === 'at-least' ? msg('at least') : direction === 'exactly' ? msg('exactly') : msg('no direction');
  return assumed ? msg(str`${word} (usual for this objective group)`) : word;
}
