import { describe, expect, it } from 'vitest';
import { addDays, parseAmount, parseDate, readDecimal, readStepFacts } from '../../../../src/analysis/audit/facts';
import { validateAttributes } from '../../../../src/model/value-chain/schema';
import type { ModdleElement } from '../../../../src/model/moddle-types';
import { loadFixture } from './support';

/*
 * The audit reads the few fields it needs itself (readValueChain is too slow for the
 * budget); these tests hold its reading to the model's schema, value by value.
 */
const SAMPLES = ['12', ' 12 ', '-5', '+3', '0.25', '.5', '5.', '1,5', '1e3', '€ 10', '', '   ', 'abc', '1.234,5', '0', '-0.0'];
const DATES = ['2025-03-31', '2025-02-30', '2024-02-29', '2023-02-29', '31-03-2025', ' 2025-01-01 ', '2025-1-1', ''];

describe('value formats, exactly as the schema reads them', () => {
  it.each(SAMPLES)('decimal %j', (text) => {
    const schema = validateAttributes('ml:Kpi', { target: text });
    const ours = readDecimal(text);
    expect(ours.value).toEqual(schema.value.target);
    expect(ours.invalid !== undefined).toBe(schema.problems.some((p) => p.field === 'target'));
  });

  it.each(SAMPLES)('amount %j', (text) => {
    const schema = validateAttributes('ml:Resources', { plannedBudget: text });
    const ours = parseAmount(text);
    expect(ours.value).toEqual(schema.value.plannedBudget);
    expect(ours.invalid !== undefined).toBe(schema.problems.some((p) => p.field === 'plannedBudget'));
  });

  it.each(DATES)('date %j', (text) => {
    const schema = validateAttributes('ml:Agreement', { reviewDate: text });
    const ours = parseDate(text);
    expect(ours.value).toEqual(schema.value.reviewDate);
    expect(ours.invalid !== undefined).toBe(schema.problems.some((p) => p.field === 'reviewDate'));
  });
});

describe('addDays', () => {
  it('counts calendar days across months and leap years, rounding a part day up', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-11-22', 0.5)).toBe('2026-11-23');
    expect(addDays('2026-11-22', 0)).toBe('2026-11-22');
  });
});

describe('readStepFacts', () => {
  it('reads KPIs, RACI and resources, keeping unusable values as evidence', async () => {
    const definitions = await loadFixture('./rules/kpi-smart.finds.bpmn');
    const task = definitions.rootElements![1]!.flowElements!.find((e: ModdleElement) => e.id === 'Task_qualify');
    const facts = readStepFacts(task!);
    expect(facts.hasStep).toBe(true);
    expect(facts.kpis[2]).toEqual({
      index: 2,
      id: 'Kpi_noEnd',
      name: 'Qualification hours',
      unit: 'hours',
      periodStart: '2026-01-01',
      measurements: 0,
      invalid: [{ field: 'kpis[2].target', value: 'abc' }]
    });
    expect(facts.assignments).toEqual([
      { role: 'role-mkt', responsibility: 'accountable' },
      { role: 'role-sales', responsibility: 'consulted' }
    ]);
    expect(facts.resources).toEqual({ currency: 'EUR', plannedBudget: 1000, realisedBudget: 1050, plannedHours: 20, realisedHours: 21, invalid: [] });
  });
});
