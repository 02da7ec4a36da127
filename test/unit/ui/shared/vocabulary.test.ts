import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  ACTIVITY_GROUPS,
  AGREEMENT_STATUSES,
  DEPARTMENT_KINDS,
  KPI_DIRECTIONS,
  OBJECTIVE_GROUPS,
  RESPONSIBILITIES,
  STEP_LEVELS
} from '../../../../src/model/value-chain/schema';
import {
  actionStatusLabel,
  activityGroupLabel,
  agreementStatusLabel,
  departmentKindLabel,
  directionLabel,
  directionSign,
  kpiStatusLabel,
  kpiStatusSymbol,
  labelOf,
  levelLabel,
  objectiveGroupChoice,
  objectiveGroupHint,
  objectiveGroupLabel,
  responsibilityLabel,
  responsibilityMeaning
} from '../../../../src/ui/shared/vocabulary';

/** Every code gets its own words: two codes never read the same, and none reads as its raw code or empty. */
function expectDistinctWords<T extends string>(codes: readonly T[], label: (code: T) => string): void {
  const words = codes.map(label);
  expect(new Set(words).size).toBe(codes.length);
  for (const [i, word] of words.entries()) {
    expect(word.trim().length).toBeGreaterThan(0);
    expect(word).not.toBe(codes[i]);
  }
}

describe('value-chain vocabulary', () => {
  it('names every stored code of every list in its own words', () => {
    expectDistinctWords(ACTIVITY_GROUPS, activityGroupLabel);
    expectDistinctWords(STEP_LEVELS, levelLabel);
    expectDistinctWords(OBJECTIVE_GROUPS, objectiveGroupLabel);
    expectDistinctWords(OBJECTIVE_GROUPS, objectiveGroupChoice);
    expectDistinctWords(OBJECTIVE_GROUPS, objectiveGroupHint);
    expectDistinctWords(KPI_DIRECTIONS, directionLabel);
    expectDistinctWords(KPI_DIRECTIONS, directionSign);
    expectDistinctWords(AGREEMENT_STATUSES, agreementStatusLabel);
    expectDistinctWords(ACTION_STATUSES, actionStatusLabel);
    expectDistinctWords(RESPONSIBILITIES, responsibilityLabel);
    expectDistinctWords(RESPONSIBILITIES, responsibilityMeaning);
    expectDistinctWords(DEPARTMENT_KINDS, departmentKindLabel);
    expectDistinctWords(['on-track', 'off-track', 'no-data', 'qualitative'] as const, kpiStatusLabel);
    expectDistinctWords(['on-track', 'off-track', 'no-data', 'qualitative'] as const, kpiStatusSymbol);
  });

  it('uses the short name of an objective group inside its longer form for choices', () => {
    for (const group of OBJECTIVE_GROUPS) expect(objectiveGroupChoice(group).startsWith(objectiveGroupLabel(group).split(' ')[0]!)).toBe(true);
  });

  it('shows a value outside the vocabulary as it is, so invalid file data stays visible', () => {
    expect(labelOf(OBJECTIVE_GROUPS, objectiveGroupLabel, 'harvest-short')).toBe('Output: short-term harvest');
    expect(labelOf(OBJECTIVE_GROUPS, objectiveGroupLabel, 'oogst')).toBe('oogst');
    expect(labelOf(KPI_DIRECTIONS, directionLabel, '')).toBe('');
    expect(directionSign('sideways')).toBe('');
    expect(actionStatusLabel(undefined)).toBe('No status');
  });
});
